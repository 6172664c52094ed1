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
    read_redis_conf(conf, &mut opts, 0)?;
    Ok(opts)
}

fn conf_value(rest: &str) -> String {
    let v = rest.trim();
    let unquoted = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')));
    unquoted.unwrap_or(v).to_string()
}

fn read_redis_conf(conf: &Path, opts: &mut OfflineRestoreOptions, depth: usize) -> Result<()> {
    if depth > 8 {
        return Err(PersistenceError::invalid(
            conf.display().to_string(),
            "include nesting deeper than 8",
        ));
    }
    let text = std::fs::read_to_string(conf).map_err(|e| PersistenceError::io(conf, e))?;
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
                        return Err(PersistenceError::invalid(
                            format!("{} line {}", conf.display(), n + 1),
                            format!("appendonly {other:?} (expected yes or no)"),
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
                read_redis_conf(&inc, opts, depth + 1)?;
            }
            _ => {}
        }
    }
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
        assert!(options_from_redis_conf(&d.path().join("bad.conf"), "/data").is_err());
        std::fs::write(d.path().join("plain.conf"), "port 1\n").unwrap();
        assert!(
            !options_from_redis_conf(&d.path().join("plain.conf"), "/data")
                .unwrap()
                .appendonly
        );
    }
}
