//! E5 activation and deactivation of a MISP.

use serde_json::json;

use crate::api_tests;
use crate::helpers::MISPS;
use crate::helpers::TestApp;
use crate::helpers::admin;
use crate::helpers::err;
use crate::helpers::message;

fn activation_brings_back_only_the_keys_its_deactivation_switched_off(app: TestApp) {
    let (id, first) = app.approved("u1", "Telecom");
    app.switch_misp(&id, "de-active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), false)]);
    assert_eq!(app.misp(&id)["misp"]["isActive"], false);
    app.switch_misp(&id, "active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), true)], "suspended key resumes");

    // a key switched off by hand stays off through deactivation and activation
    app.switch_key(&id, &first, "de-active").ok();
    app.switch_misp(&id, "de-active").ok();
    app.switch_misp(&id, "active").ok();
    assert_eq!(app.key_states(&id), [(first.clone(), false)]);

    // keys a rejection retired stay off as well; the re-approval's key comes back
    app.switch_key(&id, &first, "active").ok();
    app.decide(&id, "rejected").ok();
    let second = app.decide(&id, "approved").ok().response()["mispLicenseKey"].as_str().unwrap().to_owned();
    app.switch_misp(&id, "de-active").ok();
    app.switch_misp(&id, "active").ok();
    let on: Vec<String> = app.key_states(&id).into_iter().filter(|(_, a)| *a).map(|(k, _)| k).collect();
    assert_eq!(on, std::slice::from_ref(&second));

    // a suspended key that expired meanwhile stays off
    app.switch_misp(&id, "de-active").ok();
    app.expire(&id, Some(&second));
    app.switch_misp(&id, "active").ok();
    assert!(app.key_states(&id).iter().all(|(_, active)| !active));

    // same-state requests are accepted; bad ones are 407; unknown MISPs 005
    app.switch_misp(&id, "active").ok();
    let a = app.switch_misp(&id, "inactive");
    assert_eq!((err(&a).as_str(), message(&a).as_str()), ("PMS_MSP_407", "mispStatus either Active or De-active."));
    assert_eq!(err(&app.call("PATCH", &format!("{MISPS}/{id}"), &admin(), Some(json!({})))), "PMS_MSP_407");
    assert_eq!(err(&app.switch_misp("999", "active")), "PMS_MSP_005");

    let r = app.audits("PMS_MSP_407");
    assert_eq!((r.len(), r[0].ref_id.as_str()), (2, id.as_str()));
    // 112 → 211 → 106 → 113 → 205 per successful switch
    let switches = 9;
    assert_eq!(app.audits("PMS_MSP_112").len(), switches + 3);
    assert_eq!(app.audits("PMS_MSP_211").len(), switches);
    assert_eq!(app.audits("PMS_MSP_113").len(), switches);
    assert_eq!(app.audits("PMS_MSP_205").len(), switches);
    assert_eq!(app.audits("PMS_MSP_113")[0].ref_id, id);
}

api_tests!(activation_brings_back_only_the_keys_its_deactivation_switched_off);
