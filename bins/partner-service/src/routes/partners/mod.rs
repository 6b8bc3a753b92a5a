//! `/v1/partnermanager/partners/**`: partners, contacts, policy mapping, API keys, extractors,
//! credential types, lists and searches. Literal paths are registered before the
//! `{partnerId}` ones, as MOSIP's routing lets them win.

pub(crate) mod admin;
pub(crate) mod api_keys;
mod credential_types;
pub(crate) mod details;
pub(crate) mod extractors;
mod registration;
pub(crate) mod requests;
pub(crate) mod search;

use actix_web::HttpResponse;
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::FieldViolation;
use partner_domain::registration::{EmailRule, RegistrationRules};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::openapi::Registrar;
use web_support::settings::PartnerSettings;
use web_support::{ApiError, ResponseEnvelope};

/// The partner manager's settings, checked and compiled once at start.
#[derive(Debug, Clone)]
pub struct PartnerConfig {
    pub rules: RegistrationRules,
    pub settings: PartnerSettings,
}

impl PartnerConfig {
    pub fn new(settings: &PartnerSettings) -> anyhow::Result<Self> {
        let email = EmailRule::new(&settings.email_regex)
            .map_err(|e| anyhow::anyhow!("partner.email_regex is not a valid pattern: {e}"))?;
        anyhow::ensure!(settings.api_key_expiry_days > 0, "partner.api_key_expiry_days must be at least 1");
        anyhow::ensure!(settings.partner_id_max_length > 0, "partner.partner_id_max_length must be at least 1");
        anyhow::ensure!(!settings.languages.is_empty(), "partner.languages must name at least one language");
        Ok(PartnerConfig {
            rules: RegistrationRules {
                partner_id_max_length: settings.partner_id_max_length,
                phone_max_length: settings.mobile_number_max_length,
                email,
                languages: settings.languages.clone(),
            },
            settings: settings.clone(),
        })
    }
}

/// The partner routes (relative to `/v1/partnermanager`), literal paths first.
pub fn register(r: &mut Registrar<'_>) {
    r.resource("/partners", |m| m.post(registration::register_v1).get(admin::list_v1))
        .resource("/partners/v2", |m| m.post(registration::register_v2).get(admin::list_v2))
        .resource("/partners/v2/{partnerId}", |m| m.put(details::update_v2))
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
        .resource("/partners/{partnerId}", |m| m.get(details::get).put(details::update_v1).patch(admin::activation))
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

/// `StatusRequestDto`: the new status of a partner (`Active` / `De-Active`) or of a
/// policy-mapping request (`Approved` / `Rejected`), in any case.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = StatusRequestDto)]
pub struct StatusBody {
    /// `Active` or `De-Active` for a partner; `Approved` or `Rejected` for a policy-mapping
    /// request (any case). Blank is `PMS_COR_001`.
    #[schema(required = true, example = "Active")]
    status: Option<String>,
}

/// `PartnerResponse`: the partner's id and its approval status.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct PartnerResponse {
    #[schema(example = "Tech-123")]
    partner_id: String,
    /// `approval_status`: `InProgress` until the partner's certificate is uploaded, then `approved`.
    #[schema(example = "InProgress")]
    status: String,
}

/// `PartnersPolicyMappingResponse`: what was done, in words.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PartnersPolicyMappingResponse)]
struct Message {
    #[schema(example = "Partner activated successfully")]
    message: &'static str,
}

/// `id` of the read endpoints' answers (P4, P14, M2, M3, M7, M8, M9).
const RETRIEVE_ID: &str = "mosip.partnermanagement.partners.retrieve";

/// An answer echoing the request's `id` and `version`, as MOSIP does on its write endpoints.
fn echoed<T: Serialize>(response: T, id: Option<String>, version: Option<String>) -> HttpResponse {
    HttpResponse::Ok().json(ResponseEnvelope::ok(response).echo(id, version))
}

/// An answer of a read endpoint: `id` `mosip.partnermanagement.partners.retrieve`, version 1.0.
fn retrieved<T: Serialize>(response: T) -> HttpResponse {
    HttpResponse::Ok().json(ResponseEnvelope::ok(response).echo(Some(RETRIEVE_ID.into()), Some("1.0".into())))
}

/// An answer without `id` / `version`.
fn plain<T: Serialize>(response: T) -> HttpResponse {
    HttpResponse::Ok().json(ResponseEnvelope::ok(response))
}

/// Field violations as MOSIP's `PMS_COR_001` errors, first one first.
fn invalid(violations: Vec<FieldViolation>) -> ApiError {
    let items = violations
        .into_iter()
        .flat_map(|v| ApiError::invalid_field(&format!("request.{}", v.field), &v.message).errors)
        .collect();
    ApiError::business_many(items)
}

/// A fresh identifier for requests, contacts and extractors.
fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Which family of audit events an operation belongs to; picks the failure event of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Register,
    Update,
    Mapping,
    Read,
}

