//! The value formats of MOSIP's `dml` files, as PostgreSQL reads them.

use chrono::{NaiveDate, NaiveDateTime};

/// A timestamp column: `now()` (the import time), ISO dates with or without time and fraction,
/// optionally in single quotes (`'2028-12-16 12:30:14.183'`), and PostgreSQL's default `MDY`
/// form `12-01-2025 05:31` (month first, as `DateStyle = ISO, MDY` reads it).
pub fn timestamp(text: &str, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let t = text.trim();
    let t = t.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')).unwrap_or(t).trim();
    let lower = t.to_ascii_lowercase();
    if matches!(lower.as_str(), "now()" | "now" | "current_timestamp" | "localtimestamp" | "current_timestamp()") {
        return Some(now);
    }
    const WITH_TIME: &[&str] = &[
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%m-%d-%Y %H:%M:%S%.f",
        "%m-%d-%Y %H:%M",
        "%m/%d/%Y %H:%M:%S%.f",
        "%m/%d/%Y %H:%M",
    ];
    for f in WITH_TIME {
        if let Ok(v) = NaiveDateTime::parse_from_str(t, f) {
            return Some(v);
        }
    }
    if let Ok(v) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(v.naive_utc());
    }
    // An offset PostgreSQL would accept: `2024-01-02 03:04:05+00`.
    for f in ["%Y-%m-%d %H:%M:%S%.f%#z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(v) = chrono::DateTime::parse_from_str(t, f) {
            return Some(v.naive_utc());
        }
    }
    for f in ["%Y-%m-%d", "%m-%d-%Y", "%m/%d/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return d.and_hms_opt(0, 0, 0);
        }
    }
    None
}

/// A boolean as PostgreSQL accepts it (`TRUE`, `f`, `yes`, `0`, …).
pub fn boolean(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "t" | "true" | "y" | "yes" | "on" | "1" => Some(true),
        "f" | "false" | "n" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32, ms: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, mo, d).and_then(|d| d.and_hms_milli_opt(h, mi, s, ms)).unwrap_or_default()
    }

    #[test]
    fn mosip_date_forms() {
        let now = at(2026, 11, 26, 10, 0, 0, 0);
        assert_eq!(timestamp("now()", now), Some(now));
        assert_eq!(timestamp(" NOW() ", now), Some(now));
        assert_eq!(timestamp("'2028-12-16 12:30:14.183'", now), Some(at(2028, 12, 16, 12, 30, 14, 183)));
        assert_eq!(timestamp("2022-09-20 09:00:54.316627", now).map(|t| t.and_utc().timestamp()), Some(1_663_664_454));
        assert_eq!(timestamp("2025-04-28 09:37:00", now), Some(at(2025, 4, 28, 9, 37, 0, 0)));
        assert_eq!(timestamp("12-01-2025 05:31", now), Some(at(2025, 12, 1, 5, 31, 0, 0)));
        assert_eq!(timestamp("2024-05-01T10:20:30.123Z", now), Some(at(2024, 5, 1, 10, 20, 30, 123)));
        assert_eq!(timestamp("2024-05-01", now), Some(at(2024, 5, 1, 0, 0, 0, 0)));
        assert_eq!(timestamp("2024-05-01 12:00:00+02", now), Some(at(2024, 5, 1, 10, 0, 0, 0)));
        assert_eq!(timestamp("yesterday", now), None);
        assert_eq!(timestamp("31-12-2025 05:31", now), None);
    }

    #[test]
    fn booleans() {
        for t in ["TRUE", "true", "t", "Y", "yes", "1", "on"] {
            assert_eq!(boolean(t), Some(true), "{t}");
        }
        for f in ["FALSE", "f", "no", "0", "off"] {
            assert_eq!(boolean(f), Some(false), "{f}");
        }
        assert_eq!(boolean("maybe"), None);
    }
}
