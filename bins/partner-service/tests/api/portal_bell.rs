//! The notification bell (issue 18): the count of unseen notifications in every page's menu,
//! the notifications in words, and dismissing one.

use chrono::{Duration, Utc};

use crate::api_tests;
use crate::helpers::TestApp;
use crate::notifications::notice;
use crate::partner_fixtures::{active_partner, partner_token, world};
use crate::portal::Browser;

fn the_bell_counts_lists_and_dismisses(app: TestApp) {
    world(&app);
    active_partner(&app, "bell1");
    let expiry = (Utc::now().naive_utc() + Duration::days(12)).format("%Y-%m-%dT%H:%M:%S").to_string();
    notice(
        &app,
        "bn1",
        ("bell1", "PARTNER_CERT_EXPIRY", "ACTIVE"),
        ("cert-bell", "CN=Bell Issuer", "AUTH", &expiry),
        Utc::now().naive_utc() - Duration::hours(1),
    );
    let mut b = Browser::signed_in(&app, partner_token("bell1"));
    let home = b.get("/portal/");
    assert!(home.body.contains("id=\"bell\"") && home.body.contains("aria-label=\"1 unseen\""), "{}", home.body);
    let page = b.get("/portal/notifications");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("CN=bell1") && page.body.contains("expires in 11 days"), "{}", page.body);
    let csrf = b.csrf();
    let done = b.post("/portal/notifications/bn1/dismiss", &[("_csrf", &csrf)]);
    assert_eq!(done.status, 303);
    let after = b.get("/portal/notifications");
    assert!(
        after.body.contains("The notification is dismissed.") && after.body.contains("No notifications."),
        "{}",
        after.body
    );
    assert!(!b.get("/portal/").body.contains("unseen\""), "the bell is quiet");
    // another partner's notification cannot be dismissed: MOSIP's refusal, shown
    active_partner(&app, "bell2");
    let mut other = Browser::signed_in(&app, partner_token("bell2"));
    let ocsrf = other.csrf();
    other.post("/portal/notifications/bn1/dismiss", &[("_csrf", &ocsrf)]);
    let refused = other.get("/portal/notifications");
    assert!(refused.body.contains("PMS_NOTIFICATION_ERROR_0"), "{}", refused.body);
}

api_tests!(the_bell_counts_lists_and_dismisses);
