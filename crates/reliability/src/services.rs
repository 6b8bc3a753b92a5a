//! The services as child processes on a fixed port: start, wait for health, `kill -9`, restart.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

pub const SECRET: &str = "reliability-secret-0123456789abcdef0123456789";

/// Which service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Partner,
    Misp,
}

impl Kind {
    pub fn binary(self) -> &'static str {
        match self {
            Kind::Partner => "partner-service",
            Kind::Misp => "misp-license-service",
        }
    }

    pub fn health(self) -> &'static str {
        match self {
            Kind::Partner => "/v1/partnermanager/actuator/health",
            Kind::Misp => "/partnermanagement/v1/misps/actuator/health",
        }
    }
}

/// Where the binaries are (`--bin-dir`, default `target/debug`).
pub fn bin_path(dir: &std::path::Path, kind: Kind) -> PathBuf {
    dir.join(kind.binary())
}

/// The environment every service of one store gets.
pub fn env_for(db_url: &str, data_dir: &std::path::Path, extra: &[(&str, String)]) -> Vec<(String, String)> {
    let mut env = vec![
        ("PMS__DATABASE__URL".to_owned(), db_url.to_owned()),
        ("PMS__AUTH__HS256_SECRET".to_owned(), SECRET.to_owned()),
        ("PMS__DATA_DIR".to_owned(), data_dir.display().to_string()),
        ("PMS__SERVER__HOST".to_owned(), "127.0.0.1".to_owned()),
        ("PMS__LOG__FILTER".to_owned(), "error".to_owned()),
    ];
    env.extend(extra.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
    env
}

/// One service process on its own port, restartable on the same port.
pub struct Service {
    pub kind: Kind,
    pub port: u16,
    bin: PathBuf,
    env: Vec<(String, String)>,
    child: Option<Child>,
    /// Where stderr goes (appended across restarts), to look for panics.
    log: Option<PathBuf>,
}

pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Service {
    pub fn new(bin_dir: &std::path::Path, kind: Kind, env: Vec<(String, String)>) -> anyhow::Result<Self> {
        Ok(Service { kind, port: free_port()?, bin: bin_path(bin_dir, kind), env, child: None, log: None })
    }

    /// Appends the process's stderr to `<dir>/<binary>-<port>.log`.
    pub fn logging_to(mut self, dir: &std::path::Path) -> Self {
        self.log = Some(dir.join(format!("{}-{}.log", self.kind.binary(), self.port)));
        self
    }

    /// True when the log shows a panic.
    pub fn panicked(&self) -> bool {
        self.log.as_ref().and_then(|l| std::fs::read_to_string(l).ok()).is_some_and(|t| t.contains("panicked"))
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the process and waits (up to 60 s) for its health endpoint to answer 200.
    pub fn start(&mut self) -> anyhow::Result<Duration> {
        let mut cmd = Command::new(&self.bin);
        cmd.arg("serve")
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("PMS__SERVER__PORT", self.port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(match &self.log {
                Some(path) => Stdio::from(std::fs::OpenOptions::new().create(true).append(true).open(path)?),
                None => Stdio::null(),
            });
        let started = Instant::now();
        let child = cmd.spawn().with_context(|| format!("starting {}", self.bin.display()))?;
        self.child = Some(child);
        let url = format!("{}{}", self.base(), self.kind.health());
        let agent = crate::client::agent(Duration::from_millis(500));
        loop {
            if let Some(child) = self.child.as_mut()
                && let Some(status) = child.try_wait()?
            {
                bail!("{} exited during start: {status}", self.kind.binary());
            }
            if agent.get(&url).call().is_ok_and(|r| r.status() == 200) {
                return Ok(started.elapsed());
            }
            if started.elapsed() > Duration::from_secs(60) {
                self.kill9();
                bail!("{} not healthy within 60 s", self.kind.binary());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// `kill -9`, then reaps the process.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill(); // SIGKILL on Unix
            let _ = child.wait();
        }
    }

    /// True while the process runs.
    pub fn running(&mut self) -> bool {
        self.child.as_mut().is_some_and(|c| matches!(c.try_wait(), Ok(None)))
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// Runs `<binary> migrate` against the store of `env`.
pub fn migrate(bin_dir: &std::path::Path, env: &[(String, String)]) -> anyhow::Result<()> {
    let out = Command::new(bin_path(bin_dir, Kind::Partner))
        .arg("migrate")
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()?;
    if !out.status.success() {
        bail!("migrate failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(())
}
