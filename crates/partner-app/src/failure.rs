//! A broken partner rule as the operation's failure, with the audit event MOSIP records for it.

use app_core::{Actor, AppError, AuditPlan, Store, invalid_field_problem};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::FieldViolation;
use persistence::repo::api_key::StoreKeyError;

/// Which family of audit events an operation belongs to; picks the failure event of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Register,
    Update,
    Mapping,
    Read,
}

/// The failure event a broken rule records, if a specific one fits (else the operation's
/// default failure events apply).
pub fn failure_event(family: Family, e: &PartnerError) -> Option<AuditEvent> {
    use PartnerError as E;
    match e {
        E::PartnerMissing | E::PartnerIdMissing | E::NoPartners => Some(AuditEvent::PartnerMissing),
        E::PolicyGroupMissing | E::PartnerNotInGroup | E::RequestPolicyGroupMissing => {
            Some(AuditEvent::PolicyGroupMissing)
        }
        E::InvalidEmail if family == Family::Register => Some(AuditEvent::InvalidEmailOnCreate),
        E::InvalidEmail => Some(AuditEvent::InvalidEmailOnUpdate),
        E::EmailTaken | E::NotAuthorized if family == Family::Register => Some(AuditEvent::EmailNotAllowed),
        E::PartnerIdTaken => Some(AuditEvent::PartnerAlreadyRegistered),
        E::PolicyMappingMissing
        | E::ApiKeyNotMapped
        | E::ApiKeyPolicyMappingMissing
        | E::ApiKeyNotFound
        | E::RequestNotFound
        | E::NoApiKeyRequests
        | E::NoPolicyRequests
        | E::PolicyNotApprovedForPartner
        | E::NoDetails
        | E::PolicyNotFound
        | E::PolicyNotInGroup
        | E::PolicyMissing { .. }
        | E::RequestPolicyMissing
        | E::RequestPending
        | E::RequestAlreadyApprovedForPartner
            if family != Family::Update =>
        {
            Some(AuditEvent::PolicyMappingMissing)
        }
        _ => None,
    }
}

/// `e` as the failure of an operation of `family`, recording its failure event about `ref_id`
/// when one fits.
pub fn refused(family: Family, e: PartnerError, ref_id: Option<&str>) -> AppError {
    let event = failure_event(family, &e);
    let err = AppError::from(e);
    match event {
        Some(ev) => err.audit(ev, ref_id),
        None => err,
    }
}

/// The audit records of a policy-mapping operation on `ref_id` (group change, credential-type
/// mapping, request review, key re-mapping).
pub fn mapping_plan(store: &Store, actor: &Actor, ref_id: &str) -> AuditPlan {
    store
        .plan(actor)
        .call(AuditEvent::CreatePolicyMapping, Some(ref_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(ref_id))
}

/// [`refused`] for one operation: `let fail = refuser(Family::Update, Some(id));` then
/// `.map_err(&fail)?` or `.ok_or_else(|| fail(PartnerError::PartnerMissing))?`.
pub fn refuser(family: Family, ref_id: Option<&str>) -> impl Fn(PartnerError) -> AppError + '_ {
    move |e| refused(family, e, ref_id)
}

/// Field violations as MOSIP's `PMS_COR_001` errors, first one first.
pub fn invalid(violations: Vec<FieldViolation>) -> AppError {
    AppError::refused_many(
        violations.into_iter().map(|v| invalid_field_problem(&format!("request.{}", v.field), &v.message)).collect(),
    )
}

/// What a store function generic over its error (`E: From<PartnerError> + From<QueryError>`,
/// such as `repo::partner::register_partner`) is called with, so that [`rule_or_store`] can
/// tell the broken rule from a store fault afterwards.
pub type RuleOrStore = Box<dyn std::error::Error + Send + Sync>;

