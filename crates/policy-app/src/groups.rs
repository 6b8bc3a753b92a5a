//! PL1 create, PL2 update, PL10 get one, PL11 get all policy groups.

use std::collections::HashMap;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use policy_domain::{GroupChange, NewGroup, Policy, PolicyError, PolicyGroup, PolicyGroupId};

use crate::dto::{GroupDto, GroupRequest, GroupWithPoliciesDto};
use crate::lost_race;

/// PL1: a new, active group; its name is unique.
pub fn create(store: &Store, actor: &Actor, req: GroupRequest) -> Result<GroupDto, AppError> {
    let name = req.name.as_deref();
    let plan = store
        .plan(actor)
        .call(AuditEvent::CreatePolicyGroup, name)
        .on_failure(AuditEvent::CreatePolicyGroupFailure, name);
    store.audited(plan, |tx| {
        let new = NewGroup::parse(req.name.as_deref(), req.desc.as_deref())?;
        let taken = repo::find_group_by_name(tx.conn, &new.name)?.is_some();
        let group = PolicyGroup::create(tx.new_id(), new, taken, &actor.user_id, tx.now)?;
        repo::insert_group(tx.conn, &group)
            .map_err(|e| lost_race(e, PolicyError::GroupNameTaken(group.name.clone())))?;
        tx.trail.push(AuditEvent::CreatePolicyGroupSuccess, Some(&group.id));
        Ok(GroupDto::from(&group))
    })
}

/// PL2: renames, describes and switches a group on or off; a group holding active policies
/// cannot be switched.
pub fn update(store: &Store, actor: &Actor, group_id: &str, req: GroupRequest) -> Result<GroupDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::UpdatePolicyGroup, Some(group_id))
        .on_failure(AuditEvent::UpdatePolicyGroupFailure, Some(group_id));
    store.audited(plan, |tx| {
        let change = GroupChange::parse(req.name.as_deref(), req.desc.as_deref(), req.is_active)?;
        let id = PolicyGroupId::from(group_id);
        if !repo::lock_group(tx.conn, &id)? {
            return Err(PolicyError::GroupToUpdateNotFound.into());
        }
        let current = repo::find_group(tx.conn, &id)?.ok_or(PolicyError::GroupToUpdateNotFound)?;
        let taken = repo::find_group_by_name(tx.conn, &change.name)?.is_some_and(|g| g.id != current.id);
        let has_active = repo::has_active_policies(tx.conn, &id)?;
        let updated = current.update(change, taken, has_active, &actor.user_id, tx.now)?;
        repo::save_group(tx.conn, &updated)
            .map_err(|e| lost_race(e, PolicyError::GroupNameTaken(updated.name.clone())))?;
        tx.trail.push(AuditEvent::UpdatePolicyGroupSuccess, Some(group_id));
        Ok(GroupDto::from(&updated))
    })
}

/// PL10: the group and its policies.
pub fn get(store: &Store, actor: &Actor, group_id: &str) -> Result<GroupWithPoliciesDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::GetPolicyGroup, Some(group_id))
        .on_failure(AuditEvent::GetPolicyGroupFailure, Some(group_id));
    store.audited_read(plan, |tx| {
        let id = PolicyGroupId::from(group_id);
        let group = repo::find_group(tx.conn, &id)?.ok_or(PolicyError::GroupNotFound)?;
        let policies = repo::policies_of_group(tx.conn, &id)?;
        let dto = GroupWithPoliciesDto::new(&group, &policies)?;
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, Some(group_id));
        Ok(dto)
    })
}

/// PL11: every group with its policies.
pub fn all(store: &Store, actor: &Actor) -> Result<Vec<GroupWithPoliciesDto>, AppError> {
    let plan =
        store.plan(actor).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    store.audited_read(plan, |tx| {
        let groups = repo::all_groups(tx.conn)?;
        let mut by_group: HashMap<String, Vec<Policy>> = HashMap::new();
        for p in repo::all_policies(tx.conn)? {
            by_group.entry(p.group_id.clone()).or_default().push(p);
        }
        let answer = groups
            .iter()
            .map(|g| GroupWithPoliciesDto::new(g, by_group.get(&g.id).map_or(&[][..], Vec::as_slice)))
            .collect::<Result<Vec<_>, _>>()?;
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, None);
        Ok(answer)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{audited, codes, group_request, manager, store};

    #[test]
    fn a_group_is_created_active_and_its_name_is_unique() {
        let (_db, store) = store();
        let group = create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        assert!(group.is_active);
        assert_eq!((group.cr_by.as_str(), group.cr_dtimes.as_str()), ("pm1", "2023-11-14T22:13:20.000"));
        assert_eq!(audited(&store, AuditEvent::CreatePolicyGroupSuccess, Some(&group.id)).len(), 1);
        let again = create(&store, &manager(), group_request("g1")).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&again), ["PMS_POL_014"]);
        assert_eq!(audited(&store, AuditEvent::CreatePolicyGroupFailure, Some("g1")), [Some("PMS_POL_014".into())]);
        assert_eq!(
            audited(&store, AuditEvent::CreatePolicyGroup, Some("g1")).len(),
            2,
            "the call is audited both times"
        );
    }

    #[test]
    fn blank_fields_are_listed_each() {
        let (_db, store) = store();
        let req = GroupRequest { name: Some(" ".into()), desc: None, is_active: None };
        let e = create(&store, &manager(), req).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS_COR_001", "PMS_COR_001"]);
        assert_eq!(e.problems[0].message, "Invalid request parameter - must not be blank :request.name");
    }

    #[test]
    fn updates_need_is_active_and_an_existing_group() {
        let (_db, store) = store();
        let group = create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        let e = update(&store, &manager(), &group.id, group_request("g2")).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS_COR_003", "PMS_COR_001"]);
        let switch = GroupRequest { is_active: Some(false), ..group_request("g2") };
        let e = update(&store, &manager(), "nope", switch.clone()).err().unwrap_or_else(|| panic!("accepted"));
        assert_eq!(codes(&e), ["PMS_POL_008"]);
        let updated = update(&store, &manager(), &group.id, switch).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((updated.name.as_str(), updated.is_active, updated.up_by.as_deref()), ("g2", false, Some("pm1")));
        assert_eq!(audited(&store, AuditEvent::UpdatePolicyGroupSuccess, Some(&group.id)).len(), 1);
    }

    #[test]
    fn reads_answer_groups_with_their_policies() {
        let (_db, store) = store();
        let g = create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        create(&store, &manager(), group_request("g2")).unwrap_or_else(|e| panic!("{e}"));
        let one = get(&store, &manager(), &g.id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((one.policy_group.name.as_str(), one.policies.len()), ("g1", 0));
        let e = get(&store, &manager(), "nope").err().unwrap_or_else(|| panic!("found"));
        assert_eq!(codes(&e), ["PMS_POL_016"]);
        assert_eq!(audited(&store, AuditEvent::GetPolicyGroupFailure, Some("nope")), [Some("PMS_POL_016".into())]);
        let every = all(&store, &manager()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(every.len(), 2);
    }
}
