//! `POST /oauth/client`, `PUT` and `GET /oauth/client/{client_id}`.

use super::{create_errors, get_errors, update_errors};
use partner_app::oidc::{ClientAnswer, ClientDetail, CreateBody, UpdateBody};
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// A new OAuth client for an authentication partner's approved policy.
    create: post "/oauth/client", "createOAUTHClient", "OIDC clients", "Create an OAuth client";
    description = concat!("The client id is derived from the public key (SHA-256 of its SubjectPublicKeyInfo, \
base64url). Names in several languages (`clientNameLangMap`, 3-letter codes) are stored as JSON with \
`@none` for `name`. Any authenticated caller; a non-admin for its own partner only. When eSignet is \
configured the client is sent there first. No success audit record (as MOSIP).\n\n", create_errors!()),
    request_body(content = RequestEnvelope<CreateBody>),
    responses((status = 200, description = "The client id and status, or the errors (see the operation's description)",
        body = ResponseEnvelope<ClientAnswer>))
}

op! {
    /// Changes an OAuth client, or only its status.
    update: put "/oauth/client/{client_id}", "updateOAUTHClient", "OIDC clients", "Update an OAuth client";
    description = concat!("A status different from the stored one changes the status alone; else the name (and its \
languages), logo, redirect URIs, grant types and authentication methods change. `INACTIVE` is final. \
Any authenticated caller; a non-admin for its own clients only.\n\n", update_errors!()),
    params(("client_id" = String, Path, description = "The client id")),
    request_body(content = RequestEnvelope<UpdateBody>),
    responses((status = 200, description = "The client id and status, or the errors", body = ResponseEnvelope<ClientAnswer>))
}

op! {
    /// A client, the caller's own (an admin: any).
    get: get "/oauth/client/{client_id}", "getOAuthClient", "OIDC clients", "Get an OAuth client";
    description = concat!("Inactive clients too. Any authenticated caller; a non-admin for its own clients only.\n\n", get_errors!()),
    params(("client_id" = String, Path, description = "The client id")),
    responses((status = 200, description = "The client, or the errors", body = ResponseEnvelope<ClientDetail>))
}
