//! The hot paths, as wrk drives them. Paths and bodies may hold `@N@` (unique per request) and
//! `@REP@` (the repetition), for writes that must not repeat an id.

use anyhow::bail;
use serde_json::json;

use crate::seed::Seeded;
use crate::wrk::Request;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Read,
    Write,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Read => "read",
            Kind::Write => "write",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Svc {
    Partner,
    Misp,
}

pub struct Workload {
    pub name: String,
    pub kind: Kind,
    pub service: Svc,
    pub requests: Vec<Request>,
    pub target: Option<&'static str>,
}

fn envelope(request: serde_json::Value) -> String {
    json!({"id": "mosip.bench", "version": "1.0", "requesttime": "2026-01-01T00:00:00.000Z", "request": request})
        .to_string()
}

fn bearer(r: Request, token: &str) -> Request {
    r.header("Authorization", &format!("Bearer {token}"))
}

pub fn all(s: &Seeded) -> Vec<Workload> {
    let admin = |r: Request| bearer(r, &s.admin_token);
    let validate: Vec<Request> = s
        .licences
        .iter()
        .map(|(misp, key)| {
            bearer(
                Request::get(format!("/partnermanagement/v1/misps/misps/{misp}/licenseKey"))
                    .json("PATCH", envelope(json!({ "mispLicenseKey": key }))),
                &s.validator_token,
            )
        })
        .collect();
    let key_lookup: Vec<Request> = s
        .api_keys
        .iter()
        .map(|(partner, key)| admin(Request::get(format!("/v1/partnermanager/partners/{partner}/apikey/{key}"))))
        .collect();
    let get_partner: Vec<Request> = (0..s.partners.min(1000))
        .map(|i| admin(Request::get(format!("/v1/partnermanager/partners/bp-{}", i * 7 % s.partners))))
        .collect();
    let register = vec![admin(Request::get("/v1/partnermanager/partners").json(
        "POST",
        envelope(json!({
            "partnerId": "n@REP@-@N@",
            "organizationName": "New Org @REP@-@N@",
            "address": "1 New Street",
            "contactNumber": "9876543210",
            "emailId": "n@REP@-@N@@bench.example",
            "partnerType": "Auth_Partner",
            "policyGroup": "bench-group",
            "langCode": "eng"
        })),
    ))];
    let approve_and_generate = vec![
        admin(
            Request::get("/v1/partnermanager/partners/policy/r@REP@-@N@")
                .json("PUT", envelope(json!({ "status": "Approved" }))),
        ),
        bearer(
            Request::get("/v1/partnermanager/partners/bp-0/generate/apikey")
                .json("PATCH", envelope(json!({ "policyName": "bench policy 0", "label": "l@REP@-@N@" }))),
            &s.partner0_token,
        ),
    ];
    let policy_search = vec![admin(Request::get("/v1/policymanager/policies/search").json(
        "POST",
        envelope(json!({
            "filters": [{ "columnName": "name", "type": "contains", "value": "policy 1" }],
            "sort": [{ "sortField": "name", "sortType": "asc" }],
            "pagination": { "pageStart": 0, "pageFetch": 10 },
            "policyType": "all"
        })),
    ))];
    let mut mixed = Vec::new();
    for i in 0..200 {
        let p = i * 37 % s.partners;
        mixed.push(admin(Request::get(format!("/v1/partnermanager/partners/bp-{p}"))));
        mixed.push(admin(Request::get(format!("/v1/partnermanager/partners/bp-{p}/apikey/request"))));
        mixed.push(admin(Request::get(format!("/v1/policymanager/policies/bench-policy-{}", i % s.policies))));
        if let Some((partner, key)) = s.api_keys.get(i % s.api_keys.len().max(1)) {
            mixed.push(admin(Request::get(format!("/v1/partnermanager/partners/{partner}/apikey/{key}"))));
        }
        if i % 5 == 0 {
            mixed.push(admin(Request::get("/v1/partnermanager/partners/search").json(
                "POST",
                envelope(json!({
                    "filters": [{ "columnName": "name", "type": "startswith", "value": format!("Bench Org {}", i % 10) }],
                    "sort": [{ "sortField": "name", "sortType": "asc" }],
                    "pagination": { "pageStart": 0, "pageFetch": 10 },
                    "partnerType": "all"
                })),
            )));
        }
    }
    vec![
        Workload {
            name: "MISP licence-key validation".into(),
            kind: Kind::Read,
            service: Svc::Misp,
            requests: validate,
            target: Some("≥ 0.25× bare actix (SQLite), ≥ 0.3× pgbench -S (PostgreSQL)"),
        },
        Workload {
            name: "API key → partner/policy".into(),
            kind: Kind::Read,
            service: Svc::Partner,
            requests: key_lookup,
            target: Some("≥ 0.25× bare actix (SQLite), ≥ 0.3× pgbench -S (PostgreSQL)"),
        },
        Workload {
            name: "get partner".into(),
            kind: Kind::Read,
            service: Svc::Partner,
            requests: get_partner,
            target: None,
        },
        Workload {
            name: "partner registration".into(),
            kind: Kind::Write,
            service: Svc::Partner,
            requests: register,
            target: Some("≥ 0.6× pgbench -N (PostgreSQL)"),
        },
        Workload {
            name: "approve request + generate key".into(),
            kind: Kind::Write,
            service: Svc::Partner,
            requests: approve_and_generate,
            target: Some("≥ 0.6× pgbench -N (PostgreSQL)"),
        },
        Workload {
            name: "policy search".into(),
            kind: Kind::Read,
            service: Svc::Partner,
            requests: policy_search,
            target: None,
        },
        Workload {
            name: "mixed portal-like".into(),
            kind: Kind::Read,
            service: Svc::Partner,
            requests: mixed,
            target: None,
        },
    ]
}

/// The read workloads again, named as such: run after the writes, they measure the grown store.
pub fn reads_on_grown_store(s: &Seeded) -> Vec<Workload> {
    all(s)
        .into_iter()
        .filter(|w| w.kind == Kind::Read)
        .map(|w| Workload { name: format!("{} (grown)", w.name), ..w })
        .collect()
}

/// Whether `PMS_BENCH_ONLY` (absent: every workload; else comma-separated parts of names) picks
/// the workload named `name`.
pub fn chosen(name: &str) -> bool {
    std::env::var("PMS_BENCH_ONLY").map_or(true, |only| only.split(',').any(|part| name.contains(part.trim())))
}

/// Sends a few of the requests once and refuses to benchmark answers that carry errors.
/// Writes are checked with a preflight-only id, so the measured runs start from fresh ids.
pub fn preflight(base: &str, w: &Workload) -> anyhow::Result<()> {
    if w.kind == Kind::Write && w.requests.iter().any(|r| r.path.contains("@N@")) {
        return Ok(()); // the approval ids are seeded for the measured runs only
    }
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    for r in w.requests.iter().take(3) {
        let r = r.for_rep(99);
        let path = r.path.replace("@N@", "preflight");
        let mut req = ureq::http::Request::builder().method(r.method).uri(format!("{base}{path}"));
        for (k, v) in &r.headers {
            req = req.header(k, v);
        }
        let body = r.body.as_deref().unwrap_or("").replace("@N@", "preflight");
        let mut res = agent.run(req.body(body)?)?;
        let status = res.status().as_u16();
        let text = res.body_mut().read_to_string().unwrap_or_default();
        let errors = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("errors").and_then(|e| e.as_array()).map(Vec::len))
            .unwrap_or(0);
        if status >= 400 || errors > 0 {
            bail!("{} {path} answered {status}: {text}", r.method);
        }
    }
    Ok(())
}
