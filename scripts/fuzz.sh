#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers that read hostile input (cargo-fuzz, libFuzzer).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Runs each target (all of them by default: sandbox_spec policy resp backup_verify rdb_keys) for
# SECONDS_PER_TARGET (default 600) from its committed seeds in fuzz/corpus/<target>/, with its
# dictionary from fuzz/dict/. Needs a nightly toolchain (rustup toolchain install nightly);
# installs cargo-fuzz when missing. A crash, timeout or OOM stops the target and is saved in
# fuzz/artifacts/<target>/; minimize it with `cargo +nightly fuzz tmin <target> <file>` and turn
# it into a regression test in the normal suite. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(sandbox_spec policy resp backup_verify rdb_keys)
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
status=0
for t in "${targets[@]}"; do
    echo "== fuzzing $t for ${seconds}s"
    mkdir -p "fuzz/corpus/$t"
    dict=()
    if [ -f "fuzz/dict/$t.dict" ]; then
        dict=("-dict=fuzz/dict/$t.dict")
    fi
    if ! cargo +nightly fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -print_final_stats=1 "${dict[@]}"; then
        echo "== $t found a problem: see fuzz/artifacts/$t/" >&2
        status=1
    fi
done
exit $status
