#!/usr/bin/env bash
# `tartarus bench` on a standalone server and behind Sentinel (a master, two replicas, three
# Sentinels), without and with --min-replicas-ack 1, in one run on the same machine. Every server
# has the same settings (AOF everysec, min-replicas-to-write 1 on the replicated ones).
#   scripts/bench-sentinel.sh [extra bench flags]      (default: --runs 20000 --e2e-runs 10000)
set -euo pipefail
unset REDIS_ADDR REDIS_SENTINEL_ADDRS REDIS_MIN_REPLICAS_ACK
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/tartarus
work=$(mktemp -d "${TMPDIR:-/tmp}/tartarus-bench-sentinel-XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
server() { # name port [extra args…]
  local name=$1 p=$2; shift 2
  mkdir -p "$work/$name"
  redis-server --port "$p" --bind 127.0.0.1 --dir "$work/$name" --save "" --appendonly yes \
    --appendfsync everysec --logfile "$work/$name/log" "$@" &
  pids+=($!)
  until redis-cli -p "$p" ping >/dev/null 2>&1; do sleep 0.1; done
}
solo=$(port); master=$(port); r1=$(port); r2=$(port)
server solo "$solo"
server master "$master" --min-replicas-to-write 1 --min-replicas-max-lag 10
server r1 "$r1" --replicaof 127.0.0.1 "$master"
server r2 "$r2" --replicaof 127.0.0.1 "$master"
sentinels=()
for i in 1 2 3; do
  s=$(port); mkdir -p "$work/s$i"
  printf 'port %s\nbind 127.0.0.1\ndir %s\nsentinel monitor mymaster 127.0.0.1 %s 2\nsentinel down-after-milliseconds mymaster 2000\n' \
    "$s" "$work/s$i" "$master" > "$work/s$i/sentinel.conf"
  redis-server "$work/s$i/sentinel.conf" --sentinel --logfile "$work/s$i/log" &
  pids+=($!)
  sentinels+=("127.0.0.1:$s")
done
addrs=$(IFS=,; echo "${sentinels[*]}")
until [ "$(redis-cli -p "$master" info replication | grep -c 'state=online')" = 2 ]; do sleep 0.2; done
until redis-cli -p "${sentinels[0]##*:}" sentinel ckquorum mymaster 2>/dev/null | grep -q OK; do sleep 0.2; done
flags=("$@")
[ ${#flags[@]} -eq 0 ] && flags=(--runs 20000 --e2e-runs 10000 --latency-secs 0 --no-raw)
run() { # label, then tartarus arguments
  local label=$1; shift
  local before after
  before=$(redis-cli -p "$cpu_port" info cpu | awk -F: '/used_cpu_sys:|used_cpu_user:/ {s+=$2} END {print s}')
  echo "== $label"
  "$@" bench "${flags[@]}" -o json > "$work/out.json"
  after=$(redis-cli -p "$cpu_port" info cpu | awk -F: '/used_cpu_sys:|used_cpu_user:/ {s+=$2} END {print s}')
  python3 - "$work/out.json" "$before" "$after" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for f in r["figures"]:
    print(f"  {f['name']:<45} {f['per_second']:>10.0f}/s  {f['note']}")
print(f"  redis master CPU during the bench: {float(sys.argv[3]) - float(sys.argv[2]):.2f} s")
PY
}
cpu_port=$solo;   run "standalone" "$bin" --redis-addr "127.0.0.1:$solo"
cpu_port=$master; run "sentinel" env REDIS_SENTINEL_ADDRS="$addrs" "$bin"
cpu_port=$master; run "sentinel, --min-replicas-ack 1" env REDIS_SENTINEL_ADDRS="$addrs" "$bin" --min-replicas-ack 1
