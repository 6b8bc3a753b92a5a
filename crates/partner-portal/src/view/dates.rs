//! The portal's one time format ("6 Dec 2026, 17:30 (UTC+03:00)", in the user's language and
//! time zone) and how far away an expiry is.

use chrono::{Datelike, NaiveDateTime, TimeDelta};
use maud::{Markup, html};

use crate::i18n::{current, t};

/// A time (UTC) as every page shows it: in the user's time zone, with the zone.
pub fn when(t: NaiveDateTime) -> String {
    let locale = current();
    locale.showed_time();
    let offset = locale.offset_minutes;
    let local = t + TimeDelta::minutes(i64::from(offset));
    t!(
        "date-time",
        day = local.day().to_string(),
        month = month_name(local.month()),
        year = local.year().to_string(),
        time = local.format("%H:%M").to_string(),
        zone = zone_label(offset),
    )
}

/// "UTC+03:00", "UTC-05:30".
pub fn zone_label(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
}

fn month_name(month: u32) -> String {
    match month {
        1 => t!("month-1"),
        2 => t!("month-2"),
        3 => t!("month-3"),
        4 => t!("month-4"),
        5 => t!("month-5"),
        6 => t!("month-6"),
        7 => t!("month-7"),
        8 => t!("month-8"),
        9 => t!("month-9"),
        10 => t!("month-10"),
        11 => t!("month-11"),
        _ => t!("month-12"),
    }
}

/// A MOSIP time text (`2026-12-06T14:30:00.000Z`, `…T14:30:00.000`, `…+00:00`) in the portal's
/// format; text that is not a time is shown as it is.
pub fn when_text(raw: &str) -> String {
    app_core::time::parse_mosip(raw)
        .or_else(|| NaiveDateTime::parse_from_str(raw.trim_end_matches('Z'), "%Y-%m-%dT%H:%M:%S%.f").ok())
        .or_else(|| chrono::DateTime::parse_from_rfc3339(raw).ok().map(|t| t.naive_utc()))
        .map_or_else(|| raw.to_owned(), when)
}

/// Whole days from `now` until `until` (negative once past).
fn days_left(until: NaiveDateTime, now: NaiveDateTime) -> i64 {
    (until - now).num_days()
}

/// "expired", "expires today", "expires in 1 day", "expires in N days".
pub fn expiry_words(until: NaiveDateTime, now: NaiveDateTime) -> String {
    if until <= now {
        return t!("expiry-expired");
    }
    t!("expiry-in-days", days = days_left(until, now))
}

/// An expiry date with how far away it is; within 30 days or past it is marked.
pub fn expiry(until: NaiveDateTime, now: NaiveDateTime) -> Markup {
    let soon = days_left(until, now) < 30;
    html! {
        (when(until)) br;
        small.expiry.soon[soon] { "(" (expiry_words(until, now)) ")" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, built_in, scope};

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn expiries_are_told_in_days() {
        let now = at("2026-12-06 10:00");
        assert_eq!(expiry_words(at("2026-12-06 09:59"), now), "expired");
        assert_eq!(expiry_words(at("2026-12-06 10:00"), now), "expired");
        assert_eq!(expiry_words(at("2026-12-06 22:00"), now), "expires today");
        assert_eq!(expiry_words(at("2026-12-07 10:00"), now), "expires in 1 day");
        assert_eq!(expiry_words(at("2026-12-16 11:00"), now), "expires in 10 days");
    }

    #[test]
    fn every_mosip_time_reads_the_same() {
        for raw in ["2026-12-06T14:30:00.000Z", "2026-12-06T14:30:00.000", "2026-12-06T14:30:00.000+00:00"] {
            assert_eq!(when_text(raw), "6 Dec 2026, 14:30 (UTC+00:00)", "{raw}");
        }
        assert_eq!(when_text("soon"), "soon");
    }

    #[actix_web::test]
    async fn times_are_in_the_users_zone_and_language() {
        let t = at("2026-12-31 22:30");
        let in_zone = |tag: &'static str, minutes| scope(Locale::new(built_in(), tag, minutes), async move { when(t) });
        assert_eq!(in_zone("en", 180).await, "1 Jan 2027, 01:30 (UTC+03:00)");
        assert_eq!(in_zone("en", -330).await, "31 Dec 2026, 17:00 (UTC-05:30)");
        assert_eq!(in_zone("fr", 60).await, "31 déc. 2026, 23:30 (UTC+01:00)");
        assert!(in_zone("ar", 0).await.contains("ديسمبر"));
    }
}
