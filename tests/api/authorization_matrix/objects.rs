//! The object-scope matrix: beside the role matrix and from the same rows, every server
//! function, page and file route that takes an id is called with the real ids of one
//! site's rows (a cohort at BBPLK Serang, its session, a trainee's record, enrollment,
//! excuse, result, document, an import, a site day off…) by everyone who must not reach
//! them: the other site's coordinator, an instructor of another cohort, an instructor taken
//! off the cohort, another trainee, a trainee transferred out of the cohort, an anonymous
//! visitor. Each is answered exactly as for an id that exists nowhere (404 once past the
//! role gate, so existence does not leak), the answer holds none of the person's data, and
//! nothing changes in the database. The rows that take an id are found by calling the
//! row lists with two sets of ids: a row whose request differs between them takes one.
//!
//! Then the personal-data rule: every export, JSON answer and page, read by each of these
//! people and the row's own staff, shows the trainee's whole NIK only to the coordinators
//! of the record's site and admins, and their phone only to staff who can reach them and
//! the trainee.

use super::rows::{file_rows, page_rows, server_function_rows, Access, FileRow, Who};
use super::{send_file_row, serde_urlencoded_like, server_fn_methods, Ids};
use crate::support::*;
use serde_json::Value;
use siap_jepang::kernel::{Actor, Role};
use siap_jepang::platform::context::Client as RequestClient;
use std::collections::BTreeMap;

/// The people of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Party {
    /// The coordinator of the rows' site (their owner).
    Owner,
    Admin,
    /// The instructor of the rows' cohort.
    Teacher,
    /// The trainee the rows are about.
    Person,
    OtherSiteCoordinator,
    OtherCohortInstructor,
    RemovedInstructor,
    OtherTrainee,
    TransferredTrainee,
    Anonymous,
}

impl Party {
    const OUTSIDERS: [Party; 6] = [
        Party::OtherSiteCoordinator,
        Party::OtherCohortInstructor,
        Party::RemovedInstructor,
        Party::OtherTrainee,
        Party::TransferredTrainee,
        Party::Anonymous,
    ];

    const ALL: [Party; 10] = [
        Party::Owner,
        Party::Admin,
        Party::Teacher,
        Party::Person,
        Party::OtherSiteCoordinator,
        Party::OtherCohortInstructor,
        Party::RemovedInstructor,
        Party::OtherTrainee,
        Party::TransferredTrainee,
        Party::Anonymous,
    ];

    fn login(self) -> Option<&'static str> {
        Some(match self {
            Party::Owner => "rina@uji.id",
            Party::Admin => "admin@uji.id",
            Party::Teacher => "sensei@uji.id",
            Party::Person => "0812-7777-3131",
            Party::OtherSiteCoordinator => "dodi@uji.id",
            Party::OtherCohortInstructor => "guru@uji.id",
            Party::RemovedInstructor => "mantan@uji.id",
            Party::OtherTrainee => "0812-7777-4242",
            Party::TransferredTrainee => "0812-7777-5353",
            Party::Anonymous => return None,
        })
    }

    /// The role the role matrix knows this party by.
    fn who(self) -> Who {
        match self {
            Party::Owner | Party::OtherSiteCoordinator => Who::Coordinator,
            Party::Admin => Who::Admin,
            Party::Teacher | Party::OtherCohortInstructor | Party::RemovedInstructor => Who::Instructor,
            Party::Person | Party::OtherTrainee | Party::TransferredTrainee => Who::Trainee,
            Party::Anonymous => Who::Anonymous,
        }
    }

    /// May see the person's whole NIK: the coordinators of the record's site and admins.
    fn sees_whole_nik(self) -> bool {
        matches!(self, Party::Owner | Party::Admin)
    }

    /// May see the person's phone: staff who can reach them, and the person.
    fn sees_phone(self) -> bool {
        matches!(self, Party::Owner | Party::Admin | Party::Teacher | Party::Person)
    }
}

const NAME: &str = "Sri Wahyuningsih Objekta";

/// A key limited to the owner's site, made at the command line: only admins manage keys.
async fn integration_key(app: &TestApp, db: &sea_orm::DatabaseConnection) -> i64 {
    use siap_jepang::integrations::{dto::NewKeyInput, service};
    let input = NewKeyInput {
        name: "SISKOP2MI Objekta".into(),
        scopes: vec!["trainees:read".into(), "pii:read".into()],
        sites: vec![app.site("BBPLK-SRG").to_string()],
        expires_days: String::new(),
    };
    service::create_key(app.env(db), service::Operator::CommandLine, &input)
        .await
        .expect("key made")
        .id
        .get()
}

