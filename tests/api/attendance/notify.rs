//! Telling trainees that their session moved: whoever moves or cancels it sees everyone
//! committed to the cohort with a one-tap WhatsApp link (the number normalised, the
//! message in Indonesian with the change and the reason) and the message for the group;
//! nobody else does.

use crate::support::schedule::{cancel_session, plan};
use crate::support::*;
use sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use siap_jepang::entities::trainees;
use siap_jepang::kernel::Role;

/// Sets the phone on the trainee record of account `user_id`, as it may have been typed
/// before numbers were normalised (or none).
async fn set_phone(app: &TestApp, user_id: i64, phone: Option<&str>) {
    trainees::Entity::update_many()
        .col_expr(trainees::Column::Phone, Expr::value(phone.map(str::to_owned)))
        .filter(trainees::Column::UserId.eq(user_id))
        .exec(&app.state.db)
        .await
        .unwrap();
}

async fn notice_of(app: &TestApp, client: &reqwest::Client, session: i64) -> (u16, Value) {
    error_of(
        app.get_api(
            client,
            &format!("/api/attendance/change-notice?session_id={session}"),
        )
        .await,
    )
    .await
}

/// The trainee of `notice` named `name`.
fn person<'a>(notice: &'a Value, name: &str) -> &'a Value {
    notice["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {notice}"))
}

#[tokio::test]
async fn whoever_moves_a_session_sees_whom_to_tell_with_whatsapp_links_and_the_group_message() {
    let plan = plan().await;
    let app = &plan.app;
    let in_cohort = |login: &'static str, name: &'static str| async move {
        let user = app.user_named(Role::Trainee, login, name, &["BBPLK-SRG"]).await;
        app.enroll_active(plan.cohort, user).await;
        user
    };
    in_cohort("0812-1000-0002", "Ani Rahma").await;
    let budi = in_cohort("0812-1000-0003", "Budi Santoso").await;
    set_phone(app, budi, Some("0812 3456 7890")).await;
    let citra = in_cohort("0812-1000-0004", "Citra Lestari").await;
    set_phone(app, citra, None).await;
    let elsewhere = app
        .user_named(Role::Trainee, "0812-1000-0005", "Dedi Lain", &["BBPLK-SRG"])
        .await;
    app.enroll_active(plan.other_cohort, elsewhere).await;
    let room = app.room("BBPLK-SRG", "Lab Bahasa A", 40).await;
    let session = app
        .session(
            plan.cohort,
            "2027-03-01T01:00:00Z",
            "2027-03-01T05:00:00Z",
            Some(plan.sensei),
            None,
        )
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let page = format!("/sesi/{session}");

    // As planned: nothing to tell.
    assert_eq!(notice_of(app, &coordinator, session).await, (200, Value::Null));
    let html = app.get(&coordinator, &page).await.text().await.unwrap();
    assert!(!html.contains("Kabari peserta"));

    // Moved from its page without JavaScript: back on the page, whom to tell is there.
    let id = session.to_string();
    let (sensei, room) = (plan.sensei.to_string(), room.to_string());
    let response = app
        .post_form_from(
            &coordinator,
            &page,
            "/api/schedule/move",
            &[
                ("session_id", id.as_str()),
                ("date", "2027-03-02"),
                ("start_time", "10:00"),
                ("end_time", "12:00"),
                ("instructor_id", sensei.as_str()),
                ("room_id", room.as_str()),
                ("reason", "Pengajar ada pelatihan"),
            ],
        )
        .await;
    assert_eq!(
        (response.status().as_u16(), location(&response)),
        (303, page.clone())
    );
    let message = "Perubahan jadwal kelas JP-SSW-2027-03: sesi Senin, 1 Maret 2027, 08.00–12.00 WIB \
                   dipindah ke Selasa, 2 Maret 2027, 10.00–12.00 WIB, ruang Lab Bahasa A. \
                   Alasan: Pengajar ada pelatihan.";
    let (status, notice) = notice_of(app, &coordinator, session).await;
    assert_eq!(status, 200, "{notice}");
    assert_eq!(notice["group_message"], message);
    assert_eq!(notice["change"]["status"], "Moved");
    let names: Vec<&str> = notice["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec!["Ani Rahma", "Budi Santoso", "Citra Lestari", "Uji trainee"],
        "everyone in the cohort, by name, nobody from another"
    );
    let ani = person(&notice, "Ani Rahma");
    assert_eq!(ani["phone"], "0812-1000-0002");
    let link = ani["whatsapp"].as_str().unwrap();
    assert!(
        link.starts_with("https://wa.me/6281210000002?text=Halo%20Ani%20Rahma.%20Perubahan%20jadwal%20kelas%20JP-SSW-2027-03"),
        "{link}"
    );
    assert!(
        link.ends_with("Alasan%3A%20Pengajar%20ada%20pelatihan."),
        "{link}"
    );
    assert!(
        link.contains("dipindah%20ke%20Selasa%2C%202%20Maret%202027"),
        "{link}"
    );
    // A number typed the old way is normalised for the link.
    assert!(person(&notice, "Budi Santoso")["whatsapp"]
        .as_str()
        .unwrap()
        .starts_with("https://wa.me/6281234567890?text="));
    let citra = person(&notice, "Citra Lestari");
    assert!(citra["phone"].is_null() && citra["whatsapp"].is_null());

    let html = app.get(&coordinator, &page).await.text().await.unwrap();
    assert!(html.contains("Kabari peserta"), "{html}");
    assert!(html.contains("href=\"https://wa.me/6281210000002?text=Halo%20Ani%20Rahma."));
    assert!(html.contains("tanpa nomor HP"));
    assert!(!html.contains("Dedi Lain"));
    // The group's message in a read-only box, to copy without JavaScript too.
    let box_at = html.find("id=\"group-message\"").expect("the message box");
    let textarea = &html[html[..box_at].rfind('<').unwrap()..];
    let tag = &textarea[..textarea.find('>').unwrap()];
    assert!(tag.starts_with("<textarea") && tag.contains("readonly"), "{tag}");
    assert!(textarea.contains(message));

    // Cancelled: told as such, with its reason.
    cancel_session(app, &coordinator, session, "Banjir").await;
    let (_, notice) = notice_of(app, &coordinator, session).await;
    assert_eq!(notice["change"]["status"], "Cancelled");
    assert_eq!(
        notice["group_message"],
        "Perubahan jadwal kelas JP-SSW-2027-03: sesi Selasa, 2 Maret 2027, 10.00–12.00 WIB \
         dibatalkan. Alasan: Banjir."
    );
    let html = app.get(&coordinator, &page).await.text().await.unwrap();
    assert!(html.contains("Kabari peserta") && html.contains("Sesi ini dibatalkan."));
}

