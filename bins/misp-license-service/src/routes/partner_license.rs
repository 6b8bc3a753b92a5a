//! MOSIP 1.2's licence API for MISP partners (`/v1/partnermanager/misps`): the MISP is a row of
//! the shared `partner` table of type `MISP_Partner`; its keys live in `misp_license` beside
//! those of MOSIP 1.1's MISPs and follow the same rules.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use misp_domain::{Holder, MispError, Switch, may_switch_key, required_field};
use persistence::DbConnection;
use persistence::repo::misp::PartnerInfo;
use persistence::repo::{misp as misps, misp_license as keys};
use persistence::search::{Criterion, Entity, Op, search_ids};
use web_support::openapi::Registrar;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use crate::config::{MispConfig, now};
use crate::dto::{LicenseEntity12, ProviderKeyRequest, ProviderLicense, ProviderRequest};
use crate::error::{api, audited};
use crate::roles::{LICENSE_12, LICENSE_KEY_12};
use crate::routes::keys::current_key;
use crate::routes::misps::no_key;

/// Longest partner id (`partner.id`).
const PROVIDER_MAX: usize = 36;
const KEY_MAX: usize = misp_domain::license::KEY_MAX;

/// The routes under `/v1/partnermanager/misps`.
pub fn register(r: &mut Registrar<'_>) {
    r.resource("", |m| m.post(generate).put(update).get(list))
        .post("/search", search)
        .post("/filtervalues", filter_values)
        .get("/{mispId}/licenseKey", regenerate);
}

/// The operations under `/v1/partnermanager/misps`, in the order of [`register`].
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(generate, update, list, search, filter_values, regenerate),
    tags((name = "MISP licences (MOSIP 1.2)", description = "Licence keys of MISP partners (partners of type `MISP_Partner`)"))
)]
pub struct PartnerLicenseApi;

/// Most values a filter-values column answers.
const FILTER_VALUES_MAX: i64 = 1000;

/// Restricts a search to the caller's own keys unless it is an admin (exact match on `mispId`).
fn own_keys(cfg: &MispConfig, p: &Principal) -> Option<Criterion> {
    cfg.roles.scope(p).map(|me| Criterion::new("mispId", Op::In(vec![me.to_owned()])))
}

/// 403 unless the caller is an admin or the partner `provider_id` itself.
fn require_self_or_admin(cfg: &MispConfig, p: &Principal, provider_id: &str) -> Result<(), ApiError> {
    if cfg.roles.is_admin(p) || p.user_id == provider_id { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// The MISP partner `id`: `PMS_MSP_005` when missing, `PMS_MSP_009` when of another type,
/// `PMS_MSP_405` when inactive.
fn active_misp_partner(conn: &mut DbConnection, cfg: &MispConfig, id: &str) -> Result<PartnerInfo, ApiError> {
    let partner = misps::find_partner(conn, id)?.ok_or_else(|| api(MispError::PartnerNotFound))?;
    if !partner.partner_type_code.eq_ignore_ascii_case(&cfg.partner_type) {
        return Err(api(MispError::NotMispPartner));
    }
    if !partner.is_active {
        return Err(api(MispError::PartnerInactive));
    }
    Ok(partner)
}

/// The policy a new key of the partner carries: that of its first policy request, when it has
/// any; every request must be approved (`PMS_MSP_418`) and the policy must exist (`PMS_MSP_419`).
fn key_policy(conn: &mut DbConnection, partner_id: &str) -> Result<Option<String>, ApiError> {
    let requests = misps::policy_requests(conn, partner_id)?;
    let Some((_, first_policy)) = requests.first() else { return Ok(None) };
    if !requests.iter().all(|(status, _)| status.eq_ignore_ascii_case("approved")) {
        return Err(api(MispError::PolicyNotApproved));
    }
    if !misps::policy_exists(conn, first_policy)? {
        return Err(api(MispError::PolicyNotFound));
    }
    Ok(Some(first_policy.clone()))
}

/// `POST /v1/partnermanager/misps`: the first licence key of an active MISP partner
/// (`PMS_MSP_416` when it has one already).
#[utoipa::path(
    post,
    path = "",
    operation_id = "generateLicenseKey",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "The first licence key of a MISP partner",
    description = "Roles: `MISP_PARTNER`, `MISP`, `PARTNERMANAGER`, `PARTNER_ADMIN`; a caller that \
is not an admin acts only on itself.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `providerId`; `PMS_MSP_416` the partner has a key already; \
`PMS_MSP_005` no such partner; `PMS_MSP_009` not a MISP partner; `PMS_MSP_405` the partner is \
inactive; `PMS_MSP_418` a policy request is not approved; `PMS_MSP_419` the policy is missing.",
    request_body(
        content = RequestEnvelope<ProviderRequest>,
        example = json!({"id": "mosip.pms.misp.license.generate", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"providerId": "misp-partner-1"}})
    ),
    responses((status = 200, description = "The new key, or the errors", body = ResponseEnvelope<ProviderLicense>))
)]
#[tracing::instrument(skip_all)]
pub async fn generate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<ProviderRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let req = body.into_inner().into_request()?;
    let provider_id = required_field("providerId", req.provider_id.as_deref(), PROVIDER_MAX).map_err(api)?;
    require_self_or_admin(&cfg, &principal, &provider_id)?;
    let user = principal.user_id.clone();
    let op = db.op(&principal);
    let license = db
        .audited(op, move |conn, trail| {
            misps::lock_holder(conn, &provider_id)?;
            if keys::any_of(conn, &provider_id)? {
                return Err(api(MispError::LicenseExists));
            }
            let partner = active_misp_partner(conn, &cfg, &provider_id)?;
            let policy_id = key_policy(conn, &partner.id)?;
            let now = now();
            let mut rng = rand::rng();
            let key = keys::insert_new(conn, || cfg.keys.issue(&mut rng, &partner.id, policy_id.clone(), &user, now))?
                .ok_or_else(no_key)?;
            trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&partner.id));
            Ok(key)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(ProviderLicense::new(&license, "Active"))))
}

