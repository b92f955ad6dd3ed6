//! Cohort use cases: the catalogue of programmes, courses and rooms, and planning cohorts.
//! Each write runs in one transaction and writes its audit entry inside it.

mod catalogue;
mod cohorts;
mod feed;

pub use catalogue::{add_course, add_programme, add_room, catalogue};
pub use cohorts::{
    cohort_detail, cohort_form, cohorts_in_reach, create_cohort, instructors_of, list_cohorts, update_cohort,
    visible_cohort, COHORTS_PER_PAGE,
};
pub use feed::{cohort_facts, cohort_feed};

use super::dto::{Choice, CourseView, ProgrammeView, RoomView};
use super::model::{CourseLevel, LanguageTarget, Track};
use crate::entities::{course_units, courses, programmes, rooms, sites};

fn site_choices(sites: &[sites::Model]) -> Vec<Choice> {
    sites
        .iter()
        .map(|site| Choice {
            id: site.id,
            label: site.name.clone(),
        })
        .collect()
}

fn programme_view(programme: &programmes::Model) -> ProgrammeView {
    ProgrammeView {
        id: programme.id,
        code: programme.code.clone(),
        name: programme.name.clone(),
        track: Track::parse(&programme.track).unwrap_or(Track::Ssw),
        sector: programme.sector.clone(),
        language_target: LanguageTarget::parse(&programme.language_target).unwrap_or(LanguageTarget::N4),
    }
}

fn course_view(course: &courses::Model, units: &[course_units::Model]) -> CourseView {
    CourseView {
        id: course.id,
        code: course.code.clone(),
        name: course.name.clone(),
        level: CourseLevel::parse(&course.level).unwrap_or(CourseLevel::N4),
        total_hours: u32::try_from(course.total_hours).unwrap_or(0),
        textbook: course.textbook.clone(),
        units: units.iter().map(|unit| unit.title.clone()).collect(),
    }
}

fn room_view(room: &rooms::Model, sites: &[sites::Model]) -> RoomView {
    RoomView {
        id: room.id,
        site_id: room.site_id,
        site: sites
            .iter()
            .find(|site| site.id == room.site_id)
            .map(|site| site.name.clone())
            .unwrap_or_default(),
        name: room.name.clone(),
        capacity: u32::try_from(room.capacity).unwrap_or(0),
    }
}
