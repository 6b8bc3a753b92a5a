//! Small file systems the SQLite checks fill or see read-only (root only): a tmpfs, and a
//! read-only bind mount of it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::bail;

/// A mount undone on drop.
pub struct Mounted(PathBuf);

impl Mounted {
    fn run(args: &[&str]) -> anyhow::Result<()> {
        let out = Command::new("mount").args(args).output()?;
        if !out.status.success() {
            bail!("mount {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim());
        }
        Ok(())
    }

    pub fn tmpfs(at: &Path, size: &str) -> anyhow::Result<Mounted> {
        std::fs::create_dir_all(at)?;
        Mounted::run(&["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs", &at.display().to_string()])?;
        Ok(Mounted(at.to_owned()))
    }

    pub fn read_only_view(of: &Path, at: &Path) -> anyhow::Result<Mounted> {
        std::fs::create_dir_all(at)?;
        Mounted::run(&["--bind", &of.display().to_string(), &at.display().to_string()])?;
        let m = Mounted(at.to_owned());
        Mounted::run(&["-o", "remount,bind,ro", &at.display().to_string()])?;
        Ok(m)
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until the file system is full; answers the bytes written.
pub fn fill(path: &Path) -> u64 {
    let Ok(mut f) = std::fs::File::create(path) else { return 0 };
    let chunk = vec![0u8; 64 * 1024];
    let mut written = 0;
    while f.write_all(&chunk).is_ok() {
        written += chunk.len() as u64;
    }
    let _ = f.sync_all();
    written
}
