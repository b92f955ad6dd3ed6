//! `results:write`: official results from a test centre (a JFT-Basic score, a JLPT level, a
//! skills test), recorded through the same use case as a coordinator's, so they count in
//! readiness exactly the same way, audited with the key's name.
//!
//! The body is read strictly, as the document describes it: one shape per kind of result,
//! nothing else in it (an unknown field, or a field of another kind, is refused), every value
//! of its JSON type. Sent with an `Idempotency-Key`, a repeated write gets the first answer.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use super::caller::Partner;
use super::idempotency;
use super::problem::{self, Answer, FieldProblem, Refused};
use super::reads;
use crate::integrations::model::Scope;
use crate::integrations::texts::T;
use crate::kernel::{Locale, Problem, TraineeId};
use crate::platform::state::AppState;
use crate::readiness::dto::ResultInput;

/// At most this much JSON in a result.
pub const MAX_BODY: usize = 16 * 1024;

/// A JLPT result: the level sat, and whether it was passed.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "jlpt", "level": "N4", "passed": true, "taken_on": "2026-07-05", "certificate_no": "N4A12345678"}))]
#[allow(dead_code)]
pub struct JlptResult {
    /// `jlpt`.
    #[schema(pattern = "^jlpt$")]
    kind: String,
    #[schema(value_type = JlptLevelDoc)]
    level: String,
    passed: bool,
    #[schema(value_type = String, format = Date)]
    taken_on: String,
    #[schema(max_length = 60)]
    certificate_no: Option<String>,
}

/// A JFT-Basic result: the score on its 10–250 scale (200 passes).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "jft_basic", "score": 215, "taken_on": "2026-11-20", "certificate_no": "JFT-2026-0042137"}))]
#[allow(dead_code)]
pub struct JftBasicResult {
    /// `jft_basic`.
    #[schema(pattern = "^jft_basic$")]
    kind: String,
    #[schema(minimum = 10, maximum = 250)]
    score: u16,
    #[schema(value_type = String, format = Date)]
    taken_on: String,
    #[schema(max_length = 60)]
    certificate_no: Option<String>,
}

/// A skills test (the SSW sector test, the caregiving Japanese or skills test).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "ssw_skills", "passed": true, "field": "Kaigo", "taken_on": "2026-10-14"}))]
#[allow(dead_code)]
pub struct SkillsResult {
    /// `ssw_skills`, `care_japanese` or `care_skills`.
    #[schema(pattern = "^(ssw_skills|care_japanese|care_skills)$")]
    kind: String,
    passed: bool,
    /// The SSW sector.
    #[schema(max_length = 80)]
    field: Option<String>,
    #[schema(value_type = String, format = Date)]
    taken_on: String,
    #[schema(max_length = 60)]
    certificate_no: Option<String>,
}

/// An official result, one shape per kind.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum NewResult {
    Jlpt(JlptResult),
    JftBasic(JftBasicResult),
    Skills(SkillsResult),
}

/// A JLPT level.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = JlptLevel)]
#[allow(dead_code)]
pub enum JlptLevelDoc {
    N5,
    N4,
    N3,
    N2,
    N1,
}

/// A result as recorded.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordedResult {
    pub id: i64,
    pub trainee_id: i64,
    /// Whether it counts as passed (JFT-Basic: a score of 200 or more).
    pub passed: bool,
}

/// The fields each kind takes; `true`: required.
fn shape(kind: &str) -> Option<&'static [(&'static str, bool)]> {
    Some(match kind {
        "jlpt" => &[
            ("kind", true),
            ("level", true),
            ("passed", true),
            ("taken_on", true),
            ("certificate_no", false),
        ],
        "jft_basic" => &[
            ("kind", true),
            ("score", true),
            ("taken_on", true),
            ("certificate_no", false),
        ],
        "ssw_skills" | "care_japanese" | "care_skills" => &[
            ("kind", true),
            ("passed", true),
            ("field", false),
            ("taken_on", true),
            ("certificate_no", false),
        ],
        _ => return None,
    })
}

