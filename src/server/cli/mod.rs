//! The `siap-jepang` command line: serve (default), migrate, seed, user, backup, restore,
//! export, import.

use clap::Parser;
use migration::{Migrator, MigratorTrait};
use std::{io::IsTerminal, path::PathBuf, process::ExitCode, sync::Arc};
use tracing_subscriber::EnvFilter;

mod api_keys;
mod args;
mod certificates;
mod check;

pub use args::*;

use super::{backup, database, exchange, leptos_options, seed};
use crate::accounts::service::{self as accounts, NewAccountInput};
use crate::accounts::{model::LoginId, password};
use crate::audit::model::AuditAction;
use crate::platform::clock::Clock;
use crate::platform::config::{Config, LogFormat};
use crate::platform::state::{AppState, Shared};

/// Runs the command line; the binary's `main` is only this.
pub fn main() -> ExitCode {
    tune_the_allocator();
    let _ = dotenvy::dotenv();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            use clap::error::ErrorKind;
            if matches!(error.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = error.print();
                return ExitCode::SUCCESS;
            }
            let rendered = error.to_string();
            let first = rendered.lines().next().unwrap_or("invalid arguments");
            eprintln!(
                "siap-jepang: {} (see `siap-jepang --help`)",
                first.trim_start_matches("error: ")
            );
            return ExitCode::from(2);
        }
    };
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("siap-jepang: {error}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("siap-jepang: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command.unwrap_or(Command::Serve), config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("siap-jepang: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        EnvFilter::new("info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn,tower_http=info")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

async fn connect(config: &Config) -> Result<AppState, String> {
    let db = database::connect(config).await.map_err(|e| e.to_string())?;
    Ok(AppState::new(Shared {
        leptos_options: leptos_options(config),
        db,
        config: Arc::new(config.clone()),
        clock: Clock::system(),
        writes: Default::default(),
        ports: crate::server::ports(),
        memo: Default::default(),
        limits: Default::default(),
    }))
}

async fn connect_and_migrate(config: &Config) -> Result<AppState, String> {
    let state = connect(config).await?;
    database::migrate_up(&state.db, config)
        .await
        .map_err(|e| e.to_string())?;
    Ok(state)
}

async fn run(command: Command, config: Config) -> Result<(), String> {
    match command {
        Command::Serve => serve(config).await,
        Command::Migrate { action } => migrate(action, &config).await,
        Command::Seed {
            scale: Some(scale),
            force,
            ..
        } => {
            let state = connect_and_migrate(&config).await?;
            let size = match scale {
                ScaleArg::Site => seed::scale::Size::SITE,
                ScaleArg::National => seed::scale::Size::NATIONAL,
            };
            let report = seed::scale::seed_scale(&state, size, force, std::io::stderr().is_terminal())
                .await
                .map_err(|e| e.to_string())?;
            let w = report.written;
            println!(
                "Seeded {} new sites, {} accounts, {} cohorts, {} class sessions, {} trainees, {} enrollments, {} attendance marks, {} documents and {} results in {:.1} s.",
                w.sites, w.users, w.cohorts, w.sessions, w.trainees, w.enrollments, w.marks, w.documents, w.results,
                report.elapsed.as_secs_f64()
            );
            println!(
                "Every generated account signs in with the password {} (benchmark data only).",
                seed::scale::SCALE_PASSWORD
            );
            Ok(())
        }
        Command::Seed { demo, if_empty, .. } => {
            if !demo {
                return Err("nothing to seed: pass --demo for demo data, or --scale site|national".into());
            }
            let state = connect_and_migrate(&config).await?;
            match seed::seed_demo(&state, if_empty)
                .await
                .map_err(|e| e.to_string())?
            {
                seed::SeedOutcome::Seeded {
                    accounts,
                    sessions,
                    records,
                    enrollments,
                    marks,
                    documents,
                    certificates,
                } => println!(
                    "Seeded {accounts} demo accounts, {records} trainee records, 4 cohorts with {enrollments} enrollments, {sessions} class sessions, {marks} attendance marks, {documents} placement documents and {certificates} certificates and letters."
                ),
                seed::SeedOutcome::AlreadyPresent => {
                    println!("Accounts already exist; demo data left as it is.")
                }
            }
            print!("{}", seed::demo_logins_table());
            Ok(())
        }
        Command::User {
            action:
                UserAction::Create {
                    role,
                    login,
                    name,
                    sites,
                },
        } => create_user(&config, role, login, name, sites).await,
        Command::Export {
            what:
                ExportWhat::Schedule {
                    cohort,
                    format,
                    output,
                },
        } => export_schedule(&config, cohort, format, output).await,
        Command::Export {
            what: ExportWhat::Trainees { format, output },
        } => {
            let state = connect_and_migrate(&config).await?;
            exchange::export_trainees(&state, format, output).await
        }
        Command::Export {
            what:
                ExportWhat::Enrollments {
                    cohort,
                    format,
                    output,
                },
        } => {
            let state = connect_and_migrate(&config).await?;
            exchange::export_enrollments(&state, cohort, format, output).await
        }
        Command::Export {
            what:
                ExportWhat::Attendance {
                    cohort,
                    format,
                    summary,
                    output,
                },
        } => {
            let state = connect_and_migrate(&config).await?;
            exchange::export_attendance(&state, cohort, format, summary, output).await
        }
        Command::Export {
            what:
                ExportWhat::Readiness {
                    cohort,
                    format,
                    output,
                },
        } => {
            let state = connect_and_migrate(&config).await?;
            exchange::export_readiness(&state, cohort, format, output).await
        }
        Command::Import {
            what:
                ImportWhat::Trainees {
                    file,
                    site,
                    cohort,
                    dry_run,
                    skip_invalid,
                },
        } => {
            let state = connect_and_migrate(&config).await?;
            let options = crate::trainees::service::CliImport {
                site,
                cohort,
                dry_run,
                skip_invalid,
            };
            exchange::import_trainees(&state, &file, &options).await
        }
        Command::Check {
            what: CheckWhat::Counters,
        } => {
            let state = connect_and_migrate(&config).await?;
            check::counters(&state).await
        }
        Command::ApiKey { action } => api_keys::run(&config, action).await,
        Command::Certificates { action } => certificates::run(&config, action).await,
        Command::Backup { file } => {
            let state = connect(&config).await?;
            backup::backup(&state.db, &config, &file)
                .await
                .map_err(|e| e.to_string())?;
            println!("Backup written to {}", file.display());
            Ok(())
        }
        Command::Restore { file } => {
            let state = connect(&config).await?;
            let restored = backup::restore(&state.db, &config, &file)
                .await
                .map_err(|e| e.to_string())?;
            database::migrate_up(&state.db, &config)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "Restored {} tables ({} rows) from {} into {}; the schema is up to date.",
                restored.tables,
                restored.rows,
                file.display(),
                config.masked_database_url()
            );
            Ok(())
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    println!(
        "Siap Jepang {} starting with:\n{config}",
        env!("CARGO_PKG_VERSION")
    );
    let state = connect_and_migrate(&config).await?;
    // Before the port opens: a SIGTERM from then on stops the server gracefully.
    let shutdown = super::shutdown_signal();
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AddrInUse => format!(
                "cannot listen on {}: the address is already in use (another siap-jepang running? set LEPTOS_SITE_ADDR)",
                config.site_addr
            ),
            _ => format!("cannot listen on {}: {e}", config.site_addr),
        })?;
    super::spawn_housekeeping(state.clone());
    println!("Siap Jepang is listening on http://{}", config.site_addr);
    super::serve(listener, state, shutdown)
        .await
        .map_err(|e| format!("server error: {e}"))?;
    println!("Siap Jepang stopped.");
    Ok(())
}

async fn migrate(action: MigrateAction, config: &Config) -> Result<(), String> {
    let state = connect(config).await?;
    let db = &state.db;
    match action {
        MigrateAction::Up => {
            database::migrate_up(db, config)
                .await
                .map_err(|e| e.to_string())?;
            println!("All migrations applied.");
        }
        MigrateAction::Down { steps } => {
            Migrator::down(db, Some(steps))
                .await
                .map_err(|e| format!("rolling back failed: {e}"))?;
            println!("Rolled back {steps} migration(s).");
        }
        MigrateAction::Status => {
            let migrations = Migrator::get_migration_with_status(db)
                .await
                .map_err(|e| format!("cannot read migration status: {e}"))?;
            for migration in migrations {
                println!("{:<40} {:?}", migration.name(), migration.status());
            }
        }
    }
    Ok(())
}

fn read_password() -> Result<(String, String), String> {
    if std::io::stdin().is_terminal() {
        let first =
            rpassword::prompt_password("Password: ").map_err(|e| format!("cannot read password: {e}"))?;
        let second = rpassword::prompt_password("Repeat password: ")
            .map_err(|e| format!("cannot read password: {e}"))?;
        Ok((first, second))
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|e| format!("cannot read password from stdin: {e}"))?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        Ok((password.clone(), password))
    }
}

