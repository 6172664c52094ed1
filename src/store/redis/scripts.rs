//! Lua scripts: each performs one whole step atomically in one round trip, and declares every key it touches in KEYS (one exception: the claim that returns its runs' data builds their keys from the cell's prefix, in the cell's slot; see `batch_scripts`).
//!
//! Scripts that work on runs share a fixed key prefix ([`base_keys`], `BASE_KEYS` long): the
//! run index, the four Acheron sets, the event stream, the two retention indexes of finished
//! runs and one index per run state. Per-run keys
//! follow, addressed as `KEYS[B + n]`. The first three ARGV of those scripts are: events cap,
//! per-run events cap, now (ms).
//!
//! The prelude's state tables (`SIDX`: each state's index key, `TERMINAL`) and `B` are generated
//! from [`RunState::ALL`] and [`RunState::is_terminal`] when the scripts are built, so adding a
//! state cannot leave the Lua side behind.

use std::fmt::Write as _;

pub(super) use super::batch_scripts::*;
use crate::model::run::RunState;
use crate::store::keys::Keys;

/// The shared keys in front of the per-state indexes, in KEYS order; the prelude names them.
const SHARED: [&str; 8] = [
    "K_RUNS",
    "K_QUEUE",
    "K_LEASES",
    "K_PENDING",
    "K_DEAD",
    "K_EVENTS",
    "K_FINISHED",
    "K_FINISHED_TTL",
];

/// Number of shared keys in front of every run script's KEYS.
pub const BASE_KEYS: usize = SHARED.len() + RunState::ALL.len();

/// The shared KEYS of every run script, in the order the prelude expects (see [`SHARED`]).
pub fn base_keys(k: &Keys) -> Vec<String> {
    let mut v = vec![
        k.runs(),
        k.queue(),
        k.leases(),
        k.pending(),
        k.dead(),
        k.events(),
        k.finished(),
        k.finished_ttl(),
    ];
    v.extend(k.all_states());
    v
}

/// The generated head of the prelude: key names, `B`, `SIDX`, `TERMINAL` and the common ARGV.
fn prelude_tables() -> String {
    let mut out = String::new();
    let names = SHARED.join(", ");
    let slots: Vec<String> = (1..=SHARED.len()).map(|i| format!("KEYS[{i}]")).collect();
    let _ = writeln!(out, "local {names} = {}", slots.join(", "));
    let _ = writeln!(
        out,
        "-- Per-run keys start after the shared ones: KEYS[B + 1], ..."
    );
    let _ = writeln!(out, "local B = {BASE_KEYS}");
    let _ = writeln!(
        out,
        "-- KEYS index of each state's index set (RunState::ALL order, after the shared keys)."
    );
    let sidx: Vec<String> = RunState::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} = {}", s.as_str(), SHARED.len() + i + 1))
        .collect();
    let _ = writeln!(out, "local SIDX = {{{}}}", sidx.join(", "));
    let terminal: Vec<String> = RunState::ALL
        .iter()
        .filter(|s| s.is_terminal())
        .map(|s| format!("{} = true", s.as_str()))
        .collect();
    let _ = writeln!(out, "local TERMINAL = {{{}}}", terminal.join(", "));
    out
}

const PRELUDE: &str = r#"
-- Numbers that only go back to Redis stay the strings they came as (formatting a Lua number
-- costs a printf per use); NOWN is the number, for arithmetic and comparisons.
local EVCAP = ARGV[1]
local RUNEVCAP = tonumber(ARGV[2])
local NOW = ARGV[3]
local NOWN = tonumber(ARGV[3])

-- One entry of a run's own history, as JSON. It leaves out what its key says (the run) and the
-- kind of a transition. Built by concatenation (no table, no cjson for the parts that are
-- known to be plain: stream ids, times, state names); free text is encoded by cjson.
-- A script names few nodes (often one): each is encoded once.
local node_json = {}
local function hist_tail(kind, from, to, node, msg)
  local s = ',"at":' .. NOW
  if kind then s = s .. ',"kind":' .. cjson.encode(kind) end
  if from then s = s .. ',"from":"' .. from .. '"' end
  if to then s = s .. ',"to":"' .. to .. '"' end
  if node and node ~= '' then
    local j = node_json[node]
    if not j then j = cjson.encode(node); node_json[node] = j end
    s = s .. ',"node":' .. j
  end
  if msg and msg ~= '' then s = s .. ',"message":' .. cjson.encode(msg) end
  return s .. '}'
end
local function hist(sid, kind, from, to, node, msg)
  return '{"id":"' .. sid .. '"' .. hist_tail(kind, from, to, node, msg)
end

