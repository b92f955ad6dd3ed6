//! Session generation: weekdays and times (WIB), every N weeks, from a date until an end
//! date or until a lesson-hour target is covered, skipping holidays.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, Time, Weekday};

use super::{holiday_on, Holiday};
use crate::cohorts::model::LESSON_HOUR_MINUTES;
use crate::kernel::input::{list_from_form, parse_date, parse_number};
use crate::kernel::{wib, FieldError, Problem};

/// How far generation goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Until {
    /// The last date (inclusive).
    Date(Date),
    /// Until this many lesson hours (JP) are covered.
    LessonHours(u32),
}

/// A weekly pattern of sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub weekdays: Vec<Weekday>,
    pub start: Time,
    pub end: Time,
    pub every_weeks: u8,
    pub from: Date,
    pub until: Until,
}

/// The pattern as typed into the generation form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PatternInput {
    /// ISO weekday numbers, Monday = 1 … Sunday = 7 (the ticked checkboxes).
    #[serde(deserialize_with = "list_from_form")]
    pub weekdays: Vec<String>,
    pub start_time: String,
    pub end_time: String,
    pub every_weeks: String,
    pub from: String,
    /// `date` or `hours`.
    pub until: String,
    pub until_date: String,
    pub target_hours: String,
}

/// The cohort's first and last day: no session outside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Date,
    pub last: Date,
}

impl Window {
    pub fn contains(self, date: Date) -> bool {
        (self.first..=self.last).contains(&date)
    }

    fn outside(self) -> Problem {
        Problem::OutsideCohortDates {
            from: self.first,
            to: self.last,
        }
    }
}

/// One session the pattern yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSession {
    pub date: Date,
    pub starts_at: OffsetDateTime,
    pub ends_at: OffsetDateTime,
}

impl PlannedSession {
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).whole_minutes()
    }
}

/// What a pattern yields inside a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sessions: Vec<PlannedSession>,
    /// Dates the pattern hit that are holidays.
    pub skipped: Vec<Holiday>,
}

impl Plan {
    /// Lesson hours (JP) the sessions cover, rounded down.
    pub fn lesson_hours(&self) -> u32 {
        lesson_hours(self.sessions.iter().map(PlannedSession::minutes).sum())
    }
}

/// Whole lesson hours (45 minutes each) in `minutes`.
pub fn lesson_hours(minutes: i64) -> u32 {
    u32::try_from(minutes / LESSON_HOUR_MINUTES).unwrap_or(0)
}

fn weekday_of(number: &str) -> Option<Weekday> {
    match number.trim() {
        "1" => Some(Weekday::Monday),
        "2" => Some(Weekday::Tuesday),
        "3" => Some(Weekday::Wednesday),
        "4" => Some(Weekday::Thursday),
        "5" => Some(Weekday::Friday),
        "6" => Some(Weekday::Saturday),
        "7" => Some(Weekday::Sunday),
        _ => None,
    }
}

fn parse_time(input: &str) -> Result<Time, Problem> {
    if input.trim().is_empty() {
        return Err(Problem::Required);
    }
    wib::parse_time(input).ok_or(Problem::InvalidTime)
}

