//! Subcommands both binaries share.

use anyhow::Context;

use crate::auth::{mint_hs256, resolve_sealed};
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

pub fn run_token<S>(settings: &Settings<S>, args: &TokenArgs) -> anyhow::Result<String> {
    run_token_sealed(settings, &app_core::secrets::Keyring::clear(), args)
}

/// As [`run_token`], with a stored token secret sealed under `keyring`.
pub fn run_token_sealed<S>(
    settings: &Settings<S>,
    keyring: &app_core::secrets::Keyring,
    args: &TokenArgs,
) -> anyhow::Result<String> {
    let (secret, _) = resolve_sealed(settings, keyring)?
        .context("no HS256 secret: only JWKS tokens are accepted with this configuration")?;
    anyhow::ensure!(args.expires_in > 0, "--expires-in must be positive");
    let roles: Vec<String> = args.roles.iter().map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()).collect();
    mint_hs256(&secret, &args.user, &roles, args.email.as_deref(), args.expires_in)
}

/// The subcommands every service has.
#[derive(Debug, clap::Subcommand)]
pub enum Common {
    /// Serve HTTP (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print a development JWT signed with the configured or stored HS256 secret.
    Token(TokenArgs),
}

impl Common {
    /// Runs the subcommand; `build` binds the service for `serve`.
    pub fn run<S>(
        self,
        settings: Settings<S>,
        service: &str,
        build: impl FnOnce(Settings<S>) -> anyhow::Result<crate::startup::Running>,
    ) -> anyhow::Result<()> {
        match self {
            Common::Serve => serve(settings, service, build),
            Common::Migrate => migrate(&settings),
            Common::Token(args) => token(&settings, &args),
        }
    }
}

/// `serve`: logs as `[log]` says, then runs the server `build` binds until SIGTERM/SIGINT (in-flight
/// requests finish) and its background threads end. `build` binds the service.
pub fn serve<S>(
    settings: Settings<S>,
    service: &str,
    build: impl FnOnce(Settings<S>) -> anyhow::Result<crate::startup::Running>,
) -> anyhow::Result<()> {
    crate::telemetry::init(&settings.log);
    actix_web::rt::System::new().block_on(async {
        let running = build(settings)?;
        tracing::info!(port = running.port, "{service} listening");
        running.run().await?;
        tracing::info!("{service} stopped");
        Ok(())
    })
}

/// `migrate`, printing the versions applied.
pub fn migrate<S>(settings: &Settings<S>) -> anyhow::Result<()> {
    let applied = run_migrate(settings)?;
    let list = if applied.is_empty() { String::new() } else { format!(": {}", applied.join(", ")) };
    println!("applied {} migration(s){list}", applied.len());
    Ok(())
}

/// `token`, printing the token.
pub fn token<S>(settings: &Settings<S>, args: &TokenArgs) -> anyhow::Result<()> {
    println!("{}", run_token(settings, args)?);
    Ok(())
}

/// `migrate`: applies pending migrations; returns the versions applied.
pub fn run_migrate<S>(settings: &Settings<S>) -> anyhow::Result<Vec<String>> {
    let url = persistence::DbUrl::parse(&settings.database_url())?;
    Ok(persistence::migrate::run_pending(&url, settings.database.sqlite_busy_timeout_ms)?)
}

/// The store of the configured database for a one-off command (SQLite migrated first, as the
/// services do), its audit records naming `application_name`.
pub fn store<S>(settings: &Settings<S>, application_name: &str) -> anyhow::Result<app_core::Store> {
    let url = settings.database_url();
    let pool = persistence::DbPool::open(&url, &settings.pool_options()).with_context(|| format!("opening {url}"))?;
    let audit = app_core::AuditDefaults {
        host_name: String::new(),
        host_ip: String::new(),
        application_id: settings.audit.application_id.clone(),
        application_name: application_name.to_owned(),
    };
    Ok(app_core::Store::new(pool, audit)
        .context("starting the store")?
        .with_count_limit(settings.database.list_count_limit))
}
