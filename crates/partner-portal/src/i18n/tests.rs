use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;

use super::catalogues::BUILT_IN;
use super::*;

/// The message ids a catalogue defines.
fn ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let simple = id.chars().next()?.is_ascii_alphabetic()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            simple.then(|| id.to_owned())
        })
        .collect()
}

/// The ids the code looks up with `t!("…")`.
fn used_ids(dir: &Path, found: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            used_ids(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let source: String =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            let pieces: Vec<&str> = source.split("t!(").collect();
            for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                let a_macro = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
                let literal = piece.trim_start().strip_prefix('"').and_then(|rest| rest.split_once('"'));
                if let (true, Some((id, _))) = (a_macro, literal)
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    found.insert(id.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_catalogue_parses_and_has_every_english_message() {
    let english = ids(BUILT_IN[0].1);
    assert!(english.len() > 50, "{}", english.len());
    for (tag, source) in BUILT_IN {
        assert!(FluentResource::try_new((*source).to_owned()).is_ok(), "{tag}: the catalogue does not parse");
        let own = ids(source);
        let missing: Vec<_> = english.difference(&own).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        let extra: Vec<_> = own.iter().filter(|id| !english.contains(*id)).collect();
        assert!(extra.is_empty(), "{tag} has messages English lacks: {extra:?}");
    }
}

#[test]
fn every_message_the_code_uses_is_in_english() {
    let mut used = BTreeSet::new();
    used_ids(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    assert!(used.len() > 50, "{}", used.len());
    let english = ids(BUILT_IN[0].1);
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(missing.is_empty(), "used but not in locales/en/portal.ftl: {missing:?}");
}

#[test]
fn every_english_message_is_used() {
    let mut used = BTreeSet::new();
    used_ids(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut used);
    // looked up by a computed id: MOSIP's codes, audit events, master data, the picker's language names
    let computed = |id: &str| {
        ["error-", "event-", "partner-type-", "policy-type-", "device-type-"].iter().any(|p| id.starts_with(p))
            || id == "language-name"
    };
    let unused: Vec<_> = ids(BUILT_IN[0].1).into_iter().filter(|id| !used.contains(id) && !computed(id)).collect();
    assert!(unused.is_empty(), "messages no page uses: {unused:?}");
}

#[actix_web::test]
async fn a_message_missing_in_a_language_is_english_and_never_its_id() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.path().join("de")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("de/portal.ftl"), "language-name = Deutsch\nnav-home = Startseite\n")
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.path().join("fr")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("fr/portal.ftl"), "nav-home = Page d’accueil\n").unwrap_or_else(|e| panic!("{e}"));
    let all = Arc::new(Catalogues::with_dir(Some(dir.path())));
    let de = Locale::new(all.clone(), "de", 0);
    let (home, logout) = scope(de, async { (t!("nav-home"), t!("nav-log-out")) }).await;
    assert_eq!((home.as_str(), logout.as_str()), ("Startseite", "Log out"));
    let fr = Locale::new(all, "fr", 0);
    let (home, logout) = scope(fr, async { (t!("nav-home"), t!("nav-log-out")) }).await;
    assert_eq!((home.as_str(), logout.as_str()), ("Page d’accueil", "Se déconnecter"));
    assert_eq!(tr("no-such-message"), "");
}

#[actix_web::test]
async fn plurals_follow_the_language() {
    let days = |tag: &'static str, n: i64| {
        scope(Locale::new(built_in(), tag, 0), async move { t!("expiry-in-days", days = n) })
    };
    assert_eq!(days("en", 1).await, "expires in 1 day");
    assert_eq!(days("en", 10).await, "expires in 10 days");
    assert_eq!(days("fr", 1).await, "expire dans 1 jour");
    assert_eq!(days("fr", 10).await, "expire dans 10 jours");
    assert_ne!(days("ar", 2).await, days("ar", 10).await);
}
