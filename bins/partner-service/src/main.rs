use std::path::PathBuf;

use clap::{Parser, Subcommand};
use partner_service::startup::Application;
use web_support::cli::{TokenArgs, run_migrate, run_token};
use web_support::{Settings, telemetry};

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
    /// Serve HTTP (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print a development JWT signed with the configured or stored HS256 secret.
    Token(TokenArgs),
    /// Load MOSIP's PMS data exports (`dml` CSV files, `pms-<table>.csv`) from DIR into the store,
    /// in one transaction; rows already present are skipped.
    ImportMosip {
        /// Directory holding the CSV files.
        dir: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            telemetry::init(&settings.log);
            actix_web::rt::System::new().block_on(async {
                let app = Application::build(settings)?;
                tracing::info!(port = app.port(), "partner-service listening");
                app.run_until_stopped().await?;
                tracing::info!("partner-service stopped");
                Ok(())
            })
        }
        Command::Migrate => {
            let applied = run_migrate(&settings)?;
            println!("applied {} migration(s){}", applied.len(), list(&applied));
            Ok(())
        }
        Command::Token(args) => {
            println!("{}", run_token(&settings, &args)?);
            Ok(())
        }
        Command::ImportMosip { dir } => {
            let report = partner_service::import::run(&settings, &dir)?;
            print!("{report}");
            println!("imported {} row(s) from {}", report.imported(), dir.display());
            Ok(())
        }
    }
}

fn list(versions: &[String]) -> String {
    if versions.is_empty() { String::new() } else { format!(": {}", versions.join(", ")) }
}
