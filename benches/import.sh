#!/usr/bin/env bash
# Imports a generated roster (default 10,000 rows, benches/roster.py) three ways and prints
# the wall time and peak memory of each:
#   1. `siap-jepang import trainees` on a fresh SQLite database;
#   2. the same on a fresh PostgreSQL database (TEST_POSTGRES_URL, skipped if unreachable);
#   3. the web path on SQLite: upload, review (every row checked), confirm (written).
# Usage: make build && benches/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-10000}"
TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}"
BIN="$TARGET_DIR/release/siap-jepang"
[ -x "$BIN" ] || { echo "$BIN missing; run 'make build' first" >&2; exit 1; }
PG="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
WORK=$(mktemp -d)
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  psql "$PG" -qc "DROP DATABASE IF EXISTS siap_bench_import" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export RUST_LOG=warn

python3 benches/roster.py "$ROWS" > "$WORK/roster.csv"
echo "roster: $ROWS rows, $(stat -c %s "$WORK/roster.csv") bytes"

timed() { # label, command…: prints wall seconds and peak RSS of the command
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  read -r secs kib < "$WORK/time"
  printf '%-44s %6.2f s  %7.1f MiB  %s\n' "$label" "$secs" "$(echo "$kib / 1024" | bc -l)" "$(tail -n 1 "$WORK/out")"
}

export DATABASE_URL="sqlite://$WORK/cli.db?mode=rwc"
"$BIN" migrate up > /dev/null
timed "CLI import, SQLite" "$BIN" import trainees "$WORK/roster.csv" --site BBPLK-SRG

if psql "$PG" -qc "DROP DATABASE IF EXISTS siap_bench_import" >/dev/null 2>&1 \
  && psql "$PG" -qc "CREATE DATABASE siap_bench_import" >/dev/null 2>&1; then
  export DATABASE_URL="${PG%/*}/siap_bench_import"
  "$BIN" migrate up > /dev/null
  timed "CLI import, PostgreSQL" "$BIN" import trainees "$WORK/roster.csv" --site BBPLK-SRG
else
  echo "PostgreSQL at $PG unreachable: skipped"
fi

# The web path: a coordinator signs in, uploads, reviews and confirms.
export DATABASE_URL="sqlite://$WORK/web.db?mode=rwc"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
"$BIN" migrate up > /dev/null
echo "kereta malam ke nagoya" | "$BIN" user create --role coordinator --login bench@uji.id --site BBPLK-SRG > /dev/null
"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
BASE="http://$LEPTOS_SITE_ADDR"
for _ in $(seq 1 100); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
JAR="$WORK/jar"
curl -fsS -c "$JAR" -H "Origin: $BASE" -H 'Accept: application/json' \
  --data-urlencode login=bench@uji.id --data-urlencode 'password=kereta malam ke nagoya' \
  "$BASE/api/accounts/sign-in" > /dev/null
SITE=$(curl -fsS -b "$JAR" -H 'Accept: application/json' "$BASE/api/trainees/import-form" | jq -r '.sites[0].id')
web() { # label, curl arguments…: wall time of one request
  local label="$1"; shift
  local secs
  secs=$(curl -sS -o "$WORK/body" -w '%{time_total}' -b "$JAR" -H "Origin: $BASE" "$@")
  printf '%-44s %6.2f s\n' "$label" "$secs"
}
web "web: upload (stored for review)" -H 'Accept: text/html' -F "site_id=$SITE" -F "cohort_id=" \
  -F "file=@$WORK/roster.csv;type=text/csv" -D "$WORK/headers" "$BASE/peserta/unggah"
ID=$(sed -n 's/^[Ll]ocation: \/peserta\/impor\/\([0-9]*\).*/\1/p' "$WORK/headers")
[ -n "$ID" ] || { echo "upload refused:"; cat "$WORK/headers"; exit 1; }
web "web: review (every row checked)" -H 'Accept: application/json' "$BASE/api/trainees/import-review?import_id=$ID"
echo "  $(jq -c '{rows, accepted, refused: (.refused | length)}' "$WORK/body")"
web "web: confirm (written in one transaction)" -H 'Accept: application/json' \
  --data "import_id=$ID" "$BASE/api/trainees/import-confirm"
echo "  imported: $(cat "$WORK/body")"
PEAK=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
printf 'server peak RSS after the web import: %.1f MiB\n' "$(echo "$PEAK / 1024" | bc -l)"
