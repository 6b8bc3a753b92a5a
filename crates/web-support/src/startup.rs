//! What both services set up before they listen.

use std::sync::Arc;

use actix_web::web;
use anyhow::Context;
use app_core::{AuditDefaults, Store};

use app_core::secrets::Keyring;

use crate::auth::{JwtVerifier, SecretOrigin, resolve_sealed};
use crate::db::Db;
use crate::host::HostInfo;
use crate::settings::Settings;

/// The shared state of a service.
#[derive(Clone)]
pub struct Shared<S = crate::settings::NoSections> {
    pub settings: Arc<Settings<S>>,
    pub db: web::Data<Db>,
    pub verifier: web::Data<JwtVerifier>,
}

/// Opens (and, for SQLite, migrates) the store, and prepares token verification.
pub fn prepare<S>(settings: Settings<S>) -> anyhow::Result<Shared<S>> {
    prepare_sealed(settings, &Keyring::clear())
}

/// As [`prepare`], with a stored token secret sealed under `keyring` (see
/// [`crate::auth::sealed_secret`]).
pub fn prepare_sealed<S>(settings: Settings<S>, keyring: &Keyring) -> anyhow::Result<Shared<S>> {
    let url = settings.database_url();
    let pool = persistence::DbPool::open(&url, &settings.pool_options()).with_context(|| format!("opening {url}"))?;
    let secret = resolve_sealed(&settings, keyring)?;
    match secret.as_ref().map(|s| s.1) {
        Some(SecretOrigin::Generated) => tracing::info!(
            path = %settings.generated_secret_path().display(),
            "generated a token secret (use the `token` subcommand to mint development tokens)"
        ),
        Some(_) => {}
        None => tracing::info!("HS256 tokens disabled: only JWKS-signed tokens are accepted"),
    }
    let verifier = JwtVerifier::new(&settings.auth, secret.as_ref().map(|s| &s.0));
    let host = HostInfo::detect();
    let audit = AuditDefaults {
        host_name: host.name,
        host_ip: host.ip,
        application_id: settings.audit.application_id.clone(),
        application_name: settings.audit.application_name.clone(),
    };
    crate::forwarder::spawn(pool.clone(), &settings.audit);
    crate::audit_maintenance::spawn(pool.clone(), &settings.audit);
    let count_limit = settings.database.list_count_limit;
    Ok(Shared {
        settings: Arc::new(settings),
        db: web::Data::new(Db::new(
            Store::new(pool, audit).context("starting the audit writer")?.with_count_limit(count_limit),
        )),
        verifier: web::Data::new(verifier),
    })
}

/// A service that is bound and ready to run.
pub struct Running {
    pub port: u16,
    server: actix_web::dev::Server,
    pool: persistence::DbPool,
}

impl Running {
    /// Stops the server from elsewhere (SIGTERM/SIGINT stop it too).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until the server stops (in-flight requests finish), then closes the store so the
    /// background threads end.
    pub async fn run(self) -> std::io::Result<()> {
        let served = self.server.await;
        self.pool.close();
        served
    }
}

/// Binds the listener (`server.port`, else `default_port`; 0 = any free port) and builds the
/// HTTP server with the middleware both services use.
pub fn serve<S: Send + Sync + 'static, F>(shared: &Shared<S>, default_port: u16, routes: F) -> anyhow::Result<Running>
where
    F: Fn(&mut web::ServiceConfig) + Send + Clone + 'static,
{
    use actix_web::dev::Service;
    use actix_web::{App, HttpServer};

    let server_settings = &shared.settings.server;
    let port = server_settings.port.unwrap_or(default_port);
    let listener = std::net::TcpListener::bind((server_settings.host.as_str(), port))
        .with_context(|| format!("binding {}:{port}", server_settings.host))?;
    let bound = listener.local_addr()?.port();
    let db = shared.db.clone();
    let verifier = shared.verifier.clone();
    let settings = web::Data::from(shared.settings.clone());
    crate::metrics::install();
    let hsts = crate::headers::hsts(server_settings.hsts_max_age_secs);
    let mut server = HttpServer::new(move || {
        let hsts = hsts.clone();
        App::new()
            // innermost: its refusals get the request id and headers below
            .wrap(actix_web::middleware::from_fn(crate::limits::guard_body))
            .wrap_fn(move |req, srv| {
                let scrape = crate::metrics::is_scrape(&req);
                let started = crate::metrics::started();
                let fut = srv.call(req);
                let hsts = hsts.clone();
                async move {
                    let mut res = crate::plain_errors::enveloped(fut.await?.map_into_boxed_body());
                    crate::request_id::add_header(&mut res);
                    crate::headers::add(res.headers_mut(), hsts.as_ref());
                    if !scrape {
                        crate::metrics::record(&res, started);
                    }
                    Ok(res)
                }
            })
            .wrap(tracing_actix_web::TracingLogger::<crate::request_id::RootSpan>::new())
            .app_data(db.clone())
            .app_data(verifier.clone())
            .app_data(settings.clone())
            .configure(crate::extract::configure)
            .configure(routes.clone())
            .default_service(web::to(crate::extract::not_found))
    })
    .shutdown_timeout(server_settings.shutdown_timeout_secs);
    if server_settings.workers > 0 {
        server = server.workers(server_settings.workers);
    }
    let server = server.listen(listener)?.run();
    Ok(Running { port: bound, server, pool: shared.db.pool().clone() })
}
