//! Every operation of the document against every caller, as `docs/security.md` states it (see
//! partner-service's `security_matrix` test and `web_support::testing::matrix`).

use persistence::testing::TestDb;
use web_support::testing::matrix;

use crate::helpers::spawn;

#[test]
fn every_role_meets_every_operation_as_docs_security_says() {
    let app = spawn(TestDb::sqlite());
    let doc = serde_json::to_value(misp_license_service::openapi::document()).unwrap();
    let security_md = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/security.md");
    let problems = matrix::check(&app.client, &doc, &security_md, "misp-license-service");
    assert!(problems.is_empty(), "{} unexpected cells:\n{}", problems.len(), problems.join("\n"));
}
