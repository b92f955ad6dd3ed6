//! Every table has one owning area, and only that area's `db` (its `db.rs` or `db/`)
//! queries it; the area's services may fill in the rows its `db` writes (`ActiveModel`),
//! no other area may even do that. Other areas ask the owner: a named read function, a
//! service, or a query fragment the owner builds (see `Ports` for the reads a lower area
//! needs of a higher one). The composition (`server`: seed, backup, CLI) works on the
//! database as a whole and is the one exception.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every table, and the area that owns it.
pub const TABLE_OWNERS: &[(&str, &str)] = &[
    // accounts: people, their sessions and codes, and the sites they work at
    ("users", "accounts"),
    ("sessions", "accounts"),
    ("activation_codes", "accounts"),
    ("sign_in_throttle", "accounts"),
    ("user_sites", "accounts"),
    ("sites", "accounts"),
    ("audit_log", "audit"),
    // cohorts: the catalogue and the cohorts with their instructors and seats
    ("programmes", "cohorts"),
    ("courses", "cohorts"),
    ("course_units", "cohorts"),
    ("rooms", "cohorts"),
    ("cohorts", "cohorts"),
    ("cohort_instructors", "cohorts"),
    // schedule
    ("class_sessions", "schedule"),
    ("holidays", "schedule"),
    ("site_closures", "schedule"),
    ("calendar_feeds", "schedule"),
    ("schedule_stamps", "schedule"),
    ("schedule_changes_seen", "schedule"),
    // trainees: the registry and enrollment
    ("trainees", "trainees"),
    ("enrollments", "trainees"),
    ("enrollment_events", "trainees"),
    ("trainee_imports", "trainees"),
    ("saved_searches", "trainees"),
    // attendance
    ("attendance_marks", "attendance"),
    ("attendance_counts", "attendance"),
    ("attendance_changes", "attendance"),
    ("attendance_policies", "attendance"),
    ("roll_calls", "attendance"),
    ("check_in_keys", "attendance"),
    ("excuses", "attendance"),
    ("excuse_notes", "attendance"),
    // readiness
    ("assessments", "readiness"),
    ("assessment_scores", "readiness"),
    ("taught_units", "readiness"),
    ("official_results", "readiness"),
    ("trainee_documents", "readiness"),
    ("document_scans", "readiness"),
    ("readiness_requirements", "readiness"),
    ("readiness_stamps", "readiness"),
    // certificates: documents issued, their numbering and the sites' settings
    ("issued_documents", "certificates"),
    ("document_counters", "certificates"),
    ("document_settings", "certificates"),
    // integrations: the partner API's keys
    ("integration_keys", "integrations"),
    ("integration_key_sites", "integrations"),
    ("api_idempotency", "integrations"),
];

/// Top-level modules that are not areas but may not touch a table either.
const NOT_AREAS: &[&str] = &["app", "ui", "platform", "kernel"];

/// The one module that may: the composition's operator tools.
const WHOLE_DATABASE: &str = "server";

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// How a file touches a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Touch {
    /// Fills in a row to be written (`x::ActiveModel`).
    Row,
    /// Queries it: `x::Entity`, `x::Column`, `x::Relation`, `x::PrimaryKey`, or SQL by
    /// hand (`FROM x`, `JOIN x`, `UPDATE x`, `INTO x`). A plain `x::Model` is a row handed
    /// over, and touches nothing.
    Query,
}

