//! API tests: the real service on a free port over a fresh SQLite file and a fresh PostgreSQL
//! database (when `PMS_TEST_PG_URL` is set).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

mod abuse;
mod concurrency;
mod foundation;
mod helpers;
mod lifecycle;
mod misps;
mod openapi;
mod partner_license;
mod security_matrix;
