#!/usr/bin/env bash
# The scale benchmark, one command: seeds a benchmark database (once), starts release
# instances of the app on it, and runs the load driver (benches/load) against them.
# Reports the seed time, cold start to the first served request, the driver's tables
# (throughput, p50/p95/p99, errors, ratios to the bare-axum ceiling) and peak RSS.
#
# Usage: benches/national.sh sqlite|postgres [site|national] [instances] [seconds] [driver options]
#   e.g. make build && benches/national.sh postgres national 2 30
#        benches/national.sh sqlite site 1 180 --workers 200   (the hardening load run)
# The database stays for the next run (target/bench/ or siap_bench_<scale> on PostgreSQL);
# delete it to seed afresh. Exit status 1 if any request failed.
# `cargo bench` rebuilds target/release/siap-jepang without cargo-leptos's settings (its
# islands do not hydrate): run `make build` again before `scripts/e2e.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND="${1:-sqlite}"; SCALE="${2:-site}"; INSTANCES="${3:-1}"; SECONDS_MIXED="${4:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}"
TARGET_DIR="$CARGO_TARGET_DIR"
BIN="$TARGET_DIR/release/siap-jepang"
[ -x "$BIN" ] || { echo "$BIN missing; run 'make build' first" >&2; exit 1; }
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}" RUST_LOG="${RUST_LOG:-warn}"
PG="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
case "$BACKEND" in
  sqlite) export DATABASE_URL="sqlite://$PWD/target/bench/siap-$SCALE.db?mode=rwc" ;;
  postgres)
    DB="siap_bench_$SCALE"
    psql "$PG" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
      || psql "$PG" -qc "CREATE DATABASE $DB"
    export DATABASE_URL="${PG%/*}/$DB" ;;
  *) echo "backend: sqlite or postgres" >&2; exit 2 ;;
esac

MARK="target/bench/$BACKEND-$SCALE.seeded"
mkdir -p target/bench
if [ -f "$MARK" ]; then
  echo "== reusing the $SCALE dataset on $BACKEND (delete $MARK and the database to seed afresh)"
else
  echo "== seed --scale $SCALE on $BACKEND"
  start=$(date +%s.%N)
  "$BIN" seed --scale "$SCALE"
  echo "seeded in $(echo "$(date +%s.%N) - $start" | bc) s (wall, including migrations)"
  touch "$MARK"
fi

PIDS=(); URLS=()
cleanup() { for pid in "${PIDS[@]}" ${SAMPLER:-}; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for n in $(seq 1 "$INSTANCES"); do
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(date +%s%N)
  LEPTOS_SITE_ADDR="127.0.0.1:$port" "$BIN" serve > "target/bench-server-$n.log" 2>&1 &
  PIDS+=($!); URLS+=(--url "http://127.0.0.1:$port")
  until curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "target/bench-server-$n.log" >&2; exit 1; }
    sleep 0.005
  done
  echo "instance $n: cold start to first served request $(( ($(date +%s%N) - t0) / 1000000 )) ms, RSS $(awk '/VmRSS/ {print $2, $3}' /proc/${PIDS[-1]}/status)"
done

# RSS of every instance every 30 s while the driver runs: memory must stay flat.
T0=$(date +%s)
( while sleep 30; do
    line=""; for pid in "${PIDS[@]}"; do line+=" $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status 2>/dev/null)"; done
    echo "RSS after $(( $(date +%s) - T0 )) s:$line"
  done ) &
SAMPLER=$!
status=0
cargo bench --features ssr --bench load -- "${URLS[@]}" --database-url "$DATABASE_URL" \
  --seconds "$SECONDS_MIXED" "${@:5}" || status=$?
kill "$SAMPLER" 2>/dev/null || true
for n in "${!PIDS[@]}"; do
  echo "instance $((n + 1)): peak RSS $(awk '/VmHWM/ {print $2, $3}' /proc/${PIDS[$n]}/status), now $(awk '/VmRSS/ {print $2, $3}' /proc/${PIDS[$n]}/status)"
done
exit "$status"
