//! Approval statuses (MOSIP's `CommonConstant`) and the admin's decision words.

use crate::error::DeviceError;

pub const PENDING_APPROVAL: &str = "pending_approval";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";
/// An FTM chip before its certificate is uploaded.
pub const PENDING_CERT_UPLOAD: &str = "pending_cert_upload";

/// What a `PATCH` approval asks for: `Activate` or `De-activate` (exact, as MOSIP compares).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
}

impl Decision {
    /// The decision `word` names, or `refusal` (each resource has its own code for a bad word).
    pub fn parse(word: &str, refusal: DeviceError) -> Result<Decision, DeviceError> {
        match word {
            "Activate" => Ok(Decision::Approve),
            "De-activate" => Ok(Decision::Reject),
            _ => Err(refusal),
        }
    }

    /// The status and activity the decision leaves.
    pub fn outcome(self) -> (&'static str, bool) {
        match self {
            Decision::Approve => (APPROVED, true),
            Decision::Reject => (REJECTED, false),
        }
    }

    /// The approved/rejected choice of an FTM chip (`approvalStatus: true|false`).
    pub fn of_flag(approve: bool) -> Decision {
        if approve { Decision::Approve } else { Decision::Reject }
    }
}

/// Switches an approved, active row off; `not_approved` when it is not approved, `already_off`
/// when it is off already.
pub fn switch_off<E>(approval: &str, active: &mut bool, not_approved: E, already_off: E) -> Result<(), E> {
    if approval != APPROVED {
        return Err(not_approved);
    }
    if !*active {
        return Err(already_off);
    }
    *active = false;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mosips_exact_words_decide() {
        assert_eq!(Decision::parse("Activate", DeviceError::DetailStatusCode), Ok(Decision::Approve));
        assert_eq!(Decision::parse("De-activate", DeviceError::DetailStatusCode), Ok(Decision::Reject));
        assert_eq!(Decision::parse("activate", DeviceError::SbiStatusCode), Err(DeviceError::SbiStatusCode));
        assert_eq!(Decision::Reject.outcome(), (REJECTED, false));
        assert_eq!(Decision::of_flag(true).outcome(), (APPROVED, true));
    }
}