struct World {
    app: TestApp,
    ids: Ids,
    /// The person's whole NIK.
    nik: String,
    clients: BTreeMap<Party, reqwest::Client>,
}

/// The person's enrollment letter, issued by their coordinator (the site's signatory and
/// numbering set first).
async fn enrollment_letter(app: &TestApp, owner: &Actor, enrollment: i64) -> i64 {
    let env = app.env(&app.state.db);
    let client = RequestClient::default();
    let admin = Actor::new(owner.user_id, Role::Admin, &[]);
    siap_jepang::certificates::service::save_settings(
        env,
        &client,
        &admin,
        &siap_jepang::certificates::model::SettingsInput {
            site_id: owner.site_ids[0].to_string(),
            signatory_name: "Ir. Hendra Kusuma".into(),
            signatory_position: "Kepala BBPLK Serang".into(),
            certificate_pattern: "{seq}/SJ/{site}/{month_roman}/{year}".into(),
            letter_pattern: "{seq}/SK/{site}/{month_roman}/{year}".into(),
        },
    )
    .await
    .expect("settings saved");
    siap_jepang::certificates::service::issue(
        env,
        &client,
        owner,
        &siap_jepang::certificates::dto::IssueInput {
            enrollment_id: enrollment.to_string(),
            kind: "letter".into(),
        },
        "http://127.0.0.1",
    )
    .await
    .expect("letter issued")
    .documents[0]
        .id
}

