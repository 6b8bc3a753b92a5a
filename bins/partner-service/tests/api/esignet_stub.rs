//! A stand-in for eSignet's client-management API: a real HTTP server on a free port that records
//! each request and accepts it, or refuses it with an eSignet error code.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

/// One request eSignet received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The stand-in; `refuse_with` makes it refuse what follows.
#[derive(Clone)]
pub struct EsignetStub {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    refusal: Arc<Mutex<Option<String>>>,
}

impl EsignetStub {
    pub fn start() -> EsignetStub {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let stub = EsignetStub { url, received: Arc::default(), refusal: Arc::default() };
        let served = stub.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                served.answer(stream);
            }
        });
        stub
    }

    /// A URL where nothing listens (eSignet down).
    pub fn down_url() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port())
    }

    pub fn refuse_with(&self, code: Option<&str>) {
        *self.refusal.lock().unwrap() = code.map(str::to_owned);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    fn answer(&self, stream: std::net::TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let mut parts = line.split_whitespace();
        let (method, path) = (parts.next().unwrap_or_default().to_owned(), parts.next().unwrap_or_default().to_owned());
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            reader.read_line(&mut h).unwrap();
            let h = h.trim_end();
            if h.is_empty() {
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
        reader.read_exact(&mut body).unwrap();
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let answer = match self.refusal.lock().unwrap().clone() {
            Some(code) => json!({"responseTime": "2026-12-05T00:00:00.000Z", "response": null,
                "errors": [{"errorCode": code, "errorMessage": format!("eSignet says {code}")}]}),
            None => json!({"responseTime": "2026-12-05T00:00:00.000Z",
                "response": {"clientId": body["request"]["clientId"], "status": "ACTIVE"}, "errors": []}),
        };
        self.received.lock().unwrap().push(Received { method, path, headers, body });
        let text = answer.to_string();
        let mut stream = stream;
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
            text.len()
        );
        stream.write_all(reply.as_bytes()).unwrap();
    }
}
