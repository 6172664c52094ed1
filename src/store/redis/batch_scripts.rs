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
  a[#a+1] = 0
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
-- `from`, `to`, `node`, `message`). Each event's history entry carries the id of the stream entry
-- it is in. The prelude's `event` and `note` are routed here, so `set_state` batches too; the
-- batch's wrapper calls `flush_events` when the body returns.
local EV_ENTRY_EVENTS, EV_ENTRY_BYTES = __EV_ENTRY_EVENTS__, __EV_ENTRY_BYTES__
local evf, evn, evb, evh = {}, 0, 0, {}
local function flush_events()
  if evn == 0 then return end
  local sid = redis.call('XADD', K_EVENTS, 'MAXLEN', '~', EVCAP, '*', 'batch', evn, 'at', NOW, unpack(evf))
  local head = '{"id":"' .. sid .. '"'
  -- One RPUSH per run: a run's events of one entry are next to each other in evh.
  local i = 1
  while i <= #evh do
    local key = evh[i]
    local vals = {head .. evh[i + 1]}
    i = i + 2
    while evh[i] == key do
      vals[#vals + 1] = head .. evh[i + 1]
      i = i + 2
    end
    if redis.call('RPUSH', key, unpack(vals)) > RUNEVCAP then
      redis.call('LTRIM', key, -RUNEVCAP, -1)
    end
  end
  evf, evn, evb, evh = {}, 0, 0, {}
end
local function batch_event(evkey, id, kind, from, to, node, msg)
  if evn >= EV_ENTRY_EVENTS or evb >= EV_ENTRY_BYTES then flush_events() end
  local f = evf
  f[#f + 1] = 'run'; f[#f + 1] = id
  evb = evb + #id + 16
  if kind then f[#f + 1] = 'kind'; f[#f + 1] = kind end
  if from then f[#f + 1] = 'from'; f[#f + 1] = from end
  if to then f[#f + 1] = 'to'; f[#f + 1] = to end
  if node and node ~= '' then f[#f + 1] = 'node'; f[#f + 1] = node; evb = evb + #node end
  if msg and msg ~= '' then f[#f + 1] = 'message'; f[#f + 1] = msg; evb = evb + #msg end
  evn = evn + 1
  if evkey then
    evh[#evh + 1] = evkey
    evh[#evh + 1] = hist_tail(kind, from, to, node, msg)
  end
end
event = function(evkey, id, from, to, node, msg) batch_event(evkey, id, nil, from, to, node, msg) end
note = function(evkey, id, kind, node, msg) batch_event(evkey, id, kind, nil, nil, node, msg) end
"#;

/// The scheduler's decisions for a batch of claimed runs, each applied as the one-run step did:
/// only the lease holder decides (the lease is removed first, so a run listed twice gets one
/// decision), the run must still be queued or pending, and a placement must fit the node as it
/// stands after the placements before it in the batch (capacity, draining, lease) or the run goes
/// back to the queue.
///
/// KEYS: base + per run: run, run events, node, node runs (a placeholder node when not placed).
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

local function apply(runkey, evkey, nodekey, noderuns, a)
  local id, decision = ARGV[a], ARGV[a + 1]
  -- Only the holder of the lease decides; a run without one was decided or reaped already.
  if not leased[id] then return 'stale' end
  leased[id] = nil
  taken[#taken + 1] = id
  local cur = redis.call('HMGET', runkey, 'state', 'message', 'attempts')
  local state = cur[1]
  if state ~= 'queued' and state ~= 'pending' then return 'stale' end
  local msg = ARGV[a + 7]
  local verdict = {'verdict', ARGV[a + 2], 'reasons', ARGV[a + 3], 'policy_version', ARGV[a + 4], 'heat', ARGV[a + 5], 'quarantined', ARGV[a + 6]}
  if decision == 'deny' or decision == 'reject' then
    local to = 'denied'
    if decision == 'reject' then to = 'rejected' end
    redis.call('HSET', runkey, unpack(verdict))
    set_state(runkey, evkey, id, state, to, msg)
    redis.call('HSET', runkey, 'finished_at', NOW)
    return to
  elseif decision == 'pending' then
    redis.call('HSET', runkey, unpack(verdict))
    if state == 'pending' and (cur[2] or '') == msg then
      redis.call('HSET', runkey, 'updated_at', NOW)
    else
      set_state(runkey, evkey, id, state, 'pending', msg)
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
  redis.call('HSET', runkey, unpack(verdict))
  event(evkey, id, state, 'admitted', nil, nil)
  event(evkey, id, 'admitted', 'scheduled', node, msg)
  return 'scheduled'
end

local out = {}
local a = 5
for i = 1, n do
  local k = B + (i - 1) * 4
  out[i] = apply(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], a)
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
/// one-run start). KEYS: base + per run: run, run events. ARGV: common(3), node, count, then per
/// run: id, attempt, log path ('' none). Returns 'running' or 'stale' per run.
pub const START_RUNS: &str = r#"
local node, n = ARGV[4], tonumber(ARGV[5])
local out = {}
local a = 6
for i = 1, n do
  local runkey, evkey = KEYS[B + 2 * i - 1], KEYS[B + 2 * i]
  local id, attempt, log = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  a = a + 3
  local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'message')
  if cur[1] ~= 'scheduled' or cur[2] ~= node or tonumber(cur[3]) ~= tonumber(attempt) then
    out[i] = 'stale'
  else
    move_later('scheduled', 'running', id)
    if log ~= '' then
      redis.call('HSET', runkey, 'state', 'running', 'updated_at', NOW, 'started_at', NOW, 'log_path', log)
    else
      redis.call('HSET', runkey, 'state', 'running', 'updated_at', NOW, 'started_at', NOW)
    end
    if cur[4] then redis.call('HDEL', runkey, 'message') end
    event(evkey, id, 'scheduled', 'running', node, nil)
    out[i] = 'running'
  end
end
flush_moves()
return out
"#;

/// `scheduled` → `running` for the runs of one node that are scheduled there now (at most `max`
/// of them), each for the attempt it is at in this same step, answering with that attempt and
/// the run's spec: the agent starts exactly that placement and reads nothing else first. The
/// state, fields and event are those of `START_RUNS`. KEYS: base + per run: run, run events.
/// ARGV: common(3), node, count, max, then per run: id, log path ('' none). Returns per run
/// {attempt, spec} when started, 0 when not (not scheduled on this node, gone, or beyond max).
pub const START_PLACED: &str = r#"
local node, n, max = ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local out, started = {}, 0
local a = 7
for i = 1, n do
  local runkey, evkey = KEYS[B + 2 * i - 1], KEYS[B + 2 * i]
  local id, log = ARGV[a], ARGV[a + 1]
  a = a + 2
  out[i] = 0
  if started < max then
    local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'message', 'spec')
    if cur[1] == 'scheduled' and cur[2] == node then
      started = started + 1
      move_later('scheduled', 'running', id)
      if log ~= '' then
        redis.call('HSET', runkey, 'state', 'running', 'updated_at', NOW, 'started_at', NOW, 'log_path', log)
      else
        redis.call('HSET', runkey, 'state', 'running', 'updated_at', NOW, 'started_at', NOW)
      end
      if cur[4] then redis.call('HDEL', runkey, 'message') end
      event(evkey, id, 'scheduled', 'running', node, nil)
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
/// once for the batch. KEYS: base + node, node runs, then per run: run, run events.
/// ARGV: common(3), node, count, then per run: id, attempt, to, exit code ('' none), message,
/// log tail. Returns the new state or 'stale' per run.
pub const FINISH_RUNS: &str = r#"
local nodekey, noderuns = KEYS[B + 1], KEYS[B + 2]
local node, n = ARGV[4], tonumber(ARGV[5])
local out, gone, finished = {}, {}, {}
local freed, nfreed = {0, 0, 0, 0}, 0
-- What each run reserved on the node: one HMGET for the batch.
local reserved = {}
do
  local ids = {}
  for i = 1, n do ids[i] = ARGV[6 + (i - 1) * 6] end
  for i = 1, n, 4000 do
    local last = math.min(i + 3999, n)
    local r = redis.call('HMGET', noderuns, unpack(ids, i, last))
    for j = i, last do
      if r[j - i + 1] then reserved[ids[j]] = r[j - i + 1] end
    end
  end
end
local a = 6
for i = 1, n do
  local runkey, evkey = KEYS[B + 1 + 2 * i], KEYS[B + 2 + 2 * i]
  local id, attempt, to, code, msg, tail = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
  a = a + 6
  local cur = redis.call('HMGET', runkey, 'state', 'node', 'attempts', 'ttl_ms', 'message')
  local state = cur[1]
  if not state then
    out[i] = 'stale'
  elseif cur[2] ~= node or tonumber(cur[3]) ~= tonumber(attempt) then
    local what = to
    if code ~= '' then what = what .. ' (exit code ' .. code .. ')' end
    if msg ~= '' then what = what .. ': ' .. msg end
    note(evkey, id, 'stale', node, 'stale outcome from attempt ' .. attempt .. ' on node ' .. node .. ': ' .. what .. '; the run is ' .. state .. ' at attempt ' .. (cur[3] or '0'))
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
    redis.call('HSET', runkey, unpack(f))
    event(evkey, id, state, to, node, msg)
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
  end
end
chunked('ZADD', K_FINISHED, finished)
flush_moves()
return out
"#;
