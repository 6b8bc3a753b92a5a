//! E2 approve/reject a registration, E5 activate/deactivate a MISP (admins only).

use misp_app::dto::{Message, StatusRequest, StatusUpdated};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// E2 `PATCH /misps/{mispId}/status`: `approved` issues one new licence key; `rejected` switches
    /// every key of the MISP off. Compare-and-set on the status: of concurrent approvals one wins,
    /// the others answer `PMS_MSP_404`.
    decide: patch "/{mispId}/status", "processMispStatus", "MISPs (MOSIP 1.1)", "E2: approve or reject a MISP";
    description = "`approved` issues one new licence key; `rejected` switches every key of the \
MISP off. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `request`; `PMS_MSP_403` the status is neither `approved` \
nor `rejected`; `PMS_MSP_005` no such MISP; `PMS_MSP_404` the MISP is in that status already; \
`PMS_MSP_405` approving a deactivated MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<StatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"mispStatus": "approved"}})
    ),
    responses((status = 200, description = "The decision and the new key, or the errors", body = ResponseEnvelope<StatusUpdated>))
}

op! {
    /// E5 `PATCH /misps/{mispId}`: switches the MISP on or off. Off suspends its active keys; on
    /// resumes exactly the keys a deactivation suspended (and that have not expired since).
    activate: patch "/{mispId}", "updateMispActiveStatus", "MISPs (MOSIP 1.1)", "E5: activate or deactivate a MISP";
    description = "`de-active` suspends the MISP's active keys; `active` resumes exactly the \
keys a deactivation suspended that have not expired since. Roles: an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` no `request`; `PMS_MSP_407` the status is neither `active` nor \
`de-active`; `PMS_MSP_005` no such MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body(
        content = RequestEnvelope<StatusRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.status.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"mispStatus": "de-active"}})
    ),
    responses((status = 200, description = "A message, or the errors", body = ResponseEnvelope<Message>))
}
