//! Concurrent requests: approvals of one MISP issue exactly one key; registrations get distinct ids;
//! downloads of an expired key rotate it once.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

use serde_json::json;
use web_support::testing::{Answer, Client};

use crate::api_tests;
use crate::helpers::{MISPS, TestApp, admin, err, misp_user};

const THREADS: usize = 8;

/// Sends `THREADS` requests at once, each built by `make(i)`; returns the answers.
fn at_once(
    app: &TestApp,
    make: impl Fn(usize) -> (String, String, Option<serde_json::Value>, String) + Sync,
) -> Vec<Answer> {
    let barrier = Arc::new(Barrier::new(THREADS));
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|i| {
                let (barrier, make, port) = (barrier.clone(), &make, app.port);
                s.spawn(move || {
                    let client = Client::new(port);
                    let (method, path, body, token) = make(i);
                    barrier.wait();
                    match body {
                        Some(b) => client.send(&method, &path, Some(&token), &Client::envelope(b)),
                        None => client.get(&path, Some(&token)),
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn concurrent_approvals_issue_exactly_one_key(app: TestApp) {
    let id = app.register("u1", "Telecom");
    let answers = at_once(&app, |_| {
        ("PATCH".into(), format!("{MISPS}/{id}/status"), Some(json!({"mispStatus": "approved"})), admin())
    });
    let won: Vec<&Answer> = answers.iter().filter(|a| a.error_code().is_none()).collect();
    assert_eq!(won.len(), 1, "{answers:?}");
    assert!(answers.iter().filter(|a| a.error_code().is_some()).all(|a| err(a) == "PMS_MSP_404"), "{answers:?}");
    let states = app.key_states(&id);
    assert_eq!(states.len(), 1);
    assert_eq!(states[0].0, won[0].response()["mispLicenseKey"].as_str().unwrap());
    assert_eq!(app.audits("PMS_MSP_201").len(), 1);
    assert_eq!(app.audits("PMS_MSP_404").len(), THREADS - 1);
}

fn concurrent_registrations_get_distinct_ids(app: TestApp) {
    let answers = at_once(&app, |i| {
        let body =
            json!({"organizationName": format!("Org {i}"), "contactNumber": "1", "emailId": "a@b.co", "address": "x"});
        ("POST".into(), MISPS.into(), Some(body), misp_user(&format!("u{i}")))
    });
    let ids: BTreeSet<String> = answers
        .iter()
        .map(|a| a.response()["mispID"].as_str().unwrap_or_else(|| panic!("{}", a.body)).to_owned())
        .collect();
    let expected: BTreeSet<String> = (100..100 + THREADS).map(|i| i.to_string()).collect();
    assert_eq!(ids, expected);
}

fn concurrent_downloads_rotate_an_expired_key_once(app: TestApp) {
    let (id, old) = app.approved("u1", "Telecom");
    app.expire(&id, None);
    let answers = at_once(&app, |_| ("GET".into(), format!("{MISPS}/{id}/licenseKey"), None, misp_user("u1")));
    let keys: BTreeSet<String> = answers
        .iter()
        .map(|a| a.response()["licenseKey"].as_str().unwrap_or_else(|| panic!("{}", a.body)).to_owned())
        .collect();
    assert_eq!(keys.len(), 1, "every caller gets the same new key");
    assert!(!keys.contains(&old));
    assert_eq!(app.key_states(&id).len(), 2);
}

api_tests!(
    concurrent_approvals_issue_exactly_one_key,
    concurrent_registrations_get_distinct_ids,
    concurrent_downloads_rotate_an_expired_key_once,
);
