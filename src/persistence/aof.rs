//! Redis 7 multi-part AOF directories: parse and validate the manifest, and write an RDB as the AOF base.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{PersistenceError, Result};

/// The largest AOF manifest read (Redis writes about 60 bytes per listed file).
pub const MAX_MANIFEST_BYTES: u64 = 1 << 20;

/// The most files an AOF manifest may list.
pub const MAX_ENTRIES: usize = 10_000;

/// Kind of an AOF file in the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AofFileType {
    Base,
    History,
    Incr,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AofEntry {
    pub file: String,
    pub seq: u64,
    pub kind: AofFileType,
}

#[derive(Clone, Debug, Serialize)]
pub struct AofManifest {
    pub entries: Vec<AofEntry>,
}

impl AofManifest {
    pub fn base(&self) -> Option<&AofEntry> {
        self.entries.iter().find(|e| e.kind == AofFileType::Base)
    }
}

/// Splits a manifest line into tokens, honouring Redis' double-quoted (sdscatrepr) names.
fn tokens(line: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut tok = String::new();
        if c == '"' {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => tok.push('\n'),
                        Some('r') => tok.push('\r'),
                        Some('t') => tok.push('\t'),
                        Some(o) => tok.push(o),
                        None => break,
                    },
                    '"' => {
                        closed = true;
                        break;
                    }
                    o => tok.push(o),
                }
            }
            if !closed {
                return Err(PersistenceError::invalid(
                    "AOF manifest",
                    format!("unterminated quote in {line:?}"),
                ));
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                tok.push(c);
                chars.next();
            }
        }
        out.push(tok);
    }
    Ok(out)
}

/// Parses and validates manifest text (`file <name> seq <n> type <b|h|i>` per line).
pub fn parse_manifest(text: &str) -> Result<AofManifest> {
    let mut entries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let toks = tokens(line)?;
        let bad = |d: &str| {
            PersistenceError::invalid("AOF manifest", format!("line {}: {d}: {line:?}", i + 1))
        };
        let mut file = None;
        let mut seq = None;
        let mut kind = None;
        let mut it = toks.chunks(2);
        for pair in &mut it {
            let [k, v] = pair else {
                return Err(bad("odd number of fields"));
            };
            match k.as_str() {
                "file" => file = Some(v.clone()),
                "seq" => seq = Some(v.parse::<u64>().map_err(|_| bad("seq is not a number"))?),
                "type" => {
                    kind = Some(match v.as_str() {
                        "b" => AofFileType::Base,
                        "h" => AofFileType::History,
                        "i" => AofFileType::Incr,
                        _ => return Err(bad("unknown type")),
                    })
                }
                _ => {} // unknown keys are ignored, as Redis does
            }
        }
        let file = file.ok_or_else(|| bad("missing file"))?;
        if file.contains('/')
            || file.contains('\\')
            || file.contains('\0')
            || file == ".."
            || file == "."
            || file.is_empty()
        {
            return Err(bad(
                "file name must be a plain name inside the AOF directory",
            ));
        }
        if entries.len() >= MAX_ENTRIES {
            return Err(bad(&format!("more than {MAX_ENTRIES} files listed")));
        }
        entries.push(AofEntry {
            file,
            seq: seq.ok_or_else(|| bad("missing seq"))?,
            kind: kind.ok_or_else(|| bad("missing type"))?,
        });
    }
    if entries.is_empty() {
        return Err(PersistenceError::invalid("AOF manifest", "no files listed"));
    }
    if entries
        .iter()
        .filter(|e| e.kind == AofFileType::Base)
        .count()
        > 1
    {
        return Err(PersistenceError::invalid(
            "AOF manifest",
            "more than one base file",
        ));
    }
    let incr: Vec<u64> = entries
        .iter()
        .filter(|e| e.kind == AofFileType::Incr)
        .map(|e| e.seq)
        .collect();
    if incr.windows(2).any(|w| w[0] >= w[1]) {
        return Err(PersistenceError::invalid(
            "AOF manifest",
            "incr files are not in increasing seq order",
        ));
    }
    let mut names: Vec<&str> = entries.iter().map(|e| e.file.as_str()).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return Err(PersistenceError::invalid(
            "AOF manifest",
            "a file is listed twice",
        ));
    }
    Ok(AofManifest { entries })
}