/// Checks a typed pattern against the cohort's dates; every problem is reported at once.
///
/// # Errors
/// The refused fields.
pub fn parse_pattern(input: &PatternInput, window: Window) -> Result<Pattern, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |name: &str, problem: Problem| errors.push(FieldError::new(name, problem));
    let mut weekdays: Vec<Weekday> = Vec::new();
    for number in &input.weekdays {
        match weekday_of(number) {
            Some(day) if !weekdays.contains(&day) => weekdays.push(day),
            Some(_) => {}
            None => {
                field("weekdays", Problem::InvalidChoice);
                break;
            }
        }
    }
    if input.weekdays.is_empty() {
        field("weekdays", Problem::Required);
    }
    weekdays.sort_by_key(|day| day.number_from_monday());
    let start = parse_time(&input.start_time)
        .map_err(|p| field("start_time", p))
        .ok();
    let end = parse_time(&input.end_time).map_err(|p| field("end_time", p)).ok();
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            field("end_time", Problem::EndBeforeStart);
        }
    }
    let every_weeks = if input.every_weeks.trim().is_empty() {
        Some(1)
    } else {
        parse_number(&input.every_weeks, 1, 4)
            .map_err(|p| field("every_weeks", p))
            .ok()
    };
    let from = match parse_date(&input.from) {
        Ok(date) if !window.contains(date) => {
            field("from", window.outside());
            None
        }
        Ok(date) => Some(date),
        Err(problem) => {
            field("from", problem);
            None
        }
    };
    let until = match input.until.trim() {
        "hours" => parse_number(&input.target_hours, 1, 2000)
            .map_err(|p| field("target_hours", p))
            .ok()
            .map(|hours| Until::LessonHours(hours as u32)),
        "date" | "" => match parse_date(&input.until_date) {
            Ok(date) if from.is_some_and(|from| date < from) => {
                field("until_date", Problem::EndBeforeStart);
                None
            }
            Ok(date) if !window.contains(date) => {
                field("until_date", window.outside());
                None
            }
            Ok(date) => Some(Until::Date(date)),
            Err(problem) => {
                field("until_date", problem);
                None
            }
        },
        _ => {
            field("until", Problem::InvalidChoice);
            None
        }
    };
    match (start, end, every_weeks, from, until) {
        (Some(start), Some(end), Some(every_weeks), Some(from), Some(until)) if errors.is_empty() => {
            Ok(Pattern {
                weekdays,
                start,
                end,
                every_weeks: every_weeks as u8,
                from,
                until,
            })
        }
        _ => Err(errors),
    }
}

/// The sessions `pattern` yields inside `window`, holidays skipped.
///
/// Weeks are counted from the week (Monday to Sunday) of `pattern.from`; with
/// `every_weeks = 2` sessions fall in that week, the third, the fifth…
///
/// # Errors
/// [`Problem::NoSessions`] when nothing is left; [`Problem::HoursUnreachable`] when the
/// lesson-hour target cannot be covered before the window ends.
pub fn generate(pattern: &Pattern, window: Window, holidays: &[Holiday]) -> Result<Plan, Problem> {
    let last = match pattern.until {
        Until::Date(date) => date.min(window.last),
        Until::LessonHours(_) => window.last,
    };
    let target_minutes = match pattern.until {
        Until::LessonHours(hours) => Some(i64::from(hours) * LESSON_HOUR_MINUTES),
        Until::Date(_) => None,
    };
    let first_monday = wib::monday_of(pattern.from);
    let session_minutes = (pattern.end - pattern.start).whole_minutes();
    let mut plan = Plan {
        sessions: Vec::new(),
        skipped: Vec::new(),
    };
    let mut covered = 0;
    let mut date = pattern.from.max(window.first);
    while date <= last {
        if target_minutes.is_some_and(|target| covered >= target) {
            break;
        }
        let week = (wib::monday_of(date) - first_monday).whole_weeks();
        if pattern.weekdays.contains(&date.weekday()) && week % i64::from(pattern.every_weeks) == 0 {
            match holiday_on(holidays, date) {
                Some(holiday) => plan.skipped.push(holiday.clone()),
                None => {
                    plan.sessions.push(PlannedSession {
                        date,
                        starts_at: wib::at(date, pattern.start),
                        ends_at: wib::at(date, pattern.end),
                    });
                    covered += session_minutes;
                }
            }
        }
        match date.next_day() {
            Some(next) => date = next,
            None => break,
        }
    }
    if let Some(target) = target_minutes {
        if covered < target {
            return Err(Problem::HoursUnreachable {
                reachable: lesson_hours(covered),
                target: lesson_hours(target),
            });
        }
    }
    if plan.sessions.is_empty() {
        return Err(Problem::NoSessions);
    }
    Ok(plan)
}

