//! Writing marks and their history: one at a time (check-in, excuses) or a whole roll
//! call in a few statements.

use crate::kernel::{AccountId, SessionId};
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QuerySelect, Set,
};
use std::collections::HashMap;
use time::OffsetDateTime;

use crate::attendance::model::{AttendanceStatus, MarkSource};
use crate::entities::{attendance_changes, attendance_marks};

/// A new mark or a changed one.
pub struct MarkWrite<'a> {
    pub session_id: SessionId,
    pub trainee_id: i64,
    pub status: AttendanceStatus,
    pub remark: Option<&'a str>,
    pub source: MarkSource,
    pub by: Option<AccountId>,
    pub reason: Option<&'a str>,
    pub checked_in_at: Option<OffsetDateTime>,
    pub device: Option<&'a str>,
}

/// What a save compares a mark with: its id, keys, status and remark (no timestamps to
/// decode for the forty rows a roll call reads under its lock).
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct MarkState {
    pub id: i64,
    pub session_id: SessionId,
    pub trainee_id: i64,
    pub status: String,
    pub remark: Option<String>,
}

/// The marks of one session as a save compares them, by (session, trainee).
///
/// # Errors
/// Database errors.
pub async fn mark_states_of_session(
    conn: &impl ConnectionTrait,
    session_id: SessionId,
) -> Result<HashMap<(i64, i64), MarkState>, DbErr> {
    Ok(attendance_marks::Entity::find()
        .select_only()
        .columns([
            attendance_marks::Column::Id,
            attendance_marks::Column::SessionId,
            attendance_marks::Column::TraineeId,
            attendance_marks::Column::Status,
            attendance_marks::Column::Remark,
        ])
        .filter(attendance_marks::Column::SessionId.eq(session_id))
        .into_model::<MarkState>()
        .all(conn)
        .await?
        .into_iter()
        .map(|m| ((m.session_id.get(), m.trainee_id), m))
        .collect())
}

