//! What compressing a rendered page costs: the app's gzip (a deflate state per thread,
//! reset for each response) against a gzip encoder made for each response, per level, on
//! pages saved from a running instance:
//!
//! `curl -s http://127.0.0.1:3000/masuk > masuk.html`, then
//! `cargo bench --features ssr --bench compression -- masuk.html roster.html`
//!
//! Run it with the server's allocator settings (`MALLOC_MMAP_THRESHOLD_=262144
//! MALLOC_ARENA_MAX=2`), which the server sets for itself at start.

// A benchmark tool run by hand: a failed unwrap stops the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::time::Instant;

const ROUNDS: u32 = 400;

fn per_call(mut f: impl FnMut() -> usize) -> (f64, usize) {
    let began = Instant::now();
    let mut bytes = 0;
    for _ in 0..ROUNDS {
        bytes = f();
    }
    (began.elapsed().as_secs_f64() * 1e6 / f64::from(ROUNDS), bytes)
}

fn main() {
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if files.is_empty() {
        eprintln!("usage: cargo bench --features ssr --bench compression -- PAGE.html…");
        std::process::exit(2);
    }
    println!("| page | bytes | how | µs per page | compressed bytes |\n|---|---:|---|---:|---:|");
    for file in files {
        let body = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let (us, n) = per_call(|| siap_jepang::server::compression::gzip(&body).map_or(0, |z| z.len()));
        println!(
            "| {file} | {} | the app's gzip (level {}, state kept) | {us:.1} | {n} |",
            body.len(),
            siap_jepang::server::compression::GZIP_LEVEL
        );
        for level in [1, 2, 3, 6] {
            let (us, n) = per_call(|| {
                let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
                encoder.write_all(&body).expect("to memory");
                encoder.finish().map_or(0, |z| z.len())
            });
            println!(
                "| {file} | {} | gzip level {level}, a new encoder | {us:.1} | {n} |",
                body.len()
            );
        }
    }
}
