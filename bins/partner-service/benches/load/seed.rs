//! Realistic data for the workloads, written straight into the store with multi-row inserts:
//! 10 000 partners with 10 API keys each (100 000 keys), 200 policies, pending policy requests
//! for the approval workload, and 10 000 approved MISPs with a licence key each. Each partner,
//! MISP and key has its own creation time.

use partner_domain::api_key::ApiKeyPolicy;
use persistence::{DbConnection, DbPool, PoolOptions};
use rand::Rng;

use crate::Plan;

/// How much to seed.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub partners: usize,
    pub keys_per_partner: usize,
    pub policies: usize,
    pub misps: usize,
    /// Pending requests per wrk thread per repetition (the approval workload uses each once).
    pub pending_per_thread: usize,
}

impl Sizes {
    pub fn for_plan(plan: Plan) -> Self {
        if plan.smoke {
            Sizes { partners: 200, keys_per_partner: 2, policies: 10, misps: 200, pending_per_thread: 3_000 }
        } else {
            Sizes { partners: 10_000, keys_per_partner: 10, policies: 200, misps: 10_000, pending_per_thread: 15_000 }
        }
    }

    /// The scale run's store (`PMS_BENCH_SCALE`): 1,000,000 keys, 100,000 partners and MISPs,
    /// divided by `factor`.
    pub fn scale(factor: usize) -> Self {
        let n = 100_000 / factor;
        Sizes { partners: n, keys_per_partner: 10, policies: 200, misps: n, pending_per_thread: 100 }
    }
}

/// What the workloads need to know about the seeded data.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub admin_token: String,
    /// A token of partner `bp-0` itself (key generation is the partner's own act).
    pub partner0_token: String,
    pub validator_token: String,
    /// `(partner id, API key)` samples.
    pub api_keys: Vec<(String, String)>,
    /// `(MISP id, licence key)` samples.
    pub licences: Vec<(String, String)>,
    pub partners: usize,
    pub policies: usize,
}

const NOW: &str = "'2026-01-01 00:00:00'";
const FAR: &str = "'2126-01-01 00:00:00'";
const CHUNK: usize = 500;

const AUTH_POLICY: &str = r#"{"authTokenType":"partner","allowedAuthTypes":[{"authType":"otp","authSubType":"","mandatory":false},{"authType":"demo","authSubType":"","mandatory":false}],"allowedKycAttributes":[{"attributeName":"fullName"},{"attributeName":"gender"}]}"#;

fn insert(
    conn: &mut DbConnection,
    table: &str,
    columns: &str,
    rows: impl Iterator<Item = String>,
) -> anyhow::Result<()> {
    let rows: Vec<String> = rows.collect();
    for chunk in rows.chunks(CHUNK) {
        let sql = format!("INSERT INTO {table} ({columns}) VALUES {}", chunk.join(","));
        use diesel::connection::SimpleConnection;
        conn.batch_execute(&sql)?;
    }
    Ok(())
}

/// The minute, counted from the first registration, at which row `i` of `n` registered: each
/// its own, in an order that has nothing to do with `i` (nor with the names and ids made of it),
/// as real names have nothing to do with when their owners registered. `n` must not be a
/// multiple of 7,919, a prime.
fn minute(i: usize, n: usize) -> usize {
    (i * 7_919) % n
}

/// The audit columns `cr_by, cr_dtimes, is_deleted` of a row created `seconds` after the first
/// registration (2025-01-01).
fn created(seconds: usize) -> String {
    let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).unwrap_or_default();
    let at = first + chrono::Duration::seconds(i64::try_from(seconds).unwrap_or(i64::MAX));
    format!("'bench', '{}', FALSE", at.format("%Y-%m-%d %H:%M:%S"))
}

fn key(rng: &mut impl Rng, len: usize) -> String {
    const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..len).map(|_| char::from(ALNUM[rng.random_range(0..ALNUM.len())])).collect()
}

/// Seeds the migrated store at `url`.
pub fn seed(url: &str, plan: Plan) -> anyhow::Result<Seeded> {
    seed_sized(url, plan, Sizes::for_plan(plan))
}

