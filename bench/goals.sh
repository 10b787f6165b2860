#!/usr/bin/env bash
# Every figure of issue 19's first table, measured in one run: pages,
# feeds, registrations (SQLite and PostgreSQL), start-up and memory. Each
# line gives the figure and its ratio to the goal. Takes about 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
date -u "+%Y-%m-%d %H:%M UTC on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
bench/pages.sh
bench/feeds.sh
bench/registrations.sh
bench/service.sh
