use actix_web::web;
use app_core::secrets::Keyring;
use partner_app::onboarding::Onboarding;
use websub_publisher::Topic;

use crate::settings::Settings;

/// MOSIP's port for the partner manager.
pub const DEFAULT_PORT: u16 = 9109;

/// Opens the store (migrating SQLite), starts the scheduled jobs, binds the port, starts the event dispatcher and builds
/// the server, which runs until SIGTERM/SIGINT.
pub fn build(settings: Settings) -> anyhow::Result<web_support::startup::Running> {
    let own = &settings.service;
    let partner = web::Data::new(own.partner.config()?);
    let secrets = std::sync::Arc::new(own.secrets.keyring()?);
    let certificates = web::Data::new(own.certificates.config(secrets.clone()));
    let policy = web::Data::new(policy_app::PolicyConfig::load(&own.policy)?);
    let portal = web::Data::new(partner_portal::PortalConfig::new(&own.portal));
    let misp = web::Data::new(own.misp.config().map_err(anyhow::Error::msg)?);
    let oidc = web::Data::new(own.oidc.config(&own.esignet)?);
    let device = web::Data::new(own.device.config());
    let ui = web::Data::new(own.ui.clone());
    // the token secret, when stored, is sealed under the same KEK as the signing keys
    let shared = web_support::startup::prepare_sealed(settings, &secrets)?;
    crate::secrets::seal_at_start(shared.db.store(), &secrets)?;
    let onboarding = onboarding_state(&shared.settings, &secrets)?;
    let jobs = &shared.settings.service.jobs;
    let templates = std::sync::Arc::new(shared.settings.service.mail.templates()?);
    crate::jobs::start(shared.db.store().clone(), jobs, onboarding.notifier.clone(), templates)?;
    let doc = web_support::openapi::serve::LazyDoc::new(crate::openapi::document);
    let routes = move |cfg: &mut actix_web::web::ServiceConfig| {
        cfg.app_data(partner.clone());
        cfg.app_data(policy.clone());
        cfg.app_data(onboarding.clone());
        cfg.app_data(certificates.clone());
        cfg.app_data(oidc.clone());
        cfg.app_data(device.clone());
        cfg.app_data(ui.clone());
        crate::routes::configure(cfg, &doc);
        if portal.enabled {
            cfg.app_data(portal.clone());
            cfg.app_data(misp.clone());
            partner_portal::configure(cfg);
        }
    };
    let running = web_support::startup::serve(&shared, DEFAULT_PORT, routes)?;
    let public_url = format!("http://{}:{}", shared.settings.server.host, running.port);
    let events = &shared.settings.service.events;
    websub_publisher::start(shared.db.pool().clone(), events, &Topic::all(), &public_url)?;
    Ok(running)
}

/// Self-service onboarding as configured; its tokens are signed with the secret the verifier uses.
fn onboarding_state(settings: &Settings, secrets: &Keyring) -> anyhow::Result<web::Data<Onboarding>> {
    let secret = web_support::auth::resolve_sealed(settings, secrets)?.map(|(s, _)| s);
    let onboarding = crate::onboarding::from_settings(settings, secret)?;
    if onboarding.enabled {
        tracing::info!(
            mail = %onboarding.notifier.describe(),
            local_login = onboarding.token_issuer.is_some(),
            "self-service onboarding enabled"
        );
    }
    Ok(web::Data::new(onboarding))
}
