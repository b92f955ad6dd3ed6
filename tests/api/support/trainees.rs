//! Helpers for the trainee registry: Dewi's registration form and registering it, an
//! Excel roster, records straight into the database, and roster uploads the way a browser
//! sends them.

use crate::support::{error_of, location, TestApp};
use reqwest::{header, multipart, Client, Response};

/// Excel (Indonesian locale) "CSV UTF-8": a BOM, semicolons, CRLF, a quoted field with a
/// semicolon and one with a line break, a repeated NIK, a broken NIK.
pub const EXCEL_ROSTER: &str = "\u{feff}No;NIK;Nama Lengkap;Tgl. Lahir;L/P;No HP (WA);Kab/Kota;Alamat\r\n\
1;3673050101900001;budi  santoso;01/01/1990;L;0812 1111 0001;Kota Serang;\"Jl. Merdeka; No. 5\"\r\n\
2;3673 0547 0899 0042;DEWI LESTARI;07-08-1999;P;081211110002;Kab. Serang;\"Kp. Baru\r\nRT 01/RW 02\"\r\n\
3;3673050101900001;Budi Lagi;01/01/1990;L;;;\r\n\
4;12345;Salah Ketik;01/01/1990;L;;;\r\n";

/// Dewi Lestari: Kota Serang, a woman born 07/08/1999.
pub const DEWI_NIK: &str = "3673054708990002";

pub fn dewi(site: i64) -> Vec<(&'static str, String)> {
    vec![
        ("nik", DEWI_NIK.into()),
        ("full_name", "  Dewi   Lestari ".into()),
        ("birth_place", "Serang".into()),
        ("birth_date", "07/08/1999".into()),
        ("sex", "P".into()),
        ("address", "Jl. Ahmad Yani No. 1".into()),
        ("regency_code", "3673".into()),
        ("phone", "0812-1111-2026".into()),
        ("education", "sma".into()),
        ("source", "kawan_pmi".into()),
        ("site_id", site.to_string()),
    ]
}

