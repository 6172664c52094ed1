//! Fuzzes `backup verify` on a hostile backup folder: `manifest.json`, RDB files (structure and
//! CRC-64), the AOF manifest and the RESP file of logical backups, through the same entry point
//! as the command (`backup::verify`, and `verify_checksums` of the online restore), plus the
//! AOF-manifest and RDB-header parsers directly.
//!
//! The input is a folder in text form: sections `==> NAME <==` on a line of their own, each
//! followed by the file's bytes (up to the newline before the next section). NAME is a relative
//! path of at most two plain components. A manifest entry whose `sha256` is `"fixup"` gets the
//! real size and SHA-256 of the file it names, so the fuzzer reaches the checks that run only on
//! files whose checksums match.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use tartarus::persistence::backup::{parse_backup_id, read_manifest, verify, verify_checksums};
use tartarus::persistence::{aof, rdb};

const HEADER: &[u8] = b"==> ";
const TRAILER: &[u8] = b" <==";

/// The folders of this process: a parent that holds one backup folder, remade for each input.
fn workdir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // No external redis-check-rdb/aof: they are not this project's code, and slow.
        std::env::set_var("PATH", "");
        let dir = std::env::temp_dir().join(format!("tartarus-fuzz-verify-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        dir
    })
}

/// The sections of the input: (name, bytes).
fn sections(data: &[u8]) -> Vec<(&str, &[u8])> {
    let mut out = Vec::new();
    let mut starts = Vec::new();
    let mut at = 0;
    for line in data.split_inclusive(|&b| b == b'\n') {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        if let Some(name) = body
            .strip_prefix(HEADER)
            .and_then(|r| r.strip_suffix(TRAILER))
        {
            starts.push((at, at + line.len(), name));
        }
        at += line.len();
    }
    for (i, &(_, content_start, name)) in starts.iter().enumerate() {
        let end = starts
            .get(i + 1)
            .map(|&(next, _, _)| next.saturating_sub(1).max(content_start))
            .unwrap_or(data.len());
        if let Ok(name) = std::str::from_utf8(name) {
            out.push((name, &data[content_start..end]));
        }
    }
    out
}

/// A name the harness may create: one or two plain components of safe characters.
fn plain(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    !name.is_empty()
        && name.len() <= 64
        && parts.len() <= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        })
}

/// Fills in the size and SHA-256 of manifest entries marked `"fixup"`.
fn fix_manifest(folder: &Path) {
    let path = folder.join("manifest.json");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let Ok(mut doc) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return;
    };
    let Some(files) = doc.get_mut("files").and_then(|f| f.as_array_mut()) else {
        return;
    };
    let mut changed = false;
    for f in files {
        if f.get("sha256").and_then(|s| s.as_str()) != Some("fixup") {
            continue;
        }
        let Some(name) = f.get("name").and_then(|n| n.as_str()) else {
            continue;
        };
        if !plain(name) {
            continue;
        }
        let Ok(content) = std::fs::read(folder.join(name)) else {
            continue;
        };
        let sha: String = Sha256::digest(&content)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        f["sha256"] = serde_json::Value::String(sha);
        f["size_bytes"] = serde_json::Value::from(content.len() as u64);
        changed = true;
    }
    if changed {
        let _ = std::fs::write(&path, serde_json::to_vec(&doc).unwrap_or_default());
    }
}

fuzz_target!(|data: &[u8]| {
    let sections = sections(data);
    let folder = workdir().join("b");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir(&folder).expect("backup folder");
    for (name, content) in &sections {
        let _ = parse_backup_id(name);
        if name.ends_with(".manifest") {
            if let Ok(text) = std::str::from_utf8(content) {
                let _ = aof::parse_manifest(text);
            }
        }
        if name.ends_with(".rdb") {
            let _ = rdb::parse_header(content);
        }
        if !plain(name) {
            continue;
        }
        let path = folder.join(name);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&path, content);
    }
    fix_manifest(&folder);
    let manifest = read_manifest(&folder);
    let quick = verify_checksums(&folder);
    let full = verify(&folder);
    if full.ok {
        assert!(
            quick.ok,
            "the full verification passed what the quick one failed"
        );
        assert!(
            manifest.is_ok(),
            "a verified backup has a manifest that reads"
        );
    }
    let _ = full.failure_reason();
});
