#!/usr/bin/env bash
# The process itself (issue 19): time from start to the first /healthz 200
# (goal < 100 ms; best and median of 10 starts on an existing database), and
# resident memory after a minute of mixed load: home, session pages, feeds
# and registrations at once (goal < 64 MiB). SQLite, release build.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
seconds=${BENCH_SECONDS:-60}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
BIN=$PWD/target/release/convene WORK=$work SECONDS_OF_LOAD=$seconds python3 - <<'PY'
import json, os, socket, statistics, subprocess, time, urllib.request
bin, work, load = os.environ["BIN"], os.environ["WORK"], int(os.environ["SECONDS_OF_LOAD"])
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port
env = dict(os.environ, CONVENE_DATABASE_URL=f"sqlite://{work}/bench.db", CONVENE_DEMO="false",
           CONVENE_RATE_LIMIT_PER_MINUTE="0", CONVENE_LOG="error", CONVENE_MAIL_DIR=f"{work}/outbox")
token = subprocess.run([bin, "token", "create", "--name", "bench"], env=env, capture_output=True, text=True,
                       check=True).stdout.strip().splitlines()[-1]
def start():
    port = free_port()
    t = time.perf_counter()
    proc = subprocess.Popen([bin, "serve"], env=dict(env, CONVENE_BIND=f"127.0.0.1:{port}"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                if r.status == 200:
                    return proc, port, (time.perf_counter() - t) * 1000
        except OSError:
            time.sleep(0.001)
        if time.perf_counter() - t > 10:
            raise SystemExit("no /healthz within 10 s")
proc, port, _ = start()  # creates and migrates the database
base = f"http://127.0.0.1:{port}"
def api(path, body):
    req = urllib.request.Request(base + path, json.dumps(body).encode(), {
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)
ids = [api("/api/v1/sessions", {"title": f"Session {i}", "time_zone": "Asia/Manila", "status": "published",
                                "starts_at": f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00",
                                "ends_at": f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}T10:30",
                                "capacity": 100000, "regions": []})["id"] for i in range(300)]
proc.terminate(); proc.wait()
times = []
for _ in range(10):
    proc, port, ms = start()
    times.append(ms)
    proc.terminate(); proc.wait()
print(f"start to first /healthz 200: best {min(times):.0f} ms, median {statistics.median(times):.0f} ms "
      f"(goal < 100 ms: ratio {statistics.median(times) / 100:.2f}; 300 sessions, SQLite)")
proc, port, _ = start()
base = f"http://127.0.0.1:{port}"
def rss():
    for line in open(f"/proc/{proc.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
lua = os.path.join(os.getcwd(), "bench/register.lua")
jobs = [["wrk", "-t1", "-c8", f"-d{load}s", base + "/"],
        ["wrk", "-t1", "-c8", f"-d{load}s", f"{base}/sessions/{ids[0]}"],
        ["wrk", "-t1", "-c4", f"-d{load}s", base + "/feeds/all.ics"],
        ["wrk", "-t1", "-c4", f"-d{load}s", "-s", lua, base, "--", *[f"/api/v1/sessions/{i}/registrations" for i in ids[:10]]]]
running = [subprocess.Popen(j, stdout=subprocess.PIPE, text=True) for j in jobs]
peak = before
for _ in range(load):
    time.sleep(1)
    peak = max(peak, rss())
outs = [p.communicate()[0] for p in running]
after = rss()
reqs = sum(float(line.split()[1]) for o in outs for line in o.splitlines() if line.startswith("Requests/sec"))
proc.terminate(); proc.wait()
print(f"RSS after {load} s of mixed load ({reqs:.0f} req/s: home, session page, feed, registrations): {after:.1f} MiB "
      f"(peak {peak:.1f}, idle before {before:.1f}; goal < 64 MiB: ratio {after / 64:.2f})")
PY
