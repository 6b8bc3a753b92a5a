use serde_json::Value;

use super::*;
use crate::dto::{GroupDto, PolicyBody, PolicyCreatedDto, StatusBody};
use crate::testing::{auth_document, config, group_request, manager, policy_request, store};
use crate::{groups, policies};

/// The outbox's pending rows as `(topic, source, data)`.
fn outbox(store: &Store) -> Vec<(String, String, Value)> {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    let rows = persistence::repo::outbox::list(&mut conn, persistence::repo::outbox::PENDING, 0, 100)
        .unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter()
        .map(|r| (r.topic, r.source, serde_json::from_str(&r.data).unwrap_or_else(|e| panic!("{e}"))))
        .collect()
}

fn assert_policy_updated(row: &(String, String, Value), id: &str, name: &str, status: &str) {
    let (topic, source, data) = row;
    assert_eq!((topic.as_str(), source.as_str()), ("POLICY_UPDATED", "PolicyManagementService"));
    let policy = &data["policyData"];
    assert_eq!(policy["policyId"], id);
    assert_eq!(policy["policyName"], name);
    assert_eq!(policy["policyDescription"], "p1 policy");
    assert_eq!(policy["policyStatus"], status);
    assert_eq!(policy["policyCommenceOn"], "2023-11-14T22:13:20.000Z");
    assert!(policy["policyExpiresOn"].as_str().is_some_and(|d| d.ends_with("-11-14T22:13:20.000Z")), "{policy}");
    assert_eq!(policy["policy"], auth_document(), "the document as an object");
}

/// A store with the group `g1` and its draft `p1`.
fn draft_p1() -> (persistence::testing::TestDb, Store, GroupDto, PolicyCreatedDto) {
    let (db, store) = store();
    let group = groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
    let draft =
        policies::create(&store, &manager(), &config(), policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
    (db, store, group, draft)
}

#[test]
fn updating_and_publishing_a_policy_publish_it_and_refusals_publish_nothing() {
    let (_db, store, group, draft) = draft_p1();
    let (cfg, pm) = (config(), manager());
    assert!(outbox(&store).is_empty(), "a new draft is not published");

    policies::update(&store, &pm, &cfg, &draft.id, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
    assert!(outbox(&store).is_empty(), "an update that changes nothing publishes nothing");
    let renamed = PolicyBody { name: Some("p1b".into()), desc: Some("p1 policy".into()), ..policy_request("g1", "") };
    policies::update(&store, &pm, &cfg, &draft.id, renamed.clone()).unwrap_or_else(|e| panic!("{e}"));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 1);
    assert_policy_updated(&rows[0], &draft.id, "p1b", "DEACTIVE");

    let off = StatusBody { status: Some("de-active".into()) };
    policies::set_status(&store, &pm, &draft.id, &group.id, off).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outbox(&store).len(), 1, "deactivating a draft changes nothing");

    policies::publish(&store, &pm, &cfg, &draft.id, &group.id).unwrap_or_else(|e| panic!("{e}"));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 2);
    assert_policy_updated(&rows[1], &draft.id, "p1b", "ACTIVE");

    assert!(policies::publish(&store, &pm, &cfg, &draft.id, &group.id).is_err());
    assert!(policies::update(&store, &pm, &cfg, &draft.id, renamed).is_err());
    let on = StatusBody { status: Some("active".into()) };
    assert!(policies::set_status(&store, &pm, &draft.id, &group.id, on).is_err());
    assert_eq!(outbox(&store).len(), 2, "refused operations publish nothing");
}

#[test]
fn republishing_sends_every_published_policy_and_no_draft() {
    let (_db, store, group, first) = draft_p1();
    let (cfg, pm) = (config(), manager());
    let draft = PolicyBody { desc: Some("p1 policy".into()), ..policy_request("g1", "p2") };
    policies::create(&store, &pm, &cfg, draft).unwrap_or_else(|e| panic!("{e}"));
    policies::publish(&store, &pm, &cfg, &first.id, &group.id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(republish(&store).ok(), Some(1));
    let rows = outbox(&store);
    assert_eq!(rows.len(), 2, "the publication, then its republication");
    assert_eq!(rows[0].2, rows[1].2);
    assert_policy_updated(&rows[1], &first.id, "p1", "ACTIVE");
}
