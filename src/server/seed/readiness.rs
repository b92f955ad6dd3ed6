//! Demo readiness, so the dashboard tells a story: the finished cohort's trainees in every
//! state (ready; a JFT-Basic just short; an SKCK running out within the month; an MCU too
//! old; a rejected permission letter; a passport awaiting review), the running cohorts
//! half-way (some documents in, class assessments with scores, units taught), and the
//! demo trainee with a clear list of what is left.

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder, Set};
use time::{Duration, OffsetDateTime};

use super::trainees::Lcg;
use super::SeedError;
use crate::cohorts::model::CohortStatus;
use crate::entities::{
    assessment_scores, assessments, cohorts, official_results, taught_units, trainee_documents,
};
use crate::kernel::wib;
use crate::readiness::model::{DocumentKind, DocumentStatus};
use crate::schedule::model::SessionStatus;
use crate::trainees::model::enrollment::EnrollmentStatus;

/// The documents every demo trainee is asked for, in order.
const DOCUMENTS: [DocumentKind; 10] = [
    DocumentKind::Ktp,
    DocumentKind::Kk,
    DocumentKind::Permission,
    DocumentKind::Skck,
    DocumentKind::Mcu,
    DocumentKind::Ijazah,
    DocumentKind::Bpjs,
    DocumentKind::Passport,
    DocumentKind::EPmi,
    DocumentKind::Ak1,
];

struct Person {
    trainee: i64,
    cohort: cohorts::Model,
}

fn document(
    person: &Person,
    kind: DocumentKind,
    status: DocumentStatus,
    dates: (Option<time::Date>, Option<time::Date>),
    by: Option<i64>,
    now: OffsetDateTime,
) -> trainee_documents::ActiveModel {
    let rejected = status == DocumentStatus::Rejected;
    let decided = rejected || status == DocumentStatus::Verified;
    trainee_documents::ActiveModel {
        trainee_id: Set(person.trainee),
        kind: Set(kind.as_str().to_owned()),
        status: Set(status.as_str().to_owned()),
        number: Set(Some(format!(
            "{}-{:05}",
            kind.as_str().to_uppercase(),
            person.trainee
        ))),
        issued_on: Set(dates.0),
        expires_on: Set(dates.1),
        reason: Set(rejected.then(|| "Belum dilegalisasi kepala desa".to_owned())),
        has_scan: Set(false),
        verified_by: Set(decided.then_some(by).flatten()),
        verified_at: Set(decided.then_some(now - Duration::days(3))),
        updated_by: Set(by),
        updated_at: Set(now - Duration::days(3)),
        ..Default::default()
    }
}

fn result(
    trainee: i64,
    kind: &str,
    score: Option<i32>,
    passed: bool,
    taken_on: time::Date,
    now: OffsetDateTime,
) -> official_results::ActiveModel {
    official_results::ActiveModel {
        trainee_id: Set(trainee),
        kind: Set(kind.to_owned()),
        level: Set(None),
        score: Set(score),
        passed: Set(passed),
        taken_on: Set(taken_on),
        certificate_no: Set(passed.then(|| format!("{}-{trainee:06}", kind.to_uppercase()))),
        field: Set((kind == "ssw_skills").then(|| "Perawatan lansia (kaigo)".to_owned())),
        recorded_by: Set(None),
        recorded_at: Set(now),
        ..Default::default()
    }
}