/// `PUT /v1/partnermanager/misps`: switches a key of a MISP partner on or off. Switching on needs
/// an unexpired key of an active holder.
#[utoipa::path(
    put,
    path = "",
    operation_id = "updateLicenseKey",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "Switch a MISP partner's licence key on or off",
    description = "Switching on needs an unexpired key of an active partner. Roles: as for \
generating a key.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing or too long; `PMS_MSP_407` the status is \
neither `active` nor `de-active`; `PMS_MSP_408` no such key of the partner; `PMS_MSP_419` an \
expired key; `PMS_MSP_405` the partner is inactive.",
    request_body(
        content = RequestEnvelope<ProviderKeyRequest>,
        example = json!({"id": "mosip.pms.misp.license.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"providerId": "misp-partner-1", "licenseKeyStatus": "de-active",
                "licenseKey": "ZGXtTg8ce5mbp0lb3zvnlT7BESKvNcJzXVBWgkIuuiSWxBIzsb"}})
    ),
    responses((status = 200, description = "The key in its new state, or the errors", body = ResponseEnvelope<ProviderLicense>))
)]
#[tracing::instrument(skip_all)]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<ProviderKeyRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let req = body.into_inner().into_request()?;
    let user = principal.user_id.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::UpdateLicenseKeyStatus, None)
        .on_failure(AuditEvent::UpdateMispLicenseStatus, req.provider_id.as_deref());
    let (license, switch) = db
        .audited(op, move |conn, trail| {
            let provider_id = required_field("providerId", req.provider_id.as_deref(), PROVIDER_MAX).map_err(api)?;
            let switch = Switch::parse(req.license_key_status.as_deref(), MispError::BadMispSwitch)
                .map_err(|e| audited(e, AuditEvent::LicenseKeyStatusInvalid, Some(&provider_id)))?;
            let key = required_field("licenseKey", req.license_key.as_deref(), KEY_MAX).map_err(api)?;
            require_self_or_admin(&cfg, &principal, &provider_id)?;
            let license = keys::find_of(conn, &provider_id, &key)?
                .ok_or_else(|| audited(MispError::PartnerKeyNotFound, AuditEvent::LicenseKeyNotFound, None))?;
            let now = now();
            let holder: Option<Holder> = misps::find_holder(conn, &provider_id, &cfg.partner_type)?;
            may_switch_key(&license, holder.as_ref(), switch, now).map_err(api)?;
            keys::set_state(conn, &provider_id, &key, switch.is_on(), false, &user, now)?;
            trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&provider_id));
            Ok((misp_domain::License { is_active: switch.is_on(), ..license }, switch))
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(ProviderLicense::new(&license, switch.as_str()))))
}

/// `GET /v1/partnermanager/misps`: every licence key (a caller that is not an admin: its own).
#[utoipa::path(
    get,
    path = "",
    operation_id = "listLicenseKeys",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "Every licence key",
    description = "A caller that is not an admin sees its own keys. Roles: as for generating a key.",
    responses((status = 200, description = "The keys", body = ResponseEnvelope<Vec<LicenseEntity12>>))
)]
#[tracing::instrument(skip_all)]
pub async fn list(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let only = cfg.roles.scope(&principal).map(str::to_owned);
    let all = db.read(move |conn| Ok(keys::all(conn, only.as_deref())?)).await?;
    let items: Vec<LicenseEntity12> = all.iter().map(LicenseEntity12::from).collect();
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(items)))
}

