//! PL12 policy-group search, PL13 policy search, PL15/PL16 filter values: MOSIP's `SearchDto` /
//! `FilterValueDto` semantics, filtered, sorted and paged in the database.

use std::collections::HashMap;

use actix_web::web;
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use persistence::search::{Criterion, Entity, Op, search_ids};
use serde::Deserialize;
use utoipa::ToSchema;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto, filter_values};
use web_support::{ApiError, Db, ErrorItem, Principal, RequestEnvelope, ResponseEnvelope};

use super::dto::{GroupEntity, PolicySearchItem};
use super::{Answer, PolicyState, ok};
use crate::roles;

/// The policy search's column that is not one of the table's: the group's name.
const POLICY_GROUP_NAME: &str = "policyGroupName";

/// `PolicySearchDto`: a `SearchDto` with `policyType` (`all` or a type).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicySearchBody {
    #[serde(flatten)]
    search: SearchDto,
    #[schema(required = true, example = "all")]
    policy_type: Option<String>,
}

/// `PolicyFilterValueDto`: a `FilterValueDto` with `policyType` (`all` or a type).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyFilterBody {
    #[serde(flatten)]
    filter: FilterValueDto,
    #[schema(required = true, example = "Auth")]
    policy_type: Option<String>,
}

/// `policyType`: required; anything but `all` narrows to that type.
fn type_criterion(policy_type: Option<&str>) -> Result<Option<Criterion>, ApiError> {
    let t = policy_type.ok_or_else(|| ApiError::invalid_field("policyType", "must not be null"))?;
    Ok((!t.eq_ignore_ascii_case("all")).then(|| Criterion::equals("policyType", t)))
}

/// MOSIP's policy manager answers a filter-values request its validator refuses with the generic
/// `PMS_COR_003`; that code comes first, the validator's findings follow.
fn generic_first(mut e: ApiError) -> ApiError {
    if e.code().starts_with("PMS-MSD-") {
        e.errors.insert(0, ErrorItem::new("PMS_COR_003", "Could not process the request"));
    }
    e
}

/// PL12 `POST /policies/group/search`.
#[utoipa::path(
    post,
    path = "/policies/group/search",
    operation_id = "searchPolicyGroup",
    tag = "Policy groups",
    summary = "PL12: search policy groups",
    description = "MOSIP's `SearchDto` over the group's columns (`id`, `name`, `desc`, `isActive`, \
`crBy`, `crDtimes`, …), filtered, sorted and paged in the database. Roles: `PARTNER_ADMIN`, \
`AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS-MSD-3xx` the search is invalid (an unknown or missing column, filter \
type or value, sort, or pagination).",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.policy.group.search", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "name", "type": "contains", "value": "auth"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of groups, or the errors", body = ResponseEnvelope<PageResponse<GroupEntity>>))
)]
pub async fn groups(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_GROUP_SEARCH)?;
    let req = body.into_inner().into_request()?;
    let op =
        db.op(&principal).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    let page = db
        .audited_read(op, move |conn, trail| {
            let valid = req.validate(Entity::PolicyGroup, &[])?;
            let (ids, total) = search_ids(conn, Entity::PolicyGroup, &valid.query)?;
            let mut found: HashMap<String, _> =
                repo::groups_by_ids(conn, &ids)?.into_iter().map(|g| (g.id.clone(), g)).collect();
            let items: Vec<GroupEntity> =
                ids.iter().filter_map(|id| found.remove(id)).map(|g| GroupEntity::from(&g)).collect();
            trail.push(AuditEvent::GetPolicyGroupSuccess, None);
            Ok(PageResponse::new(items, valid.query.page_start.saturating_mul(valid.query.page_fetch), total))
        })
        .await?;
    Ok(ok(page))
}

