#!/usr/bin/env bash
# Throughput of the release build on this machine: the landing page (server-rendered,
# compressed as a browser asks) and the sign-in page, with wrk (Debian package) on the same host.
# Usage: benches/load.sh [seconds] [connections]. Figures go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "install wrk first: apt-get install -y wrk" >&2; exit 1; }
source scripts/test-server.sh

SECONDS_PER_RUN="${1:-10}"
CONNECTIONS="${2:-32}"
for path in / /masuk /healthz; do
  echo "== GET $path (Accept-Encoding as Chromium sends it, $CONNECTIONS connections, ${SECONDS_PER_RUN}s)"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H 'Accept-Encoding: gzip, deflate, br, zstd' "$BASE_URL$path" \
    | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
done
