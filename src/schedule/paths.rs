//! The schedule area's addresses, spelled once: pages link with these, server functions
//! send people to them, and [`super::pages::ScheduleRoutes`] and
//! [`super::feeds::file_routes`] match the same patterns.

use time::Date;

use crate::cohorts::paths::cohort_page;
use crate::kernel::{CohortId, SessionId};

/// A trainee's or instructor's own schedule.
pub const MINE: &str = "/jadwal";
/// The calendar (`?view=week|month&date=&site=&cohort=`).
pub const CALENDAR: &str = "/kalender";
/// National holidays and site closures (`?tahun=`).
pub const HOLIDAYS: &str = "/libur";
/// A personal calendar feed (`/ical/{token}.ics`).
pub const FEED: &str = "/ical/{file}";
/// A cohort's whole schedule as one iCalendar download.
pub const COHORT_ICS: &str = "/angkatan/{id}/jadwal.ics";

pub fn session(id: SessionId) -> String {
    format!("/sesi/{id}")
}

/// Generating a cohort's sessions.
pub fn generate(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "jadwalkan")
}

/// A cohort's printable week (this week's).
pub fn print(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "cetak")
}

/// A cohort's printable week holding `date`.
pub fn print_week(cohort_id: CohortId, date: Date) -> String {
    crate::platform::query_string::link(
        &print(cohort_id),
        &[("minggu", crate::kernel::wib::iso_date(date))],
    )
}

pub fn cohort_ics(cohort_id: CohortId) -> String {
    cohort_page(cohort_id, "jadwal.ics")
}

/// The holidays and closures of `year`.
pub fn holidays(year: i32) -> String {
    format!("{HOLIDAYS}?tahun={year}")
}

/// The holidays of `year` with holiday `id` open in the form.
pub fn edit_holiday(year: i32, id: i64) -> String {
    format!("{HOLIDAYS}?tahun={year}&ubah={id}#holiday-form")
}

/// A personal feed's address for its token.
pub fn feed(token: &str) -> String {
    format!("/ical/{token}.ics")
}
