//! Credential types: P17 a partner maps a credential type to a policy of its group, P18 the
//! policy it uses for a credential type.

mod policy_dto;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::credential_type::{MAPPED, check_credential_type, check_not_mapped, check_partner_type};
use partner_domain::partner::require_active;
use partner_domain::policy::choose_partner_policy;
use partner_domain::{PartnerError, PartnerId};
use persistence::repo::{partner as partners, partner_extras, partner_policy};
use policy_domain::{PolicyGroupId, PolicyId};

pub use self::policy_dto::CredentialTypePolicy;
use crate::PartnerConfig;
use crate::failure::{Family, mapping_plan, refuser};

/// P17: `partner_id` (active, of a type that may) uses the policy named `policy_name` of its
/// group (usable) for `credential_type` (an allowed one, any case); one policy per type. The
/// request for the policy need not be approved. Answers what was done.
pub fn map(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    partner_id: &str,
    credential_type: &str,
    policy_name: &str,
) -> Result<&'static str, AppError> {
    let plan = mapping_plan(store, actor, partner_id);
    store.audited(plan, |tx| {
        let fail = refuser(Family::Mapping, Some(partner_id));
        check_credential_type(credential_type, &cfg.allowed_credential_types).map_err(&fail)?;
        let owner = PartnerId::from(partner_id);
        let partner = partners::find(tx.conn, &owner)?;
        require_active(partner.as_ref().map(|p| p.is_active)).map_err(&fail)?;
        let partner = partner.ok_or_else(|| fail(PartnerError::PartnerMissing))?;
        check_partner_type(&partner.partner_type_code, &cfg.credential_type_partner_types).map_err(&fail)?;
        let any_active = partner_policy::active_policy_named(tx.conn, policy_name)?;
        let in_group = match &partner.policy_group_id {
            Some(g) => partner_policy::policy_in_group_by_name(tx.conn, &PolicyGroupId::from(g), policy_name)?,
            None => None,
        };
        let policy =
            choose_partner_policy(any_active, partner.policy_group_id.as_deref(), in_group, tx.now).map_err(&fail)?;
        partners::lock(tx.conn, "credential-type", &format!("{partner_id}/{}", credential_type.to_lowercase()))?;
        let mapped = !partner_extras::credential_mappings(tx.conn, &owner, credential_type)?.is_empty();
        check_not_mapped(mapped, credential_type).map_err(&fail)?;
        partner_extras::insert_credential_mapping(
            tx.conn,
            &owner,
            &PolicyId::from(&policy.id),
            credential_type,
            &actor.user_id,
            tx.now,
        )?;
        tx.trail.push(AuditEvent::PolicyMappingCreated, Some(partner_id));
        Ok(MAPPED)
    })
}

/// P18: the policy `partner_id` uses for `credential_type`.
pub fn get(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    credential_type: &str,
) -> Result<CredentialTypePolicy, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, Some(partner_id));
    store.audited_read(plan, |tx| {
        let fail = refuser(Family::Read, Some(partner_id));
        let mapping = partner_extras::credential_mappings(tx.conn, &PartnerId::from(partner_id), credential_type)?
            .into_iter()
            .next()
            .ok_or_else(|| fail(PartnerError::NoDetails))?;
        let policy = partner_policy::policy_row(tx.conn, &PolicyId::from(&mapping.policy_id))?
            .ok_or_else(|| fail(PartnerError::PolicyNotFound))?;
        let answer = CredentialTypePolicy::of(partner_id, mapping.credential_type, policy)
            .ok_or_else(|| fail(PartnerError::PolicyJsonUnreadable))?;
        tx.trail.push(AuditEvent::GetPartnerSuccess, Some(partner_id));
        Ok(answer)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::fixtures::{admin, user, world};

    #[test]
    fn a_credential_type_maps_to_one_policy_and_is_read_back() {
        let w = world();
        let cfg = PartnerConfig::default();
        assert_eq!(map(&w.store, &user("cred"), &cfg, "cred", "EUIN", "auth policy").unwrap(), MAPPED);
        let again = map(&w.store, &user("cred"), &cfg, "cred", "euin", "auth policy").unwrap_err();
        assert_eq!(again.code(), "PMS_PRT_072");
        let got = get(&w.store, &admin(), "cred", "euin").unwrap();
        assert_eq!((got.credential_type.as_str(), got.policy_id.as_str(), got.status), ("EUIN", "p-auth", "PUBLISHED"));
        assert_eq!(got.policies, serde_json::json!({"allowedKycAttributes": []}));
        let json = serde_json::to_value(&got).unwrap();
        assert_eq!(json["publishDate"], "2027-01-13T08:00:00.000");
        assert_eq!(json["is_Active"], true);
    }

    #[test]
    fn mapping_rules_keep_their_codes() {
        let w = world();
        let cfg = PartnerConfig::default();
        let refused = |partner: &str, kind: &str, policy: &str| {
            map(&w.store, &user(partner), &cfg, partner, kind, policy).unwrap_err().code().to_owned()
        };
        assert_eq!(refused("cred", "passport", "auth policy"), "PMS_PRT_072");
        assert_eq!(refused("idle", "euin", "auth policy"), "PMS_PMP_016");
        assert_eq!(refused("cred", "euin", "old policy"), "PMS_PMP_018");
        let only_credential =
            PartnerConfig { credential_type_partner_types: vec!["Credential_Partner".into()], ..cfg.clone() };
        let e = map(&w.store, &user("tech"), &only_credential, "tech", "euin", "auth policy").unwrap_err();
        assert_eq!(e.code(), "PMS_PRT_070");
        assert_eq!(get(&w.store, &admin(), "cred", "euin").unwrap_err().code(), "PMS_PRT_064");
    }
}
