//! Policy-mapping requests (`partner_policy_request`): a partner asks to use a policy (P12), an
//! admin approves or rejects it (M4). Status codes as MOSIP stores them: `InProgress`,
//! `approved`, `rejected` (read case-insensitively: MOSIP's default data has `Approved`).

use chrono::NaiveDateTime;

use crate::PartnerError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestStatus {
    InProgress,
    Approved,
    Rejected,
    /// A value MOSIP never writes (kept as stored).
    Other(String),
}

impl RequestStatus {
    pub fn of(stored: &str) -> Self {
        if stored.eq_ignore_ascii_case("InProgress") {
            RequestStatus::InProgress
        } else if stored.eq_ignore_ascii_case("approved") {
            RequestStatus::Approved
        } else if stored.eq_ignore_ascii_case("rejected") {
            RequestStatus::Rejected
        } else {
            RequestStatus::Other(stored.to_owned())
        }
    }

    pub fn as_stored(&self) -> &str {
        match self {
            RequestStatus::InProgress => "InProgress",
            RequestStatus::Approved => "approved",
            RequestStatus::Rejected => "rejected",
            RequestStatus::Other(s) => s,
        }
    }
}

/// A partner may ask again for a policy unless a request is pending (`PMS_PRT_053`) or approved
/// (`PMS_PRT_060`); rejected requests do not count.
pub fn check_new_request(existing: &[RequestStatus]) -> Result<(), PartnerError> {
    if existing.contains(&RequestStatus::InProgress) {
        return Err(PartnerError::RequestPending);
    }
    if existing.contains(&RequestStatus::Approved) {
        return Err(PartnerError::RequestAlreadyApprovedForPartner);
    }
    Ok(())
}

/// A new request, pending review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPolicyRequest {
    pub id: String,
    pub partner_id: String,
    pub policy_id: String,
    pub request_detail: String,
    pub status: RequestStatus,
    pub cr_by: String,
    pub at: NaiveDateTime,
}

impl NewPolicyRequest {
    pub fn new(id: String, partner_id: &str, policy_id: &str, detail: &str, actor: &str, now: NaiveDateTime) -> Self {
        NewPolicyRequest {
            id,
            partner_id: partner_id.to_owned(),
            policy_id: policy_id.to_owned(),
            request_detail: detail.to_owned(),
            status: RequestStatus::InProgress,
            cr_by: actor.to_owned(),
            at: now,
        }
    }
}

pub const REQUEST_SUBMITTED: &str = "Policy mapping request submitted successfully.";

/// An admin's decision on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    /// `Approved` / `Rejected`, in any case (`PMS_PM_045` otherwise).
    pub fn parse(status: &str) -> Result<Self, PartnerError> {
        if status.eq_ignore_ascii_case("approved") {
            Ok(Decision::Approve)
        } else if status.eq_ignore_ascii_case("rejected") {
            Ok(Decision::Reject)
        } else {
            Err(PartnerError::InvalidReviewStatus)
        }
    }

    pub fn status(self) -> RequestStatus {
        match self {
            Decision::Approve => RequestStatus::Approved,
            Decision::Reject => RequestStatus::Rejected,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Decision::Approve => "Policy mapping approved successfully",
            Decision::Reject => "Policy mapping rejected successfully",
        }
    }
}

/// Reviewing a request: decided requests stay decided (`PMS_PM_034` / `PMS_PM_035`), then the
/// decision must be `Approved` or `Rejected` (`PMS_PM_045`).
pub fn review(current: &RequestStatus, decision: &str) -> Result<Decision, PartnerError> {
    match current {
        RequestStatus::Approved => Err(PartnerError::RequestAlreadyApproved),
        RequestStatus::Rejected => Err(PartnerError::RequestAlreadyRejected),
        _ => Decision::parse(decision),
    }
}

/// Partners of some types (Credential, Online verification) must register biometric extractors
/// for the policy before it is approved (`PMS_PM_051`). `has_extractors` is asked only of those.
pub fn check_extractors_for_approval<E: From<PartnerError>>(
    partner_type: &str,
    types_needing_extractors: &[String],
    has_extractors: impl FnOnce() -> Result<bool, E>,
) -> Result<(), E> {
    let needed = types_needing_extractors.iter().any(|t| t.eq_ignore_ascii_case(partner_type));
    if needed && !has_extractors()? {
        return Err(PartnerError::ExtractorsMissing.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_statuses_read_case_insensitively() {
        assert_eq!(RequestStatus::of("Approved"), RequestStatus::Approved);
        assert_eq!(RequestStatus::of("inprogress"), RequestStatus::InProgress);
        assert_eq!(RequestStatus::of("REJECTED").as_stored(), "rejected");
        assert_eq!(RequestStatus::of("odd").as_stored(), "odd");
    }

    #[test]
    fn one_open_or_approved_request_per_policy() {
        assert_eq!(check_new_request(&[]), Ok(()));
        assert_eq!(check_new_request(&[RequestStatus::Rejected]), Ok(()));
        assert_eq!(
            check_new_request(&[RequestStatus::Rejected, RequestStatus::InProgress]).unwrap_err().code(),
            "PMS_PRT_053"
        );
        assert_eq!(check_new_request(&[RequestStatus::Approved]).unwrap_err().code(), "PMS_PRT_060");
        let r = NewPolicyRequest::new("id".into(), "p", "pol", "why", "me", crate::policy::tests::now());
        assert_eq!(r.status, RequestStatus::InProgress);
    }

    #[test]
    fn reviews_decide_once() {
        assert_eq!(review(&RequestStatus::InProgress, "Approved"), Ok(Decision::Approve));
        assert_eq!(review(&RequestStatus::InProgress, "rejected"), Ok(Decision::Reject));
        assert_eq!(review(&RequestStatus::InProgress, "maybe").unwrap_err().code(), "PMS_PM_045");
        assert_eq!(review(&RequestStatus::Approved, "rejected").unwrap_err().code(), "PMS_PM_034");
        assert_eq!(review(&RequestStatus::Rejected, "Approved").unwrap_err().code(), "PMS_PM_035");
        assert_eq!(Decision::Approve.status().as_stored(), "approved");
        assert_eq!(Decision::Reject.message(), "Policy mapping rejected successfully");
    }

    #[test]
    fn extractors_before_approval_for_some_types() {
        let types = vec!["Credential_Partner".to_owned(), "Online_Verification_Partner".to_owned()];
        let check = |partner_type: &str, has: bool| {
            let mut asked = false;
            let outcome = check_extractors_for_approval::<PartnerError>(partner_type, &types, || {
                asked = true;
                Ok(has)
            });
            (outcome.map_err(|e| e.code()), asked)
        };
        assert_eq!(check("credential_partner", false), (Err("PMS_PM_051"), true));
        assert_eq!(check("Credential_Partner", true), (Ok(()), true));
        assert_eq!(check("Auth_Partner", false), (Ok(()), false), "other types are not asked");
    }
}
