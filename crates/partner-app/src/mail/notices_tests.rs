//! The change e-mails are queued with the change, once per real change, and sent from the
//! partner's template.

use diesel::prelude::*;
use persistence::schema::mail_outbox;

use crate::PartnerConfig;
use crate::admin::activation;
use crate::api_keys::{GenerateBody, KeyStatusBody, generate, status};
use crate::dto::StatusBody;
use crate::requests::fixtures::{admin, approved, insert_partner, user, world};

/// (to, template, status) of every queued e-mail, oldest first.
fn queued(w: &crate::requests::fixtures::World) -> Vec<(String, String, String)> {
    let conn = &mut w.store.pool().get().unwrap();
    let rows: Vec<(String, String, String)> = mail_outbox::table
        .order((mail_outbox::cr_dtimes.asc(), mail_outbox::id.asc()))
        .select((mail_outbox::mail_to, mail_outbox::template, mail_outbox::vars_json))
        .load(conn)
        .unwrap();
    rows.into_iter()
        .map(|(to, t, vars)| {
            let v: serde_json::Value = serde_json::from_str(&vars).unwrap();
            (to, t, v["status"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

fn row(to: &str, template: &str, status: &str) -> (String, String, String) {
    (to.into(), template.into(), status.into())
}

#[test]
fn an_activation_change_is_mailed_once_and_a_refused_or_unchanged_one_not() {
    let w = world();
    insert_partner(&mut w.store.pool().get().unwrap(), "p1", "Auth_Partner", true);
    let switch = |to: &str| {
        activation(&w.store, &admin(), &PartnerConfig::default(), "p1", StatusBody { status: Some(to.into()) })
    };
    switch("De-active").unwrap();
    switch("De-active").unwrap();
    assert!(switch("bogus").is_err());
    assert_eq!(queued(&w), [row("p1@example.org", "partner_status", "DEACTIVE")]);
}

#[test]
fn an_api_key_status_change_is_mailed_once() {
    let w = world();
    approved(&w, "tech", "auth policy");
    let cfg = PartnerConfig::default();
    let body = GenerateBody { policy_name: Some("auth policy".into()), label: Some("k".into()) };
    generate(&w.store, &user("tech"), &cfg, "tech", body).unwrap();
    let set = |to: &str| {
        let body = KeyStatusBody { label: Some("k".into()), status: Some(to.into()) };
        status(&w.store, &user("tech"), "tech", "p-auth", body)
    };
    set("De-Active").unwrap();
    assert!(set("De-Active").is_err());
    let rows = queued(&w);
    assert_eq!(rows.last(), Some(&row("tech@example.org", "apikey_status", "DEACTIVE")));
    assert_eq!(rows.iter().filter(|r| r.1 == "apikey_status").count(), 1);
}
