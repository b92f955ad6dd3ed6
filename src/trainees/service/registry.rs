//! The registry: one trusted record per NIK, created and corrected by coordinators,
//! linked to the person's account; searched without the NIK ever entering an address;
//! and a trainee's own contact details.

use serde_json::json;
use std::collections::HashMap;
use time::Duration;

use super::numbers::{numbers_free, refused_as_duplicate};
use super::{choices, national, outside_banten, registry_sites, shown_nik, visible_trainee};
use crate::accounts::dto::IssuedCode;
use crate::accounts::service::{create_account_in, NewAccountInput};
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::cohorts::dto::Choice;
use crate::cohorts::model::CohortStatus;
use crate::entities::{trainees, users};
use crate::kernel::identity::mask_nik;
use crate::kernel::{wib, AccountId, Actor, AppError, CohortId, EnrollmentId, Problem, Role, TraineeId};
use crate::platform::context::Client;
use crate::platform::errors::out_of_reach;
use crate::platform::state::Env;
use crate::trainees::authz;
use crate::trainees::db;
use crate::trainees::dto::{
    AccountLink, EnrollmentView, EventView, TraineeDetail, TraineeFilter, TraineeForm, TraineeList,
    TraineeSummary,
};
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::{
    validate_trainee, Education, Source, TraineeChoices, TraineeInput, ValidTrainee,
};

pub const TRAINEES_PER_PAGE: u64 = 25;

async fn programme_ids(env: Env<'_>) -> Result<Vec<i64>, AppError> {
    Ok(crate::cohorts::db::all_programmes(env.db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect())
}

async fn validated(env: Env<'_>, actor: &Actor, input: &TraineeInput) -> Result<ValidTrainee, AppError> {
    let sites = registry_sites(env, actor).await?;
    let choices = TraineeChoices {
        site_ids: sites.iter().map(|s| s.id).collect(),
        programme_ids: programme_ids(env).await?,
    };
    validate_trainee(input, &choices, wib::today(env.clock.now()), false).map_err(AppError::Invalid)
}

/// A trainee account of the record's own site with its NIK or phone that no record links
/// yet. Accounts of other sites are never linked (nor is anything said about them), nor is
/// an account that carries another NIK (a family's shared phone).
async fn unlinked_account(
    conn: &impl sea_orm::ConnectionTrait,
    valid: &ValidTrainee,
) -> Result<Option<users::Model>, AppError> {
    let candidates = crate::accounts::db::trainee_accounts_matching(
        conn,
        valid.site_id,
        valid.nik.as_str(),
        valid.phone.as_ref().map(|p| p.as_str()),
    )
    .await?;
    // The account carrying the record's own NIK first; a phone-only match after it.
    let (same_nik, phone_only): (Vec<_>, Vec<_>) = candidates
        .into_iter()
        .filter(|user| user.nik.as_deref().is_none_or(|nik| nik == valid.nik.as_str()))
        .partition(|user| user.nik.is_some());
    for user in same_nik.into_iter().chain(phone_only) {
        if db::trainee_of_user(conn, AccountId(user.id)).await?.is_none() {
            return Ok(Some(user));
        }
    }
    Ok(None)
}

pub(super) fn audit_event(
    action: AuditAction,
    actor: &Actor,
    client: &Client,
    trainee: &trainees::Model,
) -> AuditEvent {
    let event = AuditEvent::new(action, Outcome::Success)
        .by(actor)
        .site(Some(trainee.site_id))
        .ip(client.ip.clone())
        // Never the whole NIK in the trail: the record id and the masked NIK.
        .detail(json!({ "trainee": trainee.id, "nik": mask_nik(&trainee.nik) }));
    match trainee.user_id {
        Some(user) => event.subject(AccountId(user)),
        None => event,
    }
}

/// Registers a trainee at one of the actor's sites. An existing trainee account with the
/// same NIK or phone is linked; otherwise, when asked, an account is created with an
/// activation code (shown once).
///
/// # Errors
/// `Forbidden`, `Invalid` (every refused field, a NIK already registered…).
pub async fn create_trainee(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &TraineeInput,
    create_account: bool,
) -> Result<(TraineeId, String, Option<IssuedCode>), AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let valid = validated(env, actor, input).await?;
    if db::trainee_by_nik(env.db, valid.nik.as_str()).await?.is_some() {
        return Err(AppError::invalid("nik", Problem::AlreadyRegistered));
    }
    numbers_free(env, &valid.numbers(), None).await?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    let linked = unlinked_account(&txn, &valid).await?;
    let mut issued = None;
    let user_id = match linked {
        Some(user) => Some(AccountId(user.id)),
        None if create_account => {
            let account = NewAccountInput {
                role: Role::Trainee.as_str().to_owned(),
                display_name: valid.full_name.clone(),
                phone: valid
                    .phone
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default(),
                nik: valid.nik.as_str().to_owned(),
                site_ids: vec![valid.site_id],
                ..NewAccountInput::default()
            };
            let code = create_account_in(&txn, now, client, actor, &account).await?;
            let user_id = code.user_id;
            issued = Some(code);
            Some(user_id)
        }
        None => None,
    };
    let trainee =
        match db::insert_trainee(&txn, db::new_record(&valid, user_id, now, Some(actor.user_id))).await {
            Ok(trainee) => trainee,
            Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
                drop(txn);
                return Err(refused_as_duplicate(env, &valid.numbers(), None).await);
            }
            Err(e) => return Err(e.into()),
        };
    record(
        &txn,
        now,
        audit_event(AuditAction::TraineeCreate, actor, client, &trainee),
    )
    .await?;
    txn.commit().await?;
    Ok((TraineeId(trainee.id), trainee.full_name, issued))
}

