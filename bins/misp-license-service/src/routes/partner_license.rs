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
use web_support::page::PageResponse;
use web_support::search::{FilterValueDto, SearchDto};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use crate::config::{MispConfig, now};
use crate::dto::{LicenseEntity12, ProviderKeyRequest, ProviderLicense, ProviderRequest, request_of};
use crate::error::{api, audited};
use crate::roles::{LICENSE_12, LICENSE_KEY_12};
use crate::routes::keys::current_key;
use crate::routes::misps::no_key;

/// Longest partner id (`partner.id`).
const PROVIDER_MAX: usize = 36;
const KEY_MAX: usize = misp_domain::license::KEY_MAX;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("").route(web::post().to(generate)).route(web::put().to(update)).route(web::get().to(list)),
    )
    .service(web::resource("/search").route(web::post().to(search)))
    .service(web::resource("/filtervalues").route(web::post().to(filter_values)))
    .service(web::resource("/{mispId}/licenseKey").route(web::get().to(regenerate)));
}

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
#[tracing::instrument(skip_all)]
pub async fn generate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<ProviderRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let req = request_of(body.into_inner())?;
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
#[tracing::instrument(skip_all)]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<ProviderKeyRequest>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let req = request_of(body.into_inner())?;
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
#[tracing::instrument(skip_all)]
pub async fn search(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let dto = request_of(body.into_inner())?;
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
#[tracing::instrument(skip_all)]
pub async fn filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<MispConfig>,
    body: web::Json<RequestEnvelope<FilterValueDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(LICENSE_12)?;
    let dto = request_of(body.into_inner())?;
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
