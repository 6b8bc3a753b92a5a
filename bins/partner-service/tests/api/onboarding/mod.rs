//! Self-service onboarding: sign-up → OTP (file drop and a real SMTP conversation) → verify →
//! login → the token at work; and every way it refuses.

mod admins;
mod duplicates;
mod login;
mod otp;
mod otp_guesses;
mod refusals;
mod signup;

use diesel::prelude::*;
use persistence::repo::audit::{AuditFilter, AuditRow};
use persistence::repo::onboarding::SignupRow;
use persistence::schema::{onboarding_signup, partner};
use persistence::testing::fixtures::GroupFixture;
use persistence::{DbPool, PoolOptions, repo};
use serde_json::{Value, json};
use std::path::Path;
use web_support::testing::{Answer, Client};

use crate::helpers::TestApp;

const OTP: &str = "/v1/partnermanager/onboarding/otp";

const VERIFY: &str = "/v1/partnermanager/onboarding/verify";

const LOGIN: &str = "/v1/partnermanager/auth/login";

const PASSWORD: &str = "Blue-Harbour-42";

fn signup(id: &str, org: &str, email: &str, partner_type: &str) -> Value {
    json!({
        "partnerId": id,
        "organizationName": org,
        "emailId": email,
        "partnerType": partner_type,
        "contactNumber": "+4412345678",
        "address": "1 Harbour Road",
    })
}

fn post(c: &Client, path: &str, request: Value) -> Answer {
    c.send("POST", path, None, &Client::envelope(request))
}

fn pool(app: &TestApp) -> DbPool {
    DbPool::open(&app.db.url, &PoolOptions::default()).unwrap()
}

/// The six digits after "code is " in a message.
fn otp_in(message: &str) -> String {
    let at = message.find("code is ").unwrap_or_else(|| panic!("no OTP in {message}")) + "code is ".len();
    let otp: String = message[at..].chars().take(6).collect();
    assert!(otp.len() == 6 && otp.bytes().all(|b| b.is_ascii_digit()), "{message}");
    otp
}

/// The `.eml` files of the file drop, oldest first.
fn dropped(data_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(data_dir.join("mail")) else { return Vec::new() };
    let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    assert!(files.iter().all(|f| f.extension().is_some_and(|x| x == "eml")), "{files:?}");
    files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
}

fn last_dropped_otp(app: &TestApp) -> String {
    otp_in(dropped(app.data_dir()).last().expect("a dropped mail"))
}

/// Asks for an OTP; answers the registration id and the OTP read from the file drop.
fn request_otp(app: &TestApp, request: Value) -> (String, String) {
    let a = post(&app.client, OTP, request).ok();
    let reg = a.response()["registrationId"].as_str().unwrap().to_owned();
    (reg, last_dropped_otp(app))
}

fn verify(c: &Client, reg: &str, otp: &str, password: &str) -> Answer {
    post(c, VERIFY, json!({"registrationId": reg, "otp": otp, "password": password}))
}

fn login(c: &Client, user: &str, password: &str) -> Answer {
    post(c, LOGIN, json!({"userName": user, "password": password}))
}

/// Audit records, oldest first, as `(event id, error code, ref id)`.
fn audits(app: &TestApp) -> Vec<(String, Option<String>, String)> {
    let mut conn = pool(app).get().unwrap();
    let (rows, _) = repo::audit::search(&mut conn, &AuditFilter::default(), repo::Paging::exact(0, 1000)).unwrap();
    rows.into_iter().rev().map(|r: AuditRow| (r.event_id, r.error_code, r.ref_id)).collect()
}

fn events(app: &TestApp) -> Vec<(String, Option<String>)> {
    audits(app).into_iter().map(|(e, c, _)| (e, c)).collect()
}

fn ev(id: &str, code: Option<&str>) -> (String, Option<String>) {
    (id.to_owned(), code.map(str::to_owned))
}

fn signup_row(app: &TestApp, email: &str) -> Option<SignupRow> {
    repo::onboarding::find_by_email(&mut pool(app).get().unwrap(), email).unwrap()
}

fn partners(app: &TestApp) -> i64 {
    partner::table.count().get_result(&mut pool(app).get().unwrap()).unwrap()
}

fn accounts(app: &TestApp) -> i64 {
    persistence::schema::local_account::table.count().get_result(&mut pool(app).get().unwrap()).unwrap()
}

fn add_policy_group(app: &TestApp, name: &str, active: bool) {
    GroupFixture { active, ..GroupFixture::new(format!("pg-{name}"), name) }
        .insert(&mut pool(app).get().unwrap())
        .unwrap();
}

fn expire(app: &TestApp, reg: &str) {
    let past = chrono::Utc::now().naive_utc() - chrono::Duration::seconds(1);
    diesel::update(onboarding_signup::table.filter(onboarding_signup::registration_id.eq(reg)))
        .set(onboarding_signup::otp_expires_dtimes.eq(past))
        .execute(&mut pool(app).get().unwrap())
        .unwrap();
}

/// Lets the next OTP to `email` go out at once (as if the resend interval had passed).
fn forget_last_send(app: &TestApp, email: &str) {
    let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(2);
    diesel::update(onboarding_signup::table.filter(onboarding_signup::email_key.eq(email)))
        .set(onboarding_signup::last_sent_dtimes.eq(long_ago))
        .execute(&mut pool(app).get().unwrap())
        .unwrap();
}
