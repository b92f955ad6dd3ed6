//! Trainee records as other systems read them (the partner API): within the caller's
//! reach, by id, with their enrollments and history. Personal data only for a reader who
//! may read it; when a partner system's key reads it, the audit log says whose.

use serde_json::json;
use std::collections::HashMap;

use super::registry::enrollment_views;
use super::{shown_nik, visible_trainee};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::trainees;
use crate::kernel::identity::Sex;
use crate::kernel::{Actor, AppError, TraineeId};
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::{EnrollmentView, PersonalFacts, TraineeFacts, TraineeFeed};

/// Up to `feed.limit` records within the actor's reach, by id, after `feed.after`. A fixed
/// number of queries.
///
/// # Errors
/// `Forbidden` outside the registry; database failures.
pub async fn trainee_feed(
    env: Env<'_>,
    actor: &Actor,
    feed: &TraineeFeed,
) -> Result<Vec<TraineeFacts>, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let rows = db::feed(
        env.db,
        &db::FeedQuery {
            sites: actor.sites_run(),
            site_id: feed.site_id,
            cohort_id: feed.cohort_id.map(|c| c.get()),
            updated_since: feed.updated_since,
            after: feed.after.map(TraineeId::get),
            limit: feed.limit,
        },
    )
    .await?;
    facts_of(env, actor, rows).await
}

/// One record within the actor's reach.
///
/// # Errors
/// `NotFound` for a record that does not exist or is out of reach.
pub async fn trainee_facts(env: Env<'_>, actor: &Actor, id: TraineeId) -> Result<TraineeFacts, AppError> {
    let trainee = visible_trainee(env, actor, id).await?;
    Ok(facts_of(env, actor, vec![trainee]).await?.remove(0))
}

/// A record's enrollments, each with its history, oldest first.
///
/// # Errors
/// `NotFound` for a record that does not exist or is out of reach.
pub async fn trainee_enrollments(
    env: Env<'_>,
    actor: &Actor,
    id: TraineeId,
) -> Result<Vec<EnrollmentView>, AppError> {
    let trainee = visible_trainee(env, actor, id).await?;
    enrollment_views(env, TraineeId(trainee.id)).await
}

/// Records as read, site and programme by code; a partner system's read of personal data
/// audited, one entry per answer naming the records.
pub(super) async fn facts_of(
    env: Env<'_>,
    actor: &Actor,
    rows: Vec<trainees::Model>,
) -> Result<Vec<TraineeFacts>, AppError> {
    let sites: HashMap<i64, String> = crate::accounts::db::sites(env.db, None)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let programmes: HashMap<i64, String> = crate::cohorts::db::all_programmes(env.db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.code))
        .collect();
    let personal = actor.reads_personal_data();
    if personal && !rows.is_empty() {
        if let Some(integration) = &actor.integration {
            let ids: Vec<i64> = rows.iter().map(|t| t.id).collect();
            let mut event = AuditEvent::new(AuditAction::PersonalDataRead, Outcome::Success)
                .by(actor)
                .detail(json!({ "trainees": ids, "key_id": integration.key.get() }));
            if let [only] = rows.as_slice() {
                event = event.site(Some(only.site_id));
            }
            record(env.db, env.clock.now(), event).await?;
        }
    }
    Ok(rows
        .into_iter()
        .map(|t| TraineeFacts {
            id: TraineeId(t.id),
            nik: shown_nik(actor, &t),
            sex: Sex::parse(&t.sex).unwrap_or(Sex::Female),
            site: sites.get(&t.site_id).cloned().unwrap_or_default(),
            programme: t.programme_id.and_then(|p| programmes.get(&p).cloned()),
            has_account: t.user_id.is_some(),
            personal: personal.then(|| PersonalFacts {
                birth_place: t.birth_place.clone(),
                birth_date: t.birth_date,
                address: t.address.clone(),
                phone: t.phone.clone(),
                email: t.email.clone(),
            }),
            full_name: t.full_name,
            regency: t.regency_name,
            id_pmi: t.id_pmi,
            siskop2mi_no: t.siskop2mi_no,
            updated_at: t.updated_at,
        })
        .collect())
}