/// The tables `code` touches, and how.
fn tables_touched(code: &str, tables: &BTreeSet<&str>) -> BTreeMap<String, Touch> {
    let mut touched = BTreeMap::new();
    for table in tables {
        for (kind, touch) in [
            ("Entity", Touch::Query),
            ("Column", Touch::Query),
            ("Relation", Touch::Query),
            ("PrimaryKey", Touch::Query),
            ("ActiveModel", Touch::Row),
        ] {
            let needle = format!("{table}::{kind}");
            if code.match_indices(&needle).any(|(at, _)| {
                !code[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    && !code[at + needle.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            }) {
                let entry = touched.entry((*table).to_owned()).or_insert(touch);
                *entry = (*entry).max(touch);
            }
        }
        let lower = code.to_lowercase();
        for keyword in ["from", "join", "update", "into"] {
            let needle = format!("{keyword} {table}");
            if lower.match_indices(&needle).any(|(at, _)| {
                !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    && !lower[at + needle.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            }) {
                touched.insert((*table).to_owned(), Touch::Query);
            }
        }
    }
    touched
}

/// The code of `text` without its unit tests and comments.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(cut) => &text[..cut],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(comment) if !line[..comment].contains('"') => &line[..comment],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each file of `src/` (but the entities and the composition) and the tables it touches.
fn touches() -> BTreeMap<String, BTreeMap<String, Touch>> {
    let tables: BTreeSet<&str> = TABLE_OWNERS.iter().map(|(table, _)| *table).collect();
    let mut files = Vec::new();
    crate::platform::layers::rust_files(&src(), &mut files);
    let mut found = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(src())
            .expect("inside src")
            .to_string_lossy()
            .into_owned();
        let top = relative.split('/').next().unwrap_or_default();
        if top == "entities" || top == WHOLE_DATABASE || top == "main.rs" || top == "lib.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        let touched = tables_touched(&code_of(&text), &tables);
        if !touched.is_empty() {
            found.insert(relative, touched);
        }
    }
    found
}

/// Whether `file` (relative to `src/`) is the `db` of `area`.
fn is_db_of(file: &str, area: &str) -> bool {
    file == format!("{area}/db.rs") || file.starts_with(&format!("{area}/db/"))
}

#[test]
fn every_table_has_exactly_one_owning_area() {
    let mut entity_files = Vec::new();
    crate::platform::layers::rust_files(&src().join("entities"), &mut entity_files);
    let entities: BTreeSet<String> = entity_files
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| name != "mod")
        .collect();
    let owned: BTreeSet<String> = TABLE_OWNERS.iter().map(|(t, _)| (*t).to_owned()).collect();
    assert_eq!(
        entities, owned,
        "give every table (and only tables) one owner here"
    );
    assert_eq!(owned.len(), TABLE_OWNERS.len(), "a table is listed twice");
    for (table, area) in TABLE_OWNERS {
        assert!(
            src().join(area).is_dir() && !NOT_AREAS.contains(area),
            "{table}: {area} is not an area"
        );
    }
}

#[test]
fn only_the_owning_areas_db_touches_a_table() {
    let owner: BTreeMap<&str, &str> = TABLE_OWNERS.iter().copied().collect();
    let mut violations = Vec::new();
    for (file, tables) in touches() {
        for (table, touch) in tables {
            let area = owner[table.as_str()];
            let in_area = file.starts_with(&format!("{area}/"));
            let allowed = is_db_of(&file, area) || (in_area && touch == Touch::Row);
            if !allowed {
                violations.push(format!(
                    "{file} touches {table} ({touch:?}; owned by {area}'s db)"
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "tables touched outside their owner's db:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_scanner_finds_entities_and_handwritten_sql_but_not_rows_handed_over() {
    let tables: BTreeSet<&str> = ["cohorts", "class_sessions", "enrollments"].into_iter().collect();
    let code = r#"
        fn a(c: &cohorts::Model) {}
        let q = class_sessions::Entity::find();
        let sql = "SELECT id FROM enrollments WHERE x";
        let not_a_table = my_cohorts::Column::Id;
        let row = cohorts::ActiveModel { ..Default::default() };
    "#;
    assert_eq!(
        tables_touched(code, &tables).into_iter().collect::<Vec<_>>(),
        vec![
            ("class_sessions".to_owned(), Touch::Query),
            ("cohorts".to_owned(), Touch::Row),
            ("enrollments".to_owned(), Touch::Query),
        ]
    );
}
