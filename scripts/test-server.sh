# Sourced by scripts/e2e.sh and benches/page-weight.sh: starts the release build on a free
# port with a fresh SQLite database holding the demo data, and stops it on exit.
# Sets BASE_URL, SIAP_BIN and WORK.

TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}"
SIAP_BIN="$TARGET_DIR/release/siap-jepang"
SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
[ -x "$SIAP_BIN" ] || { echo "$SIAP_BIN missing; run 'make build' first" >&2; exit 1; }
[ -f "$SITE_ROOT/pkg/siap-jepang.wasm" ] || { echo "no WASM under $SITE_ROOT/pkg; run 'make build' first" >&2; exit 1; }

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite://$WORK/test.db?mode=rwc"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT"
export LEPTOS_SITE_ROOT="$SITE_ROOT"
export RUST_LOG="${RUST_LOG:-warn}"

"$SIAP_BIN" seed --demo > "$WORK/seed.log"
"$SIAP_BIN" serve > "$WORK/server.log" 2>&1 &
SERVER=$!
stop_test_server() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap stop_test_server EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://$LEPTOS_SITE_ADDR/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://$LEPTOS_SITE_ADDR/healthz" > /dev/null || { cat "$WORK/server.log" >&2; echo "test server did not start" >&2; exit 1; }

export BASE_URL="http://$LEPTOS_SITE_ADDR"
export SIAP_BIN
