//! P19–P24: searches and filter values over partners, partner types, policy-mapping requests
//! and API keys, on the shared search engine (filtering, sorting and paging in SQL). A caller
//! without the admin role finds its own partner's rows only.

mod items;

use std::collections::HashMap;

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto, filter_values};
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::{ApiKey, PartnerId};
use persistence::DbConnection;
use persistence::repo::{api_key, partner as repo, partner_policy};
use persistence::search::{self, Criterion, Entity, Op, SearchQuery};
use policy_domain::PolicyId;
use serde::Deserialize;
use utoipa::ToSchema;

pub use self::items::{KeyItem, PartnerItem, PartnerTypeItem, RequestItem};
use crate::PartnerConfig;

/// Rows a virtual column (a partner or policy name) may stand for.
const NAME_MATCHES_MAX: i64 = 100_000;

/// The virtual columns of the request and key searches.
const NAME_COLUMNS: [&str; 2] = ["partnerName", "policyName"];

/// The criterion that keeps a non-admin to its own partner's rows.
fn own_rows(actor: &Actor, column: &str) -> Option<Criterion> {
    (!actor.is_admin).then(|| Criterion::new(column, Op::In(vec![actor.user_id.clone()])))
}

/// Turns the `partnerName` / `policyName` criteria into `In` criteria on the ids of the
/// partners and policies whose names match.
fn resolve_names(
    conn: &mut DbConnection,
    query: &mut SearchQuery,
    virtual_criteria: &[Criterion],
) -> Result<(), AppError> {
    for v in virtual_criteria {
        let (entity, real) = if v.column.eq_ignore_ascii_case("partnerName") {
            (Entity::Partner, "partnerId")
        } else {
            (Entity::Policy, "policyId")
        };
        let names = [Criterion::new("name", v.op.clone())];
        let ids = search::matching_ids(conn, entity, &names, NAME_MATCHES_MAX)?;
        query.criteria.push(Criterion::new(real, Op::In(ids)));
    }
    Ok(())
}

fn page<T>(items: Vec<T>, q: &SearchQuery, total: i64) -> PageResponse<T> {
    PageResponse::new(items, q.page_start.saturating_mul(q.page_fetch), total)
}

/// Names by id.
type Names = HashMap<String, String>;

/// The names of the partners and policies of `rows`.
fn names<R>(
    conn: &mut DbConnection,
    rows: &[R],
    ids: impl Fn(&R) -> (&String, &String),
) -> Result<(Names, Names), AppError> {
    let (partner_ids, policy_ids): (Vec<PartnerId>, Vec<PolicyId>) = rows
        .iter()
        .map(|r| {
            let (partner, policy) = ids(r);
            (PartnerId::from(partner), PolicyId::from(policy))
        })
        .unzip();
    let partners = repo::find_many(conn, &partner_ids)?.into_iter().map(|p| (p.id, p.name)).collect();
    let policies = partner_policy::policy_names(conn, &policy_ids)?.into_iter().collect();
    Ok((partners, policies))
}

/// `PartnerSearchDto`: a `SearchDto` with `partnerType` (`all` or a partner type code).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerSearchDto)]
pub struct PartnerSearchBody {
    #[serde(flatten)]
    pub search: SearchDto,
    /// `all`, or a partner type code (matched in any case).
    #[schema(required = true, example = "all")]
    pub partner_type: Option<String>,
}

/// P19: partners (`partnerType`: `all` or a type code).
pub fn partners(store: &Store, actor: &Actor, req: PartnerSearchBody) -> Result<PageResponse<PartnerItem>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None);
    store.audited_read(plan, |tx| {
        let partner_type = req.partner_type.filter(|t| !t.trim().is_empty());
        let partner_type = partner_type.ok_or_else(|| AppError::invalid_field("partnerType", "must not be blank"))?;
        let mut valid = req.search.validate(Entity::Partner, &[])?;
        if !partner_type.eq_ignore_ascii_case("all") {
            valid.query.criteria.push(Criterion::equals("partnerTypeCode", &partner_type));
        }
        valid.query.criteria.extend(own_rows(actor, "id"));
        let (ids, total) = search::search_ids(tx.conn, Entity::Partner, &valid.query, store.count_limit())?;
        let ids: Vec<PartnerId> = ids.into_iter().map(PartnerId::from).collect();
        let items = repo::find_many(tx.conn, &ids)?.into_iter().map(PartnerItem::from).collect();
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(page(items, &valid.query, total))
    })
}

