//! eSignet's client-management API, as MOSIP's PMS calls it: `{requestTime, request}` posted (a
//! new client) or put (`/{client_id}`, a change), with the bearer token also as the
//! `Authorization` cookie. eSignet answers HTTP 200 with `{response, errors}`.

use std::sync::Arc;
use std::time::Duration;

use app_core::AppError;
use serde_json::{Value, json};
use websub_publisher::TokenSource;

use super::Flavour;

/// `PMS_KKS_001`: eSignet could not be reached or answered an HTTP error (a create).
pub const NOT_ACCESSIBLE: &str = "PMS_KKS_001";
/// `PMS_PRT_500`: eSignet's answer made no sense, or an update failed to reach it.
pub const UNABLE_TO_PROCESS: &str = "PMS_PRT_500";
/// `PMS_PRT_107`: eSignet answered nothing.
pub const NULL_RESPONSE: &str = "PMS_PRT_107";

/// Where client changes are forwarded, and the token they are sent with.
#[derive(Clone)]
pub struct Esignet {
    base: String,
    token: Arc<TokenSource>,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Esignet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Esignet").field("base", &self.base).finish_non_exhaustive()
    }
}

impl Esignet {
    pub fn new(base: &str, token: TokenSource, timeout: Duration) -> Self {
        let agent = ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(false).build();
        Esignet { base: base.trim_end_matches('/').to_owned(), token: Arc::new(token), agent: agent.into() }
    }

    fn url(&self, flavour: Flavour, client_id: Option<&str>) -> String {
        let kind = match flavour {
            Flavour::OAuth => "oauth-client",
            Flavour::Oidc => "oidc-client",
        };
        match client_id {
            Some(id) => format!("{}/v1/esignet/client-mgmt/{kind}/{}", self.base, encode_segment(id)),
            None => format!("{}/v1/esignet/client-mgmt/{kind}", self.base),
        }
    }

    /// Sends a new client; eSignet's refusal comes back with its code.
    pub fn create(&self, flavour: Flavour, request_time: &str, request: Value) -> Result<(), AppError> {
        let req = self.agent.post(self.url(flavour, None));
        self.send(req, request_time, request, NOT_ACCESSIBLE)
    }

    /// Sends a change of `client_id`; eSignet's refusal comes back with its code.
    pub fn update(
        &self,
        flavour: Flavour,
        client_id: &str,
        request_time: &str,
        request: Value,
    ) -> Result<(), AppError> {
        let req = self.agent.put(self.url(flavour, Some(client_id)));
        self.send(req, request_time, request, UNABLE_TO_PROCESS)
    }

    fn send(
        &self,
        mut req: ureq::RequestBuilder<ureq::typestate::WithBody>,
        request_time: &str,
        request: Value,
        unreachable: &str,
    ) -> Result<(), AppError> {
        let down = |detail: String| {
            let message = if unreachable == NOT_ACCESSIBLE {
                "Error while accessing the API.Please check the logs."
            } else {
                "Unable to process the request."
            };
            AppError::refused(unreachable, message).with_detail(detail)
        };
        let token = self.token.token(&self.agent).map_err(|e| down(format!("eSignet's token: {e:#}")))?;
        if let Some(token) = &token {
            req = req
                .header("Cookie", &format!("Authorization={token}"))
                .header("Authorization", &format!("Bearer {token}"));
        }
        let body = json!({"requestTime": request_time, "request": request});
        let mut answer = req.send_json(&body).map_err(|e| down(format!("eSignet: {e}")))?;
        let status = answer.status().as_u16();
        if status == 401 {
            self.token.forget();
        }
        if !(200..300).contains(&status) {
            return Err(down(format!("eSignet answered HTTP {status}")));
        }
        let body: Value = answer.body_mut().read_json().map_err(|e| {
            AppError::refused(NULL_RESPONSE, "Response from the API is null.").with_detail(e.to_string())
        })?;
        judge(&body)
    }
}

/// eSignet's answer: a response is acceptance; otherwise its first error, passed back.
fn judge(body: &Value) -> Result<(), AppError> {
    if body.get("response").is_some_and(|r| !r.is_null()) {
        return Ok(());
    }
    let first = body.get("errors").and_then(Value::as_array).and_then(|e| e.first());
    match first {
        Some(e) => {
            let code = e.get("errorCode").and_then(Value::as_str).unwrap_or(UNABLE_TO_PROCESS);
            let message = e.get("errorMessage").or_else(|| e.get("message")).and_then(Value::as_str).unwrap_or(code);
            Err(AppError::refused(code, message))
        }
        None => Err(AppError::refused(UNABLE_TO_PROCESS, "Unable to process the request.")),
    }
}

/// `id` as one path segment (client ids are base64url, but an update's path is the caller's).
fn encode_segment(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_judged_as_mosip_does() {
        assert!(judge(&json!({"response": {"clientId": "c"}, "errors": []})).is_ok());
        let refused =
            judge(&json!({"response": null, "errors": [{"errorCode": "duplicate_client_id", "errorMessage": "dup"}]}));
        assert_eq!(refused.as_ref().map_err(|e| (e.code(), e.message())).err(), Some(("duplicate_client_id", "dup")));
        assert_eq!(
            judge(&json!({"response": null, "errors": []})).err().map(|e| e.code().to_owned()),
            Some(UNABLE_TO_PROCESS.into())
        );
    }

    #[test]
    fn client_ids_are_one_path_segment() {
        let e = Esignet::new("http://esignet/", TokenSource::None, Duration::from_secs(1));
        assert_eq!(
            e.url(Flavour::OAuth, Some("a/b c")),
            "http://esignet/v1/esignet/client-mgmt/oauth-client/a%2Fb%20c"
        );
        assert_eq!(e.url(Flavour::Oidc, None), "http://esignet/v1/esignet/client-mgmt/oidc-client");
    }
}