#[tokio::test]
async fn whom_to_tell_is_refused_to_those_who_may_not_move_the_session() {
    let plan = plan().await;
    let app = &plan.app;
    let session = app
        .session(
            plan.cohort,
            "2027-03-01T01:00:00Z",
            "2027-03-01T05:00:00Z",
            Some(plan.sensei),
            None,
        )
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    cancel_session(app, &coordinator, session, "Banjir").await;
    app.user(Role::Instructor, "guru@uji.id", &["BBPLK-SRG"]).await;
    app.user(Role::Coordinator, "tangerang@uji.id", &["POS-TNG"])
        .await;
    for (login, expected) in [
        // The cohort's own instructor takes its roll calls but does not move its sessions.
        ("sensei@uji.id", 403),
        ("guru@uji.id", 403),
        ("0812-1000-0001", 403),
        // Past the role gate, another site's session looks missing.
        ("tangerang@uji.id", 404),
    ] {
        let client = app.signed_in(login).await;
        let (status, answer) = notice_of(app, &client, session).await;
        assert_eq!(status, expected, "{login}: {answer}");
        assert!(!answer.to_string().contains("wa.me"), "{login}");
        let html = app
            .get(&client, &format!("/sesi/{session}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            !html.contains("Kabari peserta") && !html.contains("wa.me"),
            "{login}"
        );
    }
    let (status, _) = notice_of(app, &app.client(), session).await;
    assert_eq!(status, 401);
}