/// The body as the use case's input, or every field refused.
fn read_body(body: &[u8], locale: Locale) -> Result<ResultInput, Refused> {
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return Err(problem::bad_request(
            vec![FieldProblem::api("body", "NotJson", T::ApiNotJson, locale)],
            locale,
        )
        .into());
    };
    let mut errors = Vec::new();
    let kind = match fields.get("kind") {
        Some(Value::String(kind)) if shape(kind).is_some() => kind.clone(),
        Some(Value::String(_)) => {
            errors.push(FieldProblem::of("kind", &Problem::InvalidChoice, locale));
            return Err(problem::invalid(errors, locale).into());
        }
        Some(_) => {
            errors.push(FieldProblem::api("kind", "WrongType", T::ApiWrongType, locale));
            return Err(problem::invalid(errors, locale).into());
        }
        None => {
            errors.push(FieldProblem::of("kind", &Problem::Required, locale));
            return Err(problem::invalid(errors, locale).into());
        }
    };
    let shape = shape(&kind).unwrap_or_default();
    // An optional field sent as `null` is not sent (the document allows either).
    let mut fields = fields;
    fields.retain(|name, value| {
        !(value.is_null() && shape.iter().any(|(field, required)| field == name && !required))
    });
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort();
    for name in names {
        if !shape.iter().any(|(field, _)| field == name) {
            errors.push(FieldProblem::api(
                name,
                "UnknownField",
                T::ApiUnknownField,
                locale,
            ));
        }
    }
    for (field, required) in shape {
        if *required && !fields.contains_key(*field) {
            errors.push(FieldProblem::of(field, &Problem::Required, locale));
        }
    }
    let mut input = ResultInput {
        kind,
        ..ResultInput::default()
    };
    text(&fields, "level", &mut input.level, &mut errors, locale);
    text(&fields, "taken_on", &mut input.taken_on, &mut errors, locale);
    text(
        &fields,
        "certificate_no",
        &mut input.certificate_no,
        &mut errors,
        locale,
    );
    text(&fields, "field", &mut input.field, &mut errors, locale);
    match fields.get("score") {
        None => {}
        Some(Value::Number(n)) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            input.score = n.as_f64().map(|f| format!("{f:.0}")).unwrap_or_default();
        }
        Some(_) => errors.push(FieldProblem::api("score", "WrongType", T::ApiWrongType, locale)),
    }
    match fields.get("passed") {
        None => {}
        Some(Value::Bool(passed)) => input.passed = if *passed { "on".into() } else { String::new() },
        Some(_) => errors.push(FieldProblem::api("passed", "WrongType", T::ApiWrongType, locale)),
    }
    // Counted as the document and the columns count them: characters, not graphemes.
    for (name, value, max) in [
        ("certificate_no", &input.certificate_no, 60u32),
        ("field", &input.field, 80),
    ] {
        if value.chars().count() > max as usize {
            errors.push(FieldProblem::of(name, &Problem::TooLong { max }, locale));
        }
    }
    // Exactly as the document says: a level is one of five, a date is YYYY-MM-DD.
    if fields.get("level").is_some_and(Value::is_string)
        && !["N5", "N4", "N3", "N2", "N1"].contains(&input.level.as_str())
    {
        errors.push(FieldProblem::of("level", &Problem::InvalidChoice, locale));
    }
    let date = input.taken_on.as_bytes();
    let spelled = date.len() == 10
        && date.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if fields.get("taken_on").is_some_and(Value::is_string) && !spelled {
        errors.push(FieldProblem::of("taken_on", &Problem::InvalidDate, locale));
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(problem::invalid(errors, locale).into())
    }
}

/// A text field: a JSON string, or refused for its type.
fn text(
    fields: &Map<String, Value>,
    name: &str,
    into: &mut String,
    errors: &mut Vec<FieldProblem>,
    locale: Locale,
) {
    match fields.get(name) {
        None => {}
        Some(Value::String(value)) => value.clone_into(into),
        Some(_) => errors.push(FieldProblem::api(name, "WrongType", T::ApiWrongType, locale)),
    }
}

/// Records an official result of a trainee.
#[utoipa::path(post, path = "/api/v1/trainees/{id}/results", tag = "Results", operation_id = "recordResult",
    security(("bearer" = ["results:write"])),
    params(
        ("id" = i64, Path, description = "The trainee's record id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any 1–200 visible ASCII characters, new for each result; a repeated request with the same key gets the first answer, never a second row", pattern = "^[\\x21-\\x7E]{1,200}$"),
    ),
    request_body(content = NewResult, description = "The result, one shape per kind"),
    responses(
        (status = 201, description = "Recorded; it counts in readiness from now on", body = RecordedResult),
        (status = 409, description = "The Idempotency-Key is taken: by a request still being answered (try again shortly), or by another request (use a new key)", body = problem::ProblemDoc, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB", body = problem::ProblemDoc, content_type = "application/problem+json"),
    ))]
pub async fn record(
    State(state): State<AppState>,
    partner: Partner,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Answer {
    let locale = partner.locale;
    let actor = partner.with(Scope::ResultsWrite)?.clone();
    if body.len() > MAX_BODY {
        return Err(problem::too_large(locale).into());
    }
    let input = read_body(&body, locale)?;
    let trainee_id = TraineeId(reads::path_id(&id, locale)?);
    let env = state.env();
    let client = partner.client.clone();
    let answer = idempotency::once(
        env,
        &partner,
        &headers,
        &format!("POST /api/v1/trainees/{id}/results"),
        &body,
        async || match crate::readiness::service::record_result(env, &client, &actor, trainee_id, &input)
            .await
        {
            Ok(recorded) => (
                StatusCode::CREATED,
                axum::Json(RecordedResult {
                    id: recorded.id,
                    trainee_id: trainee_id.get(),
                    passed: recorded.passed,
                }),
            )
                .into_response(),
            Err(error) => problem::from_error(&error, locale),
        },
    )
    .await;
    Ok(answer)
}
