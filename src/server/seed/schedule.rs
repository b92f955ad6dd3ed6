//! Demo cohorts and their schedule, placed around the day the seed runs: one finished,
//! two running, one about to start. Sessions come from the same generation rules the
//! coordinators use, so they skip the seeded holidays.

use crate::kernel::AccountId;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use time::{Date, Duration, OffsetDateTime, Time, Weekday};

use super::SeedError;
use crate::cohorts::model::{CohortCode, CohortStatus, ValidCohort};
use crate::entities::{class_sessions, courses, holidays, programmes, users};
use crate::kernel::wib;
use crate::schedule::model::generation::{assign_units, generate, Pattern, Until, Window};
use crate::schedule::model::{Holiday, SessionStatus};

/// (site code, room name, capacity)
const ROOMS: &[(&str, &str, u32)] = &[
    ("BBPLK-SRG", "Lab Bahasa A", 40),
    ("BBPLK-SRG", "Ruang Teori 3", 32),
    ("UPT-SRG", "Ruang Kelas 1", 30),
    ("POS-TNG", "Ruang Pelatihan", 24),
    ("POS-CGK", "Ruang Serbaguna", 16),
];

/// One weekly slot of a demo cohort: days, start and end (WIB), instructor e-mail.
struct Slot {
    days: &'static [Weekday],
    start: (u8, u8),
    end: (u8, u8),
    instructor: &'static str,
}

struct DemoCohort {
    code: &'static str,
    course: &'static str,
    programme: &'static str,
    site: &'static str,
    room: &'static str,
    capacity: u32,
    /// First day as weeks from this week's Monday, and length in weeks.
    start_week: i64,
    weeks: i64,
    status: CohortStatus,
    slots: &'static [Slot],
}

const COHORTS: &[DemoCohort] = &[
    DemoCohort {
        code: "JP-MANUF-A",
        course: "BJ-CPMI-340",
        programme: "SSW-MANUF",
        site: "BBPLK-SRG",
        room: "Ruang Teori 3",
        capacity: 30,
        start_week: -30,
        weeks: 26,
        status: CohortStatus::Completed,
        slots: &[Slot {
            days: &[Weekday::Monday, Weekday::Wednesday, Weekday::Friday],
            start: (8, 0),
            end: (12, 0),
            instructor: "sri.wahyuni@siapjepang.id",
        }],
    },
    DemoCohort {
        code: "JP-KAIGO-B",
        course: "BJ-N4-360",
        programme: "SSW-KAIGO",
        site: "BBPLK-SRG",
        room: "Lab Bahasa A",
        capacity: 32,
        start_week: -6,
        weeks: 22,
        status: CohortStatus::Running,
        slots: &[
            Slot {
                days: &[
                    Weekday::Monday,
                    Weekday::Tuesday,
                    Weekday::Wednesday,
                    Weekday::Thursday,
                ],
                start: (8, 0),
                end: (12, 0),
                instructor: "sensei@siapjepang.id",
            },
            Slot {
                days: &[Weekday::Friday],
                start: (13, 0),
                end: (15, 0),
                instructor: "sri.wahyuni@siapjepang.id",
            },
        ],
    },
    DemoCohort {
        code: "JP-EPA-C",
        course: "BJ-N4-360",
        programme: "EPA",
        site: "UPT-SRG",
        room: "Ruang Kelas 1",
        capacity: 24,
        start_week: -3,
        weeks: 26,
        status: CohortStatus::Running,
        slots: &[Slot {
            days: &[Weekday::Tuesday, Weekday::Thursday],
            start: (13, 0),
            end: (16, 0),
            instructor: "sri.wahyuni@siapjepang.id",
        }],
    },
    DemoCohort {
        code: "JP-TITP-D",
        course: "BJ-CPMI-340",
        programme: "TITP",
        site: "POS-TNG",
        room: "Ruang Pelatihan",
        capacity: 20,
        start_week: 1,
        weeks: 24,
        status: CohortStatus::Open,
        slots: &[Slot {
            days: &[Weekday::Monday, Weekday::Wednesday, Weekday::Friday],
            start: (8, 0),
            end: (11, 0),
            instructor: "bambang.sutrisno@siapjepang.id",
        }],
    },
];

async fn id_of<E, C>(
    conn: &impl ConnectionTrait,
    column: C,
    value: &str,
    what: &str,
) -> Result<i64, SeedError>
where
    E: EntityTrait,
    C: ColumnTrait,
    E::Model: HasId,
{
    E::find()
        .filter(column.eq(value))
        .one(conn)
        .await?
        .map(|model| model.id())
        .ok_or_else(|| SeedError::Account {
            name: what.to_owned(),
            error: format!("{value} missing (migrations not applied?)"),
        })
}

