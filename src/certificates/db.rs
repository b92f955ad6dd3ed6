//! SeaORM queries for issued documents, their counters and the sites' document settings.
//! No business rules.

use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
};
use time::OffsetDateTime;

use super::model::{DocumentKind, Settings};
use crate::entities::{document_counters, document_settings, issued_documents};

pub async fn settings_of(
    conn: &impl ConnectionTrait,
    site_id: i64,
) -> Result<Option<document_settings::Model>, DbErr> {
    document_settings::Entity::find_by_id(site_id).one(conn).await
}

pub async fn settings_of_sites(
    conn: &impl ConnectionTrait,
    site_ids: Option<&[i64]>,
) -> Result<Vec<document_settings::Model>, DbErr> {
    let mut query = document_settings::Entity::find();
    if let Some(ids) = site_ids {
        query = query.filter(document_settings::Column::SiteId.is_in(ids.to_vec()));
    }
    query.all(conn).await
}

/// Writes a site's signatory and patterns (its logo stays as it is).
pub async fn save_settings(
    conn: &impl ConnectionTrait,
    settings: &Settings,
    by: i64,
    now: OffsetDateTime,
) -> Result<(), DbErr> {
    let row = document_settings::ActiveModel {
        site_id: Set(settings.site_id),
        signatory_name: Set(settings.signatory_name.clone()),
        signatory_position: Set(settings.signatory_position.clone()),
        certificate_pattern: Set(settings
            .certificate_pattern
            .as_ref()
            .map(|p| p.as_str().to_owned())),
        letter_pattern: Set(settings.letter_pattern.as_ref().map(|p| p.as_str().to_owned())),
        logo: NotSet,
        logo_type: NotSet,
        updated_at: Set(now),
        updated_by: Set(Some(by)),
    };
    document_settings::Entity::insert(row)
        .on_conflict(
            OnConflict::column(document_settings::Column::SiteId)
                .update_columns([
                    document_settings::Column::SignatoryName,
                    document_settings::Column::SignatoryPosition,
                    document_settings::Column::CertificatePattern,
                    document_settings::Column::LetterPattern,
                    document_settings::Column::UpdatedAt,
                    document_settings::Column::UpdatedBy,
                ])
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Sets (or with `None`, removes) a site's logo; the site has settings already.
pub async fn save_logo(
    conn: &impl ConnectionTrait,
    site_id: i64,
    logo: Option<(Vec<u8>, &str)>,
    by: i64,
    now: OffsetDateTime,
) -> Result<u64, DbErr> {
    let (bytes, content_type) = match logo {
        Some((bytes, content_type)) => (Some(bytes), Some(content_type.to_owned())),
        None => (None, None),
    };
    let result = document_settings::Entity::update_many()
        .col_expr(document_settings::Column::Logo, Expr::value(bytes))
        .col_expr(document_settings::Column::LogoType, Expr::value(content_type))
        .col_expr(document_settings::Column::UpdatedAt, Expr::value(now))
        .col_expr(document_settings::Column::UpdatedBy, Expr::value(Some(by)))
        .filter(document_settings::Column::SiteId.eq(site_id))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// The next sequence number of `kind` at `site_id` in `year`, taken inside the caller's
/// transaction: the counter's row is locked until it ends, so two issuers never get the
/// same number, and a rollback gives the number back.
pub async fn take_seq(
    conn: &impl ConnectionTrait,
    site_id: i64,
    kind: DocumentKind,
    year: i32,
) -> Result<i32, DbErr> {
    document_counters::Entity::insert(document_counters::ActiveModel {
        site_id: Set(site_id),
        kind: Set(kind.as_str().to_owned()),
        year: Set(year),
        last_seq: Set(0),
    })
    .on_conflict(
        OnConflict::columns([
            document_counters::Column::SiteId,
            document_counters::Column::Kind,
            document_counters::Column::Year,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    let rows = document_counters::Entity::update_many()
        .col_expr(
            document_counters::Column::LastSeq,
            Expr::col(document_counters::Column::LastSeq).add(1),
        )
        .filter(document_counters::Column::SiteId.eq(site_id))
        .filter(document_counters::Column::Kind.eq(kind))
        .filter(document_counters::Column::Year.eq(year))
        .exec_with_returning(conn)
        .await?;
    rows.first()
        .map(|row| row.last_seq)
        .ok_or_else(|| DbErr::RecordNotFound("document counter".into()))
}

/// A document to write (see [`insert_document`]).
pub struct NewDocument<'a> {
    pub kind: DocumentKind,
    pub site_id: i64,
    pub year: i32,
    pub seq: i32,
    pub number: &'a str,
    pub code: &'a str,
    pub trainee_id: i64,
    pub enrollment_id: i64,
    pub cohort_id: i64,
    pub paper: String,
    pub issued_at: OffsetDateTime,
    pub issued_by: Option<i64>,
}

pub async fn insert_document(
    conn: &impl ConnectionTrait,
    new: NewDocument<'_>,
) -> Result<issued_documents::Model, DbErr> {
    issued_documents::Entity::insert(issued_documents::ActiveModel {
        id: NotSet,
        kind: Set(new.kind.as_str().to_owned()),
        site_id: Set(new.site_id),
        year: Set(new.year),
        seq: Set(new.seq),
        number: Set(new.number.to_owned()),
        code: Set(new.code.to_owned()),
        trainee_id: Set(new.trainee_id),
        enrollment_id: Set(new.enrollment_id),
        cohort_id: Set(new.cohort_id),
        paper: Set(new.paper),
        issued_at: Set(new.issued_at),
        issued_by: Set(new.issued_by),
        revoked_at: Set(None),
        revoked_by: Set(None),
        revoke_reason: Set(None),
        replaced_by: Set(None),
    })
    .exec_with_returning(conn)
    .await
}

pub async fn document(
    conn: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<issued_documents::Model>, DbErr> {
    issued_documents::Entity::find_by_id(id).one(conn).await
}

pub async fn by_code(
    conn: &impl ConnectionTrait,
    code: &str,
) -> Result<Option<issued_documents::Model>, DbErr> {
    issued_documents::Entity::find()
        .filter(issued_documents::Column::Code.eq(code))
        .one(conn)
        .await
}

pub async fn by_number(
    conn: &impl ConnectionTrait,
    number: &str,
) -> Result<Option<issued_documents::Model>, DbErr> {
    issued_documents::Entity::find()
        .filter(issued_documents::Column::Number.eq(number))
        .one(conn)
        .await
}

/// The documents of a cohort's enrollments, newest first.
pub async fn documents_of_cohort(
    conn: &impl ConnectionTrait,
    cohort_id: i64,
) -> Result<Vec<issued_documents::Model>, DbErr> {
    issued_documents::Entity::find()
        .filter(issued_documents::Column::CohortId.eq(cohort_id))
        .order_by_desc(issued_documents::Column::IssuedAt)
        .order_by_desc(issued_documents::Column::Id)
        .all(conn)
        .await
}

/// A person's documents, newest first.
pub async fn documents_of_trainee(
    conn: &impl ConnectionTrait,
    trainee_id: i64,
) -> Result<Vec<issued_documents::Model>, DbErr> {
    issued_documents::Entity::find()
        .filter(issued_documents::Column::TraineeId.eq(trainee_id))
        .order_by_desc(issued_documents::Column::IssuedAt)
        .order_by_desc(issued_documents::Column::Id)
        .all(conn)
        .await
}

/// The current (not revoked) documents of `ids`, in the order of the ids.
pub async fn documents_by_ids(
    conn: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<issued_documents::Model>, DbErr> {
    let rows = issued_documents::Entity::find()
        .filter(issued_documents::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?;
    Ok(ids
        .iter()
        .filter_map(|id| rows.iter().find(|row| row.id == *id).cloned())
        .collect())
}

/// Revokes a document that is not revoked yet; false when it was (or is gone).
pub async fn revoke(
    conn: &impl ConnectionTrait,
    id: i64,
    reason: &str,
    by: Option<i64>,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let result = issued_documents::Entity::update_many()
        .col_expr(issued_documents::Column::RevokedAt, Expr::value(Some(now)))
        .col_expr(issued_documents::Column::RevokedBy, Expr::value(by))
        .col_expr(
            issued_documents::Column::RevokeReason,
            Expr::value(Some(reason.to_owned())),
        )
        .filter(issued_documents::Column::Id.eq(id))
        .filter(issued_documents::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records which document replaced a revoked one.
pub async fn set_replaced_by(conn: &impl ConnectionTrait, id: i64, replaced_by: i64) -> Result<(), DbErr> {
    issued_documents::Entity::update_many()
        .col_expr(
            issued_documents::Column::ReplacedBy,
            Expr::value(Some(replaced_by)),
        )
        .filter(issued_documents::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