async fn create_user(
    config: &Config,
    role: String,
    login: String,
    name: Option<String>,
    site_codes: Vec<String>,
) -> Result<(), String> {
    let parsed = LoginId::parse(&login)
        .map_err(|_| format!("{login:?} is not an e-mail address, phone number or NIK"))?;
    let state = connect_and_migrate(config).await?;
    let all_sites = crate::accounts::db::all_sites(&state.db)
        .await
        .map_err(|e| e.to_string())?;
    let mut site_ids = Vec::new();
    for code in &site_codes {
        let site = all_sites
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| {
                let known: Vec<&str> = all_sites.iter().map(|s| s.code.as_str()).collect();
                format!("unknown site {code:?}; known sites: {}", known.join(", "))
            })?;
        site_ids.push(site.id);
    }
    let role = crate::kernel::Role::parse(&role)
        .map_err(|_| format!("unknown role {role:?}; roles: trainee, instructor, coordinator, admin"))?;
    let input = NewAccountInput::with_login(role, name.as_deref().unwrap_or(&login), &parsed, site_ids);
    let (password_input, confirmation) = read_password()?;
    let checked = accounts::check_password_for(&input, &password_input, &confirmation)
        .map_err(|errors| format!("password refused: {}", describe_fields(&errors)))?;
    let hash = password::hash(&checked).await.map_err(|e| e.to_string())?;
    let user_id = accounts::provision_account(
        &state.db,
        state.clock.now(),
        &input,
        Some(&hash),
        AuditAction::CliUserCreate,
    )
    .await
    .map_err(|e| match e {
        accounts::AccountsError::Invalid(errors) => format!("account refused: {}", describe_fields(&errors)),
        other => other.to_string(),
    })?;
    println!(
        "Created {} account #{user_id} for {}",
        input.role,
        parsed.canonical()
    );
    Ok(())
}

