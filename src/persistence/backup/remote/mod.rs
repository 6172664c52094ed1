//! Backups off the machine: where backups live ([`Location`]: a folder, which may be an NFS or
//! EFS mount, or object storage `s3://bucket/prefix`), copying a backup there with its checksums
//! read back, and listing, fetching and pruning what is there.
//!
//! A copy is never half-written where a listing would take it for a backup:
//! - into a folder, it is written as `.tmp-<id>` (files, then `manifest.json`, each fsynced) and
//!   renamed to `<id>` only when complete, then read back;
//! - into object storage, the files are uploaded under `<prefix>/<id>/`, read back and checked
//!   against the manifest, and `manifest.json` is uploaded **last** (then read back too): a
//!   listing only takes a prefix with a manifest for a backup, so an interrupted copy is never
//!   listed, and the manifest's presence says that every file was read back intact.
//!
//! Reading a remote backup keeps every rule of the local path: the manifest is bounded and its
//! names checked before anything else is fetched; only the files it lists are downloaded, each
//! cut off at its recorded size; they land in a fresh private folder (files created without
//! following links), where the local verification and restore run on them.

mod aws_files;
mod folder;
mod s3;

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use super::{list::BackupSummary, PruneReport};
use crate::persistence::{PersistenceError, ProgressFn, Result};

pub use s3::S3Location;

/// Where backups live: a folder on this machine (or a mount), or an object storage prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    Folder(PathBuf),
    S3(S3Location),
}

impl Location {
    /// `s3://bucket[/prefix]` is object storage; anything else is a folder path.
    pub fn parse(text: &str) -> Result<Location> {
        if let Some(rest) = text.strip_prefix("s3://") {
            return Ok(Location::S3(S3Location::parse(rest)?));
        }
        if text.contains("://") {
            return Err(PersistenceError::invalid(
                "backup location",
                format!("{text:?}: only folders and s3://bucket/prefix are supported"),
            ));
        }
        if text.is_empty() {
            return Err(PersistenceError::invalid("backup location", "empty"));
        }
        Ok(Location::Folder(PathBuf::from(text)))
    }

    /// The folder, for the commands that need one on this machine.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Location::Folder(p) => Some(p),
            Location::S3(_) => None,
        }
    }

    pub fn is_remote(&self) -> bool {
        matches!(self, Location::S3(_))
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Folder(p) => write!(f, "{}", p.display()),
            Location::S3(s) => write!(f, "{s}"),
        }
    }
}

/// What a copy did.
#[derive(Clone, Debug, Serialize)]
pub struct CopyReport {
    pub id: String,
    /// Where the copy is (`s3://bucket/prefix/<id>` or the folder).
    pub destination: String,
    pub files: usize,
    pub size_bytes: u64,
    /// True when the destination already held this very backup (same manifest): nothing was
    /// uploaded, and it was read back again.
    pub already_there: bool,
    /// Every file was read back from the destination and matched the manifest's size and SHA-256.
    pub verified: bool,
    pub elapsed_ms: u64,
}

/// Copies the (local, complete) backup folder `src` to `dest`, reads every file back and checks
/// it against the manifest. The backup is verified (checksums) before it is sent, so a corrupt
/// local backup is never copied.
pub async fn copy(src: &Path, dest: &Location, progress: ProgressFn<'_>) -> Result<CopyReport> {
    let started = Instant::now();
    let src_owned = src.to_path_buf();
    let report = tokio::task::spawn_blocking(move || super::verify_checksums(&src_owned))
        .await
        .map_err(|e| PersistenceError::invalid("verification task", e.to_string()))?;
    if !report.ok {
        return Err(PersistenceError::VerificationFailed {
            path: src.to_path_buf(),
            reason: report.failure_reason(),
        });
    }
    let mut out = match dest {
        Location::Folder(dir) => {
            let (src, dir) = (src.to_path_buf(), dir.clone());
            tokio::task::spawn_blocking(move || folder::copy(&src, &dir))
                .await
                .map_err(|e| PersistenceError::invalid("copy task", e.to_string()))??
        }
        Location::S3(loc) => s3::Remote::open(loc)?.copy(src, progress).await?,
    };
    out.elapsed_ms = started.elapsed().as_millis() as u64;
    Ok(out)
}

/// The backups at `loc`, oldest first (the same summaries as `backup list` of a folder).
pub async fn list(loc: &Location) -> Result<Vec<BackupSummary>> {
    match loc {
        Location::Folder(dir) => super::list(dir),
        Location::S3(s) => s3::Remote::open(s)?.list().await,
    }
}

/// A backup made available as a local folder: the folder itself, or a private download that is
/// removed when this is dropped.
pub struct Fetched {
    pub path: PathBuf,
    /// Where it came from, for messages (`s3://…/<id>` or the folder).
    pub source: String,
    cleanup: Option<PathBuf>,
}

impl Drop for Fetched {
    fn drop(&mut self) {
        if let Some(p) = self.cleanup.take() {
            let _ = std::fs::remove_dir_all(p);
        }
    }
}

/// Splits `s3://bucket/prefix/<id>` into the location and the id.
pub fn split_remote_reference(reference: &str) -> Option<Result<(Location, String)>> {
    let rest = reference.strip_prefix("s3://")?;
    let trimmed = rest.trim_end_matches('/');
    Some(match trimmed.rsplit_once('/') {
        Some((loc, id)) => S3Location::parse(loc).map(|l| (Location::S3(l), id.to_string())),
        None => Err(PersistenceError::BadBackupRef {
            reference: reference.to_string(),
            reason: "an object storage reference is s3://bucket/prefix/<backup id>".into(),
        }),
    })
}

