//! Concurrent approvals of one policy request approve it once.

use diesel::prelude::*;
use persistence::schema::partner_policy;
use std::sync::Barrier;
use web_support::testing::Answer;

use super::{ask, decide, generate, mapping_key};
use crate::api_tests;
use crate::helpers::TestApp;
use crate::partner_fixtures::*;

fn concurrent_approvals_approve_once(app: TestApp) {
    world(&app);
    active_partner(&app, "race-1");
    let key = mapping_key(&ask(&app, "race-1", "auth policy").ok());
    const N: usize = 6;
    let barrier = Barrier::new(N);
    let answers: Vec<Answer> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    decide(&app, &key, "Approved")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won = answers.iter().filter(|a| a.error_code().is_none()).count();
    let lost = answers.iter().filter(|a| a.error_code() == Some("PMS_PM_034")).count();
    assert_eq!((won, lost), (1, N - 1), "{:?}", answers.iter().map(|a| &a.body).collect::<Vec<_>>());
    let approvals = audit_ids(&app, &key).iter().filter(|e| *e == "PMS_PRT_221").count();
    assert_eq!(approvals, 1, "one approval recorded");

    // keys with one label, at once: exactly one is made
    let answers: Vec<Answer> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    generate(&app, "race-1", "auth policy", "same")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let made = answers.iter().filter(|a| a.error_code().is_none()).count();
    let refused = answers.iter().filter(|a| a.error_code() == Some("PMS_PRT_110")).count();
    assert_eq!((made, refused), (1, N - 1), "{:?}", answers.iter().map(|a| &a.body).collect::<Vec<_>>());
    let stored: i64 =
        partner_policy::table.filter(partner_policy::part_id.eq("race-1")).count().get_result(&mut conn(&app)).unwrap();
    assert_eq!(stored, 1);
}

api_tests!(concurrent_approvals_approve_once);
