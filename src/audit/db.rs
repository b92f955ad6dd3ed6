//! Writing and reading the audit trail.

use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use super::authz::AuditScope;
use super::model::{AuditAction, AuditEntryView, AuditFilter, AuditPage, Outcome};
use crate::entities::{audit_log, sites, users};
use crate::kernel::wib;
use crate::platform::query::contains_pattern;

/// One event to record.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub action: AuditAction,
    pub outcome: Outcome,
    pub actor_user_id: Option<i64>,
    pub subject_user_id: Option<i64>,
    pub site_id: Option<i64>,
    pub ip: Option<String>,
    /// Small JSON object with the specifics (attempted login, new role…); never secrets.
    pub detail: Option<serde_json::Value>,
}

impl AuditEvent {
    pub fn new(action: AuditAction, outcome: Outcome) -> Self {
        Self {
            action,
            outcome,
            actor_user_id: None,
            subject_user_id: None,
            site_id: None,
            ip: None,
            detail: None,
        }
    }

    pub fn actor(mut self, user_id: i64) -> Self {
        self.actor_user_id = Some(user_id);
        self
    }

    pub fn subject(mut self, user_id: i64) -> Self {
        self.subject_user_id = Some(user_id);
        self
    }

    pub fn site(mut self, site_id: Option<i64>) -> Self {
        self.site_id = site_id;
        self
    }

    pub fn ip(mut self, ip: Option<String>) -> Self {
        self.ip = ip;
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = Some(detail);
        self
    }
}

/// Appends one event; call it with the transaction of the change it records.
///
/// # Errors
/// Database errors.
pub async fn record(
    conn: &impl ConnectionTrait,
    now: OffsetDateTime,
    event: AuditEvent,
) -> Result<(), DbErr> {
    // A plain insert (not the nested-ActiveModel builder, which wraps every insert in a
    // savepoint): audit rows are written on hot paths such as sign-in.
    audit_log::Entity::insert(audit_log::ActiveModel {
        occurred_at: Set(now),
        actor_user_id: Set(event.actor_user_id),
        action: Set(event.action.as_str().to_owned()),
        outcome: Set(event.outcome.as_str().to_owned()),
        subject_user_id: Set(event.subject_user_id),
        site_id: Set(event.site_id),
        ip: Set(event.ip),
        detail: Set(event.detail.map(|d| d.to_string())),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

pub const PAGE_SIZE: u64 = 50;

/// Reads one page of the audit log, newest first, within `scope`. Names of actors,
/// subjects and sites are fetched for the whole page at once (three queries in total).
///
/// # Errors
/// Database errors.
pub async fn list(
    conn: &impl ConnectionTrait,
    scope: &AuditScope,
    filter: &AuditFilter,
) -> Result<AuditPage, DbErr> {
    let mut condition = Condition::all();
    if let AuditScope::Sites(site_ids) = scope {
        condition = condition.add(audit_log::Column::SiteId.is_in(site_ids.clone()));
    }
    if let Some(action) = filter.action.as_deref().and_then(AuditAction::parse) {
        condition = condition.add(audit_log::Column::Action.eq(action.as_str()));
    }
    if let Some(outcome) = filter.outcome.as_deref().and_then(Outcome::parse) {
        condition = condition.add(audit_log::Column::Outcome.eq(outcome.as_str()));
    }
    if let Some(from) = filter.from.as_deref().and_then(wib::parse_iso_date) {
        condition = condition.add(audit_log::Column::OccurredAt.gte(wib::start_of_day(from)));
    }
    if let Some(to) = filter.to.as_deref().and_then(wib::parse_iso_date) {
        if let Some(next) = to.next_day() {
            condition = condition.add(audit_log::Column::OccurredAt.lt(wib::start_of_day(next)));
        }
    }
    if let Some(before) = filter.before {
        condition = condition.add(audit_log::Column::Id.lt(before));
    }
    if let Some(person) = filter.person.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        let matching_users: Vec<i64> = users::Entity::find()
            .select_only()
            .column(users::Column::Id)
            .filter(
                Condition::any()
                    .add(
                        Expr::expr(Func::lower(Expr::col(users::Column::DisplayName)))
                            .like(contains_pattern(person)),
                    )
                    .add(
                        Expr::expr(Func::lower(Expr::col(users::Column::Email)))
                            .like(contains_pattern(person)),
                    )
                    .add(Expr::col(users::Column::Phone).like(contains_pattern(person)))
                    .add(Expr::col(users::Column::Nik).like(contains_pattern(person))),
            )
            .limit(500)
            .into_tuple()
            .all(conn)
            .await?;
        condition = condition.add(
            Condition::any()
                .add(audit_log::Column::ActorUserId.is_in(matching_users.clone()))
                .add(audit_log::Column::SubjectUserId.is_in(matching_users))
                .add(
                    Expr::expr(Func::lower(Expr::col(audit_log::Column::Detail)))
                        .like(contains_pattern(person)),
                ),
        );
    }

    let rows = audit_log::Entity::find()
        .filter(condition)
        .order_by_desc(audit_log::Column::Id)
        .limit(PAGE_SIZE + 1)
        .all(conn)
        .await?;
    let has_more = rows.len() as u64 > PAGE_SIZE;
    let rows: Vec<_> = rows.into_iter().take(PAGE_SIZE as usize).collect();

    let user_ids: Vec<i64> = rows
        .iter()
        .flat_map(|r| [r.actor_user_id, r.subject_user_id])
        .flatten()
        .collect();
    let site_ids: Vec<i64> = rows.iter().filter_map(|r| r.site_id).collect();
    let user_names: HashMap<i64, String> = if user_ids.is_empty() {
        HashMap::new()
    } else {
        users::Entity::find()
            .select_only()
            .columns([users::Column::Id, users::Column::DisplayName])
            .filter(users::Column::Id.is_in(user_ids))
            .into_tuple::<(i64, String)>()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    };
    let site_names: HashMap<i64, String> = if site_ids.is_empty() {
        HashMap::new()
    } else {
        sites::Entity::find()
            .select_only()
            .columns([sites::Column::Id, sites::Column::Name])
            .filter(sites::Column::Id.is_in(site_ids))
            .into_tuple::<(i64, String)>()
            .all(conn)
            .await?
            .into_iter()
            .collect()
    };

    let next_before = if has_more { rows.last().map(|r| r.id) } else { None };
    let entries = rows
        .into_iter()
        .map(|row| AuditEntryView {
            id: row.id,
            occurred_at: row
                .occurred_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
            action: row.action,
            outcome: row.outcome,
            actor: row.actor_user_id.and_then(|id| user_names.get(&id).cloned()),
            subject: row.subject_user_id.and_then(|id| user_names.get(&id).cloned()),
            site: row.site_id.and_then(|id| site_names.get(&id).cloned()),
            ip: row.ip,
            detail: row.detail,
        })
        .collect();
    Ok(AuditPage { entries, next_before })
}