/// Corrects a trainee's record (coordinators of its site).
///
/// # Errors
/// `NotFound`, `Forbidden`, `Invalid`.
pub async fn update_trainee(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    id: TraineeId,
    input: &TraineeInput,
) -> Result<String, AppError> {
    let existing = visible_trainee(env, actor, id).await?;
    if !authz::can_register_at(actor, existing.site_id) {
        return Err(AppError::Forbidden);
    }
    let valid = validated(env, actor, input).await?;
    if let Some(other) = db::trainee_by_nik(env.db, valid.nik.as_str()).await? {
        if other.id != id.get() {
            return Err(AppError::invalid("nik", Problem::AlreadyRegistered));
        }
    }
    numbers_free(env, &valid.numbers(), Some(id)).await?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    match db::update_trainee(&txn, id.get(), &valid, now).await {
        Ok(()) => {}
        Err(e) if crate::cohorts::db::is_unique_violation(&e) => {
            drop(txn);
            return Err(refused_as_duplicate(env, &valid.numbers(), Some(id)).await);
        }
        Err(e) => return Err(e.into()),
    }
    let updated = db::trainee(&txn, id).await?.ok_or(AppError::NotFound)?;
    record(
        &txn,
        now,
        audit_event(AuditAction::TraineeUpdate, actor, client, &updated),
    )
    .await?;
    txn.commit().await?;
    Ok(valid.full_name)
}

