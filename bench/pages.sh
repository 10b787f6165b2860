#!/usr/bin/env bash
# Pages: requests/s of a session page open to every partner country
# (/sessions/{id}: its times in every eligible zone) and of the home page
# (20 sessions a page), each as a ratio to /healthz on the same server in
# the same run, which measures the floor of actix and the machine (goal in
# issue 19: >= 0.3). SQLite, release build, wrk at 32 connections, 300
# published sessions.
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

first=$(python3 - "$base" "$token" <<'PY'
import json, sys, urllib.request, datetime
base, token = sys.argv[1], sys.argv[2]
start = datetime.date.today() + datetime.timedelta(days=30)
first = None
for i in range(300):
    day = start + datetime.timedelta(days=i % 330)
    body = {"title": f"Session {i}", "time_zone": "Europe/Brussels", "status": "published",
            "starts_at": f"{day}T09:00", "ends_at": f"{day}T10:30", "regions": [], "capacity": 100}
    req = urllib.request.Request(base + "/api/v1/sessions", data=json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        s = json.load(r)
        first = first or s["id"]
print(first)
PY
)

rate() { wrk -t2 -c32 -d"${seconds}s" "$base$1" | awk '/^Requests\/sec/ {print $2}'; }
floor=$(rate /healthz)
session=$(rate "/sessions/$first")
home=$(rate /)
ratio() { python3 -c "print(f'{float($1) / float($2):.3f}')"; }
echo "healthz          ${floor} req/s"
echo "session page     ${session} req/s  ratio $(ratio "$session" "$floor")  (goal >= 0.3)"
echo "home page        ${home} req/s  ratio $(ratio "$home" "$floor")  (goal >= 0.3)"
