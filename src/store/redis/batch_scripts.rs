//! Lua scripts that apply a whole batch of steps in one call (the scheduler's decisions, an agent's starts and finishes, a claim with the runs' data), re-checking every run and answering per run.
//!
//! Each runs after the shared prelude of [`super::scripts`] (key names, `B`, `SIDX`, `TERMINAL`,
//! `event`, `note`, `qscore`, …) and [`BATCH_HELPERS`]. Per run, a batch does exactly what the
//! one-run step did (the same checks, state, fields and events); what it saves is one script call
//! per run and the repeated writes to shared keys: the state-index moves of the batch are written
//! with one `ZREM`/`ZADD` per index, a node's usage and reservations once per node, and the
//! batch's events as stream entries of up to [`EVENTS_PER_ENTRY`] events (one `XADD` each instead
//! of one per event, which was a third of a run's Redis CPU).

/// The most run events one stream entry of a batch holds.
pub const EVENTS_PER_ENTRY: usize = 32;
/// About the most bytes of values (ids, nodes, messages) one stream entry of a batch holds; an
/// entry is closed once it reaches this, so only a single event with a longer message exceeds it.
pub const EVENT_ENTRY_BYTES: usize = 4096;

/// Deferred writes shared by the batch scripts: index moves, and a chunked call for long lists
/// (`unpack` has a stack limit).
pub const BATCH_HELPERS: &str = r#"
local idx_rem, idx_add = {}, {}
-- Moves a run between two state indexes when the batch ends (nothing in a batch reads them).
local function move_later(from, to, id)
  local r = idx_rem[from]
  if not r then r = {}; idx_rem[from] = r end
  r[#r+1] = id
  local a = idx_add[to]
  if not a then a = {}; idx_add[to] = a end
  a[#a+1] = '0'
  a[#a+1] = id
end
local function chunked(cmd, key, list)
  for i = 1, #list, 4000 do
    redis.call(cmd, key, unpack(list, i, math.min(i + 3999, #list)))
  end
end
local function flush_moves()
  for s, ids in pairs(idx_rem) do chunked('ZREM', KEYS[SIDX[s]], ids) end
  for s, scored in pairs(idx_add) do chunked('ZADD', KEYS[SIDX[s]], scored) end
end

-- The run events of a batch go to the stream as few entries: each entry holds up to
-- EV_ENTRY_EVENTS events or about EV_ENTRY_BYTES of their values, as `batch <n> at <ms>` followed
-- by one group per event that starts with `run <id>` (then `kind` when it is not a transition,
-- `from`, `to`, `node`, `message`). The entries' ids are chosen here, so that an event's history
-- entry (which names the stream entry it is in) can go into the same write as the run's other
-- fields: the first is just after the stream's last id and not before the caller's clock, the
-- next ones follow it. The prelude's `event` and `note` are routed here, so `set_state` batches
-- too; the batch's wrapper calls `flush_events` when the body returns.
local EV_ENTRY_EVENTS, EV_ENTRY_BYTES = __EV_ENTRY_EVENTS__, __EV_ENTRY_BYTES__
local evf, evn, evb = {}, 0, 0
local ev_ms, ev_seq, ev_sid
local function open_entry()
  if ev_ms then
    ev_seq = ev_seq + 1
  else
    -- The caller's clock (NOW), not Redis's `TIME`: the least-privilege ACL users may not call
    -- it. A clock behind the stream only makes the ids follow the stream's last one.
    local clock = NOWN
    -- The last id ever given (it outlives trimmed entries), '0-0' for a new stream.
    local lms, lseq = 0, 0
    if redis.call('EXISTS', K_EVENTS) == 1 then
      local info = redis.call('XINFO', 'STREAM', K_EVENTS)
      for i = 1, #info, 2 do
        if info[i] == 'last-generated-id' then
          local m, q = string.match(info[i + 1], '^(%d+)-(%d+)$')
          lms, lseq = tonumber(m) or 0, tonumber(q) or 0
          break
        end
      end
    end
    if clock > lms then
      ev_ms, ev_seq = clock, 0
    elseif lseq < 2 ^ 50 then
      ev_ms, ev_seq = lms, lseq + 1
    else
      ev_ms, ev_seq = lms + 1, 0
    end
  end
  ev_sid = string.format('%d-%d', ev_ms, ev_seq)
end
local function flush_events()
  if evn == 0 then return end
  redis.call('XADD', K_EVENTS, 'MAXLEN', '~', EVCAP, ev_sid, 'batch', evn, 'at', NOW, unpack(evf))
  evf, evn, evb = {}, 0, 0
end
-- Adds an event to the batch's current stream entry and returns that entry's id.
local function batch_event(id, kind, from, to, node, msg)
  if evn >= EV_ENTRY_EVENTS or evb >= EV_ENTRY_BYTES then flush_events() end
  if evn == 0 then open_entry() end
  local f = evf
  f[#f + 1] = 'run'; f[#f + 1] = id
  evb = evb + #id + 16
  if kind then f[#f + 1] = 'kind'; f[#f + 1] = kind end
  if from then f[#f + 1] = 'from'; f[#f + 1] = from end
  if to then f[#f + 1] = 'to'; f[#f + 1] = to end
  if node and node ~= '' then f[#f + 1] = 'node'; f[#f + 1] = node; evb = evb + #node end
  if msg and msg ~= '' then f[#f + 1] = 'message'; f[#f + 1] = msg; evb = evb + #msg end
  evn = evn + 1
  return ev_sid
end
event = function(runkey, id, from, to, node, msg)
  local sid = batch_event(id, nil, from, to, node, msg)
  if runkey then push_hist(runkey, hist(sid, nil, from, to, node, msg)) end
end
note = function(runkey, id, kind, node, msg)
  local sid = batch_event(id, kind, nil, nil, node, msg)
  push_hist(runkey, hist(sid, kind, nil, nil, node, msg))
end
-- A transition of a run whose hash the caller is about to write: records the event and adds
-- its history entry to the caller's fields f as `@<n + 1>`, where n is the run's `evn` before;
-- returns n + 1. The caller writes `evn` with f, then calls hist_trim.
local function hist_into(f, n, id, from, to, node, msg)
  local sid = batch_event(id, nil, from, to, node, msg)
  n = n + 1
  f[#f + 1] = '@' .. n
  f[#f + 1] = hist(sid, nil, from, to, node, msg)
  return n
end
-- `scheduled` → `running` on node for a run checked by the caller (message: its current one;
-- n: its `evn`): one write of the run's hash, its event and the index move.
local function start_one(runkey, id, node, log, message, n)
  move_later('scheduled', 'running', id)
  local f = {'state', 'running', 'updated_at', NOW, 'started_at', NOW}
  if log ~= '' then f[#f + 1] = 'log_path'; f[#f + 1] = log end
  if message then redis.call('HDEL', runkey, 'message') end
  local after = hist_into(f, n, id, 'scheduled', 'running', node, nil)
  f[#f + 1] = 'evn'; f[#f + 1] = after
  redis.call('HSET', runkey, unpack(f))
  hist_trim(runkey, n, after)
end
"#;

/// The scheduler's decisions for a batch of claimed runs, each applied as the one-run step did:
/// only the lease holder decides (the lease is removed first, so a run listed twice gets one
/// decision), the run must still be queued or pending, and a placement must fit the node as it
/// stands after the placements before it in the batch (capacity, draining, lease) or the run goes
/// back to the queue.
///
/// KEYS: base + per run: run, node, node runs (a placeholder node when not placed).
/// ARGV: common(3), count, then 13 per run: id, decision, verdict, reasons, policy version, heat,
/// quarantined, message, node, cpu, mem, gpu, slots. Returns one answer per run: the new state,
/// 'stale' or 'node_unavailable'.
pub const APPLY_OUTCOMES: &str = r#"
local n = tonumber(ARGV[4])
local nodes = {}
-- A node as read once per batch; placements update it here and it is written at the end.
local function node_of(nodekey, noderuns)
  local c = nodes[nodekey]
  if c then return c end
  local v = redis.call('HMGET', nodekey, 'draining', 'cap_cpu', 'cap_mem', 'cap_gpu', 'cap_slots', 'used_cpu', 'used_mem', 'used_gpu', 'used_slots', 'last_heartbeat', 'ttl_ms')
  -- An expired node has no hash, so no capacity fields: it fits nothing. A node whose heartbeat
  -- is older than its TTL takes nothing new (its hash outlives it).
  local live = (tonumber(v[10]) or 0) + (tonumber(v[11]) or 0) > NOWN - 1000
  c = {open = (v[5] and live and v[1] ~= '1') and true or false, runs = noderuns, placed = {}, u = {}}
  for i = 2, 9 do c.u[i] = tonumber(v[i] or '0') or 0 end
  nodes[nodekey] = c
  return c
end

-- Which runs are leased: one ZMSCORE for the batch. A run's lease is taken by its decision (so
-- a run listed twice gets one), and removed from the set at the end.
local leased, taken = {}, {}
do
  local ids = {}
  for i = 1, n do ids[i] = ARGV[5 + (i - 1) * 13] end
  for i = 1, n, 4000 do
    local last = math.min(i + 3999, n)
    local scores = redis.call('ZMSCORE', K_LEASES, unpack(ids, i, last))
    for j = i, last do
      if scores[j - i + 1] then leased[ids[j]] = true end
    end
  end
end

local function apply(runkey, nodekey, noderuns, a)
  local id, decision = ARGV[a], ARGV[a + 1]
  -- Only the holder of the lease decides; a run without one was decided or reaped already.
  if not leased[id] then return 'stale' end
  leased[id] = nil
  taken[#taken + 1] = id
  local cur = redis.call('HMGET', runkey, 'state', 'message', 'attempts', 'evn')
  local state = cur[1]
  if state ~= 'queued' and state ~= 'pending' then return 'stale' end
  local msg = ARGV[a + 7]
  local verdict = {'verdict', ARGV[a + 2], 'reasons', ARGV[a + 3], 'policy_version', ARGV[a + 4], 'heat', ARGV[a + 5], 'quarantined', ARGV[a + 6]}
  if decision == 'deny' or decision == 'reject' then
    local to = 'denied'
    if decision == 'reject' then to = 'rejected' end
    redis.call('HSET', runkey, unpack(verdict))
    set_state(runkey, id, state, to, msg)
    redis.call('HSET', runkey, 'finished_at', NOW)
    return to
  elseif decision == 'pending' then
    redis.call('HSET', runkey, unpack(verdict))
    if state == 'pending' and (cur[2] or '') == msg then
      redis.call('HSET', runkey, 'updated_at', NOW)
    else
      set_state(runkey, id, state, 'pending', msg)
    end
    redis.call('ZADD', K_PENDING, NOW, id)
    return 'pending'
  end
  -- assign
  local cpu, mem, gpu, slots = tonumber(ARGV[a + 9]), tonumber(ARGV[a + 10]), tonumber(ARGV[a + 11]), tonumber(ARGV[a + 12])
  local c = node_of(nodekey, noderuns)
  local u = c.u
  if not (c.open and u[6] + cpu <= u[2] and u[7] + mem <= u[3] and u[8] + gpu <= u[4] and u[9] + slots <= u[5]) then
    redis.call('HSET', runkey, unpack(verdict))
    redis.call('ZADD', K_QUEUE, qscore(runkey), id)
    return 'node_unavailable'
  end
  u[6], u[7], u[8], u[9] = u[6] + cpu, u[7] + mem, u[8] + gpu, u[9] + slots
  c.placed[#c.placed + 1] = id
  c.placed[#c.placed + 1] = ARGV[a + 9] .. ',' .. ARGV[a + 10] .. ',' .. ARGV[a + 11] .. ',' .. ARGV[a + 12]
  -- Two transitions in one step (queued|pending → admitted → scheduled), written directly: the
  -- run passes through `admitted` inside this script, so its index entry would be added and
  -- removed at once; both events are still recorded.
  move_later(state, 'scheduled', id)
  local node = ARGV[a + 8]
  local attempts = (tonumber(cur[3]) or 0) + 1
  verdict[#verdict + 1] = 'state'; verdict[#verdict + 1] = 'scheduled'
  verdict[#verdict + 1] = 'updated_at'; verdict[#verdict + 1] = NOW
  verdict[#verdict + 1] = 'node'; verdict[#verdict + 1] = node
  verdict[#verdict + 1] = 'attempts'; verdict[#verdict + 1] = attempts
  if msg ~= '' then
    verdict[#verdict + 1] = 'message'; verdict[#verdict + 1] = msg
  elseif cur[2] then
    redis.call('HDEL', runkey, 'message')
  end
  local before = tonumber(cur[4]) or 0
  local after = hist_into(verdict, before, id, state, 'admitted', nil, nil)
  after = hist_into(verdict, after, id, 'admitted', 'scheduled', node, msg)
  verdict[#verdict + 1] = 'evn'; verdict[#verdict + 1] = after
  redis.call('HSET', runkey, unpack(verdict))
  hist_trim(runkey, before, after)
  return 'scheduled'
end

local out = {}
local a = 5
for i = 1, n do
  local k = B + (i - 1) * 3
  out[i] = apply(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], a)
  a = a + 13
end
chunked('ZREM', K_LEASES, taken)
for nodekey, c in pairs(nodes) do
  if #c.placed > 0 then
    redis.call('HSET', nodekey, 'used_cpu', c.u[6], 'used_mem', c.u[7], 'used_gpu', c.u[8], 'used_slots', c.u[9])
    chunked('HSET', c.runs, c.placed)
  end
end
flush_moves()
return out
"#;

/// Claims up to `max` runs under a lease and returns each with its stored fields, so the
/// scheduler needs no read per run. The run keys are built here from the cell's run-key prefix
/// (ARGV[6]): they are not known before the pop, and they share the cell's hash tag, so they are
/// in the slot of the declared keys (Redis Cluster accepts that).
///
/// KEYS: base + paused flag. ARGV: common(3), max, lease deadline, run-key prefix.
/// Returns id, fields (a flat HGETALL reply, empty when the run's hash is gone), id, fields, …
pub const CLAIM_RUNS: &str = r#"
if redis.call('EXISTS', KEYS[B + 1]) == 1 then return {} end
local popped = redis.call('ZPOPMIN', K_QUEUE, tonumber(ARGV[4]))
local out, lease = {}, {}
for i = 1, #popped, 2 do
  local id = popped[i]
  lease[#lease + 1] = ARGV[5]
  lease[#lease + 1] = id
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGETALL', ARGV[6] .. id)
end
chunked('ZADD', K_LEASES, lease)
return out
"#;

/// `scheduled` → `running` for many runs of one node, each for its own attempt only (as the
/// one-run start). KEYS: base + per run: run. ARGV: common(3), node, count, then per run: id,
/// attempt, log path ('' none). Returns 'running' or 'stale' per run.
pub const START_RUNS: &str = r#"
local node, n = ARGV[4], tonumber(ARGV[5])
local out = {}
local a = 6
for i = 1, n do
  local runkey = KEYS[B + i]
  local id, attempt, log = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  a = a + 3
  local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'message', 'evn')
  if cur[1] ~= 'scheduled' or cur[2] ~= node or tonumber(cur[3]) ~= tonumber(attempt) then
    out[i] = 'stale'
  else
    start_one(runkey, id, node, log, cur[4], tonumber(cur[5]) or 0)
    out[i] = 'running'
  end
end
flush_moves()
return out
"#;

/// `scheduled` → `running` for the runs of one node that are scheduled there now (at most `max`
/// of them), each for the attempt it is at in this same step, answering with that attempt and
/// the run's spec: the agent starts exactly that placement and reads nothing else first. The
/// state, fields and event are those of `START_RUNS`. KEYS: base + per run: run.
/// ARGV: common(3), node, count, max, then per run: id, log path ('' none). Returns per run
/// {attempt, spec} when started, 0 when not (not scheduled on this node, gone, or beyond max).
pub const START_PLACED: &str = r#"
local node, n, max = ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local out, started = {}, 0
local a = 7
for i = 1, n do
  local runkey = KEYS[B + i]
  local id, log = ARGV[a], ARGV[a + 1]
  a = a + 2
  out[i] = 0
  if started < max then
    local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'message', 'spec', 'evn')
    if cur[1] == 'scheduled' and cur[2] == node then
      started = started + 1
      start_one(runkey, id, node, log, cur[4], tonumber(cur[6]) or 0)
      out[i] = {cur[3] or '0', cur[5] or ''}
    end
  end
end
flush_moves()
return out
"#;

/// `running` (or `scheduled`) → a terminal state for many runs of one node, as the one-run
/// finish: only each run's current attempt on this node may finish it (another attempt's outcome
/// becomes a 'stale' event), a cancelled run only keeps its output. The node's capacity is freed
/// once for the batch. When it freed some while runs are parked as pending, up to twice as many
/// as it freed (the longest parked) go back to the queue, as `Store::wake_pending` moves them, and
/// the cell's schedulers are woken (the submit's wake channel, best effort): they are placed now,
/// not at a scheduler's next maintenance. Their run keys are built from the cell's run-key prefix
/// (ARGV[7]), as the claim that returns its runs' data does (same hash tag, same slot). KEYS:
/// base + node, node runs, then per run: run. ARGV: common(3), node, count, queue wake channel,
/// run-key prefix, then per run: id, attempt, to, exit code ('' none), message, log tail.
/// Returns the new state or 'stale' per run.
pub const FINISH_RUNS: &str = r#"
local nodekey, noderuns = KEYS[B + 1], KEYS[B + 2]
local node, n = ARGV[4], tonumber(ARGV[5])
local out, gone, finished = {}, {}, {}
local freed, nfreed = {0, 0, 0, 0}, 0
-- What each run reserved on the node: one HMGET for the batch.
local reserved = {}
do
  local ids = {}
  for i = 1, n do ids[i] = ARGV[8 + (i - 1) * 6] end
  for i = 1, n, 4000 do
    local last = math.min(i + 3999, n)
    local r = redis.call('HMGET', noderuns, unpack(ids, i, last))
    for j = i, last do
      if r[j - i + 1] then reserved[ids[j]] = r[j - i + 1] end
    end
  end
end
local a = 8
for i = 1, n do
  local runkey = KEYS[B + 2 + i]
  local id, attempt, to, code, msg, tail = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
  a = a + 6
  local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'ttl_ms', 'message', 'evn')
  local state = cur[1]
  if not state then
    out[i] = 'stale'
  elseif cur[2] ~= node or tonumber(cur[3]) ~= tonumber(attempt) then
    local what = to
    if code ~= '' then what = what .. ' (exit code ' .. code .. ')' end
    if msg ~= '' then what = what .. ': ' .. msg end
    note(runkey, id, 'stale', node, 'stale outcome from attempt ' .. attempt .. ' on node ' .. node .. ': ' .. what .. '; the run is ' .. state .. ' at attempt ' .. (cur[3] or '0'))
    out[i] = 'stale'
  elseif state == 'cancelled' then
    -- Cancelled while it ran: the cancel recorded its end; keep the output it produced.
    redis.call('HSET', runkey, 'log_tail', tail)
    out[i] = 'stale'
  elseif (state ~= 'running' and state ~= 'scheduled') or not TERMINAL[to] then
    out[i] = 'stale'
  else
    local r = reserved[id]
    if r then
      reserved[id] = nil
      gone[#gone + 1] = id
      local c, m, g, s = string.match(r, '^(%d+),(%d+),(%d+),(%d+)$')
      if c then
        freed[1], freed[2], freed[3], freed[4] = freed[1] + c, freed[2] + m, freed[3] + g, freed[4] + s
        nfreed = nfreed + 1
      end
    end
    if cur[4] then
      redis.call('ZADD', K_FINISHED_TTL, NOWN + (tonumber(cur[4]) or 0), id)
    else
      finished[#finished + 1] = NOW
      finished[#finished + 1] = id
    end
    move_later(state, to, id)
    local f = {'state', to, 'updated_at', NOW, 'finished_at', NOW, 'log_tail', tail}
    if code ~= '' then f[#f + 1] = 'exit_code'; f[#f + 1] = code end
    if msg ~= '' then
      f[#f + 1] = 'message'; f[#f + 1] = msg
    elseif cur[5] then
      redis.call('HDEL', runkey, 'message')
    end
    local before = tonumber(cur[6]) or 0
    local after = hist_into(f, before, id, state, to, node, msg)
    f[#f + 1] = 'evn'; f[#f + 1] = after
    redis.call('HSET', runkey, unpack(f))
    hist_trim(runkey, before, after)
    out[i] = to
  end
end
if #gone > 0 then
  chunked('HDEL', noderuns, gone)
  -- An expired node hash has no usage to give back (it is recomputed when the node returns).
  local u = redis.call('HMGET', nodekey, 'used_cpu', 'used_mem', 'used_gpu', 'used_slots', 'releases')
  if u[4] and nfreed > 0 then
    local function left(used, f) return math.max(0, (tonumber(used) or 0) - f) end
    redis.call('HSET', nodekey, 'used_cpu', left(u[1], freed[1]), 'used_mem', left(u[2], freed[2]),
      'used_gpu', left(u[3], freed[3]), 'used_slots', left(u[4], freed[4]), 'releases', (tonumber(u[5]) or 0) + nfreed)
    -- Runs parked for capacity: the longest parked go back to the queue now. Those that still
    -- fit nowhere park again at the back, so the work this costs follows the rate of finishes.
    local parked = redis.call('ZRANGE', K_PENDING, 0, 2 * nfreed - 1)
    if #parked > 0 then
      local queued = {}
      for _, pid in ipairs(parked) do
        local rk = ARGV[7] .. pid
        if redis.call('EXISTS', rk) == 1 then
          queued[#queued + 1] = qscore(rk)
          queued[#queued + 1] = pid
        end
      end
      chunked('ZREM', K_PENDING, parked)
      if #queued > 0 then
        chunked('ZADD', K_QUEUE, queued)
        -- Best effort (a user without channel rights still finishes): schedulers also poll.
        redis.pcall('PUBLISH', ARGV[6], '1')
      end
    end
  end
end
chunked('ZADD', K_FINISHED, finished)
flush_moves()
return out
"#;
