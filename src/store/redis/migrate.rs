//! `tartarus migrate` on Redis: finds the keys of the pre-cell layout with SCAN, moves them into a
//! cell by batches (RENAMENX in place, DUMP/PTTL + RESTORE when copying), and marks the cell
//! while it works (see [`crate::store::migrate`] for the rules).

use std::time::Instant;

use ::redis::Value;

use super::conn::{items, strings, text};
use super::RedisStore;
use crate::model::now_ms;
use crate::model::run::{field, RunState};
use crate::persistence::{Progress, ProgressFn};
use crate::store::keys::{KeyKind, Keys};
use crate::store::migrate::*;
use crate::store::schema::{
    MigrationMarker, CELL_SCHEMA_VERSION, LEGACY_SCHEMA_VERSION, SCHEMA_VERSION,
};
use crate::store::{Store, StoreError, StoreResult};

/// Finished runs read per round trip by the retention backfill.
const BACKFILL_PAGE: usize = 1_000;

/// One key to move: its old name, its name in the cell, what it holds.
struct Move {
    from: String,
    to: String,
    kind: KeyKind,
}

/// A migration from the pre-cell layout (read through `source`, whose keys are
/// [`Keys::legacy`]) into the cell of `target`.
pub struct Migration {
    source: RedisStore,
    target: RedisStore,
    mode: MigrateMode,
}

/// What the cell says before anything moves.
struct CellState {
    version: Option<u64>,
    marker: Option<MigrationMarker>,
}

/// Walks the keys of the pre-cell layout, one SCAN page at a time, pattern after pattern.
struct LegacyScan {
    patterns: Vec<String>,
    index: usize,
    cursor: u64,
    count: usize,
}

impl LegacyScan {
    fn new(legacy: &Keys, count: usize) -> LegacyScan {
        LegacyScan {
            patterns: legacy.backup_patterns(),
            index: 0,
            cursor: 0,
            count: count.max(10),
        }
    }

    /// The next page of keys to move (possibly empty), `None` when every pattern is done.
    async fn next(&mut self, m: &Migration) -> StoreResult<Option<Vec<Move>>> {
        let Some(pattern) = self.patterns.get(self.index) else {
            return Ok(None);
        };
        let mut cmd = ::redis::cmd("SCAN");
        cmd.arg(self.cursor)
            .arg("MATCH")
            .arg(pattern)
            .arg("COUNT")
            .arg(self.count);
        let (next, names): (u64, Vec<Vec<u8>>) = m.source.query_cmd(&cmd).await?;
        self.cursor = next;
        if next == 0 {
            self.index += 1;
        }
        let mut page: Vec<Move> = names
            .into_iter()
            .filter_map(|raw| String::from_utf8(raw).ok())
            .filter_map(|from| {
                let (to, kind) = m.target.keys.translate(&m.source.keys, &from)?;
                // A queue key configured to the same name in both layouts stays where it is.
                (to != from || m.mode == MigrateMode::Copy).then_some(Move { from, to, kind })
            })
            .collect();
        page.sort_by(|a, b| a.from.cmp(&b.from));
        page.dedup_by(|a, b| a.from == b.from);
        Ok(Some(page))
    }
}

impl Migration {
    /// `source` reads the old layout ([`Keys::legacy`]); `target` is the cell to fill. In place,
    /// both are connections to the same server.
    pub fn new(source: RedisStore, target: RedisStore, mode: MigrateMode) -> Migration {
        Migration {
            source,
            target,
            mode,
        }
    }

    fn cell(&self) -> String {
        self.target
            .keys
            .namespace()
            .cell()
            .map(|c| c.to_string())
            .unwrap_or_default()
    }

    fn report(&self, dry_run: bool, state: &CellState) -> MigrateReport {
        MigrateReport {
            cell: self.cell(),
            mode: self.mode,
            source: self.source.target.display(),
            target: self.target.target.display(),
            dry_run,
            result: MigrateResult::WouldMigrate,
            schema_before: state.version,
            schema_after: state.version,
            resumed: state.marker.is_some(),
            keys: 0,
            moved: 0,
            already_moved: 0,
            vanished: 0,
            kinds: Default::default(),
            retention_backfilled: 0,
            elapsed_ms: 0,
        }
    }

