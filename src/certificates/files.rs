//! The certificates addresses that are files rather than pages: a document's PDF (for
//! its site's staff and the trainee, whatever id is guessed), a cohort's print file, and
//! the upload of a site's logo (a multipart post that works without JavaScript). Wired
//! into the router by the composition.

use axum::{
    extract::{Multipart, State},
    response::Response,
};
use serde::Deserialize;

use super::{authz, service, texts::Notice};
use crate::kernel::{AppError, CohortId, Locale};
use crate::platform::context::{Failure, Success};
use crate::platform::handlers::{
    private_file, read_upload, refused, reply, FileRoute, Filter, PathId, SignedIn,
};
use crate::platform::state::AppState;

/// `?lang=en` for the English version; Indonesian otherwise.
#[derive(Debug, Default, Deserialize)]
pub struct Language {
    #[serde(default)]
    pub lang: Option<String>,
}

impl Language {
    fn locale(&self) -> Locale {
        self.lang.as_deref().and_then(Locale::parse).unwrap_or(Locale::Id)
    }
}

/// `GET /sertifikat/{id}/pdf`: one document.
pub async fn document_pdf(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(id): PathId,
    Filter(language): Filter<Language>,
) -> Response {
    if !authz::may_download(&actor) {
        return refused(&AppError::Forbidden);
    }
    match service::document_pdf(state.env(), &actor, id, language.locale()).await {
        Ok((name, bytes)) => private_file("application/pdf", bytes, &name),
        Err(error) => refused(&error),
    }
}

/// `GET /angkatan/{id}/sertifikat/cetak`: every current certificate of the cohort.
pub async fn cohort_pdf(
    State(state): State<AppState>,
    SignedIn { actor, .. }: SignedIn,
    PathId(id): PathId<CohortId>,
    Filter(language): Filter<Language>,
) -> Response {
    if !authz::can_issue(&actor) {
        return refused(&AppError::Forbidden);
    }
    match service::cohort_pdf(state.env(), &actor, id.get(), language.locale()).await {
        Ok((name, bytes)) => private_file("application/pdf", bytes, &name),
        Err(error) => refused(&error),
    }
}

/// `POST /pengaturan-dokumen/logo`: a site's logo (`site_id`, file `logo`), back to the
/// settings with the notice or the reason.
pub async fn upload_logo(
    State(state): State<AppState>,
    SignedIn { actor, info }: SignedIn,
    form: Multipart,
) -> Response {
    let upload = match read_upload(form, "logo").await {
        Ok(upload) => upload,
        Err(response) => return response,
    };
    let site = upload.fields.get("site_id").cloned().unwrap_or_default();
    let result = service::save_logo(
        state.env(),
        &info.client,
        &actor,
        site.trim().parse().ok(),
        upload.bytes,
    )
    .await;
    if matches!(result, Err(AppError::Forbidden)) {
        return refused(&AppError::Forbidden);
    }
    reply(
        &state.config,
        result,
        |site| Success::to(super::paths::SETTINGS).notice(Notice::LogoSaved(site.clone())),
        super::paths::SETTINGS,
        Failure::form(super::api::LOGO_FORM).keep("site_id", &site),
    )
}

/// The area's addresses that are files, for the composition's router.
pub fn file_routes() -> Vec<FileRoute> {
    vec![
        FileRoute::get(super::paths::PDF, document_pdf),
        FileRoute::get(super::paths::COHORT_PDF, cohort_pdf),
        FileRoute::post(super::paths::LOGO, upload_logo),
    ]
}
