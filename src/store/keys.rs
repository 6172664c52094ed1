//! The Redis key layout, in one place (the README's key table is written from this file).
//!
//! Every key name tartarus uses — Hades, Acheron, nodes, schedulers, events, Themis, the cell's
//! schema version, and the patterns that cover them (logical backups, the bench's cleanup) — comes
//! from [`Keys`], and every one of them derives from a single [`Namespace`] value plus the queue
//! key. A deployment's keys form a [`Cell`]: they all carry the cell's hash tag, so each Lua
//! script's keys share one Redis Cluster slot.

use crate::model::run::RunState;
use crate::model::spec::limits::MAX_PRIORITY;

/// The cell every process uses when `TARTARUS_CELL` / `--cell` is not given.
pub const DEFAULT_CELL: &str = "default";
/// The longest cell name accepted (it is repeated in every key of the cell).
pub const MAX_CELL_LEN: usize = 64;
/// The queue key of the pre-cell layout (what `REDIS_QUEUE_KEY` defaulted to before cells).
pub const LEGACY_QUEUE_KEY: &str = "tartarus:queue";

/// The name of a cell: one deployment's whole keyspace, kept under one Redis Cluster hash tag
/// (`{<cell>}`) so every key of it lives in one slot. 1 to [`MAX_CELL_LEN`] characters from
/// `A-Z a-z 0-9 . _ -`, starting with a letter or digit (so it can never carry `{`, `}`, `:` or a
/// glob character into a key name or a SCAN pattern).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Cell(String);

impl Default for Cell {
    fn default() -> Cell {
        Cell(DEFAULT_CELL.to_string())
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Cell {
    /// Checks a cell name; the error says what is wrong with it.
    pub fn new(name: &str) -> Result<Cell, String> {
        if name.is_empty() {
            return Err("a cell name cannot be empty".into());
        }
        if name.len() > MAX_CELL_LEN {
            return Err(format!(
                "a cell name has at most {MAX_CELL_LEN} characters (this one has {})",
                name.len()
            ));
        }
        if let Some(c) = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
        {
            return Err(format!(
                "`{}` is not allowed in a cell name (use letters, digits, `.`, `_` and `-`)",
                c.escape_default()
            ));
        }
        if !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err("a cell name starts with a letter or a digit".into());
        }
        Ok(Cell(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Redis Cluster hash tag every key of the cell carries: `{<cell>}`.
    pub fn tag(&self) -> String {
        format!("{{{}}}", self.0)
    }
}

/// Where one deployment's keys live; the one value every key name derives from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Namespace {
    /// The layout of a cell: `tartarus:{<cell>}:*` for runs, queue, nodes, schedulers, events and
    /// the cell's own settings, `themis:{<cell>}:*` for policies. One hash tag, so one slot.
    Cell(Cell),
    /// The pre-cell layout (schema 1): `tartarus:*` and `themis:*` with no hash tag. Nothing
    /// runs on it any more; `tartarus migrate` reads it to move a deployment into a cell.
    Legacy,
    /// Everything of a cell under one other prefix: `PREFIX:{<cell>}:*`, with policies at
    /// `PREFIX:{<cell>}:themis:*`. For work that must never touch a live deployment's keys
    /// (`tartarus bench`).
    Isolated { prefix: String, cell: Cell },
}

impl Namespace {
    /// The prefix of Hades, Acheron, node, scheduler, event and settings keys.
    pub fn core(&self) -> String {
        match self {
            Namespace::Cell(cell) => format!("tartarus:{}", cell.tag()),
            Namespace::Legacy => "tartarus".to_string(),
            Namespace::Isolated { prefix, cell } => format!("{prefix}:{}", cell.tag()),
        }
    }

    /// The prefix of Themis keys.
    pub fn themis(&self) -> String {
        match self {
            Namespace::Cell(cell) => format!("themis:{}", cell.tag()),
            Namespace::Legacy => "themis".to_string(),
            Namespace::Isolated { prefix, cell } => format!("{prefix}:{}:themis", cell.tag()),
        }
    }

    /// The cell, for layouts that have one.
    pub fn cell(&self) -> Option<&Cell> {
        match self {
            Namespace::Cell(cell) | Namespace::Isolated { cell, .. } => Some(cell),
            Namespace::Legacy => None,
        }
    }

    /// The queue key when `REDIS_QUEUE_KEY` is not set: `<core>:queue`.
    pub fn default_queue(&self) -> String {
        format!("{}:queue", self.core())
    }
}

/// What a key holds, by its name (migration reports count keys by kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// `run:<id>`: one run's hash.
    Run,
    /// `run:<id>:events`: one run's recent events.
    RunEvents,
    /// `runs`, `runs:<state>`: the run indexes.
    RunIndex,
    /// The queue key and its leases, pending, dead and paused keys.
    Queue,
    /// Node hashes, their placed runs, and the node set.
    Node,
    /// Scheduler announcements and their index.
    Scheduler,
    /// The event stream.
    Events,
    /// Themis: policies, version, history.
    Policies,
    /// Any other key under the prefix.
    Other,
}

impl KeyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyKind::Run => "runs",
            KeyKind::RunEvents => "run_events",
            KeyKind::RunIndex => "run_indexes",
            KeyKind::Queue => "queue",
            KeyKind::Node => "nodes",
            KeyKind::Scheduler => "schedulers",
            KeyKind::Events => "events",
            KeyKind::Policies => "policies",
            KeyKind::Other => "other",
        }
    }
}

