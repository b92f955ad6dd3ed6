//! `siap-jepang api-key create|revoke|list`: the operator's side of the integrations page,
//! through the same use cases (audited as done at the command line).

use super::{connect_and_migrate, describe_fields, ApiKeyAction};
use crate::integrations::dto::NewKeyInput;
use crate::integrations::service::{self, Operator};
use crate::kernel::{wib, AppError};
use crate::platform::config::Config;

pub async fn run(config: &Config, action: ApiKeyAction) -> Result<(), String> {
    let state = connect_and_migrate(config).await?;
    let env = state.env();
    match action {
        ApiKeyAction::Create {
            name,
            scopes,
            sites,
            expires_days,
        } => {
            let known = crate::accounts::db::all_sites(env.db)
                .await
                .map_err(|e| e.to_string())?;
            let mut site_ids = Vec::new();
            for code in &sites {
                let site = known
                    .iter()
                    .find(|s| s.code.eq_ignore_ascii_case(code))
                    .ok_or_else(|| {
                        let codes: Vec<&str> = known.iter().map(|s| s.code.as_str()).collect();
                        format!("unknown site {code:?}; known sites: {}", codes.join(", "))
                    })?;
                site_ids.push(site.id.to_string());
            }
            let input = NewKeyInput {
                name,
                scopes,
                sites: site_ids,
                expires_days: expires_days.map(|d| d.to_string()).unwrap_or_default(),
            };
            let issued = service::create_key(env, Operator::CommandLine, &input)
                .await
                .map_err(|e| refusal("key refused", &e))?;
            println!("{}", issued.key);
            eprintln!(
                "Key {} made for {:?}{}. It is shown this once: hand it to the partner now.",
                issued.prefix,
                issued.name,
                issued
                    .expires_at
                    .map(|at| format!(", valid until {}", wib::rfc3339(at)))
                    .unwrap_or_default()
            );
            Ok(())
        }
        ApiKeyAction::Revoke { prefix } => {
            let id = service::key_by_prefix(env, &prefix)
                .await
                .map_err(|e| refusal(&format!("cannot revoke {prefix:?}"), &e))?;
            let revoked = service::revoke_key(env, Operator::CommandLine, id)
                .await
                .map_err(|e| refusal("cannot revoke", &e))?;
            println!("Key {} ({}) revoked.", revoked.prefix, revoked.name);
            Ok(())
        }
        ApiKeyAction::List => {
            let list = service::list_keys(env, Operator::CommandLine)
                .await
                .map_err(|e| refusal("cannot list keys", &e))?;
            if list.keys.is_empty() {
                println!("No integration keys.");
            }
            for key in list.keys {
                let scopes: Vec<&str> = key.scopes.iter().map(|s| s.as_str()).collect();
                let sites = if key.sites.is_empty() {
                    "every site".to_owned()
                } else {
                    key.sites.join(", ")
                };
                println!(
                    "{}  {:<8} {:?}  scopes: {}  sites: {}  expires: {}  last used: {}  requests: {}",
                    key.prefix,
                    key.state.as_str(),
                    key.name,
                    scopes.join(" "),
                    sites,
                    key.expires_at.map_or_else(|| "never".to_owned(), wib::rfc3339),
                    key.last_used_at.map_or_else(|| "never".to_owned(), wib::rfc3339),
                    key.request_count
                );
            }
            Ok(())
        }
    }
}

fn refusal(what: &str, error: &AppError) -> String {
    match error {
        AppError::Invalid(errors) => format!("{what}: {}", describe_fields(errors)),
        AppError::NotFound => format!("{what}: no such key"),
        other => format!("{what}: {other}"),
    }
}