/// Two sites' worth of people and rows: everything the matrix asks about belongs to
/// BBPLK Serang, its cohort JP-OBJ-A and the trainee Sri.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let (a, b) = ("BBPLK-SRG", "POS-TNG");
    let owner = app.user(Role::Coordinator, "rina@uji.id", &[a]).await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let teacher = app.user(Role::Instructor, "sensei@uji.id", &[a]).await;
    let removed = app.user(Role::Instructor, "mantan@uji.id", &[a]).await;
    let other_instructor = app.user(Role::Instructor, "guru@uji.id", &[b]).await;
    app.user(Role::Coordinator, "dodi@uji.id", &[b]).await;
    let person = app.user_named(Role::Trainee, "0812-7777-3131", NAME, &[a]).await;
    let transferred = app.user(Role::Trainee, "0812-7777-5353", &[a]).await;
    let other_trainee = app.user(Role::Trainee, "0812-7777-4242", &[b]).await;

    let dates = ("2026-01-05", "2027-12-31");
    let cohort = app
        .cohort("JP-OBJ-A", a, dates, &[teacher, removed], &[person, transferred])
        .await;
    let elsewhere_at_a = app.cohort("JP-OBJ-C", a, dates, &[teacher], &[]).await;
    app.cohort("JP-OBJ-B", b, dates, &[other_instructor], &[other_trainee])
        .await;
    let session = app
        .session(
            cohort,
            "2027-02-01T01:00:00Z",
            "2027-02-01T05:00:00Z",
            Some(teacher),
            None,
        )
        .await;
    // A session the removed instructor taught: released when they leave the cohort.
    app.session(
        cohort,
        "2027-02-02T01:00:00Z",
        "2027-02-02T05:00:00Z",
        Some(removed),
        None,
    )
    .await;
    let (record, enrollment) = app.record_and_enrollment(person, cohort).await;
    let db = app.state.db.clone();
    let env = app.env(&db);
    let client = RequestClient::default();
    let owner_actor = Actor::new(owner, Role::Coordinator, &[app.site(a)]);

    // The instructor taken off the cohort, the way a coordinator does it.
    let form = siap_jepang::cohorts::service::cohort_form(env, &owner_actor, Some(cohort.into()))
        .await
        .expect("cohort form");
    let mut input = siap_jepang::cohorts::model::CohortInput {
        code: form.values.code.clone(),
        course_id: form.values.course_id.map(|id| id.to_string()).unwrap_or_default(),
        programme_id: form
            .values
            .programme_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        site_id: form.values.site_id.map(|id| id.to_string()).unwrap_or_default(),
        room_id: String::new(),
        capacity: form.values.capacity.clone(),
        starts_on: form.values.starts_on.clone(),
        ends_on: form.values.ends_on.clone(),
        attendance_threshold: form.values.attendance_threshold.clone(),
        status: "running".into(),
        instructor_ids: vec![teacher],
    };
    input.instructor_ids = vec![teacher];
    siap_jepang::cohorts::service::update_cohort(env, &client, &owner_actor, cohort.into(), &input)
        .await
        .expect("instructor removed");

    // The trainee transferred out of the cohort into another at the site.
    let (_, moved) = app.record_and_enrollment(transferred, cohort).await;
    siap_jepang::trainees::service::change_status(
        env,
        &client,
        &owner_actor,
        moved.into(),
        &siap_jepang::trainees::service::StatusChange {
            status: "transferred".into(),
            reason: "Pindah kelas sore".into(),
            date: String::new(),
            target_cohort: elsewhere_at_a.to_string(),
        },
    )
    .await
    .expect("transferred");

    // The person's own rows: an excuse with a doctor's note, a document with its scan, an
    // official result; the cohort's assessment; the site's day off; an import.
    let person_actor = Actor::new(person, Role::Trainee, &[app.site(a)]);
    siap_jepang::attendance::service::request_excuse(
        env,
        &client,
        &person_actor,
        &siap_jepang::attendance::model::excuse::ExcuseInput {
            session_id: session.to_string(),
            kind: "sakit".into(),
            reason: "Demam".into(),
        },
        Some(TINY_PNG),
    )
    .await
    .expect("excuse asked");
    let (_, scan_of) = siap_jepang::readiness::service::upload_scan(
        env,
        &client,
        &person_actor,
        None,
        "paspor",
        TINY_PNG.to_vec(),
    )
    .await
    .expect("scan uploaded");
    assert_eq!(scan_of, record);
    siap_jepang::readiness::service::record_result(
        env,
        &client,
        &owner_actor,
        siap_jepang::kernel::TraineeId(record),
        &siap_jepang::readiness::service::ResultInput {
            kind: "jft_basic".into(),
            score: "215".into(),
            passed: "on".into(),
            taken_on: "2026-11-02".into(),
            ..Default::default()
        },
    )
    .await
    .expect("result recorded");
    let teacher_actor = Actor::new(teacher, Role::Instructor, &[app.site(a)]);
    let (assessment, _) = siap_jepang::readiness::service::create_assessment(
        env,
        &client,
        &teacher_actor,
        cohort.into(),
        &siap_jepang::readiness::service::NewAssessment {
            kind: "quiz".into(),
            title: "Kuis bab 3".into(),
            held_on: "2026-11-20".into(),
            max_score: "100".into(),
            pass_score: "60".into(),
        },
    )
    .await
    .expect("assessment created");
    siap_jepang::schedule::service::save_closure(
        env,
        &client,
        &owner_actor,
        &siap_jepang::schedule::dto::ClosureInput {
            site_id: app.site(a).to_string(),
            date: "2027-03-03".into(),
            name: "Hari jadi BBPLK".into(),
        },
    )
    .await
    .expect("closure saved");

    let mut clients = BTreeMap::new();
    for party in Party::ALL {
        let client = match party.login() {
            Some(login) => app.signed_in(login).await,
            None => app.client(),
        };
        clients.insert(party, client);
    }
    let import = app
        .upload_roster(
            &clients[&Party::Owner],
            a,
            None,
            "nik;nama\n3673010101900001;Budi\n",
        )
        .await
        .expect("roster staged");

    let single = |sql: String| {
        let db = db.clone();
        async move {
            let backend = db.get_database_backend();
            let row =
                sea_orm::ConnectionTrait::query_one_raw(&db, sea_orm::Statement::from_string(backend, sql))
                    .await
                    .expect("query")
                    .expect("a row");
            row.try_get_by_index::<i64>(0).expect("an id")
        }
    };
    let ids = Ids {
        target: person,
        cohort,
        session,
        record,
        enrollment,
        import,
        account: person,
        // The person's own sign-in on their phone.
        login_session: single(format!("SELECT MAX(id) FROM sessions WHERE user_id = {person}")).await,
        excuse: single("SELECT MAX(id) FROM excuses".into()).await,
        result: single("SELECT MAX(id) FROM official_results".into()).await,
        document: single("SELECT MAX(id) FROM trainee_documents".into()).await,
        assessment,
        closure: single("SELECT MAX(id) FROM site_closures".into()).await,
        site: app.site(a),
        key: integration_key(&app, &db).await,
        paper: enrollment_letter(&app, &owner_actor, enrollment).await,
    };
    let nik = {
        use sea_orm::EntityTrait;
        siap_jepang::entities::trainees::Entity::find_by_id(record)
            .one(&db)
            .await
            .unwrap()
            .expect("record")
            .nik
    };
    World {
        app,
        ids,
        nik,
        clients,
    }
}

