//! Searches and filter values (P19–P24), on the shared search engine: filtering, sorting and
//! paging in SQL; a caller without the admin role finds its own partner's rows only.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use persistence::repo::{api_key, partner as repo, partner_policy};
use persistence::search::{self, Criterion, Entity, Op, SearchQuery};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::page::PageResponse;
use web_support::search::{FilterResponse, FilterValueDto, SearchDto, filter_values};
use web_support::time::serde_mosip;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope};

use super::{PartnerConfig, plain};
use crate::roles;

/// Rows a virtual column (a partner or policy name) may stand for.
const NAME_MATCHES_MAX: i64 = 100_000;

/// The criterion that keeps a non-admin to its own partner's rows.
fn own_rows(principal: &Principal, column: &str) -> Option<Criterion> {
    (!principal.is_admin).then(|| Criterion::new(column, Op::In(vec![principal.user_id.clone()])))
}

/// Ids of `entity` rows whose `column` satisfies the operation of `virtual_criterion`.
fn ids_matching(
    conn: &mut persistence::DbConnection,
    entity: Entity,
    column: &str,
    virtual_criterion: &Criterion,
) -> Result<Vec<String>, ApiError> {
    let q = SearchQuery {
        criteria: vec![Criterion::new(column, virtual_criterion.op.clone())],
        sort: Vec::new(),
        page_start: 0,
        page_fetch: NAME_MATCHES_MAX,
    };
    Ok(search::search_ids(conn, entity, &q)?.0)
}

/// Turns the `partnerName` / `policyName` criteria into `In` criteria on real columns.
fn resolve_names(
    conn: &mut persistence::DbConnection,
    query: &mut SearchQuery,
    virtual_criteria: &[Criterion],
) -> Result<(), ApiError> {
    for v in virtual_criteria {
        let (entity, real) = if v.column.eq_ignore_ascii_case("partnerName") {
            (Entity::Partner, "partnerId")
        } else {
            (Entity::Policy, "policyId")
        };
        let ids = ids_matching(conn, entity, "name", v)?;
        query.criteria.push(Criterion::new(real, Op::In(ids)));
    }
    Ok(())
}

fn page<T>(items: Vec<T>, q: &SearchQuery, total: i64) -> PageResponse<T> {
    PageResponse::new(items, q.page_start.saturating_mul(q.page_fetch), total)
}

/// `PartnerSearchDto`: a `SearchDto` with `partnerType` (`all` or a partner type code).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerSearchDto)]
pub struct PartnerSearchBody {
    #[serde(flatten)]
    search: SearchDto,
    /// `all`, or a partner type code (matched in any case).
    #[schema(required = true, example = "all")]
    partner_type: Option<String>,
}

/// `PartnerSearchResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerSearchResponseDto)]
struct PartnerItem {
    id: String,
    address: Option<String>,
    contact_no: Option<String>,
    cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    del_dtimes: Option<NaiveDateTime>,
    email_id: Option<String>,
    is_active: bool,
    is_deleted: bool,
    name: String,
    policy_group_id: Option<String>,
    certificate_alias: Option<String>,
    partner_type_code: String,
    approval_status: String,
    upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    upd_dtimes: Option<NaiveDateTime>,
    user_id: String,
    lang_code: Option<String>,
}

/// P19: partners (`partnerType`: `all` or a type code).
#[utoipa::path(
    post,
    path = "/partners/search",
    operation_id = "searchPartner",
    tag = "Partner searches",
    summary = "P19: search partners",
    description = "MOSIP's `SearchDto` over the partner's columns (`id`, `name`, `emailId`, \
`partnerTypeCode`, `isActive`, `approvalStatus`, `crDtimes`, …) plus `partnerType`, filtered, \
sorted and paged in the database. A caller without `PARTNER_ADMIN` finds its own partner only. \
Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, \
`PARTNER_ADMIN`, `CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, \
`SDK_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `partnerType` missing or blank; \
`PMS-MSD-3xx` the search is invalid (an unknown or missing column, filter type or value, sort, or \
pagination).",
    request_body(
        content = RequestEnvelope<PartnerSearchBody>,
        example = json!({"id": "mosip.partnermanagement.partners.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerType": "all",
                "filters": [{"columnName": "name", "type": "contains", "value": "Tech"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of partners, or the errors",
        body = ResponseEnvelope<PageResponse<PartnerItem>>))
)]
pub async fn partners(
    principal: Principal,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<PartnerSearchBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_SEARCH)?;
    let body = body.into_inner().into_request()?;
    let own = own_rows(&principal, "id");
    let op = db.op(&principal).call(AuditEvent::GetPartner, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let partner_type = body.partner_type.filter(|t| !t.trim().is_empty());
            let partner_type =
                partner_type.ok_or_else(|| ApiError::invalid_field("partnerType", "must not be blank"))?;
            let mut valid = body.search.validate(Entity::Partner, &[])?;
            if !partner_type.eq_ignore_ascii_case("all") {
                valid.query.criteria.push(Criterion::equals("partnerTypeCode", &partner_type));
            }
            valid.query.criteria.extend(own);
            let (ids, total) = search::search_ids(conn, Entity::Partner, &valid.query)?;
            let items = repo::find_many(conn, &ids)?
                .into_iter()
                .map(|p| PartnerItem {
                    id: p.id,
                    address: p.address,
                    contact_no: p.contact_no,
                    cr_by: p.cr_by,
                    cr_dtimes: p.cr_dtimes,
                    del_dtimes: p.del_dtimes,
                    email_id: p.email_id,
                    is_active: p.is_active,
                    is_deleted: p.is_deleted,
                    name: p.name,
                    policy_group_id: p.policy_group_id,
                    certificate_alias: p.certificate_alias,
                    partner_type_code: p.partner_type_code,
                    approval_status: p.approval_status,
                    upd_by: p.upd_by,
                    upd_dtimes: p.upd_dtimes,
                    user_id: p.user_id,
                    lang_code: p.lang_code,
                })
                .collect();
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(page(items, &valid.query, total))
        })
        .await?;
    Ok(plain(answer))
}

