//! The services as processes: start, time to first healthy answer, resident memory, stop.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::bail;

pub struct Service {
    pub child: Child,
    pub port: u16,
}

impl Service {
    /// Starts `bin` with `env` on a free port; returns once `health` answers 200, with the time
    /// that took.
    pub fn start(bin: &str, env: &[(String, String)], health: &str) -> anyhow::Result<(Service, Duration)> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut cmd = Command::new(bin);
        cmd.envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("PMS__SERVER__PORT", port.to_string())
            .env("PMS__LOG__FILTER", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let started = Instant::now();
        let mut child = cmd.spawn()?;
        let url = format!("http://127.0.0.1:{port}{health}");
        let agent: ureq::Agent =
            ureq::Agent::config_builder().timeout_global(Some(Duration::from_millis(500))).build().into();
        loop {
            if let Some(status) = child.try_wait()? {
                bail!("{bin} exited during start: {status}");
            }
            if agent.get(&url).call().is_ok_and(|r| r.status() == 200) {
                return Ok((Service { child, port }, started.elapsed()));
            }
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                bail!("{bin} not healthy within 60 s");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Resident memory in MiB.
    pub fn rss_mib(&self) -> f64 {
        rss_mib(self.child.id())
    }

    pub fn stop(mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Service {
    /// A service still running when a measurement fails is killed, not left behind.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// `VmRSS` of a process, in MiB.
pub fn rss_mib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0)
}

/// Samples a process's resident memory while `f` runs; returns `f`'s result and the peak.
pub fn peak_rss_during<T>(pid: u32, f: impl FnOnce() -> T) -> (T, f64) {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let sampler = std::thread::spawn(move || {
        let mut peak: f64 = 0.0;
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            peak = peak.max(rss_mib(pid));
            std::thread::sleep(Duration::from_millis(100));
        }
        peak
    });
    let out = f();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = sampler.join().unwrap_or(0.0);
    (out, peak)
}
