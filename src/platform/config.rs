//! Configuration from the environment (and an optional `.env`), validated once at start.

use std::{fmt, net::SocketAddr, path::PathBuf, time::Duration};

/// Where the embedded SQLite database lives unless `DATABASE_URL` says otherwise.
pub const DEFAULT_SQLITE_PATH: &str = "data/siap-jepang.db";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// How failed sign-ins are slowed and then refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures per login identifier within `window` before it is locked.
    pub max_failures_per_login: i32,
    /// Failures per client address within `window` before it is locked; higher, because a
    /// training centre puts a whole class behind one address.
    pub max_failures_per_ip: i32,
    pub window: Duration,
    pub lockout: Duration,
    /// Extra delay per failure after the third, capped; zero disables slowing down.
    pub slowdown_step: Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            max_failures_per_login: 5,
            max_failures_per_ip: 30,
            window: Duration::from_secs(15 * 60),
            lockout: Duration::from_secs(15 * 60),
            slowdown_step: Duration::from_millis(500),
        }
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    pub database_url: String,
    pub site_addr: SocketAddr,
    /// Folder holding the compiled site (`pkg/` with WASM, JS and CSS, and public assets).
    pub site_root: PathBuf,
    pub log_format: LogFormat,
    /// Mark cookies `Secure` (and send HSTS): required behind HTTPS in production.
    pub secure_cookies: bool,
    /// Use the right-most `X-Forwarded-For` address as the client (behind a reverse proxy).
    pub trust_proxy_headers: bool,
    pub session_idle_timeout: Duration,
    pub session_max_lifetime: Duration,
    pub request_timeout: Duration,
    pub max_body_bytes: usize,
    /// Requests one integration key may make per minute (the partner API), across instances.
    pub api_requests_per_minute: u32,
    /// Checks of document codes one address may make per minute (`/verifikasi/…`).
    pub verify_requests_per_minute: u32,
    /// The address people reach the app at (`https://siapjepang.example.go.id`), printed
    /// on documents for their verification; the address of the request when not set.
    pub public_url: Option<String>,
    pub throttle: ThrottlePolicy,
}

/// A configuration value that could not be used; printed as one line at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid configuration: {}: {}", self.variable, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the process environment.
    ///
    /// # Errors
    /// The first variable whose value cannot be used.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Builds the configuration from any key lookup (the environment, or a map in tests).
    ///
    /// # Errors
    /// The first variable whose value cannot be used.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |key: &str| lookup(key).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        let database_url =
            get("DATABASE_URL").unwrap_or_else(|| format!("sqlite://{DEFAULT_SQLITE_PATH}?mode=rwc"));
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                variable: "DATABASE_URL",
                message: "must start with sqlite: or postgres://".into(),
            });
        }

        let site_addr = match get("LEPTOS_SITE_ADDR") {
            Some(value) => value.parse().map_err(|_| ConfigError {
                variable: "LEPTOS_SITE_ADDR",
                message: format!("{value:?} is not an address like 127.0.0.1:3000"),
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };

        let log_format = match get("LOG_FORMAT").as_deref() {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "LOG_FORMAT",
                    message: format!("{other:?} is not one of: pretty, json"),
                })
            }
        };

        Ok(Self {
            database_url,
            site_addr,
            site_root: PathBuf::from(get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into())),
            log_format,
            secure_cookies: flag(&get, "SECURE_COOKIES", false)?,
            trust_proxy_headers: flag(&get, "TRUST_PROXY_HEADERS", false)?,
            session_idle_timeout: minutes(&get, "SESSION_IDLE_MINUTES", 120)?,
            session_max_lifetime: minutes(&get, "SESSION_MAX_MINUTES", 12 * 60)?,
            request_timeout: Duration::from_secs(number(&get, "REQUEST_TIMEOUT_SECS", 30)?),
            max_body_bytes: usize::try_from(number(&get, "MAX_BODY_BYTES", 2 * 1024 * 1024)?)
                .unwrap_or(usize::MAX),
            api_requests_per_minute: u32::try_from(number(&get, "API_REQUESTS_PER_MINUTE", 600)?)
                .unwrap_or(u32::MAX)
                .max(1),
            verify_requests_per_minute: u32::try_from(number(&get, "VERIFY_REQUESTS_PER_MINUTE", 30)?)
                .unwrap_or(u32::MAX)
                .max(1),
            public_url: match get("PUBLIC_URL").map(|url| url.trim().trim_end_matches('/').to_owned()) {
                None => None,
                Some(url) if url.is_empty() => None,
                Some(url)
                    if (url.starts_with("https://") || url.starts_with("http://"))
                        && !url.contains(char::is_whitespace) =>
                {
                    Some(url)
                }
                Some(url) => {
                    return Err(ConfigError {
                        variable: "PUBLIC_URL",
                        message: format!("{url:?} is not an address like https://siapjepang.example.go.id"),
                    })
                }
            },
            throttle: ThrottlePolicy::default(),
        })
    }

    /// `__Host-` cookies are only accepted over HTTPS, so the prefix follows `SECURE_COOKIES`.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-sj_session"
        } else {
            "sj_session"
        }
    }

    /// This server's own address, for documents issued away from a request (the command
    /// line, the demo) when `PUBLIC_URL` is not set.
    pub fn own_url(&self) -> String {
        format!("http://{}", self.site_addr)
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// The database URL with any password replaced by `***`, for logs and messages.
    pub fn masked_database_url(&self) -> String {
        mask_url(&self.database_url)
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &self.masked_database_url())
            .field("site_addr", &self.site_addr)
            .field("site_root", &self.site_root)
            .field("log_format", &self.log_format)
            .field("secure_cookies", &self.secure_cookies)
            .field("trust_proxy_headers", &self.trust_proxy_headers)
            .field("session_idle_timeout", &self.session_idle_timeout)
            .field("session_max_lifetime", &self.session_max_lifetime)
            .field("request_timeout", &self.request_timeout)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("api_requests_per_minute", &self.api_requests_per_minute)
            .field("verify_requests_per_minute", &self.verify_requests_per_minute)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  DATABASE_URL         = {}", self.masked_database_url())?;
        writeln!(f, "  LEPTOS_SITE_ADDR     = {}", self.site_addr)?;
        writeln!(f, "  LEPTOS_SITE_ROOT     = {}", self.site_root.display())?;
        writeln!(f, "  LOG_FORMAT           = {:?}", self.log_format)?;
        writeln!(f, "  SECURE_COOKIES       = {}", self.secure_cookies)?;
        writeln!(f, "  TRUST_PROXY_HEADERS  = {}", self.trust_proxy_headers)?;
        writeln!(
            f,
            "  SESSION_IDLE_MINUTES = {}",
            self.session_idle_timeout.as_secs() / 60
        )?;
        writeln!(
            f,
            "  SESSION_MAX_MINUTES  = {}",
            self.session_max_lifetime.as_secs() / 60
        )?;
        writeln!(f, "  REQUEST_TIMEOUT_SECS = {}", self.request_timeout.as_secs())?;
        writeln!(f, "  MAX_BODY_BYTES       = {}", self.max_body_bytes)?;
        writeln!(f, "  API_REQUESTS_PER_MINUTE = {}", self.api_requests_per_minute)?;
        writeln!(
            f,
            "  VERIFY_REQUESTS_PER_MINUTE = {}",
            self.verify_requests_per_minute
        )?;
        write!(
            f,
            "  PUBLIC_URL           = {}",
            self.public_url.as_deref().unwrap_or("(the request's address)")
        )
    }
}

