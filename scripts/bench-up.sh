#!/usr/bin/env bash
# `up` against raw process spawning, in one run: N no-op sandboxes (`true`) on one node of S
# slots through `tartarus --in-memory up`, against `seq N | xargs -P S -n1 true`, interleaved for
# R rounds. Prints each round's rates and ratio, then the medians.
#
#   cargo build --release && scripts/bench-up.sh [N=3000] [S=64] [R=3]
#
# TARTARUS (default target/release/tartarus) picks the binary; RUNTIME (default process) the
# sandbox runtime (`process` or `bwrap`). Run it as root to measure what production does: every
# sandbox then drops to its slot's uid and gets the seccomp filter.
set -euo pipefail

n=${1:-3000}
slots=${2:-64}
rounds=${3:-3}
bin=${TARTARUS:-target/release/tartarus}
runtime=${RUNTIME:-process}
[ -x "$bin" ] || { echo "no $bin: cargo build --release first" >&2; exit 2; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "- {name: bench-1, cpu: $slots, memory: 1024Gi, slots: $slots}" > "$dir/nodes.yaml"
for _ in $(seq "$n"); do printf -- '---\nspec: {image: x, command: ["true"]}\n'; done > "$dir/runs.yaml"

now() { date +%s.%N; }
rate() { awk -v n="$n" -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", n / (b - a) }'; }

xs=() ups=() ratios=()
for r in $(seq "$rounds"); do
    t0=$(now)
    seq "$n" | xargs -P "$slots" -n1 true
    t1=$(now)
    "$bin" -q --in-memory up --runtime "$runtime" --nodes "$dir/nodes.yaml" \
        --submit "$dir/runs.yaml" --until-idle -o json > "$dir/out.json"
    t2=$(now)
    ok=$(grep -o '"state": *"succeeded"' "$dir/out.json" | wc -l)
    [ "$ok" -eq "$n" ] || { echo "round $r: only $ok of $n runs succeeded" >&2; exit 1; }
    x=$(rate "$t0" "$t1")
    u=$(rate "$t1" "$t2")
    ratio=$(awk -v u="$u" -v x="$x" 'BEGIN { printf "%.2f", u / x }')
    echo "round $r: xargs -P $slots: $x/s · up ($runtime, $slots slots): $u/s · ratio $ratio"
    xs+=("$x") ups+=("$u") ratios+=("$ratio")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of $rounds: xargs $(median "${xs[@]}")/s · up $(median "${ups[@]}")/s · ratio $(median "${ratios[@]}") (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
