//! SeaORM queries for trainee records, imports and saved searches (enrollments are in
//! `enrollment`). No business rules here; lists take a fixed number of queries, whatever
//! their length.

mod enrollment;
mod feed;

pub use enrollment::*;
pub use feed::{feed, FeedQuery};

use crate::kernel::{AccountId, TraineeId};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Set,
};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

use super::dto::TraineeFilter;
use super::model::enrollment::EnrollmentStatus;
use super::model::import::{fold, ImportStatus};
use super::model::ValidTrainee;
use crate::entities::{enrollments, saved_searches, trainee_imports, trainees};
use crate::kernel::identity::{PhoneNumber, RegistryNumber};
use crate::platform::query::{contains_pattern, none_refer_to_expr};

/// The record's columns from a validated trainee (everything but ids and timestamps).
fn fill(model: &mut trainees::ActiveModel, valid: &ValidTrainee) {
    model.nik = Set(valid.nik.as_str().to_owned());
    model.site_id = Set(valid.site_id);
    model.full_name = Set(valid.full_name.clone());
    model.name_key = Set(fold(&valid.full_name).chars().take(120).collect());
    model.birth_place = Set(valid.birth_place.clone());
    model.birth_date = Set(valid.birth_date);
    model.sex = Set(valid.sex.as_str().to_owned());
    model.address = Set(valid.address.clone());
    model.regency_code = Set(valid.regency.code.clone());
    model.regency_name = Set(valid.regency.name.clone());
    model.phone = Set(valid.phone.as_ref().map(|p| p.as_str().to_owned()));
    model.email = Set(valid.email.as_ref().map(|e| e.as_str().to_owned()));
    model.education = Set(valid.education.as_str().to_owned());
    model.programme_id = Set(valid.programme_id);
    model.guardian_name = Set(valid.guardian_name.clone());
    model.guardian_relation = Set(valid.guardian_relation.clone());
    model.guardian_phone = Set(valid.guardian_phone.as_ref().map(|p| p.as_str().to_owned()));
    model.source = Set(valid.source.as_str().to_owned());
    model.notes = Set(valid.notes.clone());
    let number = |n: &Option<RegistryNumber>| Set(n.as_ref().map(|n| n.as_str().to_owned()));
    if let Some(id_pmi) = &valid.id_pmi {
        model.id_pmi = number(id_pmi);
    }
    if let Some(siskop2mi_no) = &valid.siskop2mi_no {
        model.siskop2mi_no = number(siskop2mi_no);
    }
}

/// A new record, ready to insert.
pub fn new_record(
    valid: &ValidTrainee,
    user_id: Option<AccountId>,
    now: OffsetDateTime,
    created_by: Option<AccountId>,
) -> trainees::ActiveModel {
    let mut model = trainees::ActiveModel {
        user_id: Set(user_id.map(AccountId::get)),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(created_by.map(AccountId::get)),
        ..Default::default()
    };
    fill(&mut model, valid);
    model
}

pub async fn insert_trainee(
    conn: &impl ConnectionTrait,
    model: trainees::ActiveModel,
) -> Result<trainees::Model, DbErr> {
    trainees::Entity::insert(model).exec_with_returning(conn).await
}

pub async fn update_trainee(
    conn: &impl ConnectionTrait,
    id: i64,
    valid: &ValidTrainee,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let mut model = trainees::ActiveModel {
        id: sea_orm::ActiveValue::Unchanged(id),
        updated_at: Set(now),
        ..Default::default()
    };
    fill(&mut model, valid);
    trainees::Entity::update(model).exec(conn).await?;
    Ok(())
}

pub async fn update_trainee_model(
    conn: &impl ConnectionTrait,
    model: trainees::ActiveModel,
) -> Result<(), DbErr> {
    trainees::Entity::update(model).exec(conn).await?;
    Ok(())
}