fn flag(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: bool,
) -> Result<bool, ConfigError> {
    match get(variable).map(|v| v.to_ascii_lowercase()).as_deref() {
        None => Ok(default),
        Some("1" | "true" | "yes" | "on") => Ok(true),
        Some("0" | "false" | "no" | "off") => Ok(false),
        Some(other) => Err(ConfigError {
            variable,
            message: format!("{other:?} is not a yes/no value (true, false, 1, 0)"),
        }),
    }
}

fn number(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
) -> Result<u64, ConfigError> {
    match get(variable) {
        None => Ok(default),
        Some(value) => match value.parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(ConfigError {
                variable,
                message: format!("{value:?} is not a positive whole number"),
            }),
        },
    }
}

fn minutes(
    get: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
) -> Result<Duration, ConfigError> {
    number(get, variable, default).map(|m| Duration::from_secs(m * 60))
}

/// Replaces the password of `scheme://user:password@host/…` with `***`.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match credentials.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|key| map.get(key).cloned())
    }

    #[test]
    fn defaults_use_an_embedded_sqlite_file_and_localhost() {
        let config = config(&[]).unwrap();
        assert_eq!(config.database_url, "sqlite://data/siap-jepang.db?mode=rwc");
        assert!(config.is_sqlite());
        assert_eq!(config.site_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.log_format, LogFormat::Pretty);
        assert!(!config.secure_cookies);
    }

    #[test]
    fn bad_values_name_the_variable() {
        assert_eq!(
            config(&[("LEPTOS_SITE_ADDR", "localhost")]).unwrap_err().variable,
            "LEPTOS_SITE_ADDR"
        );
        assert_eq!(
            config(&[("LOG_FORMAT", "xml")]).unwrap_err().variable,
            "LOG_FORMAT"
        );
        assert_eq!(
            config(&[("SECURE_COOKIES", "maybe")]).unwrap_err().variable,
            "SECURE_COOKIES"
        );
        assert_eq!(
            config(&[("DATABASE_URL", "mysql://x")]).unwrap_err().variable,
            "DATABASE_URL"
        );
        assert_eq!(
            config(&[("SESSION_IDLE_MINUTES", "0")]).unwrap_err().variable,
            "SESSION_IDLE_MINUTES"
        );
    }

    #[test]
    fn passwords_in_database_urls_are_masked() {
        let config = config(&[("DATABASE_URL", "postgres://siap:s3cret@db.local:5432/siap")]).unwrap();
        assert_eq!(
            config.masked_database_url(),
            "postgres://siap:***@db.local:5432/siap"
        );
        assert!(!format!("{config}").contains("s3cret"));
        assert!(!format!("{config:?}").contains("s3cret"));
    }
}
