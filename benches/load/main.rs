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

#[path = "driver.rs"]
mod driver;

use clap::Parser;
use driver::{Cast, Kind, Persona};
use sea_orm::{ColumnTrait, Database, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use siap_jepang::entities::{class_sessions, cohorts, enrollments, trainees, user_sites, users};
use siap_jepang::schedule::db::utc;
use std::collections::{BTreeMap, HashMap};
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
    /// Seconds per request kind alone, against the app and against the ceiling
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
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

/// (login, work) of the users to sign in as.
struct Wanted {
    trainees: Vec<String>,
    instructors: Vec<(String, i64, Vec<i64>)>,
    coordinators: Vec<(String, i64)>,
}

async fn wanted(db: &DatabaseConnection, args: &Args) -> Result<Wanted, sea_orm::DbErr> {
    let now = time::OffsetDateTime::now_utc();
    let running: Vec<cohorts::Model> = cohorts::Entity::find()
        .filter(cohorts::Column::Status.eq("running"))
        .all(db)
        .await?;
    let running_ids: Vec<i64> = running.iter().map(|c| c.id).collect();
    let mut class: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut in_class = Vec::new();
    for chunk in running_ids.chunks(5_000) {
        for (cohort, trainee) in enrollments::Entity::find()
            .select_only()
            .columns([enrollments::Column::CohortId, enrollments::Column::TraineeId])
            .filter(enrollments::Column::CohortId.is_in(chunk.to_vec()))
            .filter(enrollments::Column::Status.eq("active"))
            .into_tuple::<(i64, i64)>()
            .all(db)
            .await?
        {
            class.entry(cohort).or_default().push(trainee);
            in_class.push(trainee);
        }
    }
    // Trainees of running cohorts, spread over the sites.
    in_class.sort_by_key(|id| (id * 7_919) % 100_003);
    in_class.truncate(args.trainees as usize);
    let trainee_users: Vec<i64> = trainees::Entity::find()
        .select_only()
        .column(trainees::Column::UserId)
        .filter(trainees::Column::Id.is_in(in_class))
        .into_tuple::<Option<i64>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    let trainee_logins = users::Entity::find()
        .filter(users::Column::Id.is_in(trainee_users))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|u| u.phone)
        .collect();
    // The latest session each running cohort held within the instructors' editing window
    // (three days), biggest classes first.
    let mut latest: HashMap<i64, class_sessions::Model> = HashMap::new();
    for chunk in running_ids.chunks(5_000) {
        for session in class_sessions::Entity::find()
            .filter(class_sessions::Column::CohortId.is_in(chunk.to_vec()))
            .filter(class_sessions::Column::EndsAt.lte(utc(now)))
            .filter(class_sessions::Column::EndsAt.gt(utc(now - time::Duration::days(3))))
            .filter(class_sessions::Column::Status.eq("scheduled"))
            .order_by_asc(class_sessions::Column::StartsAt)
            .all(db)
            .await?
        {
            latest.insert(session.cohort_id, session);
        }
    }
    let mut sessions: Vec<class_sessions::Model> = latest.into_values().collect();
    sessions.sort_by_key(|s| {
        (
            std::cmp::Reverse(class.get(&s.cohort_id).map_or(0, Vec::len)),
            s.id,
        )
    });
    let mut instructors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for session in sessions {
        let Some(instructor) = session.instructor_id else {
            continue;
        };
        if !seen.insert(instructor) || instructors.len() as u64 >= args.instructors {
            continue;
        }
        if let Some(email) = users::Entity::find_by_id(instructor)
            .one(db)
            .await?
            .and_then(|u| u.email)
        {
            instructors.push((
                email,
                session.id,
                class.get(&session.cohort_id).cloned().unwrap_or_default(),
            ));
        }
    }
    // Coordinators, each with the biggest running cohort of their site.
    let mut coordinators = Vec::new();
    for user in users::Entity::find()
        .filter(users::Column::Role.eq("coordinator"))
        .filter(users::Column::PasswordHash.is_not_null())
        .order_by_asc(users::Column::Id)
        .all(db)
        .await?
    {
        if coordinators.len() as u64 >= args.coordinators {
            break;
        }
        let sites: Vec<i64> = user_sites::Entity::find()
            .filter(user_sites::Column::UserId.eq(user.id))
            .all(db)
            .await?
            .iter()
            .map(|s| s.site_id)
            .collect();
        let cohort = running
            .iter()
            .filter(|c| sites.contains(&c.site_id))
            .max_by_key(|c| class.get(&c.id).map_or(0, Vec::len));
        if let (Some(email), Some(cohort)) = (user.email, cohort) {
            coordinators.push((email, cohort.id));
        }
    }
    Ok(Wanted {
        trainees: trainee_logins,
        instructors,
        coordinators,
    })
}

