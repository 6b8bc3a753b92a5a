//! What the OIDC client tests share: an authentication partner approved for a policy that
//! grants claims and ACRs, public keys, request bodies and the outbox.

use chrono::Duration;
use persistence::repo::outbox;
use persistence::testing::fixtures::PolicyFixture;
use serde_json::{Value, json};
use web_support::testing::Answer;

use crate::helpers::TestApp;
use crate::partner_fixtures::*;

pub const OAUTH: &str = "/v1/partnermanager/oauth/client";
pub const OIDC: &str = "/v1/partnermanager/oidc/client";

/// A real 2048-bit RSA modulus and the client id MOSIP derives from its key (computed outside).
pub const KEY_N: &str = "-CjGT1MS_G6SdkF9ncX9_DbAGajrQdiStX0nu68tLTX6CKX1EwXMTCwwspQGblyONaSBiQCxAhSthK3o6m6iA98_EMC1RJJxhVHTftDZpbN8E1p8xl39dJCRdn9HBG336cZ8LZtlq-FvihaHJayBp1xMnpePSliEt1zBWfjzXDKcRv6hWyB7JdbN65GBtDxpUAZ1yDSiAkprECSr7sQDx-F_F9rTQf73Uxl5GGes1Z5tpkv-aLG4V5hzvXFOqISb5HhQmuxKRs2ZDBpv2jq5G8cea2QoFWiMTEPM1QagKVkrGt13ih0jHoX9GBOPpQ3ug-r6IfB_neG_4LG4YrmxAQ";
pub const KEY_CLIENT_ID: &str = "caGmx-PYSloxZus_2_IESWOxNjFLvEiweU87S_VpFNY";
/// Another 2048-bit modulus.
pub const OTHER_N: &str = "rqs9kNinFQuCY7xOqi3SdL8mG5GcqNiFhfHWoJ-J58GskMLRfH0uws_pcw5RLvpHlK8zlMXGe2A31Ry7MrFILe9C4fnItWyECjrvWSKRXjzkPi_IelU8r7YjRBNA7aH774mb1o3lVDI4OZXhABT6nbu9oYdvZa9w-3EqxA6gpJwqMA7PACl4YQ317hUYXVURbQKbxx2VsqvQpWLX9pNlhrljIztmVKNyvGoSNuhwImyqxqC9Yqs3Aw4TrVH-4QljEKv4lieFnrZQSrVW2luvZy7l0WOQ1sZ1HnBFxEKI4eO4FKXiU7IvrxHTMkYlOZOffDzEmZTbhk6eZbl91ns9YQ";
/// A third one.
pub const THIRD_N: &str = "kuRGdwOEnpy1CIzhX-Rypt-fPCGuNWQSGYjV5gICFrKCs-Om5vI4Ak-H0NaTIcCFiS1_oBdO_Y00NWv6zmzVdf3q4l-5GYv2N8t16ta1ZuVwluVMdDE-blnx-DkmlKm03IjZEa0HSzCL9jZIMwq5B4y5bH4L3_dMTH4At-PokxBWA5PYxAAfZCKAUZBlbmqzs3F_CYk9mmCjnokutxBp_uhiJgysCk6F0EgGvIDZqF6cSUXPVMXuJ4zzp72XGzSrr3wYfWvW6r2hy-T9xhC1T7X2jYQmxnqlYChGUn5__cIEpL9PifnkYdGHjcXd3fn3xp3S7iJ2usvl_QOO-eQV9Q";
/// A 1024-bit modulus (too weak).
pub const WEAK_N: &str = "0QuST3oOCcjVOH0Vwu8iYv2YuNOklmdziirvSs4F8E6HBL_nn3zggnQ-g_9haBRzSF0sFepujAHSGoXhjTtorpLEhxJiHFGRIzxZ4EJDtZliIkeP85iKI_vyStwlYaT-0Fe0r7qBP3nNut-svN6RA4ljqbotY6HreyCfRUx-uPU";

const GRANTING: &str = r#"{"authTokenType":"partner","allowedAuthTypes":[{"authType":"otp","mandatory":false}],"allowedKycAttributes":[{"attributeName":"fullName"},{"attributeName":"email"}]}"#;
const NO_CLAIMS: &str = r#"{"authTokenType":"partner","allowedAuthTypes":[{"authType":"otp","mandatory":false}],"allowedKycAttributes":[{"attributeName":"unmapped"}]}"#;

