//! PL3 create, PL5 update, PL4 publish, PL6 status of a policy.

use app_core::{Actor, AppError, AuditPlan, Store, Tx};
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use policy_domain::{
    NewPolicy, Policy, PolicyChange, PolicyError, PolicyGroup, PolicyGroupId, PolicyId, PolicyRequest,
    PolicyUpdateRequest,
};
use policy_domain::{check_mapping, parse_status};

use crate::config::PolicyConfig;
use crate::dto::{PolicyBody, PolicyCreatedDto, PolicyWithGroupDto, StatusBody, StatusDto};
use crate::events::publish_if_changed;
use crate::lost_race;

/// PL3: a new draft in an active group, its document valid against its type's schema.
pub fn create(store: &Store, actor: &Actor, cfg: &PolicyConfig, req: PolicyBody) -> Result<PolicyCreatedDto, AppError> {
    let name = req.name.as_deref();
    let plan = store.plan(actor).call(AuditEvent::CreatePolicy, name).on_failure(AuditEvent::CreatePolicyFailure, name);
    store.audited(plan, |tx| {
        let request = PolicyRequest {
            policy_id: req.policy_id.as_deref(),
            policy_group_name: req.policy_group_name.as_deref(),
            policy_type: req.policy_type.as_deref(),
            name: req.name.as_deref(),
            desc: req.desc.as_deref(),
            version: req.version.as_deref(),
            policies: req.policies.as_ref(),
        };
        let new = NewPolicy::parse(request, &cfg.allowed)?;
        let found = repo::find_group_by_name(tx.conn, &new.group_name)?.ok_or(PolicyError::GroupNameNotFound)?;
        let found_id = PolicyGroupId::from(&found.id);
        repo::lock_group(tx.conn, &found_id)?;
        let group = repo::find_group(tx.conn, &found_id)?.ok_or(PolicyError::GroupNameNotFound)?;
        let taken = repo::find_policy_by_name(tx.conn, &PolicyGroupId::from(&group.id), &new.name)?.is_some();
        let chosen = new.policy_id.clone();
        let policy_id = match &chosen {
            Some(id) => id.clone(),
            None => tx.new_id(),
        };
        let policy = Policy::create(policy_id, &group, new, taken, &cfg.schemas, &actor.user_id, tx.now)?;
        if chosen.is_some() && repo::find_policy(tx.conn, &PolicyId::from(&policy.id))?.is_some() {
            return Err(PolicyError::PolicyIdTaken(policy.id).into());
        }
        repo::insert_policy(tx.conn, &policy)
            .map_err(|e| lost_race(e, PolicyError::PolicyNameTaken(policy.name.clone())))?;
        tx.trail.push(AuditEvent::CreatePolicySuccess, Some(&policy.id));
        Ok(PolicyCreatedDto::new(&policy, &group.name))
    })
}

/// PL5: a new name, description, version and document for a draft of the named group.
pub fn update(
    store: &Store,
    actor: &Actor,
    cfg: &PolicyConfig,
    policy_id: &str,
    req: PolicyBody,
) -> Result<PolicyCreatedDto, AppError> {
    let plan = update_plan(store, actor, policy_id);
    store.audited(plan, |tx| {
        let change = PolicyChange::parse(PolicyUpdateRequest {
            policy_group_name: req.policy_group_name.as_deref(),
            name: req.name.as_deref(),
            desc: req.desc.as_deref(),
            version: req.version.as_deref(),
            policies: req.policies.as_ref(),
        })?;
        let found = repo::find_group_by_name(tx.conn, &change.group_name)?.ok_or(PolicyError::GroupNameNotFound)?;
        let (group, policy) = locked_mapping(tx, &PolicyGroupId::from(&found.id), &PolicyId::from(policy_id))?;
        let taken = repo::find_policy_by_name(tx.conn, &PolicyGroupId::from(&group.id), &change.name)?
            .is_some_and(|p| p.id != policy.id);
        let updated = policy.update(change, taken, &cfg.schemas, &actor.user_id, tx.now)?;
        match repo::save_draft_change(tx.conn, &updated) {
            Ok(0) => return Err(PolicyError::PublishedImmutable.into()),
            Ok(_) => {}
            Err(e) => return Err(lost_race(e, PolicyError::PolicyNameTaken(updated.name.clone()))),
        }
        publish_if_changed(tx, &policy, &updated);
        tx.trail.push(AuditEvent::UpdatePolicySuccess, Some(policy_id));
        Ok(PolicyCreatedDto::new(&updated, &group.name))
    })
}

