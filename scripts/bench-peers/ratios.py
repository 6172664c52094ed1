#!/usr/bin/env python3
"""The issue-12 ratios of tartarus against BullMQ from ONE run of the peer harness (medians of
its interleaved runs): python3 scripts/bench-peers/ratios.py RESULT_DIR [--peer NAME]  (the harness
prints the directory; NAME is the adapter's --name, "tartarus" unless told)."""
import json, os, statistics, sys


def main():
    d = sys.argv[1]
    name = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--peer" else "tartarus"
    runs = {}
    for line in open(os.path.join(d, "results.jsonl")):
        if line.strip():
            r = json.loads(line)
            if r.get("ok"):
                runs.setdefault(r["peer"], []).append(r)
    t, b = runs.get(name), runs.get("bullmq")
    if not t or not b:
        raise SystemExit(f"need ok runs of both {name} and bullmq in " + d)

    def med(rs, ph, key):
        xs = [r["phases"][ph][key] for r in rs if key in r["phases"].get(ph, {})]
        return statistics.median(xs) if xs else float("nan")

    p99 = [r["latency_submit_to_scheduled"]["p99_ms"] for r in t if r.get("latency_submit_to_scheduled")]
    rows = [
        ("lifecycle Redis CPU µs/run vs BullMQ e2e", med(t, "e2e", "redis_cpu_us_per_job"),
         med(b, "e2e", "redis_cpu_us_per_job"), "≤ 0.5×", lambda r: r <= 0.5),
        ("lifecycle runs/s vs BullMQ e2e jobs/s", med(t, "e2e", "jobs_per_s"),
         med(b, "e2e", "jobs_per_s"), "≥ 2×", lambda r: r >= 2),
        ("bulk submit/s vs BullMQ bulk add/s", med(t, "enqueue_bulk", "jobs_per_s"),
         med(b, "enqueue_bulk", "jobs_per_s"), "≥ 3×", lambda r: r >= 3),
        ("lifecycle Redis commands/run vs BullMQ e2e", med(t, "e2e", "redis_calls_per_job"),
         med(b, "e2e", "redis_calls_per_job"), "", None),
    ]
    print("| figure | tartarus | BullMQ | ratio | target | reached |")
    print("|---|---:|---:|---:|---|---|")
    for name, tv, bv, target, ok in rows:
        ratio = tv / bv if bv else float("nan")
        reached = "" if ok is None else ("yes" if ok(ratio) else "no")
        print(f"| {name} | {tv:,.1f} | {bv:,.1f} | {ratio:.2f}× | {target} | {reached} |")
    if p99:
        m = statistics.median(p99)
        print(f"| p99 submit → scheduled @1,000/s (ms) | {m:g} | | | ≤ 5 ms | {'yes' if m <= 5 else 'no'} |")


if __name__ == "__main__":
    main()