fn published(app: &TestApp, id: &str, name: &str, document: &str) {
    let p = PolicyFixture::new(id, "g1", name);
    PolicyFixture {
        descr: format!("{name} description"),
        document: document.into(),
        schema: Some("https://schemas.mosip.io/v1/auth-policy".into()),
        valid_from: p.created - Duration::days(1),
        valid_to: p.created + Duration::days(365),
        active: true,
        ..p
    }
    .insert(&mut conn(app))
    .unwrap();
}

/// `partner` asks for `policy` and, with `approve`, the admin approves.
pub fn request(app: &TestApp, partner: &str, policy: &str, approve: bool) {
    let path = format!("/v1/partnermanager/partners/{partner}/policy/map");
    let asked =
        post(&app.client, &path, &partner_token(partner), json!({"policyName": policy, "useCaseDescription": "rp"}));
    let key = asked.ok().response()["mappingkey"].as_str().unwrap().to_owned();
    if approve {
        put(&app.client, &format!("/v1/partnermanager/partners/policy/{key}"), &admin(), json!({"status": "Approved"}))
            .ok();
    }
}

/// Group one with "oidc policy" (claims `email`, `name`; ACR generated-code), "pending policy",
/// "claimless policy" and "unasked policy"; active Auth partners `rp1` and `rp2`, `rp1`
/// approved for "oidc policy" and "claimless policy", asking for "pending policy".
pub fn rp_world(app: &TestApp) {
    group(app, "g1", "group one", true);
    published(app, "p-oidc", "oidc policy", GRANTING);
    published(app, "p-pending", "pending policy", GRANTING);
    published(app, "p-claimless", "claimless policy", NO_CLAIMS);
    published(app, "p-unasked", "unasked policy", GRANTING);
    for rp in ["rp1", "rp2"] {
        active_partner(app, rp);
    }
    request(app, "rp1", "oidc policy", true);
    request(app, "rp1", "claimless policy", true);
    request(app, "rp1", "pending policy", false);
}

pub fn jwk(n: &str) -> Value {
    json!({"kty": "RSA", "e": "AQAB", "n": n, "kid": "rp-key", "use": "sig"})
}

/// A valid `/oauth/client` request of `rp` for "p-oidc" with the key of modulus `n`.
pub fn create_body(rp: &str, n: &str) -> Value {
    json!({
        "name": "Health portal",
        "policyId": "p-oidc",
        "publicKey": jwk(n),
        "authPartnerId": rp,
        "logoUri": "https://rp.example.org/logo.png",
        "redirectUris": ["https://rp.example.org/callback"],
        "grantTypes": ["authorization_code"],
        "clientAuthMethods": ["private_key_jwt"],
        "clientNameLangMap": {"eng": "Health portal", "fra": "Portail santé"},
    })
}

/// A valid update keeping the client `status`.
pub fn update_body(status: &str) -> Value {
    json!({
        "logoUri": "https://rp.example.org/new-logo.png",
        "redirectUris": ["https://rp.example.org/cb1", "app.rp:/cb2"],
        "status": status,
        "grantTypes": ["authorization_code"],
        "clientName": "Health portal 2",
        "clientAuthMethods": ["private_key_jwt"],
        "clientNameLangMap": {"eng": "Health portal 2"},
    })
}

pub fn create(app: &TestApp, tok: &str, body: Value) -> Answer {
    post(&app.client, OAUTH, tok, body)
}

/// The pending events of `topic`, their `data`.
pub fn events(app: &TestApp, topic: &str) -> Vec<Value> {
    let rows = outbox::list(&mut conn(app), outbox::PENDING, 0, 500).unwrap();
    rows.into_iter().filter(|r| r.topic == topic).map(|r| serde_json::from_str(&r.data).unwrap()).collect()
}

/// How many clients are stored.
pub fn stored_clients(app: &TestApp) -> usize {
    persistence::repo::oidc_client::list(&mut conn(app), None, None).unwrap().len()
}