/// Key names for one deployment. The queue key is configurable (`REDIS_QUEUE_KEY`); its
/// companions hang off it so that two queues never share leases or dead letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    namespace: Namespace,
    prefix: String,
    themis: String,
    queue: String,
}

impl Default for Keys {
    /// The `default` cell with its default queue key.
    fn default() -> Keys {
        Keys::for_cell(&Cell::default())
    }
}

impl Keys {
    /// A cell's layout with its default queue key (`tartarus:{<cell>}:queue`).
    pub fn for_cell(cell: &Cell) -> Keys {
        let namespace = Namespace::Cell(cell.clone());
        let queue = namespace.default_queue();
        Keys::with_namespace(namespace, &queue)
    }

    /// The pre-cell layout with this queue key (`tartarus:queue` unless it was configured).
    pub fn legacy(queue: &str) -> Keys {
        Keys::with_namespace(Namespace::Legacy, queue)
    }

    /// Everything of `cell` under `prefix:{<cell>}:`, the queue at `prefix:{<cell>}:queue`.
    pub fn isolated(prefix: &str, cell: &Cell) -> Keys {
        let namespace = Namespace::Isolated {
            prefix: prefix.to_string(),
            cell: cell.clone(),
        };
        let queue = namespace.default_queue();
        Keys::with_namespace(namespace, &queue)
    }

    pub fn with_namespace(namespace: Namespace, queue: &str) -> Keys {
        Keys {
            prefix: namespace.core(),
            themis: namespace.themis(),
            namespace,
            queue: queue.to_string(),
        }
    }

    pub fn namespace(&self) -> &Namespace {
        &self.namespace
    }

    /// SCAN `MATCH` patterns that together cover every key of this layout (and nothing of
    /// another cell): what the bench deletes when it is done, and what to pass to
    /// `backup create --method logical --pattern` to back up one cell. The queue key is added when
    /// it lies outside the prefix. (The legacy layout's patterns cover every cell too.)
    pub fn backup_patterns(&self) -> Vec<String> {
        let mut out = vec![format!("{}:*", glob_escape(&self.prefix))];
        if !self.themis.starts_with(&format!("{}:", self.prefix)) {
            out.push(format!("{}:*", glob_escape(&self.themis)));
        }
        if !self.queue.starts_with(&format!("{}:", self.prefix)) {
            let queue = glob_escape(&self.queue);
            out.push(queue.clone());
            out.push(format!("{queue}:*"));
        }
        out
    }