/// One request of the matrix, built for a set of ids.
#[derive(Clone)]
enum Call {
    Function {
        path: &'static str,
        access: Access,
        args: Vec<(&'static str, String)>,
    },
    Page {
        route: &'static str,
        path: String,
        access: Access,
    },
    File(usize),
}

impl Call {
    fn name(&self, files: &[FileRow]) -> String {
        match self {
            Call::Function { path, .. } => (*path).to_owned(),
            Call::Page { route, .. } => format!("page {route}"),
            Call::File(n) => format!("{} {}", files[*n].method, files[*n].route),
        }
    }

    fn access(&self, files: &[FileRow]) -> Access {
        match self {
            Call::Function { access, .. } | Call::Page { access, .. } => *access,
            Call::File(n) => files[*n].access,
        }
    }
}

/// Every request of the app, for `ids`, in a fixed order.
fn calls(ids: Ids) -> (Vec<Call>, Vec<FileRow>) {
    let mut calls: Vec<Call> = server_function_rows(ids)
        .into_iter()
        .map(|(path, access, args)| Call::Function { path, access, args })
        .collect();
    calls.extend(
        page_rows(ids)
            .into_iter()
            .map(|(route, path, access)| Call::Page { route, path, access }),
    );
    let files = file_rows(ids);
    calls.extend((0..files.len()).map(Call::File));
    (calls, files)
}

fn request_of(call: &Call, files: &[FileRow]) -> String {
    match call {
        Call::Function { args, .. } => format!("{args:?}"),
        Call::Page { path, .. } => path.clone(),
        Call::File(n) => format!("{} {:?}", files[*n].path, files[*n].form),
    }
}

/// The calls whose request depends on the ids (they take one), paired: for the real ids
/// and for ids of nothing.
fn object_calls(real: Ids) -> Vec<(Call, Call, Vec<FileRow>, Vec<FileRow>)> {
    let (with_real, real_files) = calls(real);
    let (with_missing, missing_files) = calls(Ids::MISSING);
    with_real
        .into_iter()
        .zip(with_missing)
        .filter(|(a, b)| request_of(a, &real_files) != request_of(b, &missing_files))
        .map(|(a, b)| (a, b, file_rows(real), file_rows(Ids::MISSING)))
        .collect()
}

/// What came back: status, where it leads, the error (JSON `error`, or a flash's), and the
/// body.
struct Answer {
    status: u16,
    location: String,
    error: String,
    body: String,
}

async fn send(app: &TestApp, client: &reqwest::Client, call: &Call, files: &[FileRow]) -> Answer {
    let methods = server_fn_methods();
    let response = match call {
        Call::Function { path, args, .. } => {
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if methods[*path] == "GET" {
                app.get_api(client, &format!("{path}?{}", serde_urlencoded_like(&args)))
                    .await
            } else {
                app.call(client, path, &args).await
            }
        }
        Call::Page { path, .. } => app.get(client, path).await,
        Call::File(n) => send_file_row(app, client, &files[*n]).await,
    };
    let status = response.status().as_u16();
    let location = location(&response);
    let flash = flash_error_value(&response)
        .map(|error| error.to_string())
        .unwrap_or_default();
    let body = response.text().await.unwrap_or_default();
    let error = match serde_json::from_str::<Value>(&body) {
        Ok(value) if status >= 400 => value.to_string(),
        _ => flash,
    };
    Answer {
        status,
        location,
        error,
        body,
    }
}

/// The error variant carried back in a flash cookie (a form post refused), if any.
pub fn flash_error(response: &reqwest::Response) -> String {
    flash_error_value(response)
        .map(|error| variant(&error))
        .unwrap_or_default()
}

/// The whole error carried back in a flash cookie (which field, which problem), if any.
fn flash_error_value(response: &reqwest::Response) -> Option<Value> {
    use base64::Engine as _;
    let cookie = response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("sj_flash="))
        .and_then(|v| v.split(';').next())
        .unwrap_or_default()
        .to_owned();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cookie)
        .ok()
        .and_then(|json| serde_json::from_slice::<Value>(&json).ok())
        .map(|flash| flash["error"].clone())
        .filter(|error| !error.is_null())
}

