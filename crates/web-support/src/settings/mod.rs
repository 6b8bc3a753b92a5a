//! Typed configuration: built-in defaults, then an optional TOML file (`--config` or
//! `PMS_CONFIG`), then environment variables `PMS__SECTION__KEY` (e.g. `PMS__DATABASE__URL`).
//!
//! The sections every service reads live here; each service adds its own sections as `S` (a
//! struct of section structs, owned by the service and its application crates).

mod sections;

use std::path::{Path, PathBuf};

use anyhow::Context;
use secrecy::SecretString;
use serde::Deserialize;

pub use sections::{NoSections, ServiceSettings, field_names};

/// The shared sections, and the service's own ones in `service`. Unknown top-level keys are
/// refused by [`Settings::load`]; every section refuses unknown keys of its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings<S = NoSections> {
    /// Where the embedded store, the generated token secret and dropped mail live.
    pub data_dir: PathBuf,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub auth: AuthSettings,
    pub log: LogSettings,
    pub audit: AuditSettings,
    /// The sections of this service.
    #[serde(skip)]
    pub service: S,
}

impl<S: Default> Default for Settings<S> {
    fn default() -> Self {
        Settings {
            data_dir: PathBuf::from("./data"),
            server: ServerSettings::default(),
            database: DatabaseSettings::default(),
            auth: AuthSettings::default(),
            log: LogSettings::default(),
            audit: AuditSettings::default(),
            service: S::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    pub host: String,
    /// Unset: the service's own port (partner-service 9109, misp-license-service 9100); 0: any free port.
    pub port: Option<u16>,
    /// actix workers; 0 means one per CPU core.
    pub workers: usize,
    /// Seconds in-flight requests get to finish after SIGTERM.
    pub shutdown_timeout_secs: u64,
    /// `Strict-Transport-Security: max-age=…` on every answer; 0 (default) sends none. Set it
    /// when the service is reached over HTTPS only.
    pub hsts_max_age_secs: u64,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            host: "127.0.0.1".into(),
            port: None,
            workers: 0,
            shutdown_timeout_secs: 10,
            hsts_max_age_secs: 0,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseSettings {
    /// `sqlite://<path>` or `postgres://…`; unset means `sqlite://<data_dir>/pms.sqlite3`.
    pub url: Option<String>,
    pub pool_size: u32,
    pub connection_timeout_secs: u64,
    pub sqlite_busy_timeout_ms: u32,
    /// Apply pending PostgreSQL migrations at start (SQLite always migrates at start).
    pub migrate_on_start: bool,
    /// How many matching rows a MOSIP 1.2.2 paged list counts at most for its `totalResults`
    /// (0: all of them, as MOSIP does).
    pub list_count_limit: u32,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings {
            url: None,
            pool_size: 8,
            connection_timeout_secs: 5,
            sqlite_busy_timeout_ms: 5_000,
            migrate_on_start: false,
            list_count_limit: 10_000,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthSettings {
    /// HS256 secret for tokens (development, tests, local logins).
    pub hs256_secret: Option<SecretString>,
    /// A file holding the HS256 secret (alternative to `hs256_secret`).
    pub hs256_secret_file: Option<PathBuf>,
    /// Keycloak JWKS URL; RS256 tokens are verified against its keys.
    pub jwks_url: Option<String>,
    pub jwks_refresh_secs: u64,
    /// When set, tokens must carry this `iss`.
    pub issuer: Option<String>,
    /// When set, tokens must carry this `aud`.
    pub audience: Option<String>,
    pub leeway_secs: u64,
    /// The role that may act on every partner's data.
    pub admin_role: String,
}

impl Default for AuthSettings {
    fn default() -> Self {
        AuthSettings {
            hs256_secret: None,
            hs256_secret_file: None,
            jwks_url: None,
            jwks_refresh_secs: 300,
            issuer: None,
            audience: None,
            leeway_secs: 30,
            admin_role: "PARTNER_ADMIN".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogSettings {
    /// `tracing` env-filter directives; `RUST_LOG` wins when set.
    pub filter: String,
    /// One JSON object per line instead of text.
    pub json: bool,
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings { filter: "info".into(), json: false }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditSettings {
    /// MOSIP audit-manager `applicationId` / `applicationName` of the records.
    pub application_id: String,
    pub application_name: String,
    /// MOSIP audit manager (`…/v1/auditmanager/audits`); records are forwarded when set.
    pub forward_url: Option<String>,
    /// Bearer token sent to the audit manager, if it needs one.
    pub forward_token: Option<SecretString>,
    pub forward_interval_secs: u64,
    /// Days a forwarded record is kept locally; none: kept for ever.
    pub retention_days: Option<u32>,
    /// Seconds between two rounds of audit maintenance (partitions ahead, retention); at least 60.
    pub maintenance_interval_secs: u64,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            application_id: "10002".into(),
            application_name: "Partner management portal".into(),
            forward_url: None,
            forward_token: None,
            forward_interval_secs: 2,
            retention_days: None,
            maintenance_interval_secs: 3600,
        }
    }
}

impl<S: ServiceSettings> Settings<S> {
    /// Defaults, then `file` (or `PMS_CONFIG`) if given, then `PMS__…` environment variables.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Settings<S>> {
        let mut builder = config::Config::builder();
        let from_env = std::env::var_os("PMS_CONFIG").map(PathBuf::from);
        if let Some(path) = file.map(Path::to_path_buf).or(from_env) {
            anyhow::ensure!(path.is_file(), "configuration file {} does not exist", path.display());
            builder = builder.add_source(config::File::from(path).format(config::FileFormat::Toml));
        }
        builder = builder.add_source(
            config::Environment::with_prefix("PMS").prefix_separator("__").separator("__").try_parsing(true),
        );
        let config = builder.build().context("reading configuration")?;
        let keys: std::collections::BTreeMap<String, config::Value> =
            config.clone().try_deserialize().context("reading configuration")?;
        sections::refuse_unknown::<Settings<S>, S>(keys.keys())?;
        let mut settings: Settings<S> = config.clone().try_deserialize().context("invalid configuration")?;
        settings.service = config.try_deserialize().context("invalid configuration")?;
        settings.validate()?;
        Ok(settings)
    }
}

impl<S> Settings<S> {
    fn validate(&self) -> anyhow::Result<()> {
        persistence::DbUrl::parse(&self.database_url())?;
        anyhow::ensure!(self.database.pool_size > 0, "database.pool_size must be at least 1");
        anyhow::ensure!(!self.auth.admin_role.trim().is_empty(), "auth.admin_role must not be empty");
        Ok(())
    }

    /// The configured database URL, or the embedded SQLite file under the data directory.
    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("pms.sqlite3").display()),
        }
    }

    /// Store options from these settings.
    pub fn pool_options(&self) -> persistence::PoolOptions {
        persistence::PoolOptions {
            max_size: self.database.pool_size,
            connection_timeout: std::time::Duration::from_secs(self.database.connection_timeout_secs),
            sqlite_busy_timeout_ms: self.database.sqlite_busy_timeout_ms,
            migrate_postgres: self.database.migrate_on_start,
        }
    }

    /// Where a generated HS256 secret lives: beside the SQLite file, else in the data directory.
    pub fn generated_secret_path(&self) -> PathBuf {
        let url = persistence::DbUrl::parse(&self.database_url()).ok();
        let dir = url
            .as_ref()
            .and_then(|u| u.sqlite_path())
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| self.data_dir.clone(), Path::to_path_buf);
        dir.join("jwt-hs256.secret")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_point_at_the_embedded_store() {
        let s: Settings = Settings::default();
        assert_eq!(s.database_url(), "sqlite://./data/pms.sqlite3");
        assert_eq!(s.generated_secret_path(), PathBuf::from("./data/jwt-hs256.secret"));
        assert!(s.validate().is_ok());
    }

    #[test]
    fn a_file_overrides_defaults_and_refuses_unknown_keys() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("pms.toml");
        std::fs::write(&file, "[server]\nport = 1234\n[database]\nurl = \"postgres://u@h/db\"\n").unwrap_or_default();
        let s: Settings = Settings::load(Some(&file)).unwrap_or_else(|e| panic!("{e:#}"));
        assert_eq!(s.server.port, Some(1234));
        assert_eq!(s.database_url(), "postgres://u@h/db");
        assert_eq!(s.generated_secret_path(), PathBuf::from("./data/jwt-hs256.secret"));
        std::fs::write(&file, "[server]\nprot = 1234\n").unwrap_or_default();
        assert!(Settings::<NoSections>::load(Some(&file)).is_err());
        std::fs::write(&file, "[database]\nurl = \"mysql://x\"\n").unwrap_or_default();
        assert!(Settings::<NoSections>::load(Some(&file)).is_err());
    }
}
