//! SeaORM queries for readiness: who is in scope, their results and documents, scans,
//! assessments and scores, units taught, and each programme's requirements. No business
//! rules; a dashboard takes a fixed number of queries whatever the number of trainees
//! (trainees are selected by sub-query, never by a list of ids).

use crate::kernel::{AccountId, TraineeId};
use sea_orm::{
    sea_query::{OnConflict, SelectStatement},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
};
use time::{Date, OffsetDateTime};

use super::model::verdict::Requirement;
use super::model::{DocumentFacts, DocumentKind, DocumentStatus, JlptLevel, OfficialResult, ResultKind};
use crate::entities::{
    assessment_scores, assessments, document_scans, enrollments, official_results, readiness_requirements,
    readiness_stamps, taught_units, trainee_documents, trainees,
};

pub use crate::trainees::db::Who;

/// The trainees `who` selects, as a subquery of record ids (the trainees area's).
fn trainee_ids(who: &Who) -> SelectStatement {
    crate::trainees::db::member_ids(who)
}

/// The seat-holding enrollments of the trainees `who` selects.
pub async fn enrollments_of(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<enrollments::Model>, DbErr> {
    crate::trainees::db::seat_enrollments(conn, who).await
}

/// The records of the trainees `who` selects.
pub async fn trainees_of(conn: &impl ConnectionTrait, who: &Who) -> Result<Vec<trainees::Model>, DbErr> {
    crate::trainees::db::members(conn, who).await
}

/// `(id, full_name, name_key, nik)` of the trainees `who` selects.
pub async fn names_of(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<(i64, String, String, String)>, DbErr> {
    crate::trainees::db::member_names(conn, who).await
}

/// The readiness stamps of the cohorts `ids`: `(cohort, stamp)`. A cohort's stamp moves on
/// with every change of what the dashboard reads of the people holding a seat in it (the
/// migration `create_readiness_stamps` keeps them).
pub async fn stamps_of(conn: &impl ConnectionTrait, ids: &[i64]) -> Result<Vec<(i64, i64)>, DbErr> {
    readiness_stamps::Entity::find()
        .select_only()
        .column(readiness_stamps::Column::CohortId)
        .column(readiness_stamps::Column::Stamp)
        .filter(readiness_stamps::Column::CohortId.is_in(ids.to_vec()))
        .into_tuple()
        .all(conn)
        .await
}

pub async fn results_of(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<official_results::Model>, DbErr> {
    official_results::Entity::find()
        .filter(official_results::Column::TraineeId.in_subquery(trainee_ids(who)))
        .order_by_desc(official_results::Column::TakenOn)
        .order_by_desc(official_results::Column::Id)
        .all(conn)
        .await
}

pub async fn results_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
) -> Result<Vec<official_results::Model>, DbErr> {
    official_results::Entity::find()
        .filter(official_results::Column::TraineeId.eq(trainee_id))
        .order_by_desc(official_results::Column::TakenOn)
        .order_by_desc(official_results::Column::Id)
        .all(conn)
        .await
}

/// The documents of everyone `who` selects as the verdict reads them, by trainee: only
/// the five columns it needs (a site has ten documents per trainee).
pub async fn document_facts_of(
    conn: &impl ConnectionTrait,
    who: &Who,
) -> Result<Vec<(i64, DocumentFacts)>, DbErr> {
    type Row = (i64, String, String, Option<Date>, Option<Date>);
    let rows: Vec<Row> = trainee_documents::Entity::find()
        .select_only()
        .columns([
            trainee_documents::Column::TraineeId,
            trainee_documents::Column::Kind,
            trainee_documents::Column::Status,
            trainee_documents::Column::IssuedOn,
            trainee_documents::Column::ExpiresOn,
        ])
        .filter(trainee_documents::Column::TraineeId.in_subquery(trainee_ids(who)))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(trainee_id, kind, status, issued_on, expires_on)| {
            Some((
                trainee_id,
                DocumentFacts::of_record(&kind, &status, issued_on, expires_on)?,
            ))
        })
        .collect())
}

pub async fn documents_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
) -> Result<Vec<trainee_documents::Model>, DbErr> {
    trainee_documents::Entity::find()
        .filter(trainee_documents::Column::TraineeId.eq(trainee_id))
        .all(conn)
        .await
}

