//! The load driver: `benches/national.sh` runs it against release servers; on its own:
//!
//! `cargo bench --features ssr --bench load -- --url http://127.0.0.1:3000 \
//!   --database-url sqlite://data/siap-jepang.db`
//!
//! It signs in as many trainees, instructors and coordinators of a scale-seeded database
//! (`siap-jepang seed --scale …`), replays their mixed traffic, then each request kind
//! alone against the app and against a bare axum handler serving the same bytes from
//! memory (same machine, same client, TCP_NODELAY): throughput as a ratio of that
//! ceiling. Every failed request is counted and printed; any failure means exit status 1.

// A benchmark tool run by hand: a failed unwrap stops the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "cast.rs"]
mod cast;
#[path = "driver.rs"]
mod driver;

use clap::Parser;
use driver::Kind;
use sea_orm::Database;
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Parser)]
struct Args {
    /// Base URL of an app instance (repeat for several: requests alternate between them)
    #[arg(long, required = true)]
    url: Vec<String>,
    /// The database the instances serve (to find users, sessions and cohorts)
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// Password of the scale-seeded accounts
    #[arg(long, default_value = "latihan-beban-nasional")]
    password: String,
    /// Seconds of mixed traffic
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Seconds per request kind alone, against the app and against the ceiling (0: skip
    /// that part, e.g. for a long run of mixed traffic only)
    #[arg(long, default_value_t = 5)]
    per_kind: u64,
    /// Concurrent requests in flight
    #[arg(long, default_value_t = 32)]
    workers: usize,
    #[arg(long, default_value_t = 200)]
    trainees: u64,
    #[arg(long, default_value_t = 40)]
    instructors: u64,
    #[arg(long, default_value_t = 20)]
    coordinators: u64,
    /// `Accept-Encoding` to send with every request, e.g. what Chromium sends:
    /// "gzip, deflate, br, zstd" (default: none, uncompressed answers)
    #[arg(long)]
    accept_encoding: Option<String>,
    /// Measure only these kinds alone (comma-separated: jadwal, kehadiran, instructor,
    /// save, roster, dashboard, export, floor); the mixed traffic still uses every kind
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let bases: Vec<String> = args
        .url
        .iter()
        .map(|u| u.trim_end_matches('/').to_owned())
        .collect();
    let db = match Database::connect(&args.database_url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("error: cannot open the database {}: {e}", args.database_url);
            return ExitCode::FAILURE;
        }
    };
    let wanted = match cast::wanted(&db, args.trainees, args.instructors, args.coordinators).await {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: reading users from the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "users: {} trainees, {} instructors (roll calls of {} trainees on average), {} coordinators",
        wanted.trainees.len(),
        wanted.instructors.len(),
        wanted.instructors.iter().map(|i| i.2.len()).sum::<usize>() / wanted.instructors.len().max(1),
        wanted.coordinators.len()
    );
    let cast = match cast::sign_in_all(&bases[0], &args.password, wanted).await {
        Ok(mut cast) => {
            cast.accept_encoding = args.accept_encoding.clone();
            Arc::new(cast)
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let kinds = cast.kinds();
    if kinds.len() < Kind::ALL.len() {
        eprintln!("warning: no users for some request kinds (is the database scale-seeded?)");
    }
    let mut failed = 0;

    println!(
        "\n## Mixed traffic: {} s, {} workers, {} instance(s), Accept-Encoding: {}\n",
        args.seconds,
        args.workers,
        bases.len(),
        args.accept_encoding.as_deref().unwrap_or("(none)")
    );
    let mixed = driver::run(
        &bases,
        cast.clone(),
        &kinds,
        args.workers,
        Duration::from_secs(args.seconds),
    )
    .await;
    println!("| request | n | errors | req/s | p50 | p95 | p99 | bytes |\n|---|---:|---:|---:|---:|---:|---:|---:|");
    for (kind, tally) in &mixed.tallies {
        println!(
            "| {} | {} | {} | {:.0} | {} | {} | {} | {} |",
            kind.label(),
            tally.micros.len(),
            tally.errors,
            mixed.per_second(*kind),
            ms(tally.quantile(0.5)),
            ms(tally.quantile(0.95)),
            ms(tally.quantile(0.99)),
            tally.bytes
        );
    }
    println!(
        "| **all** | {} | {} | **{:.0}** | | | | |",
        mixed.requests(),
        mixed.errors(),
        (mixed.requests() - mixed.errors()) as f64 / mixed.elapsed.as_secs_f64()
    );
    failed += mixed.errors();

    if args.per_kind == 0 {
        return finish(failed, &mixed.samples);
    }
    println!(
        "\n## Each request kind alone ({} s each) vs the bare-axum ceiling\n",
        args.per_kind
    );
    let client = driver::client();
    let mut pages = BTreeMap::new();
    for kind in &kinds {
        let Some(request) = cast.request(*kind, 0) else {
            continue;
        };
        match driver::capture(&client, &bases[0], &request).await {
            Ok(page) => {
                pages.insert(request.path.clone(), page);
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    let ceiling = driver::ceiling(pages).await;
    let one = |_: Kind| {
        let mut only = (*cast).clone();
        for people in [&mut only.trainees, &mut only.instructors, &mut only.coordinators] {
            people.truncate(1);
        }
        Arc::new(only)
    };
    // The floor (the reference) first, so every page's share of it is known as it is printed.
    let mut order: Vec<Kind> = kinds
        .iter()
        .copied()
        .filter(|kind| args.only.is_empty() || args.only.iter().any(|o| o == kind.short()))
        .collect();
    order.sort_by_key(|kind| !kind.is_reference());
    let mut floor = None;
    println!(
        "| request | app req/s | app p50 | app p99 | bytes | ceiling req/s | ceiling p50 | ÷ ceiling | ÷ floor |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|"
    );
    for kind in &order {
        let length = Duration::from_secs(args.per_kind);
        let app = driver::run(&bases, cast.clone(), &[*kind], args.workers, length).await;
        let bare = driver::run(&[ceiling.clone()], one(*kind), &[*kind], args.workers, length).await;
        let (a, c) = (app.per_second(*kind), bare.per_second(*kind));
        if kind.is_reference() {
            floor = Some(a);
        }
        let tally = app.tallies.get(kind).cloned().unwrap_or_default();
        println!(
            "| {} | {:.0} | {} | {} | {} | {:.0} | {} | {:.3} | {} |",
            kind.label(),
            a,
            ms(tally.quantile(0.5)),
            ms(tally.quantile(0.99)),
            tally.bytes,
            c,
            ms(bare
                .tallies
                .get(kind)
                .map(|t| t.quantile(0.5))
                .unwrap_or_default()),
            a / c.max(1e-9),
            floor.map_or("—".to_owned(), |f| format!("{:.3}", a / f.max(1e-9)))
        );
        failed += app.errors() + bare.errors();
        for sample in app.samples.iter().chain(&bare.samples).take(3) {
            eprintln!("  failed: {sample}");
        }
    }
    if kinds.iter().any(|kind| kind.is_reference()) {
        println!(
            "\n(reference: the same middleware, router and rendering with no session and no SQL; \
             no page's ratio can exceed it)"
        );
    }
    finish(failed, &mixed.samples)
}

fn finish(failed: usize, samples: &[String]) -> ExitCode {
    for sample in samples {
        eprintln!("  failed: {sample}");
    }
    if failed > 0 {
        eprintln!("\n{failed} requests failed");
        return ExitCode::FAILURE;
    }
    println!("\n0 requests failed");
    ExitCode::SUCCESS
}
