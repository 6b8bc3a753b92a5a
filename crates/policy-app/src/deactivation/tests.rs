use super::*;
use crate::testing::{audited, codes, config, group_request, manager, policy_request, store};
use crate::{groups, policies as drafts};

fn deactivate() -> DeactivateBody {
    DeactivateBody { status: Some("De-Activate".into()) }
}

fn pending_events(store: &Store) -> Vec<String> {
    let mut conn = store.pool().get().unwrap_or_else(|e| panic!("{e}"));
    let rows = persistence::repo::outbox::list(&mut conn, persistence::repo::outbox::PENDING, 0, 100)
        .unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter().map(|r| r.topic).collect()
}

#[test]
fn only_an_activated_policy_is_deactivated_once() {
    let (_db, store) = store();
    let cfg = config();
    let group = groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
    let draft = drafts::create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
    let refuse = |id: &str, body: DeactivateBody| {
        deactivate_policy(&store, &manager(), id, body).err().map(|e| codes(&e).join(","))
    };
    assert_eq!(refuse(&draft.id, DeactivateBody { status: Some("De-Active".into()) }).as_deref(), Some("PMS_POL_073"));
    assert_eq!(refuse("nope", deactivate()).as_deref(), Some("PMS_POL_065"));
    assert_eq!(refuse(&draft.id, deactivate()).as_deref(), Some("PMS_POL_072"));
    drafts::publish(&store, &manager(), &cfg, &draft.id, &group.id).unwrap_or_else(|e| panic!("{e}"));
    let before = pending_events(&store).len();
    let off = deactivate_policy(&store, &manager(), &draft.id, deactivate()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((off.policy_id.as_str(), off.is_active), (draft.id.as_str(), false));
    assert_eq!(pending_events(&store)[before..], ["POLICY_UPDATED"], "IDA hears of the deactivation");
    assert_eq!(refuse(&draft.id, deactivate()).as_deref(), Some("PMS_POL_062"));
    assert_eq!(audited(&store, AuditEvent::UpdatePolicySuccess, Some(&draft.id)).len(), 2, "publish, deactivate");
    assert_eq!(
        audited(&store, AuditEvent::UpdatePolicyFailure, Some(&draft.id)),
        [Some("PMS_POL_062".into()), Some("PMS_POL_072".into()), Some("PMS_POL_073".into())]
    );
}

#[test]
fn a_group_is_deactivated_once_it_holds_no_live_policy() {
    let (_db, store) = store();
    let cfg = config();
    let group = groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
    let refuse = |id: &str| deactivate_group(&store, &manager(), id, deactivate()).err().map(|e| codes(&e).join(","));
    assert_eq!(refuse("nope").as_deref(), Some("PMS_POL_068"));
    let draft = drafts::create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refuse(&group.id).as_deref(), Some("PMS_POL_070"));
    drafts::create(&store, &manager(), &cfg, policy_request("g1", "p2")).unwrap_or_else(|e| panic!("{e}"));
    drafts::publish(&store, &manager(), &cfg, &draft.id, &group.id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refuse(&group.id).as_deref(), Some("PMS_POL_069"));
    let other = groups::create(&store, &manager(), group_request("g2")).unwrap_or_else(|e| panic!("{e}"));
    let live = drafts::create(&store, &manager(), &cfg, policy_request("g2", "p3")).unwrap_or_else(|e| panic!("{e}"));
    drafts::publish(&store, &manager(), &cfg, &live.id, &other.id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(refuse(&other.id).as_deref(), Some("PMS_POL_056"));
    deactivate_policy(&store, &manager(), &live.id, deactivate()).unwrap_or_else(|e| panic!("{e}"));
    let off = deactivate_group(&store, &manager(), &other.id, deactivate()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((off.policy_group_id.as_str(), off.is_active), (other.id.as_str(), false));
    assert_eq!(refuse(&other.id).as_deref(), Some("PMS_POL_067"));
    assert_eq!(audited(&store, AuditEvent::UpdatePolicyGroupSuccess, Some(&other.id)).len(), 1);
    let bad = DeactivateBody { status: None };
    let e = deactivate_group(&store, &manager(), &group.id, bad).err().unwrap_or_else(|| panic!("accepted"));
    assert_eq!(codes(&e), ["PMS_POL_073"]);
}
