use web_support::Settings;

/// MOSIP's port for the partner manager.
pub const DEFAULT_PORT: u16 = 9109;

/// The service, bound and ready to run.
pub struct Application {
    port: u16,
    server: actix_web::dev::Server,
}

impl Application {
    /// Opens the store (migrating SQLite), binds the port and builds the server.
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let shared = web_support::startup::prepare(settings)?;
        let policy = actix_web::web::Data::new(crate::routes::policy::PolicyState::load(&shared.settings.policy)?);
        let (port, server) = web_support::startup::serve(&shared, DEFAULT_PORT, move |cfg| {
            cfg.app_data(policy.clone());
            crate::routes::configure(cfg);
        })?;
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
