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

/// `NaiveDateTime` fields in the envelope's format, `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`.
pub mod mosip_time {
    use chrono::NaiveDateTime;
    use serde::Serializer;

    /// `t` in the envelope's format.
    pub fn text(t: NaiveDateTime) -> String {
        t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&text(*t))
    }

    /// The same for an optional field (`null` when absent).
    pub mod option {
        use chrono::NaiveDateTime;
        use serde::Serializer;

        pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_str(&super::text(*t)),
                None => s.serialize_none(),
            }
        }
    }
}
