//! The operator's file commands: `import trainees` and `export trainees|enrollments`.
//! Import reports go to standard output (one line per row, then a summary), failures to
//! standard error; exports to the file or standard output.

use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};

use super::cli::TableFormat;
use crate::kernel::CohortId;
use crate::platform::state::AppState;
use crate::trainees::service::{self, CliImport, ExportFormat, Exported};

fn format_of(format: TableFormat) -> ExportFormat {
    match format {
        TableFormat::Csv => ExportFormat::Csv,
        TableFormat::Xlsx => ExportFormat::Xlsx,
    }
}

fn write_out(exported: &Exported, output: Option<PathBuf>, what: &str) -> Result<(), String> {
    match output {
        Some(path) => {
            std::fs::write(&path, &exported.bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("{} {what} written to {}", exported.rows, path.display());
        }
        None if exported.content_type.contains("spreadsheetml") && std::io::stdout().is_terminal() => {
            return Err("an xlsx workbook is binary: give --output FILE".into());
        }
        None => std::io::stdout()
            .write_all(&exported.bytes)
            .map_err(|e| format!("cannot write to standard output: {e}"))?,
    }
    Ok(())
}

/// `export trainees`: every record at every site.
pub async fn export_trainees(
    state: &AppState,
    format: TableFormat,
    output: Option<PathBuf>,
) -> Result<(), String> {
    let exported = service::export_trainees(state.env(), None, &Default::default(), format_of(format))
        .await
        .map_err(|e| e.to_string())?;
    write_out(&exported, output, "trainees")
}

async fn cohort_id(state: &AppState, cohort: Option<&str>) -> Result<Option<CohortId>, String> {
    match cohort {
        Some(code) => Ok(Some(CohortId(
            crate::cohorts::db::cohort_by_code(&state.db, code)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("unknown cohort code {code:?}"))?
                .id,
        ))),
        None => Ok(None),
    }
}

/// `export attendance [--cohort CODE] [--summary]`.
pub async fn export_attendance(
    state: &AppState,
    cohort: Option<String>,
    format: TableFormat,
    summary: bool,
    output: Option<PathBuf>,
) -> Result<(), String> {
    let cohort_id = cohort_id(state, cohort.as_deref()).await?;
    let exported = crate::attendance::service::export_attendance(
        state.env(),
        None,
        cohort_id,
        format_of(format),
        summary,
    )
    .await
    .map_err(|e| e.to_string())?;
    write_out(&exported, output, if summary { "trainees" } else { "marks" })
}

/// `export readiness [--cohort CODE]`: one row per trainee with the track, the verdict in
/// Indonesian and every blocker in words.
pub async fn export_readiness(
    state: &AppState,
    cohort: Option<String>,
    format: TableFormat,
    output: Option<PathBuf>,
) -> Result<(), String> {
    let cohort_id = cohort_id(state, cohort.as_deref()).await?;
    let filter = crate::readiness::dto::DashboardFilter {
        cohort_id,
        ..Default::default()
    };
    let exported = crate::readiness::service::export_readiness(state.env(), None, filter, format_of(format))
        .await
        .map_err(|e| e.to_string())?;
    write_out(&exported, output, "trainees")
}

/// `export enrollments [--cohort CODE]`.
pub async fn export_enrollments(
    state: &AppState,
    cohort: Option<String>,
    format: TableFormat,
    output: Option<PathBuf>,
) -> Result<(), String> {
    let cohort_id = cohort_id(state, cohort.as_deref()).await?;
    let exported = service::export_enrollments(state.env(), cohort_id, format_of(format))
        .await
        .map_err(|e| e.to_string())?;
    write_out(&exported, output, "enrollments")
}

fn read(file: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
}

/// `import trainees FILE`: prints one line per row and a summary. Any refused row makes
/// the command fail: with nothing written, unless `--skip-invalid` imported the others.
pub async fn import_trainees(state: &AppState, file: &Path, options: &CliImport) -> Result<(), String> {
    let bytes = read(file)?;
    let report = service::import_file(state.env(), &bytes, options).await?;
    for line in &report.lines {
        println!("{line}");
    }
    let verb = if options.dry_run {
        "would be imported (dry run)"
    } else {
        "imported"
    };
    let written = if options.dry_run {
        report.accepted
    } else {
        report.written
    };
    println!(
        "{written} trainees {verb}; {} rows accepted, {} refused.",
        report.accepted, report.refused
    );
    // Any refused row is a failure for scripts, even when the others were written.
    if report.refused > 0 {
        let what = match (options.dry_run, options.skip_invalid) {
            (true, _) => "Dry run: nothing was written.",
            (false, true) => {
                "The accepted rows were imported; correct the refused ones and import them again."
            }
            (false, false) => {
                "Nothing was written: correct the rows, or pass --skip-invalid to import the others."
            }
        };
        return Err(format!("{} rows refused. {what}", report.refused));
    }
    Ok(())
}
