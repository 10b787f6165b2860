#!/usr/bin/env bash
# Registrations per second through the public API, on SQLite (16
# connections, one session) and, when one answers, PostgreSQL (32
# connections over 10 sessions, then 16 on one session); then checks that
# no session was overbooked and every registrant is there once. Goals
# (issue 19) on a 2-core machine: SQLite >= 2,000/s with p99 < 50 ms;
# PostgreSQL >= 1,000/s over 10 sessions and >= 500/s on one.
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
  local backend=$1 url=$2 sessions=$3 connections=$4 goal=$5
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
  local ids=() paths=()
  for _ in $(seq 1 "$sessions"); do
    ids+=("$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Bench\",\"time_zone\":\"Asia/Jakarta\",\"starts_at\":\"2030-01-10T10:00\",\"ends_at\":\"2030-01-10T11:00\",\"capacity\":$capacity,\"waitlist\":true,\"status\":\"published\"}" \
      "$base/api/v1/sessions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
    paths+=("/api/v1/sessions/${ids[-1]}/registrations")
  done
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/register.lua "$base" -- "${paths[@]}" > "$work/wrk.txt"
  # Email is part of a registration: how much of it went out during the
  # run (delivery shares the machine and, on SQLite, the writer).
  local metrics sent queued
  metrics=$(curl -sf "$base/metrics")
  sent=$(awk '$1=="convene_outbox_sent" {print $2}' <<< "$metrics")
  queued=$(awk '$1=="convene_outbox_queued" {print $2}' <<< "$metrics")
  local rps p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt"); non2xx=${non2xx:-0}
  local checks=()
  for id in "${ids[@]}"; do
    curl -sf -H "Authorization: Bearer $token" "$base/api/v1/sessions/$id/registrations" > "$work/list-$id.json"
    curl -sf -H "Authorization: Bearer $token" "$base/api/v1/sessions/$id" > "$work/session-$id.json"
    checks+=("$work/list-$id.json" "$work/session-$id.json")
  done
  python3 - "$backend" "$rps" "$p99" "$non2xx" "$capacity" "$connections" "$goal" "${sent:-?}" "${queued:-?}" "${checks[@]}" <<'PY'
import json, sys
backend, rps, p99, non2xx, capacity, connections, goal, sent, queued = sys.argv[1:10]
files = sys.argv[10:]
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
rps = float(rps); p99_ms = ms(p99); goal = float(goal)
rows = confirmed = waitlisted = 0
over = dup = False
for list_path, session_path in zip(files[::2], files[1::2]):
    regs = json.load(open(list_path)); session = json.load(open(session_path))
    c = sum(1 for r in regs if r["status"] == "confirmed")
    over |= c > int(capacity) or (int(capacity) - c) != session["seats_left"]
    dup |= len({r["email"] for r in regs}) != len(regs)
    rows += len(regs); confirmed += c; waitlisted += sum(1 for r in regs if r["status"] == "waitlisted")
n = len(files) // 2
print(f"registrations, {backend}, {connections} connections over {n} session{'s' if n > 1 else ''}: {rps:.0f}/s "
      f"(goal {goal:.0f}: ratio {rps/goal:.2f}), p99 {p99_ms:.1f} ms (goal < 50: ratio {p99_ms/50:.2f}), "
      f"non-2xx {non2xx}, rows {rows}, confirmed {confirmed} of {n} x {capacity}, waitlisted {waitlisted}, "
      f"overbooked: {'YES' if over else 'no'}, duplicates: {'YES' if dup else 'no'}; "
      f"emails sent during the run {sent}, still queued at its end {queued}")
sys.exit(1 if over or dup else 0)
PY
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

run sqlite "sqlite://$work/bench.db" 1 16 2000
if psql "$pg_url" -Atc 'select 1' >/dev/null 2>&1; then
  db="convene_bench_$$"
  psql "$pg_url" -qc "CREATE DATABASE $db"
  run postgres "${pg_url%/*}/$db" 10 32 1000
  psql "$pg_url" -qc "DROP DATABASE $db WITH (FORCE)"
  psql "$pg_url" -qc "CREATE DATABASE $db"
  run postgres "${pg_url%/*}/$db" 1 16 500
  psql "$pg_url" -qc "DROP DATABASE $db WITH (FORCE)"
else
  echo "postgres: skipped, nothing answers at $pg_url"
fi
