//! A cohort's sessions (`cohorts:read`) and attendance (`attendance:read`): the class as it
//! is held, and where each trainee stands against the cohort's threshold.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::caller::Partner;
use super::problem::Answer;
use super::reads::{self, Params};
use crate::attendance::dto::Standing;
use crate::integrations::model::Scope;
use crate::kernel::{wib, CohortId, TraineeId};
use crate::platform::state::AppState;
use crate::schedule::dto::SessionView;

/// One class session.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 812, "cohort_id": 3, "starts_at": "2026-12-08T08:00:00+07:00",
    "ends_at": "2026-12-08T11:20:00+07:00", "status": "moved", "room": "Ruang Bahasa 2",
    "instructor": "Dewi Lestari", "unit": "Bab 12: Di rumah sakit",
    "original_starts_at": "2026-12-07T08:00:00+07:00", "change_reason": "Ruangan dipakai ujian"
}))]
pub struct Session {
    pub id: i64,
    pub cohort_id: i64,
    #[schema(value_type = String, format = DateTime)]
    pub starts_at: String,
    #[schema(value_type = String, format = DateTime)]
    pub ends_at: String,
    /// `scheduled`, `moved` or `cancelled`.
    #[schema(value_type = SessionStatusDoc)]
    pub status: String,
    pub room: Option<String>,
    pub instructor: Option<String>,
    /// The lesson unit planned for it.
    pub unit: Option<String>,
    /// Where a moved session was first planned.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub original_starts_at: Option<String>,
    /// Why it was moved or cancelled.
    pub change_reason: Option<String>,
}

/// What happened to a session since it was planned.
#[allow(dead_code)]
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SessionStatus)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatusDoc {
    Scheduled,
    Moved,
    Cancelled,
}

/// A cohort's sessions in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    pub items: Vec<Session>,
}

/// Which days.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct DayRange {
    /// The first day (WIB), included; the cohort's first session when absent.
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// The last day (WIB), included; the cohort's last session when absent.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
}

fn session(view: SessionView) -> Session {
    Session {
        id: view.id.get(),
        cohort_id: view.cohort_id.get(),
        starts_at: wib::rfc3339_wib(view.starts_at),
        ends_at: wib::rfc3339_wib(view.ends_at),
        status: view.status.as_str().to_owned(),
        room: view.room,
        instructor: view.instructor,
        unit: view.unit,
        original_starts_at: view.original_starts_at.map(wib::rfc3339_wib),
        change_reason: view.change_reason,
    }
}

/// A cohort's sessions on the days asked for (all of them by default), cancelled and moved
/// ones included with their reason.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/sessions", tag = "Cohorts", operation_id = "listSessions",
    security(("bearer" = ["cohorts:read"])),
    params(("id" = i64, Path, description = "The cohort's id"), DayRange),
    responses((status = 200, description = "The sessions, in order", body = SessionList)))]
pub async fn sessions(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let actor = partner.with(Scope::CohortsRead)?;
    let mut params = Params::read(uri.query(), &["from", "to"], partner.locale)?;
    let from = params.date("from").unwrap_or(time::Date::MIN);
    let to = params.date("to").unwrap_or(time::Date::MAX);
    params.done()?;
    let id = CohortId(reads::path_id(&id, partner.locale)?);
    let list = crate::schedule::service::sessions_between(state.env(), actor, id, from, to)
        .await
        .map(|views| SessionList {
            items: views.into_iter().map(session).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, list))
}

/// One trainee's attendance in one cohort, over the sessions inside their enrollment.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "trainee_id": 17, "name": "Siti Rahmawati", "cohort_id": 3, "cohort": "JP-SRG-2026-03",
    "threshold": 80, "rate": 87.5, "best_reachable": 91.2, "meets_threshold": true,
    "present": 61, "late": 4, "permitted": 2, "sick": 1, "absent": 5, "unmarked": 0, "remaining": 38
}))]
pub struct AttendanceStanding {
    pub trainee_id: i64,
    pub name: String,
    pub cohort_id: i64,
    /// The cohort's code.
    pub cohort: String,
    /// Percent of counted sessions the cohort requires.
    pub threshold: u32,
    /// Percent earned over counted sessions (to one decimal); `null` before any counted
    /// session.
    pub rate: Option<f64>,
    /// The best rate still reachable if every session to come is attended.
    pub best_reachable: Option<f64>,
    /// Whether `rate` meets the threshold; `null` while there is no rate.
    pub meets_threshold: Option<bool>,
    pub present: u32,
    pub late: u32,
    /// Excused (izin); not counted.
    pub permitted: u32,
    /// Sick (sakit); not counted.
    pub sick: u32,
    pub absent: u32,
    /// Sessions held without a mark yet.
    pub unmarked: u32,
    /// Sessions still to come.
    pub remaining: u32,
}

fn percent(tenths: u32) -> f64 {
    f64::from(tenths) / 10.0
}

fn standing(row: Standing) -> AttendanceStanding {
    let rates = row.rates;
    AttendanceStanding {
        trainee_id: row.trainee_id.get(),
        name: row.name,
        cohort_id: row.cohort_id.get(),
        cohort: row.cohort,
        threshold: row.threshold,
        rate: rates.rate.map(percent),
        best_reachable: rates.best.map(percent),
        meets_threshold: rates.rate.map(|rate| rate >= row.threshold * 10),
        present: rates.present,
        late: rates.late,
        permitted: rates.permitted,
        sick: rates.sick,
        absent: rates.absent,
        unmarked: rates.unmarked,
        remaining: rates.remaining,
    }
}

/// Attendance, one item per trainee and cohort.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttendanceList {
    pub items: Vec<AttendanceStanding>,
}

/// Every trainee of a cohort (all who joined it), by name, with their attendance.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/attendance", tag = "Attendance", operation_id = "getCohortAttendance",
    security(("bearer" = ["attendance:read"])),
    params(("id" = i64, Path, description = "The cohort's id")),
    responses((status = 200, description = "The cohort's attendance", body = AttendanceList)))]
pub async fn cohort_attendance(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::AttendanceRead, &uri, &id)?;
    let id = CohortId(id);
    let list = crate::attendance::service::cohort_standing(state.env(), actor, id)
        .await
        .map(|rows| AttendanceList {
            items: rows.into_iter().map(standing).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, list))
}

/// A trainee's attendance in each cohort they joined.
#[utoipa::path(get, path = "/api/v1/trainees/{id}/attendance", tag = "Attendance", operation_id = "getTraineeAttendance",
    security(("bearer" = ["attendance:read"])),
    params(("id" = i64, Path, description = "The trainee's record id")),
    responses((status = 200, description = "The trainee's attendance, oldest enrollment first", body = AttendanceList)))]
pub async fn trainee_attendance(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::AttendanceRead, &uri, &id)?;
    let id = TraineeId(id);
    let list = crate::attendance::service::trainee_standing(state.env(), actor, id)
        .await
        .map(|rows| AttendanceList {
            items: rows.into_iter().map(standing).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::model::SessionStatus;

    #[test]
    fn the_documented_session_statuses_are_the_stored_ones() {
        let documented: Vec<String> = [
            SessionStatusDoc::Scheduled,
            SessionStatusDoc::Moved,
            SessionStatusDoc::Cancelled,
        ]
        .iter()
        .map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_owned())
        .collect();
        let stored: Vec<String> = SessionStatus::ALL.iter().map(|s| s.as_str().to_owned()).collect();
        assert_eq!(documented, stored);
    }
}
