//! Personal preferences that do not need an account: the interface language.

use leptos::prelude::*;

use crate::kernel::AppError;

#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};
#[cfg(feature = "ssr")]
use crate::platform::response::form_id;

/// Switches the interface language (`id` or `en`) and returns to the page it came from.
#[server(prefix = "/api", endpoint = "prefs/language")]
pub async fn set_language(lang: String, back: Option<String>) -> Result<(), AppError> {
    use super::texts::Notice;
    use crate::kernel::{Locale, Problem};
    let ctx = Ctx::current()?;
    let result = Locale::parse(&lang)
        .ok_or_else(|| AppError::invalid("lang", Problem::InvalidChoice))
        .map(|locale| ctx.set_language_cookie(locale));
    let to = back.unwrap_or_else(|| ctx.referer_path());
    ctx.reply(
        result,
        |()| Success::to(to).notice(Notice::LanguageChanged),
        Failure::form(form_id::<SetLanguage>()),
    )
}
