//! `trainees:read`: trainee records and their enrollments; `registry:write`: the numbers
//! other government systems give a person. The NIK comes whole only to a key with
//! `pii:read` (masked otherwise), and so do birth date, address and contacts; each answer
//! that carries them is audited with the key's name.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::caller::Partner;
use super::idempotency;
use super::problem::{self, Answer, FieldProblem, Refused};
use super::reads::{self, Params};
use crate::integrations::model::Scope;
use crate::integrations::texts::T;
use crate::kernel::{wib, CohortId, Locale, TraineeId};
use crate::platform::state::AppState;
use crate::trainees::dto::{EnrollmentView, RegistryNumbersInput, TraineeFacts, TraineeFeed};

/// A trainee record.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 17, "nik": "3604************", "full_name": "Siti Rahmawati", "sex": "F",
    "site": "BBPLK-SRG", "programme": "SSW-KAIGO", "regency": "Kabupaten Serang",
    "id_pmi": "PMI-3604-2026-0001", "siskop2mi_no": null, "has_account": true, "personal": null,
    "updated_at": "2026-12-01T08:15:00+07:00"
}))]
pub struct Trainee {
    pub id: i64,
    /// Whole with `pii:read`; masked otherwise (`3604************`).
    pub nik: String,
    pub full_name: String,
    /// `F` or `M`.
    pub sex: String,
    /// The record's site, by code.
    pub site: String,
    /// The programme the person aims at, by code.
    pub programme: Option<String>,
    /// The kabupaten/kota the person lives in.
    pub regency: String,
    /// The ID PMI of the person's SIAPkerja account (Kemnaker).
    pub id_pmi: Option<String>,
    /// The person's SISKOP2MI registration number (KP2MI).
    pub siskop2mi_no: Option<String>,
    /// Whether the person has an account of their own in Siap Jepang.
    pub has_account: bool,
    /// With `pii:read` only; `null` otherwise.
    pub personal: Option<Personal>,
    /// When the record itself last changed (RFC 3339, WIB); enrollments do not count.
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
}

/// What identifies and reaches the person (`pii:read`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "birth_place": "Serang", "birth_date": "2001-04-12", "address": "Jl. Raya Cilegon No. 5",
    "phone": "+6281234567890", "email": null
}))]
pub struct Personal {
    pub birth_place: String,
    #[schema(value_type = String, format = Date)]
    pub birth_date: String,
    pub address: String,
    /// International form (`+62…`).
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl From<TraineeFacts> for Trainee {
    fn from(facts: TraineeFacts) -> Self {
        Self {
            id: facts.id.get(),
            nik: facts.nik,
            full_name: facts.full_name,
            sex: facts.sex.as_str().to_owned(),
            site: facts.site,
            programme: facts.programme,
            regency: facts.regency,
            id_pmi: facts.id_pmi,
            siskop2mi_no: facts.siskop2mi_no,
            has_account: facts.has_account,
            personal: facts.personal.map(|p| Personal {
                birth_place: p.birth_place,
                birth_date: wib::iso_date(p.birth_date),
                address: p.address,
                phone: p.phone,
                email: p.email,
            }),
            updated_at: wib::rfc3339_wib(facts.updated_at),
        }
    }
}

/// One page of trainee records, by id.
#[derive(Debug, Serialize, ToSchema)]
pub struct TraineePage {
    pub items: Vec<Trainee>,
    /// The next page's address; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// Which records.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct TraineeQuery {
    /// A site's code (`BBPLK-SRG`); a code that names no site within the key's reach
    /// matches no record.
    #[param(pattern = "^[A-Za-z0-9-]{1,32}$")]
    site: Option<String>,
    /// A cohort's id: the records enrolled in it (with any status).
    cohort: Option<i64>,
    /// Only records changed at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime)]
    updated_since: Option<String>,
    /// The `next` link's cursor (treat it as opaque).
    #[param(pattern = "^t[0-9]{1,18}$")]
    cursor: Option<String>,
    /// Items per page, 1–100 (50).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// One step of an enrollment's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentStep {
    /// The status before (`null` for the application itself).
    #[schema(value_type = Option<EnrollmentStatusDoc>)]
    pub from: Option<String>,
    #[schema(value_type = EnrollmentStatusDoc)]
    pub to: String,
    pub reason: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub at: String,
}

/// A trainee's place in one cohort, with its history.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 41, "cohort_id": 3, "cohort": "JP-SRG-2026-03", "status": "active",
    "joined_on": "2026-09-07", "left_on": null,
    "history": [
        {"from": null, "to": "applied", "reason": null, "at": "2026-08-20T10:02:00+07:00"},
        {"from": "applied", "to": "accepted", "reason": null, "at": "2026-08-25T09:00:00+07:00"},
        {"from": "accepted", "to": "active", "reason": null, "at": "2026-09-07T07:30:00+07:00"}
    ]
}))]
pub struct Enrollment {
    pub id: i64,
    pub cohort_id: i64,
    /// The cohort's code.
    pub cohort: String,
    #[schema(value_type = EnrollmentStatusDoc)]
    pub status: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub joined_on: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub left_on: Option<String>,
    /// Oldest first.
    pub history: Vec<EnrollmentStep>,
}