/// `GET /v1/partnermanager/misps/{mispId}/licenseKey`: the partner's current key; when every
/// active key has expired, they are switched off and one new key is issued.
#[utoipa::path(
    get,
    path = "/{mispId}/licenseKey",
    operation_id = "getLicenseKey",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "A MISP partner's current licence key",
    description = "When every active key has expired they are switched off and one new key is \
issued. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such partner; `PMS_MSP_009` not a MISP partner; \
`PMS_MSP_405` inactive; `PMS_MSP_408` no key; `PMS_MSP_413` every key is switched off.",
    params(("mispId" = String, Path, description = "The MISP partner's id", example = "misp-partner-1")),
    responses((status = 200, description = "The key, or the errors", body = ResponseEnvelope<ProviderLicense>))
)]
#[tracing::instrument(skip_all, fields(misp_id = %path))]
pub async fn regenerate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_KEY_12)?;
    let misp_id = path.into_inner();
    require_self_or_admin(&cfg, &principal, &misp_id)?;
    let user = principal.user_id.clone();
    let op = db.op(&principal);
    let license = db
        .audited(op, move |conn, trail| {
            misps::lock_holder(conn, &misp_id)?;
            let partner = active_misp_partner(conn, &cfg, &misp_id)?;
            if !keys::any_of(conn, &partner.id)? {
                return Err(api(MispError::PartnerKeyNotFound));
            }
            let policy_id = key_policy(conn, &partner.id)?;
            let (key, changed) = current_key(conn, &cfg, &partner.id, policy_id, &user, MispError::PartnerKeyNotFound)?;
            if changed {
                trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&partner.id));
            }
            Ok(key)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(ProviderLicense::new(&license, "Active"))))
}

/// `POST /v1/partnermanager/misps/search`: MOSIP's `SearchDto` over licence keys (a caller that is
/// not an admin: its own), filtered, sorted and paged in SQL.
#[utoipa::path(
    post,
    path = "/search",
    operation_id = "searchLicenseKeys",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "Search licence keys",
    description = "MOSIP's `SearchDto` over the licence columns (`mispId`, `licenseKey`, \
`isActive`, `validFromDate`, `validToDate`, `createdDateTime`, …), filtered, sorted and paged \
in the database; a caller that is not an admin finds its own keys. Roles: as for generating a key.\n\n\
Errors (HTTP 200): `PMS-MSD-3xx` the search is invalid (an unknown column, filter type, sort or page).",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.pms.misp.license.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isActive", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "createdDateTime", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of keys, or the errors", body = ResponseEnvelope<PageResponse<LicenseEntity12>>))
)]
#[tracing::instrument(skip_all)]
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let dto = body.into_inner().into_request()?;
    let mut query = dto.validate(Entity::MispLicense, &[])?.query;
    query.criteria.extend(own_keys(&cfg, &principal));
    let page = db
        .read(move |conn| {
            let (ids, total) = search_ids(conn, Entity::MispLicense, &query)?;
            let rows = keys::by_keys(conn, &ids)?;
            let items: Vec<LicenseEntity12> =
                ids.iter().filter_map(|id| rows.iter().find(|l| &l.key == id)).map(LicenseEntity12::from).collect();
            Ok(PageResponse::new(items, query.page_start.saturating_mul(query.page_fetch), total))
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(page)))
}

/// `POST /v1/partnermanager/misps/filtervalues`: MOSIP's `FilterValueDto` over licence keys (a
/// caller that is not an admin: its own).
#[utoipa::path(
    post,
    path = "/filtervalues",
    operation_id = "licenseKeyFilterValues",
    tag = "MISP licences (MOSIP 1.2)",
    summary = "The values of licence-key columns",
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`. Roles: as for generating a key.\n\n\
Errors (HTTP 200): `PMS_COR_001` a blank column name; `PMS-MSD-317`, `PMS-MSD-322`, \
`PMS-MSD-324` an unknown column or filter type.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.pms.misp.license.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "mispId", "type": "unique", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
#[tracing::instrument(skip_all)]
pub async fn filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<FilterValueDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let dto = body.into_inner().into_request()?;
    let columns = dto.validate(Entity::MispLicense)?;
    let mut criteria = dto.optional_criteria();
    criteria.extend(own_keys(&cfg, &principal));
    let answer = db
        .read(move |conn| {
            web_support::search::filter_values(conn, Entity::MispLicense, &columns, &criteria, FILTER_VALUES_MAX)
        })
        .await?;
    Ok(HttpResponse::Ok().json(ResponseEnvelope::ok(answer)))
}
