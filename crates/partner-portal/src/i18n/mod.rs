//! The portal's languages: every user-facing text is a message of a Fluent catalogue, looked up
//! in the language the request chose ([`choice`]) and, when that language lacks it, in English.
//! The chosen language and time zone are a task-local of the request, so any code that renders
//! during it can look messages up with [`t!`].

mod catalogues;
pub mod choice;
#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use fluent_bundle::FluentArgs;

pub use catalogues::{Catalogues, ENGLISH};

/// The language and time zone a request is rendered in.
pub struct Locale {
    catalogues: Arc<Catalogues>,
    pub tag: String,
    /// The user's offset from UTC, in minutes (east positive).
    pub offset_minutes: i32,
    /// The browser has not told its time zone yet: times are shown in UTC.
    pub zone_unknown: bool,
    /// A time was shown (in [`Locale::offset_minutes`]).
    time_shown: AtomicBool,
}

tokio::task_local! {
    static CURRENT: Arc<Locale>;
}

impl Locale {
    pub fn new(catalogues: Arc<Catalogues>, tag: &str, offset_minutes: i32) -> Self {
        Locale {
            catalogues,
            tag: tag.to_owned(),
            offset_minutes,
            zone_unknown: false,
            time_shown: AtomicBool::new(false),
        }
    }

    /// This locale, with the time zone a guess (UTC) until the browser tells it.
    pub fn zone_unknown(mut self) -> Self {
        self.zone_unknown = true;
        self
    }

    /// Records that the page shows a time.
    pub fn showed_time(&self) {
        self.time_shown.store(true, Ordering::Relaxed);
    }

    /// Whether the page shows a time in a zone that is only a guess.
    pub fn times_in_guessed_zone(&self) -> bool {
        self.zone_unknown && self.time_shown.load(Ordering::Relaxed)
    }

    pub fn right_to_left(&self) -> bool {
        self.catalogues.get(&self.tag).is_some_and(|c| c.right_to_left())
    }

    /// The message `id`, from the chosen language or else English.
    pub fn message(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        self.catalogues
            .get(&self.tag)
            .and_then(|c| c.format(id, args))
            .or_else(|| self.catalogues.english().and_then(|c| c.format(id, args)))
    }

    /// Each language the portal speaks, with its name in that language.
    pub fn languages(&self) -> Vec<(String, String)> {
        self.catalogues
            .tags()
            .map(|tag| {
                let name = self.catalogues.get(tag).and_then(|c| c.format("language-name", None));
                (tag.to_owned(), name.unwrap_or_else(|| tag.to_owned()))
            })
            .collect()
    }
}

/// The catalogues compiled in, for code that runs outside a portal request (and for tests).
pub fn built_in() -> Arc<Catalogues> {
    static BUILT_IN: OnceLock<Arc<Catalogues>> = OnceLock::new();
    BUILT_IN.get_or_init(|| Arc::new(Catalogues::built_in())).clone()
}

/// Runs `fut` with `locale` as the current one.
pub async fn scope<F: std::future::Future>(locale: Locale, fut: F) -> F::Output {
    CURRENT.scope(Arc::new(locale), fut).await
}

/// The locale of the running request; English and UTC outside one.
pub fn current() -> Arc<Locale> {
    static DEFAULT: OnceLock<Arc<Locale>> = OnceLock::new();
    CURRENT
        .try_with(Arc::clone)
        .unwrap_or_else(|_| DEFAULT.get_or_init(|| Arc::new(Locale::new(built_in(), ENGLISH, 0))).clone())
}

/// The message `id` in the current language (English when it lacks it).
pub fn tr(id: &str) -> String {
    lookup(id, None)
}

/// The message `id` with `args` in the current language.
pub fn tr_with(id: &str, args: &FluentArgs) -> String {
    lookup(id, Some(args))
}

/// The message `id` when some catalogue has it (messages looked up by a computed id, such as
/// an error code's).
pub fn tr_opt(id: &str, args: Option<&FluentArgs>) -> Option<String> {
    current().message(id, args)
}

fn lookup(id: &str, args: Option<&FluentArgs>) -> String {
    current().message(id, args).unwrap_or_else(|| {
        tracing::warn!(id, "portal message missing from the English catalogue");
        String::new()
    })
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the request's language.
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $crate::i18n::tr_with($id, &args)
    }};
}
pub(crate) use t;
