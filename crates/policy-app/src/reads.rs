//! PL7–PL9 read policies, PL17 the active policies of a group, PL14 a public configuration value.

use std::collections::HashMap;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::PartnerId;
use persistence::DbConnection;
use persistence::repo::policy as repo;
use policy_domain::{PolicyError, PolicyGroupId, PolicyId};

use crate::config::PolicyConfig;
use crate::dto::{ActivePolicyDto, ConfigDto, PolicyWithGroupDto};

/// PL7: every policy with its group.
pub fn all(store: &Store, actor: &Actor) -> Result<Vec<PolicyWithGroupDto>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    store.audited_read(plan, |tx| {
        let groups: HashMap<String, _> = repo::all_groups(tx.conn)?.into_iter().map(|g| (g.id.clone(), g)).collect();
        let mut answer = Vec::new();
        for p in repo::all_policies(tx.conn)? {
            let group = groups.get(&p.group_id).ok_or(PolicyError::GroupNotFound)?;
            answer.push(PolicyWithGroupDto::new(&p, group)?);
        }
        tx.trail.push(AuditEvent::GetPolicySuccess, None);
        Ok(answer)
    })
}

/// PL8: a policy with its group.
pub fn get(store: &Store, actor: &Actor, policy_id: &str) -> Result<PolicyWithGroupDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::GetPolicy, Some(policy_id))
        .on_failure(AuditEvent::GetPolicyFailure, Some(policy_id));
    store.audited_read(plan, |tx| {
        let dto = policy_with_group(tx.conn, policy_id)?;
        tx.trail.push(AuditEvent::GetPolicySuccess, Some(policy_id));
        Ok(dto)
    })
}

/// PL9: a policy the partner holds an active API key for.
pub fn of_partner(
    store: &Store,
    actor: &Actor,
    policy_id: &str,
    partner_id: &str,
) -> Result<PolicyWithGroupDto, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::GetPolicy, Some(policy_id))
        .on_failure(AuditEvent::GetPolicyFailure, Some(policy_id));
    store.audited_read(plan, |tx| {
        if !repo::partner_has_active_key(tx.conn, &PartnerId::from(partner_id), &PolicyId::from(policy_id))? {
            return Err(PolicyError::NoPolicyForPartner.into());
        }
        let dto = policy_with_group(tx.conn, policy_id)?;
        tx.trail.push(AuditEvent::GetPolicySuccess, Some(policy_id));
        Ok(dto)
    })
}

fn policy_with_group(conn: &mut DbConnection, policy_id: &str) -> Result<PolicyWithGroupDto, AppError> {
    let policy = repo::find_policy(conn, &PolicyId::from(policy_id))?.ok_or(PolicyError::PolicyNotFound)?;
    let group = repo::find_group(conn, &PolicyGroupId::from(&policy.group_id))?.ok_or(PolicyError::GroupNotFound)?;
    Ok(PolicyWithGroupDto::new(&policy, &group)?)
}

/// PL17: the active policies of an active group, by the group's name.
pub fn active_of_group(store: &Store, actor: &Actor, group_name: &str) -> Result<Vec<ActivePolicyDto>, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::GetPolicyGroup, Some(group_name))
        .on_failure(AuditEvent::GetPolicyGroupFailure, Some(group_name));
    store.audited_read(plan, |tx| {
        let group = repo::find_group_by_name(tx.conn, group_name)?.ok_or(PolicyError::GroupNameNotFound)?;
        if !group.is_active {
            return Err(PolicyError::GroupInactive.into());
        }
        let answer = repo::active_policies_of_group(tx.conn, &PolicyGroupId::from(&group.id))?
            .iter()
            .map(|p| ActivePolicyDto::new(p, &group))
            .collect();
        tx.trail.push(AuditEvent::GetPolicyGroupSuccess, Some(&group.id));
        Ok(answer)
    })
}

/// PL14: a configuration value from the allow-list of public settings; `null` for any other key
/// (MOSIP answers any property, secrets included).
pub fn config_value(cfg: &PolicyConfig, key: String) -> ConfigDto {
    let value = cfg.public_config.get(&key).cloned();
    ConfigDto { key, value }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dto::GroupRequest;
    use crate::testing::{audited, codes, config, group_request, manager, policy_request, store};
    use crate::{groups, policies};

    #[test]
    fn policies_are_read_with_their_group() {
        let (_db, store) = store();
        let cfg = config();
        groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        let draft =
            policies::create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
        let one = get(&store, &manager(), &draft.id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (one.policy_group_name.as_str(), one.status, one.policies["authTokenType"].as_str()),
            ("g1", "DRAFTED", Some("random"))
        );
        assert_eq!(all(&store, &manager()).map(|v| v.len()).ok(), Some(1));
        let e = get(&store, &manager(), "nope").err().unwrap_or_else(|| panic!("found"));
        assert_eq!(codes(&e), ["PMS_POL_008"]);
        assert_eq!(audited(&store, AuditEvent::GetPolicyFailure, Some("nope")), [Some("PMS_POL_008".into())]);
        let e = of_partner(&store, &manager(), &draft.id, "partner-1").err().unwrap_or_else(|| panic!("no key needed"));
        assert_eq!(codes(&e), ["PMS_POL_017"]);
    }

    #[test]
    fn only_active_policies_of_an_active_group_are_listed() {
        let (_db, store) = store();
        let cfg = config();
        let group = groups::create(&store, &manager(), group_request("g1")).unwrap_or_else(|e| panic!("{e}"));
        let p1 =
            policies::create(&store, &manager(), &cfg, policy_request("g1", "p1")).unwrap_or_else(|e| panic!("{e}"));
        policies::create(&store, &manager(), &cfg, policy_request("g1", "p2")).unwrap_or_else(|e| panic!("{e}"));
        policies::publish(&store, &manager(), &cfg, &p1.id, &group.id).unwrap_or_else(|e| panic!("{e}"));
        let active = active_of_group(&store, &manager(), "g1").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(active.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["p1"]);
        assert_eq!(audited(&store, AuditEvent::GetPolicyGroupSuccess, Some(&group.id)).len(), 1);
        let e = active_of_group(&store, &manager(), "g9").err().unwrap_or_else(|| panic!("found"));
        assert_eq!(codes(&e), ["PMS_POL_019"]);
        let empty = GroupRequest { is_active: Some(false), ..group_request("g2") };
        let g2 = groups::create(&store, &manager(), group_request("g2")).unwrap_or_else(|e| panic!("{e}"));
        groups::update(&store, &manager(), &g2.id, empty).unwrap_or_else(|e| panic!("{e}"));
        let e = active_of_group(&store, &manager(), "g2").err().unwrap_or_else(|| panic!("inactive group listed"));
        assert_eq!(codes(&e), ["PMS_POL_053"]);
    }

    #[test]
    fn only_public_values_are_revealed() {
        let cfg = config();
        let types = config_value(&cfg, "pmp.allowed.policy.types".into());
        assert_eq!(types.value, Some(serde_json::json!("Auth,DataShare,CredentialIssuance,MISP")));
        assert_eq!(config_value(&cfg, "mosip.datasource.password".into()).value, None);
    }
}
