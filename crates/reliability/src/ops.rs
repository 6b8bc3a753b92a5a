//! The write operations the checks drive, each answering what the client was told.

use serde_json::{Value, json};

use crate::client::{Client, Outcome, envelope};

pub const PARTNERS: &str = "/v1/partnermanager/partners";
pub const MISPS: &str = "/partnermanagement/v1/misps/misps";

/// Registers partner `id` (policy group `rel-group`).
pub fn register(c: &Client, base: &str, admin: &str, id: &str) -> Outcome {
    let body = envelope(json!({
        "partnerId": id,
        "organizationName": format!("Org {id}"),
        "address": "1 Reliability Street",
        "contactNumber": "9876543210",
        "emailId": format!("{id}@rel.example"),
        "partnerType": "Auth_Partner",
        "policyGroup": "rel-group",
        "langCode": "eng"
    }));
    c.call("POST", &format!("{base}{PARTNERS}"), admin, Some(&body)).0
}

/// Approves the pending policy request `request_id`.
pub fn approve(c: &Client, base: &str, admin: &str, request_id: &str) -> Outcome {
    let body = envelope(json!({ "status": "Approved" }));
    c.call("PUT", &format!("{base}{PARTNERS}/policy/{request_id}"), admin, Some(&body)).0
}

/// The partner (its own token) generates a key for policy `Rel policy <q>` labelled `label`;
/// the key on success.
pub fn generate_key(c: &Client, base: &str, partner_token: &str, partner: &str, q: usize, label: &str) -> Outcome {
    let body = envelope(json!({ "policyName": format!("Rel policy {q}"), "label": label }));
    c.call("PATCH", &format!("{base}{PARTNERS}/{partner}/generate/apikey"), partner_token, Some(&body)).0
}

/// Registers a MISP named `name`; its id on success.
pub fn create_misp(c: &Client, base: &str, admin: &str, name: &str) -> Outcome {
    let body = envelope(json!({
        "organizationName": name,
        "contactNumber": "9123456789",
        "emailId": "misp@rel.example",
        "address": "1 Infra Road"
    }));
    c.call("POST", &format!("{base}{MISPS}"), admin, Some(&body)).0
}

/// Approves MISP `id`, which issues its licence key.
pub fn approve_misp(c: &Client, base: &str, admin: &str, id: &str) -> Outcome {
    let body = envelope(json!({ "mispStatus": "approved" }));
    c.call("PATCH", &format!("{base}{MISPS}/{id}/status"), admin, Some(&body)).0
}

/// A string field of an acknowledged answer.
pub fn field(v: &Value, name: &str) -> Option<String> {
    v.get(name).and_then(Value::as_str).map(str::to_owned)
}
