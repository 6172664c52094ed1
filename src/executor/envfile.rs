//! `envFrom` files: `KEY=VALUE` lines read on the agent's host when a sandbox starts, so secrets reach the sandbox without passing through Redis.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// Largest accepted file.
pub const MAX_ENV_FILE_BYTES: u64 = 1 << 20;

/// Reads `path`: one `KEY=VALUE` per line (the value is taken verbatim up to the end of the line);
/// empty lines and lines starting with `#` are skipped; names use letters, digits and `_`.
/// The error never quotes a value.
pub fn read(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("envFrom file {shown}: {e}"))?;
    let mut text = String::new();
    file.take(MAX_ENV_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("envFrom file {shown}: {e}"))?;
    if text.len() as u64 > MAX_ENV_FILE_BYTES {
        return Err(format!(
            "envFrom file {shown}: larger than {MAX_ENV_FILE_BYTES} bytes"
        ));
    }
    parse(&text).map_err(|e| format!("envFrom file {shown}: {e}"))
}

/// Parses the text of an env file (see [`read`]).
pub fn parse(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            return Err(format!("line {}: expected KEY=VALUE", n + 1));
        };
        let valid = !key.is_empty()
            && !key.starts_with(|c: char| c.is_ascii_digit())
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid || value.contains('\0') {
            return Err(format!(
                "line {}: variable names use letters, digits and `_`, not starting with a digit",
                n + 1
            ));
        }
        out.insert(key.to_string(), value.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        let m = parse("# secrets\nA=1\n\nB=x=y z\n").unwrap();
        assert_eq!(m.get("A").map(String::as_str), Some("1"));
        assert_eq!(m.get("B").map(String::as_str), Some("x=y z"));
        assert!(parse("no equals").unwrap_err().contains("line 1"));
        assert!(parse("1A=x").is_err());
        let e = read(Path::new("/nonexistent/tartarus-env")).unwrap_err();
        assert!(e.contains("/nonexistent/tartarus-env"), "{e}");
    }
}
