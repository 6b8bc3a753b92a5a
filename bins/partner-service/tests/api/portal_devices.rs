//! The portal's device pages: a device provider adds an SBI and a device, an admin approves
//! both after a confirmation, the provider adds the device to the SBI; an FTM provider adds a
//! chip, which an admin cannot approve before its certificate; menus and pages by role.

use chrono::{Duration, Utc};
use diesel::RunQueryDsl;

use crate::api_tests;
use crate::device_fixtures::*;
use crate::helpers::{TestApp, admin};
use crate::partner_fixtures::{audit_ids, conn, partner_token};
use crate::portal::Browser;

/// The value of the first `attr="…"` in `html`.
fn first_attr(html: &str, attr: &str) -> String {
    let start =
        html.find(&format!("{attr}=\"")).map(|i| i + attr.len() + 2).unwrap_or_else(|| panic!("{attr} in {html}"));
    html[start..].split('"').next().unwrap_or_default().to_owned()
}

fn a_device_provider_registers_an_sbi_and_a_device_and_maps_them_after_approval(app: TestApp) {
    device_world(&app);
    let mut dp = Browser::signed_in(&app, provider_token("dp1"));
    let home = dp.get("/portal/");
    assert!(
        home.body.contains("href=\"/portal/sbis\"") && home.body.contains("href=\"/portal/devices\""),
        "{}",
        home.body
    );
    assert!(!home.body.contains("/portal/ftm-chips") && !home.body.contains("/portal/admin/devices"));
    let empty = dp.get("/portal/sbis");
    assert_eq!(empty.status, 200);
    assert!(empty.body.contains("No secure biometric interfaces yet"), "{}", empty.body);
    let csrf = dp.csrf();
    let today = Utc::now().date_naive();
    let (created, expiry, tomorrow) =
        (today.to_string(), (today + Duration::days(365)).to_string(), (today + Duration::days(1)).to_string());
    let future = dp.post(
        "/portal/sbis",
        &[
            ("_csrf", &csrf),
            ("swVersion", "1.0.0"),
            ("swBinaryHash", "abc"),
            ("swCreateDateTime", &tomorrow),
            ("swExpiryDateTime", &expiry),
        ],
    );
    assert_eq!(future.status, 422);
    assert!(
        future.body.contains("PMS_AUT_514") && future.body.contains("1.0.0"),
        "the refusal and the typed form: {}",
        future.body
    );
    let blank = dp.post("/portal/sbis", &[("_csrf", &csrf), ("swVersion", "1.0.0"), ("swBinaryHash", "abc")]);
    assert!(blank.body.contains("PMS_COR_001") && blank.body.contains("aria-invalid"), "{}", blank.body);
    let added = dp.post(
        "/portal/sbis",
        &[
            ("_csrf", &csrf),
            ("swVersion", "1.0.0"),
            ("swBinaryHash", "abc"),
            ("swCreateDateTime", &created),
            ("swExpiryDateTime", &expiry),
        ],
    );
    assert_eq!(added.status, 303, "{}", added.body);
    let list = dp.get("/portal/sbis");
    assert!(list.body.contains("The SBI is added") && list.body.contains(">Pending<"), "{}", list.body);
    assert!(list.body.contains(&expiry), "{}", list.body);
    assert!(list.body.contains("You need an approved SBI and an approved device first"));
    let sbi_id = first_attr(&list.body, "data-sbi");

    let devices = dp.get("/portal/devices");
    assert!(devices.body.contains("value=\"Finger/Slap\"") && !devices.body.contains("Iris/Old"), "{}", devices.body);
    let device =
        [("_csrf", csrf.as_str()), ("deviceSubTypeCode", "Finger/Slap"), ("make", "Acme"), ("model", "Slap-1")];
    assert_eq!(dp.post("/portal/devices", &device).status, 303);
    let again = dp.post("/portal/devices", &device);
    assert!(again.status == 422 && again.body.contains("PMS_AUT_003"), "{}", again.body);
    let devices = dp.get("/portal/devices");
    assert!(devices.body.contains("Slap-1") && devices.body.contains(">Pending<"), "{}", devices.body);
    let device_id = first_attr(&devices.body, "data-device");

    // the admin: a provider cannot open the queues; the admin confirms, then decides
    assert_eq!(dp.get("/portal/admin/devices").status, 403);
    let mut adm = Browser::signed_in(&app, admin());
    let queues = adm.get("/portal/admin/devices");
    assert_eq!(queues.status, 200);
    assert!(queues.body.contains(&sbi_id) && queues.body.contains(&device_id), "{}", queues.body);
    let confirm = adm.get(&format!("/portal/admin/devices/sbi/{sbi_id}?decision=approve"));
    assert!(
        confirm.body.contains("Approve this secure biometric interface?") && confirm.body.contains("1.0.0"),
        "{}",
        confirm.body
    );
    assert_eq!(adm.get(&format!("/portal/admin/devices/partner/{sbi_id}?decision=approve")).status, 404);
    let admin_csrf = adm.csrf();
    let approve = [("_csrf", admin_csrf.as_str()), ("decision", "approve")];
    assert_eq!(adm.post(&format!("/portal/admin/devices/sbi/{sbi_id}"), &approve).status, 303);
    assert!(adm.get("/portal/admin/devices").body.contains("Approved: it can be used now."));
    assert_eq!(adm.post(&format!("/portal/admin/devices/device/{device_id}"), &approve).status, 303);
    let after = adm.get("/portal/admin/devices");
    assert!(after.body.contains("Approved: it can be used now.") && !after.body.contains(&sbi_id), "{}", after.body);

    // the provider adds the device to the SBI
    let list = dp.get("/portal/sbis");
    assert!(list.body.contains("Add the device") && list.body.contains("approved"), "{}", list.body);
    let map = [("_csrf", csrf.as_str()), ("sbiId", sbi_id.as_str()), ("deviceDetailId", device_id.as_str())];
    assert_eq!(dp.post("/portal/sbis/devices", &map).status, 303);
    assert!(dp.get("/portal/sbis").body.contains("The device is added to the SBI."));
    dp.post("/portal/sbis/devices", &map);
    assert!(dp.get("/portal/sbis").body.contains("Mapping already exists"));
    // the same operations as the API: the same audit records
    let audit = audit_ids(&app, &sbi_id);
    assert!(audit.iter().filter(|a| *a == "AUT-012").count() >= 3, "created, approved, mapped: {audit:?}");

    // another provider sees none of it; a partner of another type gets MOSIP's 403 page
    let mut dp2 = Browser::signed_in(&app, provider_token("dp2"));
    let theirs = dp2.get("/portal/sbis");
    assert!(theirs.body.contains("No secure biometric interfaces yet") && !theirs.body.contains(&sbi_id));
    let mut auth = Browser::signed_in(&app, partner_token("someauth"));
    let refused = auth.get("/portal/devices");
    assert!(refused.status == 403 && refused.body.contains("KER-ATH-403"), "{}", refused.body);
}

