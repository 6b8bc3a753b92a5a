//! The paged list of clients: `GET /oauth/client` (MOSIP 1.2.2). A partner sees its own clients,
//! an admin all; filters are case-insensitive substrings (status: exact). The caller's clients
//! are read with their partners, policies and groups, then filtered, sorted and paged here.

use std::collections::HashMap;

use app_core::{Actor, AppError, Store};
use oidc_domain::OidcError;
use oidc_domain::list::{SortField, list_params};
use partner_domain::PartnerId;
use persistence::repo::oidc_client as clients;
use persistence::repo::{partner as partners, policy as policies};
use policy_domain::{PolicyGroupId, PolicyId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::OidcConfig;

/// The list's parameters; all optional.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `partnerId`, `orgName`, `policyGroupName`, `policyName`, `clientId`, `clientName`,
    /// `status` or `createdDateTime`; with `sortType` and paging.
    pub sort_field_name: Option<String>,
    /// `asc` or `desc`.
    pub sort_type: Option<String>,
    /// The page, from 0; with `pageSize`.
    pub page_no: Option<i64>,
    pub page_size: Option<i64>,
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_name: Option<String>,
    pub client_name: Option<String>,
    /// `ACTIVE` or `INACTIVE`, exactly.
    pub status: Option<String>,
}

/// One client of the list (MOSIP's `ClientSummaryDto`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientSummary {
    pub partner_id: String,
    pub org_name: Option<String>,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
    pub policy_name: Option<String>,
    pub policy_description: Option<String>,
    pub client_id: String,
    pub client_name: String,
    pub status: String,
    /// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`.
    pub updated_date_time: Option<String>,
    pub created_date_time: String,
}

/// MOSIP's `PageResponseV2Dto`: an empty page is `{0, 0, 0, []}`; unpaged, the size is the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientPage {
    pub page_no: u64,
    pub page_size: u64,
    pub total_results: u64,
    pub data: Vec<ClientSummary>,
}

/// The caller's clients (an admin: all) matching `q`.
pub fn list(store: &Store, actor: &Actor, cfg: &OidcConfig, q: ListQuery) -> Result<ClientPage, AppError> {
    cfg.require_enabled()?;
    let params = list_params(q.sort_field_name.as_deref(), q.sort_type.as_deref(), q.page_no, q.page_size)?;
    let mut all = store.read(|tx| {
        let owned = if actor.is_admin {
            None
        } else {
            let me = partners::find(tx.conn, &PartnerId::from(actor.user_id.as_str()))?
                .ok_or(OidcError::UserHasNoPartner)?;
            let group = me.policy_group_id.filter(|g| !g.trim().is_empty()).ok_or(OidcError::PolicyGroupIdEmpty)?;
            if policies::find_group(tx.conn, &PolicyGroupId::from(group.as_str()))?.is_none() {
                return Err(OidcError::PolicyGroupMissing.into());
            }
            Some(vec![me.id])
        };
        let rows = clients::list(tx.conn, owned.as_deref(), q.status.as_deref())?;
        let ids: Vec<PartnerId> = rows.iter().map(|r| PartnerId::from(r.rp_id.as_str())).collect();
        let owners: HashMap<String, _> =
            partners::find_many(tx.conn, &ids)?.into_iter().map(|p| (p.id.clone(), p)).collect();
        let policy_ids: Vec<PolicyId> = rows.iter().map(|r| PolicyId::from(r.policy_id.as_str())).collect();
        let policies: HashMap<String, _> =
            policies::policies_by_ids(tx.conn, &policy_ids)?.into_iter().map(|p| (p.id.clone(), p)).collect();
        let group_ids: Vec<PolicyGroupId> =
            owners.values().filter_map(|p| p.policy_group_id.as_deref()).map(PolicyGroupId::from).collect();
        let groups: HashMap<String, _> =
            policies::groups_by_ids(tx.conn, &group_ids)?.into_iter().map(|g| (g.id.clone(), g)).collect();
        Ok(rows
            .into_iter()
            .map(|r| {
                let owner = owners.get(&r.rp_id);
                let group = owner.and_then(|p| p.policy_group_id.as_ref()).and_then(|g| groups.get(g));
                let policy = policies.get(&r.policy_id);
                ClientSummary {
                    org_name: owner.map(|p| p.name.clone()),
                    policy_group_id: group.map(|g| g.id.clone()),
                    policy_group_name: group.map(|g| g.name.clone()),
                    policy_group_description: group.map(|g| g.desc.clone()),
                    policy_name: policy.map(|p| p.name.clone()),
                    policy_description: policy.map(|p| p.desc.clone()),
                    partner_id: r.rp_id,
                    client_id: r.id,
                    client_name: r.name,
                    status: r.status,
                    updated_date_time: r.upd_dtimes.map(websub_events::utc),
                    created_date_time: websub_events::utc(r.cr_dtimes),
                }
            })
            .collect::<Vec<_>>())
    })?;
    all.retain(|c| matches(&q, c));
    if let Some((field, descending)) = params.sort {
        all.sort_by(|a, b| {
            let order = sort_key(a, field).cmp(&sort_key(b, field));
            if descending { order.reverse() } else { order }
        });
    }
    let total = all.len() as u64;
    let (page_no, page_size, data) = match params.page {
        Some((no, size)) => {
            let skip = usize::try_from(no.saturating_mul(size)).unwrap_or(usize::MAX);
            let take = usize::try_from(size).unwrap_or(usize::MAX);
            (no, size, all.into_iter().skip(skip).take(take).collect::<Vec<_>>())
        }
        None => (0, total, all),
    };
    if data.is_empty() {
        return Ok(ClientPage { page_no: 0, page_size: 0, total_results: 0, data });
    }
    Ok(ClientPage { page_no, page_size, total_results: total, data })
}

/// `c` passes the text filters of `q` (lower-cased substrings, as MOSIP's `LIKE`).
fn matches(q: &ListQuery, c: &ClientSummary) -> bool {
    let has = |filter: &Option<String>, value: Option<&str>| match filter.as_deref().filter(|f| !f.is_empty()) {
        None => true,
        Some(f) => value.is_some_and(|v| v.to_lowercase().contains(&f.to_lowercase())),
    };
    has(&q.partner_id, Some(&c.partner_id))
        && has(&q.org_name, c.org_name.as_deref())
        && has(&q.policy_group_name, c.policy_group_name.as_deref())
        && has(&q.policy_name, c.policy_name.as_deref())
        && has(&q.client_name, Some(&c.client_name))
}

fn sort_key(c: &ClientSummary, field: SortField) -> String {
    use SortField as F;
    let text = match field {
        F::PartnerId => Some(&c.partner_id),
        F::OrgName => c.org_name.as_ref(),
        F::PolicyGroupName => c.policy_group_name.as_ref(),
        F::PolicyName => c.policy_name.as_ref(),
        F::ClientId => Some(&c.client_id),
        F::ClientName => Some(&c.client_name),
        F::Status => Some(&c.status),
        F::CreatedDateTime => Some(&c.created_date_time),
    };
    text.cloned().unwrap_or_default()
}
