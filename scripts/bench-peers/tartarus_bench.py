#!/usr/bin/env python3
"""Peer adapter for tartarus in the shared peer-benchmark harness (../shared/bench-peers/run_all.sh):
runs `tartarus bench -o json` against the harness's throwaway Redis and prints one JSON line in
the harness's schema. Keep it in step with `tartarus bench` (figure names, the `redis` cost).

Mapping (tartarus also does admission, routing and placement, which the peers do not):
  enqueue_bulk <- "submit (bulk, pipelined)"          (--runs N, batches of 1,000)
  process      <- scheduling alone (claim, judge against 10 policies, route, assign) of the
                  "end to end: submit + schedule" figure
  e2e          <- "lifecycle: submit → succeeded": the WHOLE lifecycle (submit → admitted →
                  scheduled → running → succeeded, with its events), one scheduler and one
                  in-process agent whose executor completes at once — what BullMQ's e2e is
                  (add + process + complete)
  schedule_e2e <- "end to end: submit + schedule" (extra; the summary does not show it)
Redis CPU, commands and script calls per run are the bench's own per-phase figures (INFO
before/after the phase). The client CPU of e2e comes from a second bench call that runs only the
lifecycle. The latency figure (p99 submit → scheduled at a steady 1,000/s) is in "latency".

  EXTRA_PEERS="tartarus|python3 scripts/bench-peers/tartarus_bench.py --bin target/release/tartarus" \
    ONLY="bullmq tartarus" PEERS_REDIS_PORT=<free port> ../shared/bench-peers/run_all.sh

Two builds in one run: EXTRA_PEERS takes one "name|command" per line; give the second one
`--name tartarus-main` (and add it to ONLY), then `ratios.py DIR --peer tartarus-main`.
"""
import argparse, json, os, subprocess, sys


def bench(binary, port, args, max_s):
    t0 = os.times()
    env = dict(os.environ, REDIS_ADDR=f"127.0.0.1:{port}")
    p = subprocess.run([binary, "bench", "--no-raw", "-o", "json", *args],
                       capture_output=True, text=True, env=env, timeout=max_s)
    t1 = os.times()
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        raise SystemExit(f"tartarus bench exited {p.returncode}")
    client = (t1.children_user + t1.children_system) - (t0.children_user + t0.children_system)
    return json.loads(p.stdout), client


def fig(out, prefix):
    for f in out["figures"]:
        if f["name"].startswith(prefix):
            return f
    raise SystemExit(f"no figure {prefix!r} in {out}")


def phase(f, client_s=None, runs=None):
    jobs, seconds = f["count"], f["elapsed_ms"] / 1000.0
    p = {"jobs": jobs, "seconds": seconds, "jobs_per_s": f["per_second"]}
    r = f.get("redis")
    if r:
        p.update({"redis_calls_per_job": r["commands_per_run"],
                  "script_calls_per_job": r["script_calls_per_run"],
                  "redis_cpu_us_per_job": r["cpu_us_per_run"],
                  "client_cpu_us_per_job": (client_s * 1e6 / runs) if client_s is not None else 0.0,
                  "calls_per_job_by_cmd": {c["command"]: c["per_run"] for c in r["top_commands"]}})
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("-n", type=int, default=20000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--max-seconds", type=int, default=300)
    ap.add_argument("--latency-secs", type=int, default=5)
    ap.add_argument("--bin", default=os.environ.get("TARTARUS_BIN", "target/release/tartarus"))
    # Another name puts two builds side by side in one harness run (e.g. main and a branch).
    ap.add_argument("--name", default="tartarus")
    a = ap.parse_args()
    n, b = a.n, max(a.batch, 1)
    # `--version` prints the commit and build date on further lines: the summary table takes one.
    ver = (subprocess.run([a.bin, "--version"], capture_output=True, text=True).stdout.strip()
           .splitlines() or ["tartarus"])[0]

    out, _ = bench(a.bin, a.port, ["--runs", str(n), "--claim-batch", str(b), "--e2e-runs", str(n),
                                   "--e2e-batch", str(b), "--lifecycle-runs", "0",
                                   "--latency-secs", str(a.latency_secs)], a.max_seconds)
    sub, e2e = fig(out, "submit"), fig(out, "end to end")
    sched_rate = float(e2e["note"].split("scheduling alone ")[1].split("/s")[0])
    phases = {"enqueue_bulk": phase(sub, 0.0, n),
              "process": {"jobs": n, "seconds": n / sched_rate, "jobs_per_s": sched_rate},
              "schedule_e2e": phase(e2e, 0.0, n)}
    latency = None
    if a.latency_secs > 0:
        latency = fig(out, "latency").get("latency")

    out, client = bench(a.bin, a.port, ["--runs", "0", "--e2e-runs", "0", "--lifecycle-runs", str(n),
                                        "--e2e-batch", str(b), "--latency-secs", "0"], a.max_seconds)
    phases["e2e"] = phase(fig(out, "lifecycle"), client, n)
    print(json.dumps({"peer": a.name, "version": ver, "client": "redis-rs (tartarus bench)",
                      "runtime": "rust", "n": n, "n_single": 0, "batch": b,
                      "worker": "one scheduler + one in-process agent (instant executor); "
                                "admission + routing + placement, 10 policies",
                      "ok": True, "phases": phases, "latency_submit_to_scheduled": latency}))


if __name__ == "__main__":
    main()
