use super::*;
use crate::deactivation::deactivate_policy;
use crate::dto::DeactivateBody;
use crate::testing::{codes, config, group_request, manager, policy_request, store};
use crate::{groups, policies as drafts};
use app_core::paged::PageQuery;

fn list(store: &Store, paging: PageQuery, q: PolicyListQuery) -> PageResponseV2<PolicySummaryDto> {
    let (page, filter) = policy_list_request(&paging, &q).unwrap_or_else(|e| panic!("{e}"));
    policies(store, &manager(), &page, &filter).unwrap_or_else(|e| panic!("{e}"))
}

fn names(page: &PageResponseV2<PolicySummaryDto>) -> Vec<&str> {
    page.data.iter().map(|p| p.policy_name.as_str()).collect()
}

#[test]
fn the_groups_are_the_active_ones() {
    let (_db, store) = store();
    let e = policy_groups(&store, &manager()).err().unwrap_or_else(|| panic!("groups without any"));
    assert_eq!(codes(&e), ["PMS_POL_059"]);
    groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
    let g2 = groups::create(&store, &manager(), group_request("g2")).unwrap_or_else(|e| panic!("{e}"));
    let off = crate::dto::GroupRequest { is_active: Some(false), ..group_request("g2") };
    groups::update(&store, &manager(), &g2.id, off).unwrap_or_else(|e| panic!("{e}"));
    let active = policy_groups(&store, &manager()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        active.iter().map(|g| (g.name.as_str(), g.description.as_str())).collect::<Vec<_>>(),
        [("g1", "g1 policies")]
    );
}

#[test]
fn policies_are_filtered_sorted_and_paged_in_the_store() {
    let (_db, store) = store();
    let cfg = config();
    let g = groups::create(&store, &manager(), group_request("Alpha")).unwrap_or_else(|e| panic!("{e}"));
    groups::create(&store, &manager(), group_request("beta")).unwrap_or_else(|e| panic!("{e}"));
    let mut ids = Vec::new();
    for (group, name) in [("Alpha", "p1"), ("Alpha", "p2"), ("beta", "p3"), ("Alpha", "q_4")] {
        ids.push(
            drafts::create(&store, &manager(), &cfg, policy_request(group, name)).unwrap_or_else(|e| panic!("{e}")).id,
        );
    }
    for id in &ids[..2] {
        drafts::publish(&store, &manager(), &cfg, id, &g.id).unwrap_or_else(|e| panic!("{e}"));
    }
    deactivate_policy(&store, &manager(), &ids[1], DeactivateBody { status: Some("De-Activate".into()) })
        .unwrap_or_else(|e| panic!("{e}"));
    let sorted = |field: &str, kind: &str| PageQuery {
        sort_field_name: Some(field.into()),
        sort_type: Some(kind.into()),
        ..PageQuery::default()
    };
    let all = PolicyListQuery::default;
    let by_name = list(&store, sorted("policyName", "desc"), all());
    assert_eq!((names(&by_name), by_name.total_results, by_name.page_size), (vec!["q_4", "p3", "p2", "p1"], 4, 8));
    let by_status = list(&store, sorted("status", "ASC"), all());
    assert_eq!(names(&by_status)[..2], ["p1", "p2"], "activated, deactivated, then drafts");
    assert_eq!(
        by_status.data.iter().map(|p| p.status.as_str()).collect::<Vec<_>>(),
        ["activated", "deactivated", "draft", "draft"]
    );
    let paged = PageQuery { page_no: Some("1".into()), page_size: Some("3".into()), ..sorted("policyName", "asc") };
    let second = list(&store, paged, all());
    assert_eq!((names(&second), second.page_no, second.total_results), (vec!["q_4"], 1, 4));
    let in_alpha =
        list(&store, sorted("policyId", "asc"), PolicyListQuery { policy_group_name: Some("ALP".into()), ..all() });
    assert_eq!(in_alpha.total_results, 3);
    let drafts_only = list(
        &store,
        PageQuery::default(),
        PolicyListQuery { status: Some("draft".into()), ..PolicyListQuery::default() },
    );
    assert_eq!(drafts_only.total_results, 2);
    let underscore = list(
        &store,
        PageQuery::default(),
        PolicyListQuery { policy_name: Some("_".into()), ..PolicyListQuery::default() },
    );
    assert_eq!(names(&underscore), ["q_4"], "LIKE wildcards in a filter are literal");
    let unknown = list(
        &store,
        PageQuery::default(),
        PolicyListQuery { status: Some("retired".into()), ..PolicyListQuery::default() },
    );
    assert_eq!((unknown.total_results, unknown.data.len()), (0, 0));
}

#[test]
fn bad_paging_is_refused_with_mosips_codes() {
    let bad = PageQuery { sort_field_name: Some("name".into()), ..PageQuery::default() };
    let e = policy_list_request(&bad, &PolicyListQuery::default()).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!((codes(&e), e.message()), (vec!["PMS_PRT_357"], "Invalid sort field name"));
    let bad = PageQuery { page_size: Some("0".into()), ..PageQuery::default() };
    assert_eq!(
        policy_list_request(&bad, &PolicyListQuery::default()).err().map(|e| e.code().to_owned()).as_deref(),
        Some("PMS_PRT_361")
    );
}
