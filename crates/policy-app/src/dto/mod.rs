//! The policy manager's requests and answers, with MOSIP's field names (Java getter names, so
//! `is_Active`, `cr_by`, `policyGroup_cr_by` are literal) and date formats: `LocalDateTime`
//! fields without a zone, `Timestamp` fields with `+00:00`.

mod groups;
mod policies;
mod requests;

use chrono::NaiveDateTime;
pub use groups::{GroupDto, GroupEntity, GroupWithPoliciesDto, PolicyInGroupDto};
pub use policies::{ActivePolicyDto, ConfigDto, PolicyCreatedDto, PolicySearchItem, PolicyWithGroupDto, StatusDto};
pub use requests::{GroupRequest, PolicyBody, PolicyFilterBody, PolicySearchBody, StatusBody};

/// A time as Java's `LocalDateTime` serialises it by default (ISO, no zone, milliseconds).
fn local(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}

fn local_opt(t: Option<NaiveDateTime>) -> Option<String> {
    t.map(local)
}

/// A `java.sql.Timestamp` as Spring Boot's Jackson writes it.
fn stamp(t: NaiveDateTime) -> String {
    format!("{}+00:00", local(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_mosip_writes_them() {
        let t = chrono::DateTime::from_timestamp(1_700_000_000, 5_000_000).map(|d| d.naive_utc()).unwrap_or_default();
        assert_eq!(local(t), "2023-11-14T22:13:20.005");
        assert_eq!(stamp(t), "2023-11-14T22:13:20.005+00:00");
        assert_eq!(local_opt(None), None);
    }
}
