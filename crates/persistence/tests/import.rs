//! `import-mosip` on both backends: small CSVs written here, and MOSIP's default export when the
//! shared reference data is present (`$PMS_SHARED_DIR`, else `../shared`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use persistence::import::{ImportError, import_dir};
use persistence::schema::{auth_policy, partner, partner_policy, partner_policy_request, partner_type, policy_group};
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions, both_backends};

fn open(db: &TestDb) -> DbPool {
    let opts = PoolOptions { migrate_postgres: true, ..PoolOptions::default() };
    DbPool::open(&db.url, &opts).unwrap_or_else(|e| panic!("open {}: {e}", db.url))
}

fn import_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 2).and_then(|d| d.and_hms_opt(3, 4, 5)).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A small export: a new partner type, one group, one policy whose JSON has unescaped quotes,
/// a partner, an approved request and an API key.
fn small_export(dir: &Path) {
    write(
        dir,
        "pms-partner_type.csv",
        "code,partner_description,is_active,cr_by,cr_dtimes,is_policy_required\n\
         Auth_Partner,Auth Partner,TRUE,superadmin,now(),TRUE\n\
         Binding_Partner,Binding Partner,TRUE,superadmin,now(),TRUE\n",
    );
    write(
        dir,
        "pms-policy_group.csv",
        "id,name,descr,user_id,is_active,cr_by,cr_dtimes,upd_by,upd_dtimes\n\
         g1,group one,first group,superadmin,TRUE,superadmin,now(),superadmin,now()\n",
    );
    write(
        dir,
        "pms-auth_policy.csv",
        "id,policy_group_id,name,descr,policy_file_id,policy_type,version,policy_schema,valid_from_date,valid_to_date,is_active,cr_by,cr_dtimes,upd_by,upd_dtimes\n\
         p1,g1,policy one,d,\"{\"\"authTokenType\"\":\"\"random\"\"}\",Auth,1,https://schemas.mosip.io/v1/auth-policy,now(),'2028-12-16 12:30:14.183',TRUE,admin,now(),admin,now()\n\
         p2,g1,policy two,d,\"{\"dataSharePolicies\":{\"typeOfShare\":\"Data Share\"},\"x\":[1,2]}\",DataShare,1,,2022-09-20 09:00:54.316627,2025-04-28 09:37:00,FALSE,admin,now(),,\n",
    );
    write(
        dir,
        "pms-partner.csv",
        "id,policy_group_id,name,address,contact_no,email_id,certificate_alias,user_id,partner_type_code,approval_status,is_active,cr_by,cr_dtimes,upd_by,upd_dtimes\n\
         part-1,g1,Org One,street 1,9232121212,one@example.org,,part-1,Binding_Partner,approved,TRUE,superadmin,now(),superadmin,now()\n",
    );
    write(
        dir,
        "pms-partner_policy_request.csv",
        "id,part_id,policy_id,request_datetimes,request_detail,status_code,cr_by,cr_dtimes,upd_by,upd_dtimes\n\
         req-1,part-1,p1,now(),use case,approved,admin,now(),admin,now()\n",
    );
    write(
        dir,
        "pms-partner_policy.csv",
        "policy_api_key,label,part_id,policy_id,valid_from_datetime,valid_to_datetime,is_active,cr_by,cr_dtimes,upd_by,upd_dtimes\n\
         key-1,,part-1,p1,now(),12-01-2025 05:31,TRUE,admin,now(),admin,now()\n",
    );
}

fn imports_a_small_export_and_skips_what_exists(db: TestDb) {
    let pool = open(&db);
    let dir = tempfile::tempdir().unwrap();
    small_export(dir.path());
    let mut conn = pool.get().unwrap();
    let report = persistence::transaction(&mut conn, |c| import_dir(c, dir.path(), import_time())).unwrap();
    let counts = |t: &str| report.table(t).map(|r| (r.read, r.imported, r.skipped)).unwrap();
    // Auth_Partner is seeded by the migration, Binding_Partner is new
    assert_eq!(counts("partner_type"), (2, 1, 1));
    assert_eq!(counts("auth_policy"), (2, 2, 0));
    assert_eq!(counts("partner_policy"), (1, 1, 0));
    assert!(report.table("partner_contact").unwrap().file.is_none());
    assert_eq!(report.imported(), 1 + 1 + 2 + 1 + 1 + 1);
    assert!(report.to_string().contains("already present"));

    // values as MOSIP meant them
    let doubled: String = auth_policy::table.find("p1").select(auth_policy::policy_file_id).first(&mut conn).unwrap();
    assert_eq!(doubled, r#"{"authTokenType":"random"}"#);
    let (recovered, valid_to, active): (String, NaiveDateTime, bool) = auth_policy::table
        .find("p2")
        .select((auth_policy::policy_file_id, auth_policy::valid_to_date, auth_policy::is_active))
        .first(&mut conn)
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&recovered).unwrap();
    assert_eq!(json["dataSharePolicies"]["typeOfShare"], "Data Share");
    assert_eq!(valid_to, NaiveDate::from_ymd_opt(2025, 4, 28).and_then(|d| d.and_hms_opt(9, 37, 0)).unwrap());
    assert!(!active);
    let (cr, upd_by): (NaiveDateTime, Option<String>) = policy_group::table
        .find("g1")
        .select((policy_group::cr_dtimes, policy_group::upd_by))
        .first(&mut conn)
        .unwrap();
    assert_eq!(cr, import_time(), "now() is the import time");
    assert_eq!(upd_by.as_deref(), Some("superadmin"));
    let (alias, deleted): (Option<String>, bool) = partner::table
        .find("part-1")
        .select((partner::certificate_alias, partner::is_deleted))
        .first(&mut conn)
        .unwrap();
    assert_eq!(alias, None, "an unquoted empty field is NULL");
    assert!(!deleted);
    let (label, to): (String, Option<NaiveDateTime>) = partner_policy::table
        .find("key-1")
        .select((partner_policy::label, partner_policy::valid_to_datetime))
        .first(&mut conn)
        .unwrap();
    assert_eq!(label, "key-1", "a missing label becomes the key, as MOSIP's migration did");
    assert_eq!(to, NaiveDate::from_ymd_opt(2025, 12, 1).and_then(|d| d.and_hms_opt(5, 31, 0)));
    let status: String = partner_policy_request::table
        .find("req-1")
        .select(partner_policy_request::status_code)
        .first(&mut conn)
        .unwrap();
    assert_eq!(status, "approved");

    // again: everything is skipped
    let again = persistence::transaction(&mut conn, |c| import_dir(c, dir.path(), import_time())).unwrap();
    assert_eq!(again.imported(), 0);
    assert_eq!(again.table("partner").map(|t| t.skipped), Some(1));
}

