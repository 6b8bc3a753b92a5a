//! Biometric extractors: P15 a partner adds (or replaces) them for a policy it requested, P16
//! reads them.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::extractor::{EXTRACTORS_ADDED, ExtractorForm, check_add, format_biometric, validate};
use partner_domain::partner::FieldViolation;
use partner_domain::{PartnerError, PartnerId};
use persistence::repo::partner_extras::{self as extras, ExtractorRow};
use persistence::repo::partner_policy;
use policy_domain::PolicyId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::failure::{Family, invalid, refuser};

/// `ExtractorProviderDto`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[schema(as = ExtractorProviderDto)]
pub struct Provider {
    #[serde(default)]
    #[schema(required = true, max_length = 128, example = "mock")]
    pub provider: Option<String>,
    #[serde(default)]
    #[schema(max_length = 8, example = "1.1")]
    pub version: Option<String>,
}

/// `ExtractorDto`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExtractorDto {
    /// The attribute the extractor is for; adding an attribute again replaces its extractor.
    #[serde(default)]
    #[schema(required = true, max_length = 128, example = "photo")]
    pub attribute_name: Option<String>,
    /// `<modality>` or `<modality>[<sub-types>]`, each part at most 64 characters.
    #[serde(default)]
    #[schema(required = true, max_length = 130, example = "finger[LeftThumb,RightThumb]")]
    pub biometric: Option<String>,
    #[serde(default)]
    #[schema(required = true)]
    pub extractor: Option<Provider>,
}

impl From<ExtractorRow> for ExtractorDto {
    fn from(r: ExtractorRow) -> Self {
        ExtractorDto {
            biometric: Some(format_biometric(&r.biometric_modality, r.biometric_sub_types.as_deref())),
            attribute_name: Some(r.attribute_name),
            extractor: Some(Provider { provider: Some(r.extractor_provider), version: r.extractor_provider_version }),
        }
    }
}

/// `ExtractorsDto`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
pub struct ExtractorsDto {
    #[serde(default)]
    #[schema(required = true)]
    pub extractors: Option<Vec<ExtractorDto>>,
}

/// P15: adds the extractors of `partner_id` for `policy_id` (an attribute named again is
/// replaced) while its request for the policy exists and is not approved. Answers what was done.
pub fn add(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    policy_id: &str,
    req: ExtractorsDto,
) -> Result<&'static str, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::CreateBiometrics, Some(partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(partner_id));
    store.audited(plan, |tx| {
        let Some(list) = req.extractors else {
            return Err(invalid(vec![FieldViolation::new("extractors", "must not be null")]));
        };
        let forms = list
            .into_iter()
            .map(|e| {
                let p = e.extractor.unwrap_or_default();
                ExtractorForm {
                    attribute_name: e.attribute_name,
                    biometric: e.biometric,
                    provider: p.provider,
                    version: p.version,
                }
            })
            .collect();
        let extractors = validate(forms).map_err(invalid)?;
        let owner = PartnerId::from(partner_id);
        let policy = PolicyId::from(policy_id);
        let statuses = partner_policy::request_statuses(tx.conn, &owner, &policy)?;
        check_add(&statuses).map_err(refuser(Family::Mapping, Some(partner_id)))?;
        for e in &extractors {
            let id = tx.new_id();
            extras::upsert_extractor(tx.conn, &owner, &policy, e, || id, &actor.user_id, tx.now)?;
        }
        tx.trail.push(AuditEvent::BiometricsCreated, Some(partner_id));
        Ok(EXTRACTORS_ADDED)
    })
}

/// P16: the extractors of `partner_id` for `policy_id`.
pub fn get(store: &Store, actor: &Actor, partner_id: &str, policy_id: &str) -> Result<ExtractorsDto, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, Some(partner_id));
    store.audited_read(plan, |tx| {
        let rows = extras::extractors_of(tx.conn, &PartnerId::from(partner_id), &PolicyId::from(policy_id))?;
        if rows.is_empty() {
            return Err(refuser(Family::Read, Some(partner_id))(PartnerError::NoDetails));
        }
        tx.trail.push(AuditEvent::GetPartnerSuccess, Some(partner_id));
        Ok(ExtractorsDto { extractors: Some(rows.into_iter().map(ExtractorDto::from).collect()) })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::requests::fixtures::{World, admin, approved, user, world};
    use crate::requests::{MappingBody, request};

    fn one(attribute: &str, biometric: &str, provider: &str) -> ExtractorDto {
        ExtractorDto {
            attribute_name: Some(attribute.into()),
            biometric: Some(biometric.into()),
            extractor: Some(Provider { provider: Some(provider.into()), version: Some("1.1".into()) }),
        }
    }

    fn put(w: &World, policy: &str, list: Vec<ExtractorDto>) -> Result<&'static str, AppError> {
        add(&w.store, &user("cred"), "cred", policy, ExtractorsDto { extractors: Some(list) })
    }

    #[test]
    fn extractors_are_added_replaced_by_attribute_and_read_back() {
        let w = world();
        let body = MappingBody { policy_name: Some("auth policy".into()), use_case_description: Some(String::new()) };
        request(&w.store, &user("cred"), "cred", body).unwrap();
        assert_eq!(
            put(&w, "p-auth", vec![one("photo", "face", "old"), one("fingers", "finger[LeftThumb]", "m")]).unwrap(),
            EXTRACTORS_ADDED
        );
        put(&w, "p-auth", vec![one("photo", "face", "new")]).unwrap();
        let got = get(&w.store, &admin(), "cred", "p-auth").unwrap().extractors.unwrap();
        assert_eq!(got.len(), 2);
        let photo = got.iter().find(|e| e.attribute_name.as_deref() == Some("photo")).unwrap();
        assert_eq!(photo.extractor.as_ref().and_then(|p| p.provider.as_deref()), Some("new"));
        assert!(got.contains(&one("fingers", "finger[LeftThumb]", "m")));
    }

    #[test]
    fn extractors_need_a_pending_request_and_valid_fields() {
        let w = world();
        assert_eq!(put(&w, "p-auth", vec![one("photo", "face", "m")]).unwrap_err().code(), "PMS_PRT_061");
        let e = put(&w, "p-auth", vec![one(" ", "face", "")]).unwrap_err();
        let paths: Vec<_> = e.problems.iter().map(|p| p.message.rsplit(':').next().unwrap_or("")).collect();
        assert_eq!(paths, ["request.extractors[0].attributeName", "request.extractors[0].extractor.provider"]);
        let none = add(&w.store, &user("cred"), "cred", "p-auth", ExtractorsDto::default()).unwrap_err();
        assert_eq!(none.message(), "Invalid request parameter - must not be null :request.extractors");
        approved(&w, "tech", "auth policy");
        let late = add(
            &w.store,
            &user("tech"),
            "tech",
            "p-auth",
            ExtractorsDto { extractors: Some(vec![one("a", "face", "m")]) },
        );
        assert_eq!(late.unwrap_err().code(), "PMS_PRT_062");
        assert_eq!(get(&w.store, &admin(), "tech", "p-auth").unwrap_err().code(), "PMS_PRT_064");
    }
}
