//! Policies: drafted, validated against their type's schema, published (then immutable).

use chrono::{Months, NaiveDateTime};
use serde_json::Value;

use crate::error::PolicyError;
use crate::fields::Fields;
use crate::group::PolicyGroup;
use crate::schema::PolicySchemas;
use crate::types::PolicyType;

pub const NAME_MAX: usize = 128;
pub const DESC_MAX: usize = 128;
pub const GROUP_NAME_MAX: usize = 128;
pub const TYPE_MAX: usize = 128;
/// The store keeps at most 8 characters of a version (MOSIP's column; MOSIP fails on more).
pub const VERSION_MAX: usize = 8;
/// The longest client-chosen policy id (the key column's width).
pub const ID_MAX: usize = 36;
/// How long a new policy is valid (MOSIP: 200 years from its creation).
pub const VALIDITY_YEARS: u32 = 200;

const TYPE_BLANK: &str = "value is empty or null. Allowed values Auth/DataShare/CredentialIssuance/MISP";

/// A policy as stored. Published iff `schema` is set; `is_active` is true only once published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub id: String,
    pub group_id: String,
    pub name: String,
    pub desc: String,
    /// The policy document, JSON text.
    pub policies: String,
    pub policy_type: String,
    pub version: String,
    /// The schema URL recorded at publication; `None` while drafted.
    pub schema: Option<String>,
    pub valid_from: NaiveDateTime,
    pub valid_to: NaiveDateTime,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// The stage of a policy's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::Display)]
pub enum Stage {
    #[strum(serialize = "DRAFTED")]
    Drafted,
    #[strum(serialize = "PUBLISHED")]
    Published,
}

/// A create request as received (`PolicyCreateRequestDto`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PolicyRequest<'a> {
    pub policy_id: Option<&'a str>,
    pub policy_group_name: Option<&'a str>,
    pub policy_type: Option<&'a str>,
    pub name: Option<&'a str>,
    pub desc: Option<&'a str>,
    pub version: Option<&'a str>,
    pub policies: Option<&'a Value>,
}

/// A valid create request.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPolicy {
    /// The id the client chose, if any.
    pub policy_id: Option<String>,
    pub group_name: String,
    pub policy_type: PolicyType,
    pub name: String,
    pub desc: String,
    pub version: String,
    pub policies: Value,
}

impl NewPolicy {
    /// Field constraints (`PMS_COR_001`), the document (`PMS_COR_003` when absent), then the type
    /// (`PMS_POL_023` unless one of `allowed`).
    pub fn parse(req: PolicyRequest<'_>, allowed: &[PolicyType]) -> Result<NewPolicy, PolicyError> {
        let mut f = Fields::new();
        let policy_id = f.optional_text("policyId", req.policy_id, ID_MAX);
        let group_name = f.text("policyGroupName", req.policy_group_name, GROUP_NAME_MAX);
        let policy_type = f.text_or("policyType", req.policy_type, TYPE_MAX, TYPE_BLANK);
        let name = f.text("name", req.name, NAME_MAX);
        let desc = f.text("desc", req.desc, DESC_MAX);
        let version = f.text("version", req.version, VERSION_MAX);
        let policies = document(&mut f, req.policies)?;
        f.finish()?;
        let policy_type = PolicyType::parse_allowed(&policy_type, allowed)?;
        Ok(NewPolicy { policy_id, group_name, policy_type, name, desc, version, policies })
    }
}

/// The `policies` document: absent is MOSIP's `PMS_COR_003`; not an object is a field error.
fn document(f: &mut Fields, policies: Option<&Value>) -> Result<Value, PolicyError> {
    match policies {
        None | Some(Value::Null) => {
            if f.is_empty() {
                Err(PolicyError::Unprocessable { field: "policies" })
            } else {
                f.push("policies", "must not be null");
                Ok(Value::Null)
            }
        }
        Some(v @ Value::Object(_)) => Ok(v.clone()),
        Some(_) => {
            f.push("policies", "must be a JSON object");
            Ok(Value::Null)
        }
    }
}

