use app_core::FailureKind;
use audit_events::AuditEvent;

use super::fixtures::{World, admin, user, world};
use super::*;

fn ask(w: &World, partner: &str, policy: &str) -> Result<MappingAnswer, AppError> {
    let body = MappingBody { policy_name: Some(policy.into()), use_case_description: Some("counters".into()) };
    request(&w.store, &user(partner), partner, body)
}

fn decide(w: &World, key: &str, status: &str) -> Result<&'static str, AppError> {
    review(&w.store, &admin(), &PartnerConfig::default(), key, StatusBody { status: Some(status.into()) })
}

fn id(e: AuditEvent) -> String {
    e.def().id.to_owned()
}

#[test]
fn a_request_is_stored_once_and_audited() {
    let w = world();
    let answer = ask(&w, "tech", "auth policy").unwrap();
    assert_eq!(answer.message, REQUEST_SUBMITTED);
    let again = ask(&w, "tech", "auth policy").unwrap_err();
    assert_eq!(again.code(), "PMS_PRT_053", "a pending request is not asked twice");
    let audit = w.audit();
    let created = audit.iter().filter(|(e, _)| e == &id(AuditEvent::PartnerKeyCreated)).count();
    assert_eq!(created, 1);
    let refused = (id(AuditEvent::PolicyMappingMissing), Some("PMS_PRT_053".to_owned()));
    assert!(audit.contains(&refused), "{audit:?}");
    let items = requests_of_partner(&w.store, &user("tech"), "tech").unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].api_key_req_id.as_str(), items[0].partner_api_key.as_ref()),
        (answer.mappingkey.as_str(), None)
    );
}

#[test]
fn missing_fields_are_all_listed_and_rules_keep_their_codes() {
    let w = world();
    let e = request(&w.store, &user("tech"), "tech", MappingBody::default()).unwrap_err();
    let messages: Vec<_> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Invalid request parameter - must not be null :request.policyName",
            "Invalid request parameter - must not be null :request.useCaseDescription"
        ]
    );
    assert_eq!(ask(&w, "idle", "auth policy").unwrap_err().code(), "PMS_PMP_016");
    assert_eq!(ask(&w, "tech", "old policy").unwrap_err().code(), "PMS_PMP_018");
    let long = MappingBody { policy_name: Some("auth policy".into()), use_case_description: Some("x".repeat(4001)) };
    let e = request(&w.store, &user("tech"), "tech", long).unwrap_err();
    assert_eq!(
        e.message(),
        "Invalid request parameter - Length should be between 0 and 4000 chars :request.useCaseDescription"
    );
}

#[test]
fn a_review_decides_once_and_only_for_admins_or_the_owner() {
    let w = world();
    let key = ask(&w, "tech", "auth policy").unwrap().mappingkey;
    let stranger = review(
        &w.store,
        &user("cred"),
        &PartnerConfig::default(),
        &key,
        StatusBody { status: Some("Approved".into()) },
    );
    assert_eq!(stranger.unwrap_err().kind, FailureKind::Forbidden);
    assert_eq!(
        decide(&w, &key, " ").unwrap_err().message(),
        "Invalid request parameter - value is empty or null :request.status"
    );
    assert_eq!(decide(&w, &key, "maybe").unwrap_err().code(), "PMS_PM_045");
    assert_eq!(decide(&w, &key, "approved").unwrap(), "Policy mapping approved successfully");
    assert_eq!(decide(&w, &key, "Rejected").unwrap_err().code(), "PMS_PM_034");
    let items = requests_of_partner(&w.store, &user("tech"), "tech").unwrap();
    assert_eq!(items[0].api_key_request_status, "approved");
}

#[test]
fn credential_partners_need_extractors_before_approval() {
    let w = world();
    let key = ask(&w, "cred", "auth policy").unwrap().mappingkey;
    assert_eq!(decide(&w, &key, "Approved").unwrap_err().code(), "PMS_PM_051");
    assert_eq!(decide(&w, &key, "Rejected").unwrap(), "Policy mapping rejected successfully");
}

#[test]
fn lists_show_the_callers_own_requests_unless_admin() {
    let w = world();
    let e = requests_of_partner(&w.store, &user("tech"), "tech").unwrap_err();
    assert_eq!(e.code(), "PMS_PRT_006");
    assert!(w.audit().contains(&(id(AuditEvent::PolicyMappingMissing), Some("PMS_PRT_006".to_owned()))));
    assert_eq!(all_requests(&w.store, &admin()).unwrap_err().code(), "PMS_PMP_015");
    let mine = ask(&w, "tech", "auth policy").unwrap().mappingkey;
    ask(&w, "cred", "auth policy").unwrap();
    assert_eq!(all_requests(&w.store, &admin()).unwrap().apikey_requests.len(), 2);
    let own = all_requests(&w.store, &user("tech")).unwrap().apikey_requests;
    assert_eq!(own.iter().map(|r| r.api_key_req_no.as_str()).collect::<Vec<_>>(), [mine.as_str()]);
    assert_eq!(own[0].organization_name, "tech org");
    assert_eq!(one_request(&w.store, &user("cred"), &mine).unwrap_err().kind, FailureKind::Forbidden);
    assert_eq!(one_request(&w.store, &admin(), &mine).unwrap().partner_id, "tech");
    assert_eq!(one_request(&w.store, &admin(), "nope").unwrap_err().code(), "PMS_PMP_015");
}

#[test]
fn an_approval_checks_the_policy_and_its_group_as_they_are_at_review_time() {
    use diesel::prelude::*;
    use persistence::schema::{auth_policy, policy_group};
    let w = world();
    let set = |policy_active: bool, group_active: bool| {
        let conn = &mut w.store.pool().get().unwrap();
        diesel::update(auth_policy::table.find("p-auth"))
            .set(auth_policy::is_active.eq(policy_active))
            .execute(conn)
            .unwrap();
        diesel::update(policy_group::table.find("g1"))
            .set(policy_group::is_active.eq(group_active))
            .execute(conn)
            .unwrap();
    };
    let key = ask(&w, "tech", "auth policy").unwrap().mappingkey;
    set(false, true);
    let inactive = PartnerError::RequestPolicyInactive.code();
    assert_eq!(decide(&w, &key, "Approved").unwrap_err().code(), inactive);
    set(true, false);
    let group_inactive = PartnerError::RequestPolicyGroupInactive.code();
    assert_eq!(decide(&w, &key, "Approved").unwrap_err().code(), group_inactive);
    set(false, false);
    assert_eq!(
        decide(&w, &key, "Rejected").unwrap(),
        "Policy mapping rejected successfully",
        "a rejection checks neither"
    );
    assert_eq!(decide(&w, "no-such-request", "Approved").unwrap_err().code(), PartnerError::RequestNotFound.code());
}
