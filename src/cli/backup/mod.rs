//! `tartarus backup`: the verbs (create, list, verify, prune, restore), their dispatch, and one
//! file per verb for its flags and rendering; the work is done in `persistence::backup` and
//! `persistence::restore`.

mod copy;
mod create;
mod list;
mod prune;
mod restore;
mod verify;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::metrics::{parse_local_dir, parse_location};
use super::Ctx;
use crate::persistence::backup::Location;

/// Where backups live: `--dir`, or `TARTARUS_BACKUP_DIR`.
#[derive(Debug, Args)]
pub struct DirArg {
    /// The backup directory (one dated folder per backup inside it)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR",
        value_parser = parse_local_dir
    )]
    pub dir: PathBuf,
}

/// `--dir` of `list` and `prune`: a folder, or object storage.
#[derive(Debug, Args)]
pub struct LocationArg {
    /// Where backups live: a folder (one dated folder per backup inside it), or object storage
    /// (s3://bucket/prefix)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR|s3://BUCKET/PREFIX",
        value_parser = parse_location
    )]
    pub dir: Location,
}

/// `--dir` for the verbs that take `ID|PATH`: needed to find a backup by id, not for a path.
#[derive(Debug, Args)]
pub struct RefDirArg {
    /// Where a backup id is looked up: a folder or s3://bucket/prefix (not needed with a path
    /// or an s3://bucket/prefix/ID reference)
    #[arg(
        long,
        env = "TARTARUS_BACKUP_DIR",
        hide_env_values = true,
        value_name = "DIR|s3://BUCKET/PREFIX",
        value_parser = parse_location
    )]
    pub dir: Option<Location>,
}

/// The group's EXAMPLES (`tartarus backup --help`).
pub const EXAMPLES: &str = "\
Examples:
  export TARTARUS_BACKUP_DIR=/var/backups/tartarus
  tartarus backup create --verify --copy-to s3://acme-backups/tartarus
  tartarus backup list
  tartarus backup list --dir s3://acme-backups/tartarus
  tartarus backup verify 20260102T030405Z-file
  tartarus backup prune --keep-days 7 --keep-last 7 --dry-run
  tartarus backup restore 20260102T030405Z-logical --online --dry-run";

#[derive(Debug, Subcommand)]
pub enum BackupCmd {
    /// Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)
    ///
    /// The folder is written under a temporary name and renamed only when complete: a failed or
    /// interrupted backup never leaves a folder that looks complete. Files are 0600, folders 0700.
    #[command(after_long_help = create::EXAMPLES)]
    Create(create::CreateArgs),
    /// Copy a backup off the machine: to a folder (an NFS or EFS mount) or object storage
    ///
    /// The backup is verified (checksums) before it is sent, and every file is read back from
    /// the destination and checked against the manifest after. Never half-written: into a
    /// folder it is written as .tmp-<id> and renamed when complete; into object storage the
    /// manifest is uploaded last, after the read-back, and a listing only takes a backup with a
    /// manifest. A destination that already holds the same backup is read back again; one that
    /// holds another under the same id is refused (exit 7).
    #[command(after_long_help = copy::EXAMPLES)]
    Copy(copy::CopyArgs),
    /// The backups in the directory, oldest first, with a quick status (sizes only; see verify)
    ///
    /// STATUS is `complete` when the manifest is readable and every file it lists is present with
    /// the size it records, else `incomplete: <what is wrong>` (or `invalid: …` for a symbolic
    /// link, which is never followed). Checksums are not read, so a complete backup can still be
    /// corrupt: `backup verify ID` reads everything.
    #[command(after_long_help = list::EXAMPLES)]
    List(list::ListArgs),
    /// Check a backup: no links or special files in it, manifest, size and SHA-256 of every file,
    /// RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and
    /// redis-check-rdb/-aof when installed.
    ///
    /// Exits 31 (BACKUP_INVALID) with the reason when any check fails. Every entry of the backup
    /// is lstat-ed before anything is read, and files are opened without following links: a
    /// backup that holds a symbolic link anywhere fails, naming it.
    #[command(after_long_help = verify::EXAMPLES)]
    Verify(verify::VerifyArgs),
    /// Delete backups older than --keep-days that are not among the newest --keep-last
    ///
    /// A backup is kept when either rule keeps it, and the newest backup that verifies is never
    /// deleted. Only folders named like backups are considered; symlinks are never followed.
    /// Also removes the `.tmp-<id>` folders that killed backups leave behind, once nothing in
    /// them has been written for an hour (fresher ones may belong to a running backup).
    #[command(after_long_help = prune::EXAMPLES)]
    Prune(prune::PruneArgs),
    /// Restore a backup: offline into a stopped server's data dir, or online (logical backups)
    ///
    /// Offline (file and replication backups): `--data-dir DIR` and either `--appendonly yes|no`
    /// or `--redis-conf FILE` to read it from. With appendonly yes, Redis loads only the AOF
    /// directory and ignores dump.rdb — a dump.rdb restored there silently starts empty — so the
    /// RDB is installed as the AOF base (appendonlydir/ + manifest); with no, as dump.rdb.
    /// Refuses while a server answers at the configured Redis address unless --force; existing
    /// files are moved aside into pre-restore-<time>/, never deleted.
    ///
    /// Online (logical backups): `--online` loads RESTORE … REPLACE commands, pipelined;
    /// `--flush` first deletes the keys matching the backup's patterns.
    ///
    /// Always verifies first (once, fully: no links, checksums, RDB CRC-64, AOF manifest, the
    /// RESTORE file, redis-check-rdb/-aof) and refuses a backup that fails, with the reason
    /// (exit 31), before reading anything else. `--dry-run` runs every check and prints exactly
    /// what would be moved, written, deleted or loaded, changing nothing.
    #[command(after_long_help = restore::EXAMPLES)]
    Restore(restore::RestoreArgs),
}

impl BackupCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            BackupCmd::Create(args) => create::run(ctx, args).await,
            BackupCmd::Copy(args) => copy::run(ctx, args).await,
            BackupCmd::List(args) => list::run(ctx, args).await,
            BackupCmd::Verify(args) => verify::run(ctx, args).await,
            BackupCmd::Prune(args) => prune::run(ctx, args).await,
            BackupCmd::Restore(args) => restore::run(ctx, args).await,
        }
    }
}
