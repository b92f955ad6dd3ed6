//! Excuse requests: a trainee asks in advance for izin or sakit for a coming session, with
//! a reason and, for sakit, optionally a photo of the doctor's note; a coordinator
//! approves or declines; an approved request pre-fills the roll call.

use serde::{Deserialize, Serialize};

use super::AttendanceStatus;
use crate::kernel::codes::code_enum;
use crate::kernel::{FieldError, Problem, SessionId};

code_enum! {
    /// What was asked for.
    ExcuseKind {
        Permitted => "izin",
        Sick => "sakit",
    }
}

impl ExcuseKind {
    /// The mark an approved request gives.
    pub fn status(self) -> AttendanceStatus {
        match self {
            Self::Permitted => AttendanceStatus::Permitted,
            Self::Sick => AttendanceStatus::Sick,
        }
    }
}

code_enum! {
    /// Where a request is.
    ExcuseStatus {
        Pending => "pending",
        Approved => "approved",
        Declined => "declined",
        /// Taken back by the trainee before a decision.
        Withdrawn => "withdrawn",
    }
}

/// The largest doctor's note photo accepted, in KiB (phones' photos, a little compressed).
pub const NOTE_MAX_KIB: u32 = 1900;

/// A request as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcuseInput {
    pub session_id: String,
    pub kind: String,
    pub reason: String,
}

/// A coordinator's decision on a request as posted: `approve` or `decline`, and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub decision: String,
    pub note: String,
}

impl DecisionInput {
    /// Whether the request is approved.
    ///
    /// # Errors
    /// [`Problem::InvalidChoice`] for anything but `approve` and `decline`.
    pub fn approves(&self) -> Result<bool, Problem> {
        match self.decision.as_str() {
            "approve" => Ok(true),
            "decline" => Ok(false),
            _ => Err(Problem::InvalidChoice),
        }
    }
}

/// A request that passed its checks (the session's own are the service's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidExcuse {
    pub session_id: SessionId,
    pub kind: ExcuseKind,
    pub reason: String,
}

/// Checks a request's fields at once.
///
/// # Errors
/// The refused fields.
pub fn validate_excuse(input: &ExcuseInput) -> Result<ValidExcuse, Vec<FieldError>> {
    let mut errors = Vec::new();
    let session_id = match crate::kernel::input::parse_choice(&input.session_id) {
        Ok(Some(id)) => Some(id),
        Ok(None) => {
            errors.push(FieldError::new("session_id", Problem::Required));
            None
        }
        Err(problem) => {
            errors.push(FieldError::new("session_id", problem));
            None
        }
    };
    let kind = ExcuseKind::parse(&input.kind)
        .map_err(|p| errors.push(FieldError::new("kind", p)))
        .ok();
    let reason = crate::kernel::input::parse_text(&input.reason, 500, false)
        .map_err(|p| errors.push(FieldError::new("reason", p)))
        .ok()
        .flatten();
    match (session_id, kind, reason) {
        (Some(session_id), Some(kind), Some(reason)) if errors.is_empty() => Ok(ValidExcuse {
            session_id: SessionId(session_id),
            kind,
            reason,
        }),
        _ => Err(errors),
    }
}

/// The content type of a doctor's note photo, told by its first bytes (never by its name).
///
/// # Errors
/// [`Problem::FileTooLarge`] or [`Problem::NotAnImage`].
pub fn note_type(bytes: &[u8]) -> Result<&'static str, Problem> {
    if bytes.len() > NOTE_MAX_KIB as usize * 1024 {
        return Err(Problem::FileTooLarge {
            max_kib: NOTE_MAX_KIB,
        });
    }
    crate::kernel::input::image_type(bytes).ok_or(Problem::NotAnImage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_every_missing_field() {
        let fields: Vec<(String, Problem)> = validate_excuse(&ExcuseInput::default())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("session_id".into(), Problem::Required),
                ("kind".into(), Problem::InvalidChoice),
                ("reason".into(), Problem::Required),
            ]
        );
        let long = ExcuseInput {
            session_id: "3".into(),
            kind: "sakit".into(),
            reason: "x".repeat(501),
        };
        assert_eq!(
            validate_excuse(&long).unwrap_err()[0].problem,
            Problem::TooLong { max: 500 }
        );
        let fine = ExcuseInput {
            reason: "Demam, periksa ke puskesmas".into(),
            ..long
        };
        assert_eq!(
            validate_excuse(&fine).unwrap().kind.status(),
            AttendanceStatus::Sick
        );
    }

    #[test]
    fn notes_are_pictures_told_by_their_bytes() {
        assert_eq!(note_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Ok("image/jpeg"));
        assert_eq!(note_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
        assert_eq!(note_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
        assert_eq!(note_type(b"%PDF-1.7"), Err(Problem::NotAnImage));
        assert_eq!(note_type(b"<svg onload=alert(1)>"), Err(Problem::NotAnImage));
        let big = vec![0xFF; NOTE_MAX_KIB as usize * 1024 + 1];
        assert_eq!(
            note_type(&big),
            Err(Problem::FileTooLarge {
                max_kib: NOTE_MAX_KIB
            })
        );
    }
}