/// Finds the manifest in an AOF directory: `<appendfilename>.manifest`, or the only `*.manifest`.
pub fn find_manifest(dir: &Path, appendfilename: Option<&str>) -> Result<PathBuf> {
    if let Some(name) = appendfilename {
        let p = dir.join(format!("{name}.manifest"));
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) {
            return Ok(p);
        }
    }
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| PersistenceError::io(dir, e))? {
        let e = e.map_err(|e| PersistenceError::io(dir, e))?;
        let regular = e.file_type().is_ok_and(|t| t.is_file());
        if regular && e.file_name().to_string_lossy().ends_with(".manifest") {
            found.push(e.path());
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(PersistenceError::invalid(
            format!("AOF directory {}", dir.display()),
            "no *.manifest file",
        )),
        _ => Err(PersistenceError::invalid(
            format!("AOF directory {}", dir.display()),
            "several *.manifest files",
        )),
    }
}

/// Reads an AOF manifest file: no link followed, at most [`MAX_MANIFEST_BYTES`], UTF-8.
pub fn read_manifest_text(path: &Path) -> Result<String> {
    let f = super::files::open_nofollow(path).map_err(|e| PersistenceError::io(path, e))?;
    let bytes = super::files::read_bounded(f, MAX_MANIFEST_BYTES, path)?;
    String::from_utf8(bytes)
        .map_err(|_| PersistenceError::invalid(path.display().to_string(), "not UTF-8 text"))
}

/// Consistency of an AOF directory.
#[derive(Clone, Debug, Serialize)]
pub struct AofDirReport {
    pub dir: String,
    pub manifest: Option<String>,
    pub entries: Vec<AofEntry>,
    pub missing: Vec<String>,
    pub ok: bool,
    pub problems: Vec<String>,
}

/// Reads the manifest and checks that every listed file exists.
pub fn verify_dir(dir: &Path) -> AofDirReport {
    let mut rep = AofDirReport {
        dir: dir.display().to_string(),
        manifest: None,
        entries: Vec::new(),
        missing: Vec::new(),
        ok: false,
        problems: Vec::new(),
    };
    let manifest_path = match find_manifest(dir, Some("appendonly.aof")) {
        Ok(p) => p,
        Err(e) => {
            rep.problems.push(e.to_string());
            return rep;
        }
    };
    rep.manifest = Some(manifest_path.display().to_string());
    let text = match read_manifest_text(&manifest_path) {
        Ok(t) => t,
        Err(e) => {
            rep.problems.push(e.to_string());
            return rep;
        }
    };
    match parse_manifest(&text) {
        Ok(m) => {
            for e in &m.entries {
                // lstat: a link to a file elsewhere is not the file.
                let present =
                    std::fs::symlink_metadata(dir.join(&e.file)).is_ok_and(|m| m.is_file());
                if !present {
                    rep.missing.push(e.file.clone());
                }
            }
            if !rep.missing.is_empty() {
                rep.problems
                    .push(format!("listed but missing: {}", rep.missing.join(", ")));
            }
            rep.entries = m.entries;
        }
        Err(e) => rep.problems.push(e.to_string()),
    }
    rep.ok = rep.problems.is_empty();
    rep
}

/// Manifest text for a single RDB base.
pub fn base_only_manifest(appendfilename: &str) -> String {
    format!("file {appendfilename}.1.base.rdb seq 1 type b\n")
}

/// The files [`write_rdb_as_base`] writes into `aof_dir`: the base and the manifest.
pub fn base_files(aof_dir: &Path, appendfilename: &str) -> (PathBuf, PathBuf) {
    (
        aof_dir.join(format!("{appendfilename}.1.base.rdb")),
        aof_dir.join(format!("{appendfilename}.manifest")),
    )
}

