//! `partner-service import-mosip <dir>` as an adopter runs it.

use web_support::testing::command;

const BIN: &str = env!("CARGO_BIN_EXE_partner-service");

#[test]
fn import_mosip_loads_a_directory_once_and_reports_counts() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("export");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("pms-policy_group.csv"),
        "id,name,descr,user_id,is_active,cr_by,cr_dtimes\ng1,group one,d,admin,TRUE,admin,now()\n",
    )
    .unwrap();
    std::fs::write(
        data.join("pms-partner.csv"),
        "id,policy_group_id,name,address,contact_no,email_id,certificate_alias,user_id,partner_type_code,approval_status,is_active,cr_by,cr_dtimes\n\
         p1,g1,Org,addr,123,p1@example.org,,p1,Auth_Partner,approved,TRUE,admin,now()\n",
    )
    .unwrap();
    let run = || command(BIN, work.path()).arg("import-mosip").arg(&data).output().unwrap();
    let first = run();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("imported 2 row(s)"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("partner ") && l.contains("1 imported")), "{text}");
    let again = run();
    assert!(String::from_utf8_lossy(&again.stdout).contains("imported 0 row(s)"));

    // a bad file imports nothing and says where
    std::fs::write(
        data.join("pms-partner_policy_request.csv"),
        "id,part_id,policy_id,status_code\nr1,ghost,x,approved\n",
    )
    .unwrap();
    let bad = run();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("pms-partner_policy_request.csv line 2") && err.contains("nothing was imported"), "{err}");
    let missing = command(BIN, work.path()).args(["import-mosip", "/no/such/dir"]).output().unwrap();
    assert!(!missing.status.success());
}