/// Seeds the migrated store at `url` with `sizes`.
pub fn seed_sized(url: &str, plan: Plan, sizes: Sizes) -> anyhow::Result<Seeded> {
    let pool = DbPool::open(url, &PoolOptions { migrate_postgres: true, ..PoolOptions::default() })?;
    let mut conn = pool.get()?;
    let conn = &mut *conn;
    let mut rng = rand::rng();
    let audit = format!("'bench', {NOW}, FALSE");
    insert(
        conn,
        "policy_group",
        "id, name, descr, user_id, is_active, cr_by, cr_dtimes, is_deleted",
        std::iter::once(format!("('bench-group', 'bench-group', 'benchmark group', 'bench', TRUE, {audit})")),
    )?;
    insert(
        conn,
        "auth_policy",
        "id, policy_group_id, name, descr, policy_file_id, policy_type, version, policy_schema, valid_from_date, valid_to_date, is_active, cr_by, cr_dtimes, is_deleted",
        (0..sizes.policies).map(|i| {
            format!("('bench-policy-{i}', 'bench-group', 'bench policy {i}', 'benchmark policy {i}', '{AUTH_POLICY}', 'Auth', '1.0', 'https://schemas.mosip.io/v1/auth-policy', {NOW}, {FAR}, TRUE, {audit})")
        }),
    )?;
    insert(
        conn,
        "partner",
        "id, policy_group_id, name, address, contact_no, email_id, user_id, partner_type_code, approval_status, is_active, lang_code, addl_info, cr_by, cr_dtimes, is_deleted",
        (0..sizes.partners).map(|i| {
            format!("('bp-{i}', 'bench-group', 'Bench Org {i}', '{i} Bench Street', '98765{:05}', 'bp{i}@bench.example', 'bp-{i}', 'Auth_Partner', 'approved', TRUE, 'eng', '[]', {})", i % 100_000, created(minute(i, sizes.partners) * 60))
        }),
    )?;
    // each partner's approved request for the policy it holds keys of
    insert(
        conn,
        "partner_policy_request",
        "id, part_id, policy_id, request_datetimes, request_detail, status_code, cr_by, cr_dtimes, is_deleted",
        (0..sizes.partners).map(|i| {
            format!(
                "('bench-ok-{i}', 'bp-{i}', 'bench-policy-{}', {NOW}, 'benchmark', 'approved', {})",
                i % sizes.policies,
                created(minute(i, sizes.partners) * 60 + 30)
            )
        }),
    )?;
    let mut api_keys = Vec::new();
    let mut key_rows = Vec::with_capacity(sizes.partners * sizes.keys_per_partner);
    for i in 0..sizes.partners {
        for j in 0..sizes.keys_per_partner {
            let k = ApiKeyPolicy::default().generate(&mut rng);
            if api_keys.len() < 1000 && j == 0 {
                api_keys.push((format!("bp-{i}"), k.clone()));
            }
            key_rows.push(format!(
                "('{k}', 'bp-{i}', 'bench-policy-{}', {NOW}, {FAR}, TRUE, 'label-{j}', {})",
                i % sizes.policies,
                created(minute(i, sizes.partners) * 60 + 31 + j)
            ));
        }
    }
    insert(
        conn,
        "partner_policy",
        "policy_api_key, part_id, policy_id, valid_from_datetime, valid_to_datetime, is_active, label, cr_by, cr_dtimes, is_deleted",
        key_rows.into_iter(),
    )?;
    // pending requests the approval workload reviews: `r<rep>-<thread>x<n>`, as wrk's `@N@` counts
    let mut pending = Vec::new();
    for rep in 0..plan.reps {
        for thread in 1..=2 {
            for n in 1..=sizes.pending_per_thread {
                let partner = (rep * 7 + thread * 13 + n) % sizes.partners;
                pending.push(format!(
                    "('r{rep}-{thread}x{n}', 'bp-{partner}', 'bench-policy-{}', {NOW}, 'benchmark', 'InProgress', {audit})",
                    partner % sizes.policies
                ));
            }
        }
    }
    insert(
        conn,
        "partner_policy_request",
        "id, part_id, policy_id, request_datetimes, request_detail, status_code, cr_by, cr_dtimes, is_deleted",
        pending.into_iter(),
    )?;
    insert(
        conn,
        "misp",
        "id, name, address, contact_no, email_id, user_id, status_code, is_active, cr_by, cr_dtimes, is_deleted",
        (0..sizes.misps).map(|i| {
            format!("('{}', 'Bench MISP {i}', '{i} Infra Road', '9123456789', 'misp{i}@bench.example', 'misp-user-{i}', 'approved', TRUE, {})", 1000 + i, created(minute(i, sizes.misps) * 60 + 15))
        }),
    )?;
    let mut licences = Vec::new();
    let mut licence_rows = Vec::with_capacity(sizes.misps);
    for i in 0..sizes.misps {
        let k = key(&mut rng, 50);
        if licences.len() < 1000 {
            licences.push(((1000 + i).to_string(), k.clone()));
        }
        licence_rows.push(format!(
            "('{}', '{k}', {NOW}, {FAR}, TRUE, FALSE, {})",
            1000 + i,
            created(minute(i, sizes.misps) * 60 + 16)
        ));
    }
    insert(
        conn,
        "misp_license",
        "misp_id, license_key, valid_from_date, valid_to_date, is_active, suspended, cr_by, cr_dtimes, is_deleted",
        licence_rows.into_iter(),
    )?;
    insert(
        conn,
        "tspid_seq",
        "curr_seq_no, cr_by, cr_dtimes",
        std::iter::once(format!("({}, 'bench', {NOW})", 1000 + sizes.misps)),
    )?;
    if pool.backend() == persistence::Backend::Postgres {
        use diesel::connection::SimpleConnection;
        conn.batch_execute("VACUUM ANALYZE")?;
    }
    Ok(Seeded { api_keys, licences, partners: sizes.partners, policies: sizes.policies, ..Seeded::unseeded() })
}

