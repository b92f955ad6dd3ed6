#!/usr/bin/env bash
# Installs what building and testing Siap Jepang needs, and only what is missing.
# Safe to run again: every step checks first. A failing step stops with its name.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$1"; }
fail() { printf '\nsetup failed at step: %s\n' "$1" >&2; exit 1; }

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown || fail "rustup target add wasm32-unknown-unknown"
fi

step "cargo-leptos 0.3.10 (builds server + WASM; no binary downloads)"
if cargo leptos --version 2>/dev/null | grep -q "0.3.10"; then
  echo "already installed: $(cargo leptos --version)"
else
  cargo install cargo-leptos --version 0.3.10 --locked --features no_downloads || fail "cargo install cargo-leptos"
fi

step "wasm-bindgen-cli at the exact wasm-bindgen version of Cargo.lock"
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WASM_BINDGEN_VERSION" ] || fail "read the wasm-bindgen version from Cargo.lock"
if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  echo "already installed: $(wasm-bindgen --version)"
else
  CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback \
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" || fail "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
fi

step "npm packages (binaryen for wasm-opt, Playwright for browser tests)"
if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "already installed"
else
  npm ci --no-audit --no-fund || fail "npm ci"
fi

step "schemathesis for the API contract test (PyPI, in a virtual environment)"
VENV="$HOME/.cache/siap-jepang/contract-venv"
if [ -x "$VENV/bin/schemathesis" ] && cmp -s "$VENV/.requirements" scripts/contract-requirements.txt; then
  echo "already installed: $("$VENV/bin/schemathesis" --version)"
else
  python3 -m venv "$VENV" || fail "python3 -m venv"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/contract-requirements.txt \
    || fail "pip install schemathesis"
  cp scripts/contract-requirements.txt "$VENV/.requirements"
fi

step "Chromium for the browser tests, poppler-utils to read PDFs back in tests (Debian packages)"
PACKAGES=()
[ -x /usr/bin/chromium ] || PACKAGES+=(chromium)
for tool in pdftotext pdftoppm pdfinfo; do
  command -v "$tool" >/dev/null || { PACKAGES+=(poppler-utils); break; }
done
if [ ${#PACKAGES[@]} -eq 0 ]; then
  echo "already installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $(pdftotext -v 2>&1 | head -n 1)"
else
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y "${PACKAGES[@]}" || { $SUDO apt-get update && $SUDO apt-get install -y "${PACKAGES[@]}"; } \
    || fail "apt-get install ${PACKAGES[*]}"
fi

echo
echo "setup complete"
