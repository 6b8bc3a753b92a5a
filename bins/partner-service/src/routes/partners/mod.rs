//! `/v1/partnermanager/partners/**`: partners, contacts, policy mapping, API keys, extractors,
//! credential types, lists and searches. Literal paths are registered before the
//! `{partnerId}` ones, as MOSIP's routing lets them win.

pub(crate) mod admin;
pub(crate) mod api_keys;
pub(crate) mod cert_reads;
mod credential_types;
pub(crate) mod details;
pub(crate) mod extractors;
mod registration;
pub(crate) mod requests;
pub(crate) mod search;
pub(crate) mod v2_reads;

use partner_app::dto::ApiVersion;
use web_support::openapi::Registrar;

/// The version of MOSIP's API a route serves: `/partners/v2…` also reads and answers the logo and
/// additional information.
trait Version {
    const API: ApiVersion;
}

/// `/partners`, `/partners/{partnerId}`.
struct V1;

impl Version for V1 {
    const API: ApiVersion = ApiVersion::V1;
}

/// `/partners/v2`, `/partners/v2/{partnerId}`.
struct V2;

impl Version for V2 {
    const API: ApiVersion = ApiVersion::V2;
}

/// The partner routes (relative to `/v1/partnermanager`), literal paths first.
pub fn register(r: &mut Registrar<'_>) {
    r.configure(v2_reads::register).configure(cert_reads::register);
    r.resource("/partners", |m| m.post(registration::register::<V1>).get(admin::list::<V1>))
        .resource("/partners/v2", |m| m.post(registration::register::<V2>).get(admin::list::<V2>))
        .resource("/partners/v2/{partnerId}", |m| m.put(details::update::<V2>))
        .resource("/partners/email/verify", |m| m.put(registration::email_check))
        .post("/partners/search", search::partners)
        .post("/partners/partnertype/search", search::partner_types)
        .post("/partners/filtervalues", search::partner_filter_values)
        .post("/partners/apikey/request/filtervalues", search::request_filter_values)
        .post("/partners/apikey/request/search", search::requests)
        .post("/partners/apikey/search", search::keys)
        .get("/partners/apikey", requests::all_requests)
        .get("/partners/apikey/{apikey}", requests::one_request)
        .resource("/partners/policy/{mappingkey}", |m| m.put(requests::review))
        .resource("/partners/{partnerId}", |m| m.get(details::get).put(details::update::<V1>).patch(admin::activation))
        .post("/partners/{partnerId}/contact/add", details::contact)
        .resource("/partners/{partnerId}/policygroup/{policygroupName}", |m| m.put(details::policy_group))
        .post("/partners/{partnerId}/policy/map", requests::request)
        .resource("/partners/{partnerId}/generate/apikey", |m| m.patch(api_keys::generate))
        .get("/partners/{partnerId}/apikey/request", requests::requests_of_partner)
        .resource("/partners/{partnerId}/apikey/{apikey}/policies", |m| m.put(api_keys::remap))
        .get("/partners/{partnerId}/apikey/{apikey}", api_keys::policy_of_key)
        .resource("/partners/{partnerId}/policy/{policyId}/apiKey/status", |m| m.patch(api_keys::status))
        .resource("/partners/{partnerId}/bioextractors/{policyId}", |m| m.post(extractors::add).get(extractors::get))
        .post("/partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}", credential_types::map)
        .get("/partners/{partnerId}/credentialtype/{credentialType}/policies", credential_types::get);
}
