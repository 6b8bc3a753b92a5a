//! The role × operation matrix: every operation of a service's OpenAPI document called with no
//! token, with tokens that must be refused, and with each role alone; what each role may do is
//! stated in `docs/security.md` and the observed answers are checked against it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use secrecy::SecretString;
use serde_json::Value;

use super::{Answer, Client, TEST_SECRET};

/// The roles the matrix tries one at a time: MOSIP's partner, admin and service roles, and one
/// that no operation names.
pub const ROLES: &[&str] = &[
    "PARTNER_ADMIN",
    "POLICYMANAGER",
    "PARTNERMANAGER",
    "PARTNER",
    "AUTH_PARTNER",
    "CREDENTIAL_PARTNER",
    "ONLINE_VERIFICATION_PARTNER",
    "DEVICE_PROVIDER",
    "FTM_PROVIDER",
    "MISP_PARTNER",
    "ABIS_PARTNER",
    "SDK_PARTNER",
    "MANUAL_ADJUDICATION",
    "PMS_USER",
    "ID_AUTHENTICATION",
    "CREDENTIAL_ISSUANCE",
    "CREATE_SHARE",
    "RESIDENT",
    "REGISTRATION_PROCESSOR",
    "ID_REPOSITORY",
    "NO_SUCH_ROLE",
];

/// One operation of the document: its method and full path template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Operation {
    pub method: String,
    pub path: String,
    /// `security: [{}]` in the document: no token needed.
    pub public: bool,
}

impl Operation {
    /// How the operation is named in `docs/security.md`: `` `GET /v1/…/{id}` ``.
    pub fn label(&self) -> String {
        format!("`{} {}`", self.method, self.path)
    }
}

/// Every operation of `doc` (a serialised OpenAPI document), sorted by path then method.
pub fn operations(doc: &Value) -> Vec<Operation> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            if !matches!(method.as_str(), "get" | "post" | "put" | "patch" | "delete") {
                continue;
            }
            let public = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())));
            ops.push(Operation { method: method.to_uppercase(), path: path.clone(), public });
        }
    }
    ops.sort();
    ops
}

/// What one call answered, reduced to what the matrix compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 401 `KER-ATH-401`.
    Unauthenticated,
    /// 403 `KER-ATH-403`.
    Forbidden,
    /// Anything else but a server error: the caller got past authorisation.
    Admitted,
    /// 5xx: never right for any cell.
    ServerError(u16),
    /// 401 or 403 without MOSIP's envelope and code.
    Unenveloped(u16),
}

impl Outcome {
    fn of(answer: &Answer) -> Outcome {
        match (answer.status, answer.error_code()) {
            (401, Some("KER-ATH-401")) => Outcome::Unauthenticated,
            (403, Some("KER-ATH-403")) => Outcome::Forbidden,
            (s @ (401 | 403), _) => Outcome::Unenveloped(s),
            (s, _) if s >= 500 => Outcome::ServerError(s),
            _ => Outcome::Admitted,
        }
    }
}

/// The user every matrix token names, and the value of every path parameter: a partner-scoped
/// operation then sees the caller's own (unknown) id, so a 403 means the role, not ownership.
pub const USER: &str = "matrix-user";

/// Calls `op` with `token`: path parameters filled with [`USER`], an id no row has, and a JSON
/// body that is an envelope around an empty request.
pub fn call(client: &Client, op: &Operation, token: Option<&str>) -> Outcome {
    let path = fill_parameters(&op.path);
    let answer = if op.method == "GET" {
        client.get(&path, token)
    } else {
        client.send(&op.method, &path, token, &Client::envelope(serde_json::json!({})))
    };
    Outcome::of(&answer)
}

fn fill_parameters(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        match rest[start..].find('}') {
            Some(end) => {
                out.push_str(USER);
                rest = &rest[start + end + 1..];
            }
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tokens every protected operation must refuse with 401: none, expired, signed with another
/// key, and unsigned (`alg: none`), each carrying every role.
pub fn refused_tokens() -> Vec<(&'static str, Option<String>)> {
    let roles: Vec<String> = ROLES.iter().map(|r| (*r).to_owned()).collect();
    let mint = |secret: &str, ttl| {
        crate::auth::mint_hs256(&SecretString::from(secret), USER, &roles, None, ttl)
            .unwrap_or_else(|e| panic!("minting a token: {e}"))
    };
    let good = mint(TEST_SECRET, 3600);
    let unsigned = match good.split('.').nth(1) {
        Some(claims) => format!("{UNSIGNED_HEADER}.{claims}."),
        None => panic!("a minted token has three parts"),
    };
    vec![
        ("no token", None),
        ("expired", Some(mint(TEST_SECRET, -3600))),
        ("another key", Some(mint("another-secret-0123456789abcdef012345", 3600))),
        ("alg none", Some(unsigned)),
    ]
}

/// `{"alg":"none","typ":"JWT"}`, base64url.
const UNSIGNED_HEADER: &str = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0";

/// A token carrying `role` alone.
pub fn role_token(role: &str) -> String {
    super::token(USER, &[role])
}

/// What `docs/security.md` says each role may call: operation label → roles admitted
/// (`any` for every authenticated caller, `public` for no token at all).
pub fn expected(security_md: &str, section: &str) -> BTreeMap<String, String> {
    let (start, end) = markers(section);
    let Some(body) = security_md.split_once(&start).and_then(|(_, rest)| rest.split_once(&end)).map(|(b, _)| b) else {
        panic!("docs/security.md has no section between {start} and {end}");
    };
    body.lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| {
            let mut cells = l.trim_matches('|').split('|').map(str::trim);
            Some((cells.next()?.to_owned(), cells.next()?.to_owned()))
        })
        .collect()
}

fn markers(section: &str) -> (String, String) {
    (format!("<!-- matrix:{section}:start -->"), format!("<!-- matrix:{section}:end -->"))
}

/// The observed admissions, written as `docs/security.md`'s section rows.
pub fn render<'a>(observed: impl IntoIterator<Item = (&'a String, &'a String)>) -> String {
    let mut out = String::from("\n| Operation | Admitted roles |\n|---|---|\n");
    for (op, roles) in observed {
        let _ = writeln!(out, "| {op} | {roles} |");
    }
    out
}

