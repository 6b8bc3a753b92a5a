//! The embedded default: every message becomes one `.eml` file in a directory.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use lettre::message::Mailbox;

use super::{Mail, Notifier, message};

/// Writes each message to `<dir>/<UTC time>-<uuid>.eml`, readable by its owner only. The file
/// appears complete or not at all (written beside, then renamed).
pub struct FileDrop {
    dir: PathBuf,
    from: Mailbox,
}

impl FileDrop {
    pub fn new(dir: PathBuf, from: Mailbox) -> Self {
        FileDrop { dir, from }
    }

    fn drop_file(&self, mail: &Mail) -> anyhow::Result<()> {
        let bytes = message(&self.from, mail)?.formatted();
        std::fs::create_dir_all(&self.dir).with_context(|| format!("creating {}", self.dir.display()))?;
        let name = format!("{}-{}", chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"), uuid::Uuid::new_v4().simple());
        let part = self.dir.join(format!(".{name}.part"));
        let done = self.dir.join(format!("{name}.eml"));
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&part).with_context(|| format!("creating {}", part.display()))?;
        file.write_all(&bytes).and_then(|()| file.sync_all()).with_context(|| format!("writing {}", part.display()))?;
        std::fs::rename(&part, &done).with_context(|| format!("renaming to {}", done.display()))?;
        tracing::info!(file = %done.display(), "mail dropped");
        Ok(())
    }
}

impl Notifier for FileDrop {
    fn send(&self, mail: &Mail) -> Result<(), String> {
        self.drop_file(mail).map_err(|e| format!("{e:#}"))
    }

    fn describe(&self) -> String {
        format!("file drop in {}", self.dir.display())
    }
}
