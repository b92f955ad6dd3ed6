//! A few hundred demo trainee records with valid Banten NIKs, and their enrollments spread
//! over the demo cohorts and the states of the lifecycle. Deterministic: the same seed
//! gives the same people.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;
use time::{Date, Duration, Month, OffsetDateTime};

use super::SeedError;
use crate::entities::{cohorts, enrollment_events, enrollments, trainees, users};
use crate::kernel::identity::BANTEN_REGENCIES;
use crate::kernel::EnrollmentId;
use crate::trainees::db::event;
use crate::trainees::model::enrollment::EnrollmentStatus;
use crate::trainees::model::import::fold;

pub(super) const FIRST_WOMEN: &[&str] = &[
    "Siti", "Nur", "Dewi", "Rina", "Fitri", "Intan", "Yuliana", "Ratna", "Lina", "Ani", "Dian", "Wulan",
    "Putri", "Ayu", "Rizka", "Nurul", "Eka", "Sri", "Mega", "Lestari",
];
pub(super) const FIRST_MEN: &[&str] = &[
    "Ahmad", "Muhammad", "Rizal", "Agus", "Dimas", "Hendra", "Teguh", "Andi", "Bagus", "Fajar", "Rizki",
    "Dedi", "Yusuf", "Iwan", "Budi", "Arif", "Eko", "Hadi", "Irfan", "Joko",
];
pub(super) const LAST: &[&str] = &[
    "Pratama",
    "Saputra",
    "Hidayat",
    "Nurjanah",
    "Lestari",
    "Permatasari",
    "Maulana",
    "Setiawan",
    "Handayani",
    "Gunawan",
    "Kurniawan",
    "Wahyuni",
    "Rahmawati",
    "Sidik",
    "Firmansyah",
    "Susanti",
    "Ramadhan",
    "Marlina",
    "Hakim",
    "Syahputra",
];
pub(super) const STREETS: &[&str] = &[
    "Jl. Ahmad Yani",
    "Jl. Veteran",
    "Jl. Raya Serang–Cilegon",
    "Jl. KH. Abdul Fatah Hasan",
    "Jl. Kolonel TB Suwandi",
    "Kp. Sukajaya",
    "Perum Bumi Serang Baru",
    "Jl. Raya Pandeglang",
];

/// A small deterministic generator (no randomness in demo data).
pub(super) struct Lcg(pub u64);

impl Lcg {
    pub(super) fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

/// (cohort code prefix, [(status, how many)])
const PLAN: &[(&str, &[(EnrollmentStatus, usize)])] = &[
    (
        "JP-MANUF-A",
        &[
            (EnrollmentStatus::Completed, 24),
            (EnrollmentStatus::Withdrawn, 2),
        ],
    ),
    (
        "JP-KAIGO-B",
        &[
            (EnrollmentStatus::Active, 27),
            (EnrollmentStatus::Withdrawn, 1),
            (EnrollmentStatus::Waitlisted, 3),
            (EnrollmentStatus::Rejected, 1),
        ],
    ),
    (
        "JP-EPA-C",
        &[(EnrollmentStatus::Active, 20), (EnrollmentStatus::Applied, 2)],
    ),
    (
        "JP-TITP-D",
        &[
            (EnrollmentStatus::Accepted, 10),
            (EnrollmentStatus::Applied, 6),
            (EnrollmentStatus::Rejected, 2),
        ],
    ),
];

/// Which site a regency's trainees register at.
fn site_for(regency: &str) -> &'static str {
    match regency {
        "3603" | "3671" | "3674" => "POS-TNG",
        "3601" | "3602" => "UPT-SRG",
        _ => "BBPLK-SRG",
    }
}

fn birth_day(generator: &mut Lcg, today: Date) -> Date {
    let year = today.year() - 19 - generator.next(14) as i32;
    let month = Month::try_from(1 + generator.next(12) as u8).unwrap_or(Month::January);
    let day = 1 + generator.next(28) as u8;
    Date::from_calendar_date(year, month, day).unwrap_or(today)
}

