//! MOSIP's WebSub hub as its publisher speaks to it.

use std::time::Duration;

use anyhow::Context;
use serde_json::Value;

use crate::token::TokenSource;

pub struct Hub {
    agent: ureq::Agent,
    url: String,
    token: TokenSource,
}

/// Why a publish did not go through.
#[derive(Debug)]
pub enum PublishError {
    /// The hub answered, but not with a 2xx.
    Refused { status: u16, body: String },
    /// No answer: connection, timeout, or no token.
    Unreachable(String),
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Refused { status, body } => write!(f, "hub answered {status}: {body}"),
            PublishError::Unreachable(why) => write!(f, "hub unreachable: {why}"),
        }
    }
}

impl Hub {
    pub fn new(url: String, token: TokenSource, timeout: Duration) -> Self {
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(false).build().into();
        Hub { agent, url, token }
    }

    /// `hub.mode=register` for `topic` (a form POST). A hub that already knows the topic may
    /// refuse; that is not an error to the caller, who logs it.
    pub fn register(&self, topic: &str) -> anyhow::Result<u16> {
        let mut req = self.agent.post(&self.url);
        if let Some(token) = self.token.token(&self.agent)? {
            req = with_token(req, &token);
        }
        let answer = req
            .send_form([("hub.mode", "register"), ("hub.topic", topic)])
            .with_context(|| format!("registering {topic} at {}", self.url))?;
        Ok(answer.status().as_u16())
    }

    /// `POST <hub>?hub.mode=publish&hub.topic=<topic>` with the event as JSON; a 2xx is delivery.
    pub fn publish(&self, topic: &str, body: &Value) -> Result<(), PublishError> {
        let token = self.token.token(&self.agent).map_err(|e| PublishError::Unreachable(format!("{e:#}")))?;
        let mut req = self
            .agent
            .post(&self.url)
            .query("hub.mode", "publish")
            .query("hub.topic", topic)
            .header("Content-Type", "application/json");
        if let Some(token) = &token {
            req = with_token(req, token);
        }
        let mut answer = req.send_json(body).map_err(|e| PublishError::Unreachable(e.to_string()))?;
        let status = answer.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(());
        }
        if status == 401 || status == 403 {
            self.token.forget();
        }
        let body = answer.body_mut().read_to_string().unwrap_or_default();
        Err(PublishError::Refused { status, body: body.chars().take(300).collect() })
    }
}

impl Hub {
    /// POSTs `content` as the multipart file part `file` (named `name`) to `url` with the hub's
    /// token; answers the JSON reply.
    pub fn post_file(&self, url: &str, name: &str, content: &str) -> anyhow::Result<Value> {
        let boundary = format!("pms-{}", uuid::Uuid::new_v4().simple());
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n{name}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"filename\"\r\n\r\n{name}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n{content}\r\n--{boundary}--\r\n"
        );
        let mut req = self.agent.post(url).header("Content-Type", &format!("multipart/form-data; boundary={boundary}"));
        if let Some(token) = self.token.token(&self.agent)? {
            req = with_token(req, &token);
        }
        let mut answer = req.send(body.as_bytes()).with_context(|| format!("datashare {url}"))?;
        let status = answer.status().as_u16();
        anyhow::ensure!((200..300).contains(&status), "datashare {url} answered {status}");
        answer.body_mut().read_json().context("datashare answer")
    }
}

fn with_token<B>(req: ureq::RequestBuilder<B>, token: &str) -> ureq::RequestBuilder<B> {
    req.header("Cookie", &format!("Authorization={token}")).header("Authorization", &format!("Bearer {token}"))
}
