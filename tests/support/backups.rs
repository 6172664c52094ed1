//! Shared setup of the backup tests (`cron_metrics`, `offsite_backups`): a backup made through the CLI, a byte of a backup file flipped, `backup verify`, and the exit code and stderr of what the CLI answered.

use std::path::Path;
use std::process::Output;

use super::{json, tartarus_on, RedisServer};

pub use super::stderr_of as stderr;

/// Asserts the command exited with `expected` (a constant of `tartarus::exit`), showing its stderr
/// when not.
pub fn assert_exit(out: &Output, expected: u8) {
    super::assert_code(out, expected);
}

/// `backup create -o json --dir DIR ARGS…` on `s`, with `env` set; asserts success and returns
/// the backup's JSON.
pub fn create_backup(
    s: &RedisServer,
    dir: &Path,
    args: &[&str],
    env: &[(&str, String)],
) -> serde_json::Value {
    let mut cmd = tartarus_on(s);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(["backup", "create", "-o", "json", "--dir"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json(&out.stdout)
}

/// XORs byte `at` of `path` with `mask` (a backup file damaged on disk).
pub fn flip_byte(path: &Path, at: usize, mask: u8) {
    let mut bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes[at] ^= mask;
    std::fs::write(path, &bytes).unwrap();
}

/// `backup verify ID --dir DIR ARGS…` on `s`.
pub fn verify(s: &RedisServer, id: &str, dir: &Path, args: &[&str]) -> Output {
    tartarus_on(s)
        .args(["backup", "verify", id, "--dir"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}