    /// The patterns of every cell (and of the pre-cell layout) at once: `tartarus:*`, `themis:*`,
    /// plus this queue key when it lies elsewhere. The default of a logical backup.
    pub fn every_cell_patterns(&self) -> Vec<String> {
        Keys::legacy(&self.queue).backup_patterns()
    }

    /// String: the version of the layout stored in this cell ([`crate::store::schema`]).
    pub fn schema(&self) -> String {
        format!("{}:schema", self.prefix)
    }
    /// String (JSON): present while `tartarus migrate` moves data into this cell.
    pub fn migration(&self) -> String {
        format!("{}:migration", self.prefix)
    }
    /// Keys whose presence shows that this (legacy) layout holds data: its indexes and Themis keys.
    pub fn layout_markers(&self) -> Vec<String> {
        vec![
            self.runs(),
            self.queue(),
            self.nodes(),
            self.schedulers(),
            self.events(),
            self.policies(),
            self.policy_version(),
            self.policy_history(),
        ]
    }

    /// The name a key of the `legacy` layout takes in this layout, with what it holds; `None` for
    /// a key that is not of that layout (a cell's key, or another prefix). The queue key and the
    /// keys hanging off it move to this layout's queue key; every other `tartarus:` and `themis:`
    /// key keeps its suffix under this layout's prefixes.
    pub fn translate(&self, legacy: &Keys, key: &str) -> Option<(String, KeyKind)> {
        if let Some(rest) = key.strip_prefix(legacy.queue.as_str()) {
            if rest.is_empty() || rest.starts_with(':') {
                return Some((format!("{}{rest}", self.queue), KeyKind::Queue));
            }
        }
        if let Some(rest) = key.strip_prefix(&format!("{}:", legacy.prefix)) {
            if rest.starts_with('{') {
                return None;
            }
            let kind = if rest.starts_with("run:") && rest.ends_with(":events") {
                KeyKind::RunEvents
            } else if rest.starts_with("run:") {
                KeyKind::Run
            } else if rest == "runs" || rest.starts_with("runs:") {
                KeyKind::RunIndex
            } else if rest == "nodes" || rest.starts_with("node:") {
                KeyKind::Node
            } else if rest == "schedulers" || rest.starts_with("scheduler:") {
                KeyKind::Scheduler
            } else if rest == "events" {
                KeyKind::Events
            } else {
                KeyKind::Other
            };
            return Some((format!("{}:{rest}", self.prefix), kind));
        }
        let rest = key.strip_prefix(&format!("{}:", legacy.themis))?;
        if rest.starts_with('{') {
            return None;
        }
        Some((format!("{}:{rest}", self.themis), KeyKind::Policies))
    }

