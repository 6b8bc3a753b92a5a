//! API keys: P13 a partner generates one, M5 switches one on or off, M6 moves one to another
//! policy, M7 the policy of a key. How keys look and how long they last is
//! [`ApiKeyPolicy`](partner_domain::api_key::ApiKeyPolicy)'s.

mod bodies;
#[cfg(test)]
mod tests;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::api_key::{
    KEY_REMAPPED, KeyStatus, LABEL_MAX, change_status, check_generate, check_remap, normalize_label,
};
use partner_domain::partner::{FieldViolation, require_active};
use partner_domain::policy::check_remap_target;
use partner_domain::{ApiKey, PartnerId};
use persistence::repo::api_key::{self as keys, ApiKeyRow};
use persistence::repo::{partner as partners, partner_policy};
use policy_domain::{PolicyGroupId, PolicyId};
use websub_events::Event;

pub use self::bodies::{GenerateBody, Generated, KeyMapping, KeyStatusBody, RemapBody};
use crate::PartnerConfig;
use crate::dto::Message;
use crate::events;
use crate::failure::{Family, invalid, key_not_stored, mapping_plan, refuser};

/// `value`, unless it is missing or blank (then a violation of `field`).
fn non_blank(v: &mut Vec<FieldViolation>, field: &str, value: Option<String>, why: &str) -> Option<String> {
    match value {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            v.push(FieldViolation::new(field, why));
            None
        }
    }
}

/// P13: `partner_id` — the caller itself, admins included — generates a key for a policy of its
/// group whose request was approved.
pub fn generate(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    partner_id: &str,
    req: GenerateBody,
) -> Result<Generated, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::CreateApiKey, Some(partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(partner_id));
    store.audited(plan, |tx| {
        let fail = refuser(Family::Mapping, Some(partner_id));
        if actor.user_id != partner_id {
            return Err(fail(PartnerError::NotAuthorized));
        }
        let mut v = Vec::new();
        let policy_name = non_blank(&mut v, "policyName", req.policy_name, "must not be blank");
        let label = non_blank(&mut v, "label", req.label, "must not be blank").map(|l| normalize_label(&l));
        if label.as_ref().is_some_and(|l| l.chars().count() > LABEL_MAX) {
            v.push(FieldViolation::new("label", format!("Length should be between 1 and {LABEL_MAX} chars")));
        }
        let (Some(policy_name), Some(label)) = (policy_name, label) else { return Err(invalid(v)) };
        if !v.is_empty() {
            return Err(invalid(v));
        }
        let owner = PartnerId::from(partner_id);
        let (partner, policy) = partner_policy::partner_with_policy_named(tx.conn, &owner, &policy_name)?
            .ok_or_else(|| fail(PartnerError::PartnerIdMissing))?;
        require_active(Some(partner.is_active)).map_err(&fail)?;
        let policy = policy.ok_or_else(|| fail(PartnerError::PolicyMissing { suffix: String::new() }))?;
        let policy_id = PolicyId::from(&policy.id);
        let (approved, taken) = partner_policy::approved_and_label_taken(tx.conn, &owner, &policy_id, &label)?;
        check_generate(approved, taken).map_err(&fail)?;
        let key_policy = cfg.api_keys;
        let row = ApiKeyRow {
            policy_api_key: String::new(),
            part_id: partner_id.to_owned(),
            policy_id: policy.id,
            valid_from_datetime: tx.now,
            valid_to_datetime: Some(key_policy.expiry(tx.now)),
            is_active: true,
            label,
            cr_by: actor.user_id.clone(),
            cr_dtimes: tx.now,
            upd_by: None,
            upd_dtimes: None,
            is_deleted: false,
            del_dtimes: None,
        };
        let (conn, rng) = tx.conn_and_rng();
        let row = keys::insert_fresh(conn, row, || key_policy.generate(rng))
            .map_err(|e| key_not_stored(Family::Mapping, e, Some(partner_id)))?;
        let owner_data = events::partner_data(tx.conn, &partner)?;
        if let Some(event) = events::key_approved(tx.conn, &owner_data, &row)? {
            tx.publish(event);
        }
        tx.trail.push(AuditEvent::ApiKeyApproved, Some(partner_id));
        Ok(Generated {
            api_key: row.policy_api_key,
            label: row.label,
            policy_id: row.policy_id,
            partner_id: row.part_id,
        })
    })
}

