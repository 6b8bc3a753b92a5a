//! Subcommands both binaries share.

use anyhow::Context;

use crate::auth::{mint_hs256, resolve_hs256_secret};
use crate::settings::Settings;

/// `token`: prints one development JWT.
#[derive(Debug, Clone, clap::Args)]
pub struct TokenArgs {
    /// The user the token names (`preferred_username` and `sub`); a partner id for partners.
    #[arg(long)]
    pub user: String,
    /// Comma-separated realm roles, e.g. `PARTNER_ADMIN,POLICYMANAGER`.
    #[arg(long, value_delimiter = ',')]
    pub roles: Vec<String>,
    /// Lifetime in seconds.
    #[arg(long, default_value_t = 3600)]
    pub expires_in: i64,
    #[arg(long)]
    pub email: Option<String>,
}

pub fn run_token(settings: &Settings, args: &TokenArgs) -> anyhow::Result<String> {
    let (secret, _) = resolve_hs256_secret(settings)?
        .context("no HS256 secret: only JWKS tokens are accepted with this configuration")?;
    anyhow::ensure!(args.expires_in > 0, "--expires-in must be positive");
    let roles: Vec<String> = args.roles.iter().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect();
    mint_hs256(&secret, &args.user, &roles, args.email.as_deref(), args.expires_in)
}

/// `migrate`: applies pending migrations; returns the versions applied.
pub fn run_migrate(settings: &Settings) -> anyhow::Result<Vec<String>> {
    let url = persistence::DbUrl::parse(&settings.database_url())?;
    Ok(persistence::migrate::run_pending(&url, settings.database.sqlite_busy_timeout_ms)?)
}
