#!/usr/bin/env bash
# Retention's cleanup rate (deletes/s): N finished runs (denied by a policy at once, so no
# sandbox runs), then one `scheduler run --retain-finished 1s` (optionally `--archive-dir`), timed
# from its start until no run is left. Its own redis-server on a free port, in a temporary folder.
#
#   scripts/cleanup-rate.sh [N] [--archive]      (N default 100000)
set -euo pipefail

N="${1:-100000}"
ARCHIVE="${2:-}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${TARTARUS_BIN:-$ROOT/target/release/tartarus}"
[ -x "$BIN" ] || { echo "build tartarus first (cargo build --release)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cleanup-rate.XXXXXX")"
SCHED=""
cleanup() {
  [ -n "$SCHED" ] && kill "$SCHED" 2>/dev/null || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  sleep 0.5
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis-server --port "$PORT" --bind 127.0.0.1 --dir "$WORK" --save '' --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
export REDIS_ADDR="127.0.0.1:$PORT" NO_COLOR=1
unset REDIS_PASSWORD HADES_LABEL

cat >"$WORK/deny.yaml" <<'YAML'
apiVersion: themis.tartarus.io/v1
kind: Policy
metadata: {name: cleanup-rate}
spec:
  mode: enforce
  rules:
    - name: deny-all
      when:
        labels: {load: {equals: cleanup}}
      verdict: deny
      message: cleanup-rate load
YAML
"$BIN" -q policy apply -f "$WORK/deny.yaml" >/dev/null
for i in $(seq 1 "$N"); do
  printf -- '---\nmetadata: {name: c-%d, labels: {load: cleanup}}\nspec:\n  image: local\n  command: ["true"]\n' "$i"
done >"$WORK/runs.yaml"
"$BIN" -q sandbox submit -f "$WORK/runs.yaml" --max-documents 1000000 >/dev/null
"$BIN" -q scheduler run --once --retain-finished 1h >/dev/null
KEPT="$("$BIN" -q queue stats -o json | jq .finished_retained)"
[ "$KEPT" = "$N" ] || { echo "expected $N finished runs, found $KEPT" >&2; exit 1; }
sleep 1.1

EXTRA=()
[ "$ARCHIVE" = "--archive" ] && EXTRA=(--archive-dir "$WORK/archive")
START="$(date +%s.%N)"
"$BIN" -q scheduler run --retain-finished 1s "${EXTRA[@]}" >/dev/null 2>&1 &
SCHED=$!
until [ "$("$BIN" -q queue stats -o json | jq .total_runs)" = "0" ]; do sleep 0.1; done
END="$(date +%s.%N)"
python3 -c "s=$END-$START; print(f'cleanup: {$N} finished runs deleted in {s:.1f} s = {$N/s:.0f} deletes/s ${ARCHIVE:+(archived first)}')"