    async fn cell_state(&self) -> StoreResult<CellState> {
        let k = &self.target.keys;
        let mut p = ::redis::pipe();
        p.get(k.schema()).get(k.migration());
        let (version, marker): (Option<String>, Option<String>) = self.target.query(&p).await?;
        let version = match version {
            Some(v) => Some(crate::store::schema::parse_version(
                &self.cell(),
                &k.schema(),
                &v,
            )?),
            None => None,
        };
        let marker = marker.map(|m| {
            serde_json::from_str(&m).unwrap_or(MigrationMarker {
                mode: "unknown".into(),
                source: "unknown".into(),
                from_version: LEGACY_SCHEMA_VERSION,
                started_at: now_ms(),
                by: String::new(),
            })
        });
        Ok(CellState { version, marker })
    }

    /// Schedulers and nodes of the old layout whose announcement or heartbeat is still valid.
    async fn live_processes(&self) -> StoreResult<Vec<String>> {
        live_processes_of(&self.source).await
    }
}

/// Schedulers and nodes of `store`'s layout whose announcement or heartbeat is still valid.
async fn live_processes_of(store: &RedisStore) -> StoreResult<Vec<String>> {
    let mut who: Vec<String> = store
        .schedulers()
        .await?
        .into_iter()
        .map(|s| format!("scheduler {} (pid {} on {})", s.id, s.pid, s.host))
        .collect();
    who.extend(
        store
            .nodes()
            .await?
            .into_iter()
            .filter(|n| n.alive)
            .map(|n| format!("agent of node {}", n.name)),
    );
    Ok(who)
}

impl Migration {
    /// The keys of the old layout and, unless an interrupted attempt owns the cell, the ones
    /// whose new name is taken.
    async fn survey(
        &self,
        report: &mut MigrateReport,
        batch: usize,
        resumed: bool,
        progress: ProgressFn<'_>,
    ) -> MigrateResultOf<()> {
        let mut scan = LegacyScan::new(&self.source.keys, batch);
        let mut conflicts = Vec::new();
        let mut conflict_count = 0u64;
        progress(Progress::phase("finding the keys of the old layout"));
        while let Some(page) = scan.next(self).await? {
            for m in &page {
                report.count(m.kind);
            }
            if !resumed && !page.is_empty() {
                let mut p = ::redis::pipe();
                for m in &page {
                    p.exists(&m.to);
                }
                let taken: Vec<i64> = self.target.query(&p).await?;
                for (m, n) in page.iter().zip(taken) {
                    if n > 0 {
                        conflict_count += 1;
                        if conflicts.len() < 5 {
                            conflicts.push(m.to.clone());
                        }
                    }
                }
            }
            progress(Progress {
                phase: "finding the keys of the old layout".into(),
                done: report.keys,
                total: None,
                unit: "keys",
            });
        }
        if conflict_count > 0 {
            return Err(MigrateError::Conflicts {
                cell: self.cell(),
                count: conflict_count,
                examples: conflicts.join(", "),
            });
        }
        Ok(())
    }

