//! A WebSub hub for tests: a real HTTP listener that records what it receives and answers with
//! the status it is told to (or drops connections, as a hub that is down).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::Value;

/// One request the hub received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    /// Path and query.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// How the hub answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Answer every request with this status (and the body set with [`TestHub::answer_body`]).
    Status(u16),
    /// Close every connection without an answer.
    Down,
}

#[derive(Clone)]
pub struct TestHub {
    pub url: String,
    state: Arc<Mutex<(Mode, Vec<Received>)>>,
    body: Arc<Mutex<String>>,
}

impl TestHub {
    /// A hub on a free port of 127.0.0.1, answering 200.
    pub fn start() -> TestHub {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_else(|e| panic!("{e}"));
        let state = Arc::new(Mutex::new((Mode::Status(200), Vec::new())));
        let body = Arc::new(Mutex::new(String::new()));
        let (shared, shared_body) = (state.clone(), body.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (state, body) = (shared.clone(), shared_body.clone());
                std::thread::spawn(move || serve(stream, &state, &body));
            }
        });
        TestHub { url: format!("http://127.0.0.1:{port}/hub/"), state, body }
    }

    /// The body of every answer from now on (JSON, e.g. a token or a datashare answer).
    pub fn answer_body(&self, body: &str) {
        *self.body.lock().unwrap_or_else(PoisonError::into_inner) = body.to_owned();
    }

    pub fn set(&self, mode: Mode) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = mode;
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1.clone()
    }

    /// The bodies of the publish requests it answered with a 2xx, in order, as JSON.
    pub fn published(&self) -> Vec<Value> {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state
            .1
            .iter()
            .filter(|r| {
                r.target.contains("hub.mode=publish") && r.header("x-answered").is_some_and(|s| s.starts_with('2'))
            })
            .map(|r| serde_json::from_str(&r.body).unwrap_or(Value::Null))
            .collect()
    }

    /// The topics registered, in order.
    pub fn registered(&self) -> Vec<String> {
        self.received()
            .iter()
            .filter(|r| r.body.contains("hub.mode=register"))
            .filter_map(|r| r.body.split('&').find_map(|kv| kv.strip_prefix("hub.topic=")).map(str::to_owned))
            .collect()
    }
}

fn serve(stream: TcpStream, state: &Mutex<(Mode, Vec<Received>)>, answer: &Mutex<String>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default().to_owned(), parts.next().unwrap_or_default().to_owned());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let mode = state.lock().unwrap_or_else(PoisonError::into_inner).0;
    let answered = match mode {
        Mode::Down => "none".to_owned(),
        Mode::Status(status) => status.to_string(),
    };
    headers.push(("x-answered".into(), answered));
    let body = String::from_utf8_lossy(&body).into_owned();
    state.lock().unwrap_or_else(PoisonError::into_inner).1.push(Received { method, target, headers, body });
    let mut stream = stream;
    match mode {
        Mode::Down => {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        Mode::Status(status) => {
            let body = answer.lock().unwrap_or_else(PoisonError::into_inner).clone();
            let answer = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    }
}
