//! P1/P2 register a partner, P3 is an e-mail taken.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::registration::{Registrant, RegistrationForm};
use persistence::repo::partner as repo;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::PartnerConfig;
use crate::dto::{ApiVersion, PartnerResponse};
use crate::failure::{Family, RuleOrStore, invalid, refused, rule_or_store};

/// `PartnerRequest` (v1) / `PartnerRequestDto` (v2: adds `logoUrl` and `additionalInfo`).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerRequestDto)]
pub struct RegisterBody {
    /// The new partner's id (and user id): no whitespace, at most `partner.partner_id_max_length`
    /// characters (36 by default).
    #[schema(required = true, example = "Tech-123")]
    pub partner_id: Option<String>,
    /// The name of an active policy group; required for partner types that need a policy.
    #[schema(example = "mosip policy group")]
    pub policy_group: Option<String>,
    #[schema(required = true, max_length = 128, example = "Techno")]
    pub organization_name: Option<String>,
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    pub address: Option<String>,
    /// At most `partner.mobile_number_max_length` characters (16 by default).
    #[schema(required = true, max_length = 16, example = "8553967572")]
    pub contact_number: Option<String>,
    /// Unique among partners; must match `partner.email_regex`.
    #[schema(required = true, max_length = 254, example = "mosip@gmail.com")]
    pub email_id: Option<String>,
    /// A partner type code (case-insensitive), e.g. `Auth_Partner`, `Credential_Partner`.
    #[schema(required = true, example = "Auth_Partner")]
    pub partner_type: Option<String>,
    /// One of `partner.languages`; the first one when absent.
    #[schema(example = "eng")]
    pub lang_code: Option<String>,
    /// `/partners/v2` only (ignored by `/partners`).
    #[schema(max_length = 256, example = "https://example.org/logo.png")]
    pub logo_url: Option<String>,
    /// `/partners/v2` only (ignored by `/partners`): any JSON value, stored as it is.
    pub additional_info: Option<serde_json::Value>,
}

impl RegisterBody {
    /// The form the rules check; v1 carries neither logo nor additional information (MOSIP's v1
    /// DTO has no such fields).
    fn form(self, version: ApiVersion) -> RegistrationForm {
        let v2 = version == ApiVersion::V2;
        RegistrationForm {
            partner_id: self.partner_id,
            organization_name: self.organization_name,
            address: self.address,
            contact_number: self.contact_number,
            email_id: self.email_id,
            partner_type: self.partner_type,
            policy_group: self.policy_group,
            lang_code: self.lang_code,
            logo_url: if v2 { self.logo_url } else { None },
            additional_info: if v2 { self.additional_info.filter(|v| !v.is_null()) } else { None },
        }
    }
}

/// P1/P2: registers an inactive partner (`InProgress` until its certificate is uploaded). A
/// caller without the admin role registers its own user id only.
pub fn register(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    req: RegisterBody,
    version: ApiVersion,
) -> Result<PartnerResponse, AppError> {
    let form = req.form(version);
    let plan = store
        .plan(actor)
        .call(AuditEvent::RegisterPartner, form.partner_id.as_deref())
        .on_failure(AuditEvent::PartnerTypeNotAllowed, form.partner_id.as_deref());
    store.audited(plan, |tx| {
        let request = form.validate().map_err(invalid)?;
        if !actor.is_admin && request.partner_id != actor.user_id {
            return Err(AppError::forbidden());
        }
        let partner_id = request.partner_id.clone();
        let who = Registrant { user_id: &actor.user_id, email: actor.email.as_deref() };
        let new = repo::register_partner::<RuleOrStore>(tx.conn, request, who, &cfg.rules, tx.now)
            .map_err(|e| rule_or_store(Family::Register, e, Some(&partner_id)))?;
        crate::mail::notices::new_partner_registered(tx, &new)?;
        tx.trail.push(AuditEvent::RegisterPartnerSuccess, Some(&new.id));
        Ok(PartnerResponse { partner_id: new.id, status: new.approval_status })
    })
}

/// `EmailVerificationRequestDto`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = EmailVerificationRequestDto)]
pub struct EmailBody {
    /// Absent reads as empty (which fails the pattern).
    #[schema(example = "mosip@gmail.com")]
    pub email_id: Option<String>,
}

/// `EmailVerificationResponseDto`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = EmailVerificationResponseDto)]
pub struct EmailAnswer {
    /// A partner has exactly this e-mail.
    pub email_exists: bool,
    /// The codes of the partner types that need a policy group, upper-cased.
    #[schema(example = json!(["AUTH_PARTNER", "CREDENTIAL_PARTNER"]))]
    pub policy_required_partner_types: Vec<String>,
}

/// P3: whether a partner uses the e-mail, and which partner types need a policy group.
pub fn email_check(store: &Store, actor: &Actor, cfg: &PartnerConfig, req: EmailBody) -> Result<EmailAnswer, AppError> {
    let email = req.email_id.unwrap_or_default();
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    store.audited_read(plan, |tx| {
        if !cfg.rules.email.accepts(&email) {
            return Err(refused(Family::Register, PartnerError::InvalidEmail, None));
        }
        let email_exists = repo::email_registered(tx.conn, &email)?;
        let policy_required_partner_types = repo::partner_types(tx.conn)?
            .into_iter()
            .filter(|t| t.is_policy_required)
            .map(|t| t.code.to_uppercase())
            .collect();
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(EmailAnswer { email_exists, policy_required_partner_types })
    })
}

#[cfg(test)]
mod tests;
