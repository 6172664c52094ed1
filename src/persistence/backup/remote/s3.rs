//! Backups in S3 or an S3-compatible store, through the `object_store` crate: one prefix per
//! backup (`<prefix>/<id>/<file>`), `manifest.json` written last.
//!
//! Credentials and settings come from the standard AWS variables (`AWS_ACCESS_KEY_ID`,
//! `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`/`AWS_DEFAULT_REGION`,
//! `AWS_ENDPOINT_URL` for S3-compatible servers, web identity and container roles), else the
//! shared files (`~/.aws/credentials` and `~/.aws/config`, profile `AWS_PROFILE` or `default`),
//! else the instance role.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures::StreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path as ObjPath;
use object_store::{ObjectMeta, ObjectStore, ObjectStoreExt, PutPayload};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::{plain_id, CopyReport};
use crate::persistence::backup::hashing::hex;
use crate::persistence::backup::list::{BackupSummary, STATUS_COMPLETE};
use crate::persistence::backup::outcome::{self, VerifyRecord, VERIFY_RECORD};
use crate::persistence::backup::{
    parse_backup_id, parse_manifest, read_manifest, unfinished_entry, BackupManifest, PruneAction,
    PruneEntry, PruneKind, PruneReport, Retention, Unfinished, MANIFEST, MAX_MANIFEST_BYTES,
};
use crate::persistence::files::{open_beneath, read_bounded};
use crate::persistence::{PersistenceError, Progress, ProgressFn, Result};

/// `s3://bucket/prefix`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: String,
    /// Without leading or trailing `/`; may be empty (the bucket's root).
    pub prefix: String,
}

impl S3Location {
    /// Parses `bucket[/prefix]` (what follows `s3://`).
    pub fn parse(rest: &str) -> Result<S3Location> {
        let bad = |why: &str| {
            PersistenceError::invalid("object storage location", format!("s3://{rest}: {why}"))
        };
        let rest = rest.trim_end_matches('/');
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let bucket_ok = (3..=63).contains(&bucket.len())
            && bucket
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        if !bucket_ok {
            return Err(bad("the bucket name must be 3-63 of a-z 0-9 . -"));
        }
        if !prefix.is_empty()
            && prefix
                .split('/')
                .any(|p| p.is_empty() || p == "." || p == "..")
        {
            return Err(bad("the prefix must be plain names separated by single /"));
        }
        Ok(S3Location {
            bucket: bucket.to_string(),
            prefix: prefix.to_string(),
        })
    }
}

impl std::fmt::Display for S3Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.prefix.is_empty() {
            write!(f, "s3://{}", self.bucket)
        } else {
            write!(f, "s3://{}/{}", self.bucket, self.prefix)
        }
    }
}

/// One object storage location, connected.
pub(super) struct Remote {
    store: Arc<AmazonS3>,
    loc: S3Location,
}

/// The backups under a prefix, from one listing: per id, its objects (name inside the backup
/// → metadata).
type Listing = BTreeMap<String, BTreeMap<String, ObjectMeta>>;

/// How much of an object is read into memory at most (manifests and records).
const MAX_SMALL_OBJECT: u64 = MAX_MANIFEST_BYTES;

/// Upload and download chunk size.
const CHUNK: usize = 8 << 20;

