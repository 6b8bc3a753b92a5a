//! A change of a client: `PUT /oauth/client/{client_id}` (and the deprecated `/oidc/client/…`).

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use oidc_domain::fields::{Checks, NAME_MAX, oauth_name};
use oidc_domain::status::{UpdateKind, decide_update};
use oidc_domain::{ClientStatus, FieldViolation, OidcError};
use partner_domain::PartnerId;
use persistence::repo::oidc_client::{self as clients, OidcClientRow};
use persistence::repo::partner as partners;
use serde_json::{Value, json};
use websub_events::Event;

use super::{ClientAnswer, Flavour, OidcConfig, UpdateBody, client_data, recorded, require_owner, split};

/// Changes the caller's client (an admin: any): its status alone when the request's differs,
/// else its name, logo, redirect URIs, grant types and authentication methods. An inactive
/// client is final.
pub fn update(
    store: &Store,
    actor: &Actor,
    cfg: &OidcConfig,
    flavour: Flavour,
    client_id: &str,
    req: UpdateBody,
) -> Result<ClientAnswer, AppError> {
    let plan = store.plan(actor).on_failure(AuditEvent::UpdateOidcClientFailure, Some(client_id));
    let (row, esignet) = store.audited_read(plan.clone(), |tx| {
        cfg.require_enabled()?;
        let change = check(cfg, flavour, req)?;
        let stored = clients::find(tx.conn, client_id)?.ok_or(OidcError::ClientNotFound)?;
        if ClientStatus::parse(&stored.status) != Some(ClientStatus::Active) {
            return Err(OidcError::ClientDeactivated.into());
        }
        let partner = partners::find(tx.conn, &PartnerId::from(stored.rp_id.as_str()))?
            .ok_or_else(|| OidcError::PartnerNotFound(stored.rp_id.clone()))?;
        require_owner(tx.conn, actor, &stored.rp_id, OidcError::NotOwnedUpdate)?;
        let kind = decide_update(&stored.status, change.status, actor.is_admin, partner.is_active)?;
        Ok(change.apply(stored, kind, &actor.user_id, tx.now))
    })?;
    if let Some(e) = &cfg.esignet {
        let sent = e.update(flavour, client_id, &websub_events::utc(store.now()), esignet);
        sent.map_err(|e| recorded(store, plan.clone(), e))?;
    }
    store.audited(plan, |tx| {
        if clients::update_if_active(tx.conn, &row)? == 0 {
            return Err(OidcError::ClientDeactivated.into());
        }
        tx.publish(Event::oidc_client_updated(&client_data(&row)));
        if flavour == Flavour::Oidc {
            tx.trail.push(AuditEvent::UpdateOidcClient, Some(client_id));
        }
        Ok(ClientAnswer { client_id: row.id, status: row.status })
    })
}

/// A checked change.
struct Change {
    logo_uri: String,
    redirect_uris: Vec<String>,
    status: ClientStatus,
    grant_types: Vec<String>,
    client_name: String,
    methods: Vec<String>,
    langs: Option<std::collections::BTreeMap<String, String>>,
}

fn check(cfg: &OidcConfig, flavour: Flavour, req: UpdateBody) -> Result<Change, OidcError> {
    let mut c = Checks::default();
    let logo_uri = c.logo_uri(req.logo_uri);
    let redirect_uris = c.redirect_uris(req.redirect_uris);
    let status = match req.status.as_deref().map(str::trim) {
        None | Some("") => {
            c.violations.push(FieldViolation::new("status", "must not be blank"));
            None
        }
        Some(s) => ClientStatus::parse(s).or_else(|| {
            c.violations.push(FieldViolation::new("status", "must match \"(ACTIVE)|(INACTIVE)\""));
            None
        }),
    };
    let grant_types = c.choices("grantTypes", req.grant_types, &cfg.allowed.grant_types);
    let client_name = c.text("clientName", req.client_name, Some(NAME_MAX));
    let methods = c.choices("clientAuthMethods", req.client_auth_methods, &cfg.allowed.client_auth_methods);
    let langs = match flavour {
        Flavour::OAuth => c.name_langs(req.client_name_lang_map),
        Flavour::Oidc => None,
    };
    match (logo_uri, redirect_uris, status, grant_types, client_name, methods) {
        (Some(logo_uri), Some(redirect_uris), Some(status), Some(grant_types), Some(client_name), Some(methods))
            if c.violations.is_empty() =>
        {
            Ok(Change { logo_uri, redirect_uris, status, grant_types, client_name, methods, langs })
        }
        _ => Err(OidcError::InvalidFields(c.violations)),
    }
}

impl Change {
    /// The row after the change, and eSignet's request for it.
    fn apply(
        self,
        mut row: OidcClientRow,
        kind: UpdateKind,
        by: &str,
        now: chrono::NaiveDateTime,
    ) -> (OidcClientRow, Value) {
        let esignet_name = match kind {
            UpdateKind::Status(status) => {
                row.status = status.as_str().to_owned();
                row.name.clone()
            }
            UpdateKind::Details => {
                row.name = self.client_name.clone();
                row.logo_uri = self.logo_uri;
                row.redirect_uris = self.redirect_uris.join(",");
                row.grant_types = self.grant_types.join(",");
                row.auth_methods = self.methods.join(",");
                self.client_name.clone()
            }
        };
        let mut esignet = json!({
            "logoUri": row.logo_uri,
            "redirectUris": split(&row.redirect_uris),
            "status": row.status,
            "grantTypes": split(&row.grant_types),
            "clientName": esignet_name,
            "userClaims": split(&row.claims),
            "authContextRefs": split(&row.acr_values),
            "clientAuthMethods": split(&row.auth_methods),
        });
        if let Some(langs) = &self.langs {
            esignet["clientNameLangMap"] = json!(langs);
            // MOSIP renames an OAuth client on every change, a status change included
            row.name = oauth_name(&self.client_name, langs);
        }
        row.upd_by = Some(by.to_owned());
        row.upd_dtimes = Some(now);
        (row, esignet)
    }
}
