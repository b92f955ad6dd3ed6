//! Reference data every installation needs: the placement tracks, the two Kemnaker course
//! curricula with their lesson units, and the national holidays and cuti bersama of 2026
//! and 2027. All of it stays editable in the app; nothing in the code depends on it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

use crate::m20261129_000001_create_cohorts::{Cohorts, CourseUnits, Courses, Programmes};
use crate::m20261129_000002_create_schedule::Holidays;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (code, name, track, sector, language target)
pub const PROGRAMMES: &[(&str, &str, &str, Option<&str>, &str)] = &[
    (
        "SSW-KAIGO",
        "SSW Perawat Lansia (Kaigo)",
        "ssw",
        Some("Perawatan lansia (kaigo)"),
        "jft_a2_or_n4",
    ),
    (
        "SSW-MANUF",
        "SSW Manufaktur Produk Industri",
        "ssw",
        Some("Manufaktur produk industri"),
        "jft_a2_or_n4",
    ),
    (
        "SSW-MAMIN",
        "SSW Industri Makanan dan Minuman",
        "ssw",
        Some("Manufaktur makanan dan minuman"),
        "jft_a2_or_n4",
    ),
    (
        "SSW-TANI",
        "SSW Pertanian",
        "ssw",
        Some("Pertanian"),
        "jft_a2_or_n4",
    ),
    ("TITP", "TITP / IM Japan (magang)", "titp", None, "n4"),
    ("EPA", "EPA Perawat / Careworker (G-to-G)", "epa", None, "n4"),
];

/// (code, name, level, total lesson hours, textbook, unit title prefix, units)
pub const COURSES: &[(&str, &str, &str, i32, &str, &str, i32)] = &[
    (
        "BJ-CPMI-340",
        "Bahasa Jepang untuk CPMI",
        "jft_a2",
        340,
        "Irodori (Japan Foundation)",
        "Irodori",
        36,
    ),
    (
        "BJ-N4-360",
        "Bahasa Jepang Level N4",
        "n4",
        360,
        "Minna no Nihongo I–II",
        "Minna no Nihongo bab",
        50,
    ),
];

/// (date, name, kind, confirmed). 2026: SKB Menteri Agama, Menteri Ketenagakerjaan and
/// Menteri PANRB No. 1497/2025, 2/2025, 5/2025 (17 national holidays, 8 days of cuti
/// bersama). 2027: no decree yet when this was written; fixed-date holidays are certain,
/// the others are astronomical estimates marked unconfirmed, and cuti bersama are left out.
pub const HOLIDAYS: &[(&str, &str, &str, bool)] = &[
    ("2026-01-01", "Tahun Baru 2026 Masehi", "national", true),
    ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", "national", true),
    (
        "2026-02-16",
        "Cuti bersama Tahun Baru Imlek",
        "collective_leave",
        true,
    ),
    ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", "national", true),
    (
        "2026-03-18",
        "Cuti bersama Hari Suci Nyepi",
        "collective_leave",
        true,
    ),
    (
        "2026-03-19",
        "Hari Suci Nyepi (Tahun Baru Saka 1948)",
        "national",
        true,
    ),
    (
        "2026-03-20",
        "Cuti bersama Idul Fitri 1447 H",
        "collective_leave",
        true,
    ),
    ("2026-03-21", "Idul Fitri 1447 H", "national", true),
    ("2026-03-22", "Idul Fitri 1447 H (hari kedua)", "national", true),
    (
        "2026-03-23",
        "Cuti bersama Idul Fitri 1447 H",
        "collective_leave",
        true,
    ),
    (
        "2026-03-24",
        "Cuti bersama Idul Fitri 1447 H",
        "collective_leave",
        true,
    ),
    ("2026-04-03", "Wafat Yesus Kristus", "national", true),
    (
        "2026-04-05",
        "Kebangkitan Yesus Kristus (Paskah)",
        "national",
        true,
    ),
    ("2026-05-01", "Hari Buruh Internasional", "national", true),
    ("2026-05-14", "Kenaikan Yesus Kristus", "national", true),
    (
        "2026-05-15",
        "Cuti bersama Kenaikan Yesus Kristus",
        "collective_leave",
        true,
    ),
    ("2026-05-27", "Idul Adha 1447 H", "national", true),
    (
        "2026-05-28",
        "Cuti bersama Idul Adha 1447 H",
        "collective_leave",
        true,
    ),
    ("2026-05-31", "Hari Raya Waisak 2570 BE", "national", true),
    ("2026-06-01", "Hari Lahir Pancasila", "national", true),
    ("2026-06-16", "Tahun Baru Islam 1448 H", "national", true),
    (
        "2026-08-17",
        "Proklamasi Kemerdekaan Republik Indonesia",
        "national",
        true,
    ),
    ("2026-08-25", "Maulid Nabi Muhammad SAW", "national", true),
    (
        "2026-12-24",
        "Cuti bersama Hari Raya Natal",
        "collective_leave",
        true,
    ),
    ("2026-12-25", "Kelahiran Yesus Kristus (Natal)", "national", true),
    ("2027-01-01", "Tahun Baru 2027 Masehi", "national", true),
    ("2027-01-05", "Isra Mikraj Nabi Muhammad SAW", "national", false),
    ("2027-02-06", "Tahun Baru Imlek 2578 Kongzili", "national", false),
    (
        "2027-03-09",
        "Hari Suci Nyepi (Tahun Baru Saka 1949)",
        "national",
        false,
    ),
    ("2027-03-10", "Idul Fitri 1448 H", "national", false),
    ("2027-03-11", "Idul Fitri 1448 H (hari kedua)", "national", false),
    ("2027-03-26", "Wafat Yesus Kristus", "national", true),
    (
        "2027-03-28",
        "Kebangkitan Yesus Kristus (Paskah)",
        "national",
        true,
    ),
    ("2027-05-01", "Hari Buruh Internasional", "national", true),
    ("2027-05-06", "Kenaikan Yesus Kristus", "national", true),
    ("2027-05-17", "Idul Adha 1448 H", "national", false),
    ("2027-05-20", "Hari Raya Waisak 2571 BE", "national", false),
    ("2027-06-01", "Hari Lahir Pancasila", "national", true),
    ("2027-06-06", "Tahun Baru Islam 1449 H", "national", false),
    ("2027-08-15", "Maulid Nabi Muhammad SAW", "national", false),
    (
        "2027-08-17",
        "Proklamasi Kemerdekaan Republik Indonesia",
        "national",
        true,
    ),
    ("2027-12-25", "Kelahiran Yesus Kristus (Natal)", "national", true),
];

