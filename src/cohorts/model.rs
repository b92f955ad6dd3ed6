//! Programmes (placement tracks), courses, rooms and cohorts: their codes, statuses and the
//! rules a cohort must satisfy. Pure types and functions, no I/O.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::kernel::input::{parse_choice, parse_date, parse_number, parse_text};
use crate::kernel::{FieldError, Problem};

/// Minutes in one jam pelajaran (JP), the unit course lengths are given in.
pub const LESSON_HOUR_MINUTES: i64 = 45;

use crate::kernel::codes::code_enum;

code_enum! {
    /// The placement track a programme prepares for.
    Track {
        /// Specified Skilled Worker (Tokutei Ginou i), in one of the sector fields.
        Ssw => "ssw",
        /// Technical intern training (TITP / IM Japan, magang).
        Titp => "titp",
        /// Government-to-government nurses and careworkers.
        Epa => "epa",
    }
}

code_enum! {
    /// The Japanese a programme requires before placement.
    LanguageTarget {
        /// JFT-Basic A2 (200 of 250) or JLPT N4.
        JftA2OrN4 => "jft_a2_or_n4",
        N5 => "n5",
        N4 => "n4",
        N3 => "n3",
    }
}

code_enum! {
    /// The level a course teaches to.
    CourseLevel {
        N5 => "n5",
        N4 => "n4",
        N3 => "n3",
        JftA2 => "jft_a2",
    }
}

code_enum! {
    /// Where a cohort is in its life.
    CohortStatus {
        /// Being prepared; not yet open to trainees.
        Planned => "planned",
        /// Open for enrolment.
        Open => "open",
        /// Classes are under way.
        Running => "running",
        Completed => "completed",
        Cancelled => "cancelled",
    }
}

impl CohortStatus {
    /// Planned → open for enrolment → running → completed; any unfinished cohort can be
    /// cancelled; an open cohort can go back to planned. Completed and cancelled are final.
    pub fn can_become(self, next: CohortStatus) -> bool {
        use CohortStatus::*;
        self == next
            || matches!(
                (self, next),
                (Planned, Open | Running | Cancelled)
                    | (Open, Planned | Running | Cancelled)
                    | (Running, Completed | Cancelled)
            )
    }

    /// Whether sessions may still be planned or changed.
    pub fn is_schedulable(self) -> bool {
        matches!(
            self,
            CohortStatus::Planned | CohortStatus::Open | CohortStatus::Running
        )
    }
}

/// A cohort code such as `JP-SSW-2026-03`: letters, digits and single dashes, stored upper
/// case, 3 to 30 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CohortCode(String);