/// Takes the trainee's row for this transaction: changes to one person's enrollments run
/// one after another (a row lock on PostgreSQL, the write lock on SQLite).
pub async fn lock_trainee(conn: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    trainees::Entity::update_many()
        .col_expr(
            trainees::Column::UpdatedAt,
            Expr::col(trainees::Column::UpdatedAt),
        )
        .filter(trainees::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

pub async fn trainee(conn: &impl ConnectionTrait, id: TraineeId) -> Result<Option<trainees::Model>, DbErr> {
    trainees::Entity::find_by_id(id.get()).one(conn).await
}

/// The records that hold an ID PMI and a SISKOP2MI registration number, for those given.
pub async fn holders_of_numbers(
    conn: &impl ConnectionTrait,
    id_pmi: Option<&str>,
    siskop2mi_no: Option<&str>,
) -> Result<(Option<TraineeId>, Option<TraineeId>), DbErr> {
    let holder = async |column: trainees::Column, number: Option<&str>| match number {
        Some(number) => {
            trainees::Entity::find()
                .select_only()
                .column(trainees::Column::Id)
                .filter(column.eq(number))
                .into_tuple::<TraineeId>()
                .one(conn)
                .await
        }
        None => Ok(None),
    };
    Ok((
        holder(trainees::Column::IdPmi, id_pmi).await?,
        holder(trainees::Column::Siskop2miNo, siskop2mi_no).await?,
    ))
}

pub async fn trainee_by_nik(
    conn: &impl ConnectionTrait,
    nik: &str,
) -> Result<Option<trainees::Model>, DbErr> {
    trainees::Entity::find()
        .filter(trainees::Column::Nik.eq(nik))
        .one(conn)
        .await
}

pub async fn trainee_of_user(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<Option<trainees::Model>, DbErr> {
    trainees::Entity::find()
        .filter(trainees::Column::UserId.eq(user_id))
        .one(conn)
        .await
}

/// Which of `niks` are registered already.
pub async fn registered_niks(conn: &impl ConnectionTrait, niks: &[String]) -> Result<HashSet<String>, DbErr> {
    let mut found = HashSet::new();
    for chunk in niks.chunks(500) {
        let rows: Vec<String> = trainees::Entity::find()
            .select_only()
            .column(trainees::Column::Nik)
            .filter(trainees::Column::Nik.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        found.extend(rows);
    }
    Ok(found)
}

/// Inserts many records at once (an import), in chunks that keep every statement under
/// the databases' parameter limits. Returns the new ids by NIK (`niks` are the rows').
pub async fn insert_many(
    conn: &impl ConnectionTrait,
    rows: Vec<trainees::ActiveModel>,
    niks: &[String],
) -> Result<HashMap<String, i64>, DbErr> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(400).collect();
        trainees::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    let mut ids = HashMap::new();
    for chunk in niks.chunks(500) {
        let found: Vec<(i64, String)> = trainees::Entity::find()
            .select_only()
            .column(trainees::Column::Id)
            .column(trainees::Column::Nik)
            .filter(trainees::Column::Nik.is_in(chunk.to_vec()))
            .into_tuple()
            .all(conn)
            .await?;
        ids.extend(found.into_iter().map(|(id, nik)| (nik, id)));
    }
    Ok(ids)
}

/// The condition a filter and the reader's sites put on the list.
fn list_condition(filter: &TraineeFilter, sites: Option<&[i64]>) -> Condition {
    let mut condition = Condition::all();
    if let Some(sites) = sites {
        condition = condition.add(trainees::Column::SiteId.is_in(sites.to_vec()));
    }
    if let Some(site) = filter.site {
        condition = condition.add(trainees::Column::SiteId.eq(site));
    }
    match filter.regency.as_deref() {
        None | Some("") => {}
        Some("other") => condition = condition.add(trainees::Column::RegencyCode.is_null()),
        Some(code) => condition = condition.add(trainees::Column::RegencyCode.eq(code)),
    }
    if filter.cohort.is_some() || filter.status.is_some() {
        let mut enrolled = enrollments::Entity::find()
            .select_only()
            .column(enrollments::Column::TraineeId);
        if let Some(cohort) = filter.cohort {
            enrolled = enrolled.filter(enrollments::Column::CohortId.eq(cohort));
        }
        if let Some(status) = filter
            .status
            .as_deref()
            .and_then(|s| EnrollmentStatus::parse(s).ok())
        {
            enrolled = enrolled.filter(enrollments::Column::Status.eq(status));
        }
        condition = condition.add(trainees::Column::Id.in_subquery(enrolled.into_query()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let digits: String = q.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 && digits.len() * 2 >= q.len() {
            // Phone numbers are stored as +62…: search their significant digits.
            let significant = PhoneNumber::parse(q)
                .map(|p| p.as_str().trim_start_matches("+62").to_owned())
                .unwrap_or_else(|_| digits.trim_start_matches('0').to_owned());
            condition = condition.add(
                Condition::any()
                    .add(trainees::Column::Nik.like(contains_pattern(&digits)))
                    .add(trainees::Column::Phone.like(contains_pattern(&significant))),
            );
        } else {
            condition = condition.add(trainees::Column::NameKey.like(contains_pattern(&fold(q))));
        }
    }
    condition
}

/// One page of trainees by name, and how many match in all.
pub async fn list_trainees(
    conn: &impl ConnectionTrait,
    filter: &TraineeFilter,
    sites: Option<&[i64]>,
    offset: u64,
    limit: u64,
) -> Result<(Vec<trainees::Model>, u64), DbErr> {
    let condition = list_condition(filter, sites);
    let total = trainees::Entity::find()
        .filter(condition.clone())
        .count(conn)
        .await?;
    let rows = trainees::Entity::find()
        .filter(condition)
        .order_by_asc(trainees::Column::NameKey)
        .order_by_asc(trainees::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(conn)
        .await?;
    Ok((rows, total))
}

/// Every trainee matching a filter (exports), by name.
pub async fn all_trainees(
    conn: &impl ConnectionTrait,
    filter: &TraineeFilter,
    sites: Option<&[i64]>,
) -> Result<Vec<trainees::Model>, DbErr> {
    trainees::Entity::find()
        .filter(list_condition(filter, sites))
        .order_by_asc(trainees::Column::NameKey)
        .order_by_asc(trainees::Column::Id)
        .all(conn)
        .await
}

pub async fn save_search(
    conn: &impl ConnectionTrait,
    token: &str,
    user_id: AccountId,
    query: &str,
    expires_at: OffsetDateTime,
) -> Result<(), DbErr> {
    saved_searches::Entity::insert(saved_searches::ActiveModel {
        token: Set(token.to_owned()),
        user_id: Set(user_id.get()),
        query: Set(query.to_owned()),
        expires_at: Set(expires_at),
    })
    .on_conflict(
        OnConflict::column(saved_searches::Column::Token)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub async fn saved_search(
    conn: &impl ConnectionTrait,
    token: &str,
    user_id: AccountId,
    now: OffsetDateTime,
) -> Result<Option<String>, DbErr> {
    Ok(saved_searches::Entity::find_by_id(token.to_owned())
        .filter(saved_searches::Column::UserId.eq(user_id))
        .filter(saved_searches::Column::ExpiresAt.gt(now))
        .one(conn)
        .await?
        .map(|s| s.query))
}

pub async fn purge_searches(conn: &impl ConnectionTrait, now: OffsetDateTime) -> Result<u64, DbErr> {
    Ok(saved_searches::Entity::delete_many()
        .filter(saved_searches::Column::ExpiresAt.lte(now))
        .exec(conn)
        .await?
        .rows_affected)
}

pub async fn insert_import(
    conn: &impl ConnectionTrait,
    model: trainee_imports::ActiveModel,
) -> Result<trainee_imports::Model, DbErr> {
    trainee_imports::Entity::insert(model)
        .exec_with_returning(conn)
        .await
}

pub async fn import(conn: &impl ConnectionTrait, id: i64) -> Result<Option<trainee_imports::Model>, DbErr> {
    trainee_imports::Entity::find_by_id(id).one(conn).await
}

/// Marks a staged import as done, once: `false` when it already was.
pub async fn finish_import(
    conn: &impl ConnectionTrait,
    id: i64,
    imported: u32,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = trainee_imports::Entity::update_many()
        .col_expr(
            trainee_imports::Column::Status,
            Expr::value(ImportStatus::Imported),
        )
        .col_expr(
            trainee_imports::Column::Imported,
            Expr::value(Some(imported as i32)),
        )
        .col_expr(trainee_imports::Column::ImportedAt, Expr::value(Some(now)))
        // The file is not kept once imported.
        .col_expr(trainee_imports::Column::Content, Expr::value(""))
        .filter(trainee_imports::Column::Id.eq(id))
        .filter(trainee_imports::Column::Status.eq(ImportStatus::Staged))
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Drops staged imports older than `before` (the uploaded files hold personal data).
pub async fn purge_imports(conn: &impl ConnectionTrait, before: OffsetDateTime) -> Result<u64, DbErr> {
    Ok(trainee_imports::Entity::delete_many()
        .filter(trainee_imports::Column::Status.eq(ImportStatus::Staged))
        .filter(trainee_imports::Column::CreatedAt.lt(before))
        .exec(conn)
        .await?
        .rows_affected)
}

/// That no record links the account whose id is `account` (for the accounts area's list
/// of accounts still without a record).
pub fn no_record_links(account: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    none_refer_to_expr(trainees::Column::UserId, account)
}
