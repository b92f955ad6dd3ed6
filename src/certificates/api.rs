//! Server functions for certificates and letters. Each takes its input, and in one step
//! authorises, runs one use case and answers (data) or replies (form post → redirect with
//! a flash). The PDFs and the logo upload are plain handlers in `files.rs`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::dto::{CohortDocuments, IssueInput, MyDocuments, RevokeInput, SettingsPage, Verification};
use super::model::SettingsInput;
use crate::kernel::{AppError, CohortId};

#[cfg(feature = "ssr")]
use super::{paths, texts::Notice};
#[cfg(feature = "ssr")]
use crate::platform::context::{Ctx, Failure, Success};

/// The address printed on documents for their verification: the configured public one,
/// or the one the request came to.
#[cfg(feature = "ssr")]
fn base(ctx: &Ctx) -> String {
    ctx.env()
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| ctx.origin())
}

/// A cohort's members and their documents, for those who run it.
#[server(prefix = "/api", endpoint = "certificates/cohort", input = GetUrl)]
pub async fn get_cohort_documents(cohort_id: CohortId) -> Result<CohortDocuments, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_issue, async |actor| {
        service::cohort_documents(ctx.env(), actor, cohort_id.get()).await
    })
    .await
}

/// Issues one document (`kind`: certificate or letter) for one enrollment.
#[server(prefix = "/api", endpoint = "certificates/issue")]
pub async fn issue_document(#[server(flatten)] input: IssueInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let base = base(&ctx);
    ctx.submit(
        authz::can_issue,
        async |actor| service::issue(ctx.env(), ctx.client(), actor, &input, &base).await,
        |issued| {
            let first = issued.documents.first();
            Success::to(paths::cohort(CohortId(issued.cohort_id))).notice(Notice::Issued {
                kind: super::model::DocumentKind::parse(&input.kind)
                    .unwrap_or(super::model::DocumentKind::Certificate),
                number: first.map(|d| d.number.clone()).unwrap_or_default(),
                name: first.map(|d| d.name.clone()).unwrap_or_default(),
            })
        },
        Failure::of::<IssueDocument>(&input),
    )
    .await
    .map(|_| ())
}

/// Issues a certificate to every member of the cohort who completed and has none, at once.
#[server(prefix = "/api", endpoint = "certificates/issue-cohort")]
pub async fn issue_cohort(cohort_id: CohortId) -> Result<u32, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let base = base(&ctx);
    ctx.submit(
        authz::can_issue,
        async |actor| service::issue_cohort(ctx.env(), ctx.client(), actor, cohort_id.get(), &base).await,
        |issued| {
            let number = |d: Option<&super::dto::IssuedOne>| d.map(|d| d.number.clone()).unwrap_or_default();
            Success::to(paths::cohort(cohort_id)).notice(Notice::IssuedMany {
                n: u32::try_from(issued.documents.len()).unwrap_or(u32::MAX),
                first: number(issued.documents.first()),
                last: number(issued.documents.last()),
            })
        },
        Failure::form(crate::platform::response::form_id::<IssueCohort>()),
    )
    .await
    .map(|issued| u32::try_from(issued.documents.len()).unwrap_or(u32::MAX))
}

/// Revokes a document and issues its replacement (a correction), with the reason.
#[server(prefix = "/api", endpoint = "certificates/reissue")]
pub async fn reissue_document(#[server(flatten)] input: RevokeInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    let base = base(&ctx);
    ctx.submit(
        authz::can_issue,
        async |actor| service::reissue(ctx.env(), ctx.client(), actor, &input, &base).await,
        |issued| {
            Success::to(paths::cohort(CohortId(issued.cohort_id))).notice(Notice::Reissued(
                issued
                    .documents
                    .first()
                    .map(|d| d.number.clone())
                    .unwrap_or_default(),
            ))
        },
        revoke_failure(&input),
    )
    .await
    .map(|_| ())
}

/// Revokes a document, with the reason.
#[server(prefix = "/api", endpoint = "certificates/revoke")]
pub async fn revoke_document(#[server(flatten)] input: RevokeInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_issue,
        async |actor| service::revoke(ctx.env(), ctx.client(), actor, &input).await,
        |cohort_id| Success::to(paths::cohort(CohortId(*cohort_id))).notice(Notice::Revoked),
        revoke_failure(&input),
    )
    .await
    .map(|_| ())
}

/// Back to the document's own form, the reason kept.
#[cfg(feature = "ssr")]
fn revoke_failure(input: &RevokeInput) -> Failure {
    Failure::form(CHANGE_FORM).keep_all(input)
}

/// The signed-in trainee's own documents.
#[server(prefix = "/api", endpoint = "certificates/mine", input = GetUrl)]
pub async fn get_my_documents() -> Result<MyDocuments, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::is_trainee, async |actor| {
        service::my_documents(ctx.env(), actor).await
    })
    .await
}

/// The public verification of a code: no sign-in, counted per address.
#[server(prefix = "/api", endpoint = "certificates/verify", input = GetUrl)]
pub async fn verify_document(code: String) -> Result<Verification, AppError> {
    use super::service;
    let ctx = Ctx::current()?;
    let env = ctx.env();
    let address = ctx.client().ip.clone().unwrap_or_default();
    let result = match env.limits.hit(
        "verify",
        &address,
        env.clock.now(),
        env.config.verify_requests_per_minute,
    ) {
        Err(_) => Err(AppError::Throttled {
            retry_after_minutes: 1,
        }),
        Ok(()) => service::verify(env, &code).await,
    };
    ctx.answer(result)
}

/// Every site's document settings, for admins.
#[server(prefix = "/api", endpoint = "certificates/settings", input = GetUrl)]
pub async fn get_document_settings() -> Result<SettingsPage, AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.serve(authz::can_configure, async |actor| {
        service::settings_page(ctx.env(), actor).await
    })
    .await
}

/// Saves one site's signatory and numbering patterns.
#[server(prefix = "/api", endpoint = "certificates/save-settings")]
pub async fn save_document_settings(#[server(flatten)] input: SettingsInput) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_configure,
        async |actor| service::save_settings(ctx.env(), ctx.client(), actor, &input).await,
        |site| Success::to(paths::SETTINGS).notice(Notice::SettingsSaved(site.clone())),
        Failure::form(SETTINGS_FORM).keep_all(&input),
    )
    .await
    .map(|_| ())
}

/// Removes a site's logo.
#[server(prefix = "/api", endpoint = "certificates/remove-logo")]
pub async fn remove_logo(site_id: i64) -> Result<(), AppError> {
    use super::{authz, service};
    let ctx = Ctx::current()?;
    ctx.submit(
        authz::can_configure,
        async |actor| service::remove_logo(ctx.env(), ctx.client(), actor, Some(site_id)).await,
        |site| Success::to(paths::SETTINGS).notice(Notice::LogoRemoved(site.clone())),
        Failure::form(LOGO_FORM).keep("site_id", &site_id.to_string()),
    )
    .await
    .map(|_| ())
}

/// The form of a site's settings; the flash keeps the site's id, and the page shows the
/// error under that site's form only.
pub const SETTINGS_FORM: &str = "document-settings";
/// The form of a site's logo (its id kept as for [`SETTINGS_FORM`]).
pub const LOGO_FORM: &str = "document-logo";
/// The revoke and reissue forms of a document (its id kept as for [`SETTINGS_FORM`]).
pub const CHANGE_FORM: &str = "document-change";
