//! What a restarted server will load, read from its `redis.conf` (and the files it includes).

use std::path::{Path, PathBuf};

use super::OfflineRestoreOptions;
use crate::persistence::{PersistenceError, Result};

/// Reads a `redis.conf` (and the files it `include`s) for the settings that decide what a
/// restarted server loads: `appendonly`, `appenddirname`, `appendfilename`, `dbfilename`. The last
/// value wins, as in Redis; absent settings keep Redis's defaults (`appendonly no`).
pub fn options_from_redis_conf(
    conf: &Path,
    data_dir: impl Into<PathBuf>,
) -> Result<OfflineRestoreOptions> {
    let mut opts = OfflineRestoreOptions::new(data_dir, false);
    read_redis_conf(conf, &mut opts, &mut Vec::new())?;
    Ok(opts)
}

/// How deep `include`s may nest (a loop is reported as one before this).
const MAX_INCLUDE_DEPTH: usize = 8;

fn conf_value(rest: &str) -> String {
    let v = rest.trim();
    let unquoted = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')));
    unquoted.unwrap_or(v).to_string()
}

/// A bad `--redis-conf` (or a file it includes): an input error naming the file.
fn bad(path: &Path, reason: impl Into<String>) -> PersistenceError {
    PersistenceError::BadInputFile {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Reads `conf` into `opts`; `chain` holds the files that include it (canonical paths), so an
/// include loop is reported as one, naming the files.
fn read_redis_conf(
    conf: &Path,
    opts: &mut OfflineRestoreOptions,
    chain: &mut Vec<PathBuf>,
) -> Result<()> {
    let text = std::fs::read(conf).map_err(|e| bad(conf, format!("cannot read it: {e}")))?;
    let text = String::from_utf8(text).map_err(|e| {
        bad(
            conf,
            format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
        )
    })?;
    let canonical = std::fs::canonicalize(conf).unwrap_or_else(|_| conf.to_path_buf());
    if chain.contains(&canonical) {
        let names: Vec<String> = chain
            .iter()
            .chain(std::iter::once(&canonical))
            .map(|p| p.display().to_string())
            .collect();
        return Err(bad(
            conf,
            format!("include loop: {}", names.join(" includes ")),
        ));
    }
    if chain.len() > MAX_INCLUDE_DEPTH {
        return Err(bad(
            conf,
            format!("include nesting deeper than {MAX_INCLUDE_DEPTH}"),
        ));
    }
    chain.push(canonical);
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let value = conf_value(rest);
        match key.to_ascii_lowercase().as_str() {
            "appendonly" => {
                opts.appendonly = match value.to_ascii_lowercase().as_str() {
                    "yes" => true,
                    "no" => false,
                    other => {
                        return Err(bad(
                            conf,
                            format!("line {}: appendonly {other:?} (expected yes or no)", n + 1),
                        ))
                    }
                }
            }
            "appenddirname" => opts.appenddirname = value,
            "appendfilename" => opts.appendfilename = value,
            "dbfilename" => opts.dbfilename = value,
            "include" => {
                let inc = PathBuf::from(&value);
                let inc = if inc.is_absolute() {
                    inc
                } else {
                    conf.parent().unwrap_or(Path::new(".")).join(inc)
                };
                read_redis_conf(&inc, opts, chain)?;
            }
            _ => {}
        }
    }
    chain.pop();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redis_conf_settings() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("extra.conf"),
            "appendonly yes\nappenddirname \"aof dir\"\n",
        )
        .unwrap();
        std::fs::write(
            d.path().join("redis.conf"),
            "# comment\nport 6379\nappendonly no\ndbfilename 'data.rdb'\ninclude extra.conf\nappendfilename x.aof\n",
        )
        .unwrap();
        let o = options_from_redis_conf(&d.path().join("redis.conf"), "/data").unwrap();
        assert!(o.appendonly, "the include set it last");
        assert_eq!(
            (
                o.appenddirname.as_str(),
                o.appendfilename.as_str(),
                o.dbfilename.as_str()
            ),
            ("aof dir", "x.aof", "data.rdb")
        );
        std::fs::write(d.path().join("bad.conf"), "appendonly maybe\n").unwrap();
        let err = options_from_redis_conf(&d.path().join("bad.conf"), "/data").unwrap_err();
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
        assert!(err.to_string().contains("bad.conf: line 1"), "{err}");
        std::fs::write(d.path().join("plain.conf"), "port 1\n").unwrap();
        assert!(
            !options_from_redis_conf(&d.path().join("plain.conf"), "/data")
                .unwrap()
                .appendonly
        );
    }

    #[test]
    fn a_missing_file_or_an_include_loop_is_bad_input_naming_the_file() {
        let d = tempfile::tempdir().unwrap();
        let missing = d.path().join("nonexistent.conf");
        let err = options_from_redis_conf(&missing, "/data").unwrap_err();
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
        assert!(err.to_string().contains("nonexistent.conf"), "{err}");
        std::fs::write(d.path().join("a.conf"), "include b.conf\n").unwrap();
        std::fs::write(d.path().join("b.conf"), "appendonly yes\ninclude a.conf\n").unwrap();
        let err = options_from_redis_conf(&d.path().join("a.conf"), "/data").unwrap_err();
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
        assert!(err.to_string().contains("include loop"), "{err}");
        // The same file twice, not nested, is no loop.
        std::fs::write(d.path().join("c.conf"), "dbfilename c.rdb\n").unwrap();
        std::fs::write(
            d.path().join("twice.conf"),
            "include c.conf\ninclude c.conf\n",
        )
        .unwrap();
        let o = options_from_redis_conf(&d.path().join("twice.conf"), "/data").unwrap();
        assert_eq!(o.dbfilename, "c.rdb");
        std::fs::write(d.path().join("latin1.conf"), b"# caf\xe9\n").unwrap();
        let err = options_from_redis_conf(&d.path().join("latin1.conf"), "/data").unwrap_err();
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
    }
}
