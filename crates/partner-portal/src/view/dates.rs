//! The portal's one time format ("2026-12-06 14:30 UTC") and how far away an expiry is.

use chrono::NaiveDateTime;
use maud::{Markup, html};

/// A time as every page shows it.
pub fn when(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
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
        return "expired".into();
    }
    match days_left(until, now) {
        0 => "expires today".into(),
        1 => "expires in 1 day".into(),
        n => format!("expires in {n} days"),
    }
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

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
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
            assert_eq!(when_text(raw), "2026-12-06 14:30 UTC", "{raw}");
        }
        assert_eq!(when_text("soon"), "soon");
    }
}
