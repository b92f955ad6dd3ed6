//! Demo data for trying the app: staff of the Serang programme, a class of trainees from
//! across Banten, and cohorts with a real schedule around today. Only `seed --demo` (and `make run` on an empty database) calls this;
//! `serve` never seeds.

use sea_orm::{EntityTrait, PaginatorTrait};

use crate::accounts::model::NewPassword;
use crate::accounts::password;
use crate::accounts::service::{provision_account, AccountsError, NewAccountInput};
use crate::audit::model::AuditAction;
use crate::entities::{sites, users};

use crate::platform::state::AppState;

mod attendance;
mod certificates;
mod readiness;
pub mod scale;
mod schedule;
mod trainees;

/// A demo login printed by `make run`.
pub struct DemoLogin {
    pub role: &'static str,
    pub login: &'static str,
    pub password: &'static str,
    pub name: &'static str,
}

pub const DEMO_LOGINS: &[DemoLogin] = &[
    DemoLogin {
        role: "admin",
        login: "admin@siapjepang.id",
        password: "gunung-fuji-pagi",
        name: "Hendri Kurniawan",
    },
    DemoLogin {
        role: "coordinator",
        login: "koordinator@siapjepang.id",
        password: "bunga-sakura-mekar",
        name: "Rina Marlina",
    },
    DemoLogin {
        role: "instructor",
        login: "sensei@siapjepang.id",
        password: "kereta-shinkansen",
        name: "Ahmad Fauzi",
    },
    DemoLogin {
        role: "trainee",
        login: "0812-1111-2026",
        password: "belajar-nihongo-rajin",
        name: "Dewi Lestari",
    },
];

/// Demo trainee records besides those of the demo accounts.
const DEMO_TRAINEE_RECORDS: usize = 300;

/// The demo trainee's NIK (a woman from Kota Serang born 7 August 1999).
const DEMO_TRAINEE_NIK: &str = "3673054708990002";

/// (name, NIK, phone, home site code)
const TRAINEES: &[(&str, &str, &str, &str)] = &[
    (
        "Ahmad Rizki Pratama",
        "3604011503020001",
        "0813-2222-3101",
        "BBPLK-SRG",
    ),
    ("Siti Nurjanah", "3672034211000003", "0857-1234-5678", "BBPLK-SRG"),
    (
        "Muhammad Fajar Sidik",
        "3602122106980002",
        "0821-7654-3210",
        "UPT-SRG",
    ),
    ("Nur Aini", "3601077001010004", "", "UPT-SRG"),
    ("Rizal Maulana", "3603220909970001", "0878-5555-1201", "POS-TNG"),
    ("Fitri Handayani", "3671045705030002", "0812-9090-4411", "POS-TNG"),
    ("Agus Setiawan", "3674021212960003", "0819-3030-7788", "POS-TNG"),
    (
        "Intan Permatasari",
        "3604096802000001",
        "0856-4747-1010",
        "BBPLK-SRG",
    ),
    (
        "Dimas Ardiansyah",
        "3673020407010005",
        "0813-6161-2323",
        "BBPLK-SRG",
    ),
    ("Yuliana Safitri", "3602055910990002", "", "UPT-SRG"),
    (
        "Hendra Gunawan",
        "3672062504950001",
        "0822-1414-5656",
        "BBPLK-SRG",
    ),
    ("Ratna Sari Dewi", "3601154808020003", "0838-2727-9191", "UPT-SRG"),
    ("Teguh Prasetyo", "3603101101980004", "0812-5353-6868", "POS-TNG"),
    ("Lina Marlina", "3673064303970002", "0857-8282-3434", "BBPLK-SRG"),
    ("Andi Saputra", "3201100606000001", "0813-9494-1717", "BBPLK-SRG"),
    ("Bagus Hidayat", "", "0821-6060-2525", "UPT-SRG"),
];

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("demo account {name}: {error}")]
    Account { name: String, error: String },
    #[error(
        "the database already holds data ({accounts} accounts, {records} trainee records); \
         give --force to add the generated data to it"
    )]
    NotEmpty { accounts: u64, records: u64 },
    #[error("password hashing: {0}")]
    Password(#[from] password::PasswordError),
}

pub enum SeedOutcome {
    Seeded {
        accounts: usize,
        /// Class sessions of the demo cohorts.
        sessions: usize,
        /// Trainee records and their enrollments.
        records: usize,
        enrollments: usize,
        /// Attendance marks of the sessions already held.
        marks: usize,
        /// Placement documents on record.
        documents: usize,
        /// Certificates and letters issued.
        certificates: usize,
    },
    /// The database already had accounts and `--if-empty` was given.
    AlreadyPresent,
}

fn account_error(name: &str, error: AccountsError) -> SeedError {
    let error = match error {
        AccountsError::Invalid(fields) => format!("{fields:?}"),
        other => other.to_string(),
    };
    SeedError::Account {
        name: name.to_owned(),
        error,
    }
}