/// A trainee's enrollments, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentList {
    pub items: Vec<Enrollment>,
}

/// Where a person stands in a cohort's enrollment.
// Only described in the document; a test keeps it the same as the stored statuses.
#[allow(dead_code)]
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EnrollmentStatus)]
#[serde(rename_all = "snake_case")]
pub enum EnrollmentStatusDoc {
    Applied,
    Accepted,
    Waitlisted,
    Rejected,
    Active,
    Completed,
    Withdrawn,
    Transferred,
}

fn enrollment(view: EnrollmentView) -> Enrollment {
    Enrollment {
        id: view.id.get(),
        cohort_id: view.cohort_id.get(),
        cohort: view.cohort,
        status: view.status.as_str().to_owned(),
        joined_on: view.joined_on.map(wib::iso_date),
        left_on: view.left_on.map(wib::iso_date),
        history: view
            .history
            .into_iter()
            .map(|step| EnrollmentStep {
                from: step.from.map(|s| s.as_str().to_owned()),
                to: step.to.as_str().to_owned(),
                reason: step.reason,
                at: wib::rfc3339_wib(step.at),
            })
            .collect(),
    }
}

/// The trainee records the key reaches, by id, a page at a time.
#[utoipa::path(get, path = "/api/v1/trainees", tag = "Trainees", operation_id = "listTrainees",
    security(("bearer" = ["trainees:read"])),
    params(TraineeQuery),
    responses((status = 200, description = "A page of trainee records", body = TraineePage)))]
pub async fn trainees(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
) -> Answer {
    let actor = partner.with(Scope::TraineesRead)?;
    let known = ["site", "cohort", "updated_since", "cursor", "limit"];
    let mut params = Params::read(uri.query(), &known, partner.locale)?;
    let feed = TraineeFeed {
        site_id: params.site(state.env(), actor).await?,
        cohort_id: params.id("cohort").map(CohortId),
        updated_since: params.instant("updated_since"),
        after: params.cursor('t').map(TraineeId),
        limit: params.limit(),
    };
    params.done()?;
    let page = crate::trainees::service::trainee_feed(state.env(), actor, &feed)
        .await
        .map(|items| TraineePage {
            next: reads::next_after(
                &uri,
                't',
                feed.limit,
                items.len(),
                items.last().map(|t| t.id.get()),
            ),
            items: items.into_iter().map(Trainee::from).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, page))
}

/// One trainee record.
#[utoipa::path(get, path = "/api/v1/trainees/{id}", tag = "Trainees", operation_id = "getTrainee",
    security(("bearer" = ["trainees:read"])),
    params(("id" = i64, Path, description = "The trainee's record id")),
    responses((status = 200, description = "The record", body = Trainee)))]
