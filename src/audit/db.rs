//! Writing and reading the audit trail.

use crate::kernel::AccountId;
use sea_orm::{
    sea_query::{Expr, Func},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use time::OffsetDateTime;

use super::authz::AuditScope;
use super::model::{AuditAction, AuditEntryView, AuditFilter, AuditPage, Outcome};
use crate::entities::audit_log;
use crate::kernel::wib;
use crate::platform::query::contains_pattern;
use crate::platform::state::Ports;

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

    pub fn actor(mut self, user_id: AccountId) -> Self {
        self.actor_user_id = Some(user_id.get());
        self
    }

    pub fn subject(mut self, user_id: AccountId) -> Self {
        self.subject_user_id = Some(user_id.get());
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

    /// Sets the detail object; fields already there (a key's name) are kept.
    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        match (self.detail.take(), detail) {
            (Some(serde_json::Value::Object(mut kept)), serde_json::Value::Object(new)) => {
                kept.extend(new);
                self.detail = Some(serde_json::Value::Object(kept));
            }
            (_, detail) => self.detail = Some(detail),
        }
        self
    }

    /// Who did it: the person's account, or a partner system's key (no account; its name
    /// in the detail, as `key`).
    pub fn by(mut self, actor: &crate::kernel::Actor) -> Self {
        self.actor_user_id = actor.account().map(AccountId::get);
        match &actor.integration {
            Some(integration) => {
                self.detail_field("key", serde_json::Value::String(integration.name.clone()))
            }
            None => self,
        }
    }

    /// Adds one field to the detail object (starting one if there is none).
    pub fn detail_field(mut self, key: &str, value: serde_json::Value) -> Self {
        let mut detail = match self.detail.take() {
            Some(serde_json::Value::Object(map)) => map,
            _ => serde_json::Map::new(),
        };
        detail.insert(key.to_owned(), value);
        self.detail = Some(serde_json::Value::Object(detail));
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

/// One row of the page with the names of its people and site.
#[derive(Debug, FromQueryResult)]
struct Row {
    id: i64,
    occurred_at: OffsetDateTime,
    action: String,
    outcome: String,
    actor: Option<String>,
    subject: Option<String>,
    site: Option<String>,
    ip: Option<String>,
    detail: Option<String>,
}

/// Reads one page of the audit log, newest first, within `scope`, with the names of its
/// actors, subjects and sites (asked of the accounts area through `ports`): one statement.
///
/// # Errors
/// Database errors.
pub async fn list(
    conn: &impl ConnectionTrait,
    ports: Ports,
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
        let sites = match scope {
            AuditScope::Everything => None,
            AuditScope::Sites(site_ids) => Some(site_ids.as_slice()),
        };
        condition = condition.add(
            Condition::any()
                .add(audit_log::Column::ActorUserId.in_subquery((ports.people_matching)(person, sites)))
                .add(audit_log::Column::SubjectUserId.in_subquery((ports.people_matching)(person, sites)))
                .add(
                    Expr::expr(Func::lower(Expr::col(audit_log::Column::Detail)))
                        .like(contains_pattern(person)),
                ),
        );
    }
    let column = |c: audit_log::Column| Expr::col((audit_log::Entity, c));
    let rows: Vec<Row> = audit_log::Entity::find()
        .select_only()
        .columns([
            audit_log::Column::Id,
            audit_log::Column::OccurredAt,
            audit_log::Column::Action,
            audit_log::Column::Outcome,
            audit_log::Column::Ip,
            audit_log::Column::Detail,
        ])
        .expr_as((ports.user_name)(column(audit_log::Column::ActorUserId)), "actor")
        .expr_as(
            (ports.user_name)(column(audit_log::Column::SubjectUserId)),
            "subject",
        )
        .expr_as((ports.site_name)(column(audit_log::Column::SiteId)), "site")
        .filter(condition)
        .order_by_desc(audit_log::Column::Id)
        .limit(PAGE_SIZE + 1)
        .into_model()
        .all(conn)
        .await?;
    let has_more = rows.len() as u64 > PAGE_SIZE;
    let rows: Vec<_> = rows.into_iter().take(PAGE_SIZE as usize).collect();
    let next_before = if has_more { rows.last().map(|r| r.id) } else { None };
    let entries = rows
        .into_iter()
        .map(|row| AuditEntryView {
            id: row.id,
            occurred_at: row.occurred_at,
            action: row.action,
            outcome: row.outcome,
            actor: row.actor,
            subject: row.subject,
            site: row.site,
            ip: row.ip,
            detail: row.detail,
        })
        .collect();
    Ok(AuditPage { entries, next_before })
}
