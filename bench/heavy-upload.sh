#!/usr/bin/env bash
# Uploads at the documented limit: runs of 5,000 single-value runtimes, judged against a release
# and the series' own history. Prints how long one upload takes alone and three at once.
#
#   bench/heavy-upload.sh URL ADMIN_TOKEN [HISTORY_RUNS]
#
# Needs curl, jq and python3 (to write the bodies).
set -euo pipefail

url=${1:?usage: heavy-upload.sh URL ADMIN_TOKEN [HISTORY_RUNS]}
admin=${2:?usage: heavy-upload.sh URL ADMIN_TOKEN [HISTORY_RUNS]}
history=${3:-10}
api="$url/api/v1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

slug="heavy-$(date +%s)-$$"
curl -sf -X POST "$api/projects" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"slug\":\"$slug\",\"name\":\"$slug\"}" >/dev/null
token=$(curl -sf -X POST "$api/projects/$slug/tokens" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' -d '{"name":"bench","scope":"ingest"}' | jq -r .token)

# body N TAG: run N of the history, 5,000 runtimes of one value each, 1 % noise
body() {
  python3 - "$1" "$2" <<'EOF'
import json, random, sys
n, tag = int(sys.argv[1]), sys.argv[2]
random.seed(n)
upload = {
    "commit": "%040x" % (0xabc000 + n),
    "branch": "main",
    "committedAt": "2026-01-01T00:%02d:%02dZ" % (n // 60, n % 60),
    "measurements": [
        {"kind": "runtime", "name": "bench-%04d" % i, "unit": "seconds", "value": 1.0 + random.random() / 100}
        for i in range(5000)
    ],
}
if tag:
    upload["tag"] = tag
print(json.dumps(upload))
EOF
}

post() { # file → "status seconds"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$api/projects/$slug/runs" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$1"
}

for n in $(seq 1 "$history"); do
  tag=""
  [ "$n" -eq 1 ] && tag="v1.0.0"
  body "$n" "$tag" >"$work/$n.json"
  echo "history run $n: $(post "$work/$n.json")"
done

n=$((history + 1))
body "$n" "" >"$work/alone.json"
echo "one upload alone: $(post "$work/alone.json")"

for i in 1 2 3; do
  body "$((n + i))" "" >"$work/together-$i.json"
done
for i in 1 2 3; do
  post "$work/together-$i.json" >"$work/together-$i.out" &
done
wait
for i in 1 2 3; do
  echo "three at once, upload $i: $(cat "$work/together-$i.out")"
done