impl Remote {
    pub(super) fn open(loc: &S3Location) -> Result<Remote> {
        let mut b = AmazonS3Builder::from_env().with_bucket_name(&loc.bucket);
        b = super::aws_files::with_shared_files(b);
        if let Some(endpoint) = b.get_config_value(&AmazonS3ConfigKey::Endpoint) {
            if endpoint.starts_with("http://") {
                b = b.with_allow_http(true);
            }
        }
        let store = b.build().map_err(|e| PersistenceError::Remote {
            location: loc.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Remote {
            store: Arc::new(store),
            loc: loc.clone(),
        })
    }

    fn err(&self, what: &str, e: object_store::Error) -> PersistenceError {
        PersistenceError::Remote {
            location: self.loc.to_string(),
            reason: format!("{what}: {e}"),
        }
    }

    fn base(&self) -> ObjPath {
        ObjPath::from_iter(self.loc.prefix.split('/').filter(|p| !p.is_empty()))
    }

    /// The object of `name` (a `/`-separated relative path) inside backup `id`.
    fn key(&self, id: &str, name: &str) -> ObjPath {
        let mut p = self.base().join(id);
        for part in name.split('/') {
            p = p.join(part);
        }
        p
    }

    fn display(&self, id: &str) -> String {
        format!("{}/{id}", self.loc)
    }

    /// Reads a small object whole (None when it does not exist; an error past `max` bytes).
    async fn get_small(&self, key: &ObjPath, max: u64) -> Result<Option<Vec<u8>>> {
        let got = match self.store.get(key).await {
            Ok(g) => g,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(self.err(&format!("reading {key}"), e)),
        };
        if got.meta.size > max {
            return Err(PersistenceError::invalid(
                format!("{}/{key}", self.loc.bucket),
                format!("larger than the {max}-byte limit for this file"),
            ));
        }
        let mut out = Vec::new();
        let mut stream = got.into_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| self.err(&format!("reading {key}"), e))?;
            out.extend_from_slice(&chunk);
            if out.len() as u64 > max {
                return Err(PersistenceError::invalid(
                    format!("{}/{key}", self.loc.bucket),
                    format!("larger than the {max}-byte limit for this file"),
                ));
            }
        }
        Ok(Some(out))
    }

    /// Every object under the prefix, grouped by backup id (names that cannot be ids skipped).
    async fn listing(&self) -> Result<Listing> {
        let base = self.base();
        let mut out: Listing = BTreeMap::new();
        let mut stream = self.store.list(Some(&base));
        while let Some(meta) = stream.next().await {
            let meta = meta.map_err(|e| self.err("listing", e))?;
            let Some(parts) = meta.location.prefix_match(&base) else {
                continue;
            };
            let parts: Vec<String> = parts.map(|p| p.as_ref().to_string()).collect();
            let Some((id, rest)) = parts.split_first() else {
                continue;
            };
            if rest.is_empty() || !plain_id(id) {
                continue;
            }
            out.entry(id.clone())
                .or_default()
                .insert(rest.join("/"), meta);
        }
        Ok(out)
    }

    /// Uploads one local file to `key`, streamed (multipart for large files); aborted on error.
    async fn upload(
        &self,
        src: &Path,
        name: &str,
        size: u64,
        key: &ObjPath,
        progress: ProgressFn<'_>,
    ) -> Result<()> {
        let local = src.join(name);
        let file = open_beneath(src, name).map_err(|e| PersistenceError::io(&local, e))?;
        let mut reader = tokio::fs::File::from_std(file).take(size);
        let mut w = object_store::buffered::BufWriter::new(self.store.clone(), key.clone());
        let phase = format!("upload {name}");
        let mut buf = vec![0u8; CHUNK];
        let mut done = 0u64;
        let result: Result<()> = async {
            loop {
                let n = reader
                    .read(&mut buf)
                    .await
                    .map_err(|e| PersistenceError::io(&local, e))?;
                if n == 0 {
                    break;
                }
                w.write_all(&buf[..n])
                    .await
                    .map_err(|e| PersistenceError::Remote {
                        location: self.loc.to_string(),
                        reason: format!("uploading {key}: {e}"),
                    })?;
                done += n as u64;
                progress(Progress::bytes(phase.clone(), done, Some(size)));
            }
            if done != size {
                return Err(PersistenceError::VerificationFailed {
                    path: local.clone(),
                    reason: format!("{done} bytes, manifest says {size}"),
                });
            }
            Ok(())
        }
        .await;
        if let Err(e) = result {
            // Nothing becomes visible: a multipart upload in progress is aborted.
            let _ = w.abort().await;
            return Err(e);
        }
        // Completes the upload (one PUT, or the multipart completion). A failure here leaves
        // no object; the writer is finished either way, so there is nothing left to abort.
        w.shutdown().await.map_err(|e| PersistenceError::Remote {
            location: self.loc.to_string(),
            reason: format!("uploading {key}: {e}"),
        })
    }

    /// Size and SHA-256 of an object, streamed; stops past `limit` bytes. None when absent.
    async fn hash_object(&self, key: &ObjPath, limit: u64) -> Result<Option<(u64, String)>> {
        let got = match self.store.get(key).await {
            Ok(g) => g,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(self.err(&format!("reading back {key}"), e)),
        };
        let mut stream = got.into_stream();
        let mut h = Sha256::new();
        let mut n = 0u64;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| self.err(&format!("reading back {key}"), e))?;
            n += chunk.len() as u64;
            h.update(&chunk);
            if n > limit {
                break;
            }
        }
        Ok(Some((n, hex(&h.finalize()))))
    }

    /// Reads every file of `m` back from backup `id`; the failures, in words.
    async fn read_back(
        &self,
        id: &str,
        m: &BackupManifest,
        progress: ProgressFn<'_>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for f in &m.files {
            progress(Progress::phase(format!("read back {}", f.name)));
            match self.hash_object(&self.key(id, &f.name), f.size_bytes).await {
                Ok(Some((n, _))) if n != f.size_bytes => problems.push(format!(
                    "{}: {n} bytes, manifest says {}",
                    f.name, f.size_bytes
                )),
                Ok(Some((_, sha))) if sha != f.sha256 => {
                    problems.push(format!("{}: SHA-256 mismatch", f.name))
                }
                Ok(Some(_)) => {}
                Ok(None) => problems.push(format!("{}: missing", f.name)),
                Err(e) => problems.push(format!("{}: {e}", f.name)),
            }
        }
        problems
    }

    /// Uploads the backup folder `src`: files, read back, then the manifest (read back too).
    pub(super) async fn copy(&self, src: &Path, progress: ProgressFn<'_>) -> Result<CopyReport> {
        let m = read_manifest(src)?;
        let mpath = src.join(MANIFEST);
        let manifest_bytes = read_bounded(
            open_beneath(src, MANIFEST).map_err(|e| PersistenceError::io(&mpath, e))?,
            MAX_MANIFEST_BYTES,
            &mpath,
        )?;
        let id = m.id.clone();
        if !plain_id(&id) {
            return Err(PersistenceError::invalid(
                mpath.display().to_string(),
                format!("backup id {id:?} is not a plain name"),
            ));
        }
        let manifest_key = self.key(&id, MANIFEST);
        let already_there = match self.get_small(&manifest_key, MAX_SMALL_OBJECT).await? {
            Some(theirs) if theirs == manifest_bytes => true,
            Some(_) => {
                return Err(PersistenceError::CopyConflict(format!(
                    "{} already holds another backup (a different manifest): nothing was copied",
                    self.display(&id)
                )))
            }
            None => false,
        };
        if !already_there {
            for f in &m.files {
                self.upload(
                    src,
                    &f.name,
                    f.size_bytes,
                    &self.key(&id, &f.name),
                    progress,
                )
                .await?;
            }
        }
        let problems = self.read_back(&id, &m, progress).await;
        if !problems.is_empty() {
            return Err(PersistenceError::VerificationFailed {
                path: PathBuf::from(self.display(&id)),
                reason: format!(
                    "the copy does not match the manifest: {}",
                    problems.join("; ")
                ),
            });
        }
        if !already_there {
            // Last: from now on a listing takes it for a backup.
            self.store
                .put(&manifest_key, PutPayload::from(manifest_bytes.clone()))
                .await
                .map_err(|e| self.err("uploading the manifest", e))?;
            let back = self.get_small(&manifest_key, MAX_SMALL_OBJECT).await?;
            if back.as_deref() != Some(manifest_bytes.as_slice()) {
                let _ = self.store.delete(&manifest_key).await;
                return Err(PersistenceError::VerificationFailed {
                    path: PathBuf::from(self.display(&id)),
                    reason: "the manifest read back differs from the one sent".into(),
                });
            }
        }
        let record = VerifyRecord {
            ok: true,
            verified_at: crate::model::now_ms(),
            by: "copy read-back".into(),
            reason: None,
        };
        if let Err(e) = self.put_verify_record(&id, &record).await {
            tracing::warn!(
                "could not record the read-back of {}: {e}",
                self.display(&id)
            );
        }
        Ok(CopyReport {
            destination: self.display(&id),
            files: m.files.len(),
            size_bytes: m.total_bytes(),
            id,
            already_there,
            verified: true,
            elapsed_ms: 0,
        })
    }

    pub(super) async fn put_verify_record(&self, id: &str, record: &VerifyRecord) -> Result<()> {
        let json = serde_json::to_vec_pretty(record).map_err(|e| PersistenceError::Json {
            path: PathBuf::from(self.display(id)),
            error: e,
        })?;
        self.store
            .put(&self.key(id, VERIFY_RECORD), PutPayload::from(json))
            .await
            .map(|_| ())
            .map_err(|e| self.err("writing the verify record", e))
    }

    /// The newest `verify-result.json` under the prefix.
    pub(super) async fn last_verify_record(&self) -> Result<Option<VerifyRecord>> {
        let listing = self.listing().await?;
        let records: Vec<&ObjectMeta> = listing
            .values()
            .filter_map(|objects| objects.get(VERIFY_RECORD))
            .collect();
        let Some(newest) = records.iter().map(|m| m.last_modified).max() else {
            return Ok(None);
        };
        // Listings give times to the second: read every record of that second, keep the newest.
        let mut best: Option<VerifyRecord> = None;
        for meta in records.iter().filter(|m| m.last_modified == newest) {
            let bytes = self.get_small(&meta.location, MAX_SMALL_OBJECT).await?;
            if let Some(r) = bytes.and_then(|b| outcome::parse_record::<VerifyRecord>(&b)) {
                if best.as_ref().is_none_or(|b| r.verified_at > b.verified_at) {
                    best = Some(r);
                }
            }
        }
        Ok(best)
    }

    /// The summary of one backup with a manifest: sizes of the listed objects against it.
    async fn summary(&self, id: &str, objects: &BTreeMap<String, ObjectMeta>) -> BackupSummary {
        let parsed = parse_backup_id(id);
        let manifest = match self
            .get_small(&self.key(id, MANIFEST), MAX_SMALL_OBJECT)
            .await
        {
            Ok(Some(b)) => parse_manifest(&b, Path::new(&self.display(id))),
            Ok(None) => Err(PersistenceError::invalid(self.display(id), "no manifest")),
            Err(e) => Err(e),
        };
        let (m, status) = match manifest {
            Err(e) => (None, format!("incomplete: {e}")),
            Ok(m) => {
                let mut status = STATUS_COMPLETE.to_string();
                for f in &m.files {
                    match objects.get(&f.name) {
                        Some(o) if o.size == f.size_bytes => {}
                        Some(o) => {
                            status = format!(
                                "incomplete: {} is {} bytes, manifest says {}",
                                f.name, o.size, f.size_bytes
                            );
                            break;
                        }
                        None => {
                            status = format!("incomplete: {} missing", f.name);
                            break;
                        }
                    }
                }
                (Some(m), status)
            }
        };
        BackupSummary {
            id: id.to_string(),
            path: self.display(id),
            method: m.as_ref().map(|m| m.method).or(parsed.map(|p| p.1)),
            created_at: m.as_ref().map(|m| m.created_at).or(parsed.map(|p| p.0)),
            size_bytes: m.as_ref().map_or(0, BackupManifest::total_bytes),
            files: m.as_ref().map_or(0, |m| m.files.len()),
            masters: m.as_ref().and_then(BackupManifest::master_count),
            status,
        }
    }

    /// The backups under the prefix (those with a manifest), oldest first.
    pub(super) async fn list(&self) -> Result<Vec<BackupSummary>> {
        let listing = self.listing().await?;
        let mut out = Vec::new();
        for (id, objects) in &listing {
            if objects.contains_key(MANIFEST) {
                out.push(self.summary(id, objects).await);
            }
        }
        out.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// Downloads backup `id` into `scratch/<id>`: the manifest first (bounded, names checked),
    /// then only the files it lists, each cut off just past its recorded size, into files
    /// created without following links. A listed file that is missing is left out (the local
    /// verification then says so).
    pub(super) async fn download(
        &self,
        id: &str,
        scratch: &Path,
        progress: ProgressFn<'_>,
    ) -> Result<PathBuf> {
        let bad_ref = |reason: &str| PersistenceError::BadBackupRef {
            reference: self.display(id),
            reason: reason.to_string(),
        };
        if !plain_id(id) {
            return Err(bad_ref(
                "not a backup id (hidden, temporary or relative name)",
            ));
        }
        let bytes = self
            .get_small(&self.key(id, MANIFEST), MAX_SMALL_OBJECT)
            .await?
            .ok_or_else(|| bad_ref("no such backup (no manifest.json there)"))?;
        let manifest = parse_manifest(&bytes, Path::new(&self.display(id)))?;
        let folder = scratch.join(id);
        crate::persistence::create_new_private_dir(&folder)?;
        let mpath = folder.join(MANIFEST);
        let mut f = crate::persistence::create_private_file(&mpath)?;
        std::io::Write::write_all(&mut f, &bytes).map_err(|e| PersistenceError::io(&mpath, e))?;
        for file in &manifest.files {
            let mut parent = folder.clone();
            let parts: Vec<&str> = file.name.split('/').collect();
            for part in &parts[..parts.len().saturating_sub(1)] {
                parent = parent.join(part);
                if std::fs::symlink_metadata(&parent).is_err() {
                    crate::persistence::create_new_private_dir(&parent)?;
                }
            }
            let got = match self.store.get(&self.key(id, &file.name)).await {
                Ok(g) => g,
                Err(object_store::Error::NotFound { .. }) => continue,
                Err(e) => return Err(self.err(&format!("downloading {}", file.name), e)),
            };
            let to = folder.join(&file.name);
            let out = crate::persistence::create_private_file(&to)?;
            let mut out = tokio::fs::File::from_std(out);
            let mut stream = got.into_stream();
            let mut n = 0u64;
            let phase = format!("download {}", file.name);
            while let Some(chunk) = stream.next().await {
                let chunk =
                    chunk.map_err(|e| self.err(&format!("downloading {}", file.name), e))?;
                let room = file.size_bytes.saturating_add(1).saturating_sub(n);
                let take = (chunk.len() as u64).min(room) as usize;
                out.write_all(&chunk[..take])
                    .await
                    .map_err(|e| PersistenceError::io(&to, e))?;
                n += take as u64;
                progress(Progress::bytes(phase.clone(), n, Some(file.size_bytes)));
                if n > file.size_bytes {
                    break;
                }
            }
            out.sync_all()
                .await
                .map_err(|e| PersistenceError::io(&to, e))?;
        }
        Ok(folder)
    }

    /// Deletes every object of backup `id`, the manifest first (so that a delete cut short
    /// leaves an incomplete copy, never one that looks complete).
    async fn delete_backup(&self, id: &str, objects: &BTreeMap<String, ObjectMeta>) -> Result<()> {
        if objects.contains_key(MANIFEST) {
            self.store
                .delete(&self.key(id, MANIFEST))
                .await
                .map_err(|e| self.err("deleting the manifest", e))?;
        }
        for (name, meta) in objects {
            if name != MANIFEST {
                match self.store.delete(&meta.location).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(e) => return Err(self.err(&format!("deleting {name}"), e)),
                }
            }
        }
        Ok(())
    }

    /// Retention at this prefix: the rules of the local `backup prune`.
    pub(super) async fn prune(
        &self,
        keep_days: u32,
        keep_last: usize,
        dry_run: bool,
        now_ms: i64,
    ) -> Result<PruneReport> {
        let listing = self.listing().await?;
        let mut backups = Vec::new();
        let mut partial = Vec::new();
        for (id, objects) in &listing {
            let Some((t, _)) = parse_backup_id(id) else {
                continue;
            };
            if objects.contains_key(MANIFEST) {
                let complete = self.summary(id, objects).await.status == STATUS_COMPLETE;
                backups.push((id.clone(), t, complete));
            } else {
                partial.push((id.clone(), t));
            }
        }
        let rule = Retention {
            keep_days,
            keep_last,
        };
        let decided = rule.decide(
            backups,
            |complete| *complete,
            "newest complete backup (read back when copied)",
            now_ms,
        );
        let mut items = Vec::new();
        for d in decided {
            if d.action == PruneAction::Delete && !dry_run {
                self.delete_backup(&d.id, &listing[&d.id]).await?;
            }
            items.push(PruneEntry {
                id: d.id,
                kind: PruneKind::Backup,
                action: d.action,
                created_at: d.created_at,
                last_write_at: None,
                reason: d.reason,
            });
        }
        for (id, t) in partial {
            let objects = &listing[&id];
            let written = objects
                .values()
                .map(|m| m.last_modified.timestamp_millis())
                .max()
                .unwrap_or(t);
            let words = Unfinished {
                interrupted: "interrupted copy (no manifest)",
                unfinished: "copy without a manifest",
            };
            let entry = unfinished_entry(id, t, written, now_ms, words);
            if entry.action == PruneAction::Delete && !dry_run {
                self.delete_backup(&entry.id, objects).await?;
            }
            items.push(entry);
        }
        Ok(PruneReport {
            dry_run,
            items,
            next: None,
        })
    }
}
