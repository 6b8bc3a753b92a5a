//! PL12 policy-group search, PL13 policy search, PL15/PL16 filter values: MOSIP's `SearchDto` /
//! `FilterValueDto` semantics, filtered, sorted and paged in the database.

use std::collections::HashMap;

use app_core::page::PageResponse;
use app_core::search::{FilterResponse, FilterValueDto, SearchDto, filter_values};
use app_core::{Actor, AppError, Problem, Store};
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use persistence::search::{Criterion, Entity, Op, search_ids};
use policy_domain::{PolicyGroupId, PolicyId};

use crate::config::PolicyConfig;
use crate::dto::{GroupEntity, PolicyFilterBody, PolicySearchBody, PolicySearchItem};

/// The policy search's column that is not one of the table's: the group's name.
const POLICY_GROUP_NAME: &str = "policyGroupName";

/// MOSIP's generic failure, which its policy manager puts before some validators' findings.
fn generic() -> Problem {
    Problem::new("PMS_COR_003", "Could not process the request")
}

/// `policyType`: required; anything but `all` narrows to that type.
fn type_criterion(policy_type: Option<&str>) -> Result<Option<Criterion>, AppError> {
    let t = policy_type.ok_or_else(|| AppError::invalid_field("policyType", "must not be null"))?;
    Ok((!t.eq_ignore_ascii_case("all")).then(|| Criterion::equals("policyType", t)))
}

/// MOSIP's policy manager answers a filter-values request its validator refuses with the generic
/// `PMS_COR_003`; that code comes first, the validator's findings follow.
fn generic_first(mut e: AppError) -> AppError {
    if e.code().starts_with("PMS-MSD-") {
        e.problems.insert(0, generic());
    }
    e
}

/// PL12: a page of groups.
pub fn groups(store: &Store, actor: &Actor, req: SearchDto) -> Result<PageResponse<GroupEntity>, AppError> {
    let plan =
        store.plan(actor).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    store.audited_read(plan, |tx| {
        let valid = req.validate(Entity::PolicyGroup, &[])?;
        let (ids, total) = search_ids(tx.conn, Entity::PolicyGroup, &valid.query, store.count_limit())?;
        let typed: Vec<PolicyGroupId> = ids.iter().map(PolicyGroupId::from).collect();
        let mut found: HashMap<String, _> =
            repo::groups_by_ids(tx.conn, &typed)?.into_iter().map(|g| (g.id.clone(), g)).collect();
        let items: Vec<GroupEntity> =
            ids.iter().filter_map(|id| found.remove(id)).map(|g| GroupEntity::from(&g)).collect();
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, None);
        Ok(PageResponse::new(items, valid.query.page_start.saturating_mul(valid.query.page_fetch), total))
    })
}

/// PL13: a page of policies of a type (or all); `policyGroupName` finds the policies of the
/// groups whose name contains the value.
pub fn policies(
    store: &Store,
    actor: &Actor,
    req: PolicySearchBody,
) -> Result<PageResponse<PolicySearchItem>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    store.audited_read(plan, |tx| {
        let type_filter = type_criterion(req.policy_type.as_deref())?;
        // MOSIP reads every filter's column name first, and fails on a missing one
        if req.search.filters.as_deref().unwrap_or(&[]).iter().any(|f| f.column_name.is_none()) {
            return Err(AppError::refused_many(vec![
                generic(),
                Problem::new("PMS-MSD-311", "Column is missing in request"),
            ]));
        }
        let mut valid = req.search.validate(Entity::Policy, &[POLICY_GROUP_NAME])?;
        valid.query.criteria.extend(type_filter);
        for c in &valid.virtual_criteria {
            let text = match &c.op {
                Op::Contains(v) | Op::StartsWith(v) | Op::Equals(v) => v.trim_matches('*'),
                Op::In(_) | Op::Between(..) => continue,
            };
            let groups = repo::group_ids_named_like(tx.conn, text)?;
            valid.query.criteria.push(Criterion::new("policyGroupId", Op::In(groups)));
        }
        let (ids, total) = search_ids(tx.conn, Entity::Policy, &valid.query, store.count_limit())?;
        let typed: Vec<PolicyId> = ids.iter().map(PolicyId::from).collect();
        let mut found: HashMap<String, _> =
            repo::policies_by_ids(tx.conn, &typed)?.into_iter().map(|p| (p.id.clone(), p)).collect();
        let policies: Vec<_> = ids.iter().filter_map(|id| found.remove(id)).collect();
        let group_ids: Vec<PolicyGroupId> = policies.iter().map(|p| PolicyGroupId::from(&p.group_id)).collect();
        let names: HashMap<String, String> =
            repo::groups_by_ids(tx.conn, &group_ids)?.into_iter().map(|g| (g.id, g.name)).collect();
        let items: Vec<PolicySearchItem> =
            policies.iter().map(|p| PolicySearchItem::new(p, names.get(&p.group_id).map(String::as_str))).collect();
        tx.trail.push(AuditEvent::GetPolicySuccess, None);
        Ok(PageResponse::new(items, valid.query.page_start.saturating_mul(valid.query.page_fetch), total))
    })
}

