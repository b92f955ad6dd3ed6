#!/usr/bin/env bash
# Browser tests: starts the release build on a free port with a fresh SQLite database,
# runs Playwright (Debian Chromium; JavaScript off and hydrated), stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/test-server.sh
source scripts/test-server.sh

if ! (cd end2end && ../node_modules/.bin/playwright test "$@"); then
  echo "--- server log ---" >&2
  tail -n 50 "$WORK/server.log" >&2
  exit 1
fi
