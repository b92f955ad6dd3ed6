//! Benchmark datasets: `siap-jepang seed --scale site|national`.
//!
//! A site is one training centre over three years (a few hundred trainees); the nation is
//! ~50 sites, ~5,000 cohorts, ~100,000 trainees, ~500,000 class sessions and ~10 million
//! attendance marks over five years (DOMAIN.md). Everything generated keeps the app's
//! rules: valid unique NIKs and phones, enrollments within capacity (seats counted),
//! no room, instructor or cohort double-booked (each room runs one cohort in the morning
//! and one in the afternoon, back to back), sessions skip the holidays on record, and
//! marks exist only for sessions already held and only inside the trainee's enrollment.
//!
//! Every generated account signs in with [`SCALE_PASSWORD`]: the dataset is for load tests
//! on a benchmark database, never for production. Rows go in as multi-row inserts, one
//! transaction per site, with a progress bar and ETA on the terminal.

use indicatif::{ProgressBar, ProgressStyle};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, QuerySelect, Set};
use std::collections::{HashMap, HashSet};
use std::time::Instant;
use time::{Date, Duration, OffsetDateTime, Weekday};

use super::SeedError;
use crate::accounts::model::NewPassword;
use crate::accounts::password;
use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::entities::{cohorts, course_units, courses, holidays, programmes, rooms, sites, trainees, users};
use crate::kernel::identity::Nik;
use crate::kernel::wib;
use crate::platform::state::AppState;

mod people;
mod rows;

use people::{People, Person, NATIONAL_SITES};
pub use rows::Written;
use rows::{Ids, Rows};

/// The password of every account the scale seed creates (benchmark databases only).
pub const SCALE_PASSWORD: &str = "latihan-beban-nasional";

/// Rows held in memory before they are written.
const FLUSH_AT: usize = 60_000;

/// How big a dataset to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Sites with cohorts: the four of the migrations first, then [`NATIONAL_SITES`].
    pub sites: usize,
    pub cohorts_per_site: usize,
    pub sessions_per_cohort: usize,
    /// Each room runs two cohorts at a time (morning and afternoon); one instructor each.
    pub rooms_per_site: usize,
    /// Every `large_every`-th cohort is a large class.
    pub large_every: usize,
    pub large_class: usize,
    pub small_class: usize,
}

impl Size {
    /// One site (BBPLK Serang) over three years: 24 cohorts, ~500 trainees.
    pub const SITE: Size = Size {
        sites: 1,
        cohorts_per_site: 24,
        sessions_per_cohort: 100,
        rooms_per_site: 3,
        large_every: 5,
        large_class: 40,
        small_class: 15,
    };

    /// The national rollout: 50 sites × 100 cohorts of 20 trainees on average.
    pub const NATIONAL: Size = Size {
        sites: 50,
        cohorts_per_site: 100,
        sessions_per_cohort: 100,
        rooms_per_site: 6,
        large_every: 5,
        large_class: 40,
        small_class: 15,
    };

    fn class_size(&self, index: usize) -> usize {
        if index.is_multiple_of(self.large_every.max(1)) {
            self.large_class
        } else {
            self.small_class
        }
    }

    fn lanes(&self) -> usize {
        self.rooms_per_site.max(1) * 2
    }
}

/// What a scale seed wrote and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct ScaleReport {
    pub written: Written,
    pub elapsed: std::time::Duration,
}

/// The database's data before the seed: what must not be generated twice.
struct Existing {
    niks: HashSet<String>,
    phones: HashSet<String>,
    emails: HashSet<String>,
    cohort_codes: HashSet<String>,
    /// "site id/room name" of every room.
    room_names: HashSet<String>,
    sites: Vec<sites::Model>,
    programmes: Vec<programmes::Model>,
    courses: Vec<courses::Model>,
    units: HashMap<i64, Vec<i64>>,
    holidays: HashSet<Date>,
}