/// PL4: the draft becomes active, published and immutable.
pub fn publish(
    store: &Store,
    actor: &Actor,
    cfg: &PolicyConfig,
    policy_id: &str,
    group_id: &str,
) -> Result<PolicyWithGroupDto, AppError> {
    let plan = update_plan(store, actor, policy_id);
    let (policy_id, group_id) = (PolicyId::from(policy_id), PolicyGroupId::from(group_id));
    store.audited(plan, |tx| {
        let (group, policy) = locked_mapping(tx, &group_id, &policy_id)?;
        let published = policy.publish(&cfg.schema_url, &actor.user_id, tx.now)?;
        if repo::save_draft_change(tx.conn, &published)? == 0 {
            return Err(PolicyError::AlreadyPublished.into());
        }
        publish_if_changed(tx, &policy, &published);
        let dto = PolicyWithGroupDto::new(&published, &group)?;
        tx.trail.push(AuditEvent::UpdatePolicySuccess, Some(policy_id.as_str()));
        Ok(dto)
    })
}

/// PL6: as in MOSIP, only a draft can be "deactivated" (which changes nothing).
pub fn set_status(
    store: &Store,
    actor: &Actor,
    policy_id: &str,
    group_id: &str,
    req: StatusBody,
) -> Result<StatusDto, AppError> {
    let plan = update_plan(store, actor, policy_id);
    let (policy_id, group_id) = (PolicyId::from(policy_id), PolicyGroupId::from(group_id));
    store.audited(plan, |tx| {
        let active = parse_status(req.status.as_deref())?;
        let (_, policy) = locked_mapping(tx, &group_id, &policy_id)?;
        let has_keys = repo::policy_has_active_keys(tx.conn, &policy_id)?;
        let changed = policy.set_status(active, has_keys, &actor.user_id, tx.now)?;
        if repo::save_draft_change(tx.conn, &changed)? == 0 {
            return Err(PolicyError::PublishedStatusFixed.into());
        }
        publish_if_changed(tx, &policy, &changed);
        tx.trail.push(AuditEvent::UpdatePolicySuccess, Some(policy_id.as_str()));
        Ok(StatusDto { message: "status updated successfully" })
    })
}

/// The audit records of PL4–PL6, which all change the policy `policy_id`.
fn update_plan(store: &Store, actor: &Actor, policy_id: &str) -> AuditPlan {
    store
        .plan(actor)
        .call(AuditEvent::UpdatePolicy, Some(policy_id))
        .on_failure(AuditEvent::UpdatePolicyFailure, Some(policy_id))
}

