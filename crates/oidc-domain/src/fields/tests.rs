use super::*;

fn strings(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|s| (*s).to_owned()).collect())
}

fn reasons(c: &Checks) -> Vec<(String, String)> {
    c.violations.iter().map(|v| (v.field.clone(), v.reason.clone())).collect()
}

#[test]
fn text_is_present_not_blank_and_within_its_limit() {
    let mut c = Checks::default();
    assert_eq!(c.text("name", Some("rp".into()), Some(NAME_MAX)), Some("rp".into()));
    assert_eq!(c.text("name", Some("  ".into()), Some(NAME_MAX)), None);
    assert_eq!(c.text("name", None, None), None);
    assert_eq!(c.text("policyId", Some("x".repeat(37)), Some(POLICY_ID_MAX)), None);
    assert_eq!(c.text("name", Some("é".repeat(256)), Some(NAME_MAX)), Some("é".repeat(256)), "characters, not bytes");
    assert_eq!(reasons(&c)[2], ("policyId".into(), "size must be between 1 and 36".into()));
    assert_eq!(c.violations.len(), 3);
}

#[test]
fn logo_uris_are_absolute_and_bounded() {
    let mut c = Checks::default();
    assert!(c.logo_uri(Some("https://rp.example.org/logo.png".into())).is_some());
    assert!(c.logo_uri(Some("logo.png".into())).is_none());
    assert!(c.logo_uri(Some(format!("https://x.org/{}", "a".repeat(2048)))).is_none());
    assert_eq!(reasons(&c)[0].1, "must be a valid URL");
}

#[test]
fn redirect_uris_number_one_to_five_absolute_without_fragments() {
    let mut c = Checks::default();
    assert!(c.redirect_uris(strings(&["https://rp.example.org/cb", "app://cb"])).is_some());
    assert!(c.redirect_uris(strings(&[])).is_none());
    assert!(
        c.redirect_uris(strings(&[
            "https://a/1",
            "https://a/2",
            "https://a/3",
            "https://a/4",
            "https://a/5",
            "https://a/6"
        ]))
        .is_none()
    );
    assert!(c.redirect_uris(strings(&["https://a/cb", "/relative"])).is_none());
    assert!(c.redirect_uris(strings(&["https://a/cb#x"])).is_none());
    assert!(c.redirect_uris(None).is_none());
    let r = reasons(&c);
    assert_eq!(r[2].0, "redirectUris[1]");
    assert_eq!(r[3], ("redirectUris[0]".into(), "must be an absolute URI without a fragment".into()));
    assert_eq!(r[4].1, "must not be null");
}

#[test]
fn grant_types_and_auth_methods_come_from_the_allowed_lists() {
    let allowed = Allowed::default();
    let mut c = Checks::default();
    assert!(c.choices("grantTypes", strings(&["authorization_code"]), &allowed.grant_types).is_some());
    assert!(c.choices("grantTypes", strings(&["implicit"]), &allowed.grant_types).is_none());
    assert!(c.choices("clientAuthMethods", strings(&["a", "b", "c", "d"]), &allowed.client_auth_methods).is_none());
    assert_eq!(reasons(&c)[0], ("grantTypes[0]".into(), "must be one of authorization_code".into()));
    assert_eq!(reasons(&c)[1].1, "size must be between 1 and 3");
}

#[test]
fn name_maps_have_three_letter_keys_and_names() {
    let mut c = Checks::default();
    let good: BTreeMap<String, String> = [("eng".to_owned(), "RP".to_owned())].into();
    assert!(c.name_langs(Some(good.clone())).is_some());
    assert!(c.name_langs(Some(BTreeMap::new())).is_none());
    assert!(c.name_langs(Some([("en".to_owned(), " ".to_owned())].into())).is_none());
    assert_eq!(c.violations.len(), 3, "{:?}", c.violations);
    assert_eq!(oauth_name("RP", &good), r#"{"@none":"RP","eng":"RP"}"#);
}
