#!/usr/bin/env bash
# Feeds: requests/s of /feeds/all.ics with 300 sessions as a ratio to
# /healthz on the same server in the same run (goal >= 0.5), the same for
# conditional requests answered 304 (goal >= 0.8), and the cold render time
# of a 10,000-session feed (goal < 100 ms). SQLite, release build, wrk at
# 16 connections.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
seconds=${BENCH_SECONDS:-10}
cargo build --release --quiet
bin=$PWD/target/release/convene
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export CONVENE_DATABASE_URL="sqlite://$work/bench.db" CONVENE_BIND=127.0.0.1:0 CONVENE_DEMO=false \
  CONVENE_RATE_LIMIT_PER_MINUTE=0 CONVENE_LOG=error CONVENE_MAIL_DIR="$work/outbox"
token=$($bin token create --name bench | tail -n 1)
$bin serve > "$work/serve.out" 2> "$work/serve.err" &
server=$!
base=""
for _ in $(seq 1 100); do
  base=$(sed -n 's/^Convene is running at \(.*\)\/$/\1/p' "$work/serve.out"); [ -n "$base" ] && break; sleep 0.1
done
[ -n "$base" ] || { echo "server did not start" >&2; exit 1; }

create() { # create N sessions, spread over the coming year
  python3 - "$base" "$token" "$1" <<'PY'
import json, sys, urllib.request, datetime
from concurrent.futures import ThreadPoolExecutor
base, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
zones = ["Asia/Manila", "Europe/Brussels", "Africa/Casablanca", "Asia/Jakarta", "Asia/Tashkent", "Asia/Yangon"]
def make(i):
    day = datetime.date(2027, 1, 1) + datetime.timedelta(days=i % 365)
    body = {"title": f"Session {i}: biosafety, biosecurity; and more", "summary": "A summary of the session.",
            "description": "A longer description that runs over more than one folded line in the calendar output, with punctuation; commas, and so on.",
            "time_zone": zones[i % len(zones)], "starts_at": f"{day}T{9 + i % 8:02d}:00", "ends_at": f"{day}T{10 + i % 8:02d}:30",
            "regions": ["south-east-asia"] if i % 3 else [], "topics": ["biosafety"], "status": "published"}
    req = urllib.request.Request(f"{base}/api/v1/sessions", json.dumps(body).encode(),
                                 {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req) as r:
        return r.status
with ThreadPoolExecutor(8) as pool:
    assert all(s == 201 for s in pool.map(make, range(n)))
PY
}

rps() { # path [header]
  local args=(-t2 -c16 -d"${seconds}s")
  [ $# -gt 1 ] && args+=(-H "$2")
  wrk "${args[@]}" "$base$1" | awk '/^Requests\/sec/ {print $2}'
}
# Calendar clients ask for gzip; the figures are given both ways.

create 300
curl -sf -o /dev/null "$base/feeds/all.ics"
etag=$(curl -sf -D - -o /dev/null "$base/feeds/all.ics" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base/feeds/all.ics")
[ "$code" = 304 ] || { echo "expected 304, got $code" >&2; exit 1; }
events=$(curl -sf "$base/feeds/all.ics" | grep -c '^BEGIN:VEVENT' || true)
health=$(rps /healthz)
feed=$(rps /feeds/all.ics)
notmod=$(rps /feeds/all.ics "If-None-Match: $etag")
gz=$(rps /feeds/all.ics "Accept-Encoding: gzip")
python3 - "$health" "$feed" "$notmod" "$gz" "$events" <<'PY'
import sys
h, f, n, g, events = map(float, sys.argv[1:])
print(f"feeds ({int(events)} events): /healthz {h:.0f}/s; /feeds/all.ics {f:.0f}/s plain (ratio {f/h:.2f}), "
      f"{g:.0f}/s gzip (ratio {g/h:.2f}; goal >= 0.5); 304 {n:.0f}/s (ratio {n/h:.2f}, goal >= 0.8)")
PY

create 9700
# Truly cold: a fresh process, nothing cached. The server renders the
# all-sessions feed in the background at start; its log gives that time.
# Five fresh starts: the median and the best are printed (a start shares
# the machine with the server's own start-up jobs, so single runs vary).
start_server() {
  CONVENE_LOG=info $bin serve > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  base=""
  for _ in $(seq 1 100); do
    base=$(sed -n 's/^Convene is running at \(.*\)\/$/\1/p' "$work/serve.out"); [ -n "$base" ] && break; sleep 0.1
  done
  cold_one=""
  for _ in $(seq 1 300); do
    cold_one=$(sed -n 's/.*feeds warmed.*ms=\([0-9]*\).*/\1/p' "$work/serve.err" | head -n 1); [ -n "$cold_one" ] && break; sleep 0.05
  done
}
colds=()
for _ in 1 2 3 4 5; do
  kill "$server"; wait "$server" 2>/dev/null || true
  start_server
  colds+=("$cold_one")
done
cold=$(printf '%s\n' "${colds[@]}" | sort -n | sed -n 3p)
cold_best=$(printf '%s\n' "${colds[@]}" | sort -n | head -n 1)
first=$(curl -sf -o /dev/null -w '%{time_total}' "$base/feeds/all.ics")
total=$(curl -sf "$base/feeds/all.ics" | grep -c '^BEGIN:VEVENT' || true)
sleep 6 # past the per-event cache's safety margin
best=""
for i in 1 2 3; do
  # A change to one session invalidates the feed: it is rebuilt, reusing
  # the events of the sessions that did not change.
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"summary\": \"changed $i\"}" "$base/api/v1/sessions/$i"
  t=$(curl -sf -o /dev/null -w '%{time_total}' "$base/feeds/all.ics")
  best=$(python3 -c "print(min(float('$t'), float('${best:-1e9}')))")
done
python3 - "$cold" "$first" "$best" "$total" "$cold_best" <<'PY'
import sys
cold, first, best, total = float(sys.argv[1] or "nan"), float(sys.argv[2]) * 1000, float(sys.argv[3]) * 1000, int(sys.argv[4])
cold_best = float(sys.argv[5] or "nan")
print(f"{total}-session feed: cold render (nothing cached, at start; median of 5 starts) {cold:.0f} ms, best {cold_best:.0f} ms (goal < 100 ms: ratio {cold/100:.2f}); "
      f"first request after start {first:.0f} ms; re-render after a change {best:.0f} ms (best of 3; ratio {best/100:.2f})")
PY