/// An update request as received (`PolicyUpdateRequestDto`).
#[derive(Debug, Clone, Copy, Default)]
pub struct PolicyUpdateRequest<'a> {
    pub policy_group_name: Option<&'a str>,
    pub name: Option<&'a str>,
    pub desc: Option<&'a str>,
    pub version: Option<&'a str>,
    pub policies: Option<&'a Value>,
}

/// A valid update request.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyChange {
    pub group_name: String,
    pub name: String,
    pub desc: String,
    pub version: String,
    pub policies: Value,
}

impl PolicyChange {
    pub fn parse(req: PolicyUpdateRequest<'_>) -> Result<PolicyChange, PolicyError> {
        let mut f = Fields::new();
        let group_name = f.text("policyGroupName", req.policy_group_name, GROUP_NAME_MAX);
        let name = f.text("name", req.name, NAME_MAX);
        let desc = f.text("desc", req.desc, DESC_MAX);
        let version = f.text("version", req.version, VERSION_MAX);
        let policies = document(&mut f, req.policies)?;
        f.finish()?;
        Ok(PolicyChange { group_name, name, desc, version, policies })
    }
}

/// The status a client asks for (`{status}` of the status endpoint): `true` = active.
pub fn parse_status(status: Option<&str>) -> Result<bool, PolicyError> {
    let status = status.ok_or(PolicyError::Unprocessable { field: "status" })?;
    match status.to_ascii_lowercase().as_str() {
        "active" => Ok(true),
        "de-active" => Ok(false),
        _ => Err(PolicyError::BadStatus),
    }
}

/// The group and the policy a path names must exist, the group be active, and the policy belong
/// to it (`PMS_POL_016`, `PMS_POL_053`, `PMS_POL_008`, `PMS_POL_015`, in MOSIP's order).
pub fn check_mapping<'a>(
    group: Option<&'a PolicyGroup>,
    policy: Option<&'a Policy>,
) -> Result<(&'a PolicyGroup, &'a Policy), PolicyError> {
    let group = group.ok_or(PolicyError::GroupNotFound)?;
    if !group.is_active {
        return Err(PolicyError::GroupInactive);
    }
    let policy = policy.ok_or(PolicyError::PolicyNotFound)?;
    if policy.group_id != group.id {
        return Err(PolicyError::NotMapped);
    }
    Ok((group, policy))
}

/// The end of a validity that starts at `from`.
pub fn valid_until(from: NaiveDateTime) -> NaiveDateTime {
    from.checked_add_months(Months::new(VALIDITY_YEARS * 12)).unwrap_or(NaiveDateTime::MAX)
}

impl Policy {
    /// A new draft in `group`, valid from `now` for [`VALIDITY_YEARS`]. Refused when the group is
    /// inactive, `name_taken` (a policy of that name is in the group), or the document breaks its
    /// type's schema.
    pub fn create(
        id: String,
        group: &PolicyGroup,
        new: NewPolicy,
        name_taken: bool,
        schemas: &PolicySchemas,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<Policy, PolicyError> {
        if !group.is_active {
            return Err(PolicyError::GroupInactive);
        }
        if name_taken {
            return Err(PolicyError::PolicyNameTaken(new.name));
        }
        schemas.validate(new.policy_type, &new.policies)?;
        Ok(Policy {
            id,
            group_id: group.id.clone(),
            name: new.name,
            desc: new.desc,
            policies: new.policies.to_string(),
            policy_type: new.policy_type.to_string(),
            version: new.version,
            schema: None,
            valid_from: now,
            valid_to: valid_until(now),
            is_active: false,
            cr_by: user.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        })
    }

    pub fn stage(&self) -> Stage {
        if self.schema.is_some() { Stage::Published } else { Stage::Drafted }
    }

    /// MOSIP's `status` label: `PUBLISHED` when active, else `DRAFTED`.
    pub fn status_label(&self) -> &'static str {
        if self.is_active { "PUBLISHED" } else { "DRAFTED" }
    }

