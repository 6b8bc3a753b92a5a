//! The status of drafts, policies read for a partner, stored documents that are not JSON, and
//! configuration values.

use serde_json::json;

use super::{POLICIES, audits, codes, create_group, create_policy, get, give_api_key, patch, publish, sql};
use crate::api_tests;
use crate::helpers::TestApp;

fn draft_status_and_api_keys(app: TestApp) {
    let group_id = create_group(&app, "g1");
    let draft = create_policy(&app, "g1", "draft");
    let status = format!("{POLICIES}/{draft}/group/{group_id}");
    assert_eq!(codes(&patch(&app, &status, json!({"status": "Active"}))), ["PMS_POL_054"]);
    let off = patch(&app, &status, json!({"status": "de-active"})).ok();
    assert_eq!(off.response()["message"], "status updated successfully");
    assert_eq!(off.body["id"], "mosip.test");
    give_api_key(&app, "partner-a", &draft, true);
    assert_eq!(codes(&patch(&app, &status, json!({"status": "De-Active"}))), ["PMS_POL_057"]);

    let published = create_policy(&app, "g1", "published");
    publish(&app, &published, &group_id).ok();
    give_api_key(&app, "partner-b", &published, false);
    let path = |partner: &str, policy: &str| format!("{POLICIES}/{policy}/partner/{partner}");
    assert_eq!(codes(&get(&app, &path("partner-b", &published))), ["PMS_POL_017"]);
    assert_eq!(codes(&get(&app, &path("partner-a", &published))), ["PMS_POL_017"]);
    let held = get(&app, &path("partner-a", &draft)).ok();
    assert_eq!(
        (held.response()["policyId"].as_str(), held.response()["policyGroupName"].as_str()),
        (Some(draft.as_str()), Some("g1"))
    );
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/nope"))), ["PMS_POL_008"]);
}

fn stored_documents_that_are_not_json_are_reported(app: TestApp) {
    create_group(&app, "g1");
    let id = create_policy(&app, "g1", "p1");
    sql(&app, &format!("UPDATE auth_policy SET policy_file_id = '{{oops' WHERE id = '{id}'"));
    assert_eq!(codes(&get(&app, &format!("{POLICIES}/{id}"))), ["PMS_POL_052"]);
    assert_eq!(codes(&get(&app, POLICIES)), ["PMS_POL_052"]);
    assert!(audits(&app, &id).contains(&("PMS_PRT_487".to_owned(), Some("PMS_POL_052".to_owned()))));
}

fn config_values_come_from_an_allow_list(app: TestApp) {
    let a = get(&app, &format!("{POLICIES}/config/pmp.allowed.policy.types")).ok();
    assert_eq!(
        a.response(),
        &json!({"key": "pmp.allowed.policy.types", "value": "Auth,DataShare,CredentialIssuance,MISP"})
    );
    let schema = get(&app, &format!("{POLICIES}/config/pmp.auth.policy.schema")).ok();
    assert_eq!(schema.response()["value"]["type"], "object");
    for secret in ["auth.hs256_secret", "database.url", "spring.datasource.password", "mosip.kernel.keymanager.secret"]
    {
        let a = get(&app, &format!("{POLICIES}/config/{secret}")).ok();
        assert_eq!(a.response(), &json!({"key": secret, "value": null}), "{secret}");
    }
}

api_tests!(
    draft_status_and_api_keys,
    stored_documents_that_are_not_json_are_reported,
    config_values_come_from_an_allow_list
);
