//! The one-shot "flash" a form post leaves in a short-lived cookie for the next page:
//! on success a notice of the area that handled the post, on failure the error and what
//! was typed (never passwords), so the form comes back filled in with the reasons.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::kernel::AppError;

/// A confirmation an area shows once after one of its form posts succeeded. Each area
/// declares its own notices (an enum implementing this trait) and how they read; the
/// flash carries them as a [`NoticeToken`] tagged with the area's name.
pub trait AreaNotice: Serialize + DeserializeOwned {
    /// The area's name, unique among areas (`"accounts"`, `"schedule"`…).
    const AREA: &'static str;

    /// This notice, ready for the flash.
    fn token(&self) -> NoticeToken {
        NoticeToken {
            area: Self::AREA.to_owned(),
            body: serde_json::to_value(self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The notice in `token`, if it is one of this area's.
    fn from_token(token: &NoticeToken) -> Option<Self> {
        if token.area == Self::AREA {
            serde_json::from_value(token.body.clone()).ok()
        } else {
            None
        }
    }
}

/// An area's notice in transit: which area, and the notice as that area serialised it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeToken {
    pub area: String,
    pub body: serde_json::Value,
}

/// Left in a short-lived cookie by a form post, read by the next page render.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    pub form: Option<String>,
    pub error: Option<AppError>,
    pub values: Vec<(String, String)>,
    pub notice: Option<NoticeToken>,
}

impl Flash {
    /// The error of `form`, if this flash belongs to it.
    pub fn error_for(&self, form: &str) -> Option<&AppError> {
        (self.form.as_deref() == Some(form))
            .then_some(self.error.as_ref())
            .flatten()
    }

    /// What was typed into `field` of `form`.
    pub fn value_for(&self, form: &str, field: &str) -> Option<&str> {
        if self.form.as_deref() != Some(form) {
            return None;
        }
        self.values
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum SampleNotice {
        Saved(String),
    }

    impl AreaNotice for SampleNotice {
        const AREA: &'static str = "sample";
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum OtherNotice {
        Saved(String),
    }

    impl AreaNotice for OtherNotice {
        const AREA: &'static str = "other";
    }

    #[test]
    fn a_notice_comes_back_only_to_its_own_area() {
        let token = SampleNotice::Saved("Dewi".into()).token();
        assert_eq!(
            SampleNotice::from_token(&token),
            Some(SampleNotice::Saved("Dewi".into()))
        );
        assert_eq!(OtherNotice::from_token(&token), None);
    }

    #[test]
    fn flash_values_belong_to_their_form_only() {
        let flash = Flash {
            form: Some("sign-in".into()),
            error: Some(AppError::InvalidCredentials),
            values: vec![("login".into(), "0812".into())],
            notice: None,
        };
        assert_eq!(flash.value_for("sign-in", "login"), Some("0812"));
        assert_eq!(flash.value_for("activate", "login"), None);
        assert_eq!(flash.error_for("activate"), None);
    }
}