    /// Everything that can be known without writing: the cell's state, live processes of the old
    /// version, what would move, conflicts. The report of `--dry-run`, and the first half of a
    /// migration.
    pub async fn plan(
        &self,
        options: &MigrateOptions,
        progress: ProgressFn<'_>,
    ) -> MigrateResultOf<MigrateReport> {
        let started = Instant::now();
        let state = self.cell_state().await?;
        let mut report = self.report(true, &state);
        // A cell of an older version of the cell layout: nothing moves (on one server or a
        // Cluster, whatever the mode); its own processes must be stopped, then its version rises.
        let upgrade = matches!(
            state.version,
            Some(v) if (CELL_SCHEMA_VERSION..SCHEMA_VERSION).contains(&v)
        );
        if upgrade && state.marker.is_none() {
            if !options.force {
                let who = live_processes_of(&self.target).await?;
                if !who.is_empty() {
                    return Err(MigrateError::LiveProcesses {
                        from: self.target.target.display(),
                        who: who.join(", "),
                    });
                }
            }
            report.result = MigrateResult::Upgraded;
            report.elapsed_ms = started.elapsed().as_millis() as u64;
            return Ok(report);
        }
        if self.mode == MigrateMode::InPlace && self.target.conn.is_cluster() {
            return Err(MigrateError::Unsupported(format!(
                "migrating in place cannot work on Redis Cluster: the keys of the layout before \
                 cells sit in many slots and RENAMENX cannot move a key to another slot. Copy \
                 them instead from the server that holds them: tartarus migrate --from \
                 redis://OLD-HOST:PORT (cell `{}` on {})",
                self.cell(),
                self.target.target.display()
            )));
        }
        match state.version {
            Some(v) if v > SCHEMA_VERSION => {
                return Err(MigrateError::TooNew {
                    cell: self.cell(),
                    found: v,
                    known: SCHEMA_VERSION,
                })
            }
            // A copy fills a cell once: the old server keeps its keys, so a second copy would
            // find every one of them again.
            Some(SCHEMA_VERSION) if state.marker.is_none() && self.mode == MigrateMode::Copy => {
                report.result = MigrateResult::AlreadyCurrent;
                return Ok(report);
            }
            _ => {}
        }
        if !options.force {
            let who = self.live_processes().await?;
            if !who.is_empty() {
                return Err(MigrateError::LiveProcesses {
                    from: self.source.target.display(),
                    who: who.join(", "),
                });
            }
        }
        self.survey(&mut report, options.batch, state.marker.is_some(), progress)
            .await?;
        report.result = match (report.keys, state.version, &state.marker) {
            (0, Some(SCHEMA_VERSION), None) => MigrateResult::AlreadyCurrent,
            (0, _, None) => MigrateResult::Initialised,
            _ => MigrateResult::WouldMigrate,
        };
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }

    /// Migrates: the plan's checks, then the marker, the keys by batches, and the schema version
    /// with the marker's removal in one step. Safe to run again after any interruption.
    pub async fn run(
        &self,
        options: &MigrateOptions,
        progress: ProgressFn<'_>,
    ) -> MigrateResultOf<MigrateReport> {
        let started = Instant::now();
        let mut report = self.plan(options, progress).await?;
        report.dry_run = false;
        match report.result {
            MigrateResult::AlreadyCurrent => return Ok(report),
            MigrateResult::Upgraded => {
                self.finish().await?;
                report.schema_after = Some(SCHEMA_VERSION);
                report.elapsed_ms = started.elapsed().as_millis() as u64;
                return Ok(report);
            }
            _ => {}
        }
        let found = report.keys;
        report.keys = 0;
        report.kinds.clear();
        self.write_marker().await?;
        let mut passes = 0;
        loop {
            let moved_before = report.moved + report.already_moved + report.vanished;
            let mut scan = LegacyScan::new(&self.source.keys, options.batch);
            while let Some(page) = scan.next(self).await? {
                for chunk in page.chunks(options.batch.max(1)) {
                    match self.mode {
                        MigrateMode::InPlace => self.rename(chunk, &mut report).await?,
                        MigrateMode::Copy => self.copy(chunk, &mut report).await?,
                    }
                    progress(Progress {
                        phase: format!("moving keys into cell {}", self.cell()),
                        done: report.moved + report.already_moved + report.vanished,
                        total: Some(found.max(report.keys)),
                        unit: "keys",
                    });
                }
            }
            passes += 1;
            // A copy reads a server nothing changes; in place, a second pass proves that no key
            // of the old layout is left (SCAN may miss keys created while it runs).
            let quiet = report.moved + report.already_moved + report.vanished == moved_before;
            if self.mode == MigrateMode::Copy || quiet || passes >= 5 {
                break;
            }
        }
        report.retention_backfilled = self.backfill_retention().await?;
        self.finish().await?;
        report.result = if report.keys == 0 {
            MigrateResult::Initialised
        } else {
            MigrateResult::Migrated
        };
        report.schema_after = Some(SCHEMA_VERSION);
        report.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }

