//! What a page shows of an operation that refused: MOSIP's errors (and the HTTP status the API
//! would answer with). Pages call the application layer's operations, so rules, error codes and
//! audit records are exactly the API's.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, ResponseError, web};
use app_core::{AppError, Store};
use serde_json::Value;
use web_support::{ApiError, Db, ErrorItem};

use crate::i18n::{t, tr_opt};

/// A refused operation: MOSIP's errors and the HTTP status the API answered with.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub status: StatusCode,
    pub errors: Vec<ErrorItem>,
}

impl Refusal {
    pub fn one(status: StatusCode, code: &str, message: impl Into<String>) -> Self {
        Refusal { status, errors: vec![ErrorItem::new(code, message)] }
    }

    /// The first error's MOSIP code.
    pub fn code(&self) -> &str {
        self.errors.first().map_or("", |e| e.error_code.as_str())
    }

    /// The errors as one line, for a message carried over a redirect.
    pub fn flat(&self) -> String {
        self.errors.iter().map(|e| format!("{} ({})", readable_error(e), e.error_code)).collect::<Vec<_>>().join("; ")
    }

    /// Messages for the form field `field` (`PMS_COR_001` "… :request.<field>").
    pub fn for_field(&self, field: &str) -> Vec<&str> {
        self.errors
            .iter()
            .filter_map(|e| {
                let (message, path) = e.message.rsplit_once(" :")?;
                let f = path.strip_prefix("request.").unwrap_or(path);
                (f.eq_ignore_ascii_case(field)).then_some(message)
            })
            .collect()
    }
}

/// A field problem of MOSIP's ("must not be blank") in the user's language when the catalogue
/// words it, as MOSIP says it otherwise.
pub fn problem_words(message: &str) -> String {
    let problem = message.strip_prefix("Invalid request parameter - ").unwrap_or(message);
    match problem {
        "must not be blank" | "must not be null" | "must not be empty" | "value is empty or null" => {
            t!("problem-required")
        }
        _ => problem.to_owned(),
    }
}

/// One of MOSIP's errors for people: a field's problem with the field named, else the
/// catalogue's words for the code (`error-<code>`), else the API's message; the portal's own
/// refusals as they are.
pub fn readable_error(e: &ErrorItem) -> String {
    match e.message.rsplit_once(" :") {
        Some((text, path)) if path.starts_with("request") => {
            let field = path.strip_prefix("request.").unwrap_or(path);
            let problem = problem_words(text);
            if field == "request" || field.is_empty() {
                problem
            } else {
                t!("error-field", field = field, problem = problem)
            }
        }
        // the portal's own refusals are worded in the user's language already, with their detail
        _ if e.error_code.starts_with(PORTAL_CODES) => e.message.clone(),
        _ => coded_words(e).unwrap_or_else(|| e.message.clone()),
    }
}

/// The catalogue's words for the error's code (`error-<code>`, or `error-<code>-<case>` where
/// the code has cases, as the password rules of `PMS_ONB_010`), with the number MOSIP's message
/// states as `$n`.
fn coded_words(e: &ErrorItem) -> Option<String> {
    let code = e.error_code.as_str();
    let id = match e.wording.case {
        Some(case) => format!("error-{code}-{case}"),
        None => format!("error-{code}"),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    if let Some(n) = e.wording.n {
        args.set("n", n);
    }
    tr_opt(&id, Some(&args))
}

/// The prefix of the portal's own error codes (`PMS_POR_001`…).
const PORTAL_CODES: &str = "PMS_POR_";

/// MOSIP's field message for people: "Invalid request parameter - must not be blank
/// :request.name" reads "name: must not be blank" (the code stays beside it).
pub fn readable(message: &str) -> String {
    match message.rsplit_once(" :") {
        Some((text, path)) if path.starts_with("request") => {
            let field = path.strip_prefix("request.").unwrap_or(path);
            let text = text.strip_prefix("Invalid request parameter - ").unwrap_or(text);
            if field == "request" || field.is_empty() { text.to_owned() } else { format!("{field}: {text}") }
        }
        _ => message.to_owned(),
    }
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        if e.status.is_server_error() {
            // logged once with its cause, as the API would
            let _ = e.error_response();
        }
        Refusal { status: e.status, errors: e.errors }
    }
}

/// An operation's answer: the envelope's `response`, or its errors.
pub type Answer<T = Value> = Result<T, Refusal>;

/// App data the handlers take.
pub fn data<T: 'static>(req: &HttpRequest) -> Result<web::Data<T>, Refusal> {
    req.app_data::<web::Data<T>>()
        .cloned()
        .ok_or_else(|| Refusal::from(ApiError::internal(format!("{} is not registered", std::any::type_name::<T>()))))
}

/// Runs an operation on the store.
pub async fn call<T, F>(req: &HttpRequest, op: F) -> Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
{
    let db = data::<Db>(req)?;
    Ok(db.call(op).await?)
}

