//! MOSIP 1.2.2's list of the auth partners' API keys (`GET /partner-api-keys`): every key for an
//! admin, those of the caller's own partners otherwise; never a key's value.

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::time::stamp;
use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::key_paged::{self as repo, KeyFilter, KeySortKey, KeySummaryRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::scope::own_partners;

/// The sort fields of the key list, as MOSIP names them.
pub const KEY_SORT_FIELDS: &[(&str, KeySortKey)] = &[
    ("partnerId", KeySortKey::PartnerId),
    ("apiKeyLabel", KeySortKey::ApiKeyLabel),
    ("orgName", KeySortKey::OrgName),
    ("policyName", KeySortKey::PolicyName),
    ("policyGroupName", KeySortKey::PolicyGroupName),
    ("status", KeySortKey::Status),
    ("createdDateTime", KeySortKey::CreatedDateTime),
];

/// The query of `GET /partner-api-keys` (text filters match a case-insensitive substring).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ApiKeysQuery {
    pub partner_id: Option<String>,
    pub api_key_label: Option<String>,
    pub org_name: Option<String>,
    /// `activated` or `deactivated` (another value matches nothing).
    pub status: Option<String>,
    pub policy_name: Option<String>,
    pub policy_group_name: Option<String>,
}

/// `ApiKeyRequestSummaryDto`: one key, without its value.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApiKeySummaryDto {
    pub partner_id: String,
    pub api_key_label: String,
    pub org_name: String,
    pub policy_name: String,
    pub policy_id: String,
    pub policy_description: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
    /// `activated` or `deactivated`.
    pub status: String,
    pub created_date_time: String,
}

impl From<KeySummaryRow> for ApiKeySummaryDto {
    fn from(r: KeySummaryRow) -> Self {
        ApiKeySummaryDto {
            status: if r.is_active { "activated" } else { "deactivated" }.to_owned(),
            created_date_time: stamp(r.cr_dtimes),
            partner_id: r.partner_id,
            api_key_label: r.api_key_label,
            org_name: r.org_name,
            policy_name: r.policy_name,
            policy_id: r.policy_id,
            policy_description: r.policy_description,
            policy_group_id: r.policy_group_id,
            policy_group_name: r.policy_group_name,
            policy_group_description: r.policy_group_description,
        }
    }
}

/// The page and the filters a key-list query asks for (`PMS_PS_ERROR_007`/`006`/`008`, then
/// `PMS_PRT_357`/`358`/`360`/`361`).
pub fn api_keys_request(
    paging: &PageQuery,
    q: &ApiKeysQuery,
) -> Result<(PageRequest<KeySortKey>, KeyFilter), AppError> {
    let page = PageRequest::parse_optional(paging, KEY_SORT_FIELDS)?;
    let filter = KeyFilter {
        partner_id: q.partner_id.clone(),
        api_key_label: q.api_key_label.clone(),
        org_name: q.org_name.clone(),
        policy_name: q.policy_name.clone(),
        policy_group_name: q.policy_group_name.clone(),
        active: q.status.as_deref().map(|s| match s {
            "activated" => Some(true),
            "deactivated" => Some(false),
            _ => None,
        }),
        partners: None,
    };
    Ok((page, filter))
}

/// One page of the API keys matching `filter` that the caller may see.
pub fn api_keys(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<KeySortKey>,
    filter: KeyFilter,
) -> Result<PageResponseV2<ApiKeySummaryDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, None).on_failure(AuditEvent::PolicyMappingMissing, None);
    store.audited_read(plan, |tx| {
        let partners = if actor.is_admin { None } else { Some(own_partners(tx.conn, &actor.user_id, false)?) };
        let filter = KeyFilter { partners, ..filter };
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = repo::key_summaries(tx.conn, &filter, sort, store.paging_of(page))?;
        tx.trail.push(AuditEvent::GetApiKeySuccess, None);
        Ok(PageResponseV2::new(rows.into_iter().map(ApiKeySummaryDto::from).collect(), page, total))
    })
}
