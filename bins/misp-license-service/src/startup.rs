use websub_publisher::Topic;

use crate::settings::Settings;

/// The topics of this service's operations (partner-service sends them too; claims keep the two
/// from sending one event at the same time).
const MISP_TOPICS: &[Topic] = &[Topic::MispLicenseGenerated, Topic::MispLicenseUpdated, Topic::MispUpdated];

/// MOSIP's port for the MISP service.
pub const DEFAULT_PORT: u16 = 9100;

/// Opens the store (migrating SQLite), binds the port, starts the event dispatcher and builds
/// the server, which runs until SIGTERM/SIGINT.
pub fn build(settings: Settings) -> anyhow::Result<web_support::startup::Running> {
    let misp = actix_web::web::Data::new(settings.service.misp.config().map_err(anyhow::Error::msg)?);
    let shared = web_support::startup::prepare(settings)?;
    let doc = web_support::openapi::serve::LazyDoc::new(crate::openapi::document);
    let routes = move |cfg: &mut actix_web::web::ServiceConfig| crate::routes::configure(cfg, misp.clone(), &doc);
    let running = web_support::startup::serve(&shared, DEFAULT_PORT, routes)?;
    let public_url = format!("http://{}:{}", shared.settings.server.host, running.port);
    websub_publisher::start(shared.db.pool().clone(), &shared.settings.service.events, MISP_TOPICS, &public_url)?;
    Ok(running)
}