-- A run's history lives in its own hash: field `@<n>` is its n-th event (an entry of `hist`),
-- `evn` how many it has had; only the newest RUNEVCAP are kept. Steps that write the run's hash
-- anyway put the entry into that same write (see the batch helpers); the rest append it here.
local function hist_trim(runkey, before, after)
  if after <= RUNEVCAP then return end
  local gone = {}
  for k = math.max(1, before - RUNEVCAP + 1), after - RUNEVCAP do gone[#gone + 1] = '@' .. k end
  if #gone > 0 then redis.call('HDEL', runkey, unpack(gone)) end
end
local function push_hist(runkey, entry)
  local n = redis.call('HINCRBY', runkey, 'evn', 1)
  redis.call('HSET', runkey, '@' .. n, entry)
  hist_trim(runkey, n - 1, n)
end

-- A run's transition: one stream entry, and an entry in the run's history unless runkey is nil.
local function event(runkey, id, from, to, node, msg)
  local f = {'kind', 'run', 'run', id, 'to', to, 'at', NOW}
  if from then f[#f+1] = 'from'; f[#f+1] = from end
  if node and node ~= '' then f[#f+1] = 'node'; f[#f+1] = node end
  if msg and msg ~= '' then f[#f+1] = 'message'; f[#f+1] = msg end
  local sid = redis.call('XADD', K_EVENTS, 'MAXLEN', '~', EVCAP, '*', unpack(f))
  if runkey then push_hist(runkey, hist(sid, nil, from, to, node, msg)) end
end

-- A run that just finished joins a retention index: by finish time under the cell's window, or
-- by expiry time when it has its own ttlAfterFinished. One that leaves a terminal state (a retried
-- dead letter) leaves both.
local function mark_finished(runkey, id)
  local ttl = redis.call('HGET', runkey, 'ttl_ms')
  if ttl then
    redis.call('ZADD', K_FINISHED_TTL, NOWN + (tonumber(ttl) or 0), id)
  else
    redis.call('ZADD', K_FINISHED, NOW, id)
  end
end
local function unmark_finished(id)
  redis.call('ZREM', K_FINISHED, id)
  redis.call('ZREM', K_FINISHED_TTL, id)
end

-- An event about a run that is not a transition (e.g. a stale outcome): kept in the run's
-- history and the stream, the run itself is not touched.
local function note(runkey, id, kind, node, msg)
  local f = {'kind', kind, 'run', id, 'at', NOW, 'message', msg}
  if node and node ~= '' then f[#f+1] = 'node'; f[#f+1] = node end
  local sid = redis.call('XADD', K_EVENTS, 'MAXLEN', '~', EVCAP, '*', unpack(f))
  push_hist(runkey, hist(sid, kind, nil, nil, node, msg))
end

-- Moves a run between state indexes, sets its state and message, and records the event.
local function set_state(runkey, id, from, to, msg)
  if TERMINAL[to] and not TERMINAL[from] then mark_finished(runkey, id) end
  if TERMINAL[from] and not TERMINAL[to] then unmark_finished(id) end
  redis.call('ZREM', KEYS[SIDX[from]], id)
  redis.call('ZADD', KEYS[SIDX[to]], 0, id)
  redis.call('HSET', runkey, 'state', to, 'updated_at', NOW)
  if msg and msg ~= '' then
    redis.call('HSET', runkey, 'message', msg)
  else
    redis.call('HDEL', runkey, 'message')
  end
  local node = redis.call('HGET', runkey, 'node')
  event(runkey, id, from, to, node, msg)
end

local function qscore(runkey)
  local p = tonumber(redis.call('HGET', runkey, 'priority') or '0') or 0
  if p > 1000 then p = 1000 end
  if p < 0 then p = 0 end
  return 1000 - p
end

-- Deletes an idempotency key if it still names this run.
local function forget_key(ik, id)
  local cur = redis.call('GET', ik)
  if cur and string.match(cur, ' (.+)$') == id then redis.call('DEL', ik) end
end

-- Frees what a run reserved on its node.
local function release(nodekey, noderuns, id)
  local r = redis.call('HGET', noderuns, id)
  if not r then return end
  redis.call('HDEL', noderuns, id)
  local c, m, g, s = string.match(r, '^(%d+),(%d+),(%d+),(%d+)$')
  -- An expired node hash has no usage to give back (it is recomputed when the node returns).
  local u = redis.call('HMGET', nodekey, 'used_cpu', 'used_mem', 'used_gpu', 'used_slots', 'releases')
  if c and u[4] then
    local function left(used, freed) return math.max(0, (tonumber(used) or 0) - tonumber(freed)) end
    redis.call('HSET', nodekey, 'used_cpu', left(u[1], c), 'used_mem', left(u[2], m), 'used_gpu', left(u[3], g),
      'used_slots', left(u[4], s), 'releases', (tonumber(u[5]) or 0) + 1)
  end
end
"#;

/// Full source of a run script: the generated tables, the shared prelude, then the body.
pub fn with_prelude(body: &str) -> String {
    format!("{}{PRELUDE}\n{body}", prelude_tables())
}

/// Full source of a batch script: the prelude, the batch helpers, then the body, run as a
/// function so that the batch's run events are always written (`flush_events`) after it, whatever
/// path it returns by.
pub fn with_batch_prelude(body: &str) -> String {
    let helpers = BATCH_HELPERS
        .replace("__EV_ENTRY_EVENTS__", &EVENTS_PER_ENTRY.to_string())
        .replace("__EV_ENTRY_BYTES__", &EVENT_ENTRY_BYTES.to_string());
    with_prelude(&format!(
        "{helpers}\nlocal batch_answer = (function()\n{body}\nend)()\nflush_events()\nreturn batch_answer"
    ))
}

/// KEYS: base + one run key per run, then the idempotency keys. ARGV: common(3), count, idem ttl
/// ms, queue wake channel (published on when a run was queued: idle schedulers wake), then per
/// run: id, score, idem key index (0 = none, else KEYS[B + count + index]), content
/// hash, nfields, fields…
///
/// Returns one entry per run: 'new', 'existing:<id>' (an id already stored, or a key already
/// used for the same content: that run is returned instead) or 'conflict:<id>' (the key was used
/// for other content by run <id>; nothing written for this run). Keys are checked against the
/// runs as they stand when the script runs, including those written earlier in it.
pub const SUBMIT: &str = r#"
local n = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local out = {}
-- Which ids are stored already: one ZMSCORE for the call, then the runs written by it.
local offsets, ids = {}, {}
local a = 7
for i = 1, n do
  offsets[i] = a
  ids[i] = ARGV[a]
  a = a + 5 + tonumber(ARGV[a + 4])
end
local known = {}
for i = 1, n, 4000 do
  local last = math.min(i + 3999, n)
  local scores = redis.call('ZMSCORE', K_RUNS, unpack(ids, i, last))
  for j = i, last do
    if scores[j - i + 1] then known[ids[j]] = true end
  end
end
local function stored(id)
  return known[id] or redis.call('ZSCORE', K_RUNS, id)
end
-- The index entries of new runs are written once for the call, at the end.
local members, queued = {}, {}
for i = 1, n do
  a = offsets[i]
  local id, score, ik, hash, nf = ARGV[a], ARGV[a+1], tonumber(ARGV[a+2]), ARGV[a+3], tonumber(ARGV[a+4])
  local runkey = KEYS[B + i]
  local verdict = 'new'
  if known[id] then
    verdict = 'existing:' .. id
  elseif ik > 0 then
    local cur = redis.call('GET', KEYS[B + n + ik])
    if cur then
      local h, rid = string.match(cur, '^(%x+) (.+)$')
      -- A key whose run was deleted no longer holds.
      if rid and stored(rid) then
        if h == hash then verdict = 'existing:' .. rid else verdict = 'conflict:' .. rid end
      end
    end
  end
  if verdict == 'new' then
    redis.call('HSET', runkey, unpack(ARGV, a + 5, a + 4 + nf))
    known[id] = true
    members[#members + 1] = '0'
    members[#members + 1] = id
    queued[#queued + 1] = score
    queued[#queued + 1] = id
    if ik > 0 then
      redis.call('SET', KEYS[B + n + ik], hash .. ' ' .. id, 'PX', ttl)
    end
    event(nil, id, nil, 'queued', nil, nil)
  end
  out[i] = verdict
end
chunked('ZADD', K_RUNS, members)
chunked('ZADD', KEYS[SIDX['queued']], members)
chunked('ZADD', K_QUEUE, queued)
-- Best effort (a user without channel rights still submits): schedulers also poll.
if #queued > 0 then redis.pcall('PUBLISH', ARGV[6], '1') end
return out
"#;

/// KEYS: base + paused flag. ARGV: common(3), max, lease deadline. Returns claimed ids.
pub const CLAIM: &str = r#"
if redis.call('EXISTS', KEYS[B + 1]) == 1 then return {} end
local popped = redis.call('ZPOPMIN', K_QUEUE, tonumber(ARGV[4]))
local ids, lease = {}, {}
for i = 1, #popped, 2 do
  ids[#ids+1] = popped[i]
  lease[#lease+1] = ARGV[5]
  lease[#lease+1] = popped[i]
end
-- One ZADD per few thousand ids (unpack has a stack limit).
for i = 1, #lease, 4000 do
  redis.call('ZADD', K_LEASES, unpack(lease, i, math.min(i + 3999, #lease)))
end
return ids
"#;

/// Moves runs from the leases or pending set back to the queue when their score is at most
/// ARGV[5]. KEYS: base + one run key per id. ARGV: common(3), source ('leases'|'pending'), max score, ids…
pub const MOVE_TO_QUEUE: &str = r#"
local source = K_LEASES
if ARGV[4] == 'pending' then source = K_PENDING end
local max = tonumber(ARGV[5])
local moved = {}
for i = 6, #ARGV do
  local id = ARGV[i]
  local runkey = KEYS[B + i - 5]
  local s = redis.call('ZSCORE', source, id)
  if s and tonumber(s) <= max then
    redis.call('ZREM', source, id)
    if redis.call('EXISTS', runkey) == 1 then
      redis.call('ZADD', K_QUEUE, qscore(runkey), id)
      moved[#moved+1] = id
    end
  end
end
return moved
"#;

/// Cancel from any non-terminal state. KEYS: base + run, run events (unused since schema 4: the
/// history is in the run's hash), node, node runs.
/// ARGV: common(3), id, expected node ('' for none), message. Returns 'cancelled',
/// 'notfound', 'conflict:<state>' or 'retry:<node>' (the run moved; call again with that node).
pub const CANCEL: &str = r#"
local runkey, nodekey, noderuns = KEYS[B + 1], KEYS[B + 3], KEYS[B + 4]
local id = ARGV[4]
local state = redis.call('HGET', runkey, 'state')
if not state then return 'notfound' end
if TERMINAL[state] then return 'conflict:' .. state end
local node = redis.call('HGET', runkey, 'node') or ''
if node ~= ARGV[5] then return 'retry:' .. node end
redis.call('ZREM', K_QUEUE, id)
redis.call('ZREM', K_LEASES, id)
redis.call('ZREM', K_PENDING, id)
if node ~= '' then release(nodekey, noderuns, id) end
set_state(runkey, id, state, 'cancelled', ARGV[6])
redis.call('HSET', runkey, 'finished_at', NOW)
return 'cancelled'
"#;

/// A run whose node is gone (lease lapsed, removed, handed back): `lost`, then requeued
/// or dead-lettered. KEYS: base + run, run events (unused), node, node runs.
/// ARGV: common(3), id, node, reason, max attempts, expected heartbeat counter ('' = do not
/// check; 'none' = the node has no hash), expected attempt ('' = any).
/// Returns {outcome, attempts}: 'requeued', 'dead', 'skip' (not placed there any more), 'alive'
/// (the node heartbeated since the caller looked: nothing done) or 'stale' (the caller's attempt
/// is not the run's current one: only an event is recorded).
pub const RECOVER: &str = r#"
local runkey, nodekey, noderuns = KEYS[B + 1], KEYS[B + 3], KEYS[B + 4]
local id, node, reason, max = ARGV[4], ARGV[5], ARGV[6], tonumber(ARGV[7])
if ARGV[8] ~= '' and (redis.call('HGET', nodekey, 'beats') or 'none') ~= ARGV[8] then
  return {'alive', 0}
end
local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'attempts_base')
local state, owner, attempts = cur[1], cur[2] or '', tonumber(cur[3] or '0') or 0
if ARGV[9] ~= '' and state and (owner ~= node or attempts ~= tonumber(ARGV[9])) then
  note(runkey, id, 'stale', node, 'stale outcome from attempt ' .. ARGV[9] .. ' on node ' .. node .. ': handed back (' .. reason .. '); the run is ' .. state .. ' at attempt ' .. attempts)
  return {'stale', attempts}
end
if (state ~= 'scheduled' and state ~= 'running') or owner ~= node then
  redis.call('HDEL', noderuns, id)
  return {'skip', 0}
end
release(nodekey, noderuns, id)
set_state(runkey, id, state, 'lost', reason)
redis.call('HDEL', runkey, 'node')
if attempts - (tonumber(cur[4] or '0') or 0) >= max then
  set_state(runkey, id, 'lost', 'dead', 'dead-lettered after ' .. attempts .. ' attempts: ' .. reason)
  redis.call('ZADD', K_DEAD, NOW, id)
  redis.call('HSET', runkey, 'finished_at', NOW)
  return {'dead', attempts}
end
set_state(runkey, id, 'lost', 'queued', 'requeued: ' .. reason)
redis.call('ZADD', K_QUEUE, qscore(runkey), id)
return {'requeued', attempts}
"#;

/// Dead letters back to the queue, attempts reset. KEYS: base + (run, run events (unused)) per
/// id. ARGV: common(3), ids…
pub const RETRY_DEAD: &str = r#"
local n = 0
for i = 4, #ARGV do
  local id = ARGV[i]
  local runkey = KEYS[B + 1 + (i - 4) * 2]
  if redis.call('ZREM', K_DEAD, id) == 1 and redis.call('HGET', runkey, 'state') == 'dead' then
    -- Attempt numbers never repeat (they fence placements); the retry budget starts again.
    redis.call('HSET', runkey, 'attempts_base', redis.call('HGET', runkey, 'attempts') or '0')
    redis.call('HDEL', runkey, 'node', 'finished_at')
    set_state(runkey, id, 'dead', 'queued', 'retried from dead letters')
    redis.call('ZADD', K_QUEUE, qscore(runkey), id)
    n = n + 1
  end
end
return n
"#;

/// Deletes dead letters with all their data. KEYS: base + (run, run events, idempotency key)
/// per id (the last one a placeholder when the run has none). ARGV: common(3), ids…
pub const DELETE_DEAD: &str = r#"
local n = 0
for i = 4, #ARGV do
  local id = ARGV[i]
  local runkey, ik = KEYS[B + 1 + (i - 4) * 3], KEYS[B + 3 + (i - 4) * 3]
  if redis.call('ZREM', K_DEAD, id) == 1 then
    forget_key(ik, id)
    redis.call('DEL', runkey, KEYS[B + 2 + (i - 4) * 3])
    redis.call('ZREM', K_RUNS, id)
    redis.call('ZREM', KEYS[SIDX['dead']], id)
    unmark_finished(id)
    n = n + 1
  end
end
return n
"#;

/// A node heartbeat. KEYS: node, node runs, nodes. ARGV: name, labels json, cpu, mem, gpu, slots,
/// version, now, ttl ms, key lifetime ms.
///
/// Every heartbeat bumps the node's `beats` counter: schedulers judge the lease by watching it
/// change on their own clocks, not by this key expiring (it lives much longer than the lease, for
/// `node list` and garbage collection). A node whose last heartbeat is older than its TTL starts a
/// new incarnation: labels are set to the declared ones (`node label` edits are forgotten) and
/// usage recomputed from its runs.
///
/// A live node whose heartbeat declares other labels than the last one (an agent restarted within
/// the TTL with new `--labels`, or `node register` again) takes them at once, with the `node
/// label` edits made since on top (`label_edits`: key → value, or false for a removed key). A node
/// written before `declared` existed keeps its labels and only records the declaration.
pub const HEARTBEAT: &str = r#"
local nodekey, noderuns, nodes = KEYS[1], KEYS[2], KEYS[3]
local now = tonumber(ARGV[8])
local prev = redis.call('HMGET', nodekey, 'last_heartbeat', 'ttl_ms', 'declared')
local fresh = not prev[1] or (tonumber(prev[1]) or 0) + (tonumber(prev[2]) or 0) < now
redis.call('HSET', nodekey, 'name', ARGV[1], 'cap_cpu', ARGV[3], 'cap_mem', ARGV[4], 'cap_gpu', ARGV[5], 'cap_slots', ARGV[6], 'version', ARGV[7], 'last_heartbeat', ARGV[8], 'ttl_ms', ARGV[9], 'declared', ARGV[2])
redis.call('HINCRBY', nodekey, 'beats', 1)
if fresh then
  local c, m, g, s = 0, 0, 0, 0
  for _, r in ipairs(redis.call('HVALS', noderuns)) do
    local a, b, d, e = string.match(r, '^(%d+),(%d+),(%d+),(%d+)$')
    if a then c = c + tonumber(a); m = m + tonumber(b); g = g + tonumber(d); s = s + tonumber(e) end
  end
  redis.call('HSET', nodekey, 'labels', ARGV[2], 'draining', '0', 'used_cpu', c, 'used_mem', m, 'used_gpu', g, 'used_slots', s)
  redis.call('HDEL', nodekey, 'label_edits')
elseif prev[3] and prev[3] ~= ARGV[2] then
  local labels = cjson.decode(ARGV[2])
  for k, v in pairs(cjson.decode(redis.call('HGET', nodekey, 'label_edits') or '{}')) do
    if v == false then labels[k] = nil else labels[k] = v end
  end
  local out = cjson.encode(labels)
  if next(labels) == nil then out = '{}' end
  redis.call('HSET', nodekey, 'labels', out)
end
redis.call('PEXPIRE', nodekey, ARGV[10])
redis.call('SADD', nodes, ARGV[1])
return fresh and 1 or 0
"#;

/// Edits a live node. KEYS: node. ARGV: now, then 'label', set json, remove json | 'drain', '0'|'1'.
pub const NODE_EDIT: &str = r#"
local hb = redis.call('HMGET', KEYS[1], 'last_heartbeat', 'ttl_ms')
if not hb[1] or (tonumber(hb[1]) or 0) + (tonumber(hb[2]) or 0) <= tonumber(ARGV[1]) - 1000 then return 0 end
if ARGV[2] == 'drain' then
  redis.call('HSET', KEYS[1], 'draining', ARGV[3])
  return 1
end
local labels = cjson.decode(redis.call('HGET', KEYS[1], 'labels') or '{}')
local edits = cjson.decode(redis.call('HGET', KEYS[1], 'label_edits') or '{}')
for k, v in pairs(cjson.decode(ARGV[3])) do labels[k] = v; edits[k] = v end
for _, k in ipairs(cjson.decode(ARGV[4])) do labels[k] = nil; edits[k] = false end
local out = cjson.encode(labels)
if next(labels) == nil then out = '{}' end
redis.call('HSET', KEYS[1], 'labels', out)
if next(edits) ~= nil then redis.call('HSET', KEYS[1], 'label_edits', cjson.encode(edits)) end
return 1
"#;

/// A Themis change. KEYS: policies, version, history, events, history entry sizes.
/// ARGV: mode ('apply'|'delete'|'replace'), who, action, now, history cap (entries), events cap,
/// channel, history cap (bytes), then name/document pairs (apply, replace) or names (delete).
/// Returns {'changed', new version}, {'unchanged', version} (every document already stored as
/// given, and for replace nothing else stored: nothing is written, published or recorded), or
/// {'missing', name}. The history keeps at most the cap of entries and, beyond the newest entry,
/// at most the cap of bytes; a parallel list holds each entry's size so trimming reads no entry.
pub const POLICY_CHANGE: &str = r#"
local pol, ver, hist, events, sizes = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local mode, who, action, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local FIRST = 9
local names = {}
if mode == 'delete' then
  for i = FIRST, #ARGV do
    if redis.call('HEXISTS', pol, ARGV[i]) == 0 then return {'missing', ARGV[i]} end
  end
  for i = FIRST, #ARGV do redis.call('HDEL', pol, ARGV[i]); names[#names+1] = ARGV[i] end
else
  local same = mode ~= 'replace' or redis.call('HLEN', pol) == (#ARGV - FIRST + 1) / 2
  if same then
    for i = FIRST, #ARGV, 2 do
      if redis.call('HGET', pol, ARGV[i]) ~= ARGV[i+1] then same = false; break end
    end
  end
  if same then return {'unchanged', tonumber(redis.call('GET', ver) or '0')} end
  if mode == 'replace' then redis.call('DEL', pol) end
  for i = FIRST, #ARGV, 2 do
    redis.call('HSET', pol, ARGV[i], ARGV[i+1])
    names[#names+1] = ARGV[i]
  end
end
local v = redis.call('INCR', ver)
local flat = redis.call('HGETALL', pol)
local snap = {}
for i = 1, #flat, 2 do snap[flat[i]] = flat[i+1] end
local snap_json = '{}'
if #flat > 0 then snap_json = cjson.encode(snap) end
local names_json = '[]'
if #names > 0 then names_json = cjson.encode(names) end
local entry = '{"version":' .. v .. ',"at":' .. now .. ',"who":' .. cjson.encode(who) .. ',"action":' .. cjson.encode(action) .. ',"names":' .. names_json .. ',"snapshot":' .. snap_json .. '}'
local cap, cap_bytes = tonumber(ARGV[5]), tonumber(ARGV[8])
if cap > 0 then
  -- Entries written before sizes were kept get theirs once.
  local have, want = redis.call('LLEN', sizes), redis.call('LLEN', hist)
  if have ~= want then
    redis.call('DEL', sizes)
    for _, e in ipairs(redis.call('LRANGE', hist, 0, -1)) do redis.call('RPUSH', sizes, #e) end
  end
  redis.call('LPUSH', hist, entry)
  redis.call('LPUSH', sizes, #entry)
  local keep, total = 0, 0
  for i, n in ipairs(redis.call('LRANGE', sizes, 0, cap - 1)) do
    total = total + tonumber(n)
    if i > 1 and total > cap_bytes then break end
    keep = i
  end
  redis.call('LTRIM', hist, 0, keep - 1)
  redis.call('LTRIM', sizes, 0, keep - 1)
end
redis.call('XADD', events, 'MAXLEN', '~', ARGV[6], '*', 'kind', 'policy', 'to', 'v' .. v, 'at', now, 'message', action .. ' ' .. table.concat(names, ',') .. ' by ' .. who)
redis.call('PUBLISH', ARGV[7], v)
return {'changed', v}
"#;

/// Deletes a run and everything about it, its idempotency key included. KEYS: base + run, run
/// events, node, node runs, idempotency key (a placeholder when it has none). ARGV: common(3), id,
/// expected node, expected idempotency key ('' none). Returns 'deleted', 'missing',
/// 'retry:<node>' or 'retrykey:<key>' (call again with those).
pub const DELETE_RUN: &str = r#"
local runkey, evkey, nodekey, noderuns = KEYS[B + 1], KEYS[B + 2], KEYS[B + 3], KEYS[B + 4]
local id = ARGV[4]
if redis.call('EXISTS', runkey) == 0 then return 'missing' end
local cur = redis.call('HMGET', runkey, 'node', 'idempotency_key')
local node = cur[1] or ''
if node ~= ARGV[5] then return 'retry:' .. node end
if (cur[2] or '') ~= ARGV[6] then return 'retrykey:' .. (cur[2] or '') end
if ARGV[6] ~= '' then forget_key(KEYS[B + 5], id) end
if node ~= '' then release(nodekey, noderuns, id) end
for i = 1, 5 do redis.call('ZREM', KEYS[i], id) end
for _, k in pairs(SIDX) do redis.call('ZREM', KEYS[k], id) end
unmark_finished(id)
redis.call('DEL', runkey, evkey)
return 'deleted'
"#;

/// A claimed run that cannot be read leaves the queue; a corrupt one is dead-lettered.
/// KEYS: base + run. ARGV: common(3), id, reason.
pub const DISCARD_UNREADABLE: &str = r#"
local runkey, id = KEYS[B + 1], ARGV[4]
redis.call('ZREM', K_QUEUE, id)
redis.call('ZREM', K_LEASES, id)
redis.call('ZREM', K_PENDING, id)
if redis.call('EXISTS', runkey) == 0 then return 0 end
-- The state field may be the corrupt part: leave every index, join the dead one.
for _, k in pairs(SIDX) do redis.call('ZREM', KEYS[k], id) end
redis.call('ZADD', KEYS[SIDX['dead']], 0, id)
redis.call('HSET', runkey, 'state', 'dead', 'message', ARGV[5], 'updated_at', NOW, 'finished_at', NOW)
redis.call('ZADD', K_DEAD, NOW, id)
unmark_finished(id)
redis.call('ZADD', K_FINISHED, NOW, id)
event(nil, id, nil, 'dead', nil, ARGV[5])
return 1
"#;

/// Retention: deletes finished runs that are due, re-checking each atomically.
/// KEYS: base + per run: run, run events, node runs (the run key again when it has no node),
/// its idempotency key (the run key again when it has none), then its owned keys. ARGV:
/// common(3), cutoff (finished at or before it under the cell's window), then per run: id, '1'
/// when it has a node, number of owned keys, '1' when it has an idempotency key (deleted only
/// while it still names this run).
/// Returns the ids deleted. A run that is not finished, or not due, is left alone; one that is
/// already gone leaves the retention indexes.
pub const EXPIRE_FINISHED: &str = r#"
local cutoff = tonumber(ARGV[4])
local deleted = {}
local k, a = B + 1, 5
while a <= #ARGV do
  local id, hasnode, owned, haskey = ARGV[a], ARGV[a+1], tonumber(ARGV[a+2]), ARGV[a+3]
  local runkey, evkey, noderuns, ik = KEYS[k], KEYS[k+1], KEYS[k+2], KEYS[k+3]
  local state = redis.call('HGET', runkey, 'state')
  local due = false
  if state and TERMINAL[state] then
    local f = redis.call('ZSCORE', K_FINISHED, id)
    local t = redis.call('ZSCORE', K_FINISHED_TTL, id)
    due = (f and tonumber(f) <= cutoff) or (t and tonumber(t) <= NOWN) or false
  end
  if due then
    redis.call('DEL', runkey, evkey)
    if haskey == '1' then forget_key(ik, id) end
    for j = 1, owned do redis.call('DEL', KEYS[k + 3 + j]) end
    if hasnode == '1' then redis.call('HDEL', noderuns, id) end
    for i = 1, 5 do redis.call('ZREM', KEYS[i], id) end
    redis.call('ZREM', KEYS[SIDX[state]], id)
    unmark_finished(id)
    deleted[#deleted+1] = id
  elseif not state then
    unmark_finished(id)
  end
  k = k + 4 + owned
  a = a + 4
end
return deleted
"#;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScriptId {
    Submit,
    Claim,
    MoveToQueue,
    ApplyOutcomes,
    ClaimRuns,
    Cancel,
    Recover,
    StartRuns,
    StartPlaced,
    FinishRuns,
    RetryDead,
    DeleteDead,
    Heartbeat,
    NodeEdit,
    PolicyChange,
    DeleteRun,
    DiscardUnreadable,
    ExpireFinished,
}

pub(super) const ALL_SCRIPTS: [ScriptId; 18] = [
    ScriptId::ExpireFinished,
    ScriptId::DeleteRun,
    ScriptId::DiscardUnreadable,
    ScriptId::Submit,
    ScriptId::Claim,
    ScriptId::MoveToQueue,
    ScriptId::ApplyOutcomes,
    ScriptId::ClaimRuns,
    ScriptId::Cancel,
    ScriptId::Recover,
    ScriptId::StartRuns,
    ScriptId::StartPlaced,
    ScriptId::FinishRuns,
    ScriptId::RetryDead,
    ScriptId::DeleteDead,
    ScriptId::Heartbeat,
    ScriptId::NodeEdit,
    ScriptId::PolicyChange,
];

impl ScriptId {
    pub(super) fn source(self) -> String {
        match self {
            ScriptId::Submit => with_batch_prelude(SUBMIT),
            ScriptId::Claim => with_prelude(CLAIM),
            ScriptId::MoveToQueue => with_prelude(MOVE_TO_QUEUE),
            ScriptId::ApplyOutcomes => with_batch_prelude(APPLY_OUTCOMES),
            ScriptId::ClaimRuns => with_batch_prelude(CLAIM_RUNS),
            ScriptId::Cancel => with_prelude(CANCEL),
            ScriptId::Recover => with_prelude(RECOVER),
            ScriptId::StartRuns => with_batch_prelude(START_RUNS),
            ScriptId::StartPlaced => with_batch_prelude(START_PLACED),
            ScriptId::FinishRuns => with_batch_prelude(FINISH_RUNS),
            ScriptId::RetryDead => with_prelude(RETRY_DEAD),
            ScriptId::DeleteDead => with_prelude(DELETE_DEAD),
            ScriptId::Heartbeat => HEARTBEAT.to_string(),
            ScriptId::NodeEdit => NODE_EDIT.to_string(),
            ScriptId::PolicyChange => POLICY_CHANGE.to_string(),
            ScriptId::DeleteRun => with_prelude(DELETE_RUN),
            ScriptId::DiscardUnreadable => with_prelude(DISCARD_UNREADABLE),
            ScriptId::ExpireFinished => with_prelude(EXPIRE_FINISHED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// `name = value` pairs of one generated Lua table line (`local NAME = {a = 1, b = true}`).
    fn table(prelude: &str, name: &str) -> BTreeMap<String, String> {
        let line = prelude
            .lines()
            .find(|l| l.starts_with(&format!("local {name} = {{")))
            .unwrap_or_else(|| panic!("no {name} table in:\n{prelude}"));
        let inner = line
            .split_once('{')
            .and_then(|(_, r)| r.rsplit_once('}'))
            .map(|(i, _)| i)
            .unwrap_or_default();
        inner
            .split(',')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect()
    }

    #[test]
    fn state_table_matches_run_state_all_and_the_keys_sent() {
        let source = with_prelude("return 1");
        let keys = base_keys(&Keys::default());
        assert_eq!(keys.len(), BASE_KEYS);
        let sidx = table(&source, "SIDX");
        assert_eq!(sidx.len(), RunState::ALL.len());
        for state in RunState::ALL {
            let index: usize = sidx[state.as_str()].parse().unwrap();
            // Lua's KEYS[index] is the index set the Rust side sends for this state.
            assert_eq!(keys[index - 1], Keys::default().state(state), "{state:?}");
        }
        let terminal: BTreeSet<String> = table(&source, "TERMINAL").into_keys().collect();
        let expected: BTreeSet<String> = RunState::ALL
            .iter()
            .filter(|s| s.is_terminal())
            .map(|s| s.as_str().to_string())
            .collect();
        assert_eq!(terminal, expected);
        assert!(source.contains(&format!("local B = {BASE_KEYS}\n")));
        for (i, name) in SHARED.iter().enumerate() {
            assert!(source.contains(name), "{name}");
            assert!(keys[i].starts_with("tartarus:"), "{}", keys[i]);
        }
    }

    /// Run scripts address per-run keys relative to `B`: no literal index past the shared keys.
    #[test]
    fn run_scripts_use_no_literal_key_offsets() {
        for body in [
            SUBMIT,
            CLAIM,
            MOVE_TO_QUEUE,
            APPLY_OUTCOMES,
            CLAIM_RUNS,
            CANCEL,
            RECOVER,
            START_RUNS,
            START_PLACED,
            FINISH_RUNS,
            RETRY_DEAD,
            DELETE_DEAD,
            DELETE_RUN,
            DISCARD_UNREADABLE,
            EXPIRE_FINISHED,
        ] {
            let mut rest = body;
            while let Some(at) = rest.find("KEYS[") {
                rest = &rest[at + 5..];
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                if let Ok(n) = digits.parse::<usize>() {
                    assert!(n <= SHARED.len(), "KEYS[{n}] in:\n{body}");
                }
            }
        }
    }
}
