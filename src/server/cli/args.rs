//! What the command line accepts (clap definitions); `mod.rs` runs it.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "siap-jepang",
    version,
    about = "Siap Jepang: Japanese-language training for CPMI bound for Japan",
    after_help = "Configuration comes from the environment (and an optional .env file): \
                  DATABASE_URL, LEPTOS_SITE_ADDR, LEPTOS_SITE_ROOT, LOG_FORMAT, SECURE_COOKIES. See README.md."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Inspect or change the database schema.
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Fill the database with data.
    Seed {
        /// Demo data for trying the app: staff, trainees, known demo passwords.
        #[arg(long)]
        demo: bool,
        /// Do nothing (but print the demo logins) when accounts already exist.
        #[arg(long)]
        if_empty: bool,
        /// A benchmark dataset: `site` (one centre, ~500 trainees) or `national` (50 sites,
        /// 5,000 cohorts, 100,000 trainees, 500,000 sessions, ~10 million marks). Every
        /// generated account's password is `latihan-beban-nasional`.
        #[arg(long, value_enum, conflicts_with_all = ["demo", "if_empty"])]
        scale: Option<ScaleArg>,
        /// With --scale: add to a database that already holds data (refused otherwise).
        #[arg(long, requires = "scale")]
        force: bool,
    },
    /// Manage accounts from the server's shell.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Keys for partner systems calling the API (/api/v1).
    ApiKey {
        #[command(subcommand)]
        action: ApiKeyAction,
    },
    /// Certificates of completion: issue a cohort's, verify a code, revoke a number.
    Certificates {
        #[command(subcommand)]
        action: CertificateAction,
    },
    /// Write a consistent copy of the database to FILE (the app may keep serving).
    Backup { file: PathBuf },
    /// Bring a backup into the empty database of DATABASE_URL (a new SQLite file or a new
    /// PostgreSQL database), whole or not at all, then apply newer migrations.
    Restore { file: PathBuf },
    /// Write data out for scripts and other systems.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Read data in from files.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Check what the database keeps derived from other rows; exit status 1 on any difference.
    Check {
        #[command(subcommand)]
        what: CheckWhat,
    },
}

#[derive(Debug, Subcommand)]
pub enum CheckWhat {
    /// The attendance counts kept per (trainee, cohort), against a recount from the marks:
    /// every difference is named with its enrollment.
    Counters,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ScaleArg {
    Site,
    National,
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Trainee records from a roster CSV (UTF-8, comma or semicolon, a header row). Every
    /// row is checked first; any refused row means exit status 1 and nothing written,
    /// unless --skip-invalid imports the accepted rows (still exit status 1).
    Trainees {
        /// The CSV file
        file: PathBuf,
        /// Site code the records belong to (defaults to the cohort's site)
        #[arg(long)]
        site: Option<String>,
        /// Cohort code: the records are also applied to this cohort
        #[arg(long)]
        cohort: Option<String>,
        /// Check and report only; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Write the accepted rows even when others are refused
        #[arg(long)]
        skip_invalid: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// The class schedule of one cohort, or of every cohort.
    Schedule {
        /// Cohort code, e.g. JP-SSW-2026-03 (all cohorts when left out)
        #[arg(long)]
        cohort: Option<String>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Ics)]
        format: ExportFormat,
        /// Write here instead of standard output
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The trainee registry (every site), one row per trainee.
    Trainees {
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Write here instead of standard output (required for xlsx)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Readiness: one row per trainee with the track, the verdict in Indonesian (Siap,
    /// Dalam proses, Belum) and every blocker in words.
    Readiness {
        /// Cohort code (all cohorts when left out)
        #[arg(long)]
        cohort: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Write here instead of standard output (required for xlsx)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Attendance: one row per trainee per session (status in Indonesian), or with
    /// --summary each trainee's rates; an xlsx workbook holds both sheets.
    Attendance {
        /// Cohort code (all cohorts when left out)
        #[arg(long)]
        cohort: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// The summary (rates per trainee) instead of the sessions
        #[arg(long)]
        summary: bool,
        /// Write here instead of standard output (required for xlsx)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Enrollments with their status, of one cohort or of every cohort.
    Enrollments {
        /// Cohort code (all cohorts when left out)
        #[arg(long)]
        cohort: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
        format: TableFormat,
        /// Write here instead of standard output (required for xlsx)
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// iCalendar (RFC 5545), times in Asia/Jakarta
    Ics,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TableFormat {
    /// UTF-8 with a byte-order mark, comma-separated (opens right in Excel)
    Csv,
    /// An Excel workbook
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum MigrateAction {
    /// Apply all pending migrations.
    Up,
    /// Roll back the most recent migrations.
    Down {
        #[arg(long, default_value_t = 1)]
        steps: u32,
    },
    /// List migrations and whether they are applied.
    Status,
}

#[derive(Debug, Subcommand)]
pub enum UserAction {
    /// Create an active account; the password is read from a prompt or from stdin.
    Create {
        /// trainee, instructor, coordinator or admin
        #[arg(long)]
        role: String,
        /// E-mail (staff), or phone number / NIK (trainees)
        #[arg(long)]
        login: String,
        /// Full name (defaults to the login)
        #[arg(long)]
        name: Option<String>,
        /// Site code (repeatable), e.g. --site BBPLK-SRG
        #[arg(long = "site")]
        sites: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApiKeyAction {
    /// Make a key and print it once (only its hash is kept).
    Create {
        /// The integration, e.g. "SISKOP2MI BP3MI Banten"; two keys of one name may be live
        #[arg(long)]
        name: String,
        /// cohorts:read, trainees:read, pii:read, attendance:read, readiness:read,
        /// registry:write or results:write (repeatable)
        #[arg(long = "scope", required = true)]
        scopes: Vec<String>,
        /// Site code the key is limited to (repeatable); none: every site
        #[arg(long = "site")]
        sites: Vec<String>,
        /// Days until the key expires (1-730); none: no expiry
        #[arg(long)]
        expires_days: Option<i64>,
    },
    /// Revoke the key with this prefix (sjk_…, as `api-key list` shows it).
    Revoke { prefix: String },
    /// Every key: prefix, name, state, scopes, sites, expiry, last use, requests.
    List,
}

#[derive(Debug, Subcommand)]
pub enum CertificateAction {
    /// Issue a certificate to every trainee of the cohort who completed and has none (one
    /// transaction), write one PDF per trainee, and print each letter number with its
    /// verification address.
    Issue {
        /// Cohort code, e.g. JP-SSW-2026-03
        #[arg(long)]
        cohort: String,
        /// Folder for the PDFs (made when missing; none written when left out)
        #[arg(long)]
        output: Option<PathBuf>,
        /// The address printed for verification (defaults to PUBLIC_URL, then
        /// http://LEPTOS_SITE_ADDR)
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Say whether the document of a verification code is valid, revoked or unknown
    /// (exit status 1 unless valid).
    Verify { code: String },
    /// Revoke the document of a letter number, with the reason (kept and shown).
    Revoke {
        number: String,
        #[arg(long)]
        reason: String,
    },
}
