#!/usr/bin/env bash
# The partner API against its own document, on SQLite and on PostgreSQL: the served
# /api/v1/openapi.json is valid OpenAPI 3.1, and schemathesis, driven by it (a bounded,
# seeded number of examples per operation, every check), finds no 5xx and no answer that
# disagrees with the document. Runs the release build with the demo data: the reads with a
# key of every read scope and every site; the writes with a key of a site that holds no
# trainee, so every generated result and change of numbers is answered (a 404 for the
# trainee, or the body's refusal) without filling the demo records.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/siap-jepang/target}"
SIAP_BIN="$TARGET_DIR/release/siap-jepang"
VENV="${CONTRACT_VENV:-$HOME/.cache/siap-jepang/contract-venv}"
POSTGRES_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
EXAMPLES="${CONTRACT_EXAMPLES:-25}"
[ -x "$SIAP_BIN" ] || { echo "$SIAP_BIN missing; run 'make build' first" >&2; exit 1; }
[ -x "$VENV/bin/schemathesis" ] || { echo "schemathesis missing; run 'make setup' first" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER=""
PG_DATABASE="siap_contract_$$"
cleanup() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
  psql "$POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $PG_DATABASE" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# One database: seed, make a key, serve, validate the document, run schemathesis, stop.
against() {
  local name="$1" url="$2" port reader writer
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # The limit is the app's; here it would only turn generated cases into 429s.
  export DATABASE_URL="$url" LEPTOS_SITE_ADDR="127.0.0.1:$port" RUST_LOG="${RUST_LOG:-warn}" \
    API_REQUESTS_PER_MINUTE=1000000
  "$SIAP_BIN" seed --demo > "$WORK/$name-seed.log"
  reader=$("$SIAP_BIN" api-key create --name "Uji kontrak baca" \
    --scope cohorts:read --scope readiness:read --scope trainees:read --scope pii:read \
    --scope attendance:read 2> "$WORK/$name-key.log")
  writer=$("$SIAP_BIN" api-key create --name "Uji kontrak tulis" \
    --scope results:write --scope registry:write --site POS-CGK 2>> "$WORK/$name-key.log")
  "$SIAP_BIN" serve > "$WORK/$name-server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
  done
  echo "--- $name: the document is valid OpenAPI 3.1"
  "$VENV/bin/python" - "http://127.0.0.1:$port/api/v1/openapi.json" <<'PY'
import json, sys, urllib.request
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV31SpecValidator
document = json.load(urllib.request.urlopen(sys.argv[1]))
assert document["openapi"].startswith("3.1"), document["openapi"]
validate(document, cls=OpenAPIV31SpecValidator)
print(f"valid: OpenAPI {document['openapi']}, {len(document['paths'])} paths")
PY
  for run in "GET $reader" "POST,PATCH $writer"; do
    local methods=() method
    IFS=, read -ra methods <<< "${run%% *}"
    echo "--- $name: schemathesis on ${run%% *}, $EXAMPLES examples per operation, every check"
    if ! "$VENV/bin/schemathesis" run "http://127.0.0.1:$port/api/v1/openapi.json" \
        $(for method in "${methods[@]}"; do printf -- '--include-method %s ' "$method"; done) \
        --header "Authorization: Bearer ${run#* }" \
        --checks all --max-examples "$EXAMPLES" --seed 1 --no-color; then
      echo "--- $name: server log ---" >&2
      tail -n 40 "$WORK/$name-server.log" >&2
      exit 1
    fi
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

against sqlite "sqlite://$WORK/contract.db?mode=rwc"
psql "$POSTGRES_URL" -qc "CREATE DATABASE $PG_DATABASE" > /dev/null
against postgres "${POSTGRES_URL%/*}/$PG_DATABASE"
echo "Contract holds on SQLite and PostgreSQL."