/// Reference rows looked up by code.
pub trait HasId {
    fn id(&self) -> i64;
}

impl HasId for courses::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for programmes::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

impl HasId for users::Model {
    fn id(&self) -> i64 {
        self.id
    }
}

fn time_of((hour, minute): (u8, u8)) -> Time {
    Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT)
}

/// Inserts rooms, the four demo cohorts with their instructors, and their sessions.
/// Returns how many sessions were written.
///
/// # Errors
/// Database errors; reference data missing.
pub async fn seed_schedule(
    conn: &impl ConnectionTrait,
    now: OffsetDateTime,
    site_ids: &[(&str, i64)],
) -> Result<usize, SeedError> {
    let site = |code: &str| {
        site_ids
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, id)| *id)
            .unwrap_or(0)
    };
    let mut rooms = Vec::new();
    for (site_code, name, capacity) in ROOMS {
        let room = crate::cohorts::db::insert_room(conn, site(site_code), name, *capacity, now).await?;
        rooms.push(((*site_code, *name), room.id));
    }
    let holidays: Vec<Holiday> = holidays::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|h| Holiday {
            date: h.date,
            name: h.name,
        })
        .collect();
    let this_monday = wib::monday_of(wib::today(now));
    let mut written = 0;
    for demo in COHORTS {
        let course_id =
            id_of::<courses::Entity, _>(conn, courses::Column::Code, demo.course, "course").await?;
        let programme_id =
            id_of::<programmes::Entity, _>(conn, programmes::Column::Code, demo.programme, "programme")
                .await?;
        let mut by_email: Vec<(&str, i64)> = Vec::new();
        for slot in demo.slots {
            let id =
                id_of::<users::Entity, _>(conn, users::Column::Email, slot.instructor, "instructor").await?;
            by_email.push((slot.instructor, id));
        }
        let mut instructor_ids: Vec<i64> = by_email.iter().map(|(_, id)| *id).collect();
        instructor_ids.dedup();
        let starts_on: Date = this_monday + Duration::weeks(demo.start_week);
        let ends_on: Date = starts_on + Duration::weeks(demo.weeks) - Duration::days(3);
        let room_id = rooms
            .iter()
            .find(|((s, name), _)| *s == demo.site && *name == demo.room)
            .map(|(_, id)| *id);
        let code = CohortCode::parse(&format!("{}-{}", demo.code, starts_on.year())).map_err(|p| {
            SeedError::Account {
                name: demo.code.to_owned(),
                error: format!("{p:?}"),
            }
        })?;
        let valid = ValidCohort {
            code,
            course_id,
            programme_id,
            site_id: site(demo.site),
            room_id,
            capacity: demo.capacity,
            starts_on,
            ends_on,
            attendance_threshold: 80,
            status: demo.status,
            instructor_ids: instructor_ids.clone(),
        };
        let cohort =
            crate::cohorts::db::insert_cohort(conn, &valid, now, AccountId(instructor_ids[0])).await?;
        let units = crate::cohorts::db::unit_ids_of_course(conn, course_id).await?;
        let window = Window {
            first: starts_on,
            last: ends_on,
        };
        let mut planned = Vec::new();
        for (slot, (_, instructor)) in demo.slots.iter().zip(&by_email) {
            let pattern = Pattern {
                weekdays: slot.days.to_vec(),
                start: time_of(slot.start),
                end: time_of(slot.end),
                every_weeks: 1,
                from: starts_on,
                until: Until::Date(ends_on),
            };
            if let Ok(plan) = generate(&pattern, window, &holidays) {
                planned.extend(plan.sessions.into_iter().map(|s| (s, Some(*instructor))));
            }
        }
        planned.sort_by_key(|(s, _)| s.starts_at);
        let lessons = assign_units(planned.len(), &units, 0);
        let rows: Vec<class_sessions::ActiveModel> = planned
            .iter()
            .zip(lessons)
            .map(|((s, instructor), unit_id)| class_sessions::ActiveModel {
                cohort_id: Set(cohort.id),
                starts_at: Set(crate::schedule::db::utc(s.starts_at)),
                ends_at: Set(crate::schedule::db::utc(s.ends_at)),
                room_id: Set(room_id),
                instructor_id: Set(*instructor),
                unit_id: Set(unit_id),
                status: Set(SessionStatus::Scheduled.as_str().to_owned()),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        written += rows.len();
        crate::schedule::db::insert_sessions(conn, rows).await?;
    }
    Ok(written)
}
