//! Domain errors of this service → `ApiError`: each carries its MOSIP code and message and
//! becomes a business error (HTTP 200), as MOSIP answers; field errors become `PMS_COR_001` items.
//!
//! Both types are foreign to this crate, so the conversion is a function (`.map_err(api)`)
//! rather than a `From` impl.

use audit_events::AuditEvent;
use misp_domain::MispError;
use web_support::ApiError;

/// The API error of a domain error.
pub fn api(e: MispError) -> ApiError {
    match e {
        MispError::InvalidFields(fields) => {
            let items = fields.iter().flat_map(|f| ApiError::invalid_field(f.field, &f.reason).errors).collect();
            ApiError::business_many(items)
        }
        other => ApiError::business(other.code(), other.to_string()),
    }
}

/// The API error of a domain error, recording `event` (about `ref_id`) as its failure audit.
pub fn audited(e: MispError, event: AuditEvent, ref_id: Option<&str>) -> ApiError {
    api(e).audit(event, ref_id)
}

/// A store call that must not fail by running out of attempts (ids, key collisions).
pub fn exhausted(what: &str) -> ApiError {
    ApiError::internal(format!("{what}: every attempt collided"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use misp_domain::FieldError;

    #[test]
    fn business_errors_keep_code_and_message() {
        let e = api(MispError::MispNotFound("101".into()));
        assert!(e.status.is_success());
        assert_eq!(e.code(), "PMS_MSP_005");
        assert_eq!(e.message(), "MISP ID does not exist  101");
    }

    #[test]
    fn field_errors_become_one_item_each() {
        let e = api(MispError::InvalidFields(vec![
            FieldError::new("emailId", "must not be null"),
            FieldError::new("address", "must not be blank"),
        ]));
        assert_eq!(e.errors.len(), 2);
        assert_eq!(e.code(), "PMS_COR_001");
        assert_eq!(e.message(), "Invalid request parameter - must not be null :request.emailId");
        assert_eq!(e.errors[1].message, "Invalid request parameter - must not be blank :request.address");
    }
}
