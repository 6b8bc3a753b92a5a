use std::path::PathBuf;

use clap::{Parser, Subcommand};
use partner_service::settings::Settings;
use web_support::cli::Common;

/// MOSIP partner and policy management (`/v1/partnermanager`, `/v1/policymanager`).
#[derive(Debug, Parser)]
#[command(name = "partner-service", version)]
struct Cli {
    /// TOML configuration file (also `PMS_CONFIG`); `PMS__SECTION__KEY` variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    #[command(flatten)]
    Common(Common),
    /// Load MOSIP's PMS data exports (`dml` CSV files, `pms-<table>.csv`) from DIR into the store,
    /// in one transaction; rows already present are skipped.
    ImportMosip {
        /// Directory holding the CSV files.
        dir: PathBuf,
    },
    /// Write the current state (active partners with a certificate, active API keys, published
    /// policies, active licences) to the event outbox, for an ID-Authentication switched over to
    /// this service; the dispatcher sends it as any other event.
    Republish {
        /// Who the audit records name.
        #[arg(long, default_value = "republish")]
        user: String,
    },
    /// The key-encryption key the service's signing keys are sealed under.
    Secrets {
        #[command(subcommand)]
        command: SecretsCommand,
    },
    /// Local administrator accounts (for deployments without Keycloak).
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Debug, Subcommand)]
enum SecretsCommand {
    /// Re-seal every stored signing key under the current KEK (`secrets.kek`, `secrets.kek_id`);
    /// the keys in `secrets.previous_keks` are no longer needed afterwards.
    Rotate,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator (roles PARTNER_ADMIN, POLICYMANAGER) who logs in at
    /// POST /v1/partnermanager/auth/login.
    Create {
        /// The user name.
        #[arg(long)]
        user: String,
        /// The password (or the PMS_ADMIN_PASSWORD variable, which keeps it out of process lists).
        #[arg(long, env = "PMS_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
        #[arg(long)]
        email: Option<String>,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command.unwrap_or(Command::Common(Common::Serve)) {
        Command::Common(Common::Token(args)) => {
            // the stored token secret may be sealed under the signing keys' KEK
            let keyring = settings.service.secrets.keyring()?;
            println!("{}", web_support::cli::run_token_sealed(&settings, &keyring, &args)?);
            Ok(())
        }
        Command::Common(common) => common.run(settings, "partner-service", partner_service::startup::build),
        Command::ImportMosip { dir } => {
            let report = partner_service::import::run(&settings, &dir)?;
            print!("{report}");
            println!("imported {} row(s) from {}", report.imported(), dir.display());
            Ok(())
        }
        Command::Republish { user } => {
            let r = partner_service::republish::run(&settings, &user)?;
            let (p, k, pol, l) = (r.partners, r.api_keys, r.policies, r.licences);
            println!(
                "queued {p} PARTNER_UPDATED, {k} APIKEY_APPROVED, {pol} POLICY_UPDATED, {l} MISP_LICENSE_GENERATED"
            );
            Ok(())
        }
        Command::Secrets { command: SecretsCommand::Rotate } => {
            let done = partner_service::secrets::rotate(&settings)?;
            println!("re-sealed {} of {} signing key(s) under the current KEK", done.sealed, done.keys);
            Ok(())
        }
        Command::Admin { command: AdminCommand::Create { user, password, email } } => {
            let roles = partner_service::admin::create(&settings, &user, &password, email.as_deref())?;
            println!("created administrator {user} ({})", roles.join(", "));
            let keyring = settings.service.secrets.keyring()?;
            if web_support::auth::resolve_sealed(&settings, &keyring)?.is_none() {
                eprintln!("note: only JWKS tokens are accepted with this configuration, so local login is unavailable");
            }
            Ok(())
        }
    }
}