fn a_bad_row_imports_nothing(db: TestDb) {
    let pool = open(&db);
    let dir = tempfile::tempdir().unwrap();
    small_export(dir.path());
    // the request names a partner that does not exist
    write(
        dir.path(),
        "pms-partner_policy_request.csv",
        "id,part_id,policy_id,request_datetimes,request_detail,status_code,cr_by,cr_dtimes\n\
         req-1,part-1,p1,now(),ok,approved,admin,now()\n\
         req-2,nobody,p1,now(),dangling,approved,admin,now()\n",
    );
    let mut conn = pool.get().unwrap();
    let err = persistence::transaction(&mut conn, |c| import_dir(c, dir.path(), import_time())).unwrap_err();
    match &err {
        ImportError::Refused { file, line, .. } => {
            assert_eq!((file.as_str(), *line), ("pms-partner_policy_request.csv", 3), "{err}");
        }
        other => panic!("unexpected {other}"),
    }
    let groups: i64 = policy_group::table.count().get_result(&mut conn).unwrap();
    assert_eq!(groups, 0, "the whole import rolled back");
    let types: i64 = partner_type::table.count().get_result(&mut conn).unwrap();
    assert_eq!(types, 12, "only the migration's partner types remain");

    // a date nobody writes, and a short row
    write(dir.path(), "pms-partner_policy_request.csv", "id,part_id\n");
    write(
        dir.path(),
        "pms-policy_group.csv",
        "id,name,descr,user_id,is_active,cr_by,cr_dtimes\ng1,n,d,u,TRUE,me,31-31-2020\n",
    );
    let err = persistence::transaction(&mut conn, |c| import_dir(c, dir.path(), import_time())).unwrap_err();
    assert!(matches!(&err, ImportError::Value { line: 2, message, .. } if message.contains("cr_dtimes")), "{err}");
    write(dir.path(), "pms-policy_group.csv", "id,name,descr\ng1,n\n");
    let err = persistence::transaction(&mut conn, |c| import_dir(c, dir.path(), import_time())).unwrap_err();
    assert!(err.to_string().contains("2 fields where the header has 3"), "{err}");
    let missing = persistence::transaction(&mut conn, |c| import_dir(c, &dir.path().join("nope"), import_time()));
    assert!(matches!(missing, Err(ImportError::NotADirectory(_))));
}

/// MOSIP's default export, when the shared reference data is around.
fn shared_seed_dir() -> Option<PathBuf> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let candidates = match std::env::var_os("PMS_SHARED_DIR") {
        Some(d) => vec![PathBuf::from(d)],
        None => vec![workspace.join("../shared"), PathBuf::from("/work/shared")],
    };
    let found = candidates.iter().map(|b| b.join("reference/mosip-seed-data")).find(|d| d.is_dir());
    assert!(
        found.is_some() || std::env::var_os("PMS_REQUIRE_SHARED").is_none(),
        "PMS_REQUIRE_SHARED is set but no reference data under {candidates:?}"
    );
    found
}

fn imports_mosips_default_export(db: TestDb) {
    let Some(dir) = shared_seed_dir() else {
        eprintln!("MOSIP reference data not found: skipped");
        return;
    };
    let pool = open(&db);
    let mut conn = pool.get().unwrap();
    let report = persistence::transaction(&mut conn, |c| import_dir(c, &dir, import_time())).unwrap();
    for t in &report.tables {
        if t.file.is_some() {
            assert_eq!(t.read, t.imported + t.skipped, "{t:?}");
            assert!(t.ignored_columns.is_empty(), "{t:?}");
        }
    }
    assert!(report.table("partner").is_some_and(|t| t.imported > 0));
    // the two policies MOSIP exported with unescaped quotes keep their JSON (MOSIP's own
    // `mpolicy-default-mobile` carries a stray comma and is stored as it is)
    for id in ["mpolicy-default-qrcode", "mpolicy-default-reprint", "mpolicy-default-auth"] {
        let json: String = auth_policy::table.find(id).select(auth_policy::policy_file_id).first(&mut conn).unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "{id}: {json}");
    }
    let again = persistence::transaction(&mut conn, |c| import_dir(c, &dir, import_time())).unwrap();
    assert_eq!(again.imported(), 0);
}

both_backends!(imports_a_small_export_and_skips_what_exists, a_bad_row_imports_nothing, imports_mosips_default_export);
