//! The binary's command line, run as a real process.

use migration::MigratorTrait;
use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_siap-jepang");

pub fn sqlite_env(dir: &tempfile::TempDir) -> Vec<(&'static str, String)> {
    vec![
        (
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", dir.path().join("cli.db").display()),
        ),
        ("RUST_LOG", "warn".into()),
    ]
}

pub fn run(args: &[&str], env: &[(&'static str, String)], stdin: Option<&str>) -> (i32, String, String) {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command.env_remove("DATABASE_URL").env_remove("LEPTOS_SITE_ADDR");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("binary starts");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    let output = child.wait_with_output().expect("binary finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn an_unknown_argument_is_one_clear_line_and_exit_code_2() {
    let (code, _, stderr) = run(&["--frobnicate"], &[], None);
    assert_eq!(code, 2);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--frobnicate"));
    assert!(!stderr.contains("panicked"));
}

#[test]
fn invalid_configuration_names_the_variable_and_exits_2() {
    let (code, _, stderr) = run(&["migrate", "status"], &[("LOG_FORMAT", "xml".into())], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("LOG_FORMAT"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1);
}

#[test]
fn an_unreachable_database_is_named_with_the_password_masked() {
    let (code, _, stderr) = run(
        &["migrate", "status"],
        &[("DATABASE_URL", "postgres://siap:rahasia@127.0.0.1:1/siap".into())],
        None,
    );
    assert_ne!(code, 0);
    assert!(
        stderr.contains("postgres://siap:***@127.0.0.1:1/siap"),
        "{stderr}"
    );
    assert!(!stderr.contains("rahasia"));
    assert!(!stderr.contains("panicked"));
}

#[test]
fn migrate_status_lists_every_migration_as_applied_after_up() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["migrate", "up"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("All migrations applied."));
    let (_, stdout, _) = run(&["migrate", "status"], &env, None);
    assert_eq!(
        stdout.lines().filter(|l| l.contains("Applied")).count(),
        migration::Migrator::migrations().len()
    );
    let (code, stdout, _) = run(&["migrate", "down", "--steps", "2"], &env, None);
    assert_eq!(code, 0);
    assert!(stdout.contains("Rolled back 2"));
    let (_, stdout, _) = run(&["migrate", "status"], &env, None);
    assert_eq!(stdout.lines().filter(|l| l.contains("Pending")).count(), 2);
}

#[test]
fn user_create_reads_the_password_from_stdin_and_refuses_weak_ones() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, _, stderr) = run(
        &["user", "create", "--role", "admin", "--login", "ops@uji.id"],
        &env,
        Some("12345\n"),
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("password refused"), "{stderr}");
    let (code, stdout, stderr) = run(
        &[
            "user",
            "create",
            "--role",
            "coordinator",
            "--login",
            "rina@uji.id",
            "--name",
            "Rina Marlina",
            "--site",
            "BBPLK-SRG",
        ],
        &env,
        Some("gunung salak berkabut\n"),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Created coordinator account"));
    let (code, _, stderr) = run(
        &[
            "user", "create", "--role", "admin", "--login", "x@uji.id", "--site", "NOPE",
        ],
        &env,
        Some("gunung salak berkabut\n"),
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("unknown site \"NOPE\""), "{stderr}");
}

#[test]
fn api_keys_are_made_listed_and_revoked_at_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(
        &[
            "api-key",
            "create",
            "--name",
            "SISKOP2MI Banten",
            "--scope",
            "readiness:read",
            "--scope",
            "cohorts:read",
            "--site",
            "bbplk-srg",
            "--expires-days",
            "30",
        ],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    // Only the key on standard output (for scripts); the rest on standard error.
    let key = stdout.trim();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(key.starts_with("sjk_") && key.len() == 58, "{key}");
    let prefix = &key[..14];
    assert!(
        stderr.contains(prefix) && stderr.contains("shown this once"),
        "{stderr}"
    );

    let (code, stdout, _) = run(&["api-key", "list"], &env, None);
    assert_eq!(code, 0);
    let line = stdout.lines().find(|l| l.starts_with(prefix)).expect("listed");
    assert!(
        line.contains("live") && line.contains("SISKOP2MI Banten"),
        "{line}"
    );
    assert!(
        line.contains("cohorts:read readiness:read") && line.contains("BBPLK"),
        "{line}"
    );
    assert!(!stdout.contains(key), "the key itself is never listed");

    let (code, _, stderr) = run(
        &["api-key", "create", "--name", "X1", "--scope", "everything"],
        &env,
        None,
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("key refused: scopes"), "{stderr}");
    let (code, _, stderr) = run(&["api-key", "create", "--name", "X1"], &env, None);
    assert_eq!(code, 2, "--scope is required: {stderr}");
    let (code, _, stderr) = run(
        &[
            "api-key",
            "create",
            "--name",
            "X1",
            "--scope",
            "cohorts:read",
            "--site",
            "NOPE",
        ],
        &env,
        None,
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown site \"NOPE\""), "{stderr}");

    let (code, stdout, stderr) = run(&["api-key", "revoke", prefix], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("revoked"));
    let (_, stdout, _) = run(&["api-key", "list"], &env, None);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with(prefix) && l.contains("revoked")),
        "{stdout}"
    );
    let (code, _, stderr) = run(&["api-key", "revoke", "sjk_0000000000"], &env, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("no such key"), "{stderr}");
}

