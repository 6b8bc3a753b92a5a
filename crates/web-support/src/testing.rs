//! Helpers for tests that run a real service: settings for a fresh store, a server on its own
//! thread and port, tokens, and a small blocking HTTP client.

use std::sync::mpsc;
use std::time::Duration;

use persistence::testing::TestDb;
use secrecy::SecretString;
use serde_json::Value;

use crate::settings::Settings;
use crate::startup::Running;

pub mod matrix;
pub mod snapshot;

/// The HS256 secret test services verify with.
pub const TEST_SECRET: &str = "test-secret-0123456789abcdef0123456789";

/// Settings for a service on `db`, with its data under `data_dir`, on any free port.
pub fn settings<S: Default>(db: &TestDb, data_dir: &std::path::Path) -> Settings<S> {
    let mut s = Settings { data_dir: data_dir.to_path_buf(), ..Settings::default() };
    s.database.url = Some(db.url.clone());
    s.database.migrate_on_start = true;
    s.server.port = Some(0);
    s.server.workers = 1;
    s.server.shutdown_timeout_secs = 1;
    s.auth.hs256_secret = Some(SecretString::from(TEST_SECRET));
    s
}

/// A token for `user` with `roles`, signed with [`TEST_SECRET`].
pub fn token(user: &str, roles: &[&str]) -> String {
    let roles: Vec<String> = roles.iter().map(|r| (*r).to_owned()).collect();
    crate::auth::mint_hs256(&SecretString::from(TEST_SECRET), user, &roles, None, 3600)
        .unwrap_or_else(|e| panic!("minting a token: {e}"))
}

/// A service running on a thread of its own; stopped, with its background threads, when dropped.
pub struct Served {
    pub port: u16,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        // the stop command is sent at once; joining waits until the server and its store closed
        drop(self.handle.stop(false));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs the service `make` builds on a thread of its own; returns once it listens.
pub fn spawn<F>(make: F) -> Served
where
    F: FnOnce() -> anyhow::Result<Running> + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            match make() {
                Ok(running) => {
                    let _ = tx.send(Ok((running.port, running.handle())));
                    let _ = running.run().await;
                }
                Err(e) => {
                    let _ = tx.send(Err(format!("{e:#}")));
                }
            }
        });
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok((port, handle))) => Served { port, handle, thread: Some(thread) },
        Ok(Err(e)) => panic!("service did not start: {e}"),
        Err(e) => panic!("service did not start: {e}"),
    }
}

/// A blocking client for one service; answers are `(status, JSON body)`.
pub struct Client {
    base: String,
    agent: ureq::Agent,
    _served: Option<Served>,
}

/// What a request answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// The first error code, if any.
    pub fn error_code(&self) -> Option<&str> {
        self.body.get("errors")?.get(0)?.get("errorCode")?.as_str()
    }

    /// `response` of the envelope.
    pub fn response(&self) -> &Value {
        &self.body["response"]
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Panics with the body unless the envelope carries no errors.
    pub fn ok(self) -> Self {
        let errors = self.body.get("errors").and_then(Value::as_array).map_or(0, Vec::len);
        assert!(self.status == 200 && errors == 0, "expected success, got {} {}", self.status, self.body);
        self
    }
}

impl Client {
    /// A client of `served` that keeps it running until the client is dropped.
    pub fn of(served: Served) -> Self {
        let port = served.port;
        Client { _served: Some(served), ..Client::new(port) }
    }

    pub fn new(port: u16) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Client { base: format!("http://127.0.0.1:{port}"), agent, _served: None }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Answer {
        let mut req = self.agent.get(&self.url(path));
        if let Some(t) = token {
            req = req.header("Authorization", &format!("Bearer {t}"));
        }
        answer(req.call())
    }

    /// Sends `body` (JSON) with `method`.
    pub fn send(&self, method: &str, path: &str, token: Option<&str>, body: &Value) -> Answer {
        self.send_raw(method, path, token, &body.to_string())
    }

    /// Sends `body` as it is, labelled JSON.
    pub fn send_raw(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> Answer {
        let uri = self.url(path);
        let mut builder =
            ureq::http::Request::builder().method(method).uri(uri.as_str()).header("Content-Type", "application/json");
        if let Some(t) = token {
            builder = builder.header("Authorization", format!("Bearer {t}"));
        }
        let req = builder.body(body.to_owned()).unwrap_or_else(|e| panic!("request: {e}"));
        answer(self.agent.run(req))
    }

    /// `{id, version, requesttime, metadata, request}` around `request`.
    pub fn envelope(request: Value) -> Value {
        serde_json::json!({
            "id": "mosip.test",
            "version": "1.0",
            "requesttime": crate::time::mosip_now(),
            "metadata": {},
            "request": request,
        })
    }

    /// MOSIP 1.2.2's `{id, version, requestTime, metadata, request}` for operation `id`, today.
    pub fn envelope_v2(id: &str, request: Value) -> Value {
        serde_json::json!({
            "id": id,
            "version": "1.0",
            "requestTime": crate::time::mosip_now(),
            "metadata": {},
            "request": request,
        })
    }
}

fn answer(res: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut res = res.unwrap_or_else(|e| panic!("transport error: {e}"));
    let status = res.status().as_u16();
    let headers =
        res.headers().iter().map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned())).collect();
    let text = res.body_mut().read_to_string().unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer { status, body, headers }
}

/// A service binary run as a user runs it: a working directory of its own, no configuration
/// but what the test passes.
pub struct Process {
    pub child: std::process::Child,
    pub client: Client,
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(0)
}

/// `bin` in `dir`, with every `PMS_*` variable of the test environment removed.
pub fn command(bin: &str, dir: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(bin);
    c.current_dir(dir).env_remove("PMS_CONFIG").env_remove("RUST_LOG");
    for (k, _) in std::env::vars() {
        if k.starts_with("PMS__") {
            c.env_remove(k);
        }
    }
    c
}

impl Process {
    /// Starts `bin` in `dir` on a free port and waits until `health_path` answers.
    pub fn start(bin: &str, dir: &std::path::Path, health_path: &str, env: &[(&str, &str)]) -> Process {
        let port = free_port();
        let mut cmd = command(bin, dir);
        cmd.env("PMS__SERVER__PORT", port.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("starting {bin}: {e}"));
        let client = Client::new(port);
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("{bin} exited early: {status}");
            }
            if client.agent.get(&client.url(health_path)).call().is_ok_and(|r| r.status() == 200) {
                return Process { child, client };
            }
            assert!(std::time::Instant::now() < deadline, "{bin}: no health answer within 30 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends SIGTERM and returns how the process ended.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let sent = std::process::Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -TERM failed");
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(s)) = self.child.try_wait() {
                return s;
            }
            assert!(std::time::Instant::now() < deadline, "did not stop within 15 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
