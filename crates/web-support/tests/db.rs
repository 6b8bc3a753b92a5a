#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]
//! `Db::audited_read`: records of read operations are committed before the answer, and a read
//! whose records cannot be written fails instead of answering unaudited.

use audit_events::AuditEvent;
use persistence::repo::audit::{AuditFilter, search};
use persistence::testing::TestDb;
use persistence::{DbPool, PoolOptions};
use web_support::ApiError;
use web_support::db::{AuditDefaults, Db};
use web_support::host::HostInfo;

fn db(test: &TestDb) -> Db {
    let pool = DbPool::open(&test.url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() }).unwrap();
    let defaults =
        AuditDefaults { host: HostInfo::detect(), application_id: "10002".into(), application_name: "PMS".into() };
    Db::new(pool, defaults).unwrap()
}

fn count(db: &Db, event: &str) -> i64 {
    let mut conn = db.pool().get().unwrap();
    let filter = AuditFilter { event_id: Some(event.into()), ..AuditFilter::default() };
    search(&mut conn, &filter, 0, 1).unwrap().1
}

#[actix_web::test]
async fn reads_are_audited_before_they_answer() {
    let test = TestDb::sqlite();
    let db = db(&test);
    let mut tasks = Vec::new();
    for i in 0..40 {
        let db = db.clone();
        tasks.push(actix_web::rt::spawn(async move {
            let op = db.op_for("reader", None).call(AuditEvent::GetPartner, None);
            db.audited_read(op, move |_conn, trail| {
                trail.push(AuditEvent::GetPartnerSuccess, Some(&format!("p-{i}")));
                Ok::<_, ApiError>(i)
            })
            .await
        }));
    }
    for t in tasks {
        assert!(t.await.unwrap().is_ok());
    }
    assert_eq!(count(&db, "PMS_PRT_149"), 40);
    assert_eq!(count(&db, "PMS_PRT_249"), 40);
    // a failure records the call and failure events, with the error code
    let op = db.op_for("reader", None).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    let out: Result<(), ApiError> =
        db.audited_read(op, |_, _| Err(ApiError::business("PMS_PRT_005", "Partner does not exist"))).await;
    assert_eq!(out.err().map(|e| e.code().to_owned()).as_deref(), Some("PMS_PRT_005"));
    assert_eq!(count(&db, "PMS_PRT_421"), 1);
}

#[actix_web::test]
async fn a_read_whose_records_cannot_be_written_fails() {
    let test = TestDb::sqlite();
    let db = db(&test);
    {
        use diesel::connection::SimpleConnection;
        db.pool().get().unwrap().batch_execute("DROP TABLE audit_log").unwrap();
    }
    let op = db.op_for("reader", None).call(AuditEvent::GetPartner, None);
    let out = db.audited_read(op, |_, trail| {
        trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok::<_, ApiError>("secret")
    });
    let err = out.await.expect_err("no answer without its audit records");
    assert_eq!((err.status.as_u16(), err.code()), (500, "PMS_COR_003"));
}