/// Writes the demo's results, documents, assessments and units taught; returns how many
/// documents it wrote.
pub async fn seed_readiness(conn: &impl ConnectionTrait, now: OffsetDateTime) -> Result<usize, SeedError> {
    let today = wib::today(now);
    let mut generator = Lcg(2026);
    let all = cohorts::Entity::find().all(conn).await?;
    // The demo trainee's record came first: they get a list of what is left to do.
    let demo_trainee = crate::entities::trainees::Entity::find()
        .order_by_asc(crate::entities::trainees::Column::Id)
        .one(conn)
        .await?
        .map(|t| t.id);
    let mut documents = Vec::new();
    let mut results = Vec::new();
    // One story per trainee, told by the first cohort they appear in.
    let mut told = std::collections::HashSet::new();
    for cohort in all
        .iter()
        .filter(|c| c.status == CohortStatus::Running || c.status == CohortStatus::Completed)
    {
        let mut people: Vec<Person> = crate::trainees::db::attending(conn, &[cohort.id])
            .await?
            .into_iter()
            .filter(|e| e.status == EnrollmentStatus::Active || e.status == EnrollmentStatus::Completed)
            .map(|e| Person {
                trainee: e.trainee_id,
                cohort: cohort.clone(),
            })
            .collect();
        people.sort_by_key(|p| p.trainee);
        let by = cohort.created_by;
        let finished = cohort.status == CohortStatus::Completed;
        for (index, person) in people.iter().enumerate() {
            if !told.insert(person.trainee) {
                continue;
            }
            let story = if Some(person.trainee) == demo_trainee {
                7
            } else if finished {
                index % 6
            } else {
                6 + generator.next(3)
            };
            let exam = person.cohort.ends_on.min(today) - Duration::days(7);
            // Language and skills.
            match story {
                1 => results.push(result(person.trainee, "jft_basic", Some(185), false, exam, now)),
                0 | 2..=5 => results.push(result(
                    person.trainee,
                    "jft_basic",
                    Some(205 + (index % 40) as i32),
                    true,
                    exam,
                    now,
                )),
                _ => {}
            }
            if story <= 5 {
                for kind in ["ssw_skills", "care_japanese", "care_skills"] {
                    results.push(result(person.trainee, kind, None, true, exam, now));
                }
            }
            // Documents.
            let mcu_issued = if story == 3 {
                today - Duration::days(120)
            } else {
                today - Duration::days(40)
            };
            for (position, kind) in DOCUMENTS.iter().enumerate() {
                let dates = match kind {
                    DocumentKind::Skck if story == 2 => (
                        Some(today - Duration::days(170)),
                        Some(today + Duration::days(20)),
                    ),
                    DocumentKind::Skck => (
                        Some(today - Duration::days(60)),
                        Some(today + Duration::days(120)),
                    ),
                    DocumentKind::Mcu => (Some(mcu_issued), None),
                    DocumentKind::Passport => (
                        Some(today - Duration::days(200)),
                        Some(today + Duration::days(1600)),
                    ),
                    _ => (None, None),
                };
                let status = match (story, kind) {
                    (4, DocumentKind::Permission) => DocumentStatus::Rejected,
                    (5, DocumentKind::Passport) => DocumentStatus::Submitted,
                    (0..=5, _) => DocumentStatus::Verified,
                    // In training: the first few documents are in, the rest to come.
                    (_, _) if position < 3 => DocumentStatus::Verified,
                    (_, _) if position < 5 => DocumentStatus::Submitted,
                    _ => continue,
                };
                documents.push(document(person, *kind, status, dates, by, now));
            }
        }
        if !finished {
            seed_class_work(conn, cohort, &people, now, &mut generator).await?;
        }
    }
    let written = documents.len();
    for chunk in documents.chunks(300) {
        trainee_documents::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    for chunk in results.chunks(300) {
        official_results::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    Ok(written)
}

/// A running cohort's quiz and mock JFT-Basic with everyone's scores, and the units taught
/// in its sessions so far (the planned ones).
async fn seed_class_work(
    conn: &impl ConnectionTrait,
    cohort: &cohorts::Model,
    people: &[Person],
    now: OffsetDateTime,
    generator: &mut Lcg,
) -> Result<(), SeedError> {
    let held: Vec<_> = crate::schedule::db::sessions_of_cohorts(conn, &[cohort.id])
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled && s.ends_at <= now)
        .collect();
    let taught: Vec<taught_units::ActiveModel> = held
        .iter()
        .filter_map(|s| {
            s.unit_id.map(|unit| taught_units::ActiveModel {
                session_id: Set(s.id),
                unit_id: Set(unit),
                marked_by: Set(s.instructor_id),
                marked_at: Set(s.ends_at),
            })
        })
        .collect();
    for chunk in taught.chunks(300) {
        taught_units::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(conn)
            .await?;
    }
    let today = wib::today(now);
    for (kind, title, max, pass, days_ago) in [
        ("quiz", "Kuis bab 1–3", 100, 60, 14),
        ("mock_jft", "Simulasi JFT-Basic 1", 250, 200, 5),
    ] {
        let id = assessments::Entity::insert(assessments::ActiveModel {
            cohort_id: Set(cohort.id),
            kind: Set(kind.to_owned()),
            title: Set(title.to_owned()),
            held_on: Set(today - Duration::days(days_ago)),
            max_score: Set(max),
            pass_score: Set(pass),
            created_by: Set(cohort.created_by),
            created_at: Set(now),
            ..Default::default()
        })
        .exec(conn)
        .await?
        .last_insert_id;
        let scores: Vec<assessment_scores::ActiveModel> = people
            .iter()
            .map(|p| {
                let score = if kind == "mock_jft" {
                    150 + generator.next(90) as i32
                } else {
                    50 + generator.next(50) as i32
                };
                assessment_scores::ActiveModel {
                    assessment_id: Set(id),
                    trainee_id: Set(p.trainee),
                    score: Set(score),
                    entered_by: Set(cohort.created_by),
                    entered_at: Set(now),
                    ..Default::default()
                }
            })
            .collect();
        if !scores.is_empty() {
            assessment_scores::Entity::insert_many(scores)
                .exec_without_returning(conn)
                .await?;
        }
    }
    Ok(())
}
