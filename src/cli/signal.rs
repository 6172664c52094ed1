//! Stopping long-running commands: the first SIGINT/SIGTERM asks them to finish, a second exits at once.

use tokio::sync::watch;

/// A watch that turns true on the first SIGINT or SIGTERM (logging `stopping`, what the process
/// does now); a second signal exits at once with code 130.
pub fn shutdown_signal(stopping: &'static str) -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        wait_for_signal(&mut term).await;
        tracing::warn!("stopping: {stopping} (signal again to exit at once)");
        let _ = tx.send(true);
        wait_for_signal(&mut term).await;
        eprintln!("second signal: exiting now");
        std::process::exit(130);
    });
    rx
}

async fn wait_for_signal(term: &mut Option<tokio::signal::unix::Signal>) {
    match term {
        Some(t) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = t.recv() => {}
            }
        }
        None => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