fn input_of(trainee: &trainees::Model) -> TraineeInput {
    TraineeInput {
        nik: trainee.nik.clone(),
        full_name: trainee.full_name.clone(),
        birth_place: trainee.birth_place.clone(),
        birth_date: wib::iso_date(trainee.birth_date),
        sex: trainee.sex.clone(),
        address: trainee.address.clone(),
        regency_code: trainee.regency_code.clone().unwrap_or_else(|| "other".to_owned()),
        regency_other: if trainee.regency_code.is_none() {
            trainee.regency_name.clone()
        } else {
            String::new()
        },
        phone: national(trainee.phone.as_deref()).unwrap_or_default(),
        email: trainee.email.clone().unwrap_or_default(),
        education: trainee.education.clone(),
        programme_id: trainee.programme_id.map(|id| id.to_string()).unwrap_or_default(),
        guardian_name: trainee.guardian_name.clone().unwrap_or_default(),
        guardian_relation: trainee.guardian_relation.clone().unwrap_or_default(),
        guardian_phone: national(trainee.guardian_phone.as_deref()).unwrap_or_default(),
        source: trainee.source.clone(),
        notes: trainee.notes.clone().unwrap_or_default(),
        site_id: trainee.site_id.to_string(),
        id_pmi: Some(trainee.id_pmi.clone().unwrap_or_default()),
        siskop2mi_no: Some(trainee.siskop2mi_no.clone().unwrap_or_default()),
    }
}

/// The new-trainee form (optionally completing an existing trainee account) or the edit
/// form of a record.
///
/// # Errors
/// `Forbidden`, `NotFound`.
pub async fn trainee_form(
    env: Env<'_>,
    actor: &Actor,
    id: Option<TraineeId>,
    account: Option<AccountId>,
) -> Result<TraineeForm, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let sites = registry_sites(env, actor).await?;
    let programmes = crate::cohorts::db::all_programmes(env.db).await?;
    let mut values = TraineeInput {
        site_id: if sites.len() == 1 {
            sites[0].id.to_string()
        } else {
            String::new()
        },
        ..TraineeInput::default()
    };
    let mut account_id = None;
    if let Some(id) = id {
        let trainee = visible_trainee(env, actor, id).await?;
        if !authz::can_register_at(actor, trainee.site_id) {
            return Err(AppError::Forbidden);
        }
        values = input_of(&trainee);
    } else if let Some(user_id) = account {
        // Completing the record of an existing trainee account: start from what it knows.
        let user = crate::accounts::db::find_user(env.db, user_id)
            .await?
            .filter(|user| {
                user.role == Role::Trainee.as_str()
                    && user
                        .home_site_id
                        .is_some_and(|site| authz::can_register_at(actor, site))
            })
            .ok_or_else(|| out_of_reach(actor, "account", user_id))?;
        values.full_name = user.display_name;
        values.nik = user.nik.unwrap_or_default();
        values.phone = national(user.phone.as_deref()).unwrap_or_default();
        values.site_id = user.home_site_id.map(|s| s.to_string()).unwrap_or_default();
        account_id = Some(user_id);
    }
    Ok(TraineeForm {
        trainee_id: id,
        values,
        sites: choices(&sites),
        programmes: programmes
            .iter()
            .map(|p| Choice {
                id: p.id,
                label: p.name.clone(),
            })
            .collect(),
        account_id,
    })
}

/// Enrollments with their history, names looked up at once.
pub(super) async fn enrollment_views(
    env: Env<'_>,
    trainee_id: TraineeId,
) -> Result<Vec<EnrollmentView>, AppError> {
    let enrollments = db::enrollments_of(env.db, &[trainee_id.get()]).await?;
    let ids: Vec<i64> = enrollments.iter().map(|e| e.id).collect();
    let events = db::events_of(env.db, &ids).await?;
    let actors: Vec<i64> = events.iter().filter_map(|e| e.actor_id).collect();
    let names = crate::accounts::db::names_of(env.db, &actors).await?;
    let cohort_ids: Vec<i64> = enrollments.iter().map(|e| e.cohort_id).collect();
    let codes = crate::cohorts::db::cohort_codes(env.db, &cohort_ids).await?;
    Ok(enrollments
        .iter()
        .map(|e| EnrollmentView {
            id: EnrollmentId(e.id),
            cohort_id: CohortId(e.cohort_id),
            cohort: codes.get(&e.cohort_id).cloned().unwrap_or_default(),
            status: EnrollmentStatus::parse(&e.status).unwrap_or(EnrollmentStatus::Applied),
            joined_on: e.joined_on,
            left_on: e.left_on,
            history: events
                .iter()
                .filter(|ev| ev.enrollment_id == e.id)
                .map(|ev| EventView {
                    from: ev
                        .from_status
                        .as_deref()
                        .and_then(|s| EnrollmentStatus::parse(s).ok()),
                    to: EnrollmentStatus::parse(&ev.to_status).unwrap_or(EnrollmentStatus::Applied),
                    reason: ev.reason.clone(),
                    actor: ev.actor_id.and_then(|id| names.get(&id).cloned()),
                    at: ev.occurred_at,
                })
                .collect(),
        })
        .collect())
}

