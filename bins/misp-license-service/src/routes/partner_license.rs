//! MOSIP 1.2's licence API for MISP partners (`/v1/partnermanager/misps`): the MISP is a row of
//! the shared `partner` table of type `MISP_Partner`; its keys live in `misp_license` beside
//! those of MOSIP 1.1's MISPs and follow the same rules.

use actix_web::web;
use misp_app::MispConfig;
use misp_app::dto::{LicenseEntity12, ProviderKeyRequest, ProviderLicense, ProviderRequest};
use misp_app::partner_license as licences;
use misp_app::roles::{LICENSE_12, LICENSE_KEY_12};
use web_support::openapi::Registrar;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};
use web_support::{Answer, Db, Principal, Reply};

/// The routes under `/v1/partnermanager/misps`.
pub fn register(r: &mut Registrar<'_>) {
    r.resource("", |m| m.post(generate).put(update).get(list))
        .post("/search", search)
        .post("/filtervalues", filter_values)
        .get("/{mispId}/licenseKey", regenerate);
}

web_support::enveloped! {
    /// `POST /v1/partnermanager/misps`: the first licence key of an active MISP partner
    /// (`PMS_MSP_416` when it has one already).
    pub fn generate(ProviderRequest, cfg: MispConfig) -> ProviderLicense;
    LICENSE_12, |store, principal, request| licences::generate(store, principal, &cfg, request);

    /// `PUT /v1/partnermanager/misps`: switches a key of a MISP partner on or off. Switching on needs
    /// an unexpired key of an active holder.
    pub fn update(ProviderKeyRequest, cfg: MispConfig) -> ProviderLicense;
    LICENSE_12, |store, principal, request| licences::update(store, principal, &cfg, request);

    /// `POST /v1/partnermanager/misps/search`: MOSIP's `SearchDto` over licence keys (a caller that is
    /// not an admin: its own), filtered, sorted and paged in SQL.
    pub fn search(SearchDto, cfg: MispConfig) -> PageResponse<LicenseEntity12>;
    LICENSE_12, |store, principal, request| licences::search(store, principal, &cfg, request);

    /// `POST /v1/partnermanager/misps/filtervalues`: MOSIP's `FilterValueDto` over licence keys (a
    /// caller that is not an admin: its own).
    pub fn filter_values(FilterValueDto, cfg: MispConfig) -> FilterResponse;
    LICENSE_12, |store, principal, request| licences::filter_values(store, principal, &cfg, request);
}

/// `GET /v1/partnermanager/misps`: every licence key (a caller that is not an admin: its own).
#[tracing::instrument(skip_all)]
pub async fn list(principal: Principal, db: web::Data<Db>, cfg: web::Data<MispConfig>) -> Answer<Vec<LicenseEntity12>> {
    principal.require_any(LICENSE_12)?;
    Ok(Reply::ok(db.call(move |store| licences::list(store, &principal, &cfg)).await?))
}

/// `GET /v1/partnermanager/misps/{mispId}/licenseKey`: the partner's current key; when every
/// active key has expired, they are switched off and one new key is issued.
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn regenerate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Answer<ProviderLicense> {
    principal.require_any(LICENSE_KEY_12)?;
    Ok(Reply::ok(db.call(move |store| licences::regenerate(store, &principal, &cfg, &path)).await?))
}
