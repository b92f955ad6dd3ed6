#!/usr/bin/env bash
# The floor (the anonymous sign-in page) of one or more release builds, alternated:
# requests per second with wrk (32 connections, one client thread) and the server's own
# CPU time per request, user and system, read from /proc/<pid>/stat before and after
# (no profiler attached, so nothing slows the server down), and its peak RSS. CPU per request is the
# steadier figure: on a shared machine req/s moves with the neighbours, CPU time much less.
#
#   benches/floor.sh [--rounds N] [--gzip] BINARY... (default: the `make build` binary)
#
# Needs wrk (`apt-get install wrk`) and a database to serve: $DATABASE_URL, or a site-scale
# SQLite file made on first use under /tmp/siap-floor/.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=3
HEADERS=()
BINS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --gzip) HEADERS=(-H "Accept-Encoding: gzip, deflate, br, zstd"); shift ;;
    *) BINS+=("$1"); shift ;;
  esac
done
[ ${#BINS[@]} -gt 0 ] || BINS=("${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}/release/siap-jepang")
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

PORT=${PORT:-3900}
if [ -z "${DATABASE_URL:-}" ]; then
  mkdir -p /tmp/siap-floor
  export DATABASE_URL="sqlite:///tmp/siap-floor/site.db?mode=rwc"
  [ -f /tmp/siap-floor/site.db ] || "${BINS[0]}" seed --scale site >/dev/null
fi

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }
echo "| round | build | req/s | user µs/req | system µs/req | peak RSS (kB) |"
echo "|---|---|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for bin in "${BINS[@]}"; do
    LEPTOS_SITE_ADDR=127.0.0.1:$PORT "$bin" serve >/tmp/siap-floor-server.log 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/masuk" && break; sleep 0.1; done
    wrk -t1 -c32 -d1s "${HEADERS[@]}" "http://127.0.0.1:$PORT/masuk" >/dev/null
    read -r u0 s0 < <(ticks "$pid")
    out=$(wrk -t1 -c32 -d5s "${HEADERS[@]}" "http://127.0.0.1:$PORT/masuk")
    read -r u1 s1 < <(ticks "$pid")
    n=$(awk '/requests in/{print $1}' <<<"$out")
    rps=$(awk '/Requests\/sec/{printf "%d", $2}' <<<"$out")
    hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
    echo "| $round | $bin | $rps | $(( (u1 - u0) * 1000000 / hz / n )) | $(( (s1 - s0) * 1000000 / hz / n )) | $hwm |"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
