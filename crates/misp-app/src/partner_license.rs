//! MOSIP 1.2's licence API for MISP partners: the MISP is a row of the shared `partner` table of
//! type `MISP_Partner`; its keys live in `misp_license` beside those of MOSIP 1.1's MISPs and
//! follow the same rules.

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto, filter_values as column_values};
use app_core::{Actor, AppError, Store, Tx};
use audit_events::AuditEvent;
use misp_domain::{Holder, License, LicenseKey, MispError, MispId, Switch, may_switch_key, required_field};
use partner_domain::PartnerId;
use persistence::repo::misp::PartnerInfo;
use persistence::repo::{misp as misps, misp_license as keys};
use persistence::search::{Criterion, Entity, Op, search_ids};
use policy_domain::PolicyId;

use crate::config::{MispConfig, at_store_precision};
use crate::dto::{LicenseEntity12, ProviderKeyRequest, ProviderLicense, ProviderRequest};
use crate::events::publish_license;
use crate::keys::{current_key, no_key};

/// Longest partner id (`partner.id`).
const PROVIDER_MAX: usize = 36;
const KEY_MAX: usize = misp_domain::license::KEY_MAX;
/// Most values a filter-values column answers.
const FILTER_VALUES_MAX: i64 = 1000;

/// Restricts a search to the caller's own keys unless it is an admin (exact match on `mispId`).
fn own_keys(cfg: &MispConfig, actor: &Actor) -> Option<Criterion> {
    cfg.roles.scope(actor).map(|me| Criterion::new("mispId", Op::In(vec![me.to_owned()])))
}

/// 403 unless the caller is an admin or the partner `provider_id` itself.
fn require_self_or_admin(cfg: &MispConfig, actor: &Actor, provider_id: &str) -> Result<(), AppError> {
    if cfg.roles.is_admin(actor) || actor.user_id == provider_id { Ok(()) } else { Err(AppError::forbidden()) }
}

/// The MISP partner `id`: `PMS_MSP_005` when missing, `PMS_MSP_009` when of another type,
/// `PMS_MSP_405` when inactive.
fn active_misp_partner(tx: &mut Tx<'_>, cfg: &MispConfig, id: &str) -> Result<PartnerInfo, AppError> {
    let partner = misps::find_partner(tx.conn, &PartnerId::from(id))?.ok_or(MispError::PartnerNotFound)?;
    if !partner.partner_type_code.eq_ignore_ascii_case(&cfg.partner_type) {
        return Err(MispError::NotMispPartner.into());
    }
    if !partner.is_active {
        return Err(MispError::PartnerInactive.into());
    }
    Ok(partner)
}

/// The policy a new key of the partner carries: that of its first policy request, when it has
/// any; every request must be approved (`PMS_MSP_418`) and the policy must exist (`PMS_MSP_419`).
fn key_policy(tx: &mut Tx<'_>, partner_id: &str) -> Result<Option<String>, AppError> {
    let requests = misps::policy_requests(tx.conn, &PartnerId::from(partner_id))?;
    let Some((_, first_policy)) = requests.first() else { return Ok(None) };
    if !requests.iter().all(|(status, _)| status.eq_ignore_ascii_case("approved")) {
        return Err(MispError::PolicyNotApproved.into());
    }
    if !misps::policy_exists(tx.conn, &PolicyId::from(first_policy))? {
        return Err(MispError::PolicyNotFound.into());
    }
    Ok(Some(first_policy.clone()))
}

/// The first licence key of an active MISP partner (`PMS_MSP_416` when it has one already).
pub fn generate(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    req: ProviderRequest,
) -> Result<ProviderLicense, AppError> {
    let provider_id = required_field("providerId", req.provider_id.as_deref(), PROVIDER_MAX)?;
    require_self_or_admin(cfg, actor, &provider_id)?;
    let license = store.audited(store.plan(actor), |tx| {
        let holder_id = MispId::from(&provider_id);
        misps::lock_holder(tx.conn, &holder_id)?;
        if keys::any_of(tx.conn, &holder_id)? {
            return Err(MispError::LicenseExists.into());
        }
        let partner = active_misp_partner(tx, cfg, &provider_id)?;
        let policy_id = key_policy(tx, &partner.id)?;
        let now = at_store_precision(tx.now);
        let (conn, mut rng) = tx.conn_and_rng();
        let key =
            keys::insert_new(conn, || cfg.keys.issue(&mut rng, &partner.id, policy_id.clone(), &actor.user_id, now))?
                .ok_or_else(no_key)?;
        publish_license(tx, true, &key, true)?;
        tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&partner.id));
        Ok(key)
    })?;
    Ok(ProviderLicense::new(&license, "Active"))
}