/// Every row of every table but the sign-in sessions (touched on each request), so that a
/// refused call can be shown to have written nothing.
async fn snapshot(app: &TestApp) -> Vec<(String, Vec<Value>)> {
    use sea_orm::{FromQueryResult, Statement};
    let backend = app.state.db.get_database_backend();
    let mut tables = Vec::new();
    for (table, _) in crate::platform::ownership::TABLE_OWNERS {
        if *table == "sessions" {
            continue;
        }
        let rows = sea_orm::JsonValue::find_by_statement(Statement::from_string(
            backend,
            format!("SELECT * FROM {table} ORDER BY 1"),
        ))
        .all(&app.state.db)
        .await
        .expect("table readable");
        tables.push(((*table).to_owned(), rows));
    }
    tables
}

/// The person's data (and the rows' own) an answer must not carry to `party`, who may not
/// see them.
fn leaks(world: &World, party: Party, body: &str) -> Vec<&'static str> {
    let masked = format!("{}********{}", &world.nik[..4], &world.nik[12..]);
    let mut found = Vec::new();
    for (marker, what) in [
        ("JP-OBJ-A", "cohort"),
        ("Kuis bab 3", "assessment"),
        ("Demam", "excuse"),
    ] {
        if body.contains(marker) {
            found.push(what);
        }
    }
    // A site's day off is known to everyone at the site, and to no one else.
    let at_the_site = matches!(party, Party::RemovedInstructor | Party::TransferredTrainee);
    if !at_the_site && body.contains("Hari jadi BBPLK") {
        found.push("site's day off");
    }
    if body.contains(NAME) {
        found.push("name");
    }
    if body.contains(&world.nik) {
        found.push("whole NIK");
    }
    if body.contains(&masked) {
        found.push("masked NIK");
    }
    if phone_in(body) {
        found.push("phone");
    }
    found
}

fn phone_in(body: &str) -> bool {
    [
        "+6281277773131",
        "0812-7777-3131",
        "081277773131",
        "6281277773131",
    ]
    .iter()
    .any(|form| body.contains(form))
}