/// P20: partner types.
pub fn partner_types(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<PartnerTypeItem>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None);
    store.audited_read(plan, |tx| {
        let valid = req.validate(Entity::PartnerType, &[])?;
        let (codes, total) = search::search_ids(tx.conn, Entity::PartnerType, &valid.query, store.count_limit())?;
        let items = repo::partner_types_by_code(tx.conn, &codes)?.into_iter().map(PartnerTypeItem::from).collect();
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(page(items, &valid.query, total))
    })
}

/// P21: the values of partner columns (`fieldCode`: the partner's id).
pub fn partner_filter_values(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    req: FilterValueDto,
) -> Result<FilterResponse, AppError> {
    let events = (AuditEvent::GetPartner, AuditEvent::GetPartnerSuccess);
    own_filter_values(store, actor, cfg, req, Entity::Partner, "id", events)
}

/// P22: the values of policy-request columns (`fieldCode`: the request's id).
pub fn request_filter_values(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    req: FilterValueDto,
) -> Result<FilterResponse, AppError> {
    let events = (AuditEvent::GetApiKey, AuditEvent::GetApiKeySuccess);
    own_filter_values(store, actor, cfg, req, Entity::PolicyRequest, "partnerId", events)
}

/// The values of `entity`'s columns among the rows the caller may see (`owner`: the column of
/// their partner id), audited with the `(call, success)` events.
fn own_filter_values(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    req: FilterValueDto,
    entity: Entity,
    owner: &str,
    (call, success): (AuditEvent, AuditEvent),
) -> Result<FilterResponse, AppError> {
    let plan = store.plan(actor).call(call, None);
    store.audited_read(plan, |tx| {
        let columns = req.validate(entity)?;
        let mut criteria = req.optional_criteria();
        criteria.extend(own_rows(actor, owner));
        let out = filter_values(tx.conn, entity, &columns, &criteria, cfg.filter_values_max)?;
        tx.trail.push(success, None);
        Ok(out)
    })
}

/// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
pub fn requests(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<RequestItem>, AppError> {
    let fetch = |conn: &mut DbConnection, ids: Vec<String>| Ok(partner_policy::find_requests(conn, &ids)?);
    named_rows(store, actor, req, Entity::PolicyRequest, fetch, |r| (&r.part_id, &r.policy_id), RequestItem::named)
}

/// P24: API keys (virtual columns `partnerName`, `policyName`); the key itself is never
/// answered.
pub fn keys(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<KeyItem>, AppError> {
    let fetch = |conn: &mut DbConnection, ids: Vec<String>| {
        let keys: Vec<ApiKey> = ids.into_iter().map(ApiKey::from).collect();
        Ok(api_key::find_many(conn, &keys)?)
    };
    named_rows(store, actor, req, Entity::ApiKey, fetch, |r| (&r.part_id, &r.policy_id), KeyItem::named)
}

/// A search of the rows of `entity` that name a partner and a policy (`ids`): `fetch` reads the
/// rows found, `item` answers each with the partner's and the policy's names.
fn named_rows<R, T>(
    store: &Store,
    actor: &Actor,
    req: SearchDto,
    entity: Entity,
    fetch: impl FnOnce(&mut DbConnection, Vec<String>) -> Result<Vec<R>, AppError>,
    ids: impl Fn(&R) -> (&String, &String),
    item: impl Fn(R, Option<String>, Option<String>) -> T,
) -> Result<PageResponse<T>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, None);
    store.audited_read(plan, |tx| {
        let mut valid = req.validate(entity, &NAME_COLUMNS)?;
        resolve_names(tx.conn, &mut valid.query, &valid.virtual_criteria)?;
        valid.query.criteria.extend(own_rows(actor, "partnerId"));
        let (found, total) = search::search_ids(tx.conn, entity, &valid.query, store.count_limit())?;
        let rows = fetch(tx.conn, found)?;
        let (partners, policies) = names(tx.conn, &rows, &ids)?;
        let items = rows
            .into_iter()
            .map(|r| {
                let (partner, policy) = ids(&r);
                let (partner, policy) = (partners.get(partner).cloned(), policies.get(policy).cloned());
                item(r, partner, policy)
            })
            .collect();
        tx.trail.push(AuditEvent::GetApiKeySuccess, None);
        Ok(page(items, &valid.query, total))
    })
}

#[cfg(test)]
mod tests;