/// Writes a mark and its history line, when anything changed. Returns whether it did.
pub async fn write_mark(
    conn: &impl ConnectionTrait,
    existing: Option<&attendance_marks::Model>,
    write: &MarkWrite<'_>,
    now: OffsetDateTime,
) -> Result<bool, DbErr> {
    let remark = write.remark.map(str::to_owned);
    let (id, from) = match existing {
        Some(mark) if mark.status == write.status.as_str() && mark.remark == remark => return Ok(false),
        Some(mark) => {
            attendance_marks::Entity::update_many()
                .col_expr(
                    attendance_marks::Column::Status,
                    Expr::value(write.status.as_str()),
                )
                .col_expr(attendance_marks::Column::Remark, Expr::value(remark.clone()))
                .col_expr(
                    attendance_marks::Column::Source,
                    Expr::value(write.source.as_str()),
                )
                .col_expr(attendance_marks::Column::MarkedBy, Expr::value(write.by))
                .col_expr(attendance_marks::Column::UpdatedAt, Expr::value(now))
                .filter(attendance_marks::Column::Id.eq(mark.id))
                .exec(conn)
                .await?;
            (mark.id, Some(mark.status.clone()))
        }
        None => {
            let inserted = attendance_marks::Entity::insert(attendance_marks::ActiveModel {
                session_id: Set(write.session_id.get()),
                trainee_id: Set(write.trainee_id),
                status: Set(write.status.as_str().to_owned()),
                remark: Set(remark.clone()),
                source: Set(write.source.as_str().to_owned()),
                checked_in_at: Set(write.checked_in_at),
                device: Set(write.device.map(str::to_owned)),
                marked_by: Set(write.by.map(AccountId::get)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .exec_with_returning(conn)
            .await?;
            (inserted.id, None)
        }
    };
    attendance_changes::Entity::insert(attendance_changes::ActiveModel {
        mark_id: Set(id),
        from_status: Set(from),
        to_status: Set(write.status.as_str().to_owned()),
        remark: Set(remark),
        reason: Set(write.reason.map(str::to_owned)),
        source: Set(write.source.as_str().to_owned()),
        changed_by: Set(write.by.map(AccountId::get)),
        changed_at: Set(now),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(true)
}

/// Writes many marks and their history lines at once (a roll call): every write that
/// changes something goes into one upsert, the new rows' ids are read back in one query,
/// and the history lines go in as one insert. `existing` is what the caller read under
/// the session's lock. Returns how many marks changed.
///
/// # Errors
/// Database errors.
pub async fn write_marks(
    conn: &impl ConnectionTrait,
    existing: &HashMap<(i64, i64), MarkState>,
    writes: &[MarkWrite<'_>],
    now: OffsetDateTime,
) -> Result<u32, DbErr> {
    let changed: Vec<(&MarkWrite<'_>, Option<&MarkState>)> = writes
        .iter()
        .map(|w| (w, existing.get(&(w.session_id.get(), w.trainee_id))))
        .filter(|(w, before)| {
            before.is_none_or(|m| m.status != w.status.as_str() || m.remark.as_deref() != w.remark)
        })
        .collect();
    if changed.is_empty() {
        return Ok(0);
    }
    for chunk in changed.chunks(2_000) {
        attendance_marks::Entity::insert_many(chunk.iter().map(|(w, _)| attendance_marks::ActiveModel {
            session_id: Set(w.session_id.get()),
            trainee_id: Set(w.trainee_id),
            status: Set(w.status.as_str().to_owned()),
            remark: Set(w.remark.map(str::to_owned)),
            source: Set(w.source.as_str().to_owned()),
            checked_in_at: Set(w.checked_in_at),
            device: Set(w.device.map(str::to_owned)),
            marked_by: Set(w.by.map(AccountId::get)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }))
        .on_conflict(
            OnConflict::columns([
                attendance_marks::Column::SessionId,
                attendance_marks::Column::TraineeId,
            ])
            .update_columns([
                attendance_marks::Column::Status,
                attendance_marks::Column::Remark,
                attendance_marks::Column::Source,
                attendance_marks::Column::MarkedBy,
                attendance_marks::Column::UpdatedAt,
            ])
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    }
    let mut ids: HashMap<(i64, i64), i64> = changed
        .iter()
        .filter_map(|(_, before)| before.map(|m| ((m.session_id.get(), m.trainee_id), m.id)))
        .collect();
    let fresh: Vec<&MarkWrite<'_>> = changed
        .iter()
        .filter(|(_, b)| b.is_none())
        .map(|(w, _)| *w)
        .collect();
    if !fresh.is_empty() {
        let mut sessions: Vec<i64> = fresh.iter().map(|w| w.session_id.get()).collect();
        sessions.sort_unstable();
        sessions.dedup();
        let mut people: Vec<i64> = fresh.iter().map(|w| w.trainee_id).collect();
        people.sort_unstable();
        people.dedup();
        let found: Vec<(i64, i64, i64)> = attendance_marks::Entity::find()
            .select_only()
            .columns([
                attendance_marks::Column::Id,
                attendance_marks::Column::SessionId,
                attendance_marks::Column::TraineeId,
            ])
            .filter(attendance_marks::Column::SessionId.is_in(sessions))
            .filter(attendance_marks::Column::TraineeId.is_in(people))
            .into_tuple()
            .all(conn)
            .await?;
        for (id, session, trainee) in found {
            ids.entry((session, trainee)).or_insert(id);
        }
    }
    let history: Vec<attendance_changes::ActiveModel> = changed
        .iter()
        .filter_map(|(w, before)| {
            Some(attendance_changes::ActiveModel {
                mark_id: Set(*ids.get(&(w.session_id.get(), w.trainee_id))?),
                from_status: Set(before.map(|m| m.status.clone())),
                to_status: Set(w.status.as_str().to_owned()),
                remark: Set(w.remark.map(str::to_owned)),
                reason: Set(w.reason.map(str::to_owned)),
                source: Set(w.source.as_str().to_owned()),
                changed_by: Set(w.by.map(AccountId::get)),
                changed_at: Set(now),
                ..Default::default()
            })
        })
        .collect();
    for chunk in history.chunks(2_000) {
        attendance_changes::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(u32::try_from(changed.len()).unwrap_or(u32::MAX))
}
