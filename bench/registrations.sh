#!/usr/bin/env bash
# Registrations per second through the public API, on SQLite and (when one
# answers) PostgreSQL, with wrk at 16 connections; then checks that the
# session was not overbooked. Goal on a 2-core machine: >= 1,000/s on SQLite
# with p99 < 50 ms, and zero overbooking.
#
#   bench/registrations.sh                # both backends
#   BENCH_SECONDS=30 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres bench/registrations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
seconds=${BENCH_SECONDS:-15}
capacity=${BENCH_CAPACITY:-500}
pg_url=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
bin=target/release/convene
work=$(mktemp -d)
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

run() {
  local backend=$1 url=$2
  export CONVENE_DATABASE_URL=$url CONVENE_BIND=127.0.0.1:0 CONVENE_DEMO=false \
    CONVENE_RATE_LIMIT_PER_MINUTE=0 CONVENE_LOG=warn CONVENE_MAIL_DIR="$work/outbox"
  local token
  token=$($bin token create --name bench | tail -n 1)
  $bin serve > "$work/serve.out" 2> "$work/serve.err" &
  server_pid=$!
  local base=""
  for _ in $(seq 1 100); do
    base=$(sed -n 's/^Convene is running at \(.*\)\/$/\1/p' "$work/serve.out")
    [ -n "$base" ] && break
    sleep 0.1
  done
  [ -n "$base" ] || { echo "server did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
  local session
  session=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Bench\",\"time_zone\":\"Asia/Jakarta\",\"starts_at\":\"2030-01-10T10:00\",\"ends_at\":\"2030-01-10T11:00\",\"capacity\":$capacity,\"waitlist\":true,\"status\":\"published\"}" \
    "$base/api/v1/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  wrk -t2 -c16 -d"${seconds}s" --latency -s bench/register.lua "$base" -- "/api/v1/sessions/$session/registrations" > "$work/wrk.txt"
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt"); non2xx=${non2xx:-0}
  curl -sf -H "Authorization: Bearer $token" "$base/api/v1/sessions/$session/registrations" > "$work/list.json"
  curl -sf -H "Authorization: Bearer $token" "$base/api/v1/sessions/$session" > "$work/session.json"
  python3 - "$backend" "$rps" "$p99" "$non2xx" "$capacity" "$work/list.json" "$work/session.json" <<'PY'
import json, sys
backend, rps, p99, non2xx, capacity, list_path, session_path = sys.argv[1:]
rows = json.load(open(list_path)); session = json.load(open(session_path))
confirmed = sum(1 for r in rows if r["status"] == "confirmed")
waitlisted = sum(1 for r in rows if r["status"] == "waitlisted")
emails = len({r["email"] for r in rows})
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
rps = float(rps); p99_ms = ms(p99)
over = confirmed > int(capacity) or (int(capacity) - confirmed) != session["seats_left"]
print(f"{backend}: {rps:.0f} registrations/s (goal 1000: ratio {rps/1000:.2f}), p99 {p99_ms:.1f} ms (goal < 50: ratio {p99_ms/50:.2f}), "
      f"non-2xx {non2xx}, rows {len(rows)}, unique emails {emails}, confirmed {confirmed}/{capacity}, waitlisted {waitlisted}, "
      f"seats_left {session['seats_left']}, overbooked: {'YES' if over else 'no'}")
sys.exit(1 if over or emails != len(rows) else 0)
PY
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

run sqlite "sqlite://$work/bench.db"
if psql "$pg_url" -Atc 'select 1' >/dev/null 2>&1; then
  db="convene_bench_$$"
  psql "$pg_url" -qc "CREATE DATABASE $db"
  run postgres "${pg_url%/*}/$db"
  psql "$pg_url" -qc "DROP DATABASE $db WITH (FORCE)"
else
  echo "postgres: skipped, nothing answers at $pg_url"
fi
