//! `siap-jepang certificates issue|verify|revoke`, run as a real process on the demo data.

use crate::platform::cli::{run, sqlite_env};

#[test]
fn the_command_line_issues_a_cohort_with_its_pdfs_verifies_and_revokes() {
    let dir = tempfile::tempdir().unwrap();
    let env = sqlite_env(&dir);
    let (code, stdout, stderr) = run(&["seed", "--demo"], &env, None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("certificates and letters"), "{stdout}");

    let db = dir.path().join("cli.db");
    let query = |sql: &str| -> Vec<String> {
        let out = std::process::Command::new("python3")
            .args(["-c", "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]"])
            .arg(&db)
            .arg(sql)
            .output()
            .expect("python3 reads the database");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let cohort = query("SELECT code FROM cohorts WHERE code LIKE 'JP-MANUF-A-%'").remove(0);

    // The demo's finished cohort is certified already: nothing left, nothing numbered.
    let (code, _, stderr) = run(&["certificates", "issue", "--cohort", &cohort], &env, None);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("nothing issued"), "{stderr}");
    let (code, _, stderr) = run(&["certificates", "issue", "--cohort", "JP-TIDAK-ADA"], &env, None);
    assert_eq!(code, 1);
    assert!(stderr.contains("no cohort"), "{stderr}");

    // Revoke every certificate of it by number; issuing again numbers them anew, one PDF each.
    let current = |kind: &str| -> Vec<(String, String)> {
        query(&format!(
            "SELECT number || '|' || code FROM issued_documents WHERE kind = '{kind}' AND revoked_at IS NULL ORDER BY id"
        ))
        .iter()
            .map(|line| {
                let (number, code) = line.split_once('|').unwrap();
                (number.to_owned(), code.to_owned())
            })
            .collect()
    };
    let certified = current("certificate");
    assert!(certified.len() >= 10, "{certified:?}");
    let (number, code) = certified[0].clone();
    let (status, stdout, stderr) = run(&["certificates", "verify", &code.to_lowercase()], &env, None);
    assert_eq!(status, 0, "{stderr}");
    assert!(
        stdout.starts_with("VALID") && stdout.contains(&number),
        "{stdout}"
    );
    for (number, _) in &certified {
        let (status, stdout, stderr) = run(
            &["certificates", "revoke", number, "--reason", "Dicetak ulang"],
            &env,
            None,
        );
        assert_eq!(status, 0, "{stderr}");
        assert!(stdout.contains("revoked"), "{stdout}");
    }
    let (status, stdout, _) = run(&["certificates", "verify", &code], &env, None);
    assert_eq!(status, 1);
    assert!(stdout.starts_with("REVOKED on "), "{stdout}");
    let (status, _, stderr) = run(
        &["certificates", "verify", "0000-0000-0000-0000-0000"],
        &env,
        None,
    );
    assert_eq!(status, 1);
    assert!(stderr.contains("no document"), "{stderr}");
    let (status, _, stderr) = run(
        &["certificates", "revoke", &number, "--reason", "lagi"],
        &env,
        None,
    );
    assert_eq!(status, 1, "revoked already");
    assert!(stderr.contains("revoked already"), "{stderr}");

    let out = dir.path().join("pdf");
    let (status, stdout, stderr) = run(
        &[
            "certificates",
            "issue",
            "--cohort",
            &cohort,
            "--output",
            out.to_str().unwrap(),
            "--base-url",
            "https://sj.example.id",
        ],
        &env,
        None,
    );
    assert_eq!(status, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        certified.len(),
        "every completed trainee once more: {stdout}"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.contains("\thttps://sj.example.id/verifikasi/")),
        "{stdout}"
    );
    let old: Vec<&str> = certified.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        lines
            .iter()
            .all(|l| !old.contains(&l.split('\t').next().unwrap())),
        "never a number again"
    );
    let pdfs = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(pdfs, lines.len());
    let first = std::fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    assert!(std::fs::read(first).unwrap().starts_with(b"%PDF-"));
}
