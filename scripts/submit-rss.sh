#!/usr/bin/env bash
# Peak RSS of `tartarus sandbox submit -f FILE` for files of 10,000, 100,000 and 1,000,000
# documents (GNU time's "Maximum resident set size" of the process), against its own
# redis-server on a free port, in a temporary folder.
#
#   scripts/submit-rss.sh [COUNTS...]        (default: 10000 100000 1000000)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${TARTARUS_BIN:-$ROOT/target/release/tartarus}"
[ -x "$BIN" ] || { echo "build tartarus first (cargo build --release)" >&2; exit 1; }
COUNTS=("$@")
[ "${#COUNTS[@]}" -gt 0 ] || COUNTS=(10000 100000 1000000)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/submit-rss.XXXXXX")"
cleanup() {
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

for n in "${COUNTS[@]}"; do
  redis-cli -p "$PORT" flushall >/dev/null
  python3 - "$n" >"$WORK/docs.yaml" <<'PY'
import sys
out = sys.stdout
for i in range(int(sys.argv[1])):
    out.write(f"---\nmetadata: {{name: job-{i}, labels: {{suite: rss}}}}\nspec:\n  image: alpine:3.20\n"
              f"  command: [\"sh\", \"-c\", \"echo {i}\"]\n  resources: {{cpu: 100m, memory: 64Mi}}\n  timeout: 30s\n")
PY
  SIZE="$(du -m "$WORK/docs.yaml" | cut -f1)"
  /usr/bin/time -f "%M %e" -o "$WORK/time" "$BIN" -q sandbox submit -o json \
    --max-file-size 1Gi --max-documents 1000000 -f "$WORK/docs.yaml" >/dev/null
  read -r KIB SECS <"$WORK/time"
  DEPTH="$("$BIN" -q queue stats -o json | jq .depth)"
  echo "submit -f: $n documents ($SIZE MB): peak RSS $((KIB / 1024)) MiB, $SECS s, $DEPTH runs queued"
done
