#!/usr/bin/env bash
# Series reads on a long history, in one command: packages regtrack, starts it on an empty embedded
# database in a scratch home, seeds RUNS runs (bench/seed-series.sql), reads each call once to seal
# its blocks, then times the calls with hyperfine (bench/series.sh).
#
#   bench/series-long.sh [RUNS]        # default 100000
#
# Needs curl, psql (postgresql-client) and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100000}
port=${PORT:-18080}
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$home"' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
java -Duser.home="$home" -Dquarkus.http.port="$port" -jar target/quarkus-app/quarkus-run.jar >"$home/service.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/q/health/ready" >/dev/null; do sleep 0.2; done

db_port=$(sed -n 4p "$home/.regtrack/postgres/postmaster.pid")
PGPASSWORD=$(cat "$home/.regtrack/postgres/regtrack.password") \
  psql -q -h 127.0.0.1 -p "$db_port" -U postgres regtrack -v runs="$runs" -f bench/seed-series.sql

url="http://localhost:$port/api/v1/projects/bench-history"
build="profile=release&target=x86_64-unknown-linux-gnu"
for first in "series?kind=size&name=app&$build" "series?kind=runtime&name=startup&$build" "charts"; do
  /usr/bin/time -f "first read (seals the blocks) of $first: %e s" curl -sf "$url/$first" -o /dev/null
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
bench/series.sh "http://localhost:$port"
