//! `partner-service republish`: writes the current state to the event outbox, so that an
//! ID-Authentication switched over to this service learns of every partner, key, policy and
//! licence (its handlers are upserts: publishing what it already has changes nothing).

use anyhow::Context;
use app_core::{Actor, AppError, AuditDefaults, Store};
use audit_events::AuditEvent;
use persistence::DbPool;

use crate::settings::Settings;

/// What was written, per kind.
#[derive(Debug, Default)]
pub struct Republished {
    pub partners: usize,
    pub api_keys: usize,
    pub policies: usize,
    pub licences: usize,
}

impl std::fmt::Display for Republished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "queued {} PARTNER_UPDATED, {} APIKEY_APPROVED, {} POLICY_UPDATED, {} MISP_LICENSE_GENERATED",
            self.partners, self.api_keys, self.policies, self.licences
        )
    }
}

/// Republishes on the configured store (migrated first, as the services do).
pub fn run(settings: &Settings, user: &str) -> anyhow::Result<Republished> {
    let url = settings.database_url();
    let pool = DbPool::open(&url, &settings.pool_options()).with_context(|| format!("opening {url}"))?;
    let audit = AuditDefaults {
        host_name: String::new(),
        host_ip: String::new(),
        application_id: settings.audit.application_id.clone(),
        application_name: settings.audit.application_name.clone(),
    };
    let store = Store::new(pool, audit).context("starting the store")?;
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
