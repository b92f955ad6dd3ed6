# Siap Jepang — the two commands: `make run` (try it) and `make test` (everything).
# Builds go to a fixed cache outside the clone, so a fresh clone reuses earlier work.

SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/siap-jepang/target
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
BIN := $(CARGO_TARGET_DIR)/release/siap-jepang

.PHONY: run test setup build lint test-unit test-sqlite test-postgres test-contract test-e2e

## Install what is missing, build, migrate, seed demo data on first run, serve.
run: build
	@$(BIN) seed --demo --if-empty
	@echo "Open http://$${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl-C stops)"
	@$(BIN) serve

## Every test: unit, integration on SQLite and PostgreSQL, browser (with and without JS).
test: build lint test-unit test-sqlite test-postgres test-contract test-e2e
	@echo "All tests passed."

setup:
	@scripts/setup.sh

## Release build of the server and the WASM islands (cargo-leptos).
build: setup
	@echo "==> Building (release: server + WASM)"
	cargo leptos build --release
	@node scripts/precompress.mjs target/site/pkg

## Clippy on the server build and every test, warnings as errors (the lints are in Cargo.toml).
lint:
	@echo "==> Lints (clippy, warnings are errors)"
	cargo clippy --features ssr --lib --bins --tests -- -D warnings

test-unit:
	@echo "==> Unit tests"
	cargo test --features ssr --lib

test-sqlite:
	@echo "==> Integration tests on SQLite"
	TEST_DATABASE=sqlite cargo test --features ssr --test api

test-postgres:
	@echo "==> Integration tests on PostgreSQL ($(TEST_POSTGRES_URL))"
	TEST_DATABASE=postgres cargo test --features ssr --test api

## The partner API against its OpenAPI document (schemathesis), on both databases.
test-contract:
	@echo "==> API contract (OpenAPI 3.1 document, schemathesis on SQLite and PostgreSQL)"
	scripts/contract.sh

test-e2e:
	@echo "==> Browser tests (Chromium, JavaScript off and hydrated)"
	scripts/e2e.sh