/// PL13 `POST /policies/search`.
#[utoipa::path(
    post,
    path = "/policies/search",
    operation_id = "searchPolicy",
    tag = "Policies",
    summary = "PL13: search policies",
    description = "MOSIP's `SearchDto` plus `policyType` (`all` or a type); besides the policy's \
columns, `policyGroupName` finds the policies of the groups whose name contains the value. \
Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `policyType`; `PMS_COR_003` then `PMS-MSD-311` a filter \
without `columnName`; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<PolicySearchBody>,
        example = json!({"id": "mosip.partnermanagement.policy.search", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyType": "all",
                "filters": [{"columnName": "policyGroupName", "type": "contains", "value": "auth"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of policies, or the errors", body = ResponseEnvelope<PageResponse<PolicySearchItem>>))
)]
pub async fn policies(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<PolicySearchBody>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let req = body.into_inner().into_request()?;
    let op = db.op(&principal).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    let page = db
        .audited_read(op, move |conn, trail| {
            let type_filter = type_criterion(req.policy_type.as_deref())?;
            // MOSIP reads every filter's column name first, and fails on a missing one
            if req.search.filters.as_deref().unwrap_or(&[]).iter().any(|f| f.column_name.is_none()) {
                return Err(ApiError::business_many(vec![
                    ErrorItem::new("PMS_COR_003", "Could not process the request"),
                    ErrorItem::new("PMS-MSD-311", "Column is missing in request"),
                ]));
            }
            let mut valid = req.search.validate(Entity::Policy, &[POLICY_GROUP_NAME])?;
            valid.query.criteria.extend(type_filter);
            for c in &valid.virtual_criteria {
                let text = match &c.op {
                    Op::Contains(v) | Op::StartsWith(v) | Op::Equals(v) => v.trim_matches('*'),
                    Op::In(_) | Op::Between(..) => continue,
                };
                let groups = repo::group_ids_named_like(conn, text)?;
                valid.query.criteria.push(Criterion::new("policyGroupId", Op::In(groups)));
            }
            let (ids, total) = search_ids(conn, Entity::Policy, &valid.query)?;
            let mut found: HashMap<String, _> =
                repo::policies_by_ids(conn, &ids)?.into_iter().map(|p| (p.id.clone(), p)).collect();
            let policies: Vec<_> = ids.iter().filter_map(|id| found.remove(id)).collect();
            let group_ids: Vec<String> = policies.iter().map(|p| p.group_id.clone()).collect();
            let names: HashMap<String, String> =
                repo::groups_by_ids(conn, &group_ids)?.into_iter().map(|g| (g.id, g.name)).collect();
            let items: Vec<PolicySearchItem> =
                policies.iter().map(|p| PolicySearchItem::new(p, names.get(&p.group_id).map(String::as_str))).collect();
            trail.push(AuditEvent::GetPolicySuccess, None);
            Ok(PageResponse::new(items, valid.query.page_start.saturating_mul(valid.query.page_fetch), total))
        })
        .await?;
    Ok(ok(page))
}

/// PL15 `POST /policies/group/filtervalues`.
#[utoipa::path(
    post,
    path = "/policies/group/filtervalues",
    operation_id = "policyGroupFilterValues",
    tag = "Policy groups",
    summary = "PL15: the values of policy-group columns",
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`; `fieldCode` is the group's name. Roles: `PARTNER_ADMIN`, \
`PARTNER`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a blank column name; `PMS_COR_003` followed by the validator's \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` (an unknown column or filter type).",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.policy.group.filtervalues", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "name", "type": "unique", "text": "auth"}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
pub async fn group_values(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    state: web::Data<PolicyState>,
    body: web::Json<RequestEnvelope<FilterValueDto>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_FILTER)?;
    let req = body.into_inner().into_request()?;
    let limit = state.filter_value_limit;
    let op =
        db.op(&principal).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let columns = req.validate(Entity::PolicyGroup).map_err(generic_first)?;
            let criteria = req.optional_criteria();
            let answer = filter_values(conn, Entity::PolicyGroup, &columns, &criteria, limit).map_err(generic_first)?;
            trail.push(AuditEvent::GetPolicyGroupSuccess, None);
            Ok(answer)
        })
        .await?;
    Ok(ok(answer))
}

/// PL16 `POST /policies/filtervalues`.
#[utoipa::path(
    post,
    path = "/policies/filtervalues",
    operation_id = "policyFilterValues",
    tag = "Policies",
    summary = "PL16: the values of policy columns",
    description = "As PL15, over policies of `policyType` (`all` or a type); `fieldCode` is the \
policy's id. Roles: as PL15.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `policyType`, or a blank column name; `PMS_COR_003` followed \
by `PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324`.",
    request_body(
        content = RequestEnvelope<PolicyFilterBody>,
        example = json!({"id": "mosip.partnermanagement.policy.filtervalues", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyType": "Auth", "filters": [{"columnName": "name", "type": "all", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
pub async fn policy_values(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    state: web::Data<PolicyState>,
    body: web::Json<RequestEnvelope<PolicyFilterBody>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_FILTER)?;
    let req = body.into_inner().into_request()?;
    let limit = state.filter_value_limit;
    let op = db.op(&principal).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let type_filter = type_criterion(req.policy_type.as_deref())?;
            let columns = req.filter.validate(Entity::Policy).map_err(generic_first)?;
            let mut criteria = req.filter.optional_criteria();
            criteria.extend(type_filter);
            let answer = filter_values(conn, Entity::Policy, &columns, &criteria, limit).map_err(generic_first)?;
            trail.push(AuditEvent::GetPolicySuccess, None);
            Ok(answer)
        })
        .await?;
    Ok(ok(answer))
}
