//! Policy groups: create, rename, describe, switch on and off.

use chrono::NaiveDateTime;

use crate::error::PolicyError;
use crate::fields::Fields;

/// Longest group name and description the API accepts (MOSIP's `@Size(max = 128)`).
pub const NAME_MAX: usize = 128;
pub const DESC_MAX: usize = 128;

/// A policy group as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyGroup {
    pub id: String,
    pub name: String,
    pub desc: String,
    /// Who created or last changed it.
    pub user_id: String,
    pub is_active: bool,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
    pub upd_by: Option<String>,
    pub upd_dtimes: Option<NaiveDateTime>,
}

/// A valid create request: `{name, desc}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    pub name: String,
    pub desc: String,
}

impl NewGroup {
    pub fn parse(name: Option<&str>, desc: Option<&str>) -> Result<NewGroup, PolicyError> {
        let mut f = Fields::new();
        let name = f.text("name", name, NAME_MAX);
        let desc = f.text("desc", desc, DESC_MAX);
        f.finish()?;
        Ok(NewGroup { name, desc })
    }
}

/// A valid update request: `{name, desc, isActive}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupChange {
    pub name: String,
    pub desc: String,
    pub is_active: bool,
}

impl GroupChange {
    /// `isActive` has no bean constraint in MOSIP, whose update then fails on the null
    /// (`PMS_COR_003`); so does this one, after the field checks.
    pub fn parse(name: Option<&str>, desc: Option<&str>, is_active: Option<bool>) -> Result<GroupChange, PolicyError> {
        let NewGroup { name, desc } = NewGroup::parse(name, desc)?;
        let is_active = is_active.ok_or(PolicyError::Unprocessable { field: "isActive" })?;
        Ok(GroupChange { name, desc, is_active })
    }
}

impl PolicyGroup {
    /// A new, active group. `name_taken`: a group of that name exists.
    pub fn create(
        id: String,
        new: NewGroup,
        name_taken: bool,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<PolicyGroup, PolicyError> {
        if name_taken {
            return Err(PolicyError::GroupNameTaken(new.name));
        }
        Ok(PolicyGroup {
            id,
            name: new.name,
            desc: new.desc,
            user_id: user.to_owned(),
            is_active: true,
            cr_by: user.to_owned(),
            cr_dtimes: now,
            upd_by: None,
            upd_dtimes: None,
        })
    }

    /// The group after `change`. `name_taken`: another group holds the new name;
    /// `has_active_policies`: a published, active policy belongs to this group (then it cannot be
    /// switched on or off).
    pub fn update(
        &self,
        change: GroupChange,
        name_taken: bool,
        has_active_policies: bool,
        user: &str,
        now: NaiveDateTime,
    ) -> Result<PolicyGroup, PolicyError> {
        if change.name != self.name && name_taken {
            return Err(PolicyError::GroupNameTaken(change.name));
        }
        if change.is_active != self.is_active && has_active_policies {
            return Err(PolicyError::ActivePoliciesInGroup);
        }
        Ok(PolicyGroup {
            name: change.name,
            desc: change.desc,
            is_active: change.is_active,
            user_id: user.to_owned(),
            upd_by: Some(user.to_owned()),
            upd_dtimes: Some(now),
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests;