    async fn write_marker(&self) -> StoreResult<()> {
        let marker = MigrationMarker {
            mode: self.mode.as_str().to_string(),
            source: self.source.target.display(),
            from_version: LEGACY_SCHEMA_VERSION,
            started_at: now_ms(),
            by: format!("{} {}", crate::scheduler::host_name(), std::process::id()),
        };
        let json =
            serde_json::to_string(&marker).map_err(|e| StoreError::Backend(e.to_string()))?;
        let mut cmd = ::redis::cmd("SET");
        // NX: a resumed migration keeps the first attempt's marker.
        cmd.arg(self.target.keys.migration()).arg(json).arg("NX");
        let _: Value = self.target.query_cmd(&cmd).await?;
        Ok(())
    }

    /// Puts every finished run that is in neither retention index into the one it belongs to
    /// (its own `ttlAfterFinished`, else the cell's window), scored as the Lua state changes
    /// would have: the layout before retention had no such index, and a run missing from both
    /// would never be deleted. Pages of [`BACKFILL_PAGE`] runs; safe to run again. Returns how
    /// many runs were added.
    async fn backfill_retention(&self) -> StoreResult<u64> {
        let k = &self.target.keys;
        let now = now_ms();
        let mut added = 0;
        for state in RunState::ALL.into_iter().filter(|s| s.is_terminal()) {
            let mut start = 0usize;
            loop {
                let mut cmd = ::redis::cmd("ZRANGE");
                cmd.arg(k.state(state))
                    .arg(start)
                    .arg(start + BACKFILL_PAGE - 1);
                let ids: Vec<String> = strings(self.target.query_cmd(&cmd).await?);
                if ids.is_empty() {
                    break;
                }
                start += ids.len();
                let mut p = ::redis::pipe();
                for id in &ids {
                    p.cmd("ZSCORE").arg(k.finished()).arg(id);
                    p.cmd("ZSCORE").arg(k.finished_ttl()).arg(id);
                    p.cmd("HMGET")
                        .arg(k.run(id))
                        .arg(field::FINISHED_AT)
                        .arg(field::UPDATED_AT)
                        .arg(field::TTL_MS);
                }
                let rows: Vec<Value> = self.target.query(&p).await?;
                let mut add = ::redis::pipe();
                let mut n = 0;
                for (id, row) in ids.iter().zip(rows.chunks(3)) {
                    let [in_window, in_ttl, fields] = row else {
                        continue;
                    };
                    if !matches!(in_window, Value::Nil) || !matches!(in_ttl, Value::Nil) {
                        continue;
                    }
                    let fields: Vec<Option<i64>> = items(fields.clone())
                        .iter()
                        .map(|v| text(v).and_then(|t| t.parse().ok()))
                        .collect();
                    let at = fields
                        .first()
                        .copied()
                        .flatten()
                        .or(fields.get(1).copied().flatten())
                        .unwrap_or(now);
                    match fields.get(2).copied().flatten() {
                        Some(ttl) => add
                            .cmd("ZADD")
                            .arg(k.finished_ttl())
                            .arg("NX")
                            .arg(at + ttl)
                            .arg(id),
                        None => add.cmd("ZADD").arg(k.finished()).arg("NX").arg(at).arg(id),
                    };
                    n += 1;
                }
                if n > 0 {
                    let _: Value = self.target.query(&add).await?;
                    added += n;
                }
            }
        }
        Ok(added)
    }

    /// The schema version written and the marker removed in one step (one slot: one script).
    async fn finish(&self) -> StoreResult<()> {
        let k = &self.target.keys;
        let mut cmd = ::redis::cmd("EVAL");
        cmd.arg("redis.call('SET', KEYS[1], ARGV[1]); redis.call('DEL', KEYS[2]); return 1")
            .arg(2)
            .arg(k.schema())
            .arg(k.migration())
            .arg(SCHEMA_VERSION);
        let _: Value = self.target.query_cmd(&cmd).await?;
        Ok(())
    }