#[tokio::test]
async fn nobody_outside_a_rows_scope_reaches_it_or_learns_it_exists() {
    let world = world().await;
    let app = &world.app;
    let pairs = object_calls(world.ids);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (real, missing, real_files, missing_files) in &pairs {
        let name = real.name(real_files);
        let access = real.access(real_files);
        let before = snapshot(app).await;
        for party in Party::OUTSIDERS {
            let client = &world.clients[&party];
            let got = send(app, client, real, real_files).await;
            let nothing = send(app, client, missing, missing_files).await;
            checked += 1;
            let same = got.status == nothing.status
                && got.error == nothing.error
                && got.location.split('?').next() == nothing.location.split('?').next();
            if !same {
                failures.push(format!(
                    "{party:?} {name}: {} {} {} for the row, {} {} {} for nothing",
                    got.status, got.error, got.location, nothing.status, nothing.error, nothing.location
                ));
            }
            let filter = matches!(real, Call::Function { path, .. } if FILTERS_AND_CHOICES.contains(path));
            let past_role_gate = access.allows(party.who()) && party != Party::Anonymous && !filter;
            if past_role_gate && got.status != 404 && (got.status != 303 || got.error.is_empty()) {
                failures.push(format!(
                    "{party:?} {name}: {} {}, expected 404",
                    got.status, got.error
                ));
            }
            let leaked = leaks(&world, party, &got.body);
            if !leaked.is_empty() {
                failures.push(format!(
                    "{party:?} {name}: the answer shows the person's {leaked:?}"
                ));
            }
        }
        if snapshot(app).await != before {
            failures.push(format!("{name}: a refused call changed the database"));
        }
    }
    // The matrix is as big as the app: every row that takes an id, by six people.
    assert!(pairs.len() >= 50, "only {} rows take an id", pairs.len());
    assert_eq!(checked, pairs.len() * Party::OUTSIDERS.len());
    println!(
        "object-scope matrix: {} rows taking an id x {} parties = {checked} calls, each against an id of nothing",
        pairs.len(),
        Party::OUTSIDERS.len()
    );
    assert!(
        failures.is_empty(),
        "object-scope violations ({}):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn whole_niks_and_phones_reach_only_those_the_rule_allows() {
    let world = world().await;
    let app = &world.app;
    let (calls, files) = calls(world.ids);
    let methods = server_fn_methods();
    let reads: Vec<&Call> = calls
        .iter()
        .filter(|call| match call {
            Call::Function { path, .. } => methods[*path] == "GET",
            Call::Page { .. } => true,
            Call::File(n) => files[*n].method == "GET",
        })
        .collect();
    let mut failures = Vec::new();
    let mut whole_nik_seen_by = Vec::new();
    let mut phone_seen_by = Vec::new();
    for call in &reads {
        let name = call.name(&files);
        for party in Party::ALL {
            let got = send(app, &world.clients[&party], call, &files).await;
            if got.body.contains(&world.nik) {
                whole_nik_seen_by.push((party, name.clone()));
                if !party.sees_whole_nik() {
                    failures.push(format!("{party:?} {name}: the whole NIK"));
                }
            }
            if phone_in(&got.body) {
                phone_seen_by.push((party, name.clone()));
                if !party.sees_phone() {
                    failures.push(format!("{party:?} {name}: the phone number"));
                }
            }
        }
    }
    // The rule is exercised, not vacuous: the record's coordinator reads the whole NIK on
    // the record and its export; the cohort's instructor reaches the person by phone on
    // the roster and its export, with the NIK masked there.
    for (party, name) in [
        (Party::Owner, "page /peserta/{id}"),
        (Party::Owner, "GET /peserta/ekspor"),
        (Party::Admin, "/api/trainees/get"),
    ] {
        assert!(
            whole_nik_seen_by.contains(&(party, name.to_owned())),
            "{party:?} should read the whole NIK in {name}"
        );
    }
    for (party, name) in [
        (Party::Teacher, "/api/trainees/roster"),
        (Party::Teacher, "GET /angkatan/{id}/peserta/ekspor"),
        (Party::Owner, "page /angkatan/{id}/peserta"),
        (Party::Person, "/api/trainees/profile"),
    ] {
        assert!(
            phone_seen_by.contains(&(party, name.to_owned())),
            "{party:?} should reach the person by phone in {name}"
        );
    }
    println!(
        "personal-data rule: {} reads x {} parties",
        reads.len(),
        Party::ALL.len()
    );
    assert!(
        failures.is_empty(),
        "personal data shown beyond the rule:\n{}",
        failures.join("\n")
    );
}

/// Rows whose id is a list's filter or a form's choice rather than a row to fetch: an id out
/// of reach is taken like one that does not exist (an empty list, "not a valid choice"),
/// which the comparison with an id of nothing shows; they are not 404s.
const FILTERS_AND_CHOICES: &[&str] = &["/api/schedule/calendar", "/api/schedule/save-closure"];

/// Rows whose id names something no site owns: a national holiday, a programme's
/// requirements. Admins keep them; the role matrix covers them.
const SHARED_ROWS: &[&str] = &["/api/schedule/delete-holiday", "/api/readiness/save-rules"];

#[test]
fn every_row_that_names_an_id_takes_it_from_the_fixture() {
    // A row that hard-codes an id would escape the object matrix: every argument that is
    // an id, and every page or file address with one, must change with the ids given.
    let other = Ids {
        target: 11,
        cohort: 12,
        session: 13,
        record: 14,
        enrollment: 15,
        import: 16,
        account: 17,
        login_session: 18,
        excuse: 19,
        result: 20,
        document: 21,
        assessment: 22,
        closure: 23,
        site: 24,
        key: 25,
        paper: 26,
    };
    let (a, a_files) = calls(other);
    let (b, b_files) = calls(Ids::MISSING);
    let mut fixed = Vec::new();
    for (x, y) in a.iter().zip(&b) {
        let names_an_id = match x {
            Call::Function { args, .. } => args.iter().any(|(key, value)| {
                (key.ends_with("_id") || key.ends_with("[site]") || key.ends_with("[cohort]"))
                    && value.parse::<i64>().is_ok()
            }),
            // A code in the address (`/verifikasi/{code}`) is a capability, not an id.
            Call::Page { route, .. } => route.contains("{id}"),
            Call::File(n) => a_files[*n].route.contains("{id}") || !a_files[*n].form.is_empty(),
        };
        let shared = matches!(x, Call::Function { path, .. } if SHARED_ROWS.contains(path));
        if names_an_id && !shared && request_of(x, &a_files) == request_of(y, &b_files) {
            fixed.push(x.name(&a_files));
        }
    }
    assert!(fixed.is_empty(), "take these rows' ids from `Ids`: {fixed:?}");
}