async fn existing(conn: &impl ConnectionTrait) -> Result<Existing, sea_orm::DbErr> {
    let people: Vec<(Option<String>, Option<String>, Option<String>)> = users::Entity::find()
        .select_only()
        .columns([users::Column::Nik, users::Column::Phone, users::Column::Email])
        .into_tuple()
        .all(conn)
        .await?;
    let mut niks: HashSet<String> = trainees::Entity::find()
        .select_only()
        .column(trainees::Column::Nik)
        .into_tuple::<String>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let mut phones = HashSet::new();
    let mut emails = HashSet::new();
    for (nik, phone, email) in people {
        niks.extend(nik);
        phones.extend(phone);
        emails.extend(email);
    }
    let mut units: HashMap<i64, Vec<(i32, i64)>> = HashMap::new();
    for unit in course_units::Entity::find().all(conn).await? {
        units
            .entry(unit.course_id)
            .or_default()
            .push((unit.position, unit.id));
    }
    Ok(Existing {
        niks,
        phones,
        emails,
        cohort_codes: cohorts::Entity::find()
            .select_only()
            .column(cohorts::Column::Code)
            .into_tuple::<String>()
            .all(conn)
            .await?
            .into_iter()
            .collect(),
        room_names: rooms::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|r| format!("{}/{}", r.site_id, r.name))
            .collect(),
        sites: sites::Entity::find().all(conn).await?,
        programmes: programmes::Entity::find().all(conn).await?,
        courses: courses::Entity::find().all(conn).await?,
        units: units
            .into_iter()
            .map(|(course, mut list)| {
                list.sort_unstable();
                (course, list.into_iter().map(|(_, id)| id).collect())
            })
            .collect(),
        holidays: holidays::Entity::find()
            .all(conn)
            .await?
            .into_iter()
            .map(|h| h.date)
            .collect(),
    })
}

/// A site the dataset fills: (id, code, NIK province, new row to write if any).
struct SitePlan {
    id: i64,
    code: String,
    province: u8,
    new: Option<sites::ActiveModel>,
}

fn site_plans(size: &Size, known: &Existing, ids: &mut Ids, now: OffsetDateTime) -> Vec<SitePlan> {
    let mut plans = Vec::new();
    for code in ["BBPLK-SRG", "UPT-SRG", "POS-TNG", "POS-CGK"] {
        if let Some(site) = known.sites.iter().find(|s| s.code == code) {
            plans.push(SitePlan {
                id: site.id,
                code: site.code.clone(),
                province: Nik::BANTEN,
                new: None,
            });
        }
    }
    for (code, name, kind, city, province) in NATIONAL_SITES {
        if let Some(site) = known.sites.iter().find(|s| s.code == *code) {
            plans.push(SitePlan {
                id: site.id,
                code: site.code.clone(),
                province: *province,
                new: None,
            });
            continue;
        }
        let id = ids.site();
        plans.push(SitePlan {
            id,
            code: (*code).to_owned(),
            province: *province,
            new: Some(sites::ActiveModel {
                id: Set(id),
                code: Set((*code).to_owned()),
                name: Set((*name).to_owned()),
                kind: Set((*kind).to_owned()),
                city: Set((*city).to_owned()),
                address: Set(None),
                created_at: Set(now),
            }),
        });
    }
    plans.truncate(size.sites);
    plans
}

/// `count` class days (Monday to Thursday and Saturday, holidays skipped) from `from` on.
fn days_from(from: Date, count: usize, holidays: &HashSet<Date>) -> Vec<Date> {
    let mut days = Vec::with_capacity(count);
    let mut day = from;
    while days.len() < count {
        if is_class_day(day, holidays) {
            days.push(day);
        }
        day = day.next_day().unwrap_or(day);
    }
    days
}

/// `count` class days before `before`, in order.
fn days_before(before: Date, count: usize, holidays: &HashSet<Date>) -> Vec<Date> {
    let mut days = Vec::with_capacity(count);
    let mut day = before;
    while days.len() < count {
        day = day.previous_day().unwrap_or(day);
        if is_class_day(day, holidays) {
            days.push(day);
        }
    }
    days.reverse();
    days
}

fn is_class_day(day: Date, holidays: &HashSet<Date>) -> bool {
    matches!(
        day.weekday(),
        Weekday::Monday | Weekday::Tuesday | Weekday::Wednesday | Weekday::Thursday | Weekday::Saturday
    ) && !holidays.contains(&day)
}

/// The class days of every cohort of one lane (a room in the morning or the afternoon),
/// oldest first: the last cohort is running now (or, in every third lane, starts in two
/// weeks); the ones before it ran back to back, a week apart.
fn lane_plan(
    lane: usize,
    cohorts: usize,
    sessions: usize,
    today: Date,
    holidays: &HashSet<Date>,
) -> Vec<Vec<Date>> {
    if cohorts == 0 {
        return Vec::new();
    }
    let monday = wib::monday_of(today);
    let last_start = if lane % 3 == 2 {
        monday + Duration::weeks(2)
    } else {
        monday - Duration::weeks(8)
    };
    let mut plan = vec![days_from(last_start, sessions, holidays)];
    while plan.len() < cohorts {
        let first = plan
            .last()
            .and_then(|days| days.first())
            .copied()
            .unwrap_or(today);
        plan.push(days_before(
            wib::monday_of(first) - Duration::days(7),
            sessions,
            holidays,
        ));
    }
    plan.reverse();
    plan
}

