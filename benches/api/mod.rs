//! Benchmarks that drive the real app over HTTP, compiled into the `api` test binary
//! (`tests/api/main.rs` includes this file as `benches`). Ignored in `make test`; run by
//! hand, figures in BENCHMARKS.md.

mod attendance;
mod readiness;
