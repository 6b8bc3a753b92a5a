//! The message catalogues: English, Arabic and French compiled in, and the `<lang>/portal.ftl`
//! files of `[portal] locales_dir` that add languages or override messages.

use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The language every lookup falls back to.
pub const ENGLISH: &str = "en";

/// The catalogues compiled into the binary, English first.
pub const BUILT_IN: &[(&str, &str)] = &[
    (ENGLISH, include_str!("../../locales/en/portal.ftl")),
    ("ar", include_str!("../../locales/ar/portal.ftl")),
    ("fr", include_str!("../../locales/fr/portal.ftl")),
];

/// Languages written right to left (by primary subtag).
const RIGHT_TO_LEFT: &[&str] = &["ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

type Bundle = FluentBundle<FluentResource>;

/// One language's messages.
pub struct Catalogue {
    pub tag: String,
    bundle: Bundle,
}

impl Catalogue {
    fn new(tag: &str) -> Option<Self> {
        let id: LanguageIdentifier = tag.parse().ok()?;
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // isolation marks keep an argument's direction apart from right-to-left text; in
        // left-to-right text they would only be noise
        bundle.set_use_isolating(is_right_to_left(tag));
        Some(Catalogue { tag: tag.to_owned(), bundle })
    }

    fn add(&mut self, source: &str, origin: &str) {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((partial, errors)) => {
                tracing::warn!(origin, errors = errors.len(), "portal catalogue: some messages could not be read");
                partial
            }
        };
        self.bundle.add_resource_overriding(resource);
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.get_message(id).is_some_and(|m| m.value().is_some())
    }

    /// The message `id` with `args`, `None` when this catalogue lacks it.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::debug!(id, lang = self.tag, "portal message formatted with errors");
        }
        Some(text.into_owned())
    }

    pub fn right_to_left(&self) -> bool {
        is_right_to_left(&self.tag)
    }
}

pub fn is_right_to_left(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    RIGHT_TO_LEFT.iter().any(|l| l.eq_ignore_ascii_case(primary))
}

/// Every language the portal speaks, English first.
pub struct Catalogues {
    languages: Vec<Catalogue>,
}

impl Catalogues {
    /// The built-in catalogues.
    pub fn built_in() -> Self {
        let mut languages = Vec::new();
        for (tag, source) in BUILT_IN {
            if let Some(mut c) = Catalogue::new(tag) {
                c.add(source, tag);
                languages.push(c);
            }
        }
        Catalogues { languages }
    }

    /// The built-in catalogues with `dir`'s `<lang>/portal.ftl` files over them.
    pub fn with_dir(dir: Option<&Path>) -> Self {
        let mut all = Catalogues::built_in();
        if let Some(dir) = dir {
            all.load_dir(dir);
        }
        all
    }

    fn load_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "portal.locales_dir cannot be read");
                return;
            }
        };
        let mut found: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        found.sort();
        for path in found {
            let Some(tag) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
            let file = path.join("portal.ftl");
            let Ok(source) = std::fs::read_to_string(&file) else { continue };
            let origin = file.display().to_string();
            match self.languages.iter_mut().find(|c| c.tag.eq_ignore_ascii_case(&tag)) {
                Some(existing) => existing.add(&source, &origin),
                None => match Catalogue::new(&tag) {
                    Some(mut c) => {
                        c.add(&source, &origin);
                        self.languages.push(c);
                    }
                    None => tracing::warn!(origin, "portal.locales_dir: not a language tag"),
                },
            }
            tracing::info!(origin, "portal catalogue loaded");
        }
    }

    pub fn get(&self, tag: &str) -> Option<&Catalogue> {
        self.languages.iter().find(|c| c.tag.eq_ignore_ascii_case(tag))
    }

    pub fn english(&self) -> Option<&Catalogue> {
        self.get(ENGLISH)
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|c| c.tag.as_str())
    }
}
