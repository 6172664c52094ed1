//! `tartarus verify`: end-to-end checks for CI; one file per verb.

mod persistence;

use anyhow::Result;
use clap::Subcommand;

use super::Ctx;

/// The group's EXAMPLES (`tartarus verify --help`).
pub const EXAMPLES: &str = "\
Examples:
  # in CI: restart Redis and prove the canary survived
  tartarus verify persistence --restart-cmd 'docker restart redis' -o json";

#[derive(Debug, Subcommand)]
pub enum VerifyCmd {
    /// Prove that Redis keeps what tartarus writes: write a canary, restart, read it back.
    ///
    /// Writes a canary sandbox run (labelled tartarus.io/canary=<token>) and a Themis policy that
    /// matches only that label and denies it, so no scheduler ever places the canary. Then runs
    /// --restart-cmd with `sh -c` (or, without one, asks Redis for a BGSAVE, waits for it and
    /// checks that AOF or save rules are configured), waits until Redis answers and has finished
    /// loading, and compares the canary run (id, name, spec, priority, creation time) and the
    /// policy document with what was written. With a restart command the server's run_id must
    /// change, so a command that restarts nothing cannot pass. The canary is then removed: the
    /// run is deleted, the policy too — both changes bump the Themis version but stay out of the
    /// policy history.
    ///
    /// Exits 0 only when the canary persisted; 30 when it did not; 5 when Redis did not come back
    /// within --wait; 1 when the restart command failed. `-o json` for CI: the verdict object is
    /// printed on every path, with `persisted: false` and `error` saying why when the check could
    /// not finish.
    #[command(after_long_help = persistence::EXAMPLES)]
    Persistence(persistence::PersistenceArgs),
}

impl VerifyCmd {
    pub async fn run(self, ctx: &Ctx) -> Result<u8> {
        match self {
            VerifyCmd::Persistence(args) => persistence::run(ctx, args).await,
        }
    }
}