#[test]
fn seed_demo_prints_the_logins_and_is_idempotent_with_if_empty() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["seed", "--demo", "--if-empty"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Seeded"));
    assert!(stdout.contains("admin@siapjepang.id"));
    let (code, stdout, _) = run(&["seed", "--demo", "--if-empty"], &env, None);
    assert_eq!(code, 0);
    assert!(stdout.contains("already exist"));
    assert!(stdout.contains("koordinator@siapjepang.id"));
    let (code, _, stderr) = run(&["seed"], &env, None);
    assert_ne!(code, 0);
    assert!(stderr.contains("--demo"));
}

#[test]
fn check_counters_finds_the_kept_attendance_counts_equal_and_names_any_drift() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, _, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(&["check", "counters"], &env, None);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("equals a recount"), "{stdout}");

    // A count changed behind the triggers' back is named with its enrollment.
    let url = &env[0].1;
    let changed = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use sea_orm::ConnectionTrait;
        let db = sea_orm::Database::connect(url.as_str()).await.unwrap();
        db.execute_unprepared(
            "UPDATE attendance_counts SET present = present + 1 \
             WHERE rowid = (SELECT min(rowid) FROM attendance_counts)",
        )
        .await
        .unwrap()
        .rows_affected()
    });
    assert_eq!(changed, 1);
    let (code, stdout, stderr) = run(&["check", "counters"], &env, None);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("enrollment "), "{stdout}");
    assert!(stdout.contains("kept hadir"), "{stdout}");
    assert!(stderr.contains("1 attendance counts differ"), "{stderr}");
}

#[test]
fn backup_writes_a_consistent_sqlite_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    run(&["seed", "--demo"], &env, None);
    let target = dir.path().join("copy.db");
    let target_str = target.display().to_string();
    let (code, stdout, stderr) = run(&["backup", &target_str], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Backup written"));
    assert!(std::fs::metadata(&target).unwrap().len() > 10_000);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o600,
        "personal data: readable by its owner only"
    );
    let copy_env = vec![
        ("DATABASE_URL", format!("sqlite://{target_str}?mode=rw")),
        ("RUST_LOG", "warn".into()),
    ];
    let (_, stdout, _) = run(&["seed", "--demo", "--if-empty"], &copy_env, None);
    assert!(
        stdout.contains("already exist"),
        "the copy holds the demo accounts"
    );
    let (code, _, stderr) = run(&["backup", &target_str], &env, None);
    assert_ne!(code, 0);
    assert!(stderr.contains("already exists"));
}