/// The failure of a [`RuleOrStore`] call: a broken rule as [`refused`], a store fault as such.
pub fn rule_or_store(family: Family, e: RuleOrStore, ref_id: Option<&str>) -> AppError {
    match e.downcast::<PartnerError>() {
        Ok(rule) => refused(family, *rule, ref_id),
        Err(other) => match other.downcast::<persistence::QueryError>() {
            Ok(store) => AppError::from(*store),
            Err(other) => AppError::internal(other.to_string()),
        },
    }
}

/// The failure of storing an API key: a taken label is `PMS_PRT_110`.
pub fn key_not_stored(family: Family, e: StoreKeyError, ref_id: Option<&str>) -> AppError {
    match e {
        StoreKeyError::LabelTaken => refused(family, PartnerError::LabelTaken, ref_id),
        StoreKeyError::NoFreshKey(n) => AppError::internal(format!("no unused API key after {n} draws")),
        StoreKeyError::Query(q) => AppError::from(q),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartnerError as E;

    #[test]
    fn rules_pick_their_failure_events() {
        assert_eq!(failure_event(Family::Register, &E::InvalidEmail), Some(AuditEvent::InvalidEmailOnCreate));
        assert_eq!(failure_event(Family::Update, &E::InvalidEmail), Some(AuditEvent::InvalidEmailOnUpdate));
        assert_eq!(failure_event(Family::Register, &E::EmailTaken), Some(AuditEvent::EmailNotAllowed));
        assert_eq!(failure_event(Family::Register, &E::PartnerIdTaken), Some(AuditEvent::PartnerAlreadyRegistered));
        assert_eq!(failure_event(Family::Read, &E::PartnerMissing), Some(AuditEvent::PartnerMissing));
        assert_eq!(failure_event(Family::Mapping, &E::PolicyGroupMissing), Some(AuditEvent::PolicyGroupMissing));
        assert_eq!(failure_event(Family::Mapping, &E::ApiKeyNotFound), Some(AuditEvent::PolicyMappingMissing));
        assert_eq!(failure_event(Family::Update, &E::ApiKeyNotFound), None);
        assert_eq!(failure_event(Family::Mapping, &E::PartnerInactive), None);
    }

    #[test]
    fn a_refusal_keeps_code_and_message_and_names_its_event() {
        let err = refused(Family::Read, E::PartnerMissing, Some("p1"));
        assert_eq!(err.code(), E::PartnerMissing.code());
        assert_eq!(err.message(), E::PartnerMissing.to_string());
        assert_eq!(err.audit, vec![(AuditEvent::PartnerMissing, Some("p1".to_owned()))]);
        assert!(refused(Family::Mapping, E::PartnerInactive, Some("p1")).audit.is_empty());
    }

    #[test]
    fn violations_become_field_errors_in_order() {
        let err = invalid(vec![
            FieldViolation { field: "address".into(), message: "must not be blank".into() },
            FieldViolation { field: "emailId".into(), message: "must not be null".into() },
        ]);
        assert_eq!(err.problems.len(), 2);
        assert_eq!(err.message(), "Invalid request parameter - must not be blank :request.address");
        assert_eq!(err.problems[1].message, "Invalid request parameter - must not be null :request.emailId");
    }

    #[test]
    fn a_boxed_rule_is_told_from_a_store_fault() {
        let rule = rule_or_store(Family::Register, Box::new(E::PartnerIdTaken), Some("p1"));
        assert_eq!(rule.kind, app_core::FailureKind::Refused);
        assert_eq!(rule.audit, vec![(AuditEvent::PartnerAlreadyRegistered, Some("p1".to_owned()))]);
        let store = rule_or_store(Family::Register, Box::new(persistence::QueryError::NotFound), None);
        assert_eq!(store.kind, app_core::FailureKind::Internal);
    }

    #[test]
    fn a_taken_label_is_a_refusal_a_non_random_generator_a_fault() {
        assert_eq!(key_not_stored(Family::Mapping, StoreKeyError::LabelTaken, None).code(), "PMS_PRT_110");
        let fault = key_not_stored(Family::Mapping, StoreKeyError::NoFreshKey(5), None);
        assert_eq!(fault.kind, app_core::FailureKind::Internal);
    }
}