/// `form` with `changes`: a value replaced, or a field added.
pub fn with(
    form: &[(&'static str, String)],
    changes: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    let mut form = form.to_vec();
    for (key, value) in changes {
        match form.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = (*value).to_owned(),
            None => form.push((key, (*value).to_owned())),
        }
    }
    form
}

/// `form` as the pairs a request sends.
pub fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Registers Dewi as `client` (JSON): the new record's id.
pub async fn register(app: &TestApp, client: &reqwest::Client, form: &[(&'static str, String)]) -> i64 {
    let response = app.call(client, "/api/trainees/save", &pairs(form)).await;
    let (status, body) = error_of(response).await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().expect("the record's id")
}

impl TestApp {
    /// The registry id of `user`'s trainee record and its enrollment id in `cohort`.
    pub async fn record_and_enrollment(&self, user: i64, cohort: i64) -> (i64, i64) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        use siap_jepang::entities::{enrollments, trainees};
        let record = trainees::Entity::find()
            .filter(trainees::Column::UserId.eq(user))
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("trainee record");
        let enrollment = enrollments::Entity::find()
            .filter(enrollments::Column::TraineeId.eq(record.id))
            .filter(enrollments::Column::CohortId.eq(cohort))
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("enrollment");
        (record.id, enrollment.id)
    }

    /// POSTs a roster file to `/peserta/unggah` as a multipart form without JavaScript.
    pub async fn upload_file(
        &self,
        client: &Client,
        site: &str,
        cohort: Option<i64>,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Response {
        let mut form = multipart::Form::new().text("site_id", self.site(site).to_string());
        form = form.text("cohort_id", cohort.map(|c| c.to_string()).unwrap_or_default());
        form = form.part(
            "file",
            multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        );
        client
            .post(self.url("/peserta/unggah"))
            .header(header::ORIGIN, &self.base)
            .header(header::ACCEPT, "text/html")
            .multipart(form)
            .send()
            .await
            .expect("request")
    }

    /// Uploads `csv` as `roster.csv`: the staged import's id, or the redirect back to the
    /// form (with its reasons in the flash) when refused.
    pub async fn upload_roster(
        &self,
        client: &Client,
        site: &str,
        cohort: Option<i64>,
        csv: &str,
    ) -> Result<i64, Response> {
        let response = self
            .upload_file(client, site, cohort, "roster.csv", csv.as_bytes().to_vec())
            .await;
        let to = location(&response);
        match to.strip_prefix("/peserta/impor/").and_then(|id| id.parse().ok()) {
            Some(id) if response.status() == 303 => Ok(id),
            _ => Err(response),
        }
    }
}

impl TestApp {
    /// A trainee record at `site` without an account, straight into the database: a man
    /// from Kota Serang born 01/01/1990, the NIK's serial `n` (1..=9999).
    pub async fn trainee_record(&self, site: &str, name: &str, n: u32) -> i64 {
        use sea_orm::{EntityTrait, Set};
        use siap_jepang::entities::trainees;
        let now = self.state.clock.now();
        trainees::Entity::insert(trainees::ActiveModel {
            nik: Set(format!("367305010190{n:04}")),
            site_id: Set(self.site(site)),
            full_name: Set(name.to_owned()),
            name_key: Set(name.to_lowercase().replace(' ', "")),
            birth_place: Set("Serang".into()),
            birth_date: Set(time::macros::date!(1990 - 01 - 01)),
            sex: Set("M".into()),
            address: Set(String::new()),
            regency_code: Set(Some("3673".into())),
            regency_name: Set("Kota Serang".into()),
            education: Set("sma".into()),
            source: Set("other".into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec_with_returning(&self.state.db)
        .await
        .expect("trainee record inserted")
        .id
    }

    /// Sets a cohort's capacity straight in the database.
    pub async fn set_capacity(&self, cohort: i64, capacity: i32) {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        use siap_jepang::entities::cohorts;
        cohorts::Entity::update_many()
            .col_expr(
                cohorts::Column::Capacity,
                sea_orm::sea_query::Expr::value(capacity),
            )
            .filter(cohorts::Column::Id.eq(cohort))
            .exec(&self.state.db)
            .await
            .expect("capacity set");
    }

    /// The cohort's taken seats, and how many enrollments actually hold one.
    pub async fn seats(&self, cohort: i64) -> (i32, u64) {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        use siap_jepang::entities::{cohorts, enrollments};
        let taken = cohorts::Entity::find_by_id(cohort)
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("cohort")
            .seats_taken;
        let holding = enrollments::Entity::find()
            .filter(enrollments::Column::CohortId.eq(cohort))
            .filter(enrollments::Column::Status.is_in(["accepted", "active", "completed"]))
            .count(&self.state.db)
            .await
            .unwrap();
        (taken, holding)
    }

    /// An enrollment's status.
    pub async fn enrollment_status(&self, enrollment: i64) -> String {
        use sea_orm::EntityTrait;
        use siap_jepang::entities::enrollments;
        enrollments::Entity::find_by_id(enrollment)
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("enrollment")
            .status
    }
}

impl TestApp {
    /// An enrollment of `record` in `cohort` with `status`, straight into the database (a
    /// seat taken when the status holds one).
    pub async fn enroll_record(&self, cohort: i64, record: i64, status: &str) -> i64 {
        use sea_orm::{ColumnTrait, EntityTrait, ExprTrait, QueryFilter, Set};
        use siap_jepang::entities::{cohorts, enrollments};
        let now = self.state.clock.now();
        let starts_on = cohorts::Entity::find_by_id(cohort)
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("cohort")
            .starts_on;
        let in_class = matches!(status, "active" | "completed" | "withdrawn" | "transferred");
        let enrollment = enrollments::Entity::insert(enrollments::ActiveModel {
            trainee_id: Set(record),
            cohort_id: Set(cohort),
            status: Set(status.to_owned()),
            waitlisted_at: Set((status == "waitlisted").then_some(now)),
            joined_on: Set(in_class.then_some(starts_on)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec_with_returning(&self.state.db)
        .await
        .expect("enrollment inserted");
        if matches!(status, "accepted" | "active" | "completed") {
            cohorts::Entity::update_many()
                .col_expr(
                    cohorts::Column::SeatsTaken,
                    sea_orm::sea_query::Expr::col(cohorts::Column::SeatsTaken).add(1),
                )
                .filter(cohorts::Column::Id.eq(cohort))
                .exec(&self.state.db)
                .await
                .expect("seat taken");
        }
        enrollment.id
    }
}
