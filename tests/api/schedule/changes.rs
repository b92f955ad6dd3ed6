//! Schedule changes told to trainees: "Perubahan jadwal" on `/jadwal` lists the classes of
//! their cohorts moved or cancelled since they last dismissed it, and dismissing it is
//! harmless however it is sent.

use crate::support::schedule::{cancel_session, move_session, plan, Plan};
use crate::support::*;
use serde_json::Value;
use siap_jepang::entities::schedule_changes_seen;
use siap_jepang::kernel::Role;
use time::Duration;

/// The plan's cohort with two of its sessions (Monday 1 and Friday 5 March 2027, 08.00–12.00
/// WIB), a session of the other cohort, a room, and a trainee of the other cohort.
struct Changes {
    plan: Plan,
    monday: i64,
    friday: i64,
    elsewhere: i64,
    room: i64,
}

async fn changes_fixture() -> Changes {
    let plan = plan().await;
    let app = &plan.app;
    let session = |cohort: i64, day: &str| {
        let (start, end) = (format!("{day}T01:00:00Z"), format!("{day}T05:00:00Z"));
        async move { app.session(cohort, &start, &end, Some(plan.sensei), None).await }
    };
    let monday = session(plan.cohort, "2027-03-01").await;
    let friday = session(plan.cohort, "2027-03-05").await;
    let elsewhere = session(plan.other_cohort, "2027-03-04").await;
    let other = app.user(Role::Trainee, "0812-1000-0002", &["BBPLK-SRG"]).await;
    app.enroll_active(plan.other_cohort, other).await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa A", 40).await;
    Changes {
        plan,
        monday,
        friday,
        elsewhere,
        room,
    }
}

async fn changes_of(app: &TestApp, client: &reqwest::Client) -> Value {
    let response = app.get_api(client, "/api/schedule/changes").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The ids of the sessions a notice lists, in order.
fn listed(changes: &Value) -> Vec<i64> {
    changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["session_id"].as_i64().unwrap())
        .collect()
}

/// The value the page's dismiss form carries, as a browser without JavaScript sends it.
fn dismiss_value(html: &str) -> String {
    let marker = "name=\"seen_up_to\" value=\"";
    let at = html.find(marker).expect("the dismiss form") + marker.len();
    html[at..].split('"').next().unwrap().to_owned()
}

const HEADING: &str = "id=\"changes-heading\"";

#[tokio::test]
async fn a_trainee_sees_their_cohorts_moved_and_cancelled_classes_until_they_dismiss_them() {
    let fixture = changes_fixture().await;
    let (app, plan) = (&fixture.plan.app, &fixture.plan);
    let coordinator = app.signed_in("rina@uji.id").await;
    let trainee = app.signed_in("0812-1000-0001").await;
    let other = app.signed_in("0812-1000-0002").await;
    assert_eq!(listed(&changes_of(app, &trainee).await), Vec::<i64>::new());

    move_session(
        app,
        &coordinator,
        fixture.monday,
        ("2027-03-02", "10:00", "12:00"),
        (Some(plan.sensei), Some(fixture.room)),
        "Pengajar ada pelatihan",
    )
    .await;
    cancel_session(app, &coordinator, fixture.friday, "Libur daerah").await;

    let seen = changes_of(app, &trainee).await;
    assert_eq!(listed(&seen), vec![fixture.monday, fixture.friday]);
    let moved = &seen["changes"][0];
    assert_eq!(moved["status"], "Moved");
    assert_eq!(moved["cohort"], "JP-SSW-2027-03");
    assert_eq!(moved["was_starts_at"], "2027-03-01T01:00:00Z");
    assert_eq!(moved["starts_at"], "2027-03-02T03:00:00Z");
    assert_eq!(moved["ends_at"], "2027-03-02T05:00:00Z");
    assert_eq!(moved["room"], "Lab Bahasa A");
    assert_eq!(moved["reason"], "Pengajar ada pelatihan");
    let cancelled = &seen["changes"][1];
    assert_eq!(cancelled["status"], "Cancelled");
    assert_eq!(cancelled["was_starts_at"], "2027-03-05T01:00:00Z");
    assert_eq!(cancelled["reason"], "Libur daerah");
    assert!(seen["latest"].is_string());
    // Another cohort's trainee is told nothing of it; staff have no notice.
    assert_eq!(listed(&changes_of(app, &other).await), Vec::<i64>::new());
    let (status, _) = error_of(app.get_api(&coordinator, "/api/schedule/changes").await).await;
    assert_eq!(status, 403);
    let staff_page = app.get(&coordinator, "/jadwal").await.text().await.unwrap();
    assert!(!staff_page.contains(HEADING));
    let other_page = app.get(&other, "/jadwal").await.text().await.unwrap();
    assert!(!other_page.contains(HEADING));

    // The page says it plainly, and where the calendar feed is.
    let html = app.get(&trainee, "/jadwal").await.text().await.unwrap();
    assert!(
        html.contains(HEADING) && html.contains("Perubahan jadwal"),
        "{html}"
    );
    assert!(html.contains(
        "JP-SSW-2027-03: dipindah dari Senin, 1 Maret 2027, 08.00–12.00 WIB ke Selasa, 2 Maret 2027, 10.00–12.00 WIB."
    ));
    assert!(html.contains("JP-SSW-2027-03: Jumat, 5 Maret 2027, 08.00–12.00 WIB dibatalkan."));
    assert!(html.contains("Lab Bahasa A") && html.contains("Libur daerah"));
    assert!(html.contains("href=\"/jadwal#kalender\""));

    // Dismissed the way a browser without JavaScript does: back to the schedule, gone.
    let response = app
        .post_form_from(
            &trainee,
            "/jadwal",
            "/api/schedule/changes-seen",
            &[("seen_up_to", &dismiss_value(&html))],
        )
        .await;
    assert_eq!(
        (response.status().as_u16(), location(&response)),
        (303, "/jadwal".to_owned())
    );
    let after = app.get(&trainee, "/jadwal").await.text().await.unwrap();
    assert!(!after.contains(HEADING));
    assert!(after.contains("Pemberitahuan perubahan jadwal ditutup"));
    let empty = changes_of(app, &trainee).await;
    assert_eq!(listed(&empty), Vec::<i64>::new());
    assert!(empty["latest"].is_null());

    // A later change shows again, alone; a change to another cohort does not.
    app.advance(Duration::minutes(1));
    move_session(
        app,
        &coordinator,
        fixture.monday,
        ("2027-03-03", "10:00", "12:00"),
        (Some(plan.sensei), None),
        "Ruang dipakai ujian",
    )
    .await;
    cancel_session(app, &coordinator, fixture.elsewhere, "Pengajar sakit").await;
    let again = changes_of(app, &trainee).await;
    assert_eq!(listed(&again), vec![fixture.monday]);
    assert_eq!(again["changes"][0]["starts_at"], "2027-03-03T03:00:00Z");
    assert_eq!(
        again["changes"][0]["was_starts_at"], "2027-03-01T01:00:00Z",
        "told from the time first planned"
    );
    assert_eq!(listed(&changes_of(app, &other).await), vec![fixture.elsewhere]);
}

