use std::path::PathBuf;

use clap::{Parser, Subcommand};
use misp_license_service::settings::Settings;
use misp_license_service::startup::Application;
use web_support::cli::{self as commands, TokenArgs};

/// MOSIP MISP management and licence keys (`/partnermanagement/v1/misps`, `/v1/partnermanager/misps`).
#[derive(Debug, Parser)]
#[command(name = "misp-license-service", version)]
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
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => commands::serve(settings, "misp-license-service", |settings| {
            let app = Application::build(settings)?;
            Ok((app.port(), app.into_server()))
        }),
        Command::Migrate => commands::migrate(&settings),
        Command::Token(args) => commands::token(&settings, &args),
    }
}
