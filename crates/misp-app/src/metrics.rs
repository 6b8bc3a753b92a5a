//! The MISP service's own metric beside the request metrics: licence-key validations (E4)
//! by outcome, `misp_license_key_validations_total{outcome}`. The outcomes are a fixed set; no
//! MISP ids or keys in labels.

use app_core::{AppError, FailureKind};
use misp_domain::Verdict;

/// The counter's name.
pub const VALIDATIONS: &str = "misp_license_key_validations_total";

/// How a validation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidationOutcome {
    /// Answered `isValid: true`.
    Valid,
    /// Answered `isValid: false`: the key has expired.
    Expired,
    /// Answered `isValid: false`: the key is switched off.
    KeyInactive,
    /// Answered `isValid: false`: the key's MISP is deactivated (or gone).
    MispInactive,
    /// Answered `isValid: false`: the key's MISP is not approved.
    MispNotApproved,
    /// `PMS_MSP_406`: no such key.
    UnknownKey,
    /// `PMS_MSP_408`: the key belongs to another MISP.
    OtherMisp,
    /// 403: the caller may not validate this MISP's keys.
    Forbidden,
    /// Any other refusal of the request (`PMS_COR_001`: no key given).
    BadRequest,
    /// The service failed (5xx).
    Error,
}

impl ValidationOutcome {
    pub const ALL: [ValidationOutcome; 10] = [
        ValidationOutcome::Valid,
        ValidationOutcome::Expired,
        ValidationOutcome::KeyInactive,
        ValidationOutcome::MispInactive,
        ValidationOutcome::MispNotApproved,
        ValidationOutcome::UnknownKey,
        ValidationOutcome::OtherMisp,
        ValidationOutcome::Forbidden,
        ValidationOutcome::BadRequest,
        ValidationOutcome::Error,
    ];

    /// The label value.
    pub fn as_str(self) -> &'static str {
        match self {
            ValidationOutcome::Valid => "valid",
            ValidationOutcome::Expired => "expired",
            ValidationOutcome::KeyInactive => "key_inactive",
            ValidationOutcome::MispInactive => "misp_inactive",
            ValidationOutcome::MispNotApproved => "misp_not_approved",
            ValidationOutcome::UnknownKey => "unknown_key",
            ValidationOutcome::OtherMisp => "other_misp",
            ValidationOutcome::Forbidden => "forbidden",
            ValidationOutcome::BadRequest => "bad_request",
            ValidationOutcome::Error => "error",
        }
    }

    /// The outcome of a validation that answered `verdict`, or failed with `error`.
    pub fn of(result: Result<Verdict, &AppError>) -> Self {
        match result {
            Ok(Verdict::Valid) => ValidationOutcome::Valid,
            Ok(Verdict::Expired) => ValidationOutcome::Expired,
            Ok(Verdict::Inactive) => ValidationOutcome::KeyInactive,
            Ok(Verdict::HolderInactive) => ValidationOutcome::MispInactive,
            Ok(Verdict::HolderNotApproved) => ValidationOutcome::MispNotApproved,
            Err(e) if matches!(e.kind, FailureKind::Internal | FailureKind::Unavailable) => ValidationOutcome::Error,
            Err(e) if e.kind == FailureKind::Forbidden => ValidationOutcome::Forbidden,
            Err(e) => match e.code() {
                "PMS_MSP_406" => ValidationOutcome::UnknownKey,
                "PMS_MSP_408" => ValidationOutcome::OtherMisp,
                _ => ValidationOutcome::BadRequest,
            },
        }
    }
}

/// Counts one validation.
pub fn record_validation(outcome: ValidationOutcome) {
    metrics::counter!(VALIDATIONS, "outcome" => outcome.as_str()).increment(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_follow_the_verdict_or_the_error_code() {
        assert_eq!(ValidationOutcome::of(Ok(Verdict::Valid)), ValidationOutcome::Valid);
        assert_eq!(ValidationOutcome::of(Ok(Verdict::HolderNotApproved)), ValidationOutcome::MispNotApproved);
        let unknown = AppError::refused("PMS_MSP_406", "MISP License Key does not exists k");
        assert_eq!(ValidationOutcome::of(Err(&unknown)), ValidationOutcome::UnknownKey);
        let other = AppError::refused("PMS_MSP_408", "not associated");
        assert_eq!(ValidationOutcome::of(Err(&other)), ValidationOutcome::OtherMisp);
        assert_eq!(ValidationOutcome::of(Err(&AppError::forbidden())), ValidationOutcome::Forbidden);
        let blank = AppError::invalid_field("mispLicenseKey", "must not be blank");
        assert_eq!(ValidationOutcome::of(Err(&blank)), ValidationOutcome::BadRequest);
        assert_eq!(ValidationOutcome::of(Err(&AppError::internal("db"))), ValidationOutcome::Error);
        assert_eq!(ValidationOutcome::of(Err(&AppError::unavailable("pool"))), ValidationOutcome::Error);
    }

    #[test]
    fn label_values_are_distinct_and_fixed() {
        let labels: std::collections::BTreeSet<&str> = ValidationOutcome::ALL.iter().map(|o| o.as_str()).collect();
        assert_eq!(labels.len(), ValidationOutcome::ALL.len());
        assert!(labels.iter().all(|l| l.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
    }
}
