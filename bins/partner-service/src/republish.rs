//! `partner-service republish`: writes the current state to the event outbox, so that an
//! ID-Authentication switched over to this service learns of every partner, key, policy and
//! licence (its handlers are upserts: publishing what it already has changes nothing).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;

use crate::settings::Settings;

/// What was written, per kind.
#[derive(Debug, Default)]
pub struct Republished {
    pub partners: usize,
    pub api_keys: usize,
    pub policies: usize,
    pub licences: usize,
}

/// Republishes on the configured store (migrated first, as the services do).
pub fn run(settings: &Settings, user: &str) -> anyhow::Result<Republished> {
    let store = web_support::cli::store(settings, &settings.audit.application_name)?;
    let actor = Actor::new(user, ["PARTNER_ADMIN".to_owned()], &settings.auth.admin_role);
    let outcome = republish(&store);
    let plan = store.plan(&actor).call(AuditEvent::Republish, None);
    let recorded = store.audited(plan, |tx| match &outcome {
        Ok(_) => {
            tx.trail.push(AuditEvent::RepublishSuccess, None);
            Ok(())
        }
        Err(e) => Err(AppError::internal(format!("{e:#}"))),
    });
    let counts = outcome?;
    recorded.map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    Ok(counts)
}

fn republish(store: &Store) -> anyhow::Result<Republished> {
    fn fail(what: &'static str) -> impl Fn(AppError) -> anyhow::Error {
        move |e| anyhow::anyhow!("{what}: {}", e.message())
    }
    let partners = partner_app::events::republish(store).map_err(fail("partners and API keys"))?;
    Ok(Republished {
        partners: partners.partners_updated,
        api_keys: partners.api_keys_approved,
        policies: policy_app::events::republish(store).map_err(fail("policies"))?,
        licences: misp_app::events::republish(store).map_err(fail("licences"))?,
    })
}