async fn sign_in_all(base: &str, password: &str, wanted: Wanted) -> Result<Cast, String> {
    let client = driver::client();
    let mut cast = Cast::default();
    // Argon2 makes sign-in slow on purpose: a few at a time.
    let sign = |login: String| {
        let client = client.clone();
        let base = base.to_owned();
        let password = password.to_owned();
        async move { driver::sign_in(&client, &base, &login, &password).await }
    };
    for chunk in wanted.trainees.chunks(4) {
        let cookies = futures_join(chunk.iter().cloned().map(&sign).collect()).await;
        for cookie in cookies {
            cast.trainees.push(Persona {
                cookie: cookie?,
                session: None,
                cohort: None,
            });
        }
    }
    for (login, session, trainees) in wanted.instructors {
        cast.instructors.push(Persona {
            cookie: sign(login).await?,
            session: Some((session, trainees)),
            cohort: None,
        });
    }
    for (login, cohort) in wanted.coordinators {
        cast.coordinators.push(Persona {
            cookie: sign(login).await?,
            session: None,
            cohort: Some(cohort),
        });
    }
    Ok(cast)
}

async fn futures_join<F: std::future::Future<Output = T> + Send + 'static, T: Send + 'static>(
    futures: Vec<F>,
) -> Vec<T> {
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("task"));
    }
    out
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
    let wanted = match wanted(&db, &args).await {
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
    let cast = match sign_in_all(&bases[0], &args.password, wanted).await {
        Ok(cast) => Arc::new(cast),
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
        "\n## Mixed traffic: {} s, {} workers, {} instance(s)\n",
        args.seconds,
        args.workers,
        bases.len()
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
    println!("| request | app req/s | app p50 | app p99 | ceiling req/s | ceiling p50 | ratio |\n|---|---:|---:|---:|---:|---:|---:|");
    for kind in &kinds {
        let length = Duration::from_secs(args.per_kind);
        let app = driver::run(&bases, cast.clone(), &[*kind], args.workers, length).await;
        let bare = driver::run(&[ceiling.clone()], one(*kind), &[*kind], args.workers, length).await;
        let (a, c) = (app.per_second(*kind), bare.per_second(*kind));
        let tally = app.tallies.get(kind).cloned().unwrap_or_default();
        println!(
            "| {} | {:.0} | {} | {} | {:.0} | {} | {:.3} |",
            kind.label(),
            a,
            ms(tally.quantile(0.5)),
            ms(tally.quantile(0.99)),
            c,
            ms(bare
                .tallies
                .get(kind)
                .map(|t| t.quantile(0.5))
                .unwrap_or_default()),
            a / c.max(1e-9)
        );
        failed += app.errors() + bare.errors();
        for sample in app.samples.iter().chain(&bare.samples).take(3) {
            eprintln!("  failed: {sample}");
        }
    }
    for sample in &mixed.samples {
        eprintln!("  failed: {sample}");
    }
    if failed > 0 {
        eprintln!("\n{failed} requests failed");
        return ExitCode::FAILURE;
    }
    println!("\n0 requests failed");
    ExitCode::SUCCESS
}