#[test]
fn restore_brings_a_backup_into_an_empty_database_and_refuses_one_with_data() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    run(&["seed", "--demo"], &env, None);
    let backup = dir.path().join("siap.backup").display().to_string();
    assert_eq!(run(&["backup", &backup], &env, None).0, 0);
    let restored_env = vec![
        (
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", dir.path().join("restored.db").display()),
        ),
        ("RUST_LOG", "warn".into()),
    ];
    let (code, stdout, stderr) = run(&["restore", &backup], &restored_env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Restored") && stdout.contains("rows"), "{stdout}");
    let (_, stdout, _) = run(&["seed", "--demo", "--if-empty"], &restored_env, None);
    assert!(
        stdout.contains("already exist"),
        "the restore holds the demo accounts"
    );
    let (code, _, stderr) = run(&["migrate", "status"], &restored_env, None);
    assert_eq!(code, 0, "{stderr}");
    // The kept attendance counts come back once, not counted again by the triggers.
    let (code, stdout, stderr) = run(&["check", "counters"], &restored_env, None);
    assert_eq!(code, 0, "{stdout}{stderr}");

    // Again into the same (now full) database: refused, with what to do instead.
    let (code, _, stderr) = run(&["restore", &backup], &restored_env, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("restore only into an empty database"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn a_port_already_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let mut env = sqlite_env(&dir);
    env.push(("LEPTOS_SITE_ADDR", addr.clone()));
    let (code, _, stderr) = run(&["serve"], &env, None);
    assert_ne!(code, 0);
    assert!(
        stderr.contains(&format!("cannot listen on {addr}: the address is already in use")),
        "{stderr}"
    );
}

#[test]
fn serve_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", dir.path().join("s.db").display()),
        )
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Generous: other tests start servers and burn CPU at the same time.
    let mut up = false;
    for _ in 0..600 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            up = true;
            break;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the server exited before listening: {status}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(up, "server came up");
    let pid = child.id().to_string();
    // The server started itself again (same process) with glibc's memory settings.
    if cfg!(all(target_os = "linux", target_env = "gnu"))
        && std::env::var_os("MALLOC_MMAP_THRESHOLD_").is_none()
        && std::env::var_os("MALLOC_ARENA_MAX").is_none()
    {
        let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap();
        let vars: Vec<&[u8]> = environ.split(|b| *b == 0).collect();
        assert!(vars.contains(&&b"MALLOC_MMAP_THRESHOLD_=262144"[..]));
        assert!(vars.contains(&&b"MALLOC_ARENA_MAX=2"[..]));
    }
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status}");
    let mut stdout = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut stdout).unwrap();
    assert!(stdout.contains(&format!("listening on http://127.0.0.1:{port}")));
    assert!(stdout.contains("Siap Jepang stopped."));
}

