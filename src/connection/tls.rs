//! TLS for every connection: the process's rustls crypto provider (installed once), the certificates the redis crate connects with, and the rustls client configuration of the raw replication stream — both built from the same checked settings.

use std::sync::{Arc, Once};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};

use super::error::{Failure, FailureKind, Result};
use crate::config::TlsSettings;

/// Installs the ring crypto provider as the process default, once. The redis crate builds its
/// rustls configurations with the process default and panics without one, so this runs before
/// any connection (and at the start of `main`).
pub fn install_crypto_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Err means another provider is installed already: that one serves as well.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// Says loudly, once per process, that server certificates are not checked.
fn warn_insecure() {
    static WARN: Once = Once::new();
    WARN.call_once(|| {
        tracing::warn!(
            "TLS certificate verification is OFF (--tls-insecure / REDIS_TLS_INSECURE): traffic is \
             encrypted, but anyone on the path can pretend to be Redis and read the password; \
             use --tls-ca-file instead"
        );
    });
}

/// What a TLS connection needs, prepared once per connection layer.
#[derive(Clone)]
pub(super) struct Material {
    /// For the redis crate's connections (`None`: its defaults, the public web roots).
    pub certificates: Option<redis::TlsCertificates>,
    pub insecure: bool,
    /// For the raw replication stream.
    pub rustls: Arc<rustls::ClientConfig>,
}

fn bad(what: &str, detail: impl std::fmt::Display) -> Failure {
    Failure::new(
        FailureKind::Command,
        "TLS settings",
        format!("{what}: {detail}"),
    )
}

impl Material {
    pub(super) fn new(settings: &TlsSettings) -> Result<Material> {
        install_crypto_provider();
        if settings.insecure {
            warn_insecure();
        }
        let certificates =
            (settings.ca.is_some() || settings.client.is_some()).then(|| redis::TlsCertificates {
                client_tls: settings
                    .client
                    .as_ref()
                    .map(|(cert, key)| redis::ClientTlsConfig {
                        client_cert: cert.pem.clone(),
                        client_key: key.pem.clone(),
                    }),
                root_cert: settings.ca.as_ref().map(|ca| ca.pem.clone()),
            });
        Ok(Material {
            certificates,
            insecure: settings.insecure,
            rustls: Arc::new(rustls_config(settings)?),
        })
    }

    /// The name the server's certificate must carry: its host name or IP address.
    pub(super) fn server_name(host: &str) -> Result<ServerName<'static>> {
        ServerName::try_from(host.to_string())
            .map_err(|e| bad(&format!("`{host}` as a TLS server name"), e))
    }
}

/// The rustls client configuration of the settings: the CA (or the web roots), the client
/// identity, and, with `insecure`, no verification at all.
fn rustls_config(settings: &TlsSettings) -> Result<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    match &settings.ca {
        Some(ca) => {
            for cert in CertificateDer::pem_slice_iter(&ca.pem) {
                let cert = cert.map_err(|e| bad(&ca.path.display().to_string(), e))?;
                roots
                    .add(cert)
                    .map_err(|e| bad(&ca.path.display().to_string(), e))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let builder = rustls::ClientConfig::builder().with_root_certificates(roots);
    let mut config = match &settings.client {
        Some((cert, key)) => {
            let chain = CertificateDer::pem_slice_iter(&cert.pem)
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| bad(&cert.path.display().to_string(), e))?;
            let key_der = PrivateKeyDer::from_pem_slice(&key.pem)
                .map_err(|e| bad(&key.path.display().to_string(), e))?;
            builder
                .with_client_auth_cert(chain, key_der)
                .map_err(|e| bad("the client certificate and key", e))?
        }
        None => builder.with_no_client_auth(),
    };
    if settings.insecure {
        config
            .dangerous()
            .set_certificate_verifier(Arc::new(AnyCertificate(
                rustls::crypto::ring::default_provider().signature_verification_algorithms,
            )));
    }
    Ok(config)
}

/// `--tls-insecure`: accepts every server certificate (signatures are still checked, so the
/// handshake is well-formed; who signed the certificate is not).
#[derive(Debug)]
struct AnyCertificate(rustls::crypto::WebPkiSupportedAlgorithms);

impl rustls::client::danger::ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_schemes()
    }
}
