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
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000, 0).map(|d| d.naive_utc()).unwrap_or_default()
    }

    fn group() -> PolicyGroup {
        let new = NewGroup::parse(Some("g"), Some("d")).unwrap_or_else(|e| panic!("{e}"));
        PolicyGroup::create("1".into(), new, false, "pm", now()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_new_group_is_active_and_owned_by_its_creator() {
        let g = group();
        assert!(g.is_active);
        assert_eq!((g.cr_by.as_str(), g.user_id.as_str(), g.upd_by), ("pm", "pm", None));
    }

    #[test]
    fn names_are_unique() {
        let new = NewGroup::parse(Some("g"), Some("d")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            PolicyGroup::create("1".into(), new, true, "pm", now()),
            Err(PolicyError::GroupNameTaken("g".into()))
        );
    }

    #[test]
    fn name_and_description_are_required_and_bounded() {
        let Err(PolicyError::InvalidFields(e)) = NewGroup::parse(None, Some(&"x".repeat(129))) else {
            panic!("expected field errors")
        };
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].field, "name");
        assert_eq!(e[1].reason, "Length should be in between 1 and 128 chars");
        assert!(NewGroup::parse(Some(&"x".repeat(128)), Some("d")).is_ok());
    }

    #[test]
    fn an_update_without_is_active_cannot_be_processed() {
        assert_eq!(
            GroupChange::parse(Some("g"), Some("d"), None),
            Err(PolicyError::Unprocessable { field: "isActive" })
        );
        assert!(matches!(GroupChange::parse(None, Some("d"), None), Err(PolicyError::InvalidFields(_))));
    }

    #[test]
    fn an_update_renames_describes_and_toggles() {
        let change = GroupChange { name: "h".into(), desc: "e".into(), is_active: false };
        let g = group().update(change, false, false, "pm2", now()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((g.name.as_str(), g.desc.as_str(), g.is_active), ("h", "e", false));
        assert_eq!((g.upd_by.as_deref(), g.user_id.as_str(), g.cr_by.as_str()), (Some("pm2"), "pm2", "pm"));
    }

    #[test]
    fn a_rename_onto_a_taken_name_is_refused() {
        let change = GroupChange { name: "h".into(), desc: "e".into(), is_active: true };
        assert_eq!(group().update(change, true, false, "pm", now()), Err(PolicyError::GroupNameTaken("h".into())));
        let same = GroupChange { name: "g".into(), desc: "e".into(), is_active: true };
        assert!(group().update(same, true, false, "pm", now()).is_ok());
    }

    #[test]
    fn a_group_with_active_policies_keeps_its_state() {
        let off = GroupChange { name: "g".into(), desc: "d".into(), is_active: false };
        assert_eq!(group().update(off, false, true, "pm", now()), Err(PolicyError::ActivePoliciesInGroup));
        let on = GroupChange { name: "g".into(), desc: "new".into(), is_active: true };
        assert!(group().update(on, false, true, "pm", now()).is_ok());
    }
}
