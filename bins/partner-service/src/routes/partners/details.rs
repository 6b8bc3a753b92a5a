//! P4 `GET /partners/{id}`, P5/P6 `PUT /partners[/v2]/{id}`, P7 contacts, P8 policy group.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::details::{self, ContactBody, PartnerDetails, UpdateBody};
use partner_app::dto::{PartnerResponse, RETRIEVE_ID, RETRIEVE_VERSION};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

use super::Version;

/// P4: a partner (self or admin).
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Answer<PartnerDetails> {
    principal.require_any(roles::PARTNER_READ)?;
    principal.require_self_or_admin(&path)?;
    let found = db.call(move |store| details::get(store, &principal, &path)).await?;
    Ok(Reply::named(found, RETRIEVE_ID, RETRIEVE_VERSION))
}

/// P5 `PUT /partners/{partnerId}`: address and contact number (logo and additional information
/// stay as they are); P6 `PUT /partners/v2/{partnerId}`: also logo and additional information,
/// when the request carries them.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub(super) async fn update<V: Version>(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateBody>,
) -> Answer<PartnerResponse> {
    principal.require_any(roles::PARTNER_SELF)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| details::update(store, &principal, &cfg, &path, request, V::API)).await
}

/// P7: adds a contact, or updates the partner's contact with that e-mail.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn contact(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<ContactBody>,
) -> Answer<&'static str> {
    principal.require_any(roles::PARTNER_SELF)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| details::contact(store, &principal, &cfg, &path, request)).await
}

/// P8: moves a partner that is not active yet to another policy group.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, policy_group = %path.1))]
pub async fn policy_group(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Answer<&'static str> {
    principal.require_any(roles::POLICY_GROUP_MAPPING)?;
    let (partner_id, group_name) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    Ok(Reply::ok(db.call(move |store| details::policy_group(store, &principal, &partner_id, &group_name)).await?))
}