/// Planned lesson units for `count` new sessions: the units after the last one already
/// planned, spread evenly and in order (a unit may span several sessions).
pub fn assign_units(count: usize, units: &[i64], already_planned: usize) -> Vec<Option<i64>> {
    let remaining = units.get(already_planned.min(units.len())..).unwrap_or_default();
    if remaining.is_empty() {
        return vec![None; count];
    }
    (0..count)
        .map(|index| remaining.get(index * remaining.len() / count.max(1)).copied())
        .collect()
}

/// The days of the week starting on `monday`.
pub fn week_of(monday: Date) -> [Date; 7] {
    std::array::from_fn(|offset| monday + Duration::days(offset as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    fn window() -> Window {
        Window {
            first: date!(2026 - 11 - 30),
            last: date!(2027 - 03 - 31),
        }
    }

    fn pattern(weekdays: &[Weekday], from: Date, until: Until) -> Pattern {
        Pattern {
            weekdays: weekdays.to_vec(),
            start: time!(8:00),
            end: time!(12:00),
            every_weeks: 1,
            from,
            until,
        }
    }

    fn holiday(date: Date, name: &str) -> Holiday {
        Holiday {
            date,
            name: name.into(),
        }
    }

    #[test]
    fn weekdays_until_a_date_skip_holidays_and_say_so() {
        let plan = generate(
            &pattern(
                &[Weekday::Monday, Weekday::Thursday, Weekday::Friday],
                date!(2026 - 12 - 21),
                Until::Date(date!(2026 - 12 - 31)),
            ),
            window(),
            &[
                holiday(date!(2026 - 12 - 24), "Cuti bersama Natal"),
                holiday(date!(2026 - 12 - 25), "Natal"),
            ],
        )
        .unwrap();
        let dates: Vec<Date> = plan.sessions.iter().map(|s| s.date).collect();
        assert_eq!(
            dates,
            vec![
                date!(2026 - 12 - 21),
                date!(2026 - 12 - 28),
                date!(2026 - 12 - 31)
            ]
        );
        assert_eq!(plan.skipped.len(), 2);
        assert_eq!(plan.skipped[1].name, "Natal");
    }

    #[test]
    fn times_are_wib_all_year_round() {
        // No daylight saving in WIB: 08.00 is 01.00 UTC in January and in July alike.
        let long = Window {
            first: date!(2027 - 01 - 01),
            last: date!(2027 - 12 - 31),
        };
        let plan = generate(
            &pattern(
                &[Weekday::Friday],
                date!(2027 - 01 - 01),
                Until::Date(date!(2027 - 12 - 31)),
            ),
            long,
            &[],
        )
        .unwrap();
        assert_eq!(plan.sessions.len(), 53);
        assert!(plan
            .sessions
            .iter()
            .all(|s| s.starts_at.to_offset(time::UtcOffset::UTC).hour() == 1));
        assert_eq!(plan.sessions[0].starts_at, datetime!(2027-01-01 01:00 UTC));
        assert_eq!(plan.sessions[26].starts_at, datetime!(2027-07-02 01:00 UTC));
    }

    #[test]
    fn every_second_week_counts_from_the_first_week() {
        let mut every_two = pattern(
            &[Weekday::Wednesday],
            date!(2026 - 12 - 03),
            Until::Date(date!(2027 - 01 - 06)),
        );
        every_two.every_weeks = 2;
        let plan = generate(&every_two, window(), &[]).unwrap();
        let dates: Vec<Date> = plan.sessions.iter().map(|s| s.date).collect();
        // 3 December is a Thursday: its week's Wednesday has passed, so the first session
        // is two weeks later.
        assert_eq!(dates, vec![date!(2026 - 12 - 16), date!(2026 - 12 - 30)]);
    }

    #[test]
    fn a_lesson_hour_target_stops_generation_once_covered() {
        // 4 hours = 240 minutes = 5.33 JP per session: 20 JP need 4 sessions.
        let plan = generate(
            &pattern(
                &[Weekday::Monday, Weekday::Tuesday],
                date!(2026 - 11 - 30),
                Until::LessonHours(20),
            ),
            window(),
            &[],
        )
        .unwrap();
        assert_eq!(plan.sessions.len(), 4);
        assert_eq!(plan.lesson_hours(), 21);
        assert_eq!(plan.sessions[3].date, date!(2026 - 12 - 08));
    }

    #[test]
    fn an_unreachable_target_says_how_far_it_gets() {
        let short = Window {
            first: date!(2026 - 11 - 30),
            last: date!(2026 - 12 - 11),
        };
        let result = generate(
            &pattern(&[Weekday::Monday], date!(2026 - 11 - 30), Until::LessonHours(360)),
            short,
            &[],
        );
        assert_eq!(
            result,
            Err(Problem::HoursUnreachable {
                reachable: 10,
                target: 360
            })
        );
    }

    #[test]
    fn a_pattern_that_only_hits_holidays_yields_nothing() {
        let result = generate(
            &pattern(
                &[Weekday::Friday],
                date!(2026 - 12 - 21),
                Until::Date(date!(2026 - 12 - 27)),
            ),
            window(),
            &[holiday(date!(2026 - 12 - 25), "Natal")],
        );
        assert_eq!(result, Err(Problem::NoSessions));
    }

    #[test]
    fn month_ends_and_leap_days_are_ordinary_days() {
        let leap = Window {
            first: date!(2028 - 02 - 01),
            last: date!(2028 - 03 - 31),
        };
        let plan = generate(
            &pattern(
                &[Weekday::Tuesday],
                date!(2028 - 02 - 22),
                Until::Date(date!(2028 - 03 - 07)),
            ),
            leap,
            &[],
        )
        .unwrap();
        let dates: Vec<Date> = plan.sessions.iter().map(|s| s.date).collect();
        assert_eq!(
            dates,
            vec![
                date!(2028 - 02 - 22),
                date!(2028 - 02 - 29),
                date!(2028 - 03 - 07)
            ]
        );
        let month_end = generate(
            &pattern(
                &[Weekday::Monday],
                date!(2026 - 11 - 30),
                Until::Date(date!(2026 - 11 - 30)),
            ),
            window(),
            &[],
        )
        .unwrap();
        assert_eq!(month_end.sessions[0].ends_at, datetime!(2026-11-30 05:00 UTC));
    }

    #[test]
    fn typed_patterns_are_checked_against_the_cohort_dates() {
        let input = PatternInput {
            weekdays: vec!["1".into(), "4".into(), "1".into()],
            start_time: "08.00".into(),
            end_time: "12:00".into(),
            every_weeks: String::new(),
            from: "30/11/2026".into(),
            until: "date".into(),
            until_date: "2026-12-31".into(),
            target_hours: String::new(),
        };
        let parsed = parse_pattern(&input, window()).unwrap();
        assert_eq!(parsed.weekdays, vec![Weekday::Monday, Weekday::Thursday]);
        assert_eq!(parsed.every_weeks, 1);
        let bad = PatternInput {
            weekdays: Vec::new(),
            start_time: "12.00".into(),
            end_time: "08.00".into(),
            from: "01/11/2026".into(),
            until: "date".into(),
            until_date: "01/10/2026".into(),
            ..input
        };
        let problems: Vec<(String, Problem)> = parse_pattern(&bad, window())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        let outside = Problem::OutsideCohortDates {
            from: date!(2026 - 11 - 30),
            to: date!(2027 - 03 - 31),
        };
        assert_eq!(
            problems,
            vec![
                ("weekdays".into(), Problem::Required),
                ("end_time".into(), Problem::EndBeforeStart),
                ("from".into(), outside.clone()),
                ("until_date".into(), outside),
            ]
        );
    }

    #[test]
    fn units_continue_after_the_ones_already_planned() {
        assert_eq!(
            assign_units(4, &[1, 2], 0),
            vec![Some(1), Some(1), Some(2), Some(2)]
        );
        assert_eq!(assign_units(2, &[1, 2, 3, 4], 1), vec![Some(2), Some(3)]);
        assert_eq!(assign_units(2, &[1, 2], 2), vec![None, None]);
        assert_eq!(assign_units(0, &[1], 0), Vec::<Option<i64>>::new());
    }
}
