//! The partner API, `/api/v1`: keys and their scopes and sites, paging, ETags, problem
//! answers, and the document that describes it.

use crate::support::readiness::readiness;
use crate::support::*;
use reqwest::header;
use sea_orm::EntityTrait;
use serde_json::Value;
use siap_jepang::integrations::dto::NewKeyInput;
use siap_jepang::integrations::model::Scope;
use siap_jepang::integrations::service::{self, Operator};
use siap_jepang::integrations::v1::ENDPOINTS;
use siap_jepang::kernel::Role;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A key with `scopes`, limited to `sites` (codes; none: every site), as the command line
/// makes one.
pub async fn key(app: &TestApp, scopes: &[&str], sites: &[&str]) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let input = NewKeyInput {
        name: format!("Mitra uji {}", N.fetch_add(1, Ordering::Relaxed)),
        scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
        sites: sites.iter().map(|code| app.site(code).to_string()).collect(),
        expires_days: String::new(),
    };
    service::create_key(app.env(&app.state.db), Operator::CommandLine, &input)
        .await
        .expect("key made")
        .key
}

/// A request to an endpoint with the key, if any: a GET, or a POST with a well-formed body.
pub async fn send(app: &TestApp, key: Option<&str>, method: &str, path: &str) -> reqwest::Response {
    let request = match method {
        "GET" => return call(app, key, path).await,
        "PATCH" => app
            .client()
            .patch(app.url(path))
            .json(&serde_json::json!({"siskop2mi_no": "SK2-36-2026-000999"})),
        _ => app
            .client()
            .post(app.url(path))
            .json(&serde_json::json!({"kind": "jft_basic", "score": 201, "taken_on": "2026-06-01"})),
    };
    let mut request = request;
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.expect("request")
}

/// A GET with the key, if any.
pub async fn call(app: &TestApp, key: Option<&str>, path: &str) -> reqwest::Response {
    let mut request = app.client().get(app.url(path));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    request.send().await.expect("request")
}

