//! `siap-jepang certificates issue|verify|revoke`: the operator's side of a cohort's
//! certificates, through the same use cases as the pages (audited as done at the command
//! line, by no account).

use std::path::Path;

use super::{connect_and_migrate, describe_fields, CertificateAction};
use crate::certificates::service;
use crate::kernel::actor::Integration;
use crate::kernel::{Actor, AppError, KeyId, Locale, Role};
use crate::platform::config::Config;
use crate::platform::context::Client;

/// The operator at the server's shell: an admin with no account, named in the audit log.
fn operator() -> Actor {
    let mut actor = Actor::new(0, Role::Admin, &[]);
    actor.display_name = "siap-jepang certificates".to_owned();
    actor.integration = Some(Integration {
        key: KeyId(0),
        name: "command line".to_owned(),
        personal_data: true,
    });
    actor
}

pub async fn run(config: &Config, action: CertificateAction) -> Result<(), String> {
    let state = connect_and_migrate(config).await?;
    let env = state.env();
    let actor = operator();
    let client = Client::default();
    match action {
        CertificateAction::Issue {
            cohort,
            output,
            base_url,
        } => {
            let found = crate::cohorts::db::cohort_by_code(env.db, cohort.trim())
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no cohort {cohort:?}"))?;
            let base = match base_url.or_else(|| config.public_url.clone()) {
                Some(base) => base,
                None => {
                    let base = config.own_url();
                    eprintln!("PUBLIC_URL is not set: the documents will say {base}/verifikasi/… (pass --base-url).");
                    base
                }
            };
            // The folder first: once issued, the documents are numbered for good.
            if let Some(dir) = &output {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
                let probe = dir.join(".siap-jepang-write-test");
                std::fs::write(&probe, b"")
                    .map_err(|e| format!("cannot write into {}: {e}", dir.display()))?;
                let _ = std::fs::remove_file(probe);
            }
            let issued = service::issue_cohort(env, &client, &actor, found.id, &base)
                .await
                .map_err(|e| refusal("nothing issued", &e))?;
            for one in &issued.documents {
                println!("{}\t{}\t{}", one.number, one.name, one.verify_url);
                if let Some(dir) = &output {
                    let (name, bytes) = service::document_pdf(env, &actor, one.id, Locale::Id)
                        .await
                        .map_err(|e| refusal("cannot draw the PDF", &e))?;
                    write(dir, &name, &bytes)?;
                }
            }
            eprintln!(
                "{} certificates issued for {}{}.",
                issued.documents.len(),
                found.code,
                output
                    .map(|dir| format!(", PDFs in {}", dir.display()))
                    .unwrap_or_default()
            );
            Ok(())
        }
        CertificateAction::Verify { code } => match service::verify_report(env, &code).await {
            Ok(report) => {
                println!("{report}");
                if report.starts_with("VALID") {
                    Ok(())
                } else {
                    Err("the document was revoked".to_owned())
                }
            }
            Err(AppError::NotFound) => Err("no document has this code".to_owned()),
            Err(error) => Err(refusal("cannot verify", &error)),
        },
        CertificateAction::Revoke { number, reason } => {
            let revoked = service::revoke_by_number(env, &client, &actor, &number, &reason)
                .await
                .map_err(|e| refusal(&format!("cannot revoke {number:?}"), &e))?;
            println!(
                "{} revoked: {}",
                revoked.number,
                revoked.revoke_reason.unwrap_or_default()
            );
            Ok(())
        }
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn refusal(what: &str, error: &AppError) -> String {
    match error {
        AppError::Invalid(errors) => format!("{what}: {}", describe_fields(errors)),
        AppError::NotFound => format!("{what}: not found"),
        other => format!("{what}: {other}"),
    }
}
