//! The demo's certificates: each site's signatory and numbering, the completed cohort's
//! certificates issued (one of them revoked and reissued, as a corrected name would be),
//! and an enrollment letter for the demo trainee. Through the area's own use cases, by the
//! command line's operator, after the rest of the demo is in.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use time::OffsetDateTime;

use super::SeedError;
use crate::certificates::dto::{IssueInput, RevokeInput};
use crate::certificates::model::{DocumentKind, NumberPattern, Settings};
use crate::kernel::actor::Integration;
use crate::kernel::{Actor, KeyId, Role};
use crate::platform::context::Client;
use crate::platform::state::AppState;

/// (site code, signatory, position)
const SIGNATORIES: [(&str, &str, &str); 3] = [
    ("UPT-SRG", "Dra. Siti Rohmah, M.Si.", "Kepala UPT BP2MI Serang"),
    ("BBPLK-SRG", "Ir. Hendra Kusuma, M.M.", "Kepala BBPLK Serang"),
    (
        "POS-TNG",
        "Agus Salim, S.E.",
        "Koordinator Pos Pelayanan Tangerang",
    ),
];

fn demo_operator() -> Actor {
    let mut actor = Actor::new(0, Role::Admin, &[]);
    actor.integration = Some(Integration {
        key: KeyId(0),
        name: "demo seed".to_owned(),
        personal_data: true,
    });
    actor
}

fn failed(error: impl std::fmt::Display) -> SeedError {
    SeedError::Account {
        name: "certificates".to_owned(),
        error: error.to_string(),
    }
}

/// Seeds the settings and documents; returns how many documents were issued.
///
/// # Errors
/// Database errors, or a document the rules refuse.
pub async fn seed_certificates(state: &AppState, now: OffsetDateTime) -> Result<usize, SeedError> {
    let env = state.env();
    let sites = crate::accounts::db::all_sites(env.db).await?;
    let txn = env.begin().await?;
    for (code, name, position) in SIGNATORIES {
        let Some(site) = sites.iter().find(|s| s.code == code) else {
            continue;
        };
        let settings = Settings {
            site_id: site.id,
            signatory_name: name.to_owned(),
            signatory_position: position.to_owned(),
            certificate_pattern: NumberPattern::parse("{seq}/SJ/{site}/{month_roman}/{year}").ok(),
            letter_pattern: NumberPattern::parse("{seq}/SK-SJ/{site}/{month_roman}/{year}").ok(),
        };
        crate::certificates::db::save_settings(&txn, &settings, 1, now).await?;
    }
    txn.commit().await?;

    let base = state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| state.config.own_url());
    let actor = demo_operator();
    let client = Client::default();
    // The finished demo cohort (its code carries the year it started).
    let finished = crate::entities::cohorts::Entity::find()
        .filter(crate::entities::cohorts::Column::Code.starts_with("JP-MANUF-A-"))
        .one(env.db)
        .await?;
    let Some(cohort) = finished else {
        return Ok(0);
    };
    let issued = crate::certificates::service::issue_cohort(env, &client, &actor, cohort.id, &base)
        .await
        .map_err(failed)?;
    let mut count = issued.documents.len();
    if let Some(first) = issued.documents.first() {
        crate::certificates::service::reissue(
            env,
            &client,
            &actor,
            &RevokeInput {
                document_id: first.id.to_string(),
                reason: "Nama disesuaikan dengan e-KTP".to_owned(),
            },
            &base,
        )
        .await
        .map_err(failed)?;
        count += 1;
    }
    // The demo trainee's letter, when their enrollment is active.
    if let Some(trainee) = crate::trainees::db::trainee_by_nik(env.db, super::DEMO_TRAINEE_NIK).await? {
        let enrollments =
            crate::trainees::db::attending_of_trainee(env.db, crate::kernel::TraineeId(trainee.id)).await?;
        if let Some(active) = enrollments.iter().find(|e| e.status == "active") {
            crate::certificates::service::issue(
                env,
                &client,
                &actor,
                &IssueInput {
                    enrollment_id: active.id.to_string(),
                    kind: DocumentKind::Letter.as_str().to_owned(),
                },
                &base,
            )
            .await
            .map_err(failed)?;
            count += 1;
        }
    }
    Ok(count)
}