/// The `PartnerType` entity.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerType)]
struct PartnerTypeItem {
    code: String,
    cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    del_dtimes: Option<NaiveDateTime>,
    is_active: bool,
    is_deleted: bool,
    partner_description: String,
    upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    upd_dtimes: Option<NaiveDateTime>,
    is_policy_required: bool,
}

/// P20: partner types.
#[utoipa::path(
    post,
    path = "/partners/partnertype/search",
    operation_id = "searchPartnerType",
    tag = "Partner searches",
    summary = "P20: search partner types",
    description = "MOSIP's `SearchDto` over the partner type's columns (`code`, \
`partnerDescription`, `isPolicyRequired`, `isActive`, `crDtimes`, …). Roles: `PARTNER`, \
`PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `PARTNER_ADMIN`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partnertype.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isPolicyRequired", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "code", "sortType": "asc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of partner types, or the errors",
        body = ResponseEnvelope<PageResponse<PartnerTypeItem>>))
)]
pub async fn partner_types(
    principal: Principal,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::SEARCH)?;
    let body = body.into_inner().into_request()?;
    let op = db.op(&principal).call(AuditEvent::GetPartner, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let valid = body.validate(Entity::PartnerType, &[])?;
            let (codes, total) = search::search_ids(conn, Entity::PartnerType, &valid.query)?;
            let items = repo::partner_types_by_code(conn, &codes)?
                .into_iter()
                .map(|t| PartnerTypeItem {
                    code: t.code,
                    cr_by: t.cr_by,
                    cr_dtimes: t.cr_dtimes,
                    del_dtimes: t.del_dtimes,
                    is_active: t.is_active,
                    is_deleted: t.is_deleted,
                    partner_description: t.partner_description,
                    upd_by: t.upd_by,
                    upd_dtimes: t.upd_dtimes,
                    is_policy_required: t.is_policy_required,
                })
                .collect();
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(page(items, &valid.query, total))
        })
        .await?;
    Ok(plain(answer))
}

/// P21: filter values of partner columns.
#[utoipa::path(
    post,
    path = "/partners/filtervalues",
    operation_id = "filterValues_1",
    tag = "Partner searches",
    summary = "P21: the values of partner columns",
    description = "MOSIP's `FilterValueDto`: the distinct (`unique`) or all values of each column, \
narrowed by `optionalFilters`, at most `partner.filter_values_max` per column; `fieldCode` is the \
partner's id. A caller without `PARTNER_ADMIN` sees its own partner's values only. Roles: \
`PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `DEVICE_PROVIDER`, `FTM_PROVIDER`, `PARTNER_ADMIN`, \
`CREDENTIAL_PARTNER`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing, or a blank column name; \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` an unknown column, a missing or unsupported filter \
type (all listed); `PMS-MSD-3xx` an invalid optional filter.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.partners.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "partnerTypeCode", "type": "unique", "text": ""}],
                "optionalFilters": [{"columnName": "isActive", "type": "equals", "value": "true"}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
pub async fn partner_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<FilterValueDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::SEARCH)?;
    let body = body.into_inner().into_request()?;
    let own = own_rows(&principal, "id");
    let op = db.op(&principal).call(AuditEvent::GetPartner, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let columns = body.validate(Entity::Partner)?;
            let mut criteria = body.optional_criteria();
            criteria.extend(own);
            let out = filter_values(conn, Entity::Partner, &columns, &criteria, cfg.settings.filter_values_max)?;
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(out)
        })
        .await?;
    Ok(plain(answer))
}

