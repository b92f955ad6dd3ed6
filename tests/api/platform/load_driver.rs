//! The load driver (benches/load) counts failures instead of hiding them: a server that is
//! down or refuses requests shows up as errors (and the command exits non-zero). And the
//! hardening load run in small: 200 requests in flight from every role, none failing.

#[path = "../../../benches/load/cast.rs"]
mod cast;
#[path = "../../../benches/load/driver.rs"]
#[allow(dead_code)]
mod driver;

use crate::support::*;
use driver::{Cast, Kind, Persona};
use siap_jepang::kernel::Role;
use std::sync::Arc;
use std::time::Duration;

fn trainee(cookie: String) -> Cast {
    Cast {
        trainees: vec![Persona {
            cookie,
            session: None,
            cohort: None,
        }],
        ..Cast::default()
    }
}

#[tokio::test]
async fn a_server_that_is_down_is_reported_as_errors() {
    // Nothing listens on a port just released.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let outcome = driver::run(
        std::slice::from_ref(&base),
        Arc::new(trainee(String::new())),
        &[Kind::TraineeSchedule],
        2,
        Duration::from_millis(300),
    )
    .await;
    assert!(outcome.errors() > 0, "{outcome:?}");
    assert_eq!(outcome.requests(), outcome.errors(), "nothing succeeded");
    assert!(!outcome.samples.is_empty());
    assert!(driver::sign_in(&driver::client(), &base, "x", "y").await.is_err());
}

#[tokio::test]
async fn refused_requests_are_errors_and_served_ones_are_timed() {
    let app = TestApp::spawn().await;
    app.user(Role::Trainee, "0812-5555-0001", &["BBPLK-SRG"]).await;
    let cookie = driver::sign_in(&driver::client(), &app.base, "0812-5555-0001", PASSWORD)
        .await
        .expect("signed in");
    assert!(
        driver::sign_in(&driver::client(), &app.base, "0812-5555-0001", "salah sandi")
            .await
            .is_err()
    );
    let good = driver::run(
        std::slice::from_ref(&app.base),
        Arc::new(trainee(cookie.clone())),
        &[Kind::TraineeSchedule],
        2,
        Duration::from_millis(300),
    )
    .await;
    assert_eq!(good.errors(), 0, "{:?}", good.samples);
    assert!(good.requests() > 0);
    // No session: the page sends the visitor to sign in (303), which is not a success.
    let refused = driver::run(
        std::slice::from_ref(&app.base),
        Arc::new(trainee("siap_session=palsu".into())),
        &[Kind::TraineeSchedule],
        2,
        Duration::from_millis(300),
    )
    .await;
    assert!(refused.errors() > 0);
    assert_eq!(refused.requests(), refused.errors());
    // The reference page goes out without the person's cookie, and is served (200).
    let reference = trainee(cookie);
    assert!(reference
        .request(Kind::AnonymousSignIn, 0)
        .is_some_and(|r| r.cookie.is_empty()));
    let anonymous = driver::run(
        std::slice::from_ref(&app.base),
        Arc::new(reference),
        &[Kind::AnonymousSignIn],
        2,
        Duration::from_millis(300),
    )
    .await;
    assert_eq!(anonymous.errors(), 0, "{:?}", anonymous.samples);
    assert!(anonymous.requests() > 0);
}

#[tokio::test]
async fn the_ceiling_serves_the_captured_bytes() {
    let mut pages = std::collections::BTreeMap::new();
    pages.insert(
        "/jadwal".to_owned(),
        ("text/html".to_owned(), b"<p>jadwal</p>".to_vec()),
    );
    let base = driver::ceiling(pages).await;
    let outcome = driver::run(
        &[base],
        Arc::new(trainee(String::new())),
        &[Kind::TraineeSchedule],
        2,
        Duration::from_millis(200),
    )
    .await;
    assert_eq!(outcome.errors(), 0);
    assert_eq!(outcome.tallies[&Kind::TraineeSchedule].bytes, 13);
}

/// The hardening load run in small (the full one, minutes long against a release build,
/// is `benches/national.sh sqlite site 1 180 --workers 200`): 200 requests in flight from
/// trainees, instructors and coordinators of a site-scale dataset, every kind of request,
/// for a few seconds (`LOAD_SECONDS`). Nothing fails: no 5xx, no connection error, no
/// "database is locked" reaching a user.
#[tokio::test]
async fn two_hundred_requests_in_flight_from_every_role_all_succeed() {
    use siap_jepang::server::seed::scale::{seed_scale, Size, SCALE_PASSWORD};
    let app = TestApp::spawn().await;
    seed_scale(&app.state, Size::SITE, false, false)
        .await
        .expect("site-scale data");
    let wanted = cast::wanted(&app.state.db, 60, 12, 4).await.unwrap();
    let cast = Arc::new(
        cast::sign_in_all(&app.base, SCALE_PASSWORD, wanted)
            .await
            .expect("everyone signs in"),
    );
    let kinds = cast.kinds();
    assert_eq!(
        kinds.len(),
        Kind::ALL.len(),
        "every kind of request has its users"
    );
    let seconds = std::env::var("LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let outcome = driver::run(
        std::slice::from_ref(&app.base),
        cast,
        &kinds,
        200,
        Duration::from_secs(seconds),
    )
    .await;
    assert_eq!(outcome.errors(), 0, "failed requests: {:?}", outcome.samples);
    assert!(outcome.requests() >= 200, "{} requests", outcome.requests());
    for kind in kinds.into_iter().filter(|kind| !kind.is_reference()) {
        assert!(
            outcome.tallies.get(&kind).is_some_and(|t| !t.micros.is_empty()),
            "{kind:?} was served"
        );
    }
}