pub(super) async fn detail_of(
    env: Env<'_>,
    actor: &Actor,
    trainee: trainees::Model,
) -> Result<TraineeDetail, AppError> {
    let (outside, province) = outside_banten(env, &trainee);
    let programme = match trainee.programme_id {
        Some(id) => crate::cohorts::db::all_programmes(env.db)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .map(|p| p.name),
        None => None,
    };
    let site = crate::accounts::db::sites(env.db, Some(&[trainee.site_id]))
        .await?
        .first()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let account = match trainee.user_id {
        Some(id) => crate::accounts::db::find_user(env.db, AccountId(id))
            .await?
            .map(|u| AccountLink {
                user_id: AccountId(u.id),
                active: u.is_active,
                activated: u.password_hash.is_some(),
            }),
        None => None,
    };
    let enrollments = enrollment_views(env, TraineeId(trainee.id)).await?;
    let can_edit = authz::can_register_at(actor, trainee.site_id);
    let cohorts_to_join = if can_edit {
        let taken: Vec<i64> = enrollments.iter().map(|e| e.cohort_id.get()).collect();
        crate::cohorts::db::cohorts_at_sites(
            env.db,
            &[trainee.site_id],
            &[CohortStatus::Planned, CohortStatus::Open, CohortStatus::Running],
        )
        .await?
        .into_iter()
        .filter(|c| !taken.contains(&c.id))
        .map(|c| Choice {
            id: c.id,
            label: c.code,
        })
        .collect()
    } else {
        Vec::new()
    };
    Ok(TraineeDetail {
        id: TraineeId(trainee.id),
        nik: shown_nik(actor, &trainee),
        full_name: trainee.full_name.clone(),
        birth_place: trainee.birth_place.clone(),
        birth_date: trainee.birth_date,
        sex: crate::kernel::identity::Sex::parse(&trainee.sex)
            .unwrap_or(crate::kernel::identity::Sex::Female),
        address: trainee.address.clone(),
        regency: trainee.regency_name.clone(),
        regency_code: trainee.regency_code.clone(),
        outside_banten: outside,
        nik_province: province,
        phone: national(trainee.phone.as_deref()),
        email: trainee.email.clone(),
        education: Education::parse(&trainee.education).unwrap_or(Education::Unspecified),
        programme,
        guardian_name: trainee.guardian_name.clone(),
        guardian_relation: trainee.guardian_relation.clone(),
        guardian_phone: national(trainee.guardian_phone.as_deref()),
        source: Source::parse(&trainee.source).unwrap_or(Source::Other),
        notes: trainee.notes.clone(),
        id_pmi: trainee.id_pmi.clone(),
        siskop2mi_no: trainee.siskop2mi_no.clone(),
        site,
        account,
        enrollments,
        can_edit,
        cohorts_to_join,
    })
}

/// A trainee's record, enrollments and their history.
///
/// # Errors
/// `NotFound` out of reach.
pub async fn trainee_detail(env: Env<'_>, actor: &Actor, id: TraineeId) -> Result<TraineeDetail, AppError> {
    let trainee = visible_trainee(env, actor, id).await?;
    detail_of(env, actor, trainee).await
}