/// P22: filter values of policy-request columns.
#[utoipa::path(
    post,
    path = "/partners/apikey/request/filtervalues",
    operation_id = "apikeyRequetsFilterValues",
    tag = "Partner searches",
    summary = "P22: the values of policy-request columns",
    description = "MOSIP's `FilterValueDto` over the policy-mapping requests (`statusCode`, \
`partnerId`, `policyId`, `crDtimes`, …), at most `partner.filter_values_max` values per column; \
`fieldCode` is the request's id. A caller without `PARTNER_ADMIN` sees its own partner's values \
only. Roles: `PARTNER`, `PARTNER_ADMIN`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `filters` missing, or a blank column name; \
`PMS-MSD-317`, `PMS-MSD-322`, `PMS-MSD-324` an unknown column, a missing or unsupported filter \
type (all listed); `PMS-MSD-3xx` an invalid optional filter.",
    request_body(
        content = RequestEnvelope<FilterValueDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.request.filtervalues", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "statusCode", "type": "unique", "text": ""}]}})
    ),
    responses((status = 200, description = "The values, or the errors", body = ResponseEnvelope<FilterResponse>))
)]
pub async fn request_filter_values(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<FilterValueDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_REQUEST_FILTER)?;
    let body = body.into_inner().into_request()?;
    let own = own_rows(&principal, "partnerId");
    let op = db.op(&principal).call(AuditEvent::GetApiKey, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let columns = body.validate(Entity::PolicyRequest)?;
            let mut criteria = body.optional_criteria();
            criteria.extend(own);
            let out = filter_values(conn, Entity::PolicyRequest, &columns, &criteria, cfg.settings.filter_values_max)?;
            trail.push(AuditEvent::GetApiKeySuccess, None);
            Ok(out)
        })
        .await?;
    Ok(plain(answer))
}

/// Names by id.
type Names = std::collections::HashMap<String, String>;

/// Partner and policy names by id, for the request and key searches.
fn names(
    conn: &mut persistence::DbConnection,
    partner_ids: Vec<String>,
    policy_ids: Vec<String>,
) -> Result<(Names, Names), ApiError> {
    let partners = repo::find_many(conn, &partner_ids)?.into_iter().map(|p| (p.id, p.name)).collect();
    let policies = partner_policy::policy_names(conn, &policy_ids)?.into_iter().collect();
    Ok((partners, policies))
}

/// `PolicyRequestSearchResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PolicyRequestSearchResponseDto)]
struct RequestItem {
    apikey_request_id: String,
    cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    del_dtimes: Option<NaiveDateTime>,
    is_deleted: bool,
    policy_id: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    request_datetimes: NaiveDateTime,
    request_detail: String,
    status_code: String,
    upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    upd_dtimes: Option<NaiveDateTime>,
    partner_id: String,
    partner_name: Option<String>,
    policy_name: Option<String>,
}

/// P23: policy-mapping requests (virtual columns `partnerName`, `policyName`).
#[utoipa::path(
    post,
    path = "/partners/apikey/request/search",
    operation_id = "searchApikeyRequest",
    tag = "Partner searches",
    summary = "P23: search policy-mapping requests",
    description = "MOSIP's `SearchDto` over the requests' columns (`statusCode`, `partnerId`, \
`policyId`, `requestDatetimes`, `crDtimes`, …); `partnerName` and `policyName` select the rows of \
the partners and policies whose names match. A caller without `PARTNER_ADMIN` finds its own \
partner's requests only. Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, `ABIS_PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.request.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "statusCode", "type": "equals", "value": "InProgress"},
                    {"columnName": "partnerName", "type": "contains", "value": "Tech"}],
                "sort": [{"sortField": "crDtimes", "sortType": "desc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of requests, or the errors",
        body = ResponseEnvelope<PageResponse<RequestItem>>))
)]
pub async fn requests(
    principal: Principal,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let body = body.into_inner().into_request()?;
    let own = own_rows(&principal, "partnerId");
    let op = db.op(&principal).call(AuditEvent::GetApiKey, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let mut valid = body.validate(Entity::PolicyRequest, &["partnerName", "policyName"])?;
            resolve_names(conn, &mut valid.query, &valid.virtual_criteria)?;
            valid.query.criteria.extend(own);
            let (ids, total) = search::search_ids(conn, Entity::PolicyRequest, &valid.query)?;
            let rows = partner_policy::find_requests(conn, &ids)?;
            let (partners, policies) = names(
                conn,
                rows.iter().map(|r| r.part_id.clone()).collect(),
                rows.iter().map(|r| r.policy_id.clone()).collect(),
            )?;
            let items = rows
                .into_iter()
                .map(|r| RequestItem {
                    partner_name: partners.get(&r.part_id).cloned(),
                    policy_name: policies.get(&r.policy_id).cloned(),
                    apikey_request_id: r.id,
                    cr_by: r.cr_by,
                    cr_dtimes: r.cr_dtimes,
                    del_dtimes: r.del_dtimes,
                    is_deleted: r.is_deleted,
                    policy_id: r.policy_id,
                    request_datetimes: r.request_datetimes,
                    request_detail: r.request_detail,
                    status_code: r.status_code,
                    upd_by: r.upd_by,
                    upd_dtimes: r.upd_dtimes,
                    partner_id: r.part_id,
                })
                .collect();
            trail.push(AuditEvent::GetApiKeySuccess, None);
            Ok(page(items, &valid.query, total))
        })
        .await?;
    Ok(plain(answer))
}