/// Inserts `count` trainee records (plus records for the demo trainee accounts that have
/// a NIK) and the enrollments of [`PLAN`]. Returns (records, enrollments).
///
/// # Errors
/// Database errors.
pub async fn seed_trainees(
    conn: &impl ConnectionTrait,
    now: OffsetDateTime,
    site_ids: &[(&str, i64)],
    count: usize,
) -> Result<(usize, usize), SeedError> {
    let site = |code: &str| site_ids.iter().find(|(c, _)| *c == code).map_or(0, |(_, id)| *id);
    let today = crate::kernel::wib::today(now);
    let mut generator = Lcg(2026);
    let mut records: Vec<trainees::ActiveModel> = Vec::new();
    let mut niks_by_site: HashMap<i64, Vec<String>> = HashMap::new();
    // The demo trainee accounts first: each with a NIK gets its record, linked.
    let accounts = users::Entity::find()
        .filter(users::Column::Role.eq("trainee"))
        .filter(users::Column::Nik.is_not_null())
        .all(conn)
        .await?;
    let mut serial = 1u32;
    let mut record = |nik: String,
                      name: String,
                      sex: &str,
                      birth: Date,
                      regency: &str,
                      phone: Option<String>,
                      user: Option<i64>,
                      site_id: i64,
                      generator: &mut Lcg| {
        let regency_name = BANTEN_REGENCIES
            .iter()
            .find(|(c, _)| *c == regency)
            .map_or_else(|| "Luar Banten".to_owned(), |(_, n)| (*n).to_owned());
        let town = regency_name
            .trim_start_matches("Kab. ")
            .trim_start_matches("Kota ")
            .to_owned();
        niks_by_site.entry(site_id).or_default().push(nik.clone());
        records.push(trainees::ActiveModel {
            nik: Set(nik),
            user_id: Set(user),
            site_id: Set(site_id),
            name_key: Set(fold(&name)),
            full_name: Set(name),
            birth_place: Set(town),
            birth_date: Set(birth),
            sex: Set(sex.to_owned()),
            address: Set(format!(
                "{} No. {}, RT 0{}/RW 0{}",
                STREETS[generator.next(STREETS.len())],
                1 + generator.next(120),
                1 + generator.next(9),
                1 + generator.next(9)
            )),
            regency_code: Set(BANTEN_REGENCIES
                .iter()
                .any(|(c, _)| *c == regency)
                .then(|| regency.to_owned())),
            regency_name: Set(regency_name),
            phone: Set(phone),
            email: Set(None),
            education: Set(["sma", "sma", "sma", "smp", "diploma", "sarjana"][generator.next(6)].to_owned()),
            programme_id: Set(None),
            guardian_name: Set(Some(format!(
                "{} {}",
                FIRST_MEN[generator.next(FIRST_MEN.len())],
                LAST[generator.next(LAST.len())]
            ))),
            guardian_relation: Set(Some(
                ["Ayah", "Ibu", "Suami", "Istri", "Kakak"][generator.next(5)].to_owned(),
            )),
            guardian_phone: Set(Some(format!("+62857{:08}", generator.next(100_000_000)))),
            source: Set([
                "kawan_pmi",
                "sosialisasi",
                "walk_in",
                "dinas",
                "lpk",
                "social_media",
                "referral",
            ][generator.next(7)]
            .to_owned()),
            notes: Set(None),
            id_pmi: Set(None),
            siskop2mi_no: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            created_by: Set(None),
            ..Default::default()
        });
    };
    for account in &accounts {
        let Some(nik) = account.nik.clone() else { continue };
        let Ok(parsed) = crate::kernel::identity::Nik::parse(&nik, today) else {
            continue;
        };
        let sex = match parsed.sex() {
            crate::kernel::identity::Sex::Female => "F",
            crate::kernel::identity::Sex::Male => "M",
        };
        let birth = parsed.birth_date(today).unwrap_or(today);
        let site_id = account.home_site_id.unwrap_or_else(|| site("BBPLK-SRG"));
        record(
            nik,
            account.display_name.clone(),
            sex,
            birth,
            parsed.regency_code(),
            account.phone.clone(),
            Some(account.id),
            site_id,
            &mut generator,
        );
    }
    for index in 0..count {
        let woman = generator.next(100) < 55;
        let first = if woman {
            FIRST_WOMEN[generator.next(FIRST_WOMEN.len())]
        } else {
            FIRST_MEN[generator.next(FIRST_MEN.len())]
        };
        let name = format!("{first} {}", LAST[generator.next(LAST.len())]);
        let (regency, _) = BANTEN_REGENCIES[generator.next(BANTEN_REGENCIES.len())];
        let birth = birth_day(&mut generator, today);
        let day = u32::from(birth.day()) + if woman { 40 } else { 0 };
        let district = 1 + generator.next(20);
        let nik = format!(
            "{regency}{district:02}{day:02}{:02}{:02}{:04}",
            u8::from(birth.month()),
            birth.year().rem_euclid(100),
            9000 + serial
        );
        serial += 1;
        let phone = (generator.next(10) > 0).then(|| format!("+6281{:09}", 100_000_000 + index * 7919));
        record(
            nik,
            name,
            if woman { "F" } else { "M" },
            birth,
            regency,
            phone,
            None,
            site(site_for(regency)),
            &mut generator,
        );
    }
    let written = records.len();
    let mut rows = records.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(400).collect();
        trainees::Entity::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    let enrolled = seed_enrollments(conn, now, &niks_by_site, &accounts).await?;
    Ok((written, enrolled))
}