fn now(manager: &SchemaManager) -> SimpleExpr {
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => Expr::cust("strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"),
        _ => Expr::cust("CURRENT_TIMESTAMP"),
    }
}

/// A `DATE` literal both databases accept.
fn date(manager: &SchemaManager, iso: &str) -> SimpleExpr {
    match manager.get_database_backend() {
        DatabaseBackend::Sqlite => iso.into(),
        _ => Expr::cust(format!("DATE '{iso}'")),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut programmes = Query::insert();
        programmes.into_table(Programmes::Table).columns([
            Programmes::Code,
            Programmes::Name,
            Programmes::Track,
            Programmes::Sector,
            Programmes::LanguageTarget,
            Programmes::CreatedAt,
        ]);
        for (code, name, track, sector, target) in PROGRAMMES {
            programmes.values_panic([
                (*code).into(),
                (*name).into(),
                (*track).into(),
                sector.map(str::to_owned).into(),
                (*target).into(),
                now(manager),
            ]);
        }
        programmes.on_conflict(OnConflict::column(Programmes::Code).do_nothing().to_owned());
        manager.exec_stmt(programmes).await?;

        for (code, name, level, hours, textbook, prefix, units) in COURSES {
            let mut course = Query::insert();
            course
                .into_table(Courses::Table)
                .columns([
                    Courses::Code,
                    Courses::Name,
                    Courses::Level,
                    Courses::TotalHours,
                    Courses::Textbook,
                    Courses::CreatedAt,
                ])
                .values_panic([
                    (*code).into(),
                    (*name).into(),
                    (*level).into(),
                    (*hours).into(),
                    (*textbook).into(),
                    now(manager),
                ])
                .on_conflict(OnConflict::column(Courses::Code).do_nothing().to_owned());
            manager.exec_stmt(course).await?;
            let course_id = Query::select()
                .column(Courses::Id)
                .from(Courses::Table)
                .and_where(Expr::col(Courses::Code).eq(*code))
                .to_owned();
            let mut unit_rows = Query::insert();
            unit_rows.into_table(CourseUnits::Table).columns([
                CourseUnits::CourseId,
                CourseUnits::Position,
                CourseUnits::Title,
            ]);
            for position in 1..=*units {
                unit_rows.values_panic([
                    SimpleExpr::SubQuery(None, Box::new(course_id.clone().into_sub_query_statement())),
                    position.into(),
                    format!("{prefix} {position}").into(),
                ]);
            }
            unit_rows.on_conflict(
                OnConflict::columns([CourseUnits::CourseId, CourseUnits::Position])
                    .do_nothing()
                    .to_owned(),
            );
            manager.exec_stmt(unit_rows).await?;
        }

        let mut holidays = Query::insert();
        holidays.into_table(Holidays::Table).columns([
            Holidays::Date,
            Holidays::Name,
            Holidays::Kind,
            Holidays::Confirmed,
            Holidays::UpdatedAt,
        ]);
        for (day, name, kind, confirmed) in HOLIDAYS {
            holidays.values_panic([
                date(manager, day),
                (*name).into(),
                (*kind).into(),
                (*confirmed).into(),
                now(manager),
            ]);
        }
        holidays.on_conflict(OnConflict::column(Holidays::Date).do_nothing().to_owned());
        manager.exec_stmt(holidays).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Only rows nothing refers to can go; cohorts keep their programme and course.
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Holidays::Table)
                    .and_where(
                        Expr::col(Holidays::Date).is_in(HOLIDAYS.iter().map(|(d, ..)| date(manager, d))),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Courses::Table)
                    .and_where(Expr::col(Courses::Code).is_in(COURSES.iter().map(|(code, ..)| *code)))
                    .and_where(
                        Expr::col(Courses::Id).not_in_subquery(
                            Query::select()
                                .column(Cohorts::CourseId)
                                .from(Cohorts::Table)
                                .to_owned(),
                        ),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Programmes::Table)
                    .and_where(Expr::col(Programmes::Code).is_in(PROGRAMMES.iter().map(|(code, ..)| *code)))
                    .and_where(
                        Expr::col(Programmes::Id).not_in_subquery(
                            Query::select()
                                .column(Cohorts::ProgrammeId)
                                .from(Cohorts::Table)
                                .to_owned(),
                        ),
                    )
                    .to_owned(),
            )
            .await
    }
}
