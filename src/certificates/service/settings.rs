//! The sites' document settings, for admins: who signs, how numbers are written, the logo.

use serde_json::json;

use crate::audit::db::{record, AuditEvent};
use crate::audit::model::{AuditAction, Outcome};
use crate::certificates::db;
use crate::certificates::dto::{SettingsPage, SiteSettings};
use crate::certificates::model::{logo_type, NumberPattern, Settings, SettingsInput};
use crate::kernel::{wib, Actor, AppError, Problem, Role};
use crate::platform::context::Client;
use crate::platform::state::Env;

fn admin(actor: &Actor) -> Result<(), AppError> {
    if actor.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Every site with its settings and the numbers its patterns write today.
///
/// # Errors
/// `Forbidden` for anyone but admins; database failures.
pub async fn settings_page(env: Env<'_>, actor: &Actor) -> Result<SettingsPage, AppError> {
    admin(actor)?;
    let sites = crate::accounts::db::all_sites(env.db).await?;
    let settings = db::settings_of_sites(env.db, None).await?;
    let today = wib::today(env.clock.now());
    let example = |pattern: Option<&str>, code: &str| {
        pattern
            .and_then(|p| NumberPattern::parse(p).ok())
            .map(|p| p.number(1, code, today))
    };
    Ok(SettingsPage {
        sites: sites
            .into_iter()
            .map(|site| {
                let row = settings.iter().find(|s| s.site_id == site.id);
                let text = |f: fn(&crate::entities::document_settings::Model) -> Option<&str>| {
                    row.and_then(f).unwrap_or_default().to_owned()
                };
                SiteSettings {
                    site_id: site.id,
                    certificate_example: example(
                        row.and_then(|r| r.certificate_pattern.as_deref()),
                        &site.code,
                    ),
                    letter_example: example(row.and_then(|r| r.letter_pattern.as_deref()), &site.code),
                    site: site.name,
                    site_code: site.code,
                    signatory_name: text(|r| Some(r.signatory_name.as_str())),
                    signatory_position: text(|r| Some(r.signatory_position.as_str())),
                    certificate_pattern: text(|r| r.certificate_pattern.as_deref()),
                    letter_pattern: text(|r| r.letter_pattern.as_deref()),
                    has_logo: row.is_some_and(|r| r.logo.is_some()),
                }
            })
            .collect(),
    })
}

/// Saves one site's signatory and patterns; returns the site's name.
///
/// # Errors
/// `Forbidden` for anyone but admins; `Invalid` with every field's problem.
pub async fn save_settings(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    input: &SettingsInput,
) -> Result<String, AppError> {
    admin(actor)?;
    let settings = Settings::try_from(input)?;
    let site = crate::accounts::db::sites_by_ids(env.db, &[settings.site_id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::invalid("site_id", Problem::InvalidChoice))?;
    let now = env.clock.now();
    let txn = env.begin().await?;
    db::save_settings(&txn, &settings, actor.user_id.get(), now).await?;
    let event = AuditEvent::new(AuditAction::PaperSettings, Outcome::Success)
        .by(actor)
        .site(Some(site.id))
        .ip(client.ip.clone())
        .detail(json!({
            "signatory": settings.signatory_name,
            "certificate_pattern": settings.certificate_pattern.as_ref().map(NumberPattern::as_str),
            "letter_pattern": settings.letter_pattern.as_ref().map(NumberPattern::as_str),
        }));
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(site.name)
}

/// Sets a site's logo from an upload, told by its bytes; the site's signatory must be set
/// first. Returns the site's name.
///
/// # Errors
/// `Forbidden` for anyone but admins; `Invalid` for a file that is no logo, too large, or
/// a site without settings.
pub async fn save_logo(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    site_id: Option<i64>,
    bytes: Vec<u8>,
) -> Result<String, AppError> {
    admin(actor)?;
    let site_id = site_id.ok_or_else(|| AppError::invalid("site_id", Problem::InvalidChoice))?;
    if bytes.is_empty() {
        return Err(AppError::invalid("logo", Problem::Required));
    }
    let content_type = logo_type(&bytes).map_err(|p| AppError::invalid("logo", p))?;
    change_logo(env, client, actor, site_id, Some((bytes, content_type))).await
}

/// Removes a site's logo; returns the site's name.
///
/// # Errors
/// As [`save_logo`].
pub async fn remove_logo(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    site_id: Option<i64>,
) -> Result<String, AppError> {
    admin(actor)?;
    let site_id = site_id.ok_or_else(|| AppError::invalid("site_id", Problem::InvalidChoice))?;
    change_logo(env, client, actor, site_id, None).await
}

async fn change_logo(
    env: Env<'_>,
    client: &Client,
    actor: &Actor,
    site_id: i64,
    logo: Option<(Vec<u8>, &'static str)>,
) -> Result<String, AppError> {
    let site = crate::accounts::db::sites_by_ids(env.db, &[site_id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::invalid("site_id", Problem::InvalidChoice))?;
    let now = env.clock.now();
    let detail =
        json!({ "logo": logo.as_ref().map(|(bytes, kind)| json!({ "type": kind, "bytes": bytes.len() })) });
    let txn = env.begin().await?;
    if db::save_logo(&txn, site_id, logo, actor.user_id.get(), now).await? == 0 {
        return Err(AppError::invalid("logo", Problem::NoSignatory));
    }
    let event = AuditEvent::new(AuditAction::PaperSettings, Outcome::Success)
        .by(actor)
        .site(Some(site_id))
        .ip(client.ip.clone())
        .detail(detail);
    record(&txn, now, event).await?;
    txn.commit().await?;
    Ok(site.name)
}