    /// Hash: one run.
    pub fn run(&self, id: &str) -> String {
        format!("{}:run:{id}", self.prefix)
    }
    /// List: a run's recent events (JSON), capped.
    pub fn run_events(&self, id: &str) -> String {
        format!("{}:run:{id}:events", self.prefix)
    }
    /// Sorted set (all scores 0, members ULIDs, so lexical order is creation order): every run.
    pub fn runs(&self) -> String {
        format!("{}:runs", self.prefix)
    }
    /// Sorted set, same shape: the runs in one state (ZCARD is the O(1) count).
    pub fn state(&self, state: RunState) -> String {
        format!("{}:runs:{}", self.prefix, state.as_str())
    }
    /// All state index keys in `RunState::ALL` order.
    pub fn all_states(&self) -> Vec<String> {
        RunState::ALL.iter().map(|s| self.state(*s)).collect()
    }
    /// Sorted set: Acheron, score = MAX_PRIORITY - priority (lowest first), ties by id = FIFO.
    pub fn queue(&self) -> String {
        self.queue.clone()
    }
    /// Sorted set: claimed runs by lease deadline (ms).
    pub fn leases(&self) -> String {
        format!("{}:leases", self.queue)
    }
    /// Sorted set: runs waiting for a feasible node, by time parked (ms).
    pub fn pending(&self) -> String {
        format!("{}:pending", self.queue)
    }
    /// Sorted set: dead letters by time (ms), capped.
    pub fn dead(&self) -> String {
        format!("{}:dead", self.queue)
    }
    /// String: present while the queue is paused.
    pub fn paused(&self) -> String {
        format!("{}:paused", self.queue)
    }
    /// Hash with TTL: one node (labels, capacity, usage, heartbeat).
    pub fn node(&self, name: &str) -> String {
        format!("{}:node:{name}", self.prefix)
    }
    /// Set: the runs placed on a node.
    pub fn node_runs(&self, name: &str) -> String {
        format!("{}:node:{name}:runs", self.prefix)
    }
    /// Pub/sub channel: a message wakes the node's agent (work was placed on it). Not a key.
    pub fn node_wake_channel(&self, name: &str) -> String {
        format!("{}:node:{name}:wake", self.prefix)
    }
    /// Pub/sub channel: a message wakes the cell's schedulers (runs were submitted). Not a key.
    pub fn queue_wake_channel(&self) -> String {
        format!("{}:queue:wake", self.prefix)
    }
    /// Set: every known node name.
    pub fn nodes(&self) -> String {
        format!("{}:nodes", self.prefix)
    }
    /// Hash with TTL: one live scheduler (host, pid, version, started_at, last_beat, ttl_ms).
    pub fn scheduler(&self, id: &str) -> String {
        format!("{}:scheduler:{id}", self.prefix)
    }
    /// Sorted set: scheduler ids by the deadline of their last announcement (ms); an index only,
    /// the hash's TTL decides who is alive.
    pub fn schedulers(&self) -> String {
        format!("{}:schedulers", self.prefix)
    }
    /// String with TTL: an idempotency key of `sandbox submit` → `<content sha256> <run id>`; it
    /// holds for `StoreSettings::idempotency_ttl` (24 h) or until its run is deleted (the run's
    /// `idempotency_key` field names it).
    pub fn idempotency(&self, key: &str) -> String {
        format!("{}:idem:{key}", self.prefix)
    }
    /// Stream: run and policy events, capped by count and trimmed by age (the retention window).
    pub fn events(&self) -> String {
        format!("{}:events", self.prefix)
    }
    /// String (JSON): the verdict of the last `verify persistence` (persisted or not, when, how),
    /// read by `tartarus metrics --textfile`.
    pub fn persistence_verdict(&self) -> String {
        format!("{}:health:persistence", self.prefix)
    }
    /// List, newest first, capped: `<unix ms> <used_memory> <used_memory_dataset>` samples that
    /// `redis health` and `metrics --textfile` append, for the memory forecast.
    pub fn memory_samples(&self) -> String {
        format!("{}:health:memory", self.prefix)
    }
    /// Hash: the cell's settings that every scheduler and agent must agree on
    /// (`retain_finished_ms`).
    pub fn settings(&self) -> String {
        format!("{}:settings", self.prefix)
    }
    /// Sorted set: finished runs kept for the cell's retention window, by finish time (ms).
    pub fn finished(&self) -> String {
        format!("{}:finished", self.prefix)
    }
    /// Sorted set: finished runs with their own `ttlAfterFinished`, by the time they expire (ms).
    pub fn finished_ttl(&self) -> String {
        format!("{}:finished:ttl", self.prefix)
    }
    /// Hash: Themis policy name → JSON document.
    pub fn policies(&self) -> String {
        format!("{}:policies", self.themis)
    }
    /// String counter: Themis version.
    pub fn policy_version(&self) -> String {
        format!("{}:policies:version", self.themis)
    }
    /// List: Themis history (newest first), capped.
    pub fn policy_history(&self) -> String {
        format!("{}:policies:history", self.themis)
    }
    /// List: the size in bytes of each history entry, in the same order (trimming by size reads
    /// no entry).
    pub fn policy_history_sizes(&self) -> String {
        format!("{}:policies:history:sizes", self.themis)
    }
    /// Pub/sub channel: new Themis versions.
    pub fn policy_channel(&self) -> String {
        format!("{}:policies:changed", self.themis)
    }
}

