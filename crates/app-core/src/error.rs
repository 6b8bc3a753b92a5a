//! The one failure type of the application layer, and the one place where each domain's error
//! becomes it. The web layer maps an [`AppError`] to HTTP in one place too (`web-support`).

use audit_events::AuditEvent;
use persistence::{PersistenceError, QueryError};

/// `PMS_COR_001`: a field of the request breaks a constraint.
pub const INVALID_INPUT: &str = "PMS_COR_001";
/// `PMS_COR_003`: something went wrong here (or the store is busy).
pub const UNEXPECTED: &str = "PMS_COR_003";
/// `KER-ATH-403`: the caller may not do this.
pub const FORBIDDEN: &str = "KER-ATH-403";

/// What kind of failure: the web layer picks the HTTP status from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// A business or validation rule refused the request (MOSIP answers these with HTTP 200).
    Refused,
    /// The caller may not touch this (another partner's data).
    Forbidden,
    /// The store could not be reached in time; worth retrying.
    Unavailable,
    /// A fault of the service: logged with its detail, answered without it.
    Internal,
}

/// One `{errorCode, message}` of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: String,
    pub message: String,
    /// For a client that words the problem in its own language (the portal); not in the API.
    pub wording: Wording,
}

impl Problem {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { code: code.into(), message: message.into(), wording: Wording::default() }
    }
}

/// What the English message of a problem says as data, for a client that words it in its own
/// language: which case of the code it is (the password rule a `PMS_ONB_010` broke), and the
/// number the message states (seconds to wait, attempts left, a length).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wording {
    pub case: Option<&'static str>,
    pub n: Option<i64>,
}

/// A failed operation: MOSIP's code(s) and message(s), its kind, and the audit events it records
/// instead of the operation's default failure events.
#[derive(Debug, Clone)]
pub struct AppError {
    pub kind: FailureKind,
    pub problems: Vec<Problem>,
    pub audit: Vec<(AuditEvent, Option<String>)>,
    /// What went wrong inside, for the log only.
    pub detail: Option<String>,
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code(), self.message())
    }
}

impl std::error::Error for AppError {}

impl AppError {
    fn of(kind: FailureKind, code: &str, message: impl Into<String>) -> Self {
        AppError { kind, problems: vec![Problem::new(code, message)], audit: Vec::new(), detail: None }
    }

    /// A rule refused the request.
    pub fn refused(code: &str, message: impl Into<String>) -> Self {
        Self::of(FailureKind::Refused, code, message)
    }

    /// Several refusals at once, the first one first.
    pub fn refused_many(problems: Vec<Problem>) -> Self {
        AppError { kind: FailureKind::Refused, problems, audit: Vec::new(), detail: None }
    }

    /// `PMS_COR_001` "Invalid request parameter - <why> :request.<field>".
    pub fn invalid_field(path: &str, why: &str) -> Self {
        Self::refused_many(vec![invalid_field_problem(path, why)])
    }

    pub fn forbidden() -> Self {
        Self::of(FailureKind::Forbidden, FORBIDDEN, "Forbidden")
    }

    pub fn unavailable(detail: impl Into<String>) -> Self {
        Self::of(FailureKind::Unavailable, UNEXPECTED, "Service busy, try again").with_detail(detail)
    }

    /// Something unexpected: logged in full, answered without internals.
    pub fn internal(detail: impl Into<String>) -> Self {
        Self::of(FailureKind::Internal, UNEXPECTED, "Could not process the request").with_detail(detail)
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Records `event` (about `ref_id`) instead of the operation's default failure events.
    pub fn audit(mut self, event: AuditEvent, ref_id: Option<&str>) -> Self {
        self.audit.push((event, ref_id.map(str::to_owned)));
        self
    }

    /// The first problem's [`Wording`].
    fn worded(mut self, case: Option<&'static str>, n: Option<i64>) -> Self {
        if let Some(first) = self.problems.first_mut() {
            first.wording = Wording { case, n };
        }
        self
    }

    /// The first error code.
    pub fn code(&self) -> &str {
        self.problems.first().map_or("", |p| p.code.as_str())
    }

    /// The first message.
    pub fn message(&self) -> &str {
        self.problems.first().map_or("", |p| p.message.as_str())
    }
}

/// The `PMS_COR_001` item of a field that breaks a constraint.
pub fn invalid_field_problem(path: &str, why: &str) -> Problem {
    let path = if path == "request" || path == "requesttime" || path.starts_with("request.") {
        path.to_owned()
    } else {
        format!("request.{path}")
    };
    Problem::new(INVALID_INPUT, format!("Invalid request parameter - {why} :{path}"))
}

impl From<PersistenceError> for AppError {
    fn from(e: PersistenceError) -> Self {
        match e {
            PersistenceError::PoolTimeout => AppError::unavailable("database pool exhausted"),
            other if other.is_unavailable() => AppError::unavailable(format!("store unavailable: {other}")),
            other => AppError::internal(format!("store: {other}")),
        }
    }
}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> Self {
        if persistence::is_store_unavailable(&e) {
            return AppError::unavailable(format!("store unavailable: {e}"));
        }
        AppError::internal(format!("query: {e}"))
    }
}

impl From<partner_domain::PartnerError> for AppError {
    fn from(e: partner_domain::PartnerError) -> Self {
        AppError::refused(e.code(), e.to_string()).worded(None, e.limit())
    }
}