/// `security_md` with `section` replaced by `rows`.
pub fn replace_section(security_md: &str, section: &str, rows: &str) -> String {
    let (start, end) = markers(section);
    match (security_md.find(&start), security_md.find(&end)) {
        (Some(s), Some(e)) if s < e => format!("{}{start}{rows}{}", &security_md[..s], &security_md[e..]),
        _ => format!("{security_md}\n{start}{rows}{end}\n"),
    }
}

/// The admitted roles of one operation as the table writes them.
pub fn admitted_cell(op: &Operation, admitted: &[&str]) -> String {
    if op.public {
        "public".to_owned()
    } else if ROLES.iter().all(|r| admitted.contains(r)) {
        "any".to_owned()
    } else if admitted.is_empty() {
        "none".to_owned()
    } else {
        admitted.join(", ")
    }
}

/// Runs the whole matrix against `client` for the operations of `doc` and compares it with the
/// section `section` of `docs/security.md` at `security_md_path`. With `PMS_BLESS_SECURITY=1` the
/// section is rewritten from what was observed instead. Returns the unexpected cells.
pub fn check(client: &Client, doc: &Value, security_md_path: &std::path::Path, section: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let refused = refused_tokens();
    let role_tokens: Vec<(&str, String)> = ROLES.iter().map(|r| (*r, role_token(r))).collect();
    let mut observed = Vec::new();
    for op in operations(doc) {
        for (what, token) in &refused {
            let outcome = call(client, &op, token.as_deref());
            let fine = if op.public { outcome == Outcome::Admitted } else { outcome == Outcome::Unauthenticated };
            if !fine {
                problems.push(format!("{} with {what}: {outcome:?}", op.label()));
            }
        }
        let mut admitted = Vec::new();
        for (role, token) in &role_tokens {
            match call(client, &op, Some(token)) {
                Outcome::Admitted => admitted.push(*role),
                Outcome::Forbidden => {}
                other => problems.push(format!("{} as {role}: {other:?}", op.label())),
            }
        }
        observed.push((op.label(), admitted_cell(&op, &admitted)));
    }
    let text = std::fs::read_to_string(security_md_path).unwrap_or_default();
    if std::env::var("PMS_BLESS_SECURITY").is_ok_and(|v| v == "1") {
        let updated = replace_section(&text, section, &render(observed.iter().map(|(o, c)| (o, c))));
        std::fs::write(security_md_path, updated).unwrap_or_else(|e| panic!("writing docs/security.md: {e}"));
        return problems;
    }
    let expected = expected(&text, section);
    for (op, cell) in &observed {
        match expected.get(op) {
            Some(want) if want == cell => {}
            Some(want) => problems.push(format!("{op}: admitted {cell}, docs/security.md says {want}")),
            None => problems.push(format!("{op}: not in docs/security.md (admitted {cell})")),
        }
    }
    for op in expected.keys().filter(|op| !observed.iter().any(|(o, _)| o == *op)) {
        problems.push(format!("{op}: in docs/security.md but not in the document"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_are_filled() {
        assert_eq!(fill_parameters("/a/{x}/b/{y}"), "/a/matrix-user/b/matrix-user");
        assert_eq!(fill_parameters("/a/b"), "/a/b");
    }

    #[test]
    fn a_section_reads_back_what_was_rendered() {
        let mut rows = BTreeMap::new();
        rows.insert("`GET /a`".to_owned(), "PARTNER_ADMIN, PARTNER".to_owned());
        rows.insert("`POST /b/{id}`".to_owned(), "any".to_owned());
        let doc = replace_section("# Security\n", "s1", &render(&rows));
        assert_eq!(expected(&doc, "s1"), rows);
        let again = replace_section(&doc, "s1", &render(&BTreeMap::new()));
        assert!(expected(&again, "s1").is_empty());
        assert!(again.starts_with("# Security\n"));
    }

    #[test]
    fn public_operations_are_told_apart() {
        let doc = serde_json::json!({"paths": {
            "/h": {"get": {"security": [{}]}},
            "/p": {"post": {}, "parameters": []},
        }});
        let ops = operations(&doc);
        assert_eq!(ops.len(), 2);
        assert!(ops.iter().any(|o| o.path == "/h" && o.public));
        assert!(ops.iter().any(|o| o.path == "/p" && !o.public && o.method == "POST"));
    }
}