impl CohortCode {
    /// # Errors
    /// [`Problem::Required`], [`Problem::TooLong`] or [`Problem::InvalidCode`].
    pub fn parse(input: &str) -> Result<Self, Problem> {
        let code = input.trim().to_uppercase();
        if code.is_empty() {
            return Err(Problem::Required);
        }
        if code.chars().count() > 30 {
            return Err(Problem::TooLong { max: 30 });
        }
        let well_formed = code.len() >= 3
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !code.starts_with('-')
            && !code.ends_with('-')
            && !code.contains("--");
        if well_formed {
            Ok(Self(code))
        } else {
            Err(Problem::InvalidCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A cohort as typed into the form (ids as chosen from the lists).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CohortInput {
    pub code: String,
    /// Ids as sent by select lists; empty when nothing was chosen.
    pub course_id: String,
    pub programme_id: String,
    pub site_id: String,
    pub room_id: String,
    pub capacity: String,
    pub starts_on: String,
    pub ends_on: String,
    pub attendance_threshold: String,
    pub status: String,
    #[serde(deserialize_with = "crate::kernel::input::list_from_form")]
    pub instructor_ids: Vec<i64>,
}

/// What the rules of a cohort need to know about the choices made.
#[derive(Debug, Clone, Default)]
pub struct CohortChoices {
    pub course_ids: Vec<i64>,
    pub programme_ids: Vec<i64>,
    /// Sites the actor may plan cohorts at.
    pub site_ids: Vec<i64>,
    /// (room id, site id, capacity)
    pub rooms: Vec<(i64, i64, u32)>,
    /// (instructor user id, their site ids)
    pub instructors: Vec<(i64, Vec<i64>)>,
    /// The current status when editing (`None` when creating).
    pub current_status: Option<CohortStatus>,
    /// First and last session dates already planned (editing only).
    pub planned_span: Option<(Date, Date)>,
    /// Seats already taken by accepted, active and completed trainees (editing only).
    pub seats_taken: u32,
}

/// A cohort that satisfies every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCohort {
    pub code: CohortCode,
    pub course_id: i64,
    pub programme_id: i64,
    pub site_id: i64,
    pub room_id: Option<i64>,
    pub capacity: u32,
    pub starts_on: Date,
    pub ends_on: Date,
    pub attendance_threshold: u8,
    pub status: CohortStatus,
    pub instructor_ids: Vec<i64>,
}

pub const MAX_CAPACITY: i64 = 200;

/// Checks a cohort against every rule at once, so the form shows every problem.
///
/// # Errors
/// The refused fields.
pub fn validate_cohort(input: &CohortInput, choices: &CohortChoices) -> Result<ValidCohort, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |name: &str, problem: Problem| errors.push(FieldError::new(name, problem));
    let code = CohortCode::parse(&input.code).map_err(|p| field("code", p)).ok();
    let chosen = |value: &str, known: &[i64]| match parse_choice(value) {
        Ok(None) => Err(Problem::Required),
        Ok(Some(id)) if known.contains(&id) => Ok(id),
        _ => Err(Problem::InvalidChoice),
    };
    let course_id = chosen(&input.course_id, &choices.course_ids)
        .map_err(|p| field("course_id", p))
        .ok();
    let programme_id = chosen(&input.programme_id, &choices.programme_ids)
        .map_err(|p| field("programme_id", p))
        .ok();
    let site_id = chosen(&input.site_id, &choices.site_ids)
        .map_err(|p| field("site_id", p))
        .ok();
    let capacity = match parse_number(&input.capacity, 1, MAX_CAPACITY) {
        Ok(n) if (n as u32) < choices.seats_taken => {
            field(
                "capacity",
                Problem::BelowSeatsTaken {
                    taken: choices.seats_taken,
                },
            );
            None
        }
        Ok(n) => Some(n as u32),
        Err(p) => {
            field("capacity", p);
            None
        }
    };
    let threshold = if input.attendance_threshold.trim().is_empty() {
        Some(80)
    } else {
        parse_number(&input.attendance_threshold, 1, 100)
            .map_err(|p| field("attendance_threshold", p))
            .ok()
            .map(|n| n as u8)
    };
    let starts_on = parse_date(&input.starts_on)
        .map_err(|p| field("starts_on", p))
        .ok();
    let ends_on = parse_date(&input.ends_on).map_err(|p| field("ends_on", p)).ok();
    if let (Some(start), Some(end)) = (starts_on, ends_on) {
        if end < start {
            field("ends_on", Problem::EndBeforeStart);
        } else if let Some((first, last)) = choices.planned_span {
            if first < start || last > end {
                // Sessions already planned must stay inside the cohort's dates.
                let name = if first < start { "starts_on" } else { "ends_on" };
                field(
                    name,
                    Problem::OutsideCohortDates {
                        from: first,
                        to: last,
                    },
                );
            }
        }
    }
    let status = if input.status.trim().is_empty() {
        Ok(choices.current_status.unwrap_or(CohortStatus::Planned))
    } else {
        CohortStatus::parse(&input.status)
    };
    let status = match (status, choices.current_status) {
        (Ok(next), Some(current)) if !current.can_become(next) => {
            field("status", Problem::InvalidTransition);
            None
        }
        (Ok(next), _) => Some(next),
        (Err(problem), _) => {
            field("status", problem);
            None
        }
    };
    let room_id = match parse_choice(&input.room_id) {
        Err(problem) => {
            field("room_id", problem);
            None
        }
        Ok(None) => Some(None),
        Ok(Some(room)) => match choices.rooms.iter().find(|(id, ..)| *id == room) {
            Some((_, room_site, _)) if site_id.is_some_and(|site| site != *room_site) => {
                field("room_id", Problem::InvalidChoice);
                None
            }
            Some((_, _, room_capacity)) => {
                if capacity.is_some_and(|capacity| capacity > *room_capacity) {
                    field(
                        "room_id",
                        Problem::RoomTooSmall {
                            capacity: *room_capacity,
                        },
                    );
                }
                Some(Some(room))
            }
            None => {
                field("room_id", Problem::InvalidChoice);
                None
            }
        },
    };
    let mut instructor_ids = input.instructor_ids.clone();
    instructor_ids.sort_unstable();
    instructor_ids.dedup();
    let instructors_ok = instructor_ids.iter().all(|id| {
        choices
            .instructors
            .iter()
            .any(|(known, sites)| known == id && site_id.is_none_or(|site| sites.contains(&site)))
    });
    if !instructors_ok {
        field("instructor_ids", Problem::InvalidChoice);
    }
    match (
        code,
        course_id,
        programme_id,
        site_id,
        capacity,
        threshold,
        starts_on,
        ends_on,
        status,
        room_id,
    ) {
        (
            Some(code),
            Some(course_id),
            Some(programme_id),
            Some(site_id),
            Some(capacity),
            Some(attendance_threshold),
            Some(starts_on),
            Some(ends_on),
            Some(status),
            Some(room_id),
        ) if errors.is_empty() => Ok(ValidCohort {
            code,
            course_id,
            programme_id,
            site_id,
            room_id,
            capacity,
            starts_on,
            ends_on,
            attendance_threshold,
            status,
            instructor_ids,
        }),
        _ => Err(errors),
    }
}

/// A room as typed into the catalogue form.
///
/// # Errors
/// The refused fields.
pub fn validate_room(name: &str, capacity: &str) -> Result<(String, u32), Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = parse_text(name, 60, false)
        .map_err(|p| errors.push(FieldError::new("name", p)))
        .ok()
        .flatten()
        .unwrap_or_default();
    let capacity = parse_number(capacity, 1, 500)
        .map_err(|p| errors.push(FieldError::new("capacity", p)))
        .ok();
    match capacity {
        Some(capacity) if errors.is_empty() => Ok((name, capacity as u32)),
        _ => Err(errors),
    }
}

/// Lesson units typed one per line: blank lines dropped, each at most 160 graphemes.
///
/// # Errors
/// [`Problem::Required`] when there is none, [`Problem::TooLong`] for a long line.
pub fn parse_units(input: &str) -> Result<Vec<String>, Problem> {
    let units = input
        .lines()
        .filter_map(|line| parse_text(line, 160, true).transpose())
        .collect::<Result<Vec<String>, Problem>>()?;
    if units.is_empty() {
        return Err(Problem::Required);
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn choices() -> CohortChoices {
        CohortChoices {
            course_ids: vec![1],
            programme_ids: vec![2],
            site_ids: vec![3],
            rooms: vec![(10, 3, 30), (11, 4, 40)],
            instructors: vec![(7, vec![3]), (8, vec![4])],
            current_status: None,
            planned_span: None,
            seats_taken: 0,
        }
    }

    fn input() -> CohortInput {
        CohortInput {
            code: " jp-ssw-2026-03 ".into(),
            course_id: "1".into(),
            programme_id: "2".into(),
            site_id: "3".into(),
            room_id: "10".into(),
            capacity: "24".into(),
            starts_on: "2026-12-01".into(),
            ends_on: "31/05/2027".into(),
            attendance_threshold: String::new(),
            status: String::new(),
            instructor_ids: vec![7, 7],
        }
    }

    fn problems(result: Result<ValidCohort, Vec<FieldError>>) -> Vec<(String, Problem)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_good_cohort_is_normalised() {
        let valid = validate_cohort(&input(), &choices()).unwrap();
        assert_eq!(valid.code.as_str(), "JP-SSW-2026-03");
        assert_eq!(valid.ends_on, date!(2027 - 05 - 31));
        assert_eq!(valid.attendance_threshold, 80);
        assert_eq!(valid.status, CohortStatus::Planned);
        assert_eq!(valid.instructor_ids, vec![7]);
    }

    #[test]
    fn an_end_before_the_start_is_refused_on_the_end_date() {
        let mut bad = input();
        bad.ends_on = "2026-11-30".into();
        assert_eq!(
            problems(validate_cohort(&bad, &choices())),
            vec![("ends_on".into(), Problem::EndBeforeStart)]
        );
    }

    #[test]
    fn a_room_smaller_than_the_cohort_is_refused() {
        let mut bad = input();
        bad.capacity = "31".into();
        assert_eq!(
            problems(validate_cohort(&bad, &choices())),
            vec![("room_id".into(), Problem::RoomTooSmall { capacity: 30 })]
        );
    }

    #[test]
    fn rooms_and_instructors_must_belong_to_the_site() {
        let mut bad = input();
        bad.room_id = "11".into();
        bad.capacity = "20".into();
        bad.instructor_ids = vec![8];
        let found = problems(validate_cohort(&bad, &choices()));
        assert_eq!(
            found,
            vec![
                ("room_id".into(), Problem::InvalidChoice),
                ("instructor_ids".into(), Problem::InvalidChoice)
            ]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = CohortInput {
            code: "x".into(),
            capacity: "0".into(),
            starts_on: "31/02/2026".into(),
            attendance_threshold: "120".into(),
            ..CohortInput::default()
        };
        let fields: Vec<String> = problems(validate_cohort(&bad, &choices()))
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                "code",
                "course_id",
                "programme_id",
                "site_id",
                "capacity",
                "attendance_threshold",
                "starts_on",
                "ends_on"
            ]
        );
    }

    #[test]
    fn planned_sessions_keep_the_dates_from_shrinking_around_them() {
        let mut editing = choices();
        editing.current_status = Some(CohortStatus::Open);
        editing.planned_span = Some((date!(2026 - 12 - 02), date!(2027 - 06 - 10)));
        assert_eq!(
            problems(validate_cohort(&input(), &editing)),
            vec![(
                "ends_on".into(),
                Problem::OutsideCohortDates {
                    from: date!(2026 - 12 - 02),
                    to: date!(2027 - 06 - 10)
                }
            )]
        );
    }

    #[test]
    fn the_capacity_cannot_drop_below_the_seats_taken() {
        let mut editing = choices();
        editing.seats_taken = 25;
        assert_eq!(
            problems(validate_cohort(&input(), &editing)),
            vec![("capacity".into(), Problem::BelowSeatsTaken { taken: 25 })]
        );
    }

    #[test]
    fn statuses_move_forward_only() {
        use CohortStatus::*;
        assert!(Planned.can_become(Open));
        assert!(Open.can_become(Running));
        assert!(Running.can_become(Completed));
        assert!(Open.can_become(Planned));
        assert!(!Completed.can_become(Running));
        assert!(!Cancelled.can_become(Planned));
        assert!(!Running.can_become(Open));
        assert!(!Completed.is_schedulable());
        let mut editing = choices();
        editing.current_status = Some(Completed);
        let mut reopen = input();
        reopen.status = "running".into();
        assert_eq!(
            problems(validate_cohort(&reopen, &editing)),
            vec![("status".into(), Problem::InvalidTransition)]
        );
    }

    #[test]
    fn cohort_codes_are_letters_digits_and_single_dashes() {
        assert_eq!(
            CohortCode::parse("jp-ssw-2026-03").unwrap().as_str(),
            "JP-SSW-2026-03"
        );
        assert_eq!(CohortCode::parse(""), Err(Problem::Required));
        assert_eq!(CohortCode::parse("JP--1"), Err(Problem::InvalidCode));
        assert_eq!(CohortCode::parse("JP 1"), Err(Problem::InvalidCode));
        assert_eq!(CohortCode::parse("-JP1"), Err(Problem::InvalidCode));
        assert_eq!(
            CohortCode::parse(&"A".repeat(31)),
            Err(Problem::TooLong { max: 30 })
        );
        for status in CohortStatus::ALL {
            assert_eq!(CohortStatus::parse(status.as_str()), Ok(*status));
        }
    }

    #[test]
    fn units_are_one_per_line() {
        assert_eq!(
            parse_units("Bab 1\n\n  Bab   2 \n").unwrap(),
            vec!["Bab 1".to_owned(), "Bab 2".to_owned()]
        );
        assert_eq!(parse_units(" \n "), Err(Problem::Required));
        assert_eq!(
            validate_room(" Lab  Bahasa ", "40"),
            Ok(("Lab Bahasa".into(), 40))
        );
        assert!(validate_room("", "x").is_err());
    }
}