/// Runs an operation on the store with the rules `C` the service registered.
pub async fn call_with<C, T, F>(req: &HttpRequest, op: F) -> Answer<T>
where
    C: Send + Sync + 'static,
    T: Send + 'static,
    F: FnOnce(&Store, &C) -> Result<T, AppError> + Send + 'static,
{
    let db = data::<Db>(req)?;
    let cfg = data::<C>(req)?;
    Ok(db.call(move |store| op(store, &cfg)).await?)
}

/// The store's clock (injected in tests), for expiries; the system clock if the store is not
/// registered.
pub async fn now(req: &HttpRequest) -> chrono::NaiveDateTime {
    match data::<Db>(req) {
        Ok(db) => db.call(|store| Ok(store.now())).await.unwrap_or_else(|_| chrono::Utc::now().naive_utc()),
        Err(_) => chrono::Utc::now().naive_utc(),
    }
}

/// A page of MOSIP search results.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Page<T> {
    pub from_record: i64,
    pub to_record: i64,
    pub total_record: i64,
    pub data: Option<Vec<T>>,
}

impl<T> Page<T> {
    pub fn items(&self) -> &[T] {
        self.data.as_deref().unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_are_found_by_their_request_path() {
        let r = Refusal {
            status: StatusCode::OK,
            errors: vec![
                ErrorItem::new("PMS_COR_001", "Invalid request parameter - must not be blank :request.name"),
                ErrorItem::new("PMS_COR_001", "Invalid request parameter - must not be null :request.desc"),
                ErrorItem::new("PMS_POL_009", "Policy group exists with name : x"),
            ],
        };
        assert_eq!(r.for_field("name"), ["Invalid request parameter - must not be blank"]);
        assert_eq!(r.for_field("desc").len(), 1);
        assert!(r.for_field("version").is_empty());
        assert_eq!(r.code(), "PMS_COR_001");
    }

    #[test]
    fn field_messages_read_without_the_request_path() {
        assert_eq!(
            readable("Invalid request parameter - must not be null :request.isActive"),
            "isActive: must not be null"
        );
        assert_eq!(readable("Policy group exists with name : x"), "Policy group exists with name : x");
        let r =
            Refusal::one(StatusCode::OK, "PMS_COR_001", "Invalid request parameter - must not be blank :request.name");
        assert_eq!(r.flat(), "name: must be filled in (PMS_COR_001)");
        let known = ErrorItem::new("PMS_PRT_005", "Partner does not exist");
        assert_eq!(readable_error(&known), "No partner with this id exists.");
        let unknown = ErrorItem::new("PMS_XYZ_999", "Something the catalogue does not know");
        assert_eq!(readable_error(&unknown), "Something the catalogue does not know");
    }

    /// The domain's own messages, with their numbers and rules, read in French and Arabic: none
    /// stays in MOSIP's English, and the number MOSIP's message carries is kept.
    #[actix_web::test]
    async fn messages_with_a_number_or_a_rule_read_in_the_users_language() {
        use partner_domain::PartnerError;
        use partner_domain::onboarding::{OnboardingError, PasswordPolicy};

        use crate::i18n::{Locale, built_in, scope};

        let policy = PasswordPolicy::default();
        let weak = |password: &str| policy.check(password, "someone", Some("someone@example.org")).err();
        let refused: Vec<AppError> = [
            OnboardingError::ResendTooSoon(42),
            OnboardingError::SendLimitReached(17),
            OnboardingError::WrongOtp(1),
            OnboardingError::WrongOtp(3),
            OnboardingError::LoginLocked(250),
            OnboardingError::OtpThrottled(90),
        ]
        .into_iter()
        .chain(
            ["short", &"x".repeat(200), "someone-secret-1", "aaaaaaaaaaaa", "   ", "tab\there-pass-1"]
                .into_iter()
                .filter_map(weak),
        )
        .map(AppError::from)
        .chain([AppError::from(PartnerError::InvalidPhone { max: 16 })])
        .collect();
        assert_eq!(refused.len(), 13, "{refused:?}");
        for tag in ["fr", "ar"] {
            for refusal in &refused {
                // as a page receives it: through the API's error, as a `Refusal`
                let Refusal { errors, .. } = Refusal::from(ApiError::from(refusal.clone()));
                let (item, message) = (&errors[0], refusal.message());
                let read = scope(Locale::new(built_in(), tag, 0), async { readable_error(item) }).await;
                assert!(!read.is_empty() && read != message, "{tag}: {} stays in English: {read}", item.error_code);
                if let Some(n) = message.split(|c: char| !c.is_ascii_digit()).find(|d| !d.is_empty() && d.len() > 1) {
                    assert!(read.contains(n), "{tag}: {} lost its number {n}: {read}", item.error_code);
                }
            }
        }
    }
}