/// An address nobody uses yet: `base`, else `base` with a number before the `@`.
fn fresh_email(taken: &mut HashSet<String>, base: &str) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = base.replacen('@', &format!(".{n}@"), 1);
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

fn fresh_code(taken: &mut HashSet<String>, base: &str) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Fills the database with a dataset of `size`.
///
/// # Errors
/// [`SeedError::NotEmpty`] when the database holds accounts or trainees and `force` is not
/// given; database errors (each site's transaction is rolled back whole).
pub async fn seed_scale(
    state: &AppState,
    size: Size,
    force: bool,
    show_progress: bool,
) -> Result<ScaleReport, SeedError> {
    let began = Instant::now();
    let db = &state.db;
    let accounts = users::Entity::find().count(db).await?;
    let records = trainees::Entity::find().count(db).await?;
    if (accounts > 0 || records > 0) && !force {
        return Err(SeedError::NotEmpty { accounts, records });
    }
    let checked =
        NewPassword::parse(SCALE_PASSWORD, SCALE_PASSWORD, &[]).map_err(|e| SeedError::Account {
            name: "scale".into(),
            error: format!("{e:?}"),
        })?;
    let hash = password::hash(&checked).await?.as_str().to_owned();
    let now = state.clock.now();
    let today = wib::today(now);
    let mut known = existing(db).await?;
    if known.programmes.is_empty() || known.courses.is_empty() {
        return Err(SeedError::Account {
            name: "scale".into(),
            error: "programmes or courses missing (migrations not applied?)".into(),
        });
    }
    let mut ids = Ids::after_existing(db).await?;
    let plans = site_plans(&size, &known, &mut ids, now);
    let progress = if show_progress {
        ProgressBar::new((plans.len() * size.cohorts_per_site) as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:32}] {pos}/{len} cohorts · {msg} · ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut people = People::new(
        today,
        std::mem::take(&mut known.niks),
        std::mem::take(&mut known.phones),
    );
    let mut written = Written::default();
    for plan in &plans {
        let txn = crate::platform::state::begin_write(db).await?;
        let mut rows = Rows::default();
        let mut site = SiteSeed {
            plan,
            size: &size,
            known: &mut known,
            ids: &mut ids,
            people: &mut people,
            rows: &mut rows,
            hash: &hash,
            now,
            today,
            coordinators: Vec::new(),
            instructors: Vec::new(),
            rooms: Vec::new(),
        };
        site.staff_and_rooms();
        let lanes = size.lanes();
        for lane in 0..lanes {
            let count = size.cohorts_per_site / lanes + usize::from(lane < size.cohorts_per_site % lanes);
            for (sequence, days) in
                lane_plan(lane, count, size.sessions_per_cohort, today, &site.known.holidays)
                    .into_iter()
                    .enumerate()
            {
                site.cohort(lane, sequence * lanes + lane, &days);
                progress.inc(1);
                if site.rows.pending() >= FLUSH_AT {
                    site.rows.flush(&txn).await?;
                    progress.set_message(format!("{} marks", written.marks + site.rows.written.marks));
                }
            }
        }
        rows.flush(&txn).await?;
        txn.commit().await?;
        add(&mut written, &rows.written);
        progress.set_message(format!("{} marks", written.marks));
    }
    rows::advance_sequences(db).await?;
    record(
        db,
        now,
        AuditEvent::new(AuditAction::DemoSeed, Outcome::Success).detail(serde_json::json!({
            "scale": { "sites": plans.len(), "cohorts": written.cohorts, "trainees": written.trainees,
                       "sessions": written.sessions, "marks": written.marks },
        })),
    )
    .await?;
    progress.finish_and_clear();
    Ok(ScaleReport {
        written,
        elapsed: began.elapsed(),
    })
}

fn add(total: &mut Written, more: &Written) {
    total.sites += more.sites;
    total.users += more.users;
    total.cohorts += more.cohorts;
    total.sessions += more.sessions;
    total.trainees += more.trainees;
    total.enrollments += more.enrollments;
    total.marks += more.marks;
    total.documents += more.documents;
    total.results += more.results;
}

/// One site being generated.
struct SiteSeed<'a> {
    plan: &'a SitePlan,
    size: &'a Size,
    known: &'a mut Existing,
    ids: &'a mut Ids,
    people: &'a mut People,
    rows: &'a mut Rows,
    hash: &'a str,
    now: OffsetDateTime,
    today: Date,
    coordinators: Vec<i64>,
    instructors: Vec<i64>,
    rooms: Vec<i64>,
}

mod cohort;