impl From<policy_domain::PolicyError> for AppError {
    fn from(e: policy_domain::PolicyError) -> Self {
        let problems = e.errors().into_iter().map(|(code, message)| Problem::new(code, message)).collect();
        let err = AppError::refused_many(problems);
        match e {
            policy_domain::PolicyError::SchemaUnreadable(detail) => err.with_detail(detail),
            _ => err,
        }
    }
}

impl From<crate::paged::PageError> for AppError {
    fn from(e: crate::paged::PageError) -> Self {
        AppError::refused(e.code(), e.to_string())
    }
}

impl From<misp_domain::MispError> for AppError {
    fn from(e: misp_domain::MispError) -> Self {
        match e {
            misp_domain::MispError::InvalidFields(fields) => {
                AppError::refused_many(fields.iter().map(|f| invalid_field_problem(f.field, &f.reason)).collect())
            }
            other => AppError::refused(other.code(), other.to_string()),
        }
    }
}

impl From<oidc_domain::OidcError> for AppError {
    fn from(e: oidc_domain::OidcError) -> Self {
        match e {
            oidc_domain::OidcError::InvalidFields(fields) => {
                AppError::refused_many(fields.iter().map(|f| invalid_field_problem(&f.field, &f.reason)).collect())
            }
            other => AppError::refused(other.code(), other.to_string()),
        }
    }
}

impl From<device_domain::DeviceError> for AppError {
    fn from(e: device_domain::DeviceError) -> Self {
        match e {
            device_domain::DeviceError::InvalidFields(fields) => {
                AppError::refused_many(fields.iter().map(|f| invalid_field_problem(f.field, &f.reason)).collect())
            }
            other => AppError::refused(other.code(), other.to_string()),
        }
    }
}

// MOSIP 1.2.2's SBI and device life cycle (`PMS_DEVICE_ERROR_0xx`)
impl From<device_domain::LifecycleError> for AppError {
    fn from(e: device_domain::LifecycleError) -> Self {
        AppError::refused(e.code(), e.to_string())
    }
}

impl From<partner_domain::onboarding::OnboardingError> for AppError {
    fn from(e: partner_domain::onboarding::OnboardingError) -> Self {
        if e.is_internal() {
            return AppError::internal(e.to_string());
        }
        let (case, n) = e.wording();
        AppError::refused(e.code(), e.to_string()).worded(case, n)
    }
}

impl From<partner_domain::certificate::CertificateError> for AppError {
    fn from(e: partner_domain::certificate::CertificateError) -> Self {
        if e.is_business() { AppError::refused(e.code(), e.to_string()) } else { AppError::internal(e.to_string()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use misp_domain::{FieldError, MispError};

    #[test]
    fn field_paths_are_prefixed_with_request() {
        let e = AppError::invalid_field("emailId", "must not be null");
        assert_eq!(e.code(), INVALID_INPUT);
        assert_eq!(e.message(), "Invalid request parameter - must not be null :request.emailId");
        assert_eq!(AppError::invalid_field("requesttime", "x").message(), "Invalid request parameter - x :requesttime");
    }

    #[test]
    fn misp_field_errors_become_one_problem_each() {
        let e = AppError::from(MispError::InvalidFields(vec![
            FieldError::new("emailId", "must not be null"),
            FieldError::new("address", "must not be blank"),
        ]));
        assert_eq!(e.problems.len(), 2);
        assert_eq!(e.kind, FailureKind::Refused);
        assert_eq!(e.problems[1].message, "Invalid request parameter - must not be blank :request.address");
    }

    #[test]
    fn a_business_error_keeps_code_and_message() {
        let e = AppError::from(MispError::MispNotFound("101".into()));
        assert_eq!((e.code(), e.message()), ("PMS_MSP_005", "MISP ID does not exist  101"));
    }

    #[test]
    fn a_lost_connection_is_unavailable_not_internal() {
        let lost = || {
            QueryError::DatabaseError(
                diesel::result::DatabaseErrorKind::ClosedConnection,
                Box::new("server closed the connection unexpectedly".to_owned()),
            )
        };
        assert_eq!(AppError::from(lost()).kind, FailureKind::Unavailable);
        assert_eq!(AppError::from(PersistenceError::Query(lost())).kind, FailureKind::Unavailable);
        let full = QueryError::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            Box::new("database or disk is full".to_owned()),
        );
        assert_eq!(AppError::from(full).code(), UNEXPECTED);
        assert_eq!(AppError::from(QueryError::NotFound).kind, FailureKind::Internal);
    }

    #[test]
    fn a_refusal_carries_what_its_message_says_as_data() {
        use partner_domain::onboarding::{OnboardingError, WeakPassword};
        let e = AppError::from(OnboardingError::WeakPassword(WeakPassword::TooLong { max: 128 }));
        assert_eq!(e.problems[0].wording, Wording { case: Some("long"), n: Some(128) });
        let e = AppError::from(partner_domain::PartnerError::InvalidPhone { max: 16 });
        assert_eq!(e.problems[0].wording, Wording { case: None, n: Some(16) });
        assert_eq!(AppError::from(OnboardingError::OtpExpired).problems[0].wording, Wording::default());
    }

    #[test]
    fn pool_timeout_is_unavailable_other_store_faults_internal() {
        assert_eq!(AppError::from(PersistenceError::PoolTimeout).kind, FailureKind::Unavailable);
        let e = AppError::from(policy_domain::PolicyError::SchemaUnreadable("bad".into()));
        assert_eq!(e.detail.as_deref(), Some("bad"));
    }
}