/// With the group locked, the group and the policy, which must belong to it.
fn locked_mapping(
    tx: &mut Tx<'_>,
    group_id: &PolicyGroupId,
    policy_id: &PolicyId,
) -> Result<(PolicyGroup, Policy), AppError> {
    repo::lock_group(tx.conn, group_id)?;
    let group = repo::find_group(tx.conn, group_id)?;
    let policy = repo::find_policy(tx.conn, policy_id)?;
    let (group, policy) = check_mapping(group.as_ref(), policy.as_ref())?;
    Ok((group.clone(), policy.clone()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::groups;
    use crate::testing::{SCHEMA_URL, audited, codes, config, group_request, manager, policy_request, store};

    fn setup() -> (persistence::testing::TestDb, Store, PolicyConfig, String) {
        let (db, store) = store();
        let group = groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        (db, store, config(), group.id)
    }

    #[test]
    fn a_draft_is_validated_against_its_schema() {
        let (_db, store, cfg, _) = setup();
        let bad = PolicyBody { policies: Some(json!({"authTokenType": "random"})), ..policy_request("g1", "p1") };
        let e = create(&store, &manager(), &cfg, bad).err().unwrap_or_else(|| panic!("accepted"));
        assert!(codes(&e).iter().all(|c| c.starts_with("PMS_PV_")), "{e}");
        assert_eq!(audited(&store, AuditEvent::CreatePolicyFailure, Some("p1")).len(), 1);
        let draft = create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!draft.is_active);
        assert_eq!(
            (draft.policy_group_name.as_str(), draft.cr_dtimes.as_str()),
            ("g1", "2023-11-14T22:13:20.000+00:00")
        );
        let e = create(&store, &manager(), &cfg, policy_request("g1", "p1")).err().unwrap_or_else(|| panic!("twice"));
        assert_eq!(codes(&e), ["PMS_POL_009"]);
        let e =
            create(&store, &manager(), &cfg, policy_request("g9", "p2")).err().unwrap_or_else(|| panic!("no group"));
        assert_eq!(codes(&e), ["PMS_POL_019"]);
    }

    #[test]
    fn a_chosen_id_is_kept_and_must_be_free() {
        let (_db, store, cfg, _) = setup();
        let chosen = PolicyBody { policy_id: Some("my-policy".into()), ..policy_request("g1", "p1") };
        let draft = create(&store, &manager(), &cfg, chosen.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(draft.id, "my-policy");
        let other = PolicyBody { name: Some("p2".into()), ..chosen };
        let e = create(&store, &manager(), &cfg, other).err().unwrap_or_else(|| panic!("taken id accepted"));
        assert_eq!(codes(&e), ["PMS_COR_002"]);
    }

    #[test]
    fn a_published_policy_is_frozen() {
        let (_db, store, cfg, group_id) = setup();
        let draft = create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
        let renamed = PolicyBody { name: Some("p1b".into()), ..policy_request("g1", "") };
        let changed = update(&store, &manager(), &cfg, &draft.id, renamed.clone()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(changed.name, "p1b");
        let published = publish(&store, &manager(), &cfg, &draft.id, &group_id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (published.status, published.is_active, published.schema.as_deref()),
            ("PUBLISHED", true, Some(SCHEMA_URL))
        );
        let e = publish(&store, &manager(), &cfg, &draft.id, &group_id).err().unwrap_or_else(|| panic!("twice"));
        assert_eq!(codes(&e), ["PMS_POL_020"]);
        let e = update(&store, &manager(), &cfg, &draft.id, renamed).err().unwrap_or_else(|| panic!("changed"));
        assert_eq!(codes(&e), ["PMS_POL_055"]);
        assert_eq!(
            audited(&store, AuditEvent::UpdatePolicyFailure, Some(&draft.id)),
            [Some("PMS_POL_020".into()), Some("PMS_POL_055".into())]
        );
    }

    #[test]
    fn only_a_draft_may_be_deactivated() {
        let (_db, store, cfg, group_id) = setup();
        let draft = create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
        let status = |s: &str| StatusBody { status: Some(s.into()) };
        let done = set_status(&store, &manager(), &draft.id, &group_id, status("de-active"));
        assert_eq!(done.map(|d| d.message).ok(), Some("status updated successfully"));
        let e = set_status(&store, &manager(), &draft.id, &group_id, status("Active")).err();
        assert_eq!(e.as_ref().map(codes), Some(vec!["PMS_POL_054"]));
        let e = set_status(&store, &manager(), &draft.id, &group_id, StatusBody::default()).err();
        assert_eq!(e.as_ref().map(codes), Some(vec!["PMS_COR_003", "PMS_COR_001"]));
        let e = set_status(&store, &manager(), &draft.id, "other-group", status("De-Active")).err();
        assert_eq!(e.as_ref().map(codes), Some(vec!["PMS_POL_016"]));
    }
}
