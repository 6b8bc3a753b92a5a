//! MOSIP's date-time formats.

use chrono::{DateTime, NaiveDateTime, Utc};

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

/// Parses the envelope format (and, leniently, RFC 3339 with an offset).
pub fn parse_mosip(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, MOSIP_FORMAT)
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.with_timezone(&Utc).naive_utc()))
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
        assert_eq!(
            parse_mosip("2024-05-01T12:20:30.123+02:00").map(mosip).as_deref(),
            Some("2024-05-01T10:20:30.123Z")
        );
    }
}
