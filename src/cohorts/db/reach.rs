//! The cohorts within an actor's reach: the one query every area asks, as a condition on
//! the cohorts table or on another table's cohort column.

use sea_orm::{
    sea_query::Expr, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};

use crate::entities::{cohort_instructors, cohorts};
use crate::kernel::{AccountId, Reach};
use crate::platform::state::Ports;

/// The cohorts within `reach`, as a condition on the cohorts table: the one query of
/// "cohorts within reach" every area asks (through [`in_reach`] for its own tables).
/// Coordinators' sites, the cohorts an instructor teaches now, the cohorts whose seat a
/// trainee's record holds (the trainees area answers that, through `ports`).
pub fn within_reach(reach: &Reach, ports: Ports) -> Condition {
    match reach {
        Reach::Everything => Condition::all(),
        Reach::Sites(ids) => Condition::all().add(cohorts::Column::SiteId.is_in(ids.clone())),
        Reach::Teaching(user_id) => {
            Condition::all().add(cohorts::Column::Id.in_subquery(taught_by(*user_id)))
        }
        Reach::Own(user_id) => {
            Condition::all().add(cohorts::Column::Id.in_subquery((ports.seat_cohorts)(*user_id)))
        }
    }
}

/// Rows of another table whose cohort (`column`) is within `reach`, without that table
/// touching the cohorts' own.
pub fn in_reach<C: ColumnTrait>(column: C, reach: &Reach, ports: Ports) -> Condition {
    match reach {
        Reach::Everything => Condition::all(),
        Reach::Teaching(user_id) => Condition::all().add(column.in_subquery(taught_by(*user_id))),
        Reach::Own(user_id) => Condition::all().add(column.in_subquery((ports.seat_cohorts)(*user_id))),
        Reach::Sites(_) => Condition::all().add(
            column.in_subquery(
                cohorts::Entity::find()
                    .select_only()
                    .column(cohorts::Column::Id)
                    .filter(within_reach(reach, ports))
                    .into_query(),
            ),
        ),
    }
}

/// Rows of another table whose cohort (`column`) is at one of `site_ids`.
pub fn at_sites<C: ColumnTrait>(column: C, site_ids: &[i64]) -> Condition {
    Condition::all().add(
        column.in_subquery(
            cohorts::Entity::find()
                .select_only()
                .column(cohorts::Column::Id)
                .filter(cohorts::Column::SiteId.is_in(site_ids.to_vec()))
                .into_query(),
        ),
    )
}

/// The cohorts `user_id` teaches now, as a subquery of cohort ids.
fn taught_by(user_id: AccountId) -> sea_orm::sea_query::SelectStatement {
    cohort_instructors::Entity::find()
        .select_only()
        .column(cohort_instructors::Column::CohortId)
        .filter(cohort_instructors::Column::UserId.eq(user_id))
        .into_query()
}

/// Whether `user_id` teaches the cohort whose id is the expression `cohort` now (an
/// `EXISTS`, for another area's joined read of a cohort's row).
pub fn teaches(user_id: AccountId, cohort: sea_orm::sea_query::SimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::Query;
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(cohort_instructors::Entity)
            .and_where(
                Expr::col((cohort_instructors::Entity, cohort_instructors::Column::CohortId)).eq(cohort),
            )
            .and_where(
                Expr::col((cohort_instructors::Entity, cohort_instructors::Column::UserId)).eq(user_id),
            )
            .to_owned(),
    )
}

/// The cohort `id` if it is within `reach` (one statement).
pub async fn cohort_within_reach(
    conn: &impl ConnectionTrait,
    id: i64,
    reach: &Reach,
    ports: Ports,
) -> Result<Option<cohorts::Model>, DbErr> {
    cohorts::Entity::find_by_id(id)
        .filter(within_reach(reach, ports))
        .one(conn)
        .await
}

/// The cohorts within `reach`, newest start first.
pub async fn cohorts_within_reach(
    conn: &impl ConnectionTrait,
    reach: &Reach,
    ports: Ports,
) -> Result<Vec<cohorts::Model>, DbErr> {
    cohorts::Entity::find()
        .filter(within_reach(reach, ports))
        .order_by_desc(cohorts::Column::StartsOn)
        .order_by_asc(cohorts::Column::Code)
        .all(conn)
        .await
}

/// The cohorts within `reach` whose dates meet `first..=last`, by code (at most `limit`).
pub async fn cohorts_meeting(
    conn: &impl ConnectionTrait,
    reach: &Reach,
    ports: Ports,
    (first, last): (time::Date, time::Date),
    limit: u64,
) -> Result<Vec<cohorts::Model>, DbErr> {
    cohorts::Entity::find()
        .filter(within_reach(reach, ports))
        .filter(cohorts::Column::StartsOn.lte(last))
        .filter(cohorts::Column::EndsOn.gte(first))
        .order_by_asc(cohorts::Column::Code)
        .limit(limit)
        .all(conn)
        .await
}

/// Whether any cohort is within `reach` (a trainee with a seat, an instructor with a class).
pub async fn any_within_reach(
    conn: &impl ConnectionTrait,
    reach: &Reach,
    ports: Ports,
) -> Result<bool, DbErr> {
    Ok(cohorts::Entity::find()
        .filter(within_reach(reach, ports))
        .count(conn)
        .await?
        > 0)
}
