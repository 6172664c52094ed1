//! The node_exporter textfile: metric families in the Prometheus text format (0.0.4), and the
//! atomic write (a temporary file in the same folder, fsync, rename, fsync of the folder).

use std::io::Write;
use std::path::{Path, PathBuf};

/// One metric family: its name, help, type and samples (labels, value).
#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    pub name: &'static str,
    pub help: &'static str,
    /// Every textfile metric is a gauge: it says how things stood when the file was written.
    pub samples: Vec<(Vec<(&'static str, String)>, f64)>,
}

/// The families of one textfile, in the order they are added; a name added twice is merged
/// into one family (the text format allows each family once).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Textfile {
    families: Vec<Family>,
}

impl Textfile {
    /// Adds a sample without labels.
    pub fn gauge(&mut self, name: &'static str, help: &'static str, value: f64) {
        self.labelled(name, help, Vec::new(), value);
    }

    /// Adds a sample with labels.
    pub fn labelled(
        &mut self,
        name: &'static str,
        help: &'static str,
        labels: Vec<(&'static str, String)>,
        value: f64,
    ) {
        match self.families.iter_mut().find(|f| f.name == name) {
            Some(f) => f.samples.push((labels, value)),
            None => self.families.push(Family {
                name,
                help,
                samples: vec![(labels, value)],
            }),
        }
    }

    /// The value of a sample (tests and renderers): the first one whose labels include `labels`.
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        let f = self.families.iter().find(|f| f.name == name)?;
        f.samples
            .iter()
            .find(|(have, _)| {
                labels
                    .iter()
                    .all(|(k, v)| have.iter().any(|(hk, hv)| hk == k && hv == v))
            })
            .map(|(_, v)| *v)
    }

    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// The Prometheus text format: `# HELP`, `# TYPE gauge`, then one line per sample.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for f in &self.families {
            out.push_str(&format!("# HELP {} {}\n", f.name, escape_help(f.help)));
            out.push_str(&format!("# TYPE {} gauge\n", f.name));
            for (labels, value) in &f.samples {
                out.push_str(f.name);
                if !labels.is_empty() {
                    let inner: Vec<String> = labels
                        .iter()
                        .map(|(k, v)| format!("{k}=\"{}\"", escape_label(v)))
                        .collect();
                    out.push_str(&format!("{{{}}}", inner.join(",")));
                }
                out.push(' ');
                out.push_str(&number(*value));
                out.push('\n');
            }
        }
        out
    }
}

/// A sample value as the text format spells it (`NaN`, `+Inf`, `-Inf`, integers without `.0`).
fn number(v: f64) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn escape_help(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n")
}

fn escape_label(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Writes `text` to `path` atomically: node_exporter reads either the old file or the new one,
/// never half of one. The temporary file is created next to it (same filesystem, so the rename
/// is atomic), named without the `.prom` suffix the collector reads, created exclusively and
/// without following a link; it is fsynced before the rename, and the folder after it.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = folder.join(format!(
        ".{}.tmp-{}-{}",
        name.to_string_lossy(),
        std::process::id(),
        ulid::Ulid::new()
    ));
    let result = (|| {
        let mut o = std::fs::OpenOptions::new();
        o.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            o.mode(0o644)
                .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
        }
        let mut f = o.open(&tmp)?;
        #[cfg(unix)]
        {
            // 0644 whatever the umask (a backup job runs with 077): node_exporter runs as
            // another user, and metrics are not secret.
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(&folder) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_text_format() {
        let mut t = Textfile::default();
        t.gauge("tartarus_a", "first\nline", 1.0);
        t.labelled(
            "tartarus_b",
            "b",
            vec![("queue", "q\"1\\".to_string())],
            0.25,
        );
        t.labelled("tartarus_b", "b", vec![("queue", "x".into())], 3.0);
        t.gauge("tartarus_c", "c", f64::NAN);
        assert_eq!(
            t.render(),
            "# HELP tartarus_a first\\nline\n# TYPE tartarus_a gauge\ntartarus_a 1\n\
             # HELP tartarus_b b\n# TYPE tartarus_b gauge\ntartarus_b{queue=\"q\\\"1\\\\\"} 0.25\n\
             tartarus_b{queue=\"x\"} 3\n# HELP tartarus_c c\n# TYPE tartarus_c gauge\ntartarus_c NaN\n"
        );
        assert_eq!(t.value("tartarus_b", &[("queue", "x")]), Some(3.0));
        assert_eq!(t.value("tartarus_b", &[("queue", "y")]), None);
    }

    #[test]
    fn writes_atomically_and_leaves_no_temporary_file() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("t.prom");
        write_atomically(&p, "a 1\n").unwrap();
        write_atomically(&p, "a 2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a 2\n");
        let names: Vec<_> = std::fs::read_dir(d.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["t.prom"]);
        assert!(write_atomically(&d.path().join("missing/t.prom"), "x").is_err());
    }
}