    /// In place: RENAMENX each key (atomic, keeps its TTL).
    async fn rename(&self, chunk: &[Move], report: &mut MigrateReport) -> MigrateResultOf<()> {
        let mut p = ::redis::pipe();
        p.ignore_errors();
        for m in chunk {
            p.cmd("RENAMENX").arg(&m.from).arg(&m.to);
        }
        let replies: Vec<Value> = self.target.query(&p).await?;
        let mut gone = Vec::new();
        let mut taken = Vec::new();
        for (m, reply) in chunk.iter().zip(replies) {
            match reply {
                Value::Int(1) => {
                    report.moved += 1;
                    report.count(m.kind);
                }
                Value::Int(_) => taken.push(m.to.clone()),
                Value::ServerError(e) if e.details().is_some_and(|d| d.contains("no such key")) => {
                    gone.push(m)
                }
                other => {
                    return Err(StoreError::Backend(format!(
                        "renaming {} to {}: {other:?}",
                        m.from, m.to
                    ))
                    .into())
                }
            }
        }
        if !taken.is_empty() {
            // Both names exist: the old one was written again after it moved (a process of the
            // previous version still running).
            return Err(MigrateError::Conflicts {
                cell: self.cell(),
                count: taken.len() as u64,
                examples: taken.into_iter().take(5).collect::<Vec<_>>().join(", "),
            });
        }
        if !gone.is_empty() {
            // Gone from the old name: moved already (SCAN returned it twice) or expired.
            let mut p = ::redis::pipe();
            for m in &gone {
                p.exists(&m.to);
            }
            let there: Vec<i64> = self.target.query(&p).await?;
            for (m, n) in gone.into_iter().zip(there) {
                if n == 0 {
                    report.vanished += 1;
                    report.count(m.kind);
                }
            }
        }
        Ok(())
    }

    /// Copy: DUMP + PTTL from the old server, RESTORE into the cell (a key already there was
    /// copied by the interrupted attempt: the plan refused any other).
    async fn copy(&self, chunk: &[Move], report: &mut MigrateReport) -> MigrateResultOf<()> {
        let mut p = ::redis::pipe();
        for m in chunk {
            p.cmd("DUMP").arg(&m.from).cmd("PTTL").arg(&m.from);
        }
        let read: Vec<Value> = self.source.query(&p).await?;
        let mut p = ::redis::pipe();
        p.ignore_errors();
        let mut sent = Vec::new();
        for (m, pair) in chunk.iter().zip(read.chunks(2)) {
            let (Some(Value::BulkString(payload)), Some(Value::Int(ttl))) =
                (pair.first(), pair.get(1))
            else {
                report.vanished += 1;
                report.count(m.kind);
                continue;
            };
            if *ttl == -2 {
                report.vanished += 1;
                report.count(m.kind);
                continue;
            }
            p.cmd("RESTORE")
                .arg(&m.to)
                .arg((*ttl).max(0))
                .arg(payload.as_slice());
            sent.push(m);
        }
        if sent.is_empty() {
            return Ok(());
        }
        let replies: Vec<Value> = self.target.query(&p).await?;
        for (m, reply) in sent.into_iter().zip(replies) {
            match reply {
                Value::ServerError(e) if e.code() == "BUSYKEY" => report.already_moved += 1,
                Value::ServerError(e) => {
                    return Err(StoreError::Backend(format!(
                        "restoring {} into {}: {} {} (the target Redis must be the same version \
                         as the old server or newer)",
                        m.from,
                        m.to,
                        e.code(),
                        e.details().unwrap_or("")
                    ))
                    .into())
                }
                other if text(&other).as_deref() == Some("OK") => report.moved += 1,
                other => {
                    return Err(StoreError::Backend(format!(
                        "restoring {}: unexpected reply {other:?}",
                        m.to
                    ))
                    .into())
                }
            }
            report.count(m.kind);
        }
        Ok(())
    }
}
