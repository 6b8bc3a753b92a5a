//! Policies: drafted, validated against their type's schema, published (then immutable).

mod requests;

use chrono::{Months, NaiveDateTime};
use serde_json::Value;

use crate::error::PolicyError;
use crate::group::PolicyGroup;
use crate::schema::PolicySchemas;
use crate::types::PolicyType;

pub use requests::{NewPolicy, PolicyChange, PolicyRequest, PolicyUpdateRequest, parse_status};

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
mod tests;
