//! Policy groups: creation, uniqueness, renaming and switching; who may manage policies.

use serde_json::json;
use web_support::testing::{Client, token};

use super::{GROUPS, POLICIES, audits, codes, create_group, get, pm, post, put};
use crate::api_tests;
use crate::helpers::TestApp;

fn groups_are_created_unique_and_answer_without_metadata(app: TestApp) {
    let a = post(&app, &format!("{GROUPS}/new"), json!({"name": "telecom", "desc": "Telecom operators"})).ok();
    assert!(a.body.get("metadata").is_none(), "{}", a.body);
    assert_eq!((a.body["id"].as_str(), a.body["version"].as_str()), (Some("mosip.test"), Some("1.0")));
    let g = a.response();
    assert_eq!(
        (g["name"].as_str(), g["desc"].as_str(), g["is_Active"].as_bool()),
        (Some("telecom"), Some("Telecom operators"), Some(true))
    );
    assert_eq!(g["cr_by"], "pm-1");
    let id = g["id"].as_str().unwrap().to_owned();

    let dup = post(&app, &format!("{GROUPS}/new"), json!({"name": "telecom", "desc": "again"}));
    assert_eq!((dup.status, codes(&dup)), (200, vec!["PMS_POL_014".to_owned()]));
    assert!(dup.body.get("metadata").is_none(), "{}", dup.body);
    assert_eq!(dup.body["errors"][0]["message"], "Policy group exists with name : telecom");

    let missing = post(&app, &format!("{GROUPS}/new"), json!({"desc": "x".repeat(129)}));
    assert_eq!(codes(&missing), ["PMS_COR_001", "PMS_COR_001"]);
    assert_eq!(missing.body["errors"][0]["message"], "Invalid request parameter - must not be blank :request.name");
    assert_eq!(
        missing.body["errors"][1]["message"],
        "Invalid request parameter - Length should be in between 1 and 128 chars :request.desc"
    );
    let no_request = app.client.send("POST", &format!("{GROUPS}/new"), Some(&pm()), &json!({"id": "x"}));
    assert_eq!(codes(&no_request), ["PMS_COR_001"]);
    let not_json = app.client.send_raw("POST", &format!("{GROUPS}/new"), Some(&pm()), "{oops");
    assert_eq!((not_json.status, not_json.error_code()), (400, Some("PMS_COR_001")));
    assert!(not_json.body.get("metadata").is_none(), "{}", not_json.body);

    assert_eq!(
        audits(&app, "telecom").iter().map(|(e, _)| e.as_str()).collect::<Vec<_>>(),
        ["PMS_PRT_115", "PMS_PRT_115", "PMS_PRT_475"]
    );
    assert_eq!(audits(&app, "telecom")[2].1.as_deref(), Some("PMS_POL_014"));
    assert_eq!(audits(&app, &id), [("PMS_PRT_215".to_owned(), None)]);
}

fn groups_are_renamed_described_and_switched(app: TestApp) {
    let id = create_group(&app, "banks");
    create_group(&app, "insurers");
    let path = format!("{GROUPS}/{id}");
    let a = put(&app, &path, json!({"name": "banking", "desc": "Banks", "isActive": false})).ok();
    assert_eq!((a.response()["name"].as_str(), a.response()["is_Active"].as_bool()), (Some("banking"), Some(false)));
    assert_eq!(a.response()["up_by"], "pm-1");
    assert_eq!(a.body["id"], "mosip.test");

    let taken = put(&app, &path, json!({"name": "insurers", "desc": "Banks", "isActive": false}));
    assert_eq!(codes(&taken), ["PMS_POL_014"]);
    let unknown = put(&app, &format!("{GROUPS}/nope"), json!({"name": "x", "desc": "y", "isActive": true}));
    assert_eq!(codes(&unknown), ["PMS_POL_008"]);
    let no_state = put(&app, &path, json!({"name": "banking", "desc": "Banks"}));
    assert_eq!(codes(&no_state), ["PMS_COR_003", "PMS_COR_001"]);
    assert_eq!(no_state.body["errors"][1]["message"], "Invalid request parameter - must not be null :request.isActive");

    let back = put(&app, &path, json!({"name": "banking", "desc": "Banks again", "isActive": true})).ok();
    assert_eq!(back.response()["is_Active"], true);
    let one = get(&app, &path).ok();
    assert!(one.body.get("metadata").is_none());
    let group = &one.response()["policyGroup"];
    assert_eq!(
        (group["name"].as_str(), group["desc"].as_str(), group["isActive"].as_bool()),
        (Some("banking"), Some("Banks again"), Some(true))
    );
    assert_eq!(group["userId"], "pm-1");
    assert_eq!(one.response()["policies"], json!([]));
    assert_eq!(codes(&get(&app, &format!("{GROUPS}/nope"))), ["PMS_POL_016"]);
    let all = get(&app, &format!("{GROUPS}/all")).ok();
    let names: Vec<&str> =
        all.response().as_array().unwrap().iter().filter_map(|g| g["policyGroup"]["name"].as_str()).collect();
    assert_eq!(names, ["banking", "insurers"]);
    let events: Vec<String> = audits(&app, &id).into_iter().map(|(e, _)| e).collect();
    assert!(
        events.starts_with(&[
            "PMS_PRT_215".into(),
            "PMS_PRT_156".into(),
            "PMS_PRT_256".into(),
            "PMS_PRT_156".into(),
            "PMS_PRT_456".into()
        ]),
        "{events:?}"
    );
    assert!(events.contains(&"PMS_PRT_216".to_owned()), "{events:?}");
}

fn only_policy_admins_may_manage_policies(app: TestApp) {
    let partner = token("p-1", &["AUTH_PARTNER"]);
    let body = Client::envelope(json!({"name": "g", "desc": "d"}));
    let a = app.client.send("POST", &format!("{GROUPS}/new"), Some(&partner), &body);
    assert_eq!((a.status, a.error_code()), (403, Some("KER-ATH-403")));
    assert!(a.body.get("metadata").is_none(), "{}", a.body);
    let a = app.client.send("POST", &format!("{GROUPS}/new"), None, &body);
    assert_eq!((a.status, a.error_code()), (401, Some("KER-ATH-401")));
    for path in [POLICIES.to_owned(), format!("{GROUPS}/all"), format!("{POLICIES}/x"), format!("{POLICIES}/config/k")]
    {
        assert_eq!(app.client.get(&path, Some(&partner)).status, 403, "{path}");
    }
    let admin = token("admin", &["PARTNER_ADMIN"]);
    app.client.send("POST", &format!("{GROUPS}/new"), Some(&admin), &body).ok();
    let active = app.client.get(&format!("{POLICIES}/active/group/g"), Some(&partner)).ok();
    assert_eq!(active.response(), &json!([]));
    let device = token("d-1", &["DEVICE_PROVIDER"]);
    assert_eq!(app.client.get(&format!("{POLICIES}/active/group/g"), Some(&device)).status, 403);
    let wrong_method = app.client.send("DELETE", &format!("{GROUPS}/new"), Some(&pm()), &json!({}));
    assert_eq!((wrong_method.status, wrong_method.error_code()), (405, Some("PMS_COR_405")));
}

api_tests!(
    groups_are_created_unique_and_answer_without_metadata,
    groups_are_renamed_described_and_switched,
    only_policy_admins_may_manage_policies
);
