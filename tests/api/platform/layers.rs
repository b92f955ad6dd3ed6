//! The top-level modules of `src/` are layers, and a module uses only the layers below it
//! (areas may use a lower area, declared here). The same check as
//! `python3 ../shared/tools/modgraph.py src`, kept in the suite so CI enforces it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every top-level module and its layer, top down. A new module must be placed here.
const LAYERS: &[(&str, u8)] = &[
    ("server", 6),       // composition: router, middleware, CLI, seed, backup
    ("app", 5),          // app shell: routes, layout and navigation, landing, preferences
    ("integrations", 4), // areas
    ("certificates", 4),
    ("readiness", 4),
    ("attendance", 4),
    ("trainees", 4),
    ("schedule", 4),
    ("cohorts", 4),
    ("accounts", 4),
    ("audit", 4),
    ("ui", 3),       // UI kit
    ("platform", 2), // web platform
    ("entities", 1), // SeaORM entities
    ("kernel", 0),   // core
];

/// Uses between areas (same layer): the higher area first.
const AREA_USES: &[(&str, &str)] = &[
    ("accounts", "audit"),
    ("cohorts", "audit"),
    ("cohorts", "accounts"),
    ("schedule", "cohorts"),
    ("schedule", "accounts"),
    ("schedule", "audit"),
    ("trainees", "cohorts"),
    ("trainees", "accounts"),
    ("trainees", "audit"),
    ("attendance", "schedule"),
    ("attendance", "trainees"),
    ("attendance", "cohorts"),
    ("attendance", "audit"),
    ("attendance", "accounts"),
    ("readiness", "attendance"),
    ("readiness", "trainees"),
    ("readiness", "cohorts"),
    ("readiness", "audit"),
    ("readiness", "accounts"),
    ("readiness", "schedule"),
    ("certificates", "readiness"),
    ("certificates", "attendance"),
    ("certificates", "trainees"),
    ("certificates", "cohorts"),
    ("certificates", "schedule"),
    ("certificates", "accounts"),
    ("certificates", "audit"),
    ("integrations", "readiness"),
    ("integrations", "cohorts"),
    ("integrations", "audit"),
    ("integrations", "accounts"),
    ("integrations", "trainees"),
    ("integrations", "attendance"),
    ("integrations", "schedule"),
];

pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn identifier_at(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules named after `crate::` in `text` (also inside `crate::{a, b::c}`).
fn used_modules(text: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for (index, _) in text.match_indices("crate::") {
        let rest = &text[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let mut at_item_start = true;
            for (offset, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => at_item_start = true,
                    c if at_item_start && depth == 1 && (c.is_ascii_alphabetic() || c == '_') => {
                        used.insert(identifier_at(&group[offset..]));
                        at_item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            used.insert(identifier_at(rest));
        }
    }
    used
}

fn module_graph() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let known: BTreeSet<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .expect("inside src")
            .to_string_lossy()
            .into_owned();
        let top = relative
            .split('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "main" || top == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("readable source");
        let text = match text.find("#[cfg(test)]\nmod tests") {
            Some(cut) => &text[..cut],
            None => &text[..],
        };
        let uses = graph.entry(top.clone()).or_default();
        for module in used_modules(text) {
            if module != top && known.contains(module.as_str()) {
                uses.entry(module).or_default().insert(relative.clone());
            }
        }
    }
    graph
}

#[test]
fn every_top_level_module_has_a_layer() {
    let graph = module_graph();
    let unplaced: Vec<&String> = graph
        .keys()
        .filter(|module| !LAYERS.iter().any(|(name, _)| name == module))
        .collect();
    assert!(unplaced.is_empty(), "place these modules in LAYERS: {unplaced:?}");
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let rank = |module: &str| LAYERS.iter().find(|(name, _)| *name == module).map(|(_, r)| *r);
    let mut violations = Vec::new();
    for (from, uses) in module_graph() {
        for (to, files) in uses {
            let allowed = match (rank(&from), rank(&to)) {
                (Some(a), Some(b)) if a > b => true,
                (Some(a), Some(b)) if a == b => AREA_USES.contains(&(from.as_str(), to.as_str())),
                _ => false,
            };
            if !allowed {
                violations.push(format!(
                    "{from} -> {to}: {}",
                    files.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "uses against the layering:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_scanner_sees_grouped_and_nested_uses() {
    let used = used_modules("use crate::{kernel::{Actor, Role}, platform::page};\nlet x = crate::ui::api();");
    assert_eq!(
        used.into_iter().collect::<Vec<_>>(),
        vec!["kernel", "platform", "ui"]
    );
}

#[test]
fn no_source_file_grows_past_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .into_iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(&file).ok()?.lines().count();
            (lines > 600).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files by use case: {long:?}");
}
