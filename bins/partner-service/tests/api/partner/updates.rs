//! P5/P6 updates (what a request does not carry is kept), P7 contacts, P8 the policy group.

use serde_json::json;

use super::PARTNERS;
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn updates_keep_what_they_do_not_carry(app: TestApp) {
    world(&app);
    let c = &app.client;
    let v2 = json!({
        "partnerId": "up-1", "organizationName": "o", "address": "a", "contactNumber": "1",
        "emailId": "up1@gmail.com", "partnerType": "Auth_Partner", "policyGroup": "group one",
        "logoUrl": "https://logo", "additionalInfo": {"a": 1}
    });
    post(c, "/v1/partnermanager/partners/v2", &admin(), v2).ok();
    let me = partner_token("up-1");
    let a =
        put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "Bangalore Ind", "contactNumber": "8553967576"}))
            .ok();
    assert_eq!(a.response(), &json!({"partnerId": "up-1", "status": "InProgress"}));
    let listed = c.get("/v1/partnermanager/partners/v2?partnerType=Auth_Partner", Some(&admin())).ok();
    let item = &listed.response()["partners"][0];
    assert_eq!((item["address"].as_str(), item["contactNumber"].as_str()), (Some("Bangalore Ind"), Some("8553967576")));
    assert_eq!(
        (item["logoUrl"].as_str(), &item["additionalInfo"]),
        (Some("https://logo"), &json!({"a": 1})),
        "v1 wipes nothing"
    );
    put(
        c,
        &format!("{PARTNERS}/v2/up-1"),
        &me,
        json!({"address": "x", "contactNumber": "2", "logoUrl": "https://new"}),
    )
    .ok();
    let listed = c.get("/v1/partnermanager/partners/v2", Some(&admin())).ok();
    let item = &listed.response()["partners"][0];
    assert_eq!((item["logoUrl"].as_str(), &item["additionalInfo"]), (Some("https://new"), &json!({"a": 1})));
    put(c, &format!("{PARTNERS}/v2/up-1"), &me, json!({"address": "x", "contactNumber": "2", "additionalInfo": [3]}))
        .ok();
    let listed = c.get("/v1/partnermanager/partners/v2", Some(&admin())).ok();
    assert_eq!(listed.response()["partners"][0]["additionalInfo"], json!([3]));
    assert_eq!(audit_ids(&app, "up-1").iter().filter(|e| *e == "PMS_PRT_244").count(), 3);

    let a = put(c, &format!("{PARTNERS}/nobody"), &admin(), json!({"address": "x", "contactNumber": "2"}));
    assert_eq!(a.error_code(), Some("PMS_PRT_005"));
    assert!(audit_ids(&app, "nobody").contains(&"PMS_PRT_421:PMS_PRT_005".to_owned()));
    let a = put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "x"}));
    assert_eq!(
        a.body["errors"][0]["message"],
        "Invalid request parameter - value is empty or null :request.contactNumber"
    );
    let a = put(c, &format!("{PARTNERS}/up-1"), &me, json!({"address": "x", "contactNumber": "1".repeat(17)}));
    assert_eq!(a.error_code(), Some("PMS_COR_001"));
    assert_eq!(c.get(&format!("{PARTNERS}/nobody"), Some(&admin())).error_code(), Some("PMS_PRT_005"));
}

fn contacts_are_added_then_updated(app: TestApp) {
    world(&app);
    register(&app, "ct-1", "Auth_Partner", Some("group one")).ok();
    let c = &app.client;
    let me = partner_token("ct-1");
    let path = format!("{PARTNERS}/ct-1/contact/add");
    let contact =
        json!({"address": "Bangalore", "contactNumber": "9903255448", "emailId": "print@email.com", "is_Active": true});
    assert_eq!(
        post(c, &path, &me, contact.clone()).error_code(),
        Some("PMS_PMP_016"),
        "a new contact needs an active partner"
    );
    certify(&app, "ct-1");
    let a = post(c, &path, &me, contact.clone()).ok();
    assert_eq!(a.response(), "Contacts details added successfully.");
    let mut changed = contact.clone();
    changed["address"] = json!("Mysore");
    assert_eq!(post(c, &path, &me, changed).ok().response(), "Contacts details updated successfully.");
    let mut bad = contact.clone();
    bad["emailId"] = json!("nope");
    assert_eq!(post(c, &path, &me, bad).error_code(), Some("PMS_PRT_012"));
    let mut no_flag = contact.clone();
    no_flag.as_object_mut().unwrap().remove("is_Active");
    let a = post(c, &path, &me, no_flag);
    assert_eq!(a.body["errors"][0]["message"], "Invalid request parameter - must not be null :request.is_Active");
    let mut same_phone = contact;
    same_phone["emailId"] = json!("other@email.com");
    assert_eq!(post(c, &path, &me, same_phone).error_code(), Some("PMS_COR_001"));
    let ids = audit_ids(&app, "ct-1");
    assert!(ids.contains(&"PMS_PRT_144".to_owned()) && ids.contains(&"PMS_PRT_244".to_owned()), "{ids:?}");
    assert!(ids.contains(&"PMS_PRT_416:PMS_PRT_012".to_owned()), "{ids:?}");
}

fn policy_group_changes_while_inactive(app: TestApp) {
    world(&app);
    register(&app, "pg-1", "Auth_Partner", Some("group one")).ok();
    register(&app, "pg-ftm", "FTM_Provider", None).ok();
    let c = &app.client;
    let path = |id: &str, g: &str| format!("{PARTNERS}/{id}/policygroup/{}", g.replace(' ', "%20"));
    let a = c.send("PUT", &path("pg-1", "group two"), Some(&admin()), &json!({})).ok();
    assert_eq!(a.response(), "Success");
    assert_eq!(c.get(&format!("{PARTNERS}/pg-1"), Some(&admin())).response()["policyGroup"], "group two");
    let code =
        |id: &str, g: &str| c.send("PUT", &path(id, g), Some(&admin()), &json!({})).error_code().map(str::to_owned);
    assert_eq!(code("pg-1", "nope").as_deref(), Some("PMS_PRT_002"));
    assert_eq!(code("pg-1", "group off").as_deref(), Some("PMS_PMP_023"));
    assert_eq!(code("pg-ftm", "group one").as_deref(), Some("PMS_PRT_048"));
    assert_eq!(code("nobody", "group one").as_deref(), Some("PMS_PRT_005"));
    certify(&app, "pg-1");
    assert_eq!(code("pg-1", "group one").as_deref(), Some("PMS_PRT_050"));
    assert!(audit_ids(&app, "pg-1").starts_with(&[
        "PMS_PRT_101".into(),
        "PMS_PRT_200".into(),
        "PMS_PRT_121".into(),
        "PMS_PRT_221".into()
    ]));
}

api_tests!(updates_keep_what_they_do_not_carry, contacts_are_added_then_updated, policy_group_changes_while_inactive);