/// The failure event a broken rule records, if a specific one fits (else the operation's
/// default failure event applies).
fn failure_event(family: Family, e: &PartnerError) -> Option<AuditEvent> {
    use PartnerError as E;
    match e {
        E::PartnerMissing | E::PartnerIdMissing | E::NoPartners => Some(AuditEvent::PartnerMissing),
        E::PolicyGroupMissing | E::PartnerNotInGroup | E::RequestPolicyGroupMissing => {
            Some(AuditEvent::PolicyGroupMissing)
        }
        E::InvalidEmail if family == Family::Register => Some(AuditEvent::InvalidEmailOnCreate),
        E::InvalidEmail => Some(AuditEvent::InvalidEmailOnUpdate),
        E::EmailTaken | E::NotAuthorized if family == Family::Register => Some(AuditEvent::EmailNotAllowed),
        E::PartnerIdTaken => Some(AuditEvent::PartnerAlreadyRegistered),
        E::PolicyMappingMissing
        | E::ApiKeyNotMapped
        | E::ApiKeyPolicyMappingMissing
        | E::ApiKeyNotFound
        | E::RequestNotFound
        | E::NoApiKeyRequests
        | E::NoPolicyRequests
        | E::PolicyNotApprovedForPartner
        | E::NoDetails
        | E::PolicyNotFound
        | E::PolicyNotInGroup
        | E::PolicyMissing { .. }
        | E::RequestPolicyMissing
        | E::RequestPending
        | E::RequestAlreadyApprovedForPartner
            if family != Family::Update =>
        {
            Some(AuditEvent::PolicyMappingMissing)
        }
        _ => None,
    }
}

/// What a partner operation can fail with inside its transaction.
#[derive(Debug)]
pub(crate) enum Failure {
    Rule(PartnerError),
    Api(ApiError),
}

impl From<PartnerError> for Failure {
    fn from(e: PartnerError) -> Self {
        Failure::Rule(e)
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

impl From<persistence::QueryError> for Failure {
    fn from(e: persistence::QueryError) -> Self {
        Failure::Api(e.into())
    }
}

impl From<persistence::repo::api_key::StoreKeyError> for Failure {
    fn from(e: persistence::repo::api_key::StoreKeyError) -> Self {
        use persistence::repo::api_key::StoreKeyError as S;
        match e {
            S::LabelTaken => Failure::Rule(PartnerError::LabelTaken),
            S::NoFreshKey(n) => Failure::Api(ApiError::internal(format!("no unused API key after {n} draws"))),
            S::Query(q) => Failure::Api(q.into()),
        }
    }
}

impl Failure {
    /// The `ApiError` to answer with, naming the failure event of `family` when one fits.
    fn audited(self, family: Family, ref_id: Option<&str>) -> ApiError {
        match self {
            Failure::Rule(e) => {
                let event = failure_event(family, &e);
                let err = crate::error::partner_error(e);
                match event {
                    Some(ev) => err.audit(ev, ref_id),
                    None => err,
                }
            }
            Failure::Api(e) => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_settings_are_mosips_and_are_checked_at_start() {
        let defaults = PartnerSettings::default();
        assert_eq!(defaults.email_regex, partner_domain::registration::MOSIP_EMAIL_PATTERN);
        assert!(PartnerConfig::new(&defaults).is_ok());
        let bad_regex = PartnerSettings { email_regex: "([".into(), ..PartnerSettings::default() };
        assert!(PartnerConfig::new(&bad_regex).is_err());
        let no_expiry = PartnerSettings { api_key_expiry_days: 0, ..PartnerSettings::default() };
        assert!(PartnerConfig::new(&no_expiry).is_err());
    }

    #[test]
    fn rules_pick_their_failure_events() {
        use PartnerError as E;
        assert_eq!(failure_event(Family::Register, &E::InvalidEmail), Some(AuditEvent::InvalidEmailOnCreate));
        assert_eq!(failure_event(Family::Update, &E::InvalidEmail), Some(AuditEvent::InvalidEmailOnUpdate));
        assert_eq!(failure_event(Family::Register, &E::EmailTaken), Some(AuditEvent::EmailNotAllowed));
        assert_eq!(failure_event(Family::Register, &E::PartnerIdTaken), Some(AuditEvent::PartnerAlreadyRegistered));
        assert_eq!(failure_event(Family::Read, &E::PartnerMissing), Some(AuditEvent::PartnerMissing));
        assert_eq!(failure_event(Family::Mapping, &E::PolicyGroupMissing), Some(AuditEvent::PolicyGroupMissing));
        assert_eq!(failure_event(Family::Mapping, &E::ApiKeyNotFound), Some(AuditEvent::PolicyMappingMissing));
        assert_eq!(failure_event(Family::Mapping, &E::PartnerInactive), None);
    }
}