/// Escapes the glob characters of a literal key for a SCAN `MATCH` pattern.
fn glob_escape(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The part of a key Redis Cluster hashes: the text between the first `{` and the first `}`
/// after it when that is not empty, else `None` (the whole key is hashed).
pub fn hash_tag(key: &str) -> Option<&str> {
    let open = key.find('{')?;
    let rest = &key[open + 1..];
    let close = rest.find('}')?;
    (close > 0).then(|| &rest[..close])
}

/// The Redis Cluster slot of a key (CRC16-XMODEM of its hash tag, or of the whole key, mod 16384),
/// as `CLUSTER KEYSLOT` computes it.
/// Keys are bytes here (keys read back from an RDB need not be UTF-8).
pub fn key_slot(key: impl AsRef<[u8]>) -> u16 {
    const CRC16: crc::Crc<u16> = crc::Crc::<u16>::new(&crc::CRC_16_XMODEM);
    let key = key.as_ref();
    let hashed = key
        .iter()
        .position(|b| *b == b'{')
        .and_then(|open| {
            let rest = &key[open + 1..];
            let close = rest.iter().position(|b| *b == b'}')?;
            (close > 0).then(|| &rest[..close])
        })
        .unwrap_or(key);
    CRC16.checksum(hashed) % 16384
}

/// Checks a configured queue key (`REDIS_QUEUE_KEY`) against its cell. A key carrying a hash tag
/// must carry the cell's; a key without one is accepted on a single server (where it works as
/// before cells) but not in Redis Cluster, where the cell's scripts could not reach it.
pub fn check_queue_key(queue: &str, cell: &Cell, cluster: bool) -> Result<(), String> {
    let suggestion = format!("tartarus:{}:queue", cell.tag());
    match hash_tag(queue) {
        Some(tag) if tag != cell.as_str() => Err(format!(
            "its hash tag {{{tag}}} is not the cell's {}: every key of a cell shares the cell's \
             hash tag (use e.g. {suggestion}, or leave it unset)",
            cell.tag()
        )),
        Some(_) => Ok(()),
        None if cluster => Err(format!(
            "in Redis Cluster the queue key must carry the cell's hash tag {} so it lives in the \
             cell's slot (use e.g. {suggestion}, or leave it unset)",
            cell.tag()
        )),
        None => Ok(()),
    }
}

/// Queue score for a priority: higher priority → lower score → claimed first.
pub fn queue_score(priority: u32) -> f64 {
    f64::from(MAX_PRIORITY.saturating_sub(priority.min(MAX_PRIORITY)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_key(k: &Keys) -> Vec<String> {
        vec![
            k.run("R"),
            k.run_events("R"),
            k.runs(),
            k.state(RunState::TimedOut),
            k.queue(),
            k.leases(),
            k.pending(),
            k.dead(),
            k.paused(),
            k.node("n"),
            k.node_runs("n"),
            k.nodes(),
            k.scheduler("s"),
            k.schedulers(),
            k.idempotency("batch-7"),
            k.events(),
            k.persistence_verdict(),
            k.memory_samples(),
            k.schema(),
            k.migration(),
            k.settings(),
            k.finished(),
            k.finished_ttl(),
            k.policies(),
            k.policy_version(),
            k.policy_history(),
            k.policy_history_sizes(),
        ]
    }

    /// The legacy layout is byte-identical to the one every deployment had before cells: what
    /// `tartarus migrate` reads.
    #[test]
    fn legacy_layout_is_the_pre_cell_one() {
        let k = Keys::legacy(LEGACY_QUEUE_KEY);
        assert_eq!(
            [
                k.run("R"),
                k.run_events("R"),
                k.runs(),
                k.state(RunState::TimedOut),
                k.queue(),
                k.leases(),
                k.pending(),
                k.dead(),
                k.paused(),
                k.node("n"),
                k.node_runs("n"),
                k.nodes(),
                k.scheduler("s"),
                k.schedulers(),
                k.events(),
                k.policies(),
                k.policy_version(),
                k.policy_history(),
                k.policy_channel(),
            ],
            [
                "tartarus:run:R",
                "tartarus:run:R:events",
                "tartarus:runs",
                "tartarus:runs:timed_out",
                "tartarus:queue",
                "tartarus:queue:leases",
                "tartarus:queue:pending",
                "tartarus:queue:dead",
                "tartarus:queue:paused",
                "tartarus:node:n",
                "tartarus:node:n:runs",
                "tartarus:nodes",
                "tartarus:scheduler:s",
                "tartarus:schedulers",
                "tartarus:events",
                "themis:policies",
                "themis:policies:version",
                "themis:policies:history",
                "themis:policies:changed",
            ]
        );
        assert_eq!(k.backup_patterns(), ["tartarus:*", "themis:*"]);
    }

    /// Every key of a cell carries the cell's hash tag, so every script's keys share one slot.
    #[test]
    fn a_cell_keeps_every_key_in_one_slot() {
        let cell = Cell::new("eu-1").unwrap();
        let k = Keys::for_cell(&cell);
        let all = every_key(&k);
        let slot = key_slot(k.runs());
        for key in &all {
            assert_eq!(hash_tag(key), Some("eu-1"), "{key}");
            assert_eq!(key_slot(key), slot, "{key}");
            assert!(
                key.starts_with("tartarus:{eu-1}:") || key.starts_with("themis:{eu-1}:"),
                "{key}"
            );
        }
        assert_eq!(k.run("R"), "tartarus:{eu-1}:run:R");
        assert_eq!(k.queue(), "tartarus:{eu-1}:queue");
        assert_eq!(k.policies(), "themis:{eu-1}:policies");
        assert_eq!(k.policy_channel(), "themis:{eu-1}:policies:changed");
        assert_eq!(k.node_wake_channel("n1"), "tartarus:{eu-1}:node:n1:wake");
        assert_eq!(k.queue_wake_channel(), "tartarus:{eu-1}:queue:wake");
        assert_eq!(
            k.backup_patterns(),
            ["tartarus:{eu-1}:*", "themis:{eu-1}:*"]
        );
        assert_eq!(k.every_cell_patterns(), ["tartarus:*", "themis:*"]);
        assert_eq!(Keys::default().queue(), "tartarus:{default}:queue");
    }

    /// One value moves every key: an isolated layout has nothing outside its prefix and cell.
    #[test]
    fn isolated_layout_keeps_every_key_under_its_prefix() {
        let k = Keys::isolated("tartarus-bench", &Cell::default());
        for key in every_key(&k) {
            assert!(key.starts_with("tartarus-bench:{default}:"), "{key}");
            assert_eq!(hash_tag(&key), Some("default"));
        }
        assert!(k
            .policy_channel()
            .starts_with("tartarus-bench:{default}:themis:"));
        assert_eq!(k.policies(), "tartarus-bench:{default}:themis:policies");
        assert_eq!(k.backup_patterns(), ["tartarus-bench:{default}:*"]);
    }

    #[test]
    fn a_queue_key_outside_the_prefix_is_covered_escaped() {
        let k = Keys::with_namespace(Namespace::Cell(Cell::default()), "jobs[1]");
        assert_eq!(
            k.backup_patterns(),
            [
                "tartarus:{default}:*",
                "themis:{default}:*",
                "jobs\\[1\\]",
                "jobs\\[1\\]:*"
            ]
        );
        assert_eq!(
            k.every_cell_patterns(),
            ["tartarus:*", "themis:*", "jobs\\[1\\]", "jobs\\[1\\]:*"]
        );
    }

    #[test]
    fn cell_names_are_checked() {
        for good in ["default", "eu-1", "tenant_42", "a", "pool.gpu", "9"] {
            assert_eq!(Cell::new(good).unwrap().as_str(), good);
        }
        let long = "x".repeat(MAX_CELL_LEN + 1);
        for bad in [
            "",
            "a{b",
            "a}b",
            "a:b",
            "a b",
            "a*",
            "-x",
            ".x",
            "é",
            long.as_str(),
        ] {
            assert!(Cell::new(bad).is_err(), "{bad:?} accepted");
        }
        assert!(Cell::new("a{b").unwrap_err().contains('{'));
    }

    /// Values from `redis-cli CLUSTER KEYSLOT` on Redis 7.0.
    #[test]
    fn slots_match_redis() {
        assert_eq!(key_slot("foo"), 12182);
        assert_eq!(key_slot("{user1000}.following"), key_slot("user1000"));
        assert_eq!(key_slot("foo{}{bar}"), key_slot("foo{}{bar}"));
        // CRC16-XMODEM mod 16384, as `CLUSTER KEYSLOT` computes it: an empty tag hashes the
        // whole key, only the first tag counts, and a key need not be UTF-8.
        assert_eq!(key_slot("a{}b"), 13694);
        assert_eq!(key_slot("{x}{y}"), key_slot("x"));
        assert_eq!(key_slot("x{y"), 2740);
        assert_eq!(key_slot(b"\xff{\xfe}"), key_slot(b"\xfe"));
        assert_eq!(hash_tag("foo{}{bar}"), None);
        assert_eq!(hash_tag("foo{{bar}}zap"), Some("{bar"));
        assert_eq!(hash_tag("foo{bar}{zap}"), Some("bar"));
    }

    #[test]
    fn queue_keys_must_share_the_cell_tag() {
        let cell = Cell::new("blue").unwrap();
        assert!(check_queue_key("tartarus:{blue}:jobs", &cell, true).is_ok());
        assert!(check_queue_key("jobs:{blue}", &cell, true).is_ok());
        // Without a tag: fine on one server, an error in Cluster.
        assert!(check_queue_key("jobs", &cell, false).is_ok());
        let err = check_queue_key("jobs", &cell, true).unwrap_err();
        assert!(err.contains("tartarus:{blue}:queue"), "{err}");
        // Another cell's tag: an error everywhere.
        let err = check_queue_key("tartarus:{red}:queue", &cell, false).unwrap_err();
        assert!(err.contains("{red}") && err.contains("{blue}"), "{err}");
    }

    #[test]
    fn legacy_keys_translate_into_a_cell() {
        let legacy = Keys::legacy(LEGACY_QUEUE_KEY);
        let cell = Keys::for_cell(&Cell::new("c1").unwrap());
        let t = |k: &str| cell.translate(&legacy, k);
        assert_eq!(
            t("tartarus:run:01H"),
            Some(("tartarus:{c1}:run:01H".into(), KeyKind::Run))
        );
        assert_eq!(
            t("tartarus:run:01H:events").map(|x| x.1),
            Some(KeyKind::RunEvents)
        );
        assert_eq!(
            t("tartarus:runs:dead"),
            Some(("tartarus:{c1}:runs:dead".into(), KeyKind::RunIndex))
        );
        assert_eq!(
            t("tartarus:queue:leases"),
            Some(("tartarus:{c1}:queue:leases".into(), KeyKind::Queue))
        );
        assert_eq!(t("tartarus:queued").map(|x| x.1), Some(KeyKind::Other));
        assert_eq!(
            t("themis:policies:history"),
            Some(("themis:{c1}:policies:history".into(), KeyKind::Policies))
        );
        assert_eq!(t("tartarus:node:n1:runs").map(|x| x.1), Some(KeyKind::Node));
        assert_eq!(t("tartarus:{c1}:runs"), None);
        assert_eq!(t("themis:{other}:policies"), None);
        assert_eq!(t("tartarus-bench:{default}:runs"), None);
        // Every key of the legacy layout lands on its name in the cell.
        for (old, new) in every_key(&legacy).iter().zip(every_key(&cell)) {
            if old.ends_with(":schema") || old.ends_with(":migration") {
                continue;
            }
            assert_eq!(t(old).map(|x| x.0), Some(new), "{old}");
        }
        // A custom queue key elsewhere moves to the cell's queue key.
        let legacy = Keys::legacy("jobs");
        assert_eq!(
            cell.translate(&legacy, "jobs:dead"),
            Some(("tartarus:{c1}:queue:dead".into(), KeyKind::Queue))
        );
        assert_eq!(cell.translate(&legacy, "jobsx"), None);
    }
}