/// M5: switches the key of `partner_id` for `policy_id` with the request's label on or off. A
/// partner that is not active cannot switch its keys (an admin can). Answers what was done.
pub fn status(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    policy_id: &str,
    req: KeyStatusBody,
) -> Result<&'static str, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::CreateApiKey, Some(partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(partner_id));
    store.audited(plan, |tx| {
        let mut v = Vec::new();
        let label = non_blank(&mut v, "label", req.label, "must not be blank");
        let status = non_blank(&mut v, "status", req.status, "value is empty or null");
        let (Some(label), Some(status)) = (label, status) else { return Err(invalid(v)) };
        let fail = refuser(Family::Mapping, Some(partner_id));
        let owner = PartnerId::from(partner_id);
        let key = keys::find_by_label(tx.conn, &owner, &PolicyId::from(policy_id), &normalize_label(&label))?
            .ok_or_else(|| fail(PartnerError::ApiKeyNotFound))?;
        let partner_active = partners::find(tx.conn, &owner)?.is_some_and(|p| p.is_active);
        let on = change_status(&status, key.is_active, partner_active, actor.is_admin).map_err(&fail)?;
        if on != key.is_active
            && keys::set_active(tx.conn, &ApiKey::from(&key.policy_api_key), key.is_active, on, &actor.user_id, tx.now)?
                == 1
        {
            crate::mail::notices::apikey_status(tx, partner_id, &key.label, &key.policy_id, on)?;
            tx.publish(Event::apikey_updated(&events::key_data(&ApiKeyRow { is_active: on, ..key })));
        }
        tx.trail.push(AuditEvent::ApiKeyApproved, Some(partner_id));
        Ok(if on { KeyStatus::Activate } else { KeyStatus::Deactivate }.message())
    })
}

/// M6: moves the active key `key` of `partner_id` to another active policy of its active group.
pub fn remap(store: &Store, actor: &Actor, partner_id: &str, key: &str, req: RemapBody) -> Result<Message, AppError> {
    let plan = mapping_plan(store, actor, partner_id);
    store.audited(plan, |tx| {
        let mut v = Vec::new();
        if req.old_policy_id.is_none() {
            v.push(FieldViolation::new("oldPolicyID", "Please provide oldPolicyID"));
        }
        if req.new_policy_id.is_none() {
            v.push(FieldViolation::new("newPolicyID", "Please provide newPolicyID"));
        }
        let (Some(old), Some(new)) = (req.old_policy_id, req.new_policy_id) else { return Err(invalid(v)) };
        let fail = refuser(Family::Mapping, Some(partner_id));
        let owner = PartnerId::from(partner_id);
        let (old, key) = (PolicyId::from(old), ApiKey::from(key));
        let row = keys::find_for_policy(tx.conn, &owner, &old, &key)?;
        check_remap(row.as_ref().map(|r| r.is_active)).map_err(&fail)?;
        let group = partners::find(tx.conn, &owner)?.and_then(|p| p.policy_group_id);
        let target = match &group {
            Some(g) => partner_policy::policy_in_group_by_id(tx.conn, &PolicyGroupId::from(g), &PolicyId::from(&new))?,
            None => None,
        };
        let target = check_remap_target(target, &new).map_err(&fail)?;
        let moved = keys::remap(tx.conn, &key, &old, &PolicyId::from(&target.id), &actor.user_id, tx.now)
            .map_err(|e| key_not_stored(Family::Mapping, e, Some(partner_id)))?;
        if moved == 0 {
            // switched off or moved meanwhile
            return Err(fail(PartnerError::ApiKeyPolicyMappingMissing));
        }
        if let Some(moved) = keys::find(tx.conn, &owner, &key)? {
            tx.publish(Event::apikey_updated(&events::key_data(&moved)));
        }
        tx.trail.push(AuditEvent::PolicyMappingCreated, Some(partner_id));
        Ok(Message { message: KEY_REMAPPED })
    })
}

/// M7: the policy the key `key` of `partner_id` is for.
pub fn policy_of_key(store: &Store, actor: &Actor, partner_id: &str, key: &str) -> Result<KeyMapping, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, Some(partner_id));
    store.audited_read(plan, |tx| {
        let row = keys::find(tx.conn, &PartnerId::from(partner_id), &ApiKey::from(key))?
            .ok_or_else(|| refuser(Family::Read, Some(partner_id))(PartnerError::ApiKeyNotMapped))?;
        tx.trail.push(AuditEvent::GetApiKeySuccess, Some(partner_id));
        Ok(KeyMapping { partner_id: row.part_id, policy_id: row.policy_id })
    })
}
