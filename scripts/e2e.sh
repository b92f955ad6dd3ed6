#!/usr/bin/env bash
# Browser tests: starts the release build on a free port with a fresh SQLite database,
# runs Playwright (Debian Chromium; JavaScript off and hydrated), stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}"
BIN="$TARGET_DIR/release/siap-jepang"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
[ -x "$BIN" ] || { echo "e2e: $BIN missing; run 'make build' first" >&2; exit 1; }
[ -f "$SITE_ROOT/pkg/siap-jepang.wasm" ] || [ -f "$SITE_ROOT/pkg/siap-jepang_bg.wasm" ] || { echo "e2e: no WASM under $SITE_ROOT/pkg; run 'make build' first" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$WORK/e2e.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT"
export LEPTOS_SITE_ROOT="$SITE_ROOT"
export RUST_LOG="${RUST_LOG:-warn}"

"$BIN" seed --demo > "$WORK/seed.log"
"$BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://$LEPTOS_SITE_ADDR/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://$LEPTOS_SITE_ADDR/healthz" > /dev/null || { cat "$WORK/server.log" >&2; echo "e2e: server did not start" >&2; exit 1; }

export BASE_URL="http://$LEPTOS_SITE_ADDR"
export SIAP_BIN="$BIN"
if ! (cd end2end && ../node_modules/.bin/playwright test "$@"); then
  echo "--- server log ---" >&2
  tail -n 50 "$WORK/server.log" >&2
  exit 1
fi
