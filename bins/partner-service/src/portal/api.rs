//! The portal's one way into the service: the API's own handlers, called in-process with the
//! session's principal and a MOSIP request envelope, their answer read back as the MOSIP response
//! envelope. Rules, error codes and audit records are therefore exactly the API's.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};
use serde::de::DeserializeOwned;
use serde_json::Value;
use web_support::{ApiError, ErrorItem, RequestEnvelope};

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

    #[cfg(test)]
    pub fn code(&self) -> &str {
        self.errors.first().map_or("", |e| e.error_code.as_str())
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

/// A MOSIP request envelope around `request`, typed as the handler wants it.
pub fn envelope<T: DeserializeOwned>(request: Value) -> Result<web::Json<RequestEnvelope<T>>, Refusal> {
    let body = serde_json::json!({
        "id": "mosip.partnermanagement.portal",
        "version": "1.0",
        "requesttime": web_support::time::mosip_now(),
        "request": request,
    });
    serde_json::from_value(body)
        .map(web::Json)
        .map_err(|e| Refusal::one(StatusCode::BAD_REQUEST, "PMS_COR_001", format!("Invalid request parameter - {e}")))
}

/// A query string type built from `query`.
pub fn query<T: DeserializeOwned>(query: Value) -> Result<web::Query<T>, Refusal> {
    serde_json::from_value(query)
        .map(web::Query)
        .map_err(|e| Refusal::one(StatusCode::BAD_REQUEST, "PMS_COR_001", format!("Invalid request parameter - {e}")))
}

/// App data the handlers take.
pub fn data<T: 'static>(req: &HttpRequest) -> Result<web::Data<T>, Refusal> {
    req.app_data::<web::Data<T>>()
        .cloned()
        .ok_or_else(|| Refusal::from(ApiError::internal(format!("{} is not registered", std::any::type_name::<T>()))))
}

/// Reads a handler's answer (success or error) back as the MOSIP envelope it renders.
pub async fn answer<E: ResponseError>(result: Result<HttpResponse, E>) -> Answer {
    let res = match result {
        Ok(res) => res,
        Err(e) => e.error_response(),
    };
    let status = res.status();
    let bytes = actix_web::body::to_bytes(res.into_body())
        .await
        .map_err(|_| Refusal::from(ApiError::internal("reading an answer")))?;
    let envelope: Value = serde_json::from_slice(&bytes)
        .map_err(|e| Refusal::from(ApiError::internal(format!("an answer is not JSON: {e}"))))?;
    let errors: Vec<ErrorItem> = envelope
        .get("errors")
        .filter(|e| !e.is_null())
        .map(|e| serde_json::from_value(e.clone()).unwrap_or_default())
        .unwrap_or_default();
    if !errors.is_empty() {
        return Err(Refusal { status, errors });
    }
    if !status.is_success() {
        return Err(Refusal::one(status, web_support::error::UNEXPECTED, "Could not process the request"));
    }
    Ok(envelope.get("response").cloned().unwrap_or(Value::Null))
}

/// `answer`, with the response parsed into `T`.
pub async fn typed<T: DeserializeOwned, E: ResponseError>(result: Result<HttpResponse, E>) -> Answer<T> {
    let value = answer(result).await?;
    serde_json::from_value(value).map_err(|e| Refusal::from(ApiError::internal(format!("unexpected answer: {e}"))))
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

    #[actix_web::test]
    async fn answers_and_errors_read_back_from_the_envelope() {
        let ok: Result<HttpResponse, ApiError> =
            Ok(HttpResponse::Ok().json(web_support::ResponseEnvelope::ok(serde_json::json!({"a": 1}))));
        assert_eq!(answer(ok).await.ok(), Some(serde_json::json!({"a": 1})));
        let refused: Result<HttpResponse, ApiError> = Err(ApiError::business("PMS_X", "no"));
        let r = answer(refused).await.err().map(|r| (r.code().to_owned(), r.errors[0].message.clone()));
        assert_eq!(r, Some(("PMS_X".into(), "no".into())));
        let forbidden: Result<HttpResponse, ApiError> = Err(ApiError::forbidden());
        assert_eq!(answer(forbidden).await.err().map(|r| r.status), Some(StatusCode::FORBIDDEN));
    }
}
