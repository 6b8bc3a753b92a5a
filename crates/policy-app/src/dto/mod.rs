//! The policy manager's requests and answers, with MOSIP's field names (Java getter names, so
//! `is_Active`, `cr_by`, `policyGroup_cr_by` are literal) and date formats: `LocalDateTime`
//! fields without a zone, `Timestamp` fields with `+00:00`.

mod groups;
mod policies;
mod requests;
mod v2;

pub use groups::{GroupDto, GroupEntity, GroupWithPoliciesDto, PolicyInGroupDto};
pub use policies::{ActivePolicyDto, ConfigDto, PolicyCreatedDto, PolicySearchItem, PolicyWithGroupDto, StatusDto};
pub use requests::{GroupRequest, PolicyBody, PolicyFilterBody, PolicySearchBody, StatusBody};
pub use v2::{
    DeactivateBody, DeactivatedGroupDto, DeactivatedPolicyDto, PolicyGroupItem, PolicyListQuery, PolicySummaryDto,
};
