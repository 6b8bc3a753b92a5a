use app_core::FailureKind;
use audit_events::AuditEvent;
use partner_domain::PartnerId;

use super::*;
use crate::requests::fixtures::{World, admin, user, world};

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

fn body(partner_id: &str, email: &str) -> RegisterBody {
    RegisterBody {
        partner_id: Some(partner_id.into()),
        policy_group: Some("group one".into()),
        organization_name: Some(format!("{partner_id} org")),
        address: Some("Bangalore".into()),
        contact_number: Some("8553967572".into()),
        email_id: Some(email.into()),
        partner_type: Some("Auth_Partner".into()),
        lang_code: None,
        logo_url: Some("https://example.org/logo.png".into()),
        additional_info: Some(serde_json::json!({"site": "x"})),
    }
}

fn register_as(w: &World, actor: &Actor, req: RegisterBody, version: ApiVersion) -> Result<PartnerResponse, AppError> {
    register(&w.store, actor, &PartnerConfig::default(), req, version)
}

#[test]
fn a_partner_registers_itself_in_progress_and_audited() {
    let w = world();
    let out = register_as(&w, &user("newbie"), body("newbie", "newbie@example.org"), ApiVersion::V2).unwrap();
    assert_eq!(out, PartnerResponse { partner_id: "newbie".into(), status: "InProgress".into() });
    let audit = w.audit();
    assert!(audit.contains(&(id(AuditEvent::RegisterPartnerSuccess), None)), "{audit:?}");
    let conn = &mut w.store.pool().get().unwrap();
    let stored = repo::find(conn, &PartnerId::from("newbie")).unwrap().unwrap();
    assert!(!stored.is_active);
    assert_eq!(stored.logo_url.as_deref(), Some("https://example.org/logo.png"));
}

#[test]
fn a_registration_queues_its_notice_to_the_new_partner() {
    let w = world();
    let req = RegisterBody { lang_code: Some("fra".into()), ..body("noticed", "noticed@example.org") };
    register_as(&w, &admin(), req, ApiVersion::V2).unwrap();
    let conn = &mut w.store.pool().get().unwrap();
    let far = chrono::NaiveDate::from_ymd_opt(2100, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap();
    let queued = persistence::repo::mail::due(conn, far, 10).unwrap();
    let [mail] = queued.as_slice() else { panic!("one notice: {queued:?}") };
    assert_eq!(
        (mail.mail_to.as_str(), mail.template.as_str(), mail.lang_code.as_str()),
        ("noticed@example.org", "partner_registered", "fra")
    );
    let vars: serde_json::Value = serde_json::from_str(&mail.vars_json).unwrap();
    assert_eq!(vars["partnerId"], "noticed");
    assert_eq!(vars["partnerName"], "noticed org");
}

#[test]
fn v1_ignores_logo_and_additional_information() {
    let w = world();
    register_as(&w, &admin(), body("old-style", "old@example.org"), ApiVersion::V1).unwrap();
    let conn = &mut w.store.pool().get().unwrap();
    let stored = repo::find(conn, &PartnerId::from("old-style")).unwrap().unwrap();
    assert_eq!(stored.logo_url, None);
    assert!(!stored.addl_info.unwrap_or_default().contains("site"), "additional information is not stored");
}

#[test]
fn fields_are_checked_before_the_caller_and_a_stranger_is_forbidden() {
    let w = world();
    let blank = RegisterBody { address: Some(" ".into()), ..body("someone", "s@example.org") };
    let err = register_as(&w, &user("other"), blank, ApiVersion::V1).unwrap_err();
    assert_eq!(err.code(), "PMS_COR_001");
    let err = register_as(&w, &user("other"), body("someone", "s@example.org"), ApiVersion::V1).unwrap_err();
    assert_eq!(err.kind, FailureKind::Forbidden);
}

#[test]
fn a_taken_id_records_its_own_failure_event() {
    let w = world();
    let err = register_as(&w, &admin(), body("tech", "fresh@example.org"), ApiVersion::V1).unwrap_err();
    assert_eq!(err.code(), "PMS_PRT_051");
    let audit = w.audit();
    assert!(audit.contains(&(id(AuditEvent::PartnerAlreadyRegistered), Some("PMS_PRT_051".into()))), "{audit:?}");
    assert!(!audit.iter().any(|(e, _)| e == &id(AuditEvent::PartnerTypeNotAllowed)), "{audit:?}");
    assert!(!audit.iter().any(|(e, _)| e == &id(AuditEvent::RegisterPartnerSuccess)), "{audit:?}");
}

#[test]
fn an_email_check_answers_use_and_the_types_that_need_a_policy() {
    let w = world();
    let cfg = PartnerConfig::default();
    let ask = |email: &str| email_check(&w.store, &user("x"), &cfg, EmailBody { email_id: Some(email.into()) });
    let taken = ask("tech@example.org").unwrap();
    assert!(taken.email_exists);
    assert!(taken.policy_required_partner_types.contains(&"AUTH_PARTNER".to_owned()));
    assert!(!ask("free@example.org").unwrap().email_exists);
    assert_eq!(ask("not an e-mail").unwrap_err().code(), "PMS_PRT_012");
    assert!(w.audit().contains(&(id(AuditEvent::InvalidEmailOnCreate), Some("PMS_PRT_012".into()))));
}
