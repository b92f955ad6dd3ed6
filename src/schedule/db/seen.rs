//! The schedule's changes as news: the moved and cancelled sessions someone may not have
//! read about yet, and how far each person has read them (`schedule_changes_seen`).

use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set,
};
use time::OffsetDateTime;

use super::utc;
use crate::entities::{class_sessions, schedule_changes_seen};
use crate::kernel::AccountId;
use crate::schedule::model::SessionStatus;

/// Up to when `user_id` has read the schedule's changes, if they ever dismissed them.
pub async fn seen_up_to(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<Option<OffsetDateTime>, DbErr> {
    Ok(schedule_changes_seen::Entity::find_by_id(user_id.get())
        .one(conn)
        .await?
        .map(|row| row.seen_up_to))
}

/// Moves the read mark of `user_id` to `mark`, unless it is there or past it already: it
/// only moves forward, whichever of two dismissals at once is written last.
pub async fn mark_seen(
    conn: &impl ConnectionTrait,
    user_id: AccountId,
    mark: OffsetDateTime,
) -> Result<(), DbErr> {
    let mark = utc(mark);
    schedule_changes_seen::Entity::insert(schedule_changes_seen::ActiveModel {
        user_id: Set(user_id.get()),
        seen_up_to: Set(mark),
    })
    .on_conflict(
        OnConflict::column(schedule_changes_seen::Column::UserId)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    schedule_changes_seen::Entity::update_many()
        .col_expr(schedule_changes_seen::Column::SeenUpTo, Expr::value(mark))
        .filter(schedule_changes_seen::Column::UserId.eq(user_id))
        .filter(schedule_changes_seen::Column::SeenUpTo.lt(mark))
        .exec(conn)
        .await?;
    Ok(())
}

/// The sessions meeting `scope` (see [`super::within_reach`]) that were moved or cancelled
/// after `since` (ever, without it) and have not ended by `now`; at most `limit`, in no
/// particular order. Unordered on purpose: ordered by start, SQLite walked the start-time
/// index through every coming session of every cohort; unordered, it reads the scope's
/// cohorts' own (their cohort-and-start index), few enough to sort after.
pub async fn changed_sessions(
    conn: &impl ConnectionTrait,
    scope: Condition,
    since: Option<OffsetDateTime>,
    now: OffsetDateTime,
    limit: u64,
) -> Result<Vec<class_sessions::Model>, DbErr> {
    let mut query = class_sessions::Entity::find()
        .filter(scope)
        .filter(class_sessions::Column::Status.ne(SessionStatus::Scheduled))
        .filter(class_sessions::Column::ChangedAt.is_not_null())
        .filter(class_sessions::Column::EndsAt.gt(utc(now)))
        // Implied by the line above (see `sessions_in`): the index's range.
        .filter(class_sessions::Column::StartsAt.gt(utc(now - super::LONGEST_SESSION)));
    if let Some(since) = since {
        query = query.filter(class_sessions::Column::ChangedAt.gt(utc(since)));
    }
    query.limit(limit).all(conn).await
}
