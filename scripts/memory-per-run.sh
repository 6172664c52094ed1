#!/usr/bin/env bash
# Redis bytes per run, queued and finished (events included), for tartarus and for BullMQ,
# measured on the same throwaway redis-server (a free port, a temporary folder; stopped at the end).
#
#   scripts/memory-per-run.sh [N]          (N runs/jobs, default 10000)
#   REDIS_ARGS="--hash-max-listpack-value 1024" scripts/memory-per-run.sh 5000   (server settings)
#
# tartarus: a scheduler and an agent (`--runtime process`, command `true`) warm up on 100 runs that
# retention then deletes; with the scheduler stopped, N runs are submitted (queued bytes/run =
# used_memory delta / N); a scheduler keeping finished runs 7 days then runs them all through the
# agent (finished bytes/run). The event stream (capped at 100,000 entries) is included, and shown
# apart. BullMQ: scripts/memory-per-run/bullmq.mjs (needs /work/shared/bench-peers/setup.sh:
# bullmq 6.7.0 in $PEERS_NODE, default /tmp/peers-node); skipped when it is not installed.
# `used_memory` is read after MEMORY PURGE; client buffers are idle at each reading.
set -euo pipefail

N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${TARTARUS_BIN:-$ROOT/target/release/tartarus}"
[ -x "$BIN" ] || BIN="$ROOT/target/debug/tartarus"
[ -x "$BIN" ] || { echo "build tartarus first (cargo build --release)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/memory-per-run.XXXXXX")"
chmod 0711 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  sleep 0.5
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# shellcheck disable=SC2086 # REDIS_ARGS is a list of arguments
redis-server --port "$PORT" --bind 127.0.0.1 --dir "$WORK" --save '' --appendonly no ${REDIS_ARGS:-} \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export REDIS_ADDR="127.0.0.1:$PORT" NO_COLOR=1
unset REDIS_PASSWORD HADES_LABEL

used() {
  redis-cli -p "$PORT" memory purge >/dev/null
  redis-cli -p "$PORT" info memory | tr -d '\r' | awk -F: '$1=="used_memory"{print $2}'
}
stat() { "$BIN" -q queue stats -o json | jq -r "$1"; }
wait_for() { # JQ-CONDITION WHAT
  local t=0
  until [ "$(stat "$1")" = "true" ]; do
    sleep 0.5; t=$((t + 1))
    [ "$t" -lt 2400 ] || { echo "timed out waiting for $2" >&2; exit 1; }
  done
}
docs() { # COUNT PREFIX
  for i in $(seq 1 "$1"); do
    printf -- '---\nmetadata: {name: %s-%d}\nspec:\n  image: local\n  command: ["true"]\n' "$2" "$i"
  done
}
start_scheduler() { "$BIN" -q scheduler run "$@" >"$WORK/scheduler.out" 2>&1 & SCHED=$!; PIDS+=("$SCHED"); }
stop_scheduler() { kill -TERM "$SCHED"; wait "$SCHED" || true; }

"$BIN" -q agent run --name m0 --slots 32 --cpu 64 --memory 64Gi --poll 20ms \
  --work-dir "$WORK/agent/work" --log-dir "$WORK/agent/logs" --state-dir "$WORK/agent/state" \
  >"$WORK/agent.out" 2>&1 &
PIDS+=("$!")

# Warm-up: scripts, node, stream and indexes exist; the runs themselves are gone again.
start_scheduler --retain-finished 1s
docs 100 warm >"$WORK/warm.yaml"
"$BIN" -q sandbox submit -f "$WORK/warm.yaml" >/dev/null
wait_for '.total_runs == 0' "the warm-up runs to expire"
stop_scheduler
sleep 2
BASE="$(used)"

docs "$N" run >"$WORK/runs.yaml"
"$BIN" -q sandbox submit -f "$WORK/runs.yaml" >/dev/null
QUEUED="$(used)"

start_scheduler --retain-finished 7d
wait_for ".states.succeeded == $N" "the runs to finish"
stop_scheduler
sleep 1
FINISHED="$(used)"
STREAM="$(redis-cli -p "$PORT" --raw memory usage 'tartarus:{default}:events' samples 0 || echo 0)"
SAMPLE_ID="$(redis-cli -p "$PORT" --raw zrange 'tartarus:{default}:runs' 0 0)"
# The run's history is in its hash (schema 4); a history list exists only for runs of schema 3.
RUN_HASH="$(redis-cli -p "$PORT" --raw memory usage "tartarus:{default}:run:$SAMPLE_ID")"

T_QUEUED=$(( (QUEUED - BASE) / N ))
T_FINISHED=$(( (FINISHED - BASE) / N ))
T_STREAM=$(( STREAM / N ))
echo "tartarus: $N runs; queued $T_QUEUED bytes/run; finished $T_FINISHED bytes/run (event stream $T_STREAM of it; one run hash with its history $RUN_HASH bytes)"

if [ -f "${PEERS_NODE:-/tmp/peers-node}/node_modules/bullmq/package.json" ]; then
  redis-cli -p "$PORT" flushall >/dev/null
  B="$(node "$ROOT/scripts/memory-per-run/bullmq.mjs" --port "$PORT" -n "$N")"
  B_QUEUED="$(jq -r .queued_bytes_per_run <<<"$B")"
  B_FINISHED="$(jq -r .finished_bytes_per_run <<<"$B")"
  echo "bullmq $(jq -r .version <<<"$B"): $N jobs; queued $B_QUEUED bytes/job; completed $B_FINISHED bytes/job (defaults: completed jobs kept, events stream capped at 10,000)"
  python3 -c "print(f'ratio tartarus/bullmq: queued {$T_QUEUED/$B_QUEUED:.2f}x, finished {$T_FINISHED/$B_FINISHED:.2f}x')"
else
  echo "bullmq: not installed (run /work/shared/bench-peers/setup.sh)"
fi