/// Stores a search under a random token for the actor, so the list's address carries the
/// token and never the NIK or name typed.
///
/// # Errors
/// `Forbidden` outside the registry; database failures.
pub async fn save_search(env: Env<'_>, actor: &Actor, filter: &TraineeFilter) -> Result<String, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let token = crate::platform::secrets::random_token(18);
    let now = env.clock.now();
    let query = serde_json::to_string(filter).map_err(|e| crate::platform::errors::internal("search", &e))?;
    db::purge_searches(env.db, now).await?;
    db::save_search(env.db, &token, actor.user_id, &query, now + Duration::days(1)).await?;
    Ok(token)
}

/// One page of the trainees within the actor's sites, filtered by a saved search.
///
/// # Errors
/// `Forbidden` outside the registry.
pub async fn list_trainees(
    env: Env<'_>,
    actor: &Actor,
    token: Option<&str>,
    page: Option<u64>,
) -> Result<TraineeList, AppError> {
    if !authz::can_use_registry(actor) {
        return Err(AppError::Forbidden);
    }
    let now = env.clock.now();
    let filter: TraineeFilter = match token {
        Some(token) if token.len() <= 64 => db::saved_search(env.db, token, actor.user_id, now)
            .await?
            .and_then(|query| serde_json::from_str(&query).ok())
            .unwrap_or_default(),
        _ => TraineeFilter::default(),
    };
    let page = page.unwrap_or(1).clamp(1, 100_000);
    let scope = actor.sites_run();
    let (rows, total) = db::list_trainees(
        env.db,
        &filter,
        scope,
        (page - 1) * TRAINEES_PER_PAGE,
        TRAINEES_PER_PAGE,
    )
    .await?;
    let ids: Vec<i64> = rows.iter().map(|t| t.id).collect();
    let enrollments = db::enrollments_of(env.db, &ids).await?;
    let cohort_ids: Vec<i64> = enrollments.iter().map(|e| e.cohort_id).collect();
    let codes = crate::cohorts::db::cohort_codes(env.db, &cohort_ids).await?;
    let mut latest: HashMap<i64, (String, EnrollmentStatus)> = HashMap::new();
    for e in &enrollments {
        if let Ok(status) = EnrollmentStatus::parse(&e.status) {
            latest.insert(
                e.trainee_id,
                (codes.get(&e.cohort_id).cloned().unwrap_or_default(), status),
            );
        }
    }
    let sites = crate::accounts::db::sites(env.db, scope).await?;
    let site_name = |id: i64| {
        sites
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let today = wib::today(now);
    let items = rows
        .iter()
        .map(|t| TraineeSummary {
            id: TraineeId(t.id),
            full_name: t.full_name.clone(),
            nik: mask_nik(&t.nik),
            phone: national(t.phone.as_deref()),
            regency: t.regency_name.clone(),
            site: site_name(t.site_id),
            outside_banten: crate::kernel::identity::Nik::parse(&t.nik, today)
                .is_ok_and(|n| !n.is_from_banten()),
            enrollment: latest.remove(&t.id),
            has_account: t.user_id.is_some(),
        })
        .collect();
    let visible_cohorts = crate::cohorts::service::cohorts_in_reach(env, actor).await?;
    let (unlinked, unlinked_total) =
        crate::accounts::db::trainee_accounts_without_record(env.db, scope, db::no_record_links, 10).await?;
    Ok(TraineeList {
        items,
        page,
        pages: total.div_ceil(TRAINEES_PER_PAGE).max(1),
        total,
        filter,
        token: token.map(str::to_owned),
        sites: choices(&sites),
        cohorts: visible_cohorts
            .into_iter()
            .map(|c| Choice {
                id: c.id,
                label: c.code,
            })
            .collect(),
        unlinked: unlinked
            .into_iter()
            .map(|u| Choice {
                id: u.id,
                label: u.display_name,
            })
            .collect(),
        unlinked_total,
    })
}
