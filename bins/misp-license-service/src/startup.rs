use websub_publisher::Topic;

use crate::settings::Settings;

/// The topics of this service's operations (partner-service sends them too; claims keep the two
/// from sending one event at the same time).
const MISP_TOPICS: &[Topic] = &[Topic::MispLicenseGenerated, Topic::MispLicenseUpdated, Topic::MispUpdated];

/// MOSIP's port for the MISP service.
pub const DEFAULT_PORT: u16 = 9100;

/// The service, bound and ready to run.
pub struct Application {
    port: u16,
    server: actix_web::dev::Server,
}

impl Application {
    /// Opens the store (migrating SQLite), binds the port and builds the server.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let misp = actix_web::web::Data::new(settings.service.misp.config().map_err(anyhow::Error::msg)?);
        let shared = web_support::startup::prepare(settings)?;
        let doc = crate::openapi::document();
        let routes = move |cfg: &mut actix_web::web::ServiceConfig| crate::routes::configure(cfg, misp.clone(), &doc);
        let (port, server) = web_support::startup::serve(&shared, DEFAULT_PORT, routes)?;
        let public_url = format!("http://{}:{port}", shared.settings.server.host);
        websub_publisher::start(shared.db.pool().clone(), &shared.settings.service.events, MISP_TOPICS, &public_url)?;
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGTERM/SIGINT, then lets in-flight requests finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    pub fn into_server(self) -> actix_web::dev::Server {
        self.server
    }
}
