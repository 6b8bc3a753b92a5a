//! The test client: MOSIP envelopes over HTTP, tokens, and what an answer means.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde_json::{Value, json};

/// What a call came back with.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// 2xx without errors: the change is acknowledged; `response` of the envelope.
    Ok(Value),
    /// 2xx with `errors[]` (MOSIP's business errors): the first code.
    Refused(String),
    /// Any other status, with the first error code of a MOSIP envelope (empty if the body was none).
    Status(u16, String),
    /// No answer (connection refused or reset: the service is down).
    Transport,
}

impl Outcome {
    pub fn ok(&self) -> Option<&Value> {
        match self {
            Outcome::Ok(v) => Some(v),
            _ => None,
        }
    }
}

pub fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(timeout)).build().into()
}

pub fn token(user: &str, roles: &[&str]) -> anyhow::Result<String> {
    let roles: Vec<String> = roles.iter().map(|r| (*r).to_owned()).collect();
    web_support::auth::mint_hs256(&SecretString::from(crate::services::SECRET), user, &roles, None, 24 * 3600)
}

/// An admin of both services.
pub fn admin_token() -> anyhow::Result<String> {
    token("rel-admin", &["PARTNER_ADMIN", "POLICYMANAGER", "PARTNERMANAGER", "MISP_ADMIN", "ID_AUTHENTICATION"])
}

pub fn envelope(request: Value) -> Value {
    json!({"id": "mosip.reliability", "version": "1.0", "requesttime": "2026-01-01T00:00:00.000Z", "request": request})
}

/// One client over one agent.
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new() -> Self {
        Client { agent: agent(Duration::from_secs(30)) }
    }

    /// Sends `method url` with `body` (an envelope) as `token`; answers the outcome and the time taken.
    pub fn call(&self, method: &str, url: &str, token: &str, body: Option<&Value>) -> (Outcome, Duration) {
        let started = Instant::now();
        let auth = format!("Bearer {token}");
        let sent = match (method, body) {
            ("GET", _) | (_, None) => self.agent.get(url).header("Authorization", &auth).call(),
            ("POST", Some(b)) => self.agent.post(url).header("Authorization", &auth).send_json(b),
            ("PUT", Some(b)) => self.agent.put(url).header("Authorization", &auth).send_json(b),
            (_, Some(b)) => self.agent.patch(url).header("Authorization", &auth).send_json(b),
        };
        let outcome = match sent {
            Err(_) => Outcome::Transport,
            Ok(mut res) => {
                let status = res.status().as_u16();
                let text = res.body_mut().read_to_string().unwrap_or_default();
                classify(status, &text)
            }
        };
        (outcome, started.elapsed())
    }
}

fn classify(status: u16, text: &str) -> Outcome {
    let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let code = body
        .get("errors")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
        .and_then(|e| e.get("errorCode"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    match (status, code) {
        (200..=299, None) => Outcome::Ok(body.get("response").cloned().unwrap_or(Value::Null)),
        (200..=299, Some(code)) => Outcome::Refused(code),
        (s, code) => Outcome::Status(s, code.unwrap_or_default()),
    }
}
