//! MOSIP's date-time formats.

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};

/// `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, the envelope's format.
pub const MOSIP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// A UTC time in the envelope format.
pub fn mosip(t: NaiveDateTime) -> String {
    t.format(MOSIP_FORMAT).to_string()
}

/// The current time in the envelope format.
pub fn mosip_now() -> String {
    mosip(now())
}

/// A time as Java's `LocalDateTime` serialises it by default (ISO, no zone, milliseconds).
pub fn local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}

/// Parses the envelope format (and, leniently, RFC 3339 with an offset). Years 1–9999 only, as
/// Java's `yyyy` reads them: chrono reads years to ±262143, which PostgreSQL cannot store.
pub fn parse_mosip(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, MOSIP_FORMAT)
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.with_timezone(&Utc).naive_utc()))
        .filter(|t| (1..=9999).contains(&t.year()))
}

/// Serde helpers for `NaiveDateTime` fields in MOSIP's formats.
pub mod serde_mosip {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::mosip(*t))
    }

    pub mod option {
        use chrono::NaiveDateTime;
        use serde::Serializer;

        pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&super::super::mosip(*t)),
                None => s.serialize_none(),
            }
        }
    }
}

/// Serde helpers for `NaiveDateTime` fields in Java `LocalDateTime` form.
pub mod serde_local {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::local(*t))
    }

    pub mod option {
        use chrono::NaiveDateTime;
        use serde::Serializer;

        pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&super::super::local(*t)),
                None => s.serialize_none(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
