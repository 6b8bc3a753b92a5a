use serde_json::json;

use super::*;
use crate::group::NewGroup;

fn now() -> NaiveDateTime {
    chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default()
}

fn schemas() -> PolicySchemas {
    PolicySchemas::builtin().unwrap_or_else(|e| panic!("{e:?}"))
}

fn group(active: bool) -> PolicyGroup {
    let new = NewGroup::parse(Some("g"), Some("d")).unwrap_or_else(|e| panic!("{e}"));
    let mut g = PolicyGroup::create("g1".into(), new, false, "pm", now()).unwrap_or_else(|e| panic!("{e}"));
    g.is_active = active;
    g
}

fn misp_doc() -> Value {
    json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": true, "allowKeyBindingDelegation": false})
}

fn request(doc: &Value) -> PolicyRequest<'_> {
    PolicyRequest {
        policy_id: None,
        policy_group_name: Some("g"),
        policy_type: Some("misp"),
        name: Some("p"),
        desc: Some("d"),
        version: Some("1.0"),
        policies: Some(doc),
    }
}

fn draft() -> Policy {
    let doc = misp_doc();
    let new = NewPolicy::parse(request(&doc), &PolicyType::ALL).unwrap_or_else(|e| panic!("{e}"));
    Policy::create("p1".into(), &group(true), new, false, &schemas(), "pm", now()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_new_policy_is_an_inactive_draft_valid_for_200_years() {
    let p = draft();
    assert_eq!((p.stage(), p.is_active, p.schema.as_deref()), (Stage::Drafted, false, None));
    assert_eq!(p.status_label(), "DRAFTED");
    assert_eq!(p.policy_type, "MISP");
    assert_eq!(p.valid_from, now());
    assert_eq!(p.valid_to.to_string()[..4], *"2223");
    assert_eq!(p.document(), Ok(misp_doc()));
}

#[test]
fn create_checks_fields_then_document_then_type() {
    let doc = misp_doc();
    let missing = PolicyRequest { name: None, version: Some("123456789"), ..request(&doc) };
    let Err(PolicyError::InvalidFields(e)) = NewPolicy::parse(missing, &PolicyType::ALL) else { panic!() };
    assert_eq!(e.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["name", "version"]);
    let no_doc = PolicyRequest { policies: None, ..request(&doc) };
    assert_eq!(NewPolicy::parse(no_doc, &PolicyType::ALL), Err(PolicyError::Unprocessable { field: "policies" }));
    let array = json!([1]);
    let not_object = PolicyRequest { policies: Some(&array), ..request(&doc) };
    assert!(matches!(NewPolicy::parse(not_object, &PolicyType::ALL), Err(PolicyError::InvalidFields(_))));
    let unknown = PolicyRequest { policy_type: Some("abcd"), ..request(&doc) };
    assert_eq!(NewPolicy::parse(unknown, &PolicyType::ALL), Err(PolicyError::TypeNotAllowed));
    let no_type = PolicyRequest { policy_type: Some(" "), ..request(&doc) };
    let Err(PolicyError::InvalidFields(e)) = NewPolicy::parse(no_type, &PolicyType::ALL) else { panic!() };
    assert!(e[0].reason.starts_with("value is empty or null"));
    let long_id = "x".repeat(37);
    let bad_id = PolicyRequest { policy_id: Some(&long_id), ..request(&doc) };
    assert!(NewPolicy::parse(bad_id, &PolicyType::ALL).is_err());
    let blank_id = PolicyRequest { policy_id: Some(""), ..request(&doc) };
    assert_eq!(NewPolicy::parse(blank_id, &PolicyType::ALL).map(|n| n.policy_id), Ok(None));
}

#[test]
fn create_refuses_inactive_groups_taken_names_and_bad_documents() {
    let doc = misp_doc();
    let new = NewPolicy::parse(request(&doc), &PolicyType::ALL).unwrap_or_else(|e| panic!("{e}"));
    let s = schemas();
    assert_eq!(
        Policy::create("p".into(), &group(false), new.clone(), false, &s, "pm", now()),
        Err(PolicyError::GroupInactive)
    );
    assert_eq!(
        Policy::create("p".into(), &group(true), new.clone(), true, &s, "pm", now()),
        Err(PolicyError::PolicyNameTaken("p".into()))
    );
    let bad = NewPolicy { policies: json!({"allowAuthRequestDelegation": 1}), ..new };
    let Err(PolicyError::SchemaViolations(v)) = Policy::create("p".into(), &group(true), bad, false, &s, "pm", now())
    else {
        panic!()
    };
    assert_eq!(v.len(), 3);
}

#[test]
fn publish_makes_a_draft_active_once() {
    let p = draft().publish("https://schemas.mosip.io/v1/auth-policy", "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.stage(), p.is_active, p.status_label()), (Stage::Published, true, "PUBLISHED"));
    assert_eq!(p.upd_by.as_deref(), Some("pm2"));
    assert_eq!(p.publish("u", "pm", now()), Err(PolicyError::AlreadyPublished));
}

#[test]
fn only_drafts_can_be_updated() {
    let change = PolicyChange {
        group_name: "g".into(),
        name: "q".into(),
        desc: "e".into(),
        version: "2".into(),
        policies: misp_doc(),
    };
    let s = schemas();
    let p = draft().update(change.clone(), false, &s, "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((p.name.as_str(), p.desc.as_str(), p.version.as_str()), ("q", "e", "2"));
    assert_eq!(draft().update(change.clone(), true, &s, "pm", now()), Err(PolicyError::PolicyNameTaken("q".into())));
    let same_name = PolicyChange { name: "p".into(), ..change.clone() };
    assert!(draft().update(same_name, true, &s, "pm", now()).is_ok());
    let published = draft().publish("u", "pm", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(published.update(change.clone(), false, &s, "pm", now()), Err(PolicyError::PublishedImmutable));
    let bad = PolicyChange { policies: json!({}), ..change };
    assert!(matches!(draft().update(bad, false, &s, "pm", now()), Err(PolicyError::SchemaViolations(_))));
}

#[test]
fn update_requests_are_validated() {
    let doc = misp_doc();
    let req = PolicyUpdateRequest {
        policy_group_name: Some("g"),
        name: None,
        desc: Some("d"),
        version: Some("1"),
        policies: Some(&doc),
    };
    assert!(matches!(PolicyChange::parse(req), Err(PolicyError::InvalidFields(_))));
    let req = PolicyUpdateRequest { name: Some("n"), ..req };
    assert!(PolicyChange::parse(req).is_ok());
}

#[test]
fn status_rules() {
    assert_eq!(parse_status(Some("De-Active")), Ok(false));
    assert_eq!(parse_status(Some("ACTIVE")), Ok(true));
    assert_eq!(parse_status(Some("on")), Err(PolicyError::BadStatus));
    assert_eq!(parse_status(None), Err(PolicyError::Unprocessable { field: "status" }));
    let d = draft();
    assert_eq!(d.set_status(true, false, "pm", now()), Err(PolicyError::CannotActivateDraft));
    assert_eq!(d.set_status(false, true, "pm", now()), Err(PolicyError::ActiveApiKeys));
    let off = d.set_status(false, false, "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!off.is_active);
    assert_eq!(off.upd_by.as_deref(), Some("pm2"));
    let published = d.publish("u", "pm", now()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(published.set_status(false, false, "pm", now()), Err(PolicyError::PublishedStatusFixed));
    assert_eq!(published.set_status(true, false, "pm", now()), Err(PolicyError::PublishedStatusFixed));
}

#[test]
fn mapping_checks_come_in_mosips_order() {
    let p = draft();
    let active = group(true);
    assert_eq!(check_mapping(None, Some(&p)).err(), Some(PolicyError::GroupNotFound));
    assert_eq!(check_mapping(Some(&group(false)), None).err(), Some(PolicyError::GroupInactive));
    assert_eq!(check_mapping(Some(&active), None).err(), Some(PolicyError::PolicyNotFound));
    let other = Policy { group_id: "g2".into(), ..p.clone() };
    assert_eq!(check_mapping(Some(&active), Some(&other)).err(), Some(PolicyError::NotMapped));
    assert!(check_mapping(Some(&active), Some(&p)).is_ok());
}

#[test]
fn stray_commas_in_stored_documents_are_skipped_as_mosip_skips_them() {
    let p = Policy { policies: r#"{"a":[1,,2,],,"b":"x,,}",}"#.into(), ..draft() };
    assert_eq!(p.document(), Ok(json!({"a": [1, 2], "b": "x,,}"})));
    let p = Policy { policies: r#"{"s":"q\"\\",,"t":1}"#.into(), ..draft() };
    assert_eq!(p.document(), Ok(json!({"s": "q\"\\", "t": 1})));
}

#[test]
fn an_unreadable_stored_document_is_pol_052() {
    let p = Policy { policies: "{oops".into(), ..draft() };
    assert_eq!(p.document(), Err(PolicyError::StoredPolicyUnreadable));
}