/// `PartnerPolicySearchResponseDto` (the key itself is never shown).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerPolicySearchResponseDto)]
struct KeyItem {
    label: String,
    cr_by: String,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    cr_dtimes: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    del_dtimes: Option<NaiveDateTime>,
    is_active: bool,
    is_deleted: bool,
    policy_id: String,
    policy_name: Option<String>,
    upd_by: Option<String>,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    upd_dtimes: Option<NaiveDateTime>,
    #[serde(serialize_with = "serde_mosip::serialize")]
    #[schema(value_type = String, format = DateTime, example = "2024-05-01T10:20:30.123Z")]
    valid_from_datetime: NaiveDateTime,
    #[serde(serialize_with = "serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-05-02T10:20:30.123Z")]
    valid_to_datetime: Option<NaiveDateTime>,
    partner_id: String,
    partner_name: Option<String>,
}

/// P24: API keys (virtual columns `partnerName`, `policyName`).
#[utoipa::path(
    post,
    path = "/partners/apikey/search",
    operation_id = "searchApikey",
    tag = "Partner searches",
    summary = "P24: search API keys",
    description = "MOSIP's `SearchDto` over the keys' columns (`label`, `partnerId`, `policyId`, \
`isActive`, `validToDatetime`, `crDtimes`, …); `partnerName` and `policyName` select the keys of \
the partners and policies whose names match. The key itself is never answered. A caller without \
`PARTNER_ADMIN` finds its own partner's keys only. Roles: `PARTNER`, `PMS_USER`, `AUTH_PARTNER`, \
`ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS-MSD-3xx` the search is invalid.",
    request_body(
        content = RequestEnvelope<SearchDto>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.search", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"filters": [{"columnName": "isActive", "type": "equals", "value": "true"}],
                "sort": [{"sortField": "validToDatetime", "sortType": "asc"}],
                "pagination": {"pageStart": 0, "pageFetch": 10}}})
    ),
    responses((status = 200, description = "A page of keys, or the errors",
        body = ResponseEnvelope<PageResponse<KeyItem>>))
)]
pub async fn keys(
    principal: Principal,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<SearchDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_SEARCH)?;
    let body = body.into_inner().into_request()?;
    let own = own_rows(&principal, "partnerId");
    let op = db.op(&principal).call(AuditEvent::GetApiKey, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let mut valid = body.validate(Entity::ApiKey, &["partnerName", "policyName"])?;
            resolve_names(conn, &mut valid.query, &valid.virtual_criteria)?;
            valid.query.criteria.extend(own);
            let (keys, total) = search::search_ids(conn, Entity::ApiKey, &valid.query)?;
            let rows = api_key::find_many(conn, &keys)?;
            let (partners, policies) = names(
                conn,
                rows.iter().map(|r| r.part_id.clone()).collect(),
                rows.iter().map(|r| r.policy_id.clone()).collect(),
            )?;
            let items = rows
                .into_iter()
                .map(|r| KeyItem {
                    partner_name: partners.get(&r.part_id).cloned(),
                    policy_name: policies.get(&r.policy_id).cloned(),
                    label: r.label,
                    cr_by: r.cr_by,
                    cr_dtimes: r.cr_dtimes,
                    del_dtimes: r.del_dtimes,
                    is_active: r.is_active,
                    is_deleted: r.is_deleted,
                    policy_id: r.policy_id,
                    upd_by: r.upd_by,
                    upd_dtimes: r.upd_dtimes,
                    valid_from_datetime: r.valid_from_datetime,
                    valid_to_datetime: r.valid_to_datetime,
                    partner_id: r.part_id,
                })
                .collect();
            trail.push(AuditEvent::GetApiKeySuccess, None);
            Ok(page(items, &valid.query, total))
        })
        .await?;
    Ok(plain(answer))
}
