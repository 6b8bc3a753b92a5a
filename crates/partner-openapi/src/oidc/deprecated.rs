//! The deprecated `POST /oidc/client`, `PUT` and `GET /oidc/client/{client_id}`: one name, eSignet's
//! `/oidc-client` API, and (as MOSIP) a success audit record for a create or an update.

use super::{create_errors, get_errors, update_errors};
use partner_app::oidc::{ClientAnswer, ClientDetail, CreateBody, UpdateBody};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// A new OIDC client for an authentication partner's approved policy.
    create: post "/oidc/client", "createOIDCClient", "OIDC clients", "Create an OIDC client (deprecated)";
    description = concat!("The client id is derived from the public key (SHA-256 of its SubjectPublicKeyInfo, \
base64url). The name is stored as given. Any authenticated caller; a non-admin for its own partner only. When eSignet is \
configured the client is sent there first. Success is audited as `PMS_PRT_300`.\n\n", create_errors!()),
    request_body(content = RequestEnvelope<CreateBody>),
    responses((status = 200, description = "The client id and status, or the errors (see the operation's description)",
        body = ResponseEnvelope<ClientAnswer>))
}

op! {
    /// Changes an OIDC client, or only its status.
    update: put "/oidc/client/{client_id}", "updateOIDCClient", "OIDC clients", "Update an OIDC client (deprecated)";
    description = concat!("A status different from the stored one changes the status alone; else the name, logo, redirect URIs, grant types and authentication methods change. `INACTIVE` is final. \
Success is audited as `PMS_PRT_303`. Any authenticated caller; a non-admin for its own clients only.\n\n", update_errors!()),
    params(("client_id" = String, Path, description = "The client id")),
    request_body(content = RequestEnvelope<UpdateBody>),
    responses((status = 200, description = "The client id and status, or the errors", body = ResponseEnvelope<ClientAnswer>))
}

op! {
    /// A client, the caller's own (an admin: any).
    get: get "/oidc/client/{client_id}", "getOIDCClient", "OIDC clients", "Get an OIDC client (deprecated)";
    description = concat!("Inactive clients too. Any authenticated caller; a non-admin for its own clients only.\n\n", get_errors!()),
    params(("client_id" = String, Path, description = "The client id")),
    responses((status = 200, description = "The client, or the errors", body = ResponseEnvelope<ClientDetail>))
}