fn an_ftm_provider_adds_a_chip_that_waits_for_its_certificate(app: TestApp) {
    device_world(&app);
    let mut ftp = Browser::signed_in(&app, ftm_token("ftp1"));
    let home = ftp.get("/portal/");
    assert!(home.body.contains("href=\"/portal/ftm-chips\""), "{}", home.body);
    assert!(ftp.get("/portal/ftm-chips").body.contains("No FTM chips yet"));
    let csrf = ftp.csrf();
    let chip = [("_csrf", csrf.as_str()), ("make", "ChipMake"), ("model", "CM-1")];
    assert_eq!(ftp.post("/portal/ftm-chips", &chip).status, 303);
    let again = ftp.post("/portal/ftm-chips", &chip);
    assert!(again.status == 422 && again.body.contains("PMP_AUT_032"), "{}", again.body);
    let list = ftp.get("/portal/ftm-chips");
    assert!(
        list.body.contains("CM-1") && list.body.contains(">Certificate needed<") && list.body.contains("not uploaded")
    );
    assert!(list.body.contains("Upload the certificate"), "{}", list.body);
    let chip_id = first_attr(&list.body, "data-chip");
    let missing = ftp.get(&format!("/portal/ftm-chips/{chip_id}/certificate"));
    assert!(missing.body.contains("PMP_AUT_033"), "no certificate to download: {}", missing.body);

    // not in the queue until its certificate is uploaded; approving it now is refused
    let mut adm = Browser::signed_in(&app, admin());
    assert!(!adm.get("/portal/admin/devices").body.contains(&chip_id));
    let admin_csrf = adm.csrf();
    let path = format!("/portal/admin/devices/ftm-chip/{chip_id}");
    adm.post(&path, &[("_csrf", &admin_csrf), ("decision", "approve")]);
    assert!(adm.get("/portal/admin/devices").body.contains("PMP_AUT_033"));
    assert!(adm.get(&format!("{path}?decision=reject")).body.contains("Reject this FTM chip?"));
    adm.post(&path, &[("_csrf", &admin_csrf), ("decision", "reject")]);
    assert!(adm.get("/portal/admin/devices").body.contains("Rejected."));
    let list = ftp.get("/portal/ftm-chips");
    assert!(list.body.contains(">Rejected<") && !list.body.contains("Upload the certificate"), "{}", list.body);
    // a device provider has no FTM pages
    let mut dp = Browser::signed_in(&app, provider_token("dp1"));
    assert_eq!(dp.get("/portal/ftm-chips").status, 403);
}