async fn export_schedule(
    config: &Config,
    cohort: Option<String>,
    format: ExportFormat,
    output: Option<PathBuf>,
) -> Result<(), String> {
    let ExportFormat::Ics = format;
    let state = connect_and_migrate(config).await?;
    let host = config.site_addr.ip().to_string();
    let text = crate::schedule::service::export_calendar(state.env(), cohort.as_deref(), &host)
        .await
        .map_err(|error| match error {
            crate::kernel::AppError::NotFound => {
                format!("unknown cohort code {:?}", cohort.clone().unwrap_or_default())
            }
            other => other.to_string(),
        })?;
    match output {
        Some(path) => {
            std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("Schedule written to {}", path.display());
        }
        None => {
            use std::io::Write as _;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| format!("cannot write to standard output: {e}"))?;
        }
    }
    Ok(())
}

fn describe_fields(errors: &[crate::kernel::FieldError]) -> String {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                e.field,
                crate::kernel::i18n::problem_text(&e.problem, crate::kernel::Locale::En)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// glibc's allocator serves a block as large as an Argon2 hash's memory (7 MiB; 19 MiB
/// with older parameters) from its arenas once one such block has been freed (the
/// threshold for `mmap` follows the largest block freed so far), and then keeps the freed
/// memory in each of its per-thread arenas: after a burst of sign-ins the server stayed
/// resident at several times what it ever used at once. With a fixed threshold, blocks of
/// 256 KiB and more are mapped for themselves and handed back when freed (BENCHMARKS.md,
/// "Memory, profiled"). glibc reads the setting from the environment when the process starts,
/// so the binary starts itself again, once, with it set (same process id, arguments and
/// streams); if that cannot be done it runs as it is. The same start also limits glibc to
/// two arenas (`MALLOC_ARENA_MAX=2`; by default up to eight per core, one per busy thread,
/// each keeping what its thread freed): the dashboards' many small blocks then land in
/// fewer arenas and their freed memory is reused instead of kept per thread.
/// An operator's own `MALLOC_MMAP_THRESHOLD_` (which also marks the second start) and
/// `MALLOC_ARENA_MAX` are kept.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_the_allocator() {
    use std::os::unix::process::CommandExt;
    const THRESHOLD: &str = "MALLOC_MMAP_THRESHOLD_";
    const ARENAS: &str = "MALLOC_ARENA_MAX";
    if std::env::var_os(THRESHOLD).is_some() {
        return;
    }
    if let Ok(me) = std::env::current_exe() {
        let mut again = std::process::Command::new(me);
        again
            .args(std::env::args_os().skip(1))
            .env(THRESHOLD, (256 * 1024).to_string());
        if std::env::var_os(ARENAS).is_none() {
            again.env(ARENAS, "2");
        }
        // `exec` only returns when it failed.
        let _ = again.exec();
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_the_allocator() {}
