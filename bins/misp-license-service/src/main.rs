use std::path::PathBuf;

use clap::Parser;
use misp_license_service::settings::Settings;
use web_support::cli::Common;

/// MOSIP MISP management and licence keys (`/partnermanagement/v1/misps`, `/v1/partnermanager/misps`).
#[derive(Debug, Parser)]
#[command(name = "misp-license-service", version)]
struct Cli {
    /// TOML configuration file (also `PMS_CONFIG`); `PMS__SECTION__KEY` variables override it.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Common>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    cli.command.unwrap_or(Common::Serve).run(settings, "misp-license-service", misp_license_service::startup::build)
}
