//! AWS settings from the shared files (`~/.aws/credentials`, `~/.aws/config`) for object
//! storage, when the environment does not give them: `object_store` reads only the variables.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};

use crate::persistence::files::read_bounded;

/// Fills in what the AWS shared files say when the environment did not: credentials from
/// `AWS_SHARED_CREDENTIALS_FILE` (`~/.aws/credentials`), the region from `AWS_CONFIG_FILE`
/// (`~/.aws/config`), for the profile `AWS_PROFILE` (`default`).
pub(super) fn with_shared_files(mut b: AmazonS3Builder) -> AmazonS3Builder {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let file = |var: &str, default: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(".aws").join(default)))
    };
    let profile = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".into());
    if b.get_config_value(&AmazonS3ConfigKey::AccessKeyId)
        .is_none()
    {
        let creds = file("AWS_SHARED_CREDENTIALS_FILE", "credentials")
            .and_then(|p| ini_section(&p, &profile));
        if let Some(c) = creds {
            if let (Some(id), Some(secret)) =
                (c.get("aws_access_key_id"), c.get("aws_secret_access_key"))
            {
                b = b.with_access_key_id(id).with_secret_access_key(secret);
                if let Some(token) = c.get("aws_session_token") {
                    b = b.with_token(token);
                }
            }
        }
    }
    let has_region = b.get_config_value(&AmazonS3ConfigKey::Region).is_some()
        || std::env::var_os("AWS_REGION").is_some()
        || std::env::var_os("AWS_DEFAULT_REGION").is_some();
    if !has_region {
        let section = if profile == "default" {
            profile.clone()
        } else {
            format!("profile {profile}")
        };
        if let Some(region) = file("AWS_CONFIG_FILE", "config")
            .and_then(|p| ini_section(&p, &section))
            .and_then(|c| c.get("region").cloned())
        {
            b = b.with_region(region);
        }
    }
    b
}

/// The `key = value` lines of `[section]` in an INI file (at most 1 MiB read; None when absent).
fn ini_section(path: &Path, section: &str) -> Option<BTreeMap<String, String>> {
    let f = crate::persistence::files::open_nofollow(path).ok()?;
    let bytes = read_bounded(f, 1 << 20, path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut inside = false;
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name.trim() == section;
        } else if inside {
            if let Some((k, v)) = line.split_once('=') {
                out.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_files_are_read_by_profile() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("credentials");
        std::fs::write(
            &p,
            "[default]\naws_access_key_id = A\naws_secret_access_key=B\n\n[ci]\nAWS_ACCESS_KEY_ID = C\n",
        )
        .unwrap();
        let s = ini_section(&p, "default").unwrap();
        assert_eq!(s["aws_access_key_id"], "A");
        assert_eq!(s["aws_secret_access_key"], "B");
        assert_eq!(ini_section(&p, "ci").unwrap()["aws_access_key_id"], "C");
        assert!(ini_section(&p, "none").is_none());
        assert!(ini_section(&d.path().join("missing"), "default").is_none());
    }
}
