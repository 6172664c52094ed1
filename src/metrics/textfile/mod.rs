//! Metrics for cron jobs: `tartarus metrics --textfile PATH` (and `--textfile` on `backup create`,
//! `backup copy`, `backup verify` and `verify persistence`) write node_exporter's textfile format,
//! atomically. [`format`] renders and writes; [`collect`] gathers the figures from where each
//! outcome is recorded.

mod collect;
mod format;

use std::path::Path;

pub use collect::{collect, Overrides, Sources};
pub use format::{write_atomically, Family, Textfile};

/// Every name a textfile can hold (the README's textfile table lists each one; a test checks).
pub const NAMES: &[&str] = &[
    "tartarus_textfile_timestamp_seconds",
    "tartarus_textfile_redis_up",
    "tartarus_backup_newest_timestamp_seconds",
    "tartarus_backup_newest_verified_timestamp_seconds",
    "tartarus_backup_newest_size_bytes",
    "tartarus_backup_newest_duration_seconds",
    "tartarus_backup_last_verify_success",
    "tartarus_backup_last_verify_timestamp_seconds",
    "tartarus_backup_last_create_success",
    "tartarus_backup_last_create_timestamp_seconds",
    "tartarus_backup_last_copy_success",
    "tartarus_backup_last_copy_timestamp_seconds",
    "tartarus_backup_last_copy_duration_seconds",
    "tartarus_persistence_verify_success",
    "tartarus_persistence_verify_timestamp_seconds",
    "tartarus_redis_rdb_last_bgsave_status",
    "tartarus_redis_aof_last_write_status",
    "tartarus_redis_rdb_last_save_timestamp_seconds",
    "tartarus_queue_depth",
];

/// Gathers everything and writes it to `path` atomically; returns what was written.
pub async fn write(
    path: &Path,
    sources: &Sources<'_>,
    overrides: &Overrides,
) -> anyhow::Result<Textfile> {
    let t = collect(sources, overrides).await;
    write_atomically(path, &t.render())
        .map_err(|e| anyhow::anyhow!("writing the textfile {}: {e}", path.display()))?;
    Ok(t)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_name_is_one_that_collect_can_write() {
        let src = include_str!("collect.rs");
        for name in super::NAMES {
            assert!(src.contains(&format!("\"{name}\"")), "{name}");
        }
        let mut names = super::NAMES.to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), super::NAMES.len());
    }
}
