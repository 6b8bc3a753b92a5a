//! MOSIP's date-time renderings (all times UTC), and serde helpers for `NaiveDateTime` fields in
//! them: `#[serde(serialize_with = "app_core::time::serde_mosip::serialize")]`, or
//! `serde_mosip::option::serialize` for an `Option` (`null` when absent).

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};
use serde::Serializer;

/// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, the envelope's format.
pub const MOSIP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";
/// Java's `LocalDateTime` as MOSIP's services render it by default: ISO, no zone, milliseconds.
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3f";

/// A time in the envelope format.
pub fn mosip(t: NaiveDateTime) -> String {
    t.format(MOSIP_FORMAT).to_string()
}

/// A time as Java's `LocalDateTime` serialises it by default (ISO, no zone, milliseconds).
pub fn local(t: NaiveDateTime) -> String {
    t.format(LOCAL_FORMAT).to_string()
}

/// A `java.sql.Timestamp` as Spring Boot's Jackson writes it: [`local`] with `+00:00`.
pub fn stamp(t: NaiveDateTime) -> String {
    format!("{}+00:00", local(t))
}

/// Java `LocalDateTime.toString()`: `yyyy-MM-ddTHH:mm`, then `:ss` unless seconds and fraction are
/// zero, then the fraction in 3, 6 or 9 digits when not zero.
pub fn java_to_string(t: NaiveDateTime) -> String {
    let nanos = t.nanosecond() % 1_000_000_000;
    let mut s = t.format("%Y-%m-%dT%H:%M").to_string();
    if t.second() != 0 || nanos != 0 {
        s.push_str(&t.format(":%S").to_string());
    }
    if nanos != 0 {
        let nine = format!("{nanos:09}");
        let digits = if nine.ends_with("000000") {
            3
        } else if nine.ends_with("000") {
            6
        } else {
            9
        };
        s.push('.');
        s.push_str(&nine[..digits]);
    }
    s
}

/// Jackson's `LocalDateTime` (ISO_LOCAL_DATE_TIME): seconds always, the fraction without
/// trailing zeros, e.g. `2020-05-15T16:08:33.767993`.
pub fn jackson(t: NaiveDateTime) -> String {
    let nanos = t.nanosecond() % 1_000_000_000;
    let mut s = t.format("%Y-%m-%dT%H:%M:%S").to_string();
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        s.push('.');
        s.push_str(fraction.trim_end_matches('0'));
    }
    s
}

/// Parses the envelope format (and, leniently, RFC 3339 with an offset). Years 1–9999 only, as
/// Java's `yyyy` reads them: chrono reads years to ±262143, which PostgreSQL cannot store.
pub fn parse_mosip(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, MOSIP_FORMAT)
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.with_timezone(&Utc).naive_utc()))
        .filter(|t| (1..=9999).contains(&t.year()))
}

fn serialize_as<S: Serializer>(
    t: Option<&NaiveDateTime>,
    render: fn(NaiveDateTime) -> String,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&render(*t)),
        None => s.serialize_none(),
    }
}

/// A serde helper module for `NaiveDateTime` fields rendered by `$render`, with `option` for
/// `Option<NaiveDateTime>` fields.
macro_rules! serde_module {
    ($(#[$doc:meta])* $name:ident, $render:path) => {
        $(#[$doc])*
        pub mod $name {
            use chrono::NaiveDateTime;
            use serde::Serializer;

            pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
                super::serialize_as(Some(t), $render, s)
            }

            /// The same for an optional field (`null` when absent).
            pub mod option {
                use chrono::NaiveDateTime;
                use serde::Serializer;

                pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
                    super::super::serialize_as(t.as_ref(), $render, s)
                }
            }
        }
    };
}

serde_module!(
    /// Fields in the envelope format ([`mosip`]).
    serde_mosip,
    crate::time::mosip
);
serde_module!(
    /// Fields in Java's `LocalDateTime` form ([`local`]).
    serde_local,
    crate::time::local
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, reason = "tests fail loudly")]

    use super::*;

    fn at(secs: i64, nanos: u32) -> NaiveDateTime {
        DateTime::from_timestamp(secs, nanos).map(|d| d.naive_utc()).unwrap()
    }

    #[test]
    fn formats_round_trip() {
        let t = parse_mosip("2024-05-01T10:20:30.123Z").unwrap_or_default();
        assert_eq!(mosip(t), "2024-05-01T10:20:30.123Z");
        assert_eq!(local(t), "2024-05-01T10:20:30.123");
        assert!(parse_mosip("2024-05-01 10:20").is_none());
        // found by probing the audit log on PostgreSQL: such years failed the query (500)
        assert!(parse_mosip("-100000-01-01T00:00:00.000Z").is_none());
        assert!(parse_mosip("+10000-01-01T00:00:00.000Z").is_none());
        assert!(parse_mosip("9999-12-31T23:59:59.999Z").is_some());
        assert_eq!(
            parse_mosip("2024-05-01T12:20:30.123+02:00").map(mosip).as_deref(),
            Some("2024-05-01T10:20:30.123Z")
        );
    }

    #[test]
    fn times_are_written_as_mosip_writes_them() {
        let t = at(1_700_000_000, 5_000_000);
        assert_eq!(local(t), "2023-11-14T22:13:20.005");
        assert_eq!(stamp(t), "2023-11-14T22:13:20.005+00:00");
    }

    fn parsed(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn java_to_string_uses_3_6_or_9_fraction_digits() {
        assert_eq!(java_to_string(parsed("2020-05-15 16:08:33.767993400")), "2020-05-15T16:08:33.767993400");
        assert_eq!(java_to_string(parsed("2020-05-15 16:08:33.767993")), "2020-05-15T16:08:33.767993");
        assert_eq!(java_to_string(parsed("2020-05-15 16:08:33.760")), "2020-05-15T16:08:33.760");
        assert_eq!(java_to_string(parsed("2020-05-15 16:08:33")), "2020-05-15T16:08:33");
        assert_eq!(java_to_string(parsed("2020-05-15 16:08:00")), "2020-05-15T16:08");
    }

    #[test]
    fn jackson_trims_the_fraction_and_keeps_seconds() {
        assert_eq!(jackson(parsed("2020-05-15 16:08:33.767993")), "2020-05-15T16:08:33.767993");
        assert_eq!(jackson(parsed("2020-05-15 16:08:33.760")), "2020-05-15T16:08:33.76");
        assert_eq!(jackson(parsed("2020-05-15 16:08:00")), "2020-05-15T16:08:00");
    }

    #[test]
    fn serde_helpers_render_and_write_null() {
        #[derive(serde::Serialize)]
        struct Times {
            #[serde(serialize_with = "serde_mosip::serialize")]
            at: NaiveDateTime,
            #[serde(serialize_with = "serde_local::option::serialize")]
            until: Option<NaiveDateTime>,
            #[serde(serialize_with = "serde_mosip::option::serialize")]
            none: Option<NaiveDateTime>,
        }
        let t = at(1_700_000_000, 5_000_000);
        let json = serde_json::to_value(Times { at: t, until: Some(t), none: None }).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"at": "2023-11-14T22:13:20.005Z", "until": "2023-11-14T22:13:20.005", "none": null})
        );
    }
}
