//! A run's output: the full log when its file is readable here, else the tail stored on the run; optionally followed until the run ends.

use std::io::{Read, Seek, SeekFrom, Write};
use std::time::Duration;

use anyhow::{Context as _, Result};

use crate::ops::wait::{WaitOptions, Watchdog};
use crate::store::{Store, StoreError};

/// How often a followed log is read again.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(200);

/// Where the full log of a finished run lives when it is not readable here (printed by `-f`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteLog {
    pub node: Option<String>,
    pub path: String,
}

/// Writes the run's output to `out`. With `follow`, keeps writing until the run ends, failing
/// fast as a wait does (`follow` carries its options: no live scheduler, stuck pending). A closed
/// `out` (a reader that went away) ends it quietly. Returns where the full log is when only the
/// stored tail could be printed.
pub async fn copy_logs(
    store: &dyn Store,
    id: &str,
    follow: Option<WaitOptions>,
    out: &mut dyn Write,
) -> Result<Option<RemoteLog>> {
    let mut printed: u64 = 0;
    let mut watchdog = follow.map(Watchdog::new);
    let id_owned = id.to_string();
    loop {
        let run = store
            .get_run(id)
            .await?
            .ok_or_else(|| StoreError::RunNotFound(id.to_string()))?;
        let local = run
            .log_path
            .as_deref()
            .filter(|p| std::path::Path::new(p).is_file());
        let mut remote = None;
        match local {
            Some(path) => {
                // The full capped log, read from where it was left.
                let mut f = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
                f.seek(SeekFrom::Start(printed))
                    .with_context(|| format!("reading {path}"))?;
                let mut buf = Vec::new();
                f.read_to_end(&mut buf)
                    .with_context(|| format!("reading {path}"))?;
                printed += buf.len() as u64;
                if out.write_all(&buf).is_err() {
                    return Ok(None);
                }
            }
            None if run.state.is_terminal() => {
                if out.write_all(run.log_tail.as_bytes()).is_err() {
                    return Ok(None);
                }
                remote = run.log_path.clone().map(|path| RemoteLog {
                    node: run.node.clone(),
                    path,
                });
            }
            None => {}
        }
        let _ = out.flush();
        let Some(watchdog) = watchdog.as_mut().filter(|_| !run.state.is_terminal()) else {
            return Ok(remote);
        };
        watchdog.check(store, &[(&id_owned, run.state)], 1).await?;
        tokio::time::sleep(FOLLOW_EVERY).await;
    }
}
