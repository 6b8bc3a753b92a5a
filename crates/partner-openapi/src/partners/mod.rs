//! `/v1/partnermanager/partners/**`: partners, contacts, policy mapping, API keys, extractors,
//! credential types, lists and searches. Literal paths are registered before the
//! `{partnerId}` ones, as MOSIP's routing lets them win.

pub mod admin;
pub mod api_keys;
pub mod cert_reads;
pub mod credential_types;
pub mod details;
pub mod extractors;
pub mod registration;
pub mod requests;
pub mod search;
pub mod v2_reads;

/// The partner operations (paths relative to `/v1/partnermanager`); see `docs/development.md`
/// ("Documenting an endpoint").
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(
        registration::register_v1,
        registration::register_v2,
        registration::email_check,
        details::get,
        details::update_v1,
        details::update_v2,
        details::contact,
        details::policy_group,
        admin::activation,
        admin::list_v1,
        admin::list_v2,
        requests::request,
        requests::review,
        requests::requests_of_partner,
        requests::all_requests,
        requests::one_request,
        api_keys::generate,
        api_keys::status,
        api_keys::remap,
        api_keys::policy_of_key,
        extractors::add,
        extractors::get,
        credential_types::map,
        credential_types::get,
        search::partners,
        search::partner_types,
        search::partner_filter_values,
        search::request_filter_values,
        search::requests,
        search::keys,
    ),
    tags(
        (name = "Partners", description = "MOSIP's partners: registration, details, contacts, policy group, \
activation and the lists other services read (P1–P8, M1–M3)"),
        (name = "Policy mapping requests", description = "A partner asks to use a policy of its group; an admin \
approves or rejects (P12, P14, M4, M8, M9)"),
        (name = "API keys", description = "Keys a partner generates for its approved policies (P13, M5–M7)"),
        (name = "Biometric extractors", description = "The extractors a credential partner declares for a policy (P15, P16)"),
        (name = "Credential types", description = "The policy a partner uses for a credential type (P17, P18)"),
        (name = "Partner searches", description = "MOSIP's `SearchDto` and `FilterValueDto` over partners, \
partner types, policy-mapping requests and API keys (P19–P24)"),
    )
)]
pub struct PartnersApi;
