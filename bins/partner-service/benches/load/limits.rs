//! The machine's own limits: a bare actix-web handler, and PostgreSQL's pgbench.

use std::process::Command;

use actix_web::{App, HttpResponse, HttpServer, web};
use anyhow::{Context, bail};

/// Serves `GET /bare` → a small fixed JSON body, on its own actix system with `workers`
/// workers (as the services run); returns the port.
pub fn bare_actix(workers: usize) -> anyhow::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || {
        let served = actix_web::rt::System::new().block_on(async move {
            HttpServer::new(|| {
                App::new().route(
                    "/bare",
                    web::get().to(|| async {
                        HttpResponse::Ok().content_type("application/json").body(r#"{"status":"UP","errors":[]}"#)
                    }),
                )
            })
            .workers(workers)
            .listen(listener)?
            .run()
            .await
        });
        if let Err(e) = served {
            eprintln!("bare server stopped: {e}");
        }
    });
    Ok(port)
}

/// What one pgbench run measured.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct PgRun {
    pub tps: f64,
    pub latency_avg_ms: f64,
}

fn psql(admin: &PgTarget, sql: &str) -> anyhow::Result<()> {
    let out = Command::new("psql")
        .args(["-h", &admin.host, "-p", &admin.port, "-U", &admin.user, "-d", "postgres", "-qAtc", sql])
        .output()
        .context("running psql")?;
    if !out.status.success() {
        bail!("psql {sql}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// Where the local PostgreSQL listens (over TCP, as the services reach it).
#[derive(Debug, Clone)]
pub struct PgTarget {
    pub host: String,
    pub port: String,
    pub user: String,
}

impl PgTarget {
    pub fn url(&self, db: &str) -> String {
        format!("postgres://{}@{}:{}/{db}", self.user, self.host, self.port)
    }

    pub fn create_db(&self, name: &str) -> anyhow::Result<()> {
        psql(self, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
        psql(self, &format!("CREATE DATABASE {name}"))
    }

    pub fn drop_db(&self, name: &str) {
        let _ = psql(self, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }
}

/// Initialises a pgbench database (`scale`) once.
pub fn pgbench_init(pg: &PgTarget, db: &str, scale: u32) -> anyhow::Result<()> {
    pg.create_db(db)?;
    let out = Command::new("pgbench")
        .args(["-i", "-q", "-s", &scale.to_string(), "-h", &pg.host, "-p", &pg.port, "-U", &pg.user, db])
        .output()
        .context("running pgbench (install postgresql-client)")?;
    if !out.status.success() {
        bail!("pgbench -i: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}

/// `pgbench -S` (select-only) or `-N` (simple update) for `secs` seconds with `clients` clients.
pub fn pgbench(pg: &PgTarget, db: &str, mode: &str, clients: u32, secs: u64) -> anyhow::Result<PgRun> {
    let out = Command::new("pgbench")
        .args([mode, "-c", &clients.to_string(), "-j", "2", "-T", &secs.to_string(), "-h", &pg.host, "-p", &pg.port])
        .args(["-U", &pg.user, db])
        .output()
        .context("running pgbench")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        bail!("pgbench {mode}: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut run = PgRun::default();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("tps = ") {
            run.tps = rest.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        }
        if let Some(rest) = line.strip_prefix("latency average = ") {
            run.latency_avg_ms = rest.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
        }
    }
    if run.tps <= 0.0 {
        bail!("cannot read pgbench's report:\n{text}");
    }
    Ok(run)
}
