#!/usr/bin/env bash
# The partner API against the framework's floor, in one run (machines are noisy): the
# anonymous sign-in page (the floor), a cohort's readiness read with a key (27 trainees,
# verdicts and blockers), and a JFT-Basic result written with a key (one transaction:
# the result and its audit entry, the key's request counted). Release build, demo data on
# SQLite, wrk on the same host (2 threads, 32 connections). Figures go to BENCHMARKS.md.
#
#   benches/api.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "install wrk first: apt-get install -y wrk" >&2; exit 1; }
# The limit would turn a benchmark into a test of 429s.
export API_REQUESTS_PER_MINUTE=100000000
source scripts/test-server.sh

SECONDS_PER_RUN="${1:-10}"
reader=$("$SIAP_BIN" api-key create --name "Bench baca" --scope readiness:read --site BBPLK-SRG 2>/dev/null)
writer=$("$SIAP_BIN" api-key create --name "Bench tulis" --scope results:write --site BBPLK-SRG 2>/dev/null)
cohort=$(curl -fsS -H "Authorization: Bearer $("$SIAP_BIN" api-key create --name "Bench cari" --scope cohorts:read 2>/dev/null)" \
  "$BASE_URL/api/v1/cohorts?status=running&limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
trainee=$(curl -fsS -H "Authorization: Bearer $reader" "$BASE_URL/api/v1/cohorts/$cohort/readiness" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["trainee_id"])')

cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"kind": "jft_basic", "score": 205, "taken_on": "2026-11-20", "certificate_no": "JFT-BENCH"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $writer"
LUA

run() {
  echo "== $1"
  shift
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@" | grep -E 'Requests/sec|50%|99%|Non-2xx'
}
for round in 1 2; do
  echo "-- round $round"
  run "floor: GET /masuk" "$BASE_URL/masuk"
  run "GET /api/v1/cohorts/$cohort/readiness" -H "Authorization: Bearer $reader" "$BASE_URL/api/v1/cohorts/$cohort/readiness"
  run "POST /api/v1/trainees/$trainee/results" -s "$WORK/post.lua" "$BASE_URL/api/v1/trainees/$trainee/results"
done
