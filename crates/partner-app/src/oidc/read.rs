//! Reading a client: `GET /oauth/client/{client_id}` (and the deprecated `/oidc/client/…`).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use oidc_domain::OidcError;
use persistence::repo::oidc_client as clients;
use persistence::repo::partner_policy;
use policy_domain::PolicyId;

use super::{ClientDetail, OidcConfig, require_owner, split};

/// A client, the caller's own (an admin: any); another partner's is `PMS_POLICY_ERROR_011`,
/// recorded as `PMS_PRT_306`.
pub fn get(store: &Store, actor: &Actor, cfg: &OidcConfig, client_id: &str) -> Result<ClientDetail, AppError> {
    let plan = store.plan(actor);
    store.audited_read(plan, |tx| {
        cfg.require_enabled()?;
        let row = clients::find(tx.conn, client_id)?.ok_or(OidcError::ClientNotFound)?;
        require_owner(tx.conn, actor, &row.rp_id, OidcError::NotOwnedGet)
            .map_err(|e| e.audit(AuditEvent::GetOidcClientFailure, Some(client_id)))?;
        let policy_name = partner_policy::policy_row(tx.conn, &PolicyId::from(row.policy_id.as_str()))?
            .map(|p| p.name)
            .unwrap_or_default();
        Ok(ClientDetail {
            redirect_uris: split(&row.redirect_uris),
            claims: split(&row.claims),
            acr_values: split(&row.acr_values),
            grant_types: split(&row.grant_types),
            client_auth_methods: split(&row.auth_methods),
            id: row.id,
            name: row.name,
            policy_id: row.policy_id,
            policy_name,
            relying_party_id: row.rp_id,
            logo_uri: row.logo_uri,
            public_key: row.public_key,
            status: row.status,
        })
    })
}