    /// The stored document as JSON (`PMS_POL_052` when it is not). Stray commas (`,,`, `[,`,
    /// `,}`), which MOSIP's JSON reader skips and MOSIP's own default data contains, are skipped
    /// here too.
    pub fn document(&self) -> Result<Value, PolicyError> {
        serde_json::from_str(&self.policies)
            .or_else(|_| serde_json::from_str(&without_stray_commas(&self.policies)))
            .map_err(|_| PolicyError::StoredPolicyUnreadable)
    }

    /// The draft after `change` (its group is checked by [`check_mapping`] first). Refused when
    /// published, when `name_taken` by another policy of the group, or when the document breaks
    /// the schema of the policy's type (the type cannot change).
    pub fn update(
        &self,
        change: PolicyChange,
        name_taken: bool,
        schemas: &PolicySchemas,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<Policy, PolicyError> {
        if self.stage() == Stage::Published {
            return Err(PolicyError::PublishedImmutable);
        }
        if change.name != self.name && name_taken {
            return Err(PolicyError::PolicyNameTaken(change.name));
        }
        let policy_type = PolicyType::parse(&self.policy_type).ok_or(PolicyError::SchemaMissing)?;
        schemas.validate(policy_type, &change.policies)?;
        Ok(Policy {
            name: change.name,
            desc: change.desc,
            version: change.version,
            policies: change.policies.to_string(),
            upd_by: Some(user.to_owned()),
            upd_dtimes: Some(now),
            ..self.clone()
        })
    }

    /// The published policy: active, immutable, carrying `schema_url`. Publishing twice is refused.
    pub fn publish(&self, schema_url: &str, user: &str, now: NaiveDateTime) -> Result<Policy, PolicyError> {
        if self.stage() == Stage::Published {
            return Err(PolicyError::AlreadyPublished);
        }
        Ok(Policy {
            schema: Some(schema_url.to_owned()),
            is_active: true,
            upd_by: Some(user.to_owned()),
            upd_dtimes: Some(now),
            ..self.clone()
        })
    }

    /// The policy after a status request (`active`: true to activate). A published policy's
    /// status is fixed; a draft cannot be activated; a policy with active API keys cannot be
    /// deactivated. What remains, deactivating a draft, changes nothing but the update stamp.
    pub fn set_status(
        &self,
        active: bool,
        has_active_keys: bool,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<Policy, PolicyError> {
        if self.stage() == Stage::Published {
            return Err(PolicyError::PublishedStatusFixed);
        }
        if active {
            return Err(PolicyError::CannotActivateDraft);
        }
        if has_active_keys {
            return Err(PolicyError::ActiveApiKeys);
        }
        Ok(Policy { is_active: false, upd_by: Some(user.to_owned()), upd_dtimes: Some(now), ..self.clone() })
    }
}

/// `text` without the commas that separate nothing (outside strings).
fn without_stray_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for ch in text.chars() {
        if in_string {
            out.push(ch);
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        let last = out.trim_end().chars().last();
        match ch {
            ',' if matches!(last, None | Some(',' | '{' | '[')) => {}
            '}' | ']' if last == Some(',') => {
                let keep = out.trim_end().len() - 1;
                out.truncate(keep);
                out.push(ch);
            }
            '"' => {
                in_string = true;
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::group::NewGroup;

    fn now() -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    fn schemas() -> PolicySchemas {
        PolicySchemas::builtin().unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn group(active: bool) -> PolicyGroup {
        let new = NewGroup::parse(Some("g"), Some("d")).unwrap_or_else(|e| panic!("{e}"));
        let mut g = PolicyGroup::create("g1".into(), new, false, "pm", now()).unwrap_or_else(|e| panic!("{e}"));
        g.is_active = active;
        g
    }

    fn misp_doc() -> Value {
        json!({"allowAuthRequestDelegation": true, "allowKycRequestDelegation": true, "allowKeyBindingDelegation": false})
    }

    fn request(doc: &Value) -> PolicyRequest<'_> {
        PolicyRequest {
            policy_id: None,
            policy_group_name: Some("g"),
            policy_type: Some("misp"),
            name: Some("p"),
            desc: Some("d"),
            version: Some("1.0"),
            policies: Some(doc),
        }
    }

    fn draft() -> Policy {
        let doc = misp_doc();
        let new = NewPolicy::parse(request(&doc), &PolicyType::ALL).unwrap_or_else(|e| panic!("{e}"));
        Policy::create("p1".into(), &group(true), new, false, &schemas(), "pm", now()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_new_policy_is_an_inactive_draft_valid_for_200_years() {
        let p = draft();
        assert_eq!((p.stage(), p.is_active, p.schema.as_deref()), (Stage::Drafted, false, None));
        assert_eq!(p.status_label(), "DRAFTED");
        assert_eq!(p.policy_type, "MISP");
        assert_eq!(p.valid_from, now());
        assert_eq!(p.valid_to.to_string()[..4], *"2223");
        assert_eq!(p.document(), Ok(misp_doc()));
    }

    #[test]
    fn create_checks_fields_then_document_then_type() {
        let doc = misp_doc();
        let missing = PolicyRequest { name: None, version: Some("123456789"), ..request(&doc) };
        let Err(PolicyError::InvalidFields(e)) = NewPolicy::parse(missing, &PolicyType::ALL) else { panic!() };
        assert_eq!(e.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["name", "version"]);
        let no_doc = PolicyRequest { policies: None, ..request(&doc) };
        assert_eq!(NewPolicy::parse(no_doc, &PolicyType::ALL), Err(PolicyError::Unprocessable { field: "policies" }));
        let array = json!([1]);
        let not_object = PolicyRequest { policies: Some(&array), ..request(&doc) };
        assert!(matches!(NewPolicy::parse(not_object, &PolicyType::ALL), Err(PolicyError::InvalidFields(_))));
        let unknown = PolicyRequest { policy_type: Some("abcd"), ..request(&doc) };
        assert_eq!(NewPolicy::parse(unknown, &PolicyType::ALL), Err(PolicyError::TypeNotAllowed));
        let no_type = PolicyRequest { policy_type: Some(" "), ..request(&doc) };
        let Err(PolicyError::InvalidFields(e)) = NewPolicy::parse(no_type, &PolicyType::ALL) else { panic!() };
        assert!(e[0].reason.starts_with("value is empty or null"));
        let long_id = "x".repeat(37);
        let bad_id = PolicyRequest { policy_id: Some(&long_id), ..request(&doc) };
        assert!(NewPolicy::parse(bad_id, &PolicyType::ALL).is_err());
        let blank_id = PolicyRequest { policy_id: Some(""), ..request(&doc) };
        assert_eq!(NewPolicy::parse(blank_id, &PolicyType::ALL).map(|n| n.policy_id), Ok(None));
    }

    #[test]
    fn create_refuses_inactive_groups_taken_names_and_bad_documents() {
        let doc = misp_doc();
        let new = NewPolicy::parse(request(&doc), &PolicyType::ALL).unwrap_or_else(|e| panic!("{e}"));
        let s = schemas();
        assert_eq!(
            Policy::create("p".into(), &group(false), new.clone(), false, &s, "pm", now()),
            Err(PolicyError::GroupInactive)
        );
        assert_eq!(
            Policy::create("p".into(), &group(true), new.clone(), true, &s, "pm", now()),
            Err(PolicyError::PolicyNameTaken("p".into()))
        );
        let bad = NewPolicy { policies: json!({"allowAuthRequestDelegation": 1}), ..new };
        let Err(PolicyError::SchemaViolations(v)) =
            Policy::create("p".into(), &group(true), bad, false, &s, "pm", now())
        else {
            panic!()
        };
        assert_eq!(v.len(), 3);
    }

    #[test]
    fn publish_makes_a_draft_active_once() {
        let p =
            draft().publish("https://schemas.mosip.io/v1/auth-policy", "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((p.stage(), p.is_active, p.status_label()), (Stage::Published, true, "PUBLISHED"));
        assert_eq!(p.upd_by.as_deref(), Some("pm2"));
        assert_eq!(p.publish("u", "pm", now()), Err(PolicyError::AlreadyPublished));
    }

    #[test]
    fn only_drafts_can_be_updated() {
        let change = PolicyChange {
            group_name: "g".into(),
            name: "q".into(),
            desc: "e".into(),
            version: "2".into(),
            policies: misp_doc(),
        };
        let s = schemas();
        let p = draft().update(change.clone(), false, &s, "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((p.name.as_str(), p.desc.as_str(), p.version.as_str()), ("q", "e", "2"));
        assert_eq!(
            draft().update(change.clone(), true, &s, "pm", now()),
            Err(PolicyError::PolicyNameTaken("q".into()))
        );
        let same_name = PolicyChange { name: "p".into(), ..change.clone() };
        assert!(draft().update(same_name, true, &s, "pm", now()).is_ok());
        let published = draft().publish("u", "pm", now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(published.update(change.clone(), false, &s, "pm", now()), Err(PolicyError::PublishedImmutable));
        let bad = PolicyChange { policies: json!({}), ..change };
        assert!(matches!(draft().update(bad, false, &s, "pm", now()), Err(PolicyError::SchemaViolations(_))));
    }

    #[test]
    fn update_requests_are_validated() {
        let doc = misp_doc();
        let req = PolicyUpdateRequest {
            policy_group_name: Some("g"),
            name: None,
            desc: Some("d"),
            version: Some("1"),
            policies: Some(&doc),
        };
        assert!(matches!(PolicyChange::parse(req), Err(PolicyError::InvalidFields(_))));
        let req = PolicyUpdateRequest { name: Some("n"), ..req };
        assert!(PolicyChange::parse(req).is_ok());
    }

    #[test]
    fn status_rules() {
        assert_eq!(parse_status(Some("De-Active")), Ok(false));
        assert_eq!(parse_status(Some("ACTIVE")), Ok(true));
        assert_eq!(parse_status(Some("on")), Err(PolicyError::BadStatus));
        assert_eq!(parse_status(None), Err(PolicyError::Unprocessable { field: "status" }));
        let d = draft();
        assert_eq!(d.set_status(true, false, "pm", now()), Err(PolicyError::CannotActivateDraft));
        assert_eq!(d.set_status(false, true, "pm", now()), Err(PolicyError::ActiveApiKeys));
        let off = d.set_status(false, false, "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!off.is_active);
        assert_eq!(off.upd_by.as_deref(), Some("pm2"));
        let published = d.publish("u", "pm", now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(published.set_status(false, false, "pm", now()), Err(PolicyError::PublishedStatusFixed));
        assert_eq!(published.set_status(true, false, "pm", now()), Err(PolicyError::PublishedStatusFixed));
    }

    #[test]
    fn mapping_checks_come_in_mosips_order() {
        let p = draft();
        let active = group(true);
        assert_eq!(check_mapping(None, Some(&p)).err(), Some(PolicyError::GroupNotFound));
        assert_eq!(check_mapping(Some(&group(false)), None).err(), Some(PolicyError::GroupInactive));
        assert_eq!(check_mapping(Some(&active), None).err(), Some(PolicyError::PolicyNotFound));
        let other = Policy { group_id: "g2".into(), ..p.clone() };
        assert_eq!(check_mapping(Some(&active), Some(&other)).err(), Some(PolicyError::NotMapped));
        assert!(check_mapping(Some(&active), Some(&p)).is_ok());
    }

    #[test]
    fn stray_commas_in_stored_documents_are_skipped_as_mosip_skips_them() {
        let p = Policy { policies: r#"{"a":[1,,2,],,"b":"x,,}",}"#.into(), ..draft() };
        assert_eq!(p.document(), Ok(json!({"a": [1, 2], "b": "x,,}"})));
        let p = Policy { policies: r#"{"s":"q\"\\",,"t":1}"#.into(), ..draft() };
        assert_eq!(p.document(), Ok(json!({"s": "q\"\\", "t": 1})));
    }

    #[test]
    fn an_unreadable_stored_document_is_pol_052() {
        let p = Policy { policies: "{oops".into(), ..draft() };
        assert_eq!(p.document(), Err(PolicyError::StoredPolicyUnreadable));
    }
}
