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

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::FieldViolation;
use partner_domain::registration::{EmailRule, RegistrationRules};
use serde::Serialize;
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

pub fn configure(cfg: &mut web::ServiceConfig) {
    use web::{get, patch, post, put};
    cfg.service(resource("/partners").route(post().to(registration::register_v1)).route(get().to(admin::list_v1)))
        .service(resource("/partners/v2").route(post().to(registration::register_v2)).route(get().to(admin::list_v2)))
        .service(resource("/partners/v2/{partnerId}").route(put().to(details::update_v2)))
        .service(resource("/partners/email/verify").route(put().to(registration::email_check)))
        .service(resource("/partners/search").route(post().to(search::partners)))
        .service(resource("/partners/partnertype/search").route(post().to(search::partner_types)))
        .service(resource("/partners/filtervalues").route(post().to(search::partner_filter_values)))
        .service(resource("/partners/apikey/request/filtervalues").route(post().to(search::request_filter_values)))
        .service(resource("/partners/apikey/request/search").route(post().to(search::requests)))
        .service(resource("/partners/apikey/search").route(post().to(search::keys)))
        .service(resource("/partners/apikey").route(get().to(requests::all_requests)))
        .service(resource("/partners/apikey/{apikey}").route(get().to(requests::one_request)))
        .service(resource("/partners/policy/{mappingkey}").route(put().to(requests::review)))
        .service(
            resource("/partners/{partnerId}")
                .route(get().to(details::get))
                .route(put().to(details::update_v1))
                .route(patch().to(admin::activation)),
        )
        .service(resource("/partners/{partnerId}/contact/add").route(post().to(details::contact)))
        .service(resource("/partners/{partnerId}/policygroup/{policygroupName}").route(put().to(details::policy_group)))
        .service(resource("/partners/{partnerId}/policy/map").route(post().to(requests::request)))
        .service(resource("/partners/{partnerId}/generate/apikey").route(patch().to(api_keys::generate)))
        .service(resource("/partners/{partnerId}/apikey/request").route(get().to(requests::requests_of_partner)))
        .service(resource("/partners/{partnerId}/apikey/{apikey}/policies").route(put().to(api_keys::remap)))
        .service(resource("/partners/{partnerId}/apikey/{apikey}").route(get().to(api_keys::policy_of_key)))
        .service(resource("/partners/{partnerId}/policy/{policyId}/apiKey/status").route(patch().to(api_keys::status)))
        .service(
            resource("/partners/{partnerId}/bioextractors/{policyId}")
                .route(post().to(extractors::add))
                .route(get().to(extractors::get)),
        )
        .service(
            resource("/partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}")
                .route(post().to(credential_types::map)),
        )
        .service(
            resource("/partners/{partnerId}/credentialtype/{credentialType}/policies")
                .route(get().to(credential_types::get)),
        );
}

/// A resource that answers other methods with a MOSIP envelope (405).
fn resource(path: &str) -> actix_web::Resource {
    web::resource(path).default_service(web::to(|| async { Err::<HttpResponse, _>(ApiError::method_not_allowed()) }))
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