/// PL15: the values of policy-group columns.
pub fn group_values(
    store: &Store,
    actor: &Actor,
    cfg: &PolicyConfig,
    req: FilterValueDto,
) -> Result<FilterResponse, AppError> {
    let plan =
        store.plan(actor).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    store.audited_read(plan, |tx| {
        let columns = req.validate(Entity::PolicyGroup).map_err(generic_first)?;
        let criteria = req.optional_criteria();
        let answer = filter_values(tx.conn, Entity::PolicyGroup, &columns, &criteria, cfg.filter_value_limit)
            .map_err(generic_first)?;
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, None);
        Ok(answer)
    })
}

/// PL16: the values of policy columns, over policies of a type (or all).
pub fn policy_values(
    store: &Store,
    actor: &Actor,
    cfg: &PolicyConfig,
    req: PolicyFilterBody,
) -> Result<FilterResponse, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    store.audited_read(plan, |tx| {
        let type_filter = type_criterion(req.policy_type.as_deref())?;
        let columns = req.filter.validate(Entity::Policy).map_err(generic_first)?;
        let mut criteria = req.filter.optional_criteria();
        criteria.extend(type_filter);
        let answer = filter_values(tx.conn, Entity::Policy, &columns, &criteria, cfg.filter_value_limit)
            .map_err(generic_first)?;
        tx.trail.push(AuditEvent::GetPolicySuccess, None);
        Ok(answer)
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::testing::{audited, codes, config, group_request, manager, policy_request, store};
    use crate::{groups, policies as drafts};

    fn body<T: serde::de::DeserializeOwned + Default>(v: serde_json::Value) -> T {
        serde_json::from_value(v).unwrap_or_default()
    }

    #[test]
    fn groups_are_searched_sorted_and_paged() {
        let (_db, store) = store();
        for name in ["auth-a", "auth-b", "kyc-c"] {
            groups::create(&store, &manager(), group_request(name)).unwrap_or_else(|e| panic!("{e}"));
        }
        let req: SearchDto = body(json!({"filters": [{"columnName": "name", "type": "contains", "value": "auth"}],
            "sort": [{"sortField": "name", "sortType": "desc"}], "pagination": {"pageStart": 0, "pageFetch": 1}}));
        let page = groups(&store, &manager(), req).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<String> = page.data.unwrap_or_default().into_iter().map(|g| g.name).collect();
        assert_eq!((names, page.total_record, page.from_record), (vec!["auth-b".to_owned()], 2, 1));
        let bad: SearchDto = body(json!({"filters": [{"columnName": "nope", "type": "equals", "value": "x"}],
            "pagination": {"pageStart": 0, "pageFetch": 1}}));
        let e = groups(&store, &manager(), bad).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS-MSD-310"]);
        assert_eq!(audited(&store, AuditEvent::GetPolicyGroupFailure, None), [Some("PMS-MSD-310".into())]);
    }

    #[test]
    fn policies_are_found_by_group_name_and_type() {
        let (_db, store) = store();
        let cfg = config();
        groups::create(&store, &manager(), group_request("auth-group")).unwrap_or_else(|e| panic!("{e}"));
        groups::create(&store, &manager(), group_request("other")).unwrap_or_else(|e| panic!("{e}"));
        drafts::create(&store, &manager(), &cfg, policy_request("auth-group", "p1")).unwrap_or_else(|e| panic!("{e}"));
        drafts::create(&store, &manager(), &cfg, policy_request("other", "p2")).unwrap_or_else(|e| panic!("{e}"));
        let search = |policy_type: &str| -> PolicySearchBody {
            body(json!({"policyType": policy_type, "pagination": {"pageStart": 0, "pageFetch": 10},
                "filters": [{"columnName": "policyGroupName", "type": "contains", "value": "auth"}]}))
        };
        let page = policies(&store, &manager(), search("all")).unwrap_or_else(|e| panic!("{e}"));
        let found: Vec<(String, Option<String>)> =
            page.data.unwrap_or_default().into_iter().map(|p| (p.name, p.policy_group_name)).collect();
        assert_eq!(found, [("p1".to_owned(), Some("auth-group".to_owned()))]);
        let none = policies(&store, &manager(), search("MISP")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((none.total_record, none.data.is_none()), (0, true));
        let untyped: PolicySearchBody = body(json!({"pagination": {"pageStart": 0}}));
        let e = policies(&store, &manager(), untyped).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(e.message(), "Invalid request parameter - must not be null :request.policyType");
        let no_column: PolicySearchBody =
            body(json!({"policyType": "all", "filters": [{"type": "equals", "value": "x"}]}));
        let e = policies(&store, &manager(), no_column).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS_COR_003", "PMS-MSD-311"]);
    }

    #[test]
    fn filter_values_put_the_generic_code_first() {
        let (_db, store) = store();
        let cfg = config();
        groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        let req: FilterValueDto = body(json!({"filters": [{"columnName": "name", "type": "unique"}]}));
        let values = group_values(&store, &manager(), &cfg, req).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(values.filters.iter().map(|v| v.field_value.as_str()).collect::<Vec<_>>(), ["g1"]);
        let bad: PolicyFilterBody =
            body(json!({"policyType": "all", "filters": [{"columnName": "nope", "type": "x"}]}));
        let e = policy_values(&store, &manager(), &cfg, bad).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS_COR_003", "PMS-MSD-317", "PMS-MSD-324"]);
        assert_eq!(audited(&store, AuditEvent::GetPolicyFailure, None), [Some("PMS_COR_003".into())]);
    }
}