impl Seeded {
    /// The tokens of a seeded store, with no samples (a store seeded by an earlier run).
    pub fn unseeded() -> Seeded {
        let token = |user: &str, roles: &[&str]| web_support::testing::token(user, roles);
        Seeded {
            admin_token: token("bench-admin", &["PARTNER_ADMIN", "POLICYMANAGER", "PARTNERMANAGER"]),
            partner0_token: token("bp-0", &["AUTH_PARTNER"]),
            validator_token: token("bench-ida", &["ID_AUTHENTICATION"]),
            api_keys: Vec::new(),
            licences: Vec::new(),
            partners: 0,
            policies: 0,
        }
    }
}

/// Adds `n` audit records, already forwarded, spread over the 2026's first 200 days (one a
/// partner in turn as their reference), in statements of a million rows.
pub fn audit_records(url: &str, n: u64) -> anyhow::Result<u64> {
    use diesel::connection::SimpleConnection;
    const STEP: u64 = 1_000_000;
    let pool = DbPool::open(url, &PoolOptions::default())?;
    let mut conn = pool.get()?;
    let postgres = pool.backend() == persistence::Backend::Postgres;
    if postgres {
        conn.batch_execute("SELECT pms_audit_ensure_partitions('2026-01-01', 8)")?;
    }
    let columns = "id, event_id, event_name, event_type, action_time, host_name, host_ip, application_id, \
        application_name, session_user_id, session_user_name, ref_id, ref_id_type, created_by, module_name, \
        module_id, description, error_code, request_id, forwarded_at";
    let mut from = 0;
    while from < n {
        let to = (from + STEP).min(n);
        let (rows, time) = if postgres {
            (
                format!("generate_series({from}, {}) AS g(i)", to - 1),
                "TIMESTAMP '2026-01-01' + (i % 288000) * INTERVAL '1 minute'".to_owned(),
            )
        } else {
            (
                format!(
                    "(WITH RECURSIVE g(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM g WHERE i < {}) SELECT i FROM g)",
                    to - 1
                ),
                "strftime('%Y-%m-%d %H:%M:%S', '2026-01-01', '+' || (i % 288000) || ' minutes')".to_owned(),
            )
        };
        conn.batch_execute(&format!(
            "INSERT INTO audit_log ({columns}) SELECT 'bench-audit-' || i, 'PMS_PRT_101', 'Register Partner', \
             'SYSTEM', {time}, 'bench-host', '127.0.0.1', 'PMS', 'Partner Management Service', 'bench-admin', \
             'bench-admin', 'bp-' || (i % 100000), 'partnerId', 'bench', 'PMS-PRT', 'PMS-PRT', 'seeded', NULL, \
             NULL, {time} FROM {rows}"
        ))?;
        from = to;
    }
    if postgres {
        conn.batch_execute("VACUUM ANALYZE audit_log")?;
    }
    Ok(n)
}
