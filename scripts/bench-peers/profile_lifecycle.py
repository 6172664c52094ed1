#!/usr/bin/env python3
"""Where Redis's CPU goes in tartarus's whole-lifecycle bench, by script and by command.

Starts a throwaway redis-server (a free port, a temporary folder, AOF `everysec` like the peer
harness), logs every top-level command in its SLOWLOG (threshold 0: only this throwaway server),
runs `tartarus bench --lifecycle-runs N` alone, then prints per run:
  - each script (by the SHA its EVALSHA names, labelled by the keys it declares): calls, µs,
    µs per call, arguments per call;
  - each command run inside scripts or directly (INFO commandstats delta): calls, µs;
  - network bytes in/out, stream entries and run-history entries written, keys left per run.

  python3 scripts/bench-peers/profile_lifecycle.py --bin target/release/tartarus -n 20000 --batch 1000
"""
import argparse, collections, json, os, shutil, socket, subprocess, sys, tempfile, time


class Resp:
    """A minimal RESP2 client (no dependency)."""

    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.f = self.s.makefile("rb")

    def call(self, *args):
        out = [b"*%d\r\n" % len(args)]
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.s.sendall(b"".join(out))
        return self.read()

    def read(self):
        line = self.f.readline()[:-2]
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.f.read(n + 2)[:-2]
            return data.decode(errors="replace")
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        raise RuntimeError(f"bad reply {line!r}")


def info(r, section):
    out = {}
    for line in r.call("INFO", section).splitlines():
        if ":" in line and not line.startswith("#"):
            k, v = line.split(":", 1)
            out[k] = v
    return out


def commandstats(r):
    out = {}
    for k, v in info(r, "commandstats").items():
        f = dict(p.split("=") for p in v.split(","))
        out[k.removeprefix("cmdstat_")] = (int(f["calls"]), int(f["usec"]))
    return out


def label(args):
    """A script's name from what it declares: the first per-run key after the shared ones."""
    text = " ".join(args[:40])
    for needle, name in [("paused", "claim_runs"), (":heartbeat", "heartbeat")]:
        if needle in text:
            return name
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/tartarus")
    ap.add_argument("-n", type=int, default=20000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--appendonly", default="yes", help="the server's AOF (yes, like the peer harness, or no)")
    a = ap.parse_args()
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    d = tempfile.mkdtemp(prefix="tartarus-profile-")
    srv = subprocess.Popen(["redis-server", "--port", str(port), "--dir", d, "--save", "",
                            "--appendonly", a.appendonly, "--appendfsync", "everysec"],
                           stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                r = Resp(port)
                r.call("PING")
                break
            except OSError:
                time.sleep(0.05)
        r.call("CONFIG", "SET", "slowlog-log-slower-than", "0")
        r.call("CONFIG", "SET", "slowlog-max-len", str(a.n * 20))
        r.call("SLOWLOG", "RESET")
        s0, n0 = commandstats(r), info(r, "stats")
        c0 = info(r, "cpu")
        env = dict(os.environ, REDIS_ADDR=f"127.0.0.1:{port}")
        p = subprocess.run([a.bin, "bench", "--no-raw", "-o", "json", "--runs", "0", "--e2e-runs",
                            "0", "--latency-secs", "0", "--lifecycle-runs", str(a.n),
                            "--e2e-batch", str(a.batch)], env=env, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(p.stderr)
        out = json.loads(p.stdout)
        fig = next(f for f in out["figures"] if f["name"].startswith("lifecycle"))
        s1, n1, c1 = commandstats(r), info(r, "stats"), info(r, "cpu")
        log = r.call("SLOWLOG", "GET", "-1")
        n = a.n
        cpu = lambda c: float(c["used_cpu_sys"]) + float(c["used_cpu_user"])
        print(f"lifecycle: {n} runs, {fig['per_second']:.0f}/s; Redis CPU "
              f"{(cpu(c1) - cpu(c0)) * 1e6 / n:.1f} µs/run (INFO cpu; the SLOWLOG itself adds some)")
        print(f"bench's own figure: {fig['redis']['cpu_us_per_run']:.1f} µs/run, "
              f"{fig['redis']['commands_per_run']:.2f} commands/run")
        inb = int(n1["total_net_input_bytes"]) - int(n0["total_net_input_bytes"])
        outb = int(n1["total_net_output_bytes"]) - int(n0["total_net_output_bytes"])
        print(f"network per run: {inb / n:.0f} bytes in, {outb / n:.0f} bytes out")
        # Top-level calls, scripts by SHA.
        agg = collections.defaultdict(lambda: [0, 0, 0, None])
        for entry in log:
            args = entry[3]
            cmd = args[0].lower()
            key = cmd
            if cmd == "evalsha":
                key = "evalsha " + args[1][:8]
            e = agg[key]
            e[0] += 1
            e[1] += entry[2]
            more = next((x for x in args if x.startswith("... (") and "more arguments" in x), None)
            e[2] += len(args) + (int(more.split("(")[1].split()[0]) - 1 if more else 0)
            if e[3] is None and cmd == "evalsha":
                e[3] = label(args)
        print("\ntop-level calls (SLOWLOG, µs as Redis timed them):")
        print("| call | calls/run | µs/run | µs/call | args/call |")
        print("|---|---:|---:|---:|---:|")
        for k, (calls, us, nargs, lab) in sorted(agg.items(), key=lambda kv: -kv[1][1]):
            name = k + (f" ({lab})" if lab else "")
            print(f"| {name} | {calls / n:.3f} | {us / n:.1f} | {us / calls:.0f} | {nargs / calls:.0f} |")
        print("\ncommands (INFO commandstats; a script's µs includes the commands it ran):")
        print("| command | calls/run | µs/run |")
        print("|---|---:|---:|")
        rows = []
        for k, (calls, us) in s1.items():
            c, u = s0.get(k, (0, 0))
            if calls - c > 0 and k.split("|")[0] not in ("info", "slowlog", "config", "client", "hello"):
                rows.append((k, (calls - c) / n, (us - u) / n))
        for k, c, u in sorted(rows, key=lambda x: -x[2]):
            print(f"| {k} | {c:.3f} | {u:.1f} |")
    finally:
        srv.terminate()
        srv.wait()
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