async fn site_id(txn: &impl sea_orm::ConnectionTrait, code: &str) -> Result<i64, SeedError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    sites::Entity::find()
        .filter(sites::Column::Code.eq(code))
        .one(txn)
        .await?
        .map(|s| s.id)
        .ok_or_else(|| SeedError::Account {
            name: code.to_owned(),
            error: "site missing (migrations not applied?)".into(),
        })
}

/// Inserts the demo accounts in one transaction.
///
/// # Errors
/// Database errors, or a demo account that clashes with an existing one.
pub async fn seed_demo(state: &AppState, if_empty: bool) -> Result<SeedOutcome, SeedError> {
    if if_empty && users::Entity::find().count(&state.db).await? > 0 {
        return Ok(SeedOutcome::AlreadyPresent);
    }
    let now = state.clock.now();
    // Hash before opening the transaction: Argon2 takes a moment per password.
    let mut hashes = Vec::new();
    for demo in DEMO_LOGINS {
        let checked =
            NewPassword::parse(demo.password, demo.password, &[]).map_err(|e| SeedError::Account {
                name: demo.name.to_owned(),
                error: format!("{e:?}"),
            })?;
        hashes.push(password::hash(&checked).await?);
    }

    let txn = crate::platform::state::begin_write(&state.db).await?;
    let upt = site_id(&txn, "UPT-SRG").await?;
    let bbplk = site_id(&txn, "BBPLK-SRG").await?;
    let tangerang = site_id(&txn, "POS-TNG").await?;

    // (account, password hash if it has a demo login)
    let mut accounts: Vec<(NewAccountInput, Option<&password::PasswordHashString>)> = Vec::new();
    let staff_sites = [vec![], vec![upt, bbplk], vec![bbplk], vec![bbplk]];
    for ((demo, hash), sites) in DEMO_LOGINS.iter().zip(&hashes).zip(staff_sites) {
        let (email, phone, nik) = match demo.role {
            "trainee" => (String::new(), demo.login.to_owned(), DEMO_TRAINEE_NIK.to_owned()),
            _ => (demo.login.to_owned(), String::new(), String::new()),
        };
        let input = NewAccountInput {
            role: demo.role.to_owned(),
            display_name: demo.name.to_owned(),
            email,
            phone,
            nik,
            site_ids: sites,
        };
        accounts.push((input, Some(hash)));
    }
    let extra_staff = [
        (
            "coordinator",
            "Yusuf Hamdani",
            "koordinator.tangerang@siapjepang.id",
            vec![tangerang],
        ),
        (
            "instructor",
            "Sri Wahyuni",
            "sri.wahyuni@siapjepang.id",
            vec![bbplk, upt],
        ),
        (
            "instructor",
            "Bambang Sutrisno",
            "bambang.sutrisno@siapjepang.id",
            vec![tangerang],
        ),
    ];
    for (role, name, email, site_ids) in extra_staff {
        let input = NewAccountInput {
            role: role.to_owned(),
            display_name: name.to_owned(),
            email: email.to_owned(),
            site_ids,
            ..Default::default()
        };
        accounts.push((input, None));
    }
    for (name, nik, phone, site) in TRAINEES {
        let input = NewAccountInput {
            role: "trainee".to_owned(),
            display_name: (*name).to_owned(),
            phone: (*phone).to_owned(),
            nik: (*nik).to_owned(),
            site_ids: vec![site_id(&txn, site).await?],
            ..Default::default()
        };
        accounts.push((input, None));
    }
    let count = accounts.len();
    for (input, hash) in &accounts {
        provision_account(&txn, now, input, *hash, AuditAction::DemoSeed)
            .await
            .map_err(|e| account_error(&input.display_name, e))?;
    }
    let all_sites = [
        ("UPT-SRG", upt),
        ("BBPLK-SRG", bbplk),
        ("POS-TNG", tangerang),
        ("POS-CGK", site_id(&txn, "POS-CGK").await?),
    ];
    let sessions = schedule::seed_schedule(&txn, now, &all_sites).await?;
    let (records, enrollments) = trainees::seed_trainees(&txn, now, &all_sites, DEMO_TRAINEE_RECORDS).await?;
    let marks = attendance::seed_attendance(&txn, now).await?;
    let documents = readiness::seed_readiness(&txn, now).await?;
    txn.commit().await?;
    let certificates = certificates::seed_certificates(state, now).await?;
    Ok(SeedOutcome::Seeded {
        accounts: count,
        sessions,
        records,
        enrollments,
        marks,
        documents,
        certificates,
    })
}

/// The demo logins as a small table for the terminal.
pub fn demo_logins_table() -> String {
    let mut out = String::from("Demo logins (role, login, password):\n");
    for demo in DEMO_LOGINS {
        out.push_str(&format!(
            "  {:<12} {:<28} {}\n",
            demo.role, demo.login, demo.password
        ));
    }
    out
}
