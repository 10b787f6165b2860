#!/usr/bin/env bash
# The cost table (issue 19): p50/p99 of each path at 100, 1,000, 10,000 and
# 100,000 sessions on SQLite and (when one answers) PostgreSQL; see
# bench/scale.py for what is seeded and how it is timed.
#
#   bench/scale.sh
#   BENCH_SIZES=100,1000 BENCH_BACKENDS=sqlite BENCH_REPEAT=20 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 bench/scale.py
