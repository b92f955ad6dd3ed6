//! The certificates area's use cases: issuing (one enrollment, a whole cohort), reissuing
//! and revoking, the PDF files, the pages' reads, the public verification and the sites'
//! settings. Each authorises with the scope model and runs in one transaction.

mod issue;
mod papers;
mod settings;
mod views;

pub use issue::{issue, issue_cohort, reissue, revoke, revoke_by_number};
pub use settings::{remove_logo, save_logo, save_settings, settings_page};
pub use views::{cohort_documents, cohort_pdf, document_pdf, my_documents, verify, verify_report};

use crate::entities::{cohorts, issued_documents};
use crate::kernel::{Actor, AppError, CohortTies, Locale};
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;

use super::dto::{DocumentRow, Revoked};
use super::model::{DocumentKind, VerificationCode};
use super::paper::Paper;

/// The path of the public verification page of `code`.
pub fn verify_path(code: &VerificationCode) -> String {
    super::paths::verify(&code.printed())
}

/// The cohort `cohort_id` if the actor runs it (admins, its site's coordinators); a
/// cohort out of reach is not found.
async fn cohort_run_by(env: Env<'_>, actor: &Actor, cohort_id: i64) -> Result<cohorts::Model, AppError> {
    let cohort = crate::cohorts::db::cohort(env.db, cohort_id)
        .await?
        .ok_or_else(|| out_of_reach(actor, "cohort", cohort_id))?;
    if !actor.runs_cohort(&CohortTies::within_reach(actor, cohort.site_id)) {
        return Err(out_of_reach(actor, "cohort", cohort_id));
    }
    Ok(cohort)
}

/// The paper a stored document says.
fn paper_of(row: &issued_documents::Model) -> Result<Paper, AppError> {
    serde_json::from_str(&row.paper)
        .map_err(|error| crate::platform::errors::internal("document paper", &error))
}

/// A stored document as lists show it (`replaced_by`: the number of its successor).
fn row_view(row: &issued_documents::Model, paper: &Paper, replaced_by: Option<String>) -> DocumentRow {
    DocumentRow {
        id: row.id,
        kind: DocumentKind::parse(&row.kind).unwrap_or(DocumentKind::Certificate),
        number: row.number.clone(),
        code: VerificationCode::parse(&row.code).map_or_else(|| row.code.clone(), |code| code.printed()),
        trainee_name: paper.full_name.clone(),
        cohort: paper.cohort.clone(),
        issued_at: row.issued_at,
        revoked: row.revoked_at.map(|at| Revoked {
            at,
            reason: row.revoke_reason.clone().unwrap_or_default(),
        }),
        replaced_by,
    }
}

/// Rows of `rows` with their successors' numbers.
fn rows_view(rows: &[issued_documents::Model]) -> Result<Vec<DocumentRow>, AppError> {
    rows.iter()
        .map(|row| {
            let successor = row
                .replaced_by
                .and_then(|id| rows.iter().find(|other| other.id == id))
                .map(|other| other.number.clone());
            Ok(row_view(row, &paper_of(row)?, successor))
        })
        .collect()
}

/// A PDF's file name without its `.pdf`: the kind and the number, with what is not a
/// letter or digit as `-`.
fn file_name(kind: DocumentKind, number: &str, locale: Locale) -> String {
    let word = match (kind, locale) {
        (DocumentKind::Certificate, Locale::Id) => "sertifikat",
        (DocumentKind::Certificate, Locale::En) => "certificate",
        (DocumentKind::Letter, Locale::Id) => "surat-keterangan",
        (DocumentKind::Letter, Locale::En) => "enrollment-letter",
    };
    let number: String = number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{word}-{number}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_kind_and_number_in_plain_characters() {
        assert_eq!(
            file_name(DocumentKind::Certificate, "007/SJ/SRG/XII/2026", Locale::Id),
            "sertifikat-007-SJ-SRG-XII-2026"
        );
        assert_eq!(
            file_name(DocumentKind::Letter, "SK 1\"; x", Locale::En),
            "enrollment-letter-SK-1---x"
        );
    }
}