#[test]
fn the_demo_schedule_exports_as_icalendar_and_unknown_cohorts_fail() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("4 cohorts"), "{stdout}");
    let (code, all, stderr) = run(&["export", "schedule", "--format", "ics"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    let calendar: icalendar::Calendar = all.parse().expect("the export parses as iCalendar");
    let events = calendar
        .components
        .iter()
        .filter(|c| c.as_event().is_some())
        .count();
    assert!(events > 100, "{events} sessions exported");
    assert!(all.contains("TZID=Asia/Jakarta"));

    let code_line = all
        .lines()
        .find(|line| line.starts_with("SUMMARY:JP-KAIGO-B-"))
        .expect("the running cohort is there");
    let cohort = code_line
        .trim_start_matches("SUMMARY:")
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    let file = dir.path().join("kaigo.ics");
    let file_arg = file.display().to_string();
    let (code, stdout, stderr) = run(
        &[
            "export",
            "schedule",
            "--cohort",
            &cohort.to_lowercase(),
            "--output",
            &file_arg,
        ],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    let one: icalendar::Calendar = std::fs::read_to_string(&file).unwrap().parse().unwrap();
    let mine = one.components.iter().filter_map(|c| c.as_event()).count();
    assert!(mine > 20 && mine < events, "{mine} of {events}");

    let (code, stdout, stderr) = run(&["export", "schedule", "--cohort", "JP-TIDAK-ADA"], &env, None);
    assert_ne!(code, 0);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("unknown cohort code \"JP-TIDAK-ADA\""),
        "{stderr}"
    );
}

#[test]
fn import_trainees_checks_every_row_first_and_the_exports_read_back() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, _, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    let (_, calendar, _) = run(&["export", "schedule"], &env, None);
    let cohort = calendar
        .lines()
        .find_map(|line| line.strip_prefix("SUMMARY:JP-KAIGO-B-"))
        .map(|rest| format!("JP-KAIGO-B-{}", rest.split(' ').next().unwrap()))
        .expect("a demo cohort");
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, crate::support::trainees::EXCEL_ROSTER).unwrap();
    let roster = roster.display().to_string();
    let count = |env: &[(&'static str, String)]| {
        let (code, csv, stderr) = run(&["export", "trainees", "--format", "csv"], env, None);
        assert_eq!(code, 0, "{stderr}");
        assert!(csv.starts_with('\u{feff}'));
        csv.lines().count() - 1
    };
    let before = count(&env);

    let (code, stdout, stderr) = run(&["import", "trainees", &roster, "--cohort", &cohort], &env, None);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("row 2: accepted — Budi Santoso"), "{stdout}");
    assert!(
        stdout.contains("row 4: refused — nik: Same NIK as row 2"),
        "{stdout}"
    );
    assert!(stdout.contains("row 5: refused — nik:"), "{stdout}");
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert_eq!(count(&env), before);

    let (code, stdout, _stderr) = run(
        &[
            "import",
            "trainees",
            &roster,
            "--cohort",
            &cohort,
            "--dry-run",
            "--skip-invalid",
        ],
        &env,
        None,
    );
    assert_eq!(code, 1, "refused rows fail the command, dry run or not");
    assert!(
        stdout.contains("2 trainees would be imported (dry run)"),
        "{stdout}{_stderr}"
    );
    assert!(_stderr.contains("Dry run: nothing was written."), "{_stderr}");
    assert_eq!(count(&env), before);

    let (code, stdout, stderr) = run(
        &[
            "import",
            "trainees",
            &roster,
            "--cohort",
            &cohort,
            "--skip-invalid",
        ],
        &env,
        None,
    );
    assert_eq!(code, 1, "still a failure: rows were refused");
    assert!(stderr.contains("The accepted rows were imported"), "{stderr}");
    assert!(
        stdout.contains("2 trainees imported; 2 rows accepted, 2 refused."),
        "{stdout}"
    );
    assert_eq!(count(&env), before + 2);

    let (code, enrollments, stderr) = run(
        &["export", "enrollments", "--cohort", &cohort.to_lowercase()],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(enrollments.contains("Dewi Lestari") && enrollments.contains("Budi Santoso"));
    let workbook = dir.path().join("peserta.xlsx");
    let workbook_arg = workbook.display().to_string();
    let (code, _, stderr) = run(
        &[
            "export",
            "trainees",
            "--format",
            "xlsx",
            "--output",
            &workbook_arg,
        ],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("{} trainees written", before + 2)),
        "{stderr}"
    );
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&workbook).unwrap();
    let sheet = xlsx.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.height(), before + 3, "a header and every record");

    let (code, _, stderr) = run(
        &["import", "trainees", &roster, "--cohort", "JP-NOPE-1"],
        &env,
        None,
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown cohort code"), "{stderr}");
    let (code, _, stderr) = run(
        &[
            "import",
            "trainees",
            "/nonexistent/roster.csv",
            "--site",
            "BBPLK-SRG",
        ],
        &env,
        None,
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read /nonexistent/roster.csv"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn the_demo_attendance_exports_per_session_and_as_a_summary() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("attendance marks"), "{stdout}");
    let (code, sessions, stderr) = run(&["export", "attendance"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(sessions.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(&reader.headers().unwrap()[6], "Keterangan");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 200, "{} marks", rows.len());
    assert!(rows.iter().any(|r| &r[6] == "Hadir") && rows.iter().any(|r| &r[6] == "Alpa"));
    let (code, summary, _) = run(&["export", "attendance", "--summary"], &env, None);
    assert_eq!(code, 0);
    assert!(summary.lines().next().unwrap().contains("Kehadiran"), "{summary}");
    let workbook = dir.path().join("kehadiran.xlsx");
    let workbook_arg = workbook.display().to_string();
    let (code, _, stderr) = run(
        &[
            "export",
            "attendance",
            "--format",
            "xlsx",
            "--output",
            &workbook_arg,
        ],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let xlsx: calamine::Xlsx<_> = calamine::open_workbook(&workbook).unwrap();
    assert_eq!(xlsx.sheet_names(), vec!["Per sesi", "Ringkasan"]);
    let (code, _, stderr) = run(&["export", "attendance", "--cohort", "JP-NOPE-1"], &env, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown cohort code"), "{stderr}");
}

#[test]
fn the_demo_readiness_exports_one_row_per_trainee_with_verdict_and_blockers_in_words() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("placement documents"), "{stdout}");
    let (code, csv_text, stderr) = run(&["export", "readiness"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        headers,
        ["Nama", "NIK", "Angkatan", "Program", "Jalur", "Status", "Hambatan"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() >= 40, "{csv_text}");
    // The demo tells every story: ready, a JFT-Basic just short, an old MCU…
    let verdicts: Vec<&str> = rows.iter().map(|r| &r[5]).collect();
    assert!(
        verdicts.contains(&"Siap") && verdicts.contains(&"Belum"),
        "{csv_text}"
    );
    assert!(
        rows.iter().any(|r| r[6].contains("JFT-Basic 185 < 200")),
        "{csv_text}"
    );
    assert!(
        rows.iter()
            .any(|r| r[6].contains("Medical check-up (MCU) kedaluwarsa")),
        "{csv_text}"
    );
    assert!(rows.iter().any(|r| &r[4] == "SSW") && rows.iter().any(|r| &r[4] == "EPA"));
    let workbook = dir.path().join("kesiapan.xlsx");
    let path = workbook.display().to_string();
    let (code, _, stderr) = run(
        &["export", "readiness", "--format", "xlsx", "--output", &path],
        &env,
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&workbook).unwrap();
    assert_eq!(book.sheet_names(), ["Kesiapan"]);
    let (code, _, stderr) = run(&["export", "readiness", "--cohort", "JP-NOPE-1"], &env, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown cohort code"), "{stderr}");
}

#[test]
fn a_scale_seed_refuses_a_database_that_holds_data_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    assert_eq!(run(&["seed", "--demo"], &env, None).0, 0);
    let (code, stdout, stderr) = run(&["seed", "--scale", "site"], &env, None);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("already holds data") && stderr.contains("--force"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["seed", "--force"], &env, None);
    assert_eq!(code, 2, "--force only goes with --scale: {stderr}");
}

#[tokio::test]
async fn a_forced_scale_seed_adds_to_the_demo_data_without_clashing() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    use siap_jepang::server::seed::{scale, seed_demo};
    let app = crate::support::TestApp::spawn().await;
    seed_demo(&app.state, false).await.expect("demo data");
    let size = scale::Size {
        sites: 2,
        cohorts_per_site: 3,
        sessions_per_cohort: 40,
        rooms_per_site: 1,
        large_every: 3,
        large_class: 8,
        small_class: 4,
    };
    let before = siap_jepang::entities::trainees::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    let first = scale::seed_scale(&app.state, size, true, false)
        .await
        .expect("first forced seed");
    let second = scale::seed_scale(&app.state, size, true, false)
        .await
        .expect("second forced seed");
    assert_eq!(first.written.cohorts, 6);
    assert_eq!(second.written.trainees, first.written.trainees);
    let after = siap_jepang::entities::trainees::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(after, before + 2 * first.written.trainees as u64);
    // The app's own inserts still get fresh ids after the explicit ones.
    crate::support::TestApp::user(
        &app,
        siap_jepang::kernel::Role::Instructor,
        "baru@uji.id",
        &["UPT-SRG"],
    )
    .await;
}