pub async fn trainee(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::TraineesRead, &uri, &id)?;
    let id = TraineeId(id);
    let trainee = crate::trainees::service::trainee_facts(state.env(), actor, id)
        .await
        .map(Trainee::from);
    Ok(reads::answer(&headers, partner.locale, trainee))
}

/// A trainee's enrollments, each with its history.
#[utoipa::path(get, path = "/api/v1/trainees/{id}/enrollments", tag = "Trainees", operation_id = "listEnrollments",
    security(("bearer" = ["trainees:read"])),
    params(("id" = i64, Path, description = "The trainee's record id")),
    responses((status = 200, description = "The enrollments, oldest first", body = EnrollmentList)))]
pub async fn enrollments(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Answer {
    let (actor, id) = partner.row(Scope::TraineesRead, &uri, &id)?;
    let id = TraineeId(id);
    let list = crate::trainees::service::trainee_enrollments(state.env(), actor, id)
        .await
        .map(|views| EnrollmentList {
            items: views.into_iter().map(enrollment).collect(),
        });
    Ok(reads::answer(&headers, partner.locale, list))
}

/// The numbers to set: a field left out stays as it is; `null` clears it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"id_pmi": "PMI-3604-2026-0001", "siskop2mi_no": "SK2-36-2026-000123"}))]
#[allow(dead_code)]
pub struct IdentifiersChange {
    /// The ID PMI of the person's SIAPkerja account: 4–40 letters, digits, `-`, `/`, `.`,
    /// with at least one digit (kept in capitals).
    #[schema(
        pattern = "^[A-Za-z./-]{0,39}[0-9][A-Za-z0-9./-]{0,39}$",
        min_length = 4,
        max_length = 40
    )]
    id_pmi: Option<String>,
    /// The SISKOP2MI registration number, as `id_pmi`.
    #[schema(
        pattern = "^[A-Za-z./-]{0,39}[0-9][A-Za-z0-9./-]{0,39}$",
        min_length = 4,
        max_length = 40
    )]
    siskop2mi_no: Option<String>,
}

/// A trainee's numbers in other government systems.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "trainee_id": 17, "id_pmi": "PMI-3604-2026-0001", "siskop2mi_no": "SK2-36-2026-000123",
    "updated_at": "2026-12-07T10:15:00+07:00"
}))]
pub struct Identifiers {
    pub trainee_id: i64,
    pub id_pmi: Option<String>,
    pub siskop2mi_no: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: String,
}

/// At most this much JSON in a change of numbers.
const MAX_BODY: usize = 4 * 1024;

/// A number as the document spells it: 4–40 letters, digits, `-`, `/`, `.`, one digit at
/// least.
fn spelled_as_documented(text: &str) -> bool {
    (4..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.'))
        && text.bytes().any(|b| b.is_ascii_digit())
}

/// The body as the use case's input (`null`: clear), or every field refused.
fn read_numbers(body: &[u8], locale: Locale) -> Result<RegistryNumbersInput, Refused> {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return Err(problem::bad_request(
            vec![FieldProblem::api("body", "NotJson", T::ApiNotJson, locale)],
            locale,
        )
        .into());
    };
    let mut errors = Vec::new();
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort();
    for name in names {
        if !["id_pmi", "siskop2mi_no"].contains(&name.as_str()) {
            errors.push(FieldProblem::api(
                name,
                "UnknownField",
                T::ApiUnknownField,
                locale,
            ));
        }
    }
    let mut number = |name: &str| match fields.get(name) {
        None => None,
        Some(Value::Null) => Some(String::new()),
        // Exactly as documented, nothing trimmed or mended; blank is not a number (`null`
        // is how to clear one).
        Some(Value::String(text)) if spelled_as_documented(text) => Some(text.clone()),
        Some(Value::String(_)) => {
            errors.push(FieldProblem::of(
                name,
                &crate::kernel::Problem::InvalidRegistryNumber,
                locale,
            ));
            None
        }
        Some(_) => {
            errors.push(FieldProblem::api(name, "WrongType", T::ApiWrongType, locale));
            None
        }
    };
    let input = RegistryNumbersInput {
        id_pmi: number("id_pmi"),
        siskop2mi_no: number("siskop2mi_no"),
    };
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(problem::invalid(errors, locale).into())
    }
}

