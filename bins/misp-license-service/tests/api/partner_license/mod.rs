//! MOSIP 1.2's licence API for MISP partners (`/v1/partnermanager/misps`).

mod keys;
mod mosip_cases;
mod rotation;
mod search;

use serde_json::json;
use web_support::testing;

use crate::helpers::LICENSES;
use crate::helpers::TestApp;

fn partner_admin() -> String {
    testing::token("partner-111997", &["AUTH_PARTNER", "PARTNER_ADMIN", "PMS_ADMIN", "POLICYMANAGER"])
}

fn generate(app: &TestApp, token: &str, provider: &str) -> web_support::testing::Answer {
    app.call("POST", LICENSES, token, Some(json!({ "providerId": provider })))
}

fn put(app: &TestApp, token: &str, provider: &str, key: &str, status: &str) -> web_support::testing::Answer {
    app.call(
        "PUT",
        LICENSES,
        token,
        Some(json!({ "providerId": provider, "licenseKeyStatus": status, "licenseKey": key })),
    )
}
