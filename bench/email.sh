#!/usr/bin/env bash
# Email delivery: emails per second from a queue of 5,000 to a local SMTP
# sink, and the time from a registration to SMTP acceptance at idle.
# Goals: >= 200 emails/s, < 1 s at idle. SQLite, release build.
#
#   bench/email.sh            # BENCH_QUEUE=5000 by default
set -euo pipefail
cd "$(dirname "$0")/.."
queue=${BENCH_QUEUE:-5000}
cargo build --release --quiet
bin=$PWD/target/release/convene
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export CONVENE_DATABASE_URL="sqlite://$work/bench.db" CONVENE_BIND=127.0.0.1:0 CONVENE_DEMO=false \
  CONVENE_RATE_LIMIT_PER_MINUTE=0 CONVENE_LOG=error CONVENE_SMTP_URL="smtp://127.0.0.1:$port"

start_server() {
  : > "$work/serve.out"
  $bin serve > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  pids+=("$server")
  base=""
  for _ in $(seq 1 100); do
    base=$(sed -n 's/^Convene is running at \(.*\)\/$/\1/p' "$work/serve.out")
    [ -n "$base" ] && return 0
    sleep 0.1
  done
  echo "server did not start" >&2; cat "$work/serve.err" >&2; exit 1
}

token=$($bin token create --name bench | tail -n 1)
start_server
session=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"title":"Email bench","time_zone":"Asia/Jakarta","starts_at":"2030-01-10T10:00","ends_at":"2030-01-10T11:00","status":"published"}' \
  "$base/api/v1/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# Fill the queue while no SMTP server answers.
python3 - "$base" "$session" "$queue" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, session, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def register(i):
    body = json.dumps({"name": f"Mail {i}", "email": f"mail{i}@example.org", "organisation": "Bench", "country": "ID", "consent": True}).encode()
    req = urllib.request.Request(f"{base}/api/v1/sessions/{session}/registrations", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return r.status
with ThreadPoolExecutor(16) as pool:
    codes = list(pool.map(register, range(n)))
assert all(c == 201 for c in codes), "registrations failed"
PY
kill "$server"; wait "$server" 2>/dev/null || true
$bin outbox retry > /dev/null

python3 bench/smtp_sink.py "$port" "$work/sink.log" &
pids+=($!)
sleep 0.5
t0=$(python3 -c 'import time; print(time.time())')
start_server
for _ in $(seq 1 1200); do
  [ "$(wc -l < "$work/sink.log")" -ge "$queue" ] && break
  sleep 0.1
done
python3 - "$work/sink.log" "$queue" "$t0" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1])]
n, t0 = int(sys.argv[2]), float(sys.argv[3])
times = sorted(float(l[0]) for l in lines)
rcpts = [l[1] for l in lines]
assert len(times) >= n, f"only {len(times)} of {n} delivered"
span = times[n - 1] - times[0]
rate = (n - 1) / span if span > 0 else float("inf")
print(f"queue drain: {n} emails in {span:.2f} s = {rate:.0f} emails/s (goal 200: ratio {rate/200:.2f}); "
      f"first after start {times[0]-t0:.2f} s; duplicates {len(rcpts) - len(set(rcpts))}")
PY

# Idle latency: one registration at a time, time to SMTP acceptance.
python3 - "$base" "$session" "$work/sink.log" <<'PY'
import json, sys, time, urllib.request
base, session, log = sys.argv[1], sys.argv[2], sys.argv[3]
lat = []
for i in range(10):
    email = f"idle{i}@example.org"
    body = json.dumps({"name": "Idle", "email": email, "organisation": "Bench", "country": "ID", "consent": True}).encode()
    req = urllib.request.Request(f"{base}/api/v1/sessions/{session}/registrations", body, {"Content-Type": "application/json"})
    t = time.time()
    urllib.request.urlopen(req).read()
    while True:
        hit = [l for l in open(log) if l.split()[1] == email]
        if hit:
            lat.append(float(hit[0].split()[0]) - t)
            break
        if time.time() - t > 10:
            raise SystemExit(f"{email} not delivered within 10 s")
        time.sleep(0.005)
    time.sleep(0.3)
lat.sort()
print(f"idle registration -> SMTP acceptance: median {lat[len(lat)//2]*1000:.0f} ms, max {lat[-1]*1000:.0f} ms (goal < 1000 ms: ratio {lat[-1]:.2f})")
PY
