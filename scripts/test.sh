#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs redis-server, redis-tools (redis-cli, whose
# `--cluster create` builds the test clusters), bubblewrap, openssl and python3 from Debian's
# packages when missing,
# then runs every test against real redis-server processes. (The Sentinel tests run
# `redis-server FILE --sentinel`, which is what the redis-sentinel package's binary runs: that
# package, whose install also starts a system Sentinel on port 26379, is not needed.)
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || need+=(redis-tools)
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
# The TLS tests make their certificates with the openssl CLI; the hostile-sandbox tests run
# /usr/bin/python3 inside sandboxes.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ -x /usr/bin/python3 ] || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
redis-server --version
# The Cluster tests join their nodes with `redis-cli --cluster create` (redis-tools 5 or later).
# (Captured first: with pipefail, grep -q closing the pipe early would fail the pipeline.)
cluster_help=$(redis-cli --cluster help 2>&1 || true)
if ! grep -q "create" <<<"$cluster_help"; then
  echo "redis-cli does not know --cluster (redis-tools older than 5?): the Cluster tests need it" >&2
  exit 1
fi
# The bubblewrap tests must run, not skip, wherever bwrap can build a sandbox the way agents do:
# an unprivileged user namespace, as the first sandbox uid when running as root.
probe=(bwrap --unshare-all --unshare-user --disable-userns --ro-bind / / true)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
  probe=(setpriv --reuid 100000 --regid 100000 --clear-groups "${probe[@]}")
fi
if "${probe[@]}" >/dev/null 2>&1; then
  export TARTARUS_REQUIRE_BWRAP=1
else
  echo "NOTE: bwrap cannot create namespaces on this machine: the bubblewrap tests will be skipped"
fi
# The Kubernetes examples are checked against the schemas by kubernetes-validate (PyPI) when it
# can be installed; without it that one test says SKIPPED.
if [ -z "${KUBERNETES_VALIDATE:-}" ] && ! command -v kubernetes-validate >/dev/null 2>&1; then
  venv=target/kubernetes-validate
  if [ ! -x "$venv/bin/kubernetes-validate" ] && command -v python3 >/dev/null 2>&1; then
    { python3 -m venv "$venv" && timeout 300 "$venv/bin/pip" install -q kubernetes-validate; } >/dev/null 2>&1 \
      || echo "NOTE: kubernetes-validate could not be installed: the schema test will be skipped"
  fi
  if [ -x "$venv/bin/kubernetes-validate" ]; then
    export KUBERNETES_VALIDATE="$PWD/$venv/bin/kubernetes-validate"
  fi
fi
cargo test --all-targets --locked -- --test-threads="${TEST_THREADS:-4}"
