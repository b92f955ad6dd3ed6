use crate::support::*;
use siap_jepang::kernel::Role;

#[tokio::test]
async fn a_coordinator_creates_trainees_only_at_their_own_sites() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let other_site = app.site("POS-TNG").to_string();
    let (status, error) = error_of(
        app.call(
            &coordinator,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Andi"),
                ("phone", "0813-9494-1717"),
                ("sites[0]", &other_site),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("sites".to_owned(), "InvalidChoice".to_owned())]
    );
    let own_site = app.site("BBPLK-SRG").to_string();
    let (status, error) = error_of(
        app.call(
            &coordinator,
            "/api/users/create",
            &[
                ("role", "instructor"),
                ("display_name", "Sensei"),
                ("email", "s@uji.id"),
                ("sites[0]", &own_site),
            ],
        )
        .await,
    )
    .await;
    assert_eq!((status, variant(&error)), (403, "Forbidden".to_owned()));
    let ok = app
        .call(
            &coordinator,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Andi Saputra"),
                ("phone", "0813-9494-1717"),
                ("sites[0]", &own_site),
            ],
        )
        .await;
    assert_eq!(ok.status(), 200);
}

#[tokio::test]
async fn every_invalid_field_is_reported_at_once_and_nothing_is_saved() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let before = siap_jepang::entities::users::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    let (status, error) = error_of(
        app.call(
            &admin,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", " "),
                ("phone", "12345"),
                ("nik", "3673053208990002"),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    let problems = field_problems(&error);
    assert!(problems.contains(&("display_name".to_owned(), "Required".to_owned())));
    assert!(problems.contains(&("phone".to_owned(), "InvalidPhone".to_owned())));
    assert!(problems.contains(&("nik".to_owned(), "InvalidNik".to_owned())));
    assert!(problems.contains(&("sites".to_owned(), "ExactlyOneSite".to_owned())));
    let after = siap_jepang::entities::users::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_phone_or_nik_used_by_another_account_is_refused_as_taken() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user(Role::Trainee, "3673054708990002", &["UPT-SRG"]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let site = app.site("UPT-SRG").to_string();
    let (status, error) = error_of(
        app.call(
            &admin,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Dewi"),
                ("nik", "3673 0547 0899 0002"),
                ("sites[0]", &site),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("nik".to_owned(), "Taken".to_owned())]
    );
}

#[tokio::test]
async fn the_new_account_form_without_javascript_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let response = app
        .post_form(
            &admin,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Dewi Lestari"),
                ("phone", "0812-34"),
                ("nik", ""),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.get(&admin, "/pengguna/baru").await.text().await.unwrap();
    assert!(html.contains(r#"value="Dewi Lestari""#));
    assert!(html.contains(r#"value="0812-34""#));
    assert!(html.contains("Nomor HP tidak valid"));
    assert!(html.contains("Periksa kembali isian yang ditandai. Belum ada yang disimpan."));
}

#[tokio::test]
async fn a_created_account_shows_its_code_once_with_a_whatsapp_link() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let site = app.site("BBPLK-SRG").to_string();
    let response = app
        .post_form(
            &admin,
            "/api/users/create",
            &[
                ("role", "trainee"),
                ("display_name", "Bagus Hidayat"),
                ("phone", "0821-6060-2525"),
                ("sites[0]", &site),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let target = location(&response);
    assert!(target.starts_with("/pengguna/"));
    let html = app.get(&admin, &target).await.text().await.unwrap();
    assert!(html.contains("Akun dibuat. Kode aktivasi untuk Bagus Hidayat"));
    assert!(html.contains("https://wa.me/6282160602525?text="));
    let again = app.get(&admin, &target).await.text().await.unwrap();
    assert!(!again.contains("Akun dibuat."), "the code is shown only once");
}

#[tokio::test]
async fn coordinators_see_only_trainees_of_their_sites() {
    let app = TestApp::spawn().await;
    app.user(Role::Coordinator, "rina@uji.id", &["BBPLK-SRG"]).await;
    app.user_named(Role::Trainee, "0812-1000-0001", "Ani Serang", &["BBPLK-SRG"])
        .await;
    let outside = app
        .user_named(Role::Trainee, "0812-1000-0002", "Budi Tangerang", &["POS-TNG"])
        .await;
    app.user_named(Role::Instructor, "sensei@uji.id", "Sensei Serang", &["BBPLK-SRG"])
        .await;
    let coordinator = app.signed_in("rina@uji.id").await;
    let list: serde_json::Value = app
        .get_api(&coordinator, "/api/users/list?filter[q]=")
        .await
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Ani Serang"]);
    let (status, _) = error_of(
        app.get_api(&coordinator, &format!("/api/users/get?user_id={outside}"))
            .await,
    )
    .await;
    assert_eq!(status, 404, "out of scope looks like missing");
    let page = app.get(&coordinator, &format!("/pengguna/{outside}")).await;
    assert_eq!(page.status(), 404);
}

#[tokio::test]
async fn the_user_list_searches_by_name_phone_and_nik_and_filters_by_status() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    app.user_named(Role::Trainee, "0812-1000-0001", "Ani Serang", &["BBPLK-SRG"])
        .await;
    app.user_named(Role::Trainee, "3604011503020001", "Ahmad Rizki", &["UPT-SRG"])
        .await;
    let admin = app.signed_in("admin@uji.id").await;
    let names = |value: serde_json::Value| -> Vec<String> {
        value["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["display_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let by_phone = app
        .get_api(&admin, "/api/users/list?filter[q]=0812-1000")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(by_phone), vec!["Ani Serang"]);
    let by_nik = app
        .get_api(&admin, "/api/users/list?filter[q]=36040115")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(by_nik), vec!["Ahmad Rizki"]);
    let by_name = app
        .get_api(&admin, "/api/users/list?filter[q]=ani%20s")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(by_name), vec!["Ani Serang"]);
    let trainees = app
        .get_api(
            &admin,
            "/api/users/list?filter[role]=trainee&filter[status]=active",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(names(trainees), vec!["Ahmad Rizki", "Ani Serang"]);
    let html = app.get(&admin, "/pengguna?q=ani").await.text().await.unwrap();
    assert!(html.contains("Ani Serang") && !html.contains("Ahmad Rizki"));
}

#[tokio::test]
async fn listing_users_takes_the_same_number_of_queries_for_any_page_size() {
    use siap_jepang::accounts::dto::UserFilter;
    use siap_jepang::accounts::service::list_users;
    use std::sync::atomic::Ordering;
    let app = TestApp::spawn().await;
    let admin_id = app.user(Role::Admin, "admin@uji.id", &[]).await;
    let actor = siap_jepang::kernel::Actor::new(admin_id, Role::Admin, &[]);
    let (db, queries) = app.counting_db();
    let env = app.env(&db);
    let count_for = |expected_rows: usize| {
        let queries = queries.clone();
        let actor = actor.clone();
        async move {
            queries.store(0, Ordering::SeqCst);
            let list = list_users(env, &actor, &UserFilter::default()).await.unwrap();
            assert_eq!(list.items.len(), expected_rows);
            queries.load(Ordering::SeqCst)
        }
    };
    app.user_named(Role::Trainee, "0812-1000-0001", "Ani Serang", &["BBPLK-SRG"])
        .await;
    let few = count_for(2).await;
    for i in 0..12 {
        app.user_named(
            Role::Instructor,
            &format!("guru{i}@uji.id"),
            &format!("Guru {i:02}"),
            &["BBPLK-SRG", "UPT-SRG"],
        )
        .await;
    }
    let many = count_for(14).await;
    assert_eq!(few, many, "no query per row");
    assert!(many <= 5, "{many} queries for one page");
}

#[tokio::test]
async fn only_admins_change_roles_and_the_account_must_fit_the_new_role() {
    let app = TestApp::spawn().await;
    app.user(Role::Admin, "admin@uji.id", &[]).await;
    let trainee = app.user(Role::Trainee, "0812-1000-0001", &["UPT-SRG"]).await;
    let instructor = app.user(Role::Instructor, "guru@uji.id", &["UPT-SRG"]).await;
    let admin = app.signed_in("admin@uji.id").await;
    let (status, error) = error_of(
        app.call(
            &admin,
            "/api/users/change-role",
            &[("user_id", &trainee.to_string()), ("role", "coordinator")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        field_problems(&error),
        vec![("role".to_owned(), "RoleNeedsEmail".to_owned())]
    );
    let guru = app.signed_in("guru@uji.id").await;
    let ok = app
        .call(
            &admin,
            "/api/users/change-role",
            &[("user_id", &instructor.to_string()), ("role", "coordinator")],
        )
        .await;
    assert_eq!(ok.status(), 200);
    assert_eq!(
        app.get_api(&guru, "/api/accounts/me").await.status(),
        401,
        "sessions end on a role change"
    );
    let guru = app.signed_in("guru@uji.id").await;
    assert_eq!(
        app.get_api(&guru, "/api/users/list?filter[q]=").await.status(),
        200,
        "now a coordinator"
    );
}