async fn json(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn problem_fields(body: &Value) -> Vec<(String, String)> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Two sites' cohorts: three at BBPLK Serang, one at the Tangerang post.
async fn cohorts(app: &TestApp) -> (Vec<i64>, i64) {
    let sensei = app
        .user(Role::Instructor, "sensei@uji.id", &["BBPLK-SRG", "POS-TNG"])
        .await;
    let mut serang = Vec::new();
    for n in 1..=3 {
        serang.push(
            app.cohort(
                &format!("JP-API-0{n}"),
                "BBPLK-SRG",
                ("2026-09-07", "2027-01-29"),
                &[sensei],
                &[],
            )
            .await,
        );
    }
    let tangerang = app
        .cohort(
            "JP-TNG-01",
            "POS-TNG",
            ("2026-09-07", "2027-01-29"),
            &[sensei],
            &[],
        )
        .await;
    (serang, tangerang)
}

#[tokio::test]
async fn a_key_pages_through_its_cohorts_and_an_unchanged_page_is_not_sent_again() {
    let app = TestApp::spawn().await;
    let (serang, tangerang) = cohorts(&app).await;
    let key = key(&app, &["cohorts:read"], &[]).await;

    let (status, first) = json(call(&app, Some(&key), "/api/v1/cohorts?limit=2").await).await;
    assert_eq!(status, 200, "{first}");
    let ids: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![serang[0], serang[1]]);
    assert_eq!(first["items"][0]["code"], "JP-API-01");
    assert_eq!(first["items"][0]["site"], "BBPLK-SRG");
    assert_eq!(first["items"][0]["status"], "running");
    assert_eq!(first["items"][0]["starts_on"], "2026-09-07");
    assert!(first["items"][0]["updated_at"]
        .as_str()
        .unwrap()
        .ends_with("+07:00"));
    let next = first["next"].as_str().expect("a next link");
    assert!(
        next.starts_with("/api/v1/cohorts?") && next.contains("limit=2"),
        "{next}"
    );
    let (_, second) = json(call(&app, Some(&key), next).await).await;
    let ids: Vec<i64> = second["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![serang[2], tangerang]);
    let (_, last) = json(call(&app, Some(&key), second["next"].as_str().unwrap()).await).await;
    assert_eq!(last["items"].as_array().unwrap().len(), 0);
    assert!(last.get("next").is_none(), "the last page has no next link");

    // Filters.
    let (_, only) = json(call(&app, Some(&key), "/api/v1/cohorts?site=POS-TNG").await).await;
    assert_eq!(only["items"].as_array().unwrap().len(), 1);
    let (_, later) = json(
        call(
            &app,
            Some(&key),
            "/api/v1/cohorts?updated_since=2099-01-01T00:00:00%2B07:00",
        )
        .await,
    )
    .await;
    assert_eq!(later["items"].as_array().unwrap().len(), 0);
    let (_, done) = json(call(&app, Some(&key), "/api/v1/cohorts?status=completed").await).await;
    assert_eq!(done["items"].as_array().unwrap().len(), 0);
    // `updated_since` in WIB, as the answers give instants: an hour ago takes them all,
    // an hour ahead none (SQLite compares stored instants as text, in UTC).
    let wib = |hours: i64| {
        siap_jepang::kernel::wib::rfc3339_wib(app.state.clock.now() + time::Duration::hours(hours))
            .replace('+', "%2B")
    };
    let (_, recent) = json(
        call(
            &app,
            Some(&key),
            &format!("/api/v1/cohorts?updated_since={}", wib(-1)),
        )
        .await,
    )
    .await;
    assert_eq!(recent["items"].as_array().unwrap().len(), 4, "{recent}");
    let (_, ahead) = json(
        call(
            &app,
            Some(&key),
            &format!("/api/v1/cohorts?updated_since={}", wib(1)),
        )
        .await,
    )
    .await;
    assert_eq!(ahead["items"].as_array().unwrap().len(), 0, "{ahead}");

    // The same answer again is a 304 for whoever kept its ETag.
    let response = call(&app, Some(&key), "/api/v1/cohorts").await;
    let etag = response.headers()[header::ETAG].to_str().unwrap().to_owned();
    let again = app
        .client()
        .get(app.url("/api/v1/cohorts"))
        .bearer_auth(&key)
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()[header::ETAG].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty());
    let other = app
        .client()
        .get(app.url("/api/v1/cohorts?site=POS-TNG"))
        .bearer_auth(&key)
        .header(header::IF_NONE_MATCH, &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200, "another answer, another tag");

    // Every request counted on the key.
    let stored = siap_jepang::entities::integration_keys::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(stored[0].request_count, 11);
    assert!(stored[0].last_used_at.is_some());
}

