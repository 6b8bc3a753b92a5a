//! `/v1/partnermanager/oauth/client/**` and the deprecated `/oidc/client/**`: OIDC clients of
//! eSignet's relying parties. Any authenticated caller may call them (as MOSIP); ownership is
//! checked by the operations. The two forms share their handlers; the deprecated one names
//! clients in one language and audits a successful create or update (as MOSIP).

mod list;

use actix_web::web;
use partner_app::oidc::{self, ClientAnswer, ClientDetail, CreateBody, Flavour, OidcConfig, UpdateBody};
use web_support::openapi::Registrar;
use web_support::{Answer, Db, Envelope, Principal, Reply};

/// The OIDC client routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/oauth/client", |m| m.post(create::<OAuth>).get(list::list))
        .resource("/oauth/client/{client_id}", |m| m.put(update::<OAuth>).get(get))
        .post("/oidc/client", create::<Oidc>)
        .resource("/oidc/client/{client_id}", |m| m.put(update::<Oidc>).get(get));
}

/// The form of the API a route serves.
trait Form {
    const FLAVOUR: Flavour;
}

/// `/oauth/client`.
struct OAuth;

impl Form for OAuth {
    const FLAVOUR: Flavour = Flavour::OAuth;
}

/// The deprecated `/oidc/client`.
struct Oidc;

impl Form for Oidc {
    const FLAVOUR: Flavour = Flavour::Oidc;
}

/// A new client for an authentication partner's approved policy.
#[tracing::instrument(skip_all)]
async fn create<F: Form>(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    body: Envelope<CreateBody>,
) -> Answer<ClientAnswer> {
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| oidc::create(store, &principal, &cfg, F::FLAVOUR, request)).await?))
}

/// Changes a client, or only its status.
#[tracing::instrument(skip_all, fields(client_id = %path))]
async fn update<F: Form>(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
    body: Envelope<UpdateBody>,
) -> Answer<ClientAnswer> {
    let request = body.request()?;
    let id = path.into_inner();
    Ok(Reply::ok(db.call(move |store| oidc::update(store, &principal, &cfg, F::FLAVOUR, &id, request)).await?))
}

/// A client, the caller's own (an admin: any); the same in both forms.
#[tracing::instrument(skip_all, fields(client_id = %path))]
async fn get(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<OidcConfig>,
    path: web::Path<String>,
) -> Answer<ClientDetail> {
    let id = path.into_inner();
    Ok(Reply::ok(db.call(move |store| oidc::get(store, &principal, &cfg, &id)).await?))
}
