//! OIDC clients of eSignet's relying parties (MOSIP's `ClientManagementController`): an
//! authentication partner registers a client for a policy it was approved for (`create`),
//! changes or deactivates it (`update`), reads it (`get`) or lists them (`list`).
//!
//! Ownership: a partner's clients are its own (the caller's user id is the partner id);
//! `PARTNER_ADMIN` acts on all. When eSignet is configured, a create or update is validated in
//! one read, sent to eSignet, and only once eSignet accepts it written with its event and audit
//! records in one transaction that checks the key is still unused; eSignet is never called
//! inside a transaction.

mod create;
mod dto;
mod esignet;
mod list;
mod read;
mod update;

#[cfg(test)]
mod tests;

use app_core::{Actor, AppError, AuditPlan, Store};
use oidc_domain::OidcError;
use oidc_domain::claims::ClaimRules;
use oidc_domain::fields::Allowed;
use partner_domain::PartnerId;
use persistence::DbConnection;
use persistence::repo::oidc_client::OidcClientRow;
use persistence::repo::partner as partners;
use websub_events::ClientData;

pub use create::create;
pub use dto::{ClientAnswer, ClientDetail, CreateBody, UpdateBody};
pub use esignet::Esignet;
pub use list::{ClientPage, ClientSummary, ListQuery, list};
pub use read::get;
pub use update::update;

/// The two forms of MOSIP's API: `/oauth/client` (names in several languages) and the
/// deprecated `/oidc/client`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    OAuth,
    Oidc,
}

/// The OIDC client rules of this deployment.
#[derive(Debug, Clone)]
pub struct OidcConfig {
    pub enabled: bool,
    pub allowed: Allowed,
    pub rules: ClaimRules,
    /// Where creates and updates are forwarded; `None`: kept here only.
    pub esignet: Option<Esignet>,
}

impl Default for OidcConfig {
    fn default() -> Self {
        OidcConfig { enabled: true, allowed: Allowed::default(), rules: ClaimRules::default(), esignet: None }
    }
}

impl OidcConfig {
    fn require_enabled(&self) -> Result<(), OidcError> {
        if self.enabled { Ok(()) } else { Err(OidcError::FeatureDisabled) }
    }
}

/// MOSIP's ownership rule: an admin owns every partner; anyone else the partner whose id is its
/// user id, which must exist (`PMS_CERTIFICATE_ERROR_002`); `not_owned` otherwise.
fn require_owner(conn: &mut DbConnection, actor: &Actor, rp_id: &str, not_owned: OidcError) -> Result<(), AppError> {
    if actor.is_admin {
        return Ok(());
    }
    if partners::find(conn, &PartnerId::from(actor.user_id.as_str()))?.is_none() {
        return Err(OidcError::UserHasNoPartner.into());
    }
    if rp_id != actor.user_id { Err(not_owned.into()) } else { Ok(()) }
}

/// The comma-joined column as a list.
fn split(column: &str) -> Vec<String> {
    column.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// `clientData` of a stored client.
fn client_data(row: &OidcClientRow) -> ClientData {
    ClientData {
        client_id: row.id.clone(),
        client_name: row.name.clone(),
        status: row.status.clone(),
        user_claims: split(&row.claims),
        auth_context_refs: split(&row.acr_values),
        client_auth_methods: split(&row.auth_methods),
    }
}

/// Records the failure `e` of an operation with `plan` (eSignet refused or was down) and
/// answers it.
fn recorded(store: &Store, plan: AuditPlan, e: AppError) -> AppError {
    store.audited_read(plan, |_| Err::<(), _>(e)).err().unwrap_or_else(|| AppError::internal("failure not kept"))
}