/// Installs the RDB read from `rdb` (named `rdb_path` in errors) as the base of a new AOF
/// directory `aof_dir` (created 0700; it must not exist). Files are written 0600 under temporary
/// names, fsynced and renamed. Returns the files written.
pub fn write_rdb_as_base(
    rdb: std::fs::File,
    rdb_path: &Path,
    aof_dir: &Path,
    appendfilename: &str,
) -> Result<Vec<PathBuf>> {
    super::create_new_private_dir(aof_dir)?;
    let (base, manifest) = base_files(aof_dir, appendfilename);
    super::restore::copy_file_durable(rdb, rdb_path, &base)?;
    let tmp = aof_dir.join(format!(".{appendfilename}.manifest.tmp"));
    {
        let mut f = super::create_private_file(&tmp)?;
        f.write_all(base_only_manifest(appendfilename).as_bytes())
            .map_err(|e| PersistenceError::io(&tmp, e))?;
        f.sync_all().map_err(|e| PersistenceError::io(&tmp, e))?;
    }
    std::fs::rename(&tmp, &manifest).map_err(|e| PersistenceError::io(&manifest, e))?;
    super::sync_dir(aof_dir)?;
    Ok(vec![base, manifest])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_redis7_manifest() {
        let m = parse_manifest(
            "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
        )
        .unwrap();
        assert_eq!(m.entries.len(), 3);
        assert_eq!(m.base().unwrap().file, "appendonly.aof.1.base.rdb");
        assert_eq!(
            m.entries[2],
            AofEntry {
                file: "appendonly.aof.2.incr.aof".into(),
                seq: 2,
                kind: AofFileType::Incr
            }
        );
        let q = parse_manifest("file \"my file.aof.1.base.rdb\" seq 1 type b\n").unwrap();
        assert_eq!(q.entries[0].file, "my file.aof.1.base.rdb");
    }

    #[test]
    fn rejects_bad_manifests() {
        assert!(parse_manifest("").is_err());
        assert!(parse_manifest("file a seq x type b\n").is_err());
        assert!(parse_manifest("file a seq 1 type z\n").is_err());
        assert!(parse_manifest("file a seq 1 type b\nfile b seq 2 type b\n").is_err());
        assert!(parse_manifest("file ../etc/passwd seq 1 type b\n").is_err());
        assert!(parse_manifest("file a seq 2 type i\nfile b seq 1 type i\n").is_err());
        assert!(parse_manifest("file a seq 1\n").is_err());
    }

    #[test]
    fn rejects_hostile_manifests() {
        assert!(parse_manifest("file /etc/passwd seq 1 type b\n").is_err());
        assert!(parse_manifest("file .. seq 1 type b\n").is_err());
        assert!(parse_manifest("file \"../x\" seq 1 type b\n").is_err());
        assert!(parse_manifest("file a seq 99999999999999999999999 type b\n").is_err());
        let many: String = (0..=MAX_ENTRIES)
            .map(|i| format!("file f{i} seq {i} type h\n"))
            .collect();
        let e = parse_manifest(&many).unwrap_err().to_string();
        assert!(e.contains("more than"), "{e}");
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("appendonly.aof.manifest");
        std::fs::write(&p, vec![b'#'; MAX_MANIFEST_BYTES as usize + 1]).unwrap();
        let e = read_manifest_text(&p).unwrap_err().to_string();
        assert!(e.contains("limit"), "{e}");
        let r = verify_dir(d.path());
        assert!(!r.ok && r.problems[0].contains("limit"), "{:?}", r.problems);
    }

    #[cfg(unix)]
    #[test]
    fn verify_dir_does_not_follow_links() {
        let d = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(
            outside.path().join("appendonly.aof.1.base.rdb"),
            b"REDIS0010",
        )
        .unwrap();
        std::fs::write(
            d.path().join("appendonly.aof.manifest"),
            "file appendonly.aof.1.base.rdb seq 1 type b\n",
        )
        .unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("appendonly.aof.1.base.rdb"),
            d.path().join("appendonly.aof.1.base.rdb"),
        )
        .unwrap();
        let r = verify_dir(d.path());
        assert!(!r.ok);
        assert_eq!(r.missing, vec!["appendonly.aof.1.base.rdb".to_string()]);
    }

    #[test]
    fn verify_dir_reports_missing_files() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("appendonly.aof.manifest"), "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n").unwrap();
        std::fs::write(d.path().join("appendonly.aof.1.base.rdb"), b"REDIS0010").unwrap();
        let r = verify_dir(d.path());
        assert!(!r.ok);
        assert_eq!(r.missing, vec!["appendonly.aof.1.incr.aof".to_string()]);
        std::fs::write(d.path().join("appendonly.aof.1.incr.aof"), b"").unwrap();
        assert!(verify_dir(d.path()).ok);
    }
}
