//! Check 3, switching off: what one replica switches off, the other refuses on the next request.

use serde_json::{Value, json};

use crate::client::{Client, Outcome, envelope};
use crate::ops::{MISPS, PARTNERS};

const CYCLES: usize = 20;

/// Switch the licence off on one replica and validate it on the other, then on again, `CYCLES` times.
pub fn switch_offs_licence(c: &Client, misps: &[String; 2], admin: &str, id: &str, key: &str) -> bool {
    let mut seen = 0;
    for i in 0..CYCLES {
        let (a, b) = (&misps[i % 2], &misps[(i + 1) % 2]);
        for (status, expect_valid) in [("de-active", false), ("active", true)] {
            let body = envelope(json!({"mispLicenseKey": key, "mispLicenseKeyStatus": status}));
            let switched = c.call("PUT", &format!("{a}{MISPS}/{id}/licenseKey"), admin, Some(&body)).0;
            let body = envelope(json!({"mispLicenseKey": key}));
            let validated = c.call("PATCH", &format!("{b}{MISPS}/{id}/licenseKey"), admin, Some(&body)).0;
            let valid = validated.ok().and_then(|v| v.get("isValid").and_then(Value::as_bool));
            if switched.ok().is_some() && valid == Some(expect_valid) {
                seen += 1;
            }
        }
    }
    let pass = seen == 2 * CYCLES;
    println!(
        "replicas: licence switched off/on on one misp-license-service replica, validated on the other right after the answer: {seen}/{} saw the new state{}",
        2 * CYCLES,
        if pass { "" } else { " FAIL" }
    );
    pass
}

/// Switch the API key off on one replica; the other refuses to move it (`PMS_PMS_022`, the key
/// is off) on the next request; switch it on again through the other replica.
pub fn switch_offs_key(c: &Client, partners: &[String; 2], admin: &str, owner: &str, q: usize, key: &str) -> bool {
    let mut refused = 0;
    let status = |base: &str, s: &str| {
        let body = envelope(json!({"label": "one-label", "status": s}));
        c.call("PATCH", &format!("{base}{PARTNERS}/{owner}/policy/rel-policy-{q}/apiKey/status"), admin, Some(&body)).0
    };
    for i in 0..CYCLES {
        let (a, b) = (&partners[i % 2], &partners[(i + 1) % 2]);
        let off = status(a, "De-Active");
        let body = envelope(
            json!({"oldPolicyID": format!("rel-policy-{q}"), "newPolicyID": format!("rel-policy-{}", (q + 1) % 4)}),
        );
        let moved = c.call("PUT", &format!("{b}{PARTNERS}/{owner}/apikey/{key}/policies"), admin, Some(&body)).0;
        if off.ok().is_some() && matches!(&moved, Outcome::Refused(code) if code == "PMS_PMS_022") {
            refused += 1;
        }
        let _ = status(b, "Active");
    }
    let pass = refused == CYCLES;
    println!(
        "replicas: API key switched off on one partner-service replica, used (moved to another policy) on the other right after the answer: {refused}/{CYCLES} refused with PMS_PMS_022{}",
        if pass { "" } else { " FAIL" }
    );
    pass
}
