//! TLS test fixtures: certificates made by the `openssl` CLI for each test (a CA, a server certificate for 127.0.0.1 and localhost, a client certificate, and an unrelated CA), and a TLS-only redis-server (`--port 0 --tls-port P`).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Every certificate and key of one test, in a folder of its own.
pub struct Certs {
    pub dir: tempfile::TempDir,
}

impl Certs {
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// The CA that signed the server and client certificates.
    pub fn ca(&self) -> PathBuf {
        self.path("ca.crt")
    }
    /// A CA that signed nothing here.
    pub fn other_ca(&self) -> PathBuf {
        self.path("other-ca.crt")
    }
    pub fn client_cert(&self) -> PathBuf {
        self.path("client.crt")
    }
    pub fn client_key(&self) -> PathBuf {
        self.path("client.key")
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run openssl (is it installed?)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA key and self-signed certificate named `<name>.key` / `<name>.crt`.
fn make_ca(dir: &Path, name: &str) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.crt"),
            "-days",
            "2",
            "-subj",
            &format!("/CN=tartarus test {name}"),
        ],
    );
}

/// A key and certificate `<name>.key` / `<name>.crt` signed by `ca`, with these extensions.
fn make_leaf(dir: &Path, name: &str, ca: &str, extensions: &str) {
    std::fs::write(dir.join(format!("{name}.ext")), extensions).unwrap();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
            "-subj",
            &format!("/CN={name}"),
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{name}.csr"),
            "-CA",
            &format!("{ca}.crt"),
            "-CAkey",
            &format!("{ca}.key"),
            "-CAcreateserial",
            "-out",
            &format!("{name}.crt"),
            "-days",
            "2",
            "-extfile",
            &format!("{name}.ext"),
        ],
    );
}

/// Generates the certificates of one test.
pub fn generate() -> Certs {
    let dir = tempfile::Builder::new()
        .prefix("tartarus-tls-")
        .tempdir()
        .expect("tempdir");
    make_ca(dir.path(), "ca");
    make_ca(dir.path(), "other-ca");
    make_leaf(
        dir.path(),
        "server",
        "ca",
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n",
    );
    make_leaf(dir.path(), "client", "ca", "extendedKeyUsage=clientAuth\n");
    Certs { dir }
}

/// A redis-server that speaks only TLS. Killed on drop.
pub struct TlsServer {
    pub port: u16,
    pub dir: tempfile::TempDir,
    child: Child,
    ca: PathBuf,
    /// The server requires client certificates (`--tls-auth-clients yes`).
    pub mutual: bool,
}

impl TlsServer {
    /// Starts one on a free port; `mutual`: clients must present a certificate signed by the CA.
    pub fn start(certs: &Certs, mutual: bool, extra: &[&str]) -> TlsServer {
        for _ in 0..5 {
            let dir = tempfile::Builder::new()
                .prefix("tartarus-redis-tls-")
                .tempdir()
                .expect("tempdir");
            let port = super::free_port();
            let mut args: Vec<String> = [
                "--port",
                "0",
                "--tls-port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.path().to_str().unwrap(),
                "--save",
                "",
                "--appendonly",
                "no",
                "--logfile",
                "redis.log",
                "--daemonize",
                "no",
                "--tls-cert-file",
                certs.path("server.crt").to_str().unwrap(),
                "--tls-key-file",
                certs.path("server.key").to_str().unwrap(),
                "--tls-ca-cert-file",
                certs.ca().to_str().unwrap(),
                "--tls-auth-clients",
                if mutual { "yes" } else { "no" },
                "--tls-replication",
                "yes",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            args.extend(extra.iter().map(|s| s.to_string()));
            let child = Command::new(super::redis_server_binary())
                .args(&args)
                .current_dir(dir.path())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn redis-server");
            let mut server = TlsServer {
                port,
                dir,
                child,
                ca: certs.ca(),
                mutual,
            };
            if server.wait_ready(certs) {
                return server;
            }
        }
        panic!("could not start a TLS redis-server after 5 tries");
    }

    fn wait_ready(&mut self, certs: &Certs) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            let out = self.cli(certs, &["PING"]);
            if out.trim() == "PONG" {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("TLS redis-server did not answer within 20s: {}", self.log());
    }

    /// `redis-cli --tls` against this server (with the client certificate); its stdout.
    pub fn cli(&self, certs: &Certs, args: &[&str]) -> String {
        let out = Command::new("redis-cli")
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "--tls"])
            .arg("--cacert")
            .arg(&self.ca)
            .arg("--cert")
            .arg(certs.client_cert())
            .arg("--key")
            .arg(certs.client_key())
            .args(args)
            .output()
            .expect("run redis-cli");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("redis.log")).unwrap_or_default()
    }

    /// `rediss://127.0.0.1:P`.
    pub fn url(&self) -> String {
        format!("rediss://127.0.0.1:{}", self.port)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
