//! Policy-mapping requests (P12, M4, P14, M8, M9) and API keys (P13, M5, M6, M7), including
//! concurrent approvals and key generation.

mod approvals;
mod changes;
mod generation;
mod request_rules;
mod requests;

use serde_json::json;
use web_support::testing::Answer;

use crate::helpers::TestApp;
use crate::partner_fixtures::*;

const P: &str = "/v1/partnermanager/partners";

fn ask(app: &TestApp, partner: &str, policy: &str) -> Answer {
    post(
        &app.client,
        &format!("{P}/{partner}/policy/map"),
        &partner_token(partner),
        json!({"policyName": policy, "useCaseDescription": "need it"}),
    )
}

fn decide(app: &TestApp, key: &str, status: &str) -> Answer {
    put(&app.client, &format!("{P}/policy/{key}"), &admin(), json!({"status": status}))
}

fn generate(app: &TestApp, partner: &str, policy: &str, label: &str) -> Answer {
    patch(
        &app.client,
        &format!("{P}/{partner}/generate/apikey"),
        &partner_token(partner),
        json!({"policyName": policy, "label": label}),
    )
}

fn mapping_key(a: &Answer) -> String {
    a.response()["mappingkey"].as_str().unwrap().to_owned()
}
