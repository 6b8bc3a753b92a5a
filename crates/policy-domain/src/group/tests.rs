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
    assert_eq!(PolicyGroup::create("1".into(), new, true, "pm", now()), Err(PolicyError::GroupNameTaken("g".into())));
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
    assert_eq!(GroupChange::parse(Some("g"), Some("d"), None), Err(PolicyError::Unprocessable { field: "isActive" }));
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
