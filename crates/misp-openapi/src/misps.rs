//! E1 register, E3 update details, E7 list, E8 by id, E9 by name prefix.

use misp_app::dto::{MispWithLicenses, RegisterRequest, Registered, UpdateRequest, Updated};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// E1 `POST /misps`: registers a MISP owned by the caller, `Inprogress` and active, without a key.
    register: post "", "registerMisp", "MISPs (MOSIP 1.1)", "E1: register a MISP";
    description = "Registers a MISP owned by the caller: `Inprogress`, active, without a licence key \
(approval issues one). Roles: a MISP user (`misp.misp_roles`) or an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_MSP_401` malformed \
e-mail; `PMS_MSP_402` the name is taken.",
    request_body(
        content = RequestEnvelope<RegisterRequest>,
        example = json!({"id": "mosip.partnermanagement.misp.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"organizationName": "Airtel Money", "contactNumber": "9876543210",
                "emailId": "misp@example.org", "address": "1 Main Street, Bengaluru"}})
    ),
    responses((status = 200, description = "The new MISP's id, or the errors", body = ResponseEnvelope<Registered>))
}

op! {
    /// E3 `PUT /misps/{mispId}`: replaces the details of the caller's MISP (admins: any MISP).
    update: put "/{mispId}", "updateMispDetails", "MISPs (MOSIP 1.1)", "E3: replace a MISP's details";
    description = "A full replace of name, contact number, e-mail and address. Roles: the MISP's \
owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_MSP_401` malformed \
e-mail (checked first); `PMS_MSP_005` no such MISP; `PMS_MSP_402` another MISP has the name.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    request_body = RequestEnvelope<UpdateRequest>,
    responses((status = 200, description = "The MISP's new details, or the errors", body = ResponseEnvelope<Updated>))
}

op! {
    /// E7 `GET /misps`: every MISP with its keys (a MISP user: its own); none is `PMS_MSP_409`.
    list: get "", "listMisps", "MISPs (MOSIP 1.1)", "E7: every MISP with its licence keys";
    description = "Admins see every MISP, a MISP user its own. Roles: a MISP user or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_409` no MISP found.",
    responses((status = 200, description = "The MISPs, or the errors", body = ResponseEnvelope<Vec<MispWithLicenses>>))
}

op! {
    /// E8 `GET /misps/mispId/{mispId}`: one MISP with its keys.
    by_id: get "/mispId/{mispId}", "getMisp", "MISPs (MOSIP 1.1)", "E8: one MISP with its licence keys";
    description = "Roles: the MISP's owner (a MISP user) or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_005` no such MISP.",
    params(("mispId" = String, Path, description = "The MISP's id", example = "100")),
    responses((status = 200, description = "The MISP, or the errors", body = ResponseEnvelope<MispWithLicenses>))
}

op! {
    /// E9 `GET /misps/name/{orgName}`: the MISPs whose name starts with `orgName` (exactly,
    /// case-sensitively; a MISP user: among its own); none is `PMS_MSP_409`.
    by_name: get "/name/{orgName}", "getMispsByName", "MISPs (MOSIP 1.1)", "E9: the MISPs whose name starts with a prefix";
    description = "The prefix matches exactly, case-sensitively; a MISP user sees only its own \
MISPs. Roles: a MISP user or an admin.\n\n\
Errors (HTTP 200): `PMS_MSP_409` no MISP found.",
    params(("orgName" = String, Path, description = "The start of the MISP's name", example = "Airtel")),
    responses((status = 200, description = "The MISPs, or the errors", body = ResponseEnvelope<Vec<MispWithLicenses>>))
}