/// Sets or clears a trainee's ID PMI (SIAPkerja) and SISKOP2MI registration number; both
/// show on the trainee's page at once.
#[utoipa::path(patch, path = "/api/v1/trainees/{id}/identifiers", tag = "Trainees", operation_id = "setIdentifiers",
    security(("bearer" = ["registry:write"])),
    params(
        ("id" = i64, Path, description = "The trainee's record id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any 1–200 visible ASCII characters, new for each change; a repeated request with the same key gets the first answer", pattern = "^[\\x21-\\x7E]{1,200}$"),
    ),
    request_body(content = IdentifiersChange, description = "The numbers to set or clear"),
    responses(
        (status = 200, description = "Saved (audited with the key's name)", body = Identifiers),
        (status = 409, description = "The Idempotency-Key is taken: by a request still being answered (try again shortly), or by another request (use a new key)", body = problem::ProblemDoc, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 4 KiB", body = problem::ProblemDoc, content_type = "application/problem+json"),
    ))]
pub async fn set_identifiers(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let locale = partner.locale;
    let actor = partner.with(Scope::RegistryWrite)?.clone();
    if body.len() > MAX_BODY {
        return Err(problem::too_large(locale).into());
    }
    let input = read_numbers(&body, locale)?;
    let trainee_id = TraineeId(reads::path_id(&id, locale)?);
    let env = state.env();
    let client = partner.client.clone();
    let answer = idempotency::once(
        env,
        &partner,
        &headers,
        &format!("PATCH /api/v1/trainees/{id}/identifiers"),
        &body,
        async || match crate::trainees::service::set_registry_numbers(
            env, &client, &actor, trainee_id, &input,
        )
        .await
        {
            Ok(saved) => (
                StatusCode::OK,
                axum::Json(Identifiers {
                    trainee_id: saved.id,
                    id_pmi: saved.id_pmi,
                    siskop2mi_no: saved.siskop2mi_no,
                    updated_at: wib::rfc3339_wib(saved.updated_at),
                }),
            )
                .into_response(),
            Err(error) => problem::from_error(&error, locale),
        },
    )
    .await;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trainees::model::enrollment::EnrollmentStatus;

    #[test]
    fn the_documented_enrollment_statuses_are_the_stored_ones() {
        let documented: Vec<String> = [
            EnrollmentStatusDoc::Applied,
            EnrollmentStatusDoc::Accepted,
            EnrollmentStatusDoc::Waitlisted,
            EnrollmentStatusDoc::Rejected,
            EnrollmentStatusDoc::Active,
            EnrollmentStatusDoc::Completed,
            EnrollmentStatusDoc::Withdrawn,
            EnrollmentStatusDoc::Transferred,
        ]
        .iter()
        .map(|s| serde_json::to_value(s).unwrap().as_str().unwrap().to_owned())
        .collect();
        let stored: Vec<String> = EnrollmentStatus::ALL
            .iter()
            .map(|s| s.as_str().to_owned())
            .collect();
        assert_eq!(documented, stored);
    }

    #[test]
    fn a_change_of_numbers_is_read_strictly() {
        let read = |body: &str| read_numbers(body.as_bytes(), Locale::En);
        let cleared = read(r#"{"id_pmi": null}"#).ok().unwrap();
        assert_eq!(cleared.id_pmi.as_deref(), Some(""));
        assert_eq!(cleared.siskop2mi_no, None);
        assert!(read(r#"{"id_pmi": 5}"#).is_err());
        assert!(read(r#"{"id_pmi": " "}"#).is_err());
        assert!(read(r#"{"id_pmi": "PMI 3604"}"#).is_err(), "not mended");
        assert!(read(r#"{"id_pmi": "pmi-3604"}"#).is_ok());
        assert!(read(r#"{"nik": "1"}"#).is_err());
        assert!(read("[]").is_err());
    }
}