/// Switches a key of a MISP partner on or off. Switching on needs an unexpired key of an active
/// holder.
pub fn update(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    req: ProviderKeyRequest,
) -> Result<ProviderLicense, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::UpdateLicenseKeyStatus, None)
        .on_failure(AuditEvent::UpdateMispLicenseStatus, req.provider_id.as_deref());
    let (license, switch) = store.audited(plan, |tx| {
        let provider_id = required_field("providerId", req.provider_id.as_deref(), PROVIDER_MAX)?;
        let switch = Switch::parse(req.license_key_status.as_deref(), MispError::BadMispSwitch)
            .map_err(|e| AppError::from(e).audit(AuditEvent::LicenseKeyStatusInvalid, Some(&provider_id)))?;
        let key = required_field("licenseKey", req.license_key.as_deref(), KEY_MAX)?;
        require_self_or_admin(cfg, actor, &provider_id)?;
        let (holder_id, key) = (MispId::from(&provider_id), LicenseKey::from(key));
        let license = keys::find_of(tx.conn, &holder_id, &key)?
            .ok_or_else(|| AppError::from(MispError::PartnerKeyNotFound).audit(AuditEvent::LicenseKeyNotFound, None))?;
        let now = at_store_precision(tx.now);
        let holder: Option<Holder> = misps::find_holder(tx.conn, &holder_id, &cfg.partner_type)?;
        may_switch_key(&license, holder.as_ref(), switch, now)?;
        keys::set_state(tx.conn, &holder_id, &key, switch.is_on(), false, &actor.user_id, now)?;
        let switched = License { is_active: switch.is_on(), ..license.clone() };
        if license.is_active != switched.is_active {
            publish_license(tx, false, &switched, false)?;
        }
        tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&provider_id));
        Ok((switched, switch))
    })?;
    Ok(ProviderLicense::new(&license, switch.as_str()))
}

/// Every licence key (a caller that is not an admin: its own).
pub fn list(store: &Store, actor: &Actor, cfg: &MispConfig) -> Result<Vec<LicenseEntity12>, AppError> {
    let only = cfg.roles.scope(actor).map(MispId::from);
    let all = store.read(|tx| Ok(keys::all(tx.conn, only.as_ref())?))?;
    Ok(all.iter().map(LicenseEntity12::from).collect())
}

/// The partner's current key; when every active key has expired, they are switched off and one
/// new key is issued.
pub fn regenerate(store: &Store, actor: &Actor, cfg: &MispConfig, misp_id: &str) -> Result<ProviderLicense, AppError> {
    require_self_or_admin(cfg, actor, misp_id)?;
    let license = store.audited(store.plan(actor), |tx| {
        misps::lock_holder(tx.conn, &MispId::from(misp_id))?;
        let partner = active_misp_partner(tx, cfg, misp_id)?;
        let holder_id = MispId::from(&partner.id);
        if !keys::any_of(tx.conn, &holder_id)? {
            return Err(MispError::PartnerKeyNotFound.into());
        }
        let policy_id = key_policy(tx, &partner.id)?;
        let current = current_key(tx, cfg, &holder_id, policy_id, &actor.user_id, MispError::PartnerKeyNotFound)?;
        if current.issued {
            publish_license(tx, false, &current.license, true)?;
        }
        if current.changed() {
            tx.trail.push(AuditEvent::UpdateMispLicenseStatus, Some(&partner.id));
        }
        Ok(current.license)
    })?;
    Ok(ProviderLicense::new(&license, "Active"))
}

/// MOSIP's `SearchDto` over licence keys (a caller that is not an admin: its own), filtered,
/// sorted and paged in SQL.
pub fn search(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    dto: SearchDto,
) -> Result<PageResponse<LicenseEntity12>, AppError> {
    let mut query = dto.validate(Entity::MispLicense, &[])?.query;
    query.criteria.extend(own_keys(cfg, actor));
    store.read(|tx| {
        let (ids, total) = search_ids(tx.conn, Entity::MispLicense, &query, store.count_limit())?;
        let rows = keys::by_keys(tx.conn, &ids.iter().map(LicenseKey::from).collect::<Vec<_>>())?;
        let items: Vec<LicenseEntity12> =
            ids.iter().filter_map(|id| rows.iter().find(|l| &l.key == id)).map(LicenseEntity12::from).collect();
        Ok(PageResponse::new(items, query.page_start.saturating_mul(query.page_fetch), total))
    })
}

/// MOSIP's `FilterValueDto` over licence keys (a caller that is not an admin: its own).
pub fn filter_values(
    store: &Store,
    actor: &Actor,
    cfg: &MispConfig,
    dto: FilterValueDto,
) -> Result<FilterResponse, AppError> {
    let columns = dto.validate(Entity::MispLicense)?;
    let mut criteria = dto.optional_criteria();
    criteria.extend(own_keys(cfg, actor));
    store.read(|tx| column_values(tx.conn, Entity::MispLicense, &columns, &criteria, FILTER_VALUES_MAX))
}
