#!/usr/bin/env bash
# Runs every issue-10 measurement in one go, from the repository root, and keeps the output under /tmp.
# PostgreSQL: a private server on 55492 (started here, stopped at the end). Usage: bench/run-orleans.sh [log folder]
set -euo pipefail
cd "$(dirname "$0")/.."
log=${1:-/tmp/sv-bench-logs}
mkdir -p "$log"
export SV_PG_PORT=55492 SV_PG_DIR=/tmp/sv-pg-bench
export SV_BENCH_PG=$(scripts/pg-start)
bench() { dotnet run -c Release --no-build --project bench -- "$@"; }

dotnet build SocialValue.sln -c Release -nologo -v q 2>&1 | grep -E ' error |Error\(s\)' || true
{ uptime; bench --filter '*GrainCallBenchmarks*'; uptime; } 2>&1 | tee "$log/calls.txt"
{ uptime; bench load writes --provider Sqlite; uptime; } 2>&1 | tee "$log/writes-sqlite.txt"
{ uptime; bench load writes --provider Postgres; uptime; } 2>&1 | tee "$log/writes-postgres.txt"
{ uptime; bench load grow --provider Sqlite; uptime; } 2>&1 | tee "$log/grow-sqlite.txt"
{ uptime; bench load grow --provider Postgres; uptime; } 2>&1 | tee "$log/grow-postgres.txt"
scripts/pg-stop
