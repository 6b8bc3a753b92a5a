//! A fresh store for one check: a SQLite file in a temporary directory, or a new database on the
//! PostgreSQL server of `--pg-url` (created and dropped with `psql`), migrated and seeded.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, bail};
use diesel::connection::SimpleConnection;
use persistence::{DbPool, PoolOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

/// One store; the PostgreSQL database is dropped and the directory removed on drop.
pub struct TestStore {
    pub url: String,
    pub dir: PathBuf,
    /// `(server URL without the database, database name)` of a PostgreSQL store.
    pg: Option<(String, String)>,
}

impl TestStore {
    pub fn create(backend: Backend, pg_url: &str, label: &str) -> anyhow::Result<Self> {
        let dir = std::env::temp_dir().join(format!("reliability-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        match backend {
            Backend::Sqlite => {
                Ok(TestStore { url: format!("sqlite://{}", dir.join("pms.sqlite3").display()), dir, pg: None })
            }
            Backend::Postgres => {
                let server = pg_url.rsplit_once('/').map_or(pg_url, |(s, _)| s).to_owned();
                let prefix = std::env::var("PMS_TEST_PG_PREFIX").unwrap_or_else(|_| "reliability".into());
                let db = format!("{prefix}_{label}_{}", std::process::id());
                psql(&server, &format!("CREATE DATABASE {db}"))?;
                Ok(TestStore { url: format!("{server}/{db}"), dir, pg: Some((server, db)) })
            }
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    pub fn pool(&self) -> anyhow::Result<DbPool> {
        Ok(DbPool::open(&self.url, &PoolOptions { max_size: 2, ..PoolOptions::default() })?)
    }

    /// The `n` of a `SELECT COUNT(*) AS n …`.
    pub fn count(&self, sql: &str) -> anyhow::Result<usize> {
        use diesel::RunQueryDsl;
        #[derive(diesel::QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let pool = self.pool()?;
        let mut conn = pool.get()?;
        let rows: Vec<N> = diesel::sql_query(sql).load(&mut *conn)?;
        Ok(rows.first().map_or(0, |r| usize::try_from(r.n).unwrap_or(0)))
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        if let Some((server, db)) = &self.pg {
            let _ = psql(server, &format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn psql(server: &str, sql: &str) -> anyhow::Result<()> {
    let out = Command::new("psql")
        .args(["-qAt", "-v", "ON_ERROR_STOP=1", "-d", &format!("{server}/postgres"), "-c", sql])
        .output()
        .context("running psql")?;
    if !out.status.success() {
        bail!("psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

const NOW: &str = "'2026-01-01 00:00:00'";
const FAR: &str = "'2126-01-01 00:00:00'";
const AUTH_POLICY: &str = r#"{"authTokenType":"partner","allowedAuthTypes":[{"authType":"otp","authSubType":"","mandatory":false}],"allowedKycAttributes":[{"attributeName":"fullName"}]}"#;

/// How many seeded partners hold the approval requests (each generates keys with its own token).
pub const PARTNERS: usize = 16;
/// Policies of the group, `rel-policy-<n>` named `Rel policy <n>`.
pub const POLICIES: usize = 4;

/// The partner and policy of seeded request `rq-<n>`.
pub fn request_owner(n: usize) -> (String, usize) {
    (format!("rp-{}", n % PARTNERS), (n / PARTNERS) % POLICIES)
}

/// A policy group, its policies, the partners `rp-*`, and pending requests `rq-<n>` for `ns`.
pub fn seed(url: &str, requests: impl Iterator<Item = usize>) -> anyhow::Result<()> {
    let pool = DbPool::open(url, &PoolOptions { max_size: 1, ..PoolOptions::default() })?;
    let mut conn = pool.get()?;
    let audit = format!("'reliability', {NOW}, FALSE");
    let mut sql = format!(
        "INSERT INTO policy_group (id, name, descr, user_id, is_active, cr_by, cr_dtimes, is_deleted) \
         VALUES ('rel-group', 'rel-group', 'reliability group', 'reliability', TRUE, {audit});"
    );
    for q in 0..POLICIES {
        sql.push_str(&format!(
            "INSERT INTO auth_policy (id, policy_group_id, name, descr, policy_file_id, policy_type, version, policy_schema, valid_from_date, valid_to_date, is_active, cr_by, cr_dtimes, is_deleted) \
             VALUES ('rel-policy-{q}', 'rel-group', 'Rel policy {q}', 'reliability policy', '{AUTH_POLICY}', 'Auth', '1.0', 'https://schemas.mosip.io/v1/auth-policy', {NOW}, {FAR}, TRUE, {audit});"
        ));
    }
    for p in 0..PARTNERS {
        sql.push_str(&format!(
            "INSERT INTO partner (id, policy_group_id, name, address, contact_no, email_id, user_id, partner_type_code, approval_status, is_active, lang_code, addl_info, cr_by, cr_dtimes, is_deleted) \
             VALUES ('rp-{p}', 'rel-group', 'Rel Org {p}', '{p} Rel Street', '9876500000', 'rp{p}@rel.example', 'rp-{p}', 'Auth_Partner', 'approved', TRUE, 'eng', '[]', {audit});"
        ));
    }
    conn.batch_execute(&sql)?;
    let rows: Vec<String> = requests
        .map(|n| {
            let (partner, q) = request_owner(n);
            format!("('rq-{n}', '{partner}', 'rel-policy-{q}', {NOW}, 'reliability', 'InProgress', {audit})")
        })
        .collect();
    for chunk in rows.chunks(500) {
        conn.batch_execute(&format!(
            "INSERT INTO partner_policy_request (id, part_id, policy_id, request_datetimes, request_detail, status_code, cr_by, cr_dtimes, is_deleted) VALUES {}",
            chunk.join(",")
        ))?;
    }
    Ok(())
}
