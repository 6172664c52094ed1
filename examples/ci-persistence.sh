#!/usr/bin/env bash
# CI check that Redis really keeps tartarus's data across a restart. Starts nothing itself: point
# it at the Redis your pipeline runs and tell it how to restart that Redis.
#
#   REDIS_ADDR=127.0.0.1:6379 \
#   RESTART_CMD='docker restart redis' \
#   ./examples/ci-persistence.sh
#
# Other restart commands: 'systemctl restart redis-server', 'docker compose restart redis',
# 'kubectl rollout restart statefulset/redis && kubectl rollout status statefulset/redis'.
# Without RESTART_CMD the check asks Redis for a BGSAVE and checks it instead (weaker: no restart).
#
# Exit code = tartarus's: 0 the canary persisted, 30 it did not, 5 Redis did not come back within
# WAIT, 1 the restart command failed. The JSON report goes to stdout (or REPORT_FILE).
set -euo pipefail

: "${REDIS_ADDR:?set REDIS_ADDR to the Redis under test}"
export REDIS_ADDR
tartarus="${TARTARUS:-tartarus}"
args=(verify persistence --wait "${WAIT:-60s}" -o json)
if [ -n "${RESTART_CMD:-}" ]; then
  args+=(--restart-cmd "$RESTART_CMD")
fi

set +e
if [ -n "${REPORT_FILE:-}" ]; then
  "$tartarus" "${args[@]}" > "$REPORT_FILE"
else
  "$tartarus" "${args[@]}"
fi
code=$?
set -e

if [ "$code" -eq 0 ]; then
  echo "persistence check passed" >&2
else
  echo "persistence check FAILED (exit $code)" >&2
fi
exit "$code"
