//! The templates: language fallback, the adopter's overrides, placeholders.

use std::collections::HashMap;

use super::*;

fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

#[test]
fn every_template_exists_in_each_built_in_language_and_falls_back_to_english() {
    let t = MailTemplates::built_in();
    let v = vars(&[("partnerId", "p1"), ("partnerName", "Acme")]);
    for name in
        ["partner_registered", "partner_status", "apikey_status", "apikey_expiry", "cert_expiry", "weekly_summary"]
    {
        for lang in ["eng", "ara", "fra"] {
            assert!(t.render(name, lang, &v).is_some(), "{name}.{lang}");
        }
    }
    let (fr, _) = t.render("partner_registered", "fra", &v).unwrap();
    assert_eq!(fr, "Votre compte partenaire p1 est enregistré");
    let (ar, _) = t.render("partner_registered", "ara", &v).unwrap();
    assert!(ar.starts_with("تم تسجيل") && ar.contains("p1"), "{ar}");
    let (hin, body) = t.render("partner_registered", "hin", &v).unwrap();
    assert_eq!(hin, "Your partner account p1 is registered", "no Hindi template: English");
    assert!(body.starts_with("Dear Acme,"));
    assert!(t.render("no_such_template", "eng", &v).is_none());
}

#[test]
fn placeholders_are_filled_once_and_unknown_ones_left_as_written() {
    let t = MailTemplates::built_in();
    let v = vars(&[("partnerId", "{partnerName}"), ("partnerName", "Acme")]);
    let (subject, _) = t.render("partner_registered", "eng", &v).unwrap();
    assert_eq!(subject, "Your partner account {partnerName} is registered", "a value is not filled in again");
    let (subject, _) = t.render("partner_status", "eng", &vars(&[("partnerId", "p1")])).unwrap();
    assert_eq!(subject, "Partner p1 is now {status}");
}

#[test]
fn the_adopters_files_override_and_add_languages_and_bad_files_stop_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("apikey_status.eng.txt", "Key {apiKeyName}: {status}\n\nOur own words.\n");
    write("apikey_status.hin.txt", "कुंजी {apiKeyName}\n\nस्थिति {status}\n");
    let settings = MailSettings { templates_dir: Some(dir.path().to_owned()) };
    let t = settings.templates().unwrap();
    let v = vars(&[("apiKeyName", "k1"), ("status", "ACTIVE")]);
    assert_eq!(t.render("apikey_status", "eng", &v).unwrap(), ("Key k1: ACTIVE".into(), "Our own words.\n".into()));
    assert_eq!(t.render("apikey_status", "hin", &v).unwrap().0, "कुंजी k1");
    assert_eq!(t.render("apikey_status", "kan", &v).unwrap().0, "Key k1: ACTIVE", "fallback to the overridden English");
    assert!(
        t.render("apikey_status", "fra", &v).unwrap().0.starts_with("La clé d'API"),
        "built-ins not overridden stay"
    );

    write("apikey_sttus.eng.txt", "typo\n\nbody");
    assert!(settings.templates().unwrap_err().to_string().contains("no template is called apikey_sttus"));
    std::fs::remove_file(dir.path().join("apikey_sttus.eng.txt")).unwrap();
    write("cert_expiry.eng.txt", "\n\nno subject");
    assert!(settings.templates().is_err());
    let missing = MailSettings { templates_dir: Some(dir.path().join("absent")) };
    assert!(missing.templates().is_err());
}

#[test]
fn an_outgoing_mail_needs_an_address_and_defaults_to_english() {
    assert!(Outgoing::new(None, "apikey_status", Some("fra"), &[]).is_none());
    assert!(Outgoing::new(Some("  "), "apikey_status", Some("fra"), &[]).is_none());
    let m = Outgoing::new(Some(" p@example.org "), "apikey_status", None, &[("a", "b")]).unwrap();
    assert_eq!((m.to.as_str(), m.lang.as_str()), ("p@example.org", "eng"));
    assert_eq!(Outgoing::new(Some("p@x.org"), "t", Some("FRA"), &[]).unwrap().lang, "fra");
}
