#!/usr/bin/env bash
# Times the dashboard's data calls on a long history with hyperfine.
# 1. Start regtrack (java -jar target/quarkus-app/quarkus-run.jar) on an empty database.
# 2. Seed it:  psql "$DATABASE_URL" -v runs=100000 -f bench/seed-series.sql
# 3. Run:      bench/series.sh http://localhost:8080
set -euo pipefail
url="${1:-http://localhost:8080}/api/v1/projects/bench-history"
build="profile=release&target=x86_64-unknown-linux-gnu"
hyperfine --warmup 3 --runs 20 --export-markdown "${2:-/dev/stdout}" \
  -n 'series, size, named build (blocks)' "curl -sf '$url/series?kind=size&name=app&$build' -o /dev/null" \
  -n 'series, runtime, named build (blocks)' "curl -sf '$url/series?kind=runtime&name=startup&$build' -o /dev/null" \
  -n 'charts page (2 series, blocks)' "curl -sf '$url/charts' -o /dev/null" \
  -n 'series, size, every build (stored points)' "curl -sf '$url/series?kind=size&name=app' -o /dev/null" \
  -n 'series, runtime, 1,000 points' "curl -sf '$url/series?kind=runtime&name=startup' -o /dev/null" \
  -n 'series, size, 5,000 points' "curl -sf '$url/series?kind=size&name=app&maxPoints=5000' -o /dev/null" \
  -n 'series, last 30 days' "curl -sf '$url/series?kind=size&name=app&from=2031-05-01T00:00:00Z' -o /dev/null" \
  -n 'series index' "curl -sf '$url/series/index' -o /dev/null" \
  -n 'branches' "curl -sf '$url/branches' -o /dev/null"
