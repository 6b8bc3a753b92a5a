//! Drives a URL with `wrk` and reads its report.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};
use serde::Serialize;

/// One request shape: method, path, headers and body, sent over and over.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: &'static str,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Self {
        Request { method: "GET", path: path.into(), headers: Vec::new(), body: None }
    }

    pub fn header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.to_owned(), v.to_owned()));
        self
    }

    /// `@REP@` replaced by the repetition number (ids a write consumes differ per repetition).
    pub fn for_rep(&self, rep: usize) -> Self {
        let mut r = self.clone();
        r.path = r.path.replace("@REP@", &rep.to_string());
        r.body = r.body.map(|b| b.replace("@REP@", &rep.to_string()));
        r
    }

    pub fn json(mut self, method: &'static str, body: String) -> Self {
        self.method = method;
        self.headers.push(("Content-Type".into(), "application/json".into()));
        self.body = Some(body);
        self
    }
}

/// What one wrk run measured.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Run {
    /// One answer that carried errors, if any did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sample_error: Option<String>,
    pub requests_per_sec: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Non-2xx answers plus socket errors.
    pub errors: u64,
    pub requests: u64,
}

fn lua_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A wrk script sending `requests` round-robin. `@N@` in a path or body becomes a number unique
/// to the run (thread id and counter), so writes that need fresh ids never collide; such
/// requests are formatted per request, so `Content-Length` matches the substituted body.
fn script(requests: &[Request]) -> String {
    let mut lua = String::from("local reqs = {}\ninit = function(args)\n");
    for r in requests {
        let mut headers = String::from("{");
        for (k, v) in &r.headers {
            headers.push_str(&format!("[{}]={},", lua_string(k), lua_string(v)));
        }
        headers.push('}');
        let body = r.body.as_deref().map_or_else(|| "nil".to_owned(), lua_string);
        let templated = r.path.contains("@N@") || r.body.as_deref().is_some_and(|b| b.contains("@N@"));
        lua.push_str(&format!(
            "table.insert(reqs, {{m={}, p={}, h={headers}, b={body}, t={templated}, f=nil}})\n",
            lua_string(r.method),
            lua_string(&r.path)
        ));
    }
    lua.push_str(
        "for _, r in ipairs(reqs) do if not r.t then r.f = wrk.format(r.m, r.p, r.h, r.b) end end\nend\n\
         local counter = 0\ntid = 0\nlocal threads = 0\n\
         setup = function(thread) threads = threads + 1; thread:set(\"tid\", threads) end\n\
         local i = 0\nrequest = function()\n  i = i + 1\n  if i > #reqs then i = 1 end\n\
         local r = reqs[i]\n  if r.f then return r.f end\n  counter = counter + 1\n\
         local n = tid .. \"x\" .. counter\n\
         local b = r.b and string.gsub(r.b, \"@N@\", n) or nil\n\
         return wrk.format(r.m, (string.gsub(r.p, \"@N@\", n)), r.h, b)\nend\n",
    );
    // MOSIP answers business errors with HTTP 200 and `errors[]`: count those too
    lua.push_str(
        "business = 0\nresponse = function(status, headers, body)\n\
         if string.find(body, '\"errors\":[{', 1, true) then\n\
           if status == 200 then business = business + 1 end\n\
           if not sample then sample = status .. \" \" .. body end\n  end\nend\n\
         local all = {}\nlocal _setup = setup\nsetup = function(thread) table.insert(all, thread); _setup(thread) end\n\
         done = function(summary, latency, requests)\n  local n = 0\n\
         local sample = nil\n\
         for _, t in ipairs(all) do n = n + (t:get(\"business\") or 0); sample = sample or t:get(\"sample\") end\n\
         io.write(\"Business errors: \" .. n .. \"\\n\")\n\
         if sample then io.write(\"Sample error: \" .. string.sub(sample, 1, 300) .. \"\\n\") end\nend\n",
    );
    lua
}

/// Runs wrk against `base` for `secs` seconds with `connections` connections.
pub fn run(base: &str, requests: &[Request], secs: u64, connections: u32, dir: &Path) -> anyhow::Result<Run> {
    if requests.is_empty() {
        bail!("no requests");
    }
    let file = dir.join(format!("wrk-{}.lua", std::process::id()));
    std::fs::write(&file, script(requests))?;
    let out = Command::new("wrk")
        .args(["-t", "2", "-c", &connections.to_string(), "-d", &format!("{secs}s"), "--latency", "-s"])
        .arg(&file)
        .arg(base)
        .output()
        .context("running wrk (install it: apt-get install wrk)")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        bail!("wrk failed: {}{}", text, String::from_utf8_lossy(&out.stderr));
    }
    parse(&text)
}

fn millis(v: &str) -> Option<f64> {
    let v = v.trim();
    let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic())?);
    let n: f64 = num.parse().ok()?;
    Some(match unit {
        "us" => n / 1000.0,
        "ms" => n,
        "s" => n * 1000.0,
        "m" => n * 60_000.0,
        _ => return None,
    })
}

/// Reads wrk's `--latency` report.
pub fn parse(text: &str) -> anyhow::Result<Run> {
    let mut run = Run::default();
    for line in text.lines().map(str::trim) {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("50%"), Some(v)) => run.p50_ms = millis(v).unwrap_or(0.0),
            (Some("99%"), Some(v)) => run.p99_ms = millis(v).unwrap_or(0.0),
            (Some("Requests/sec:"), Some(v)) => run.requests_per_sec = v.parse().unwrap_or(0.0),
            _ => {}
        }
        if let Some(rest) = line.strip_prefix("Non-2xx or 3xx responses:") {
            run.errors += rest.trim().parse::<u64>().unwrap_or(0);
        }
        if let Some(rest) = line.strip_prefix("Sample error:") {
            run.sample_error = Some(rest.trim().to_owned());
        }
        if let Some(rest) = line.strip_prefix("Business errors:") {
            run.errors += rest.trim().parse::<u64>().unwrap_or(0);
        }
        if let Some(rest) = line.strip_prefix("Socket errors:") {
            run.errors += rest.split(',').filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok()).sum::<u64>();
        }
        if line.contains(" requests in ") {
            run.requests = line.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
        }
    }
    if run.requests_per_sec <= 0.0 {
        bail!("cannot read wrk's report:\n{text}");
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_report() {
        let text = "Running 1s test @ http://127.0.0.1:1\n  Latency Distribution\n     50%  210.00us\n     75%  1.20ms\n     99%    2.50ms\n  12000 requests in 1.00s, 2.00MB read\n  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 5\nRequests/sec:  12000.50\n";
        let r = super::parse(text).unwrap_or_default();
        assert!((r.p50_ms - 0.21).abs() < 1e-9 && (r.p99_ms - 2.5).abs() < 1e-9);
        assert_eq!((r.requests, r.errors), (12000, 8));
    }
}
