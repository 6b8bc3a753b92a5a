//! A new client: `POST /oauth/client` (and the deprecated `POST /oidc/client`).

use app_core::events::policy_data;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use oidc_domain::fields::{Checks, NAME_MAX, PARTNER_ID_MAX, POLICY_ID_MAX, oauth_name};
use oidc_domain::{ClientKey, ClientStatus, OidcError};
use partner_domain::PartnerId;
use persistence::repo::oidc_client::{self as clients, InsertClientError, OidcClientRow};
use persistence::repo::{partner as partners, partner_policy, policy as policies};
use policy_domain::PolicyId;
use serde_json::{Value, json};
use websub_events::Event;

use super::{ClientAnswer, CreateBody, Flavour, OidcConfig, client_data, recorded, require_owner};
use crate::events::partner_data;

/// The partner type that may have clients.
const AUTH_PARTNER: &str = "Auth_Partner";
/// The policy type clients are for.
const AUTH_POLICY: &str = "Auth";

/// A checked request: the row to store and what eSignet is sent.
struct Prepared {
    row: OidcClientRow,
    esignet: Value,
}

/// A client for an active authentication partner's approved policy; its id is derived from its
/// public key, which no other client may have.
pub fn create(
    store: &Store,
    actor: &Actor,
    cfg: &OidcConfig,
    flavour: Flavour,
    req: CreateBody,
) -> Result<ClientAnswer, AppError> {
    let name = req.name.clone();
    let plan = store.plan(actor).on_failure(AuditEvent::CreateOidcClientFailure, name.as_deref());
    let prepared = store.audited_read(plan.clone(), |tx| prepare(tx, actor, cfg, flavour, req))?;
    if let Some(esignet) = &cfg.esignet {
        let sent = esignet.create(flavour, &websub_events::utc(store.now()), prepared.esignet.clone());
        sent.map_err(|e| recorded(store, plan.clone(), e))?;
    }
    store.audited(plan, |tx| {
        let row = prepared.row;
        if clients::taken(tx.conn, &row.id, &row.public_key)? {
            return Err(OidcError::DuplicateClient.into());
        }
        clients::insert(tx.conn, &row).map_err(|e| match e {
            InsertClientError::Duplicate => AppError::from(OidcError::DuplicateClient),
            InsertClientError::Query(q) => AppError::from(q),
        })?;
        let partner = partners::find(tx.conn, &PartnerId::from(row.rp_id.as_str()))?;
        let policy = policies::find_policy(tx.conn, &PolicyId::from(row.policy_id.as_str()))?;
        if let (Some(partner), Some(policy)) = (partner, policy) {
            let partner = partner_data(tx.conn, &partner)?;
            tx.publish(Event::oidc_client_created(&partner, &policy_data(&policy), &client_data(&row)));
        }
        if flavour == Flavour::Oidc {
            tx.trail.push(AuditEvent::CreateOidcClient, name.as_deref());
        }
        Ok(ClientAnswer { client_id: row.id, status: row.status })
    })
}

/// MOSIP's checks, in MOSIP's order, over one read.
fn prepare(
    tx: &mut app_core::Tx<'_>,
    actor: &Actor,
    cfg: &OidcConfig,
    flavour: Flavour,
    req: CreateBody,
) -> Result<Prepared, AppError> {
    cfg.require_enabled()?;
    let mut c = Checks::default();
    let name = c.text("name", req.name, Some(NAME_MAX));
    let policy_id = c.text("policyId", req.policy_id, Some(POLICY_ID_MAX));
    let jwk = match req.public_key {
        Some(k) if !k.is_empty() => Some(k),
        _ => {
            c.violations.push(oidc_domain::FieldViolation::new("publicKey", "must not be empty"));
            None
        }
    };
    let rp_id = c.text("authPartnerId", req.auth_partner_id, Some(PARTNER_ID_MAX));
    let logo_uri = c.logo_uri(req.logo_uri);
    let redirect_uris = c.redirect_uris(req.redirect_uris);
    let grant_types = c.choices("grantTypes", req.grant_types, &cfg.allowed.grant_types);
    let methods = c.choices("clientAuthMethods", req.client_auth_methods, &cfg.allowed.client_auth_methods);
    let langs = match flavour {
        Flavour::OAuth => c.name_langs(req.client_name_lang_map),
        Flavour::Oidc => None,
    };
    let (
        Some(name),
        Some(policy_id),
        Some(jwk),
        Some(rp_id),
        Some(logo_uri),
        Some(redirect_uris),
        Some(grant_types),
        Some(methods),
        true,
    ) = (name, policy_id, jwk, rp_id, logo_uri, redirect_uris, grant_types, methods, c.violations.is_empty())
    else {
        return Err(OidcError::InvalidFields(c.violations).into());
    };
    let key = ClientKey::from_jwk(&jwk)?;
    if clients::taken(tx.conn, &key.client_id, &key.jwk)? {
        return Err(OidcError::DuplicateClient.into());
    }
    require_owner(tx.conn, actor, &rp_id, OidcError::NotOwnedCreate)?;
    let partner_id = PartnerId::from(rp_id.as_str());
    let partner = partners::find(tx.conn, &partner_id)?.ok_or_else(|| OidcError::PartnerNotFound(rp_id.clone()))?;
    if !partner.partner_type_code.eq_ignore_ascii_case(AUTH_PARTNER) {
        return Err(OidcError::NotAuthPartner(partner.partner_type_code).into());
    }
    if !partner.is_active {
        return Err(OidcError::PartnerInactive.into());
    }
    let policy_key = PolicyId::from(policy_id.as_str());
    let policy = policies::find_policy(tx.conn, &policy_key)?.ok_or(OidcError::PolicyNotFound)?;
    if policy.policy_type != AUTH_POLICY {
        return Err(OidcError::PolicyTypeMismatch.into());
    }
    if partner_policy::request_statuses(tx.conn, &partner_id, &policy_key)?.is_empty() {
        return Err(OidcError::MappingMissing.into());
    }
    if !partner_policy::approved_request_exists(tx.conn, &partner_id, &policy_key)? {
        return Err(OidcError::PolicyNotApproved.into());
    }
    let document: Value = serde_json::from_str(&policy.policies).unwrap_or(Value::Null);
    let claims = cfg.rules.user_claims(&document)?;
    let acrs = cfg.rules.acr_values(&document)?;
    let mut esignet = json!({
        "clientId": key.client_id,
        "clientName": name,
        "publicKey": serde_json::from_str::<Value>(&key.jwk).unwrap_or(Value::Null),
        "relyingPartyId": rp_id,
        "userClaims": claims,
        "authContextRefs": acrs,
        "logoUri": logo_uri,
        "redirectUris": redirect_uris,
        "grantTypes": grant_types,
        "clientAuthMethods": methods,
    });
    let stored_name = match &langs {
        Some(langs) => {
            esignet["clientNameLangMap"] = json!(langs);
            oauth_name(&name, langs)
        }
        None => name,
    };
    let row = OidcClientRow {
        id: key.client_id,
        name: stored_name,
        rp_id,
        policy_id,
        logo_uri,
        redirect_uris: redirect_uris.join(","),
        claims: claims.join(","),
        acr_values: acrs.join(","),
        public_key: key.jwk,
        grant_types: grant_types.join(","),
        auth_methods: methods.join(","),
        status: ClientStatus::Active.as_str().to_owned(),
        cr_by: actor.user_id.clone(),
        cr_dtimes: tx.now,
        upd_by: None,
        upd_dtimes: None,
        is_deleted: false,
        del_dtimes: None,
    };
    Ok(Prepared { row, esignet })
}