#[tokio::test]
async fn dismissing_twice_with_nonsense_or_a_future_instant_hides_nothing_to_come() {
    let fixture = changes_fixture().await;
    let app = &fixture.plan.app;
    let coordinator = app.signed_in("rina@uji.id").await;
    let trainee = app.signed_in("0812-1000-0001").await;
    let other = app.signed_in("0812-1000-0002").await;
    cancel_session(app, &coordinator, fixture.friday, "Banjir").await;
    let latest = changes_of(app, &trainee).await["latest"]
        .as_str()
        .unwrap()
        .to_owned();
    let dismiss = |client: &reqwest::Client, value: &str| {
        let (client, value) = (client.clone(), value.to_owned());
        async move {
            app.call(&client, "/api/schedule/changes-seen", &[("seen_up_to", &value)])
                .await
        }
    };

    // Not an instant: the bad-request answer, nothing marked; without JavaScript, back
    // to the page with the message.
    for nonsense in ["kemarin", "", "2027-13-45T99:00:00Z"] {
        let (status, error) = error_of(dismiss(&trainee, nonsense).await).await;
        assert_eq!(
            (status, variant(&error).as_str()),
            (400, "BadRequest"),
            "{nonsense:?}"
        );
    }
    let response = app
        .post_form_from(
            &trainee,
            "/jadwal",
            "/api/schedule/changes-seen",
            &[("seen_up_to", "kemarin")],
        )
        .await;
    assert_eq!(
        (response.status().as_u16(), location(&response)),
        (303, "/jadwal".to_owned())
    );
    let page = app.get(&trainee, "/jadwal").await.text().await.unwrap();
    assert!(page.contains("Permintaan tidak lengkap") && page.contains(HEADING));
    assert_eq!(listed(&changes_of(app, &trainee).await), vec![fixture.friday]);

    // Someone else's dismissal is theirs: another cohort's trainee sending this one's
    // instant changes nothing for this one; staff may not dismiss at all.
    assert_eq!(dismiss(&other, &latest).await.status(), 200);
    assert_eq!(listed(&changes_of(app, &trainee).await), vec![fixture.friday]);
    let (status, _) = error_of(dismiss(&coordinator, &latest).await).await;
    assert_eq!(status, 403);

    // Twice, then an older instant: still dismissed, the mark never moves back.
    assert_eq!(dismiss(&trainee, &latest).await.status(), 200);
    assert_eq!(dismiss(&trainee, &latest).await.status(), 200);
    assert_eq!(dismiss(&trainee, "2020-01-01T00:00:00Z").await.status(), 200);
    assert_eq!(listed(&changes_of(app, &trainee).await), Vec::<i64>::new());
    let mark = || async {
        use sea_orm::EntityTrait;
        schedule_changes_seen::Entity::find_by_id(fixture.plan.trainee)
            .one(&app.state.db)
            .await
            .unwrap()
            .expect("a mark")
            .seen_up_to
    };
    assert_eq!(siap_jepang::kernel::wib::rfc3339(mark().await), latest);

    // An instant in the future is taken as now: a change made later is shown.
    assert_eq!(dismiss(&trainee, "2099-01-01T00:00:00Z").await.status(), 200);
    assert!(mark().await <= app.state.clock.now());
    app.advance(Duration::minutes(1));
    cancel_session(app, &coordinator, fixture.monday, "Pengajar sakit").await;
    assert_eq!(listed(&changes_of(app, &trainee).await), vec![fixture.monday]);
}