#[tokio::test]
async fn a_key_of_one_site_reaches_that_sites_rows_and_nothing_else() {
    let app = TestApp::spawn().await;
    let (serang, tangerang) = cohorts(&app).await;
    let key = key(&app, &["cohorts:read", "readiness:read"], &["BBPLK-SRG"]).await;

    let (_, sites) = json(call(&app, Some(&key), "/api/v1/sites").await).await;
    let codes: Vec<&str> = sites["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["BBPLK-SRG"]);
    let (_, list) = json(call(&app, Some(&key), "/api/v1/cohorts").await).await;
    let ids: Vec<i64> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, serang);

    // Another site's row answers exactly as a row that does not exist.
    for path in ["/api/v1/cohorts/{id}", "/api/v1/cohorts/{id}/readiness"] {
        let (status, theirs) =
            json(call(&app, Some(&key), &path.replace("{id}", &tangerang.to_string())).await).await;
        let (_, nothing) = json(call(&app, Some(&key), &path.replace("{id}", "999999")).await).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(theirs, nothing, "{path}");
        assert!(!theirs.to_string().contains("JP-TNG-01"));
    }
    let (status, own) = json(call(&app, Some(&key), &format!("/api/v1/cohorts/{}", serang[0])).await).await;
    assert_eq!((status, own["code"].as_str()), (200, Some("JP-API-01")));
    // So is its site as a filter: it matches nothing, as a site that does not exist.
    let (status, theirs) = json(call(&app, Some(&key), "/api/v1/cohorts?site=POS-TNG").await).await;
    let (_, nothing) = json(call(&app, Some(&key), "/api/v1/cohorts?site=NOWHERE").await).await;
    assert_eq!(status, 200);
    assert_eq!(theirs, nothing);
    assert_eq!(theirs["items"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn every_endpoint_refuses_missing_bad_expired_and_revoked_keys_and_keys_without_its_scope() {
    let app = TestApp::spawn().await;
    let (serang, _) = cohorts(&app).await;
    let record = app.trainee_record("BBPLK-SRG", "Siti Matriks", 1).await;
    let every: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
    let good = key(&app, &every, &[]).await;
    // For each scope, a key with every other one.
    let mut lacking = std::collections::HashMap::new();
    for scope in Scope::ALL {
        let others: Vec<&str> = every.iter().copied().filter(|s| *s != scope.as_str()).collect();
        lacking.insert(scope.as_str(), key(&app, &others, &[]).await);
    }
    let revoked = key(&app, &every, &[]).await;
    let id = service::key_by_prefix(app.env(&app.state.db), &revoked[..14])
        .await
        .unwrap();
    service::revoke_key(app.env(&app.state.db), Operator::CommandLine, id)
        .await
        .unwrap();
    let expiring = {
        let input = NewKeyInput {
            name: "Kedaluwarsa".into(),
            scopes: every.iter().map(|s| (*s).to_owned()).collect(),
            sites: Vec::new(),
            expires_days: "1".into(),
        };
        service::create_key(app.env(&app.state.db), Operator::CommandLine, &input)
            .await
            .unwrap()
            .key
    };
    // A key of every scope, of another site; and the record's whole NIK, which only a key
    // with `pii:read` may read.
    let tangerang = key(&app, &every, &["POS-TNG"]).await;
    let nik = "3673050101900001";
    app.advance(time::Duration::days(2));
    let mut tampered = good.clone();
    tampered.pop();
    tampered.push(if good.ends_with('A') { 'B' } else { 'A' });

    let mut checked = 0;
    for endpoint in ENDPOINTS {
        let id = if endpoint.path.starts_with("/api/v1/trainees") {
            record
        } else if endpoint.path.starts_with("/api/v1/sites") {
            app.site("BBPLK-SRG")
        } else {
            serang[0]
        };
        let path = endpoint.path.replace("{id}", &id.to_string());
        let call =
            async |app: &TestApp, key: Option<&str>, path: &str| send(app, key, endpoint.method, path).await;
        assert!(
            call(&app, Some(&good), &path).await.status().is_success(),
            "{path} with a good key"
        );
        for (who, key) in [
            ("no key", None),
            ("not a key", Some("rahasia")),
            ("a wrong secret", Some(tampered.as_str())),
            ("a revoked key", Some(revoked.as_str())),
            ("an expired key", Some(expiring.as_str())),
        ] {
            let response = call(&app, key, &path).await;
            assert_eq!(response.status(), 401, "{path}: {who}");
            assert_eq!(
                response.headers()[header::CONTENT_TYPE],
                "application/problem+json"
            );
            assert!(response.headers()[header::WWW_AUTHENTICATE]
                .to_str()
                .unwrap()
                .starts_with("Bearer"));
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["status"], 401);
            checked += 1;
        }
        let scope = endpoint.scope.unwrap().as_str();
        let (status, body) = json(call(&app, Some(lacking[scope].as_str()), &path).await).await;
        assert_eq!(status, 403, "{path} without its scope");
        assert!(body["title"].as_str().unwrap().contains(scope), "{body}");
        checked += 1;
        // Another site's row is missing, as one that does not exist; a list of rows
        // holds none of that site's.
        let (status, theirs) = json(call(&app, Some(&tangerang), &path).await).await;
        if endpoint.path.contains("{id}") {
            let missing = endpoint.path.replace("{id}", "987654");
            let (_, nothing) = json(call(&app, Some(&tangerang), &missing).await).await;
            assert_eq!((status, &theirs), (404, &nothing), "{path}: another site's key");
        } else {
            assert_eq!(status, 200, "{path}: another site's key");
            assert!(!theirs.to_string().contains("BBPLK-SRG"), "{path}: {theirs}");
        }
        checked += 1;
        // Without `pii:read`, never the whole NIK.
        if endpoint.method == "GET" {
            let text = call(&app, Some(lacking["pii:read"].as_str()), &path)
                .await
                .text()
                .await
                .unwrap();
            assert!(!text.contains(nik), "{path}: a whole NIK without pii:read");
            checked += 1;
        }
    }
    println!(
        "key-scope matrix: {} endpoints, {checked} refusals",
        ENDPOINTS.len()
    );
}

#[tokio::test]
async fn bad_parameters_are_named_in_the_callers_language_and_unknown_addresses_are_problems_too() {
    let app = TestApp::spawn().await;
    cohorts(&app).await;
    let key = key(&app, &["cohorts:read"], &[]).await;
    let cases = [
        (
            "/api/v1/cohorts?colour=red",
            400,
            vec![("colour", "UnknownParameter")],
        ),
        (
            "/api/v1/cohorts?limit=2&limit=3",
            400,
            vec![("limit", "RepeatedParameter")],
        ),
        (
            "/api/v1/cohorts?cursor=bm9wZQ",
            400,
            vec![("cursor", "InvalidCursor")],
        ),
        (
            "/api/v1/cohorts?cursor=%F0%9F%92%A5",
            400,
            vec![("cursor", "InvalidCursor")],
        ),
        (
            "/api/v1/cohorts?cursor=c1234567890123456789",
            400,
            vec![("cursor", "InvalidCursor")],
        ),
        (
            "/api/v1/cohorts?updated_since=&site=",
            422,
            vec![("site", "Required"), ("updated_since", "Required")],
        ),
        (
            "/api/v1/cohorts?status=%20open",
            422,
            vec![("status", "InvalidChoice")],
        ),
        (
            "/api/v1/cohorts?site=BBPLK%20SRG",
            422,
            vec![("site", "InvalidChoice")],
        ),
        ("/api/v1/cohorts?limit=0", 422, vec![("limit", "OutOfRange")]),
        ("/api/v1/cohorts?limit=101", 422, vec![("limit", "OutOfRange")]),
        (
            "/api/v1/cohorts?limit=lima",
            422,
            vec![("limit", "InvalidNumber")],
        ),
        (
            "/api/v1/cohorts?updated_since=kemarin&status=aktif",
            422,
            vec![("status", "InvalidChoice"), ("updated_since", "InvalidDate")],
        ),
        (
            "/api/v1/sites?site=BBPLK-SRG",
            400,
            vec![("site", "UnknownParameter")],
        ),
    ];
    for (path, expected_status, expected) in cases {
        let response = call(&app, Some(&key), path).await;
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json",
            "{path}"
        );
        let (status, body) = json(response).await;
        assert_eq!(status, expected_status, "{path}: {body}");
        let mut fields = problem_fields(&body);
        fields.sort();
        let expected: Vec<(String, String)> = expected
            .into_iter()
            .map(|(f, c)| (f.to_owned(), c.to_owned()))
            .collect();
        assert_eq!(fields, expected, "{path}");
        assert!(body["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    // A cursor of another list is not this list's.
    let readiness_cursor = "p2";
    let (status, _) = json(
        call(
            &app,
            Some(&key),
            &format!("/api/v1/cohorts?cursor={readiness_cursor}"),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);

    // Indonesian by default, English on request.
    let (_, id) = json(call(&app, Some(&key), "/api/v1/cohorts?limit=0").await).await;
    assert_eq!(
        id["title"],
        "Periksa kembali isian yang ditandai. Belum ada yang disimpan."
    );
    let en: Value = app
        .client()
        .get(app.url("/api/v1/cohorts?limit=0"))
        .bearer_auth(&key)
        .header(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(en["title"], "Please check the marked fields. Nothing was saved.");
    assert_ne!(en["errors"][0]["message"], id["errors"][0]["message"]);

    let (status, body) = json(call(&app, Some(&key), "/api/v1/peserta-semua").await).await;
    assert_eq!((status, body["status"].as_i64()), (404, Some(404)));
    let response = app
        .client()
        .post(app.url("/api/v1/cohorts"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let (status, _) = json(call(&app, Some(&key), "/api/v1/cohorts/abc").await).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_cohorts_readiness_gives_each_trainees_verdict_and_every_blocker_as_data() {
    let fixture = readiness().await;
    let app = &fixture.app;
    let key = key(app, &["readiness:read"], &["BBPLK-SRG"]).await;
    let (status, body) = json(
        call(
            app,
            Some(&key),
            &format!("/api/v1/cohorts/{}/readiness", fixture.cohort),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["cohort_id"], fixture.cohort);
    assert_eq!(body["counts"]["dalam_proses"], 1);
    assert_eq!(body["counts"]["siap"], 0);
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let adi = &items[0];
    assert_eq!(adi["trainee_id"], fixture.record);
    assert_eq!(adi["name"], "Adi");
    assert_eq!(adi["verdict"], "dalam_proses");
    let blockers = adi["blockers"].as_array().unwrap();
    let language = blockers
        .iter()
        .find(|b| b["requirement"] == "language")
        .expect("no language result yet");
    assert_eq!(language["kind"], "language_missing");
    assert_eq!(language["pending"], true);
    assert!(
        language["required"].as_str().unwrap().contains("JFT-Basic"),
        "{language}"
    );
    assert!(blockers.iter().any(|b| b["kind"] == "document_missing"), "{body}");
    assert!(blockers.iter().all(|b| b["pending"] == true));
    assert!(body.get("next").is_none());
    // A cursor past the last page: nothing more, not the last page again.
    let (status, past) = json(
        call(
            app,
            Some(&key),
            &format!("/api/v1/cohorts/{}/readiness?cursor=p999", fixture.cohort),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(past["items"].as_array().unwrap().len(), 0);
    assert!(past.get("next").is_none());
    // The same cohort for a key of another site: as if it did not exist.
    let elsewhere = self::key(app, &["readiness:read"], &["UPT-SRG"]).await;
    let (status, _) = json(
        call(
            app,
            Some(&elsewhere),
            &format!("/api/v1/cohorts/{}/readiness", fixture.cohort),
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_document_describes_every_endpoint_and_its_docs_page_loads_nothing_from_elsewhere() {
    let app = TestApp::spawn().await;
    let response = call(&app, None, "/api/v1/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    for endpoint in ENDPOINTS {
        let operation = &doc["paths"][endpoint.path][endpoint.method.to_lowercase()];
        assert!(
            operation.is_object(),
            "{} {} is not in the document",
            endpoint.method,
            endpoint.path
        );
        let answers: &[&str] = match endpoint.method {
            "GET" => &["200", "304", "400", "401", "403", "404", "422", "429"],
            "POST" => &["201", "400", "401", "403", "404", "409", "413", "422", "429"],
            _ => &["200", "400", "401", "403", "404", "409", "413", "422", "429"],
        };
        for status in answers {
            assert!(
                operation["responses"][status].is_object(),
                "{} lacks {status}",
                endpoint.path
            );
        }
        let scope = endpoint.scope.unwrap().as_str();
        assert_eq!(operation["security"][0]["bearer"][0], scope, "{}", endpoint.path);
    }
    let documented = doc["paths"].as_object().unwrap().len();
    assert_eq!(
        documented,
        ENDPOINTS.len(),
        "every documented path is routed and listed"
    );
    assert!(doc["components"]["schemas"]["ProblemDoc"].is_object());
    // Every reference points at a schema the document holds.
    fn refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    found.push(target.clone());
                }
                map.values().for_each(|v| refs(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let name = target.trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "{target} points nowhere"
        );
    }

    let redirect = app.client().get(app.url("/api/v1/docs")).send().await.unwrap();
    assert_eq!(redirect.status(), 308);
    let page = app.client().get(app.url("/api/v1/docs/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"),
        "{csp}"
    );
    let html = page.text().await.unwrap();
    assert!(
        !html.contains("https://") && !html.contains("http://"),
        "nothing from elsewhere: {html}"
    );
    let init = app
        .client()
        .get(app.url("/api/v1/docs/swagger-initializer.js"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        init.contains("/api/v1/openapi.json") && init.contains("\"validatorUrl\": \"none\""),
        "{init}"
    );
    for asset in ["swagger-ui-bundle.js", "swagger-ui.css"] {
        let response = app
            .client()
            .get(app.url(&format!("/api/v1/docs/{asset}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{asset}");
    }
    assert_eq!(call(&app, None, "/api/v1/docs/nothing.js").await.status(), 404);
}