async fn seed_enrollments(
    conn: &impl ConnectionTrait,
    now: OffsetDateTime,
    niks_by_site: &HashMap<i64, Vec<String>>,
    accounts: &[users::Model],
) -> Result<usize, SeedError> {
    let all_cohorts = cohorts::Entity::find().all(conn).await?;
    let people: HashMap<String, (i64, Option<i64>)> = trainees::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|t| (t.nik, (t.id, t.user_id)))
        .collect();
    let demo_trainee = accounts
        .iter()
        .find(|a| a.phone.as_deref() == Some("+6281211112026"))
        .map(|a| a.id);
    let mut taken_by_site: HashMap<i64, usize> = HashMap::new();
    let mut count = 0;
    for (prefix, plan) in PLAN {
        let Some(cohort) = all_cohorts.iter().find(|c| c.code.starts_with(prefix)) else {
            continue;
        };
        let pool = niks_by_site.get(&cohort.site_id).cloned().unwrap_or_default();
        let mut order: Vec<&String> = pool.iter().collect();
        // The demo trainee is in the running caregiving cohort.
        if prefix.starts_with("JP-KAIGO") {
            order.sort_by_key(|nik| people.get(*nik).and_then(|(_, user)| *user) != demo_trainee);
        }
        let start = if prefix.starts_with("JP-KAIGO") {
            0
        } else {
            *taken_by_site.get(&cohort.site_id).unwrap_or(&0)
        };
        let mut cursor = start;
        let mut seats = 0;
        for (status, how_many) in *plan {
            for _ in 0..*how_many {
                let Some(nik) = order.get(cursor % order.len().max(1)) else {
                    break;
                };
                cursor += 1;
                let Some((trainee_id, _)) = people.get(*nik) else {
                    continue;
                };
                let joined = matches!(
                    status,
                    EnrollmentStatus::Active | EnrollmentStatus::Completed | EnrollmentStatus::Withdrawn
                )
                .then_some(cohort.starts_on);
                let left = match status {
                    EnrollmentStatus::Completed => Some(cohort.ends_on),
                    EnrollmentStatus::Withdrawn => Some(cohort.starts_on + Duration::days(20)),
                    _ => None,
                };
                let created = now - Duration::days(60);
                let enrollment = enrollments::Entity::insert(enrollments::ActiveModel {
                    trainee_id: Set(*trainee_id),
                    cohort_id: Set(cohort.id),
                    status: Set(status.as_str().to_owned()),
                    waitlisted_at: Set((*status == EnrollmentStatus::Waitlisted)
                        .then(|| created + Duration::hours(cursor as i64))),
                    joined_on: Set(joined),
                    left_on: Set(left),
                    transferred_to: Set(None),
                    created_at: Set(created),
                    updated_at: Set(now),
                    ..Default::default()
                })
                .exec_with_returning(conn)
                .await?;
                let mut events = vec![event(
                    EnrollmentId(enrollment.id),
                    None,
                    EnrollmentStatus::Applied,
                    None,
                    None,
                    created,
                )];
                if *status != EnrollmentStatus::Applied {
                    let reason = match status {
                        EnrollmentStatus::Withdrawn => Some("Diterima bekerja di dalam negeri"),
                        EnrollmentStatus::Rejected => Some("Belum memenuhi syarat usia"),
                        _ => None,
                    };
                    events.push(event(
                        EnrollmentId(enrollment.id),
                        Some(EnrollmentStatus::Applied),
                        *status,
                        reason,
                        None,
                        created + Duration::days(3),
                    ));
                }
                enrollment_events::Entity::insert_many(events)
                    .exec_without_returning(conn)
                    .await?;
                if status.holds_seat() {
                    seats += 1;
                }
                count += 1;
            }
        }
        if !prefix.starts_with("JP-KAIGO") {
            taken_by_site.insert(cohort.site_id, cursor);
        }
        cohorts::Entity::update_many()
            .col_expr(
                cohorts::Column::SeatsTaken,
                sea_orm::sea_query::Expr::value(seats.min(cohort.capacity)),
            )
            .filter(cohorts::Column::Id.eq(cohort.id))
            .exec(conn)
            .await?;
    }
    Ok(count)
}
