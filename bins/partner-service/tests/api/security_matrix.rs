//! Every operation of the document against every caller: no token and refused tokens answer 401,
//! each role alone is admitted or answered 403 exactly as `docs/security.md` says, and no cell
//! answers a server error. `PMS_BLESS_SECURITY=1` rewrites the table from what was observed.

use persistence::testing::TestDb;
use web_support::testing::matrix;

use crate::helpers::spawn;

#[test]
fn every_role_meets_every_operation_as_docs_security_says() {
    let app = spawn(TestDb::sqlite());
    let doc = serde_json::to_value(partner_service::openapi::document()).unwrap();
    let security_md = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/security.md");
    let problems = matrix::check(&app.client, &doc, &security_md, "partner-service");
    assert!(problems.is_empty(), "{} unexpected cells:\n{}", problems.len(), problems.join("\n"));
}