/// A list or a choice that cannot be read is the page's error, never an empty list or a form
/// without its choices.
fn a_failed_device_read_is_an_error_not_an_empty_list(app: TestApp) {
    device_world(&app);
    for (from, to) in [
        ("secure_biometric_interface", "sbi_gone"),
        ("reg_device_sub_type", "sub_type_gone"),
        ("ftp_chip_detail", "chip_gone"),
    ] {
        diesel::sql_query(format!("ALTER TABLE {from} RENAME TO {to}")).execute(&mut conn(&app)).unwrap();
    }
    let mut dp = Browser::signed_in(&app, provider_token("dp1"));
    let sbis = dp.get("/portal/sbis");
    assert!(
        sbis.body.contains("id=\"errors\"") && !sbis.body.contains("No secure biometric interfaces yet"),
        "{}",
        sbis.body
    );
    let devices = dp.get("/portal/devices");
    assert!(
        devices.body.contains("id=\"errors\"") && !devices.body.contains("name=\"deviceSubTypeCode\""),
        "{}",
        devices.body
    );
    let chips = Browser::signed_in(&app, ftm_token("ftp1")).get("/portal/ftm-chips");
    assert!(chips.body.contains("id=\"errors\"") && !chips.body.contains("No FTM chips yet"), "{}", chips.body);
    let queues = Browser::signed_in(&app, admin()).get("/portal/admin/devices");
    assert!(queues.body.contains("id=\"errors\""), "{}", queues.body);
}

/// The approval queues page through what waits: 21 devices are a page of 20 and a page of one,
/// each queue's page kept in the address while another's turns.
fn an_approval_queue_pages_through_what_waits(app: TestApp) {
    device_world(&app);
    let mut dp = Browser::signed_in(&app, provider_token("dp1"));
    let csrf = dp.csrf();
    for i in 0..21 {
        let model = format!("Slap-{i}");
        let device =
            [("_csrf", csrf.as_str()), ("deviceSubTypeCode", "Finger/Slap"), ("make", "Acme"), ("model", &model)];
        assert_eq!(dp.post("/portal/devices", &device).status, 303);
    }
    let mut adm = Browser::signed_in(&app, admin());
    let rows = |body: &str| body.matches("<tr data-id=").count();
    let first = adm.get("/portal/admin/devices");
    assert_eq!(rows(&first.body), 20, "{}", first.body);
    assert!(first.body.contains("Page 1 of 2 · 21 in all"), "{}", first.body);
    assert!(first.body.contains(r#"href="/portal/admin/devices?devicePage=1" rel="next""#), "{}", first.body);
    let second = adm.get("/portal/admin/devices?devicePage=1&sbiPage=2");
    assert_eq!(rows(&second.body), 1, "{}", second.body);
    assert!(second.body.contains("Page 2 of 2 · 21 in all"), "{}", second.body);
    assert!(
        second.body.contains(r#"href="/portal/admin/devices?sbiPage=2&amp;devicePage=0" rel="prev""#),
        "{}",
        second.body
    );
    let bad = adm.get("/portal/admin/devices?devicePage=x");
    assert_eq!(rows(&bad.body), 20, "a page it cannot read is the first: {}", bad.body);
    let one_bad = adm.get("/portal/admin/devices?sbiPage=x&devicePage=1");
    assert_eq!(rows(&one_bad.body), 1, "another queue's bad page leaves this one's: {}", one_bad.body);
}

api_tests!(
    a_device_provider_registers_an_sbi_and_a_device_and_maps_them_after_approval,
    an_approval_queue_pages_through_what_waits,
    an_ftm_provider_adds_a_chip_that_waits_for_its_certificate,
    a_failed_device_read_is_an_error_not_an_empty_list
);