/// An official result as the verdict reads it.
pub fn result_facts(row: &official_results::Model) -> Option<OfficialResult> {
    Some(OfficialResult {
        kind: ResultKind::parse(&row.kind).ok()?,
        level: row.level.as_deref().and_then(|l| JlptLevel::parse(l).ok()),
        score: row.score.and_then(|s| u16::try_from(s).ok()),
        passed: row.passed,
        taken_on: row.taken_on,
    })
}

pub struct NewResult<'a> {
    pub trainee_id: TraineeId,
    pub result: &'a OfficialResult,
    pub certificate_no: Option<String>,
    pub field: Option<String>,
    /// Who recorded it; `None` for a test centre's key (no account).
    pub by: Option<AccountId>,
    pub at: OffsetDateTime,
}

pub async fn insert_result(conn: &impl ConnectionTrait, new: NewResult<'_>) -> Result<i64, DbErr> {
    let row = official_results::Entity::insert(official_results::ActiveModel {
        trainee_id: Set(new.trainee_id.get()),
        kind: Set(new.result.kind.as_str().to_owned()),
        level: Set(new.result.level.map(|l| l.as_str().to_owned())),
        score: Set(new.result.score.map(i32::from)),
        passed: Set(new.result.passed),
        taken_on: Set(new.result.taken_on),
        certificate_no: Set(new.certificate_no),
        field: Set(new.field),
        recorded_by: Set(new.by.map(AccountId::get)),
        recorded_at: Set(new.at),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(row.last_insert_id)
}

pub async fn result(conn: &impl ConnectionTrait, id: i64) -> Result<Option<official_results::Model>, DbErr> {
    official_results::Entity::find_by_id(id).one(conn).await
}

pub async fn delete_result(conn: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    official_results::Entity::delete_by_id(id)
        .exec(conn)
        .await
        .map(|_| ())
}

pub async fn document(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<trainee_documents::Model>, DbErr> {
    trainee_documents::Entity::find_by_id(id).one(conn).await
}

pub async fn document_of_kind(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
    kind: DocumentKind,
) -> Result<Option<trainee_documents::Model>, DbErr> {
    trainee_documents::Entity::find()
        .filter(trainee_documents::Column::TraineeId.eq(trainee_id))
        .filter(trainee_documents::Column::Kind.eq(kind.as_str()))
        .one(conn)
        .await
}

/// A document's details as recorded by the trainee or a coordinator.
pub struct DocumentDetails {
    pub number: Option<String>,
    pub issued_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub status: DocumentStatus,
    pub reason: Option<String>,
    /// Who verified (or rejected) it, when the status is a decision.
    pub decided_by: Option<AccountId>,
}

/// Writes a trainee's document of `kind` (one row per kind, unique in the database) and
/// returns its id.
pub async fn save_document(
    conn: &impl ConnectionTrait,
    trainee_id: TraineeId,
    kind: DocumentKind,
    details: DocumentDetails,
    by: AccountId,
    at: OffsetDateTime,
) -> Result<i64, DbErr> {
    let decided = details.decided_by.is_some();
    let row = trainee_documents::ActiveModel {
        trainee_id: Set(trainee_id.get()),
        kind: Set(kind.as_str().to_owned()),
        status: Set(details.status.as_str().to_owned()),
        number: Set(details.number),
        issued_on: Set(details.issued_on),
        expires_on: Set(details.expires_on),
        reason: Set(details.reason),
        has_scan: Set(false),
        verified_by: Set(details.decided_by.map(AccountId::get)),
        verified_at: Set(decided.then_some(at)),
        updated_by: Set(Some(by.get())),
        updated_at: Set(at),
        ..Default::default()
    };
    let columns = [
        trainee_documents::Column::Status,
        trainee_documents::Column::Number,
        trainee_documents::Column::IssuedOn,
        trainee_documents::Column::ExpiresOn,
        trainee_documents::Column::Reason,
        trainee_documents::Column::VerifiedBy,
        trainee_documents::Column::VerifiedAt,
        trainee_documents::Column::UpdatedBy,
        trainee_documents::Column::UpdatedAt,
    ];
    trainee_documents::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                trainee_documents::Column::TraineeId,
                trainee_documents::Column::Kind,
            ])
            .update_columns(columns)
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    document_of_kind(conn, trainee_id, kind)
        .await?
        .map(|d| d.id)
        .ok_or_else(|| DbErr::RecordNotFound("trainee_documents".into()))
}

/// Stores (or replaces) the scan of document `document_id`.
pub async fn save_scan(
    conn: &impl ConnectionTrait,
    document_id: i64,
    content_type: &str,
    content: Vec<u8>,
    by: AccountId,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    document_scans::Entity::insert(document_scans::ActiveModel {
        document_id: Set(document_id),
        content_type: Set(content_type.to_owned()),
        content: Set(content),
        uploaded_by: Set(Some(by.get())),
        uploaded_at: Set(at),
    })
    .on_conflict(
        OnConflict::column(document_scans::Column::DocumentId)
            .update_columns([
                document_scans::Column::ContentType,
                document_scans::Column::Content,
                document_scans::Column::UploadedBy,
                document_scans::Column::UploadedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    trainee_documents::Entity::update_many()
        .col_expr(
            trainee_documents::Column::HasScan,
            sea_orm::sea_query::Expr::value(true),
        )
        .filter(trainee_documents::Column::Id.eq(document_id))
        .exec(conn)
        .await
        .map(|_| ())
}

pub async fn scan(
    conn: &impl ConnectionTrait,
    document_id: i64,
) -> Result<Option<document_scans::Model>, DbErr> {
    document_scans::Entity::find_by_id(document_id).one(conn).await
}

/// The stored requirements of every programme (a programme without rows uses the
/// defaults).
pub async fn stored_requirements(
    conn: &impl ConnectionTrait,
) -> Result<Vec<readiness_requirements::Model>, DbErr> {
    readiness_requirements::Entity::find()
        .order_by_asc(readiness_requirements::Column::ProgrammeId)
        .order_by_asc(readiness_requirements::Column::Position)
        .all(conn)
        .await
}

/// A stored row as a requirement (`None` for a row this version does not know).
pub fn requirement_of(row: &readiness_requirements::Model) -> Option<Requirement> {
    let days = |v: Option<i32>| v.and_then(|d| u16::try_from(d).ok());
    match row.requirement.as_str() {
        "language" => Some(Requirement::Language {
            jlpt: row.jlpt_level.as_deref().and_then(|l| JlptLevel::parse(l).ok()),
            jft_min: row.min_score.and_then(|s| u16::try_from(s).ok()),
        }),
        "passed" => ResultKind::parse(&row.subject).ok().map(Requirement::Passed),
        "attendance" => Some(Requirement::Attendance),
        "document" => DocumentKind::parse(&row.subject)
            .ok()
            .map(|kind| Requirement::Document {
                kind,
                max_age_days: days(row.max_age_days),
                min_valid_days: days(row.min_valid_days),
            }),
        _ => None,
    }
}

/// Replaces the requirements of `programme_id` with `requirements`, in order.
pub async fn replace_requirements(
    conn: &impl ConnectionTrait,
    programme_id: i64,
    requirements: &[Requirement],
    by: AccountId,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    readiness_requirements::Entity::delete_many()
        .filter(readiness_requirements::Column::ProgrammeId.eq(programme_id))
        .exec(conn)
        .await?;
    let rows: Vec<readiness_requirements::ActiveModel> = requirements
        .iter()
        .enumerate()
        .map(|(position, requirement)| {
            let (code, subject, jlpt, min_score, max_age, min_valid) = match *requirement {
                Requirement::Language { jlpt, jft_min } => (
                    "language",
                    String::new(),
                    jlpt.map(|l| l.as_str().to_owned()),
                    jft_min.map(i32::from),
                    None,
                    None,
                ),
                Requirement::Passed(kind) => ("passed", kind.as_str().to_owned(), None, None, None, None),
                Requirement::Attendance => ("attendance", String::new(), None, None, None, None),
                Requirement::Document {
                    kind,
                    max_age_days,
                    min_valid_days,
                } => (
                    "document",
                    kind.as_str().to_owned(),
                    None,
                    None,
                    max_age_days.map(i32::from),
                    min_valid_days.map(i32::from),
                ),
            };
            readiness_requirements::ActiveModel {
                programme_id: Set(programme_id),
                position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
                requirement: Set(code.to_owned()),
                subject: Set(subject),
                jlpt_level: Set(jlpt),
                min_score: Set(min_score),
                max_age_days: Set(max_age),
                min_valid_days: Set(min_valid),
                updated_by: Set(Some(by.get())),
                updated_at: Set(at),
                ..Default::default()
            }
        })
        .collect();
    if !rows.is_empty() {
        readiness_requirements::Entity::insert_many(rows)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

pub async fn assessments_of(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<assessments::Model>, DbErr> {
    assessments::Entity::find()
        .filter(assessments::Column::CohortId.is_in(cohort_ids.to_vec()))
        .order_by_asc(assessments::Column::HeldOn)
        .order_by_asc(assessments::Column::Id)
        .all(conn)
        .await
}

pub async fn assessment(conn: &impl ConnectionTrait, id: i64) -> Result<Option<assessments::Model>, DbErr> {
    assessments::Entity::find_by_id(id).one(conn).await
}

pub async fn insert_assessment(
    conn: &impl ConnectionTrait,
    row: assessments::ActiveModel,
) -> Result<i64, DbErr> {
    Ok(assessments::Entity::insert(row).exec(conn).await?.last_insert_id)
}

/// Scores of the assessments of `cohort_ids`.
pub async fn scores_of(
    conn: &impl ConnectionTrait,
    cohort_ids: &[i64],
) -> Result<Vec<assessment_scores::Model>, DbErr> {
    let of_cohorts = assessments::Entity::find()
        .select_only()
        .column(assessments::Column::Id)
        .filter(assessments::Column::CohortId.is_in(cohort_ids.to_vec()))
        .into_query();
    assessment_scores::Entity::find()
        .filter(assessment_scores::Column::AssessmentId.in_subquery(of_cohorts))
        .all(conn)
        .await
}

/// Writes the scores of one assessment (`(trainee, score)`; `None` clears one) in one
/// statement per kind.
pub async fn save_scores(
    conn: &impl ConnectionTrait,
    assessment_id: i64,
    scores: &[(i64, Option<u16>)],
    by: AccountId,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    let cleared: Vec<i64> = scores
        .iter()
        .filter(|(_, s)| s.is_none())
        .map(|(t, _)| *t)
        .collect();
    if !cleared.is_empty() {
        assessment_scores::Entity::delete_many()
            .filter(assessment_scores::Column::AssessmentId.eq(assessment_id))
            .filter(assessment_scores::Column::TraineeId.is_in(cleared))
            .exec(conn)
            .await?;
    }
    let rows: Vec<assessment_scores::ActiveModel> = scores
        .iter()
        .filter_map(|(trainee, score)| {
            score.map(|score| assessment_scores::ActiveModel {
                assessment_id: Set(assessment_id),
                trainee_id: Set(*trainee),
                score: Set(i32::from(score)),
                entered_by: Set(Some(by.get())),
                entered_at: Set(at),
                ..Default::default()
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    assessment_scores::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                assessment_scores::Column::AssessmentId,
                assessment_scores::Column::TraineeId,
            ])
            .update_columns([
                assessment_scores::Column::Score,
                assessment_scores::Column::EnteredBy,
                assessment_scores::Column::EnteredAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await
        .map(|_| ())
}

pub async fn taught_of(
    conn: &impl ConnectionTrait,
    session_ids: &[i64],
) -> Result<Vec<taught_units::Model>, DbErr> {
    taught_units::Entity::find()
        .filter(taught_units::Column::SessionId.is_in(session_ids.to_vec()))
        .all(conn)
        .await
}

/// Records the units taught (`(session, unit)`; `None` clears one).
pub async fn save_taught(
    conn: &impl ConnectionTrait,
    taught: &[(i64, Option<i64>)],
    by: AccountId,
    at: OffsetDateTime,
) -> Result<(), DbErr> {
    let cleared: Vec<i64> = taught
        .iter()
        .filter(|(_, u)| u.is_none())
        .map(|(s, _)| *s)
        .collect();
    if !cleared.is_empty() {
        taught_units::Entity::delete_many()
            .filter(taught_units::Column::SessionId.is_in(cleared))
            .exec(conn)
            .await?;
    }
    let rows: Vec<taught_units::ActiveModel> = taught
        .iter()
        .filter_map(|(session, unit)| {
            unit.map(|unit| taught_units::ActiveModel {
                session_id: Set(*session),
                unit_id: Set(unit),
                marked_by: Set(Some(by.get())),
                marked_at: Set(at),
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    taught_units::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(taught_units::Column::SessionId)
                .update_columns([
                    taught_units::Column::UnitId,
                    taught_units::Column::MarkedBy,
                    taught_units::Column::MarkedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await
        .map(|_| ())
}
