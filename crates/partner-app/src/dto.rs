//! Inputs and answers several partner operations share.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `id` of the read operations' answers (P4, P14, M2, M3, M7, M8, M9).
pub const RETRIEVE_ID: &str = "mosip.partnermanagement.partners.retrieve";
/// `version` of the read operations' answers.
pub const RETRIEVE_VERSION: &str = "1.0";

/// `StatusRequestDto`: the new status of a partner (`Active` / `De-Active`) or of a
/// policy-mapping request (`Approved` / `Rejected`), in any case.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[schema(as = StatusRequestDto)]
pub struct StatusBody {
    /// `Active` or `De-Active` for a partner; `Approved` or `Rejected` for a policy-mapping
    /// request (any case). Blank is `PMS_COR_001`.
    #[schema(required = true, example = "Active")]
    pub status: Option<String>,
}

/// `PartnerResponse`: the partner's id and its approval status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerResponse {
    #[schema(example = "Tech-123")]
    pub partner_id: String,
    /// `approval_status`: `InProgress` until the partner's certificate is uploaded, then `approved`.
    #[schema(example = "InProgress")]
    pub status: String,
}

/// `PartnersPolicyMappingResponse`: what was done, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = PartnersPolicyMappingResponse)]
pub struct Message {
    #[schema(example = "Partner activated successfully")]
    pub message: &'static str,
}

/// Which of MOSIP's two versions of an operation is called: `/v2` paths also read and answer
/// the logo and additional information.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiVersion {
    V1,
    V2,
}

/// `NaiveDateTime` fields in the envelope's format, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`: the names the
/// portal and onboarding use for `app_core::time::mosip` and its serde helpers.
pub mod mosip_time {
    pub use app_core::time::mosip as text;
    pub use app_core::time::serde_mosip::{option, serialize};
}