/// Makes the backup `reference` (an id inside `loc`, a folder path, or `s3://…/<id>`) readable
/// as a local folder. A remote backup is downloaded into a new private folder under `work_dir`
/// (the system's temporary folder when None), checked as it comes (see the module doc).
pub async fn fetch(
    loc: Option<&Location>,
    reference: &str,
    work_dir: Option<&Path>,
    progress: ProgressFn<'_>,
) -> Result<Fetched> {
    let (loc, reference) = match split_remote_reference(reference) {
        Some(r) => {
            let (l, id) = r?;
            (Some(l), id)
        }
        // A path is the backup folder itself, wherever --dir points.
        None if super::resolve::is_path(reference) => (None, reference.to_string()),
        None => (loc.cloned(), reference.to_string()),
    };
    match &loc {
        Some(Location::S3(s)) => {
            let remote = s3::Remote::open(s)?;
            let root = work_dir
                .map(Path::to_path_buf)
                .unwrap_or_else(std::env::temp_dir);
            let scratch = root.join(format!("tartarus-fetch-{}", ulid::Ulid::new()));
            crate::persistence::create_new_private_dir(&scratch)?;
            let mut fetched = Fetched {
                path: scratch.join(&reference),
                source: format!("{s}/{reference}"),
                cleanup: Some(scratch.clone()),
            };
            fetched.path = remote.download(&reference, &scratch, progress).await?;
            Ok(fetched)
        }
        Some(Location::Folder(dir)) => Ok(local(Some(dir), &reference)?),
        None => Ok(local(None, &reference)?),
    }
}

fn local(dir: Option<&Path>, reference: &str) -> Result<Fetched> {
    let path = super::resolve(dir, reference)?;
    Ok(Fetched {
        source: path.display().to_string(),
        path,
        cleanup: None,
    })
}

/// `backup prune` at `loc` (see [`super::prune`]). In object storage, "the newest backup that
/// verifies" is the newest complete one (its files were read back before its manifest was
/// written), and copies interrupted more than an hour ago (files but no manifest) are removed.
pub async fn prune(
    loc: &Location,
    keep_days: u32,
    keep_last: usize,
    dry_run: bool,
) -> Result<PruneReport> {
    match loc {
        Location::Folder(dir) => {
            let dir = dir.clone();
            tokio::task::spawn_blocking(move || super::prune(&dir, keep_days, keep_last, dry_run))
                .await
                .map_err(|e| PersistenceError::invalid("prune task", e.to_string()))?
        }
        Location::S3(s) => {
            s3::Remote::open(s)?
                .prune(keep_days, keep_last, dry_run, crate::model::now_ms())
                .await
        }
    }
}

/// The newest verification record among the backups at an object storage location, for the
/// textfile (`None` for a folder: its records are read from the folder directly).
pub async fn last_remote_verify(loc: &Location) -> Result<Option<super::outcome::VerifyRecord>> {
    match loc {
        Location::Folder(_) => Ok(None),
        Location::S3(s) => s3::Remote::open(s)?.last_verify_record().await,
    }
}

/// Records the result of verifying the backup `id` at an object storage location
/// (`<prefix>/<id>/verify-result.json`); a folder's record is written by the caller.
pub async fn record_remote_verify(
    loc: &Location,
    id: &str,
    record: &super::outcome::VerifyRecord,
) -> Result<()> {
    match loc {
        Location::Folder(_) => Ok(()),
        Location::S3(s) => s3::Remote::open(s)?.put_verify_record(id, record).await,
    }
}

/// True for a name that may be a backup id in a remote listing (a plain name, not hidden).
fn plain_id(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name != ".."
        && !name.contains(['/', '\\'])
        && super::manifest::safe_relative(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_parse() {
        assert_eq!(
            Location::parse("/mnt/efs/backups").unwrap(),
            Location::Folder("/mnt/efs/backups".into())
        );
        let Location::S3(s) = Location::parse("s3://bucket/a/b/").unwrap() else {
            panic!()
        };
        assert_eq!((s.bucket.as_str(), s.prefix.as_str()), ("bucket", "a/b"));
        assert_eq!(s.to_string(), "s3://bucket/a/b");
        let Location::S3(s) = Location::parse("s3://bucket").unwrap() else {
            panic!()
        };
        assert_eq!(s.prefix, "");
        for bad in [
            "",
            "s3://",
            "s3:///x",
            "gs://b/p",
            "s3://bkt/../x",
            "s3://bkt/a//c",
        ] {
            assert!(Location::parse(bad).is_err(), "{bad}");
        }
        let (l, id) = split_remote_reference("s3://bkt/p/20260102T030405Z-file")
            .unwrap()
            .unwrap();
        assert_eq!(
            (l.to_string(), id.as_str()),
            ("s3://bkt/p".to_string(), "20260102T030405Z-file")
        );
        assert!(split_remote_reference("/x/y").is_none());
        assert!(plain_id("20260102T030405Z-file"));
        for bad in ["", ".tmp-x", "..", "a/b", "."] {
            assert!(!plain_id(bad), "{bad}");
        }
    }
}
