//! The CLI layer's own errors (usage, confirmations, command-specific refusals), each with its exit code.

use crate::exit;

/// What a command can refuse before or around the use case it runs. Each variant knows its exit
/// code ([`CliError::code`]); nothing in `src/cli` builds a code by hand.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Flags or arguments that parse but do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// `sandbox submit --command` (removed): the command now follows `--`.
    #[error(
        "--command was removed: put the command and its arguments after `--`, where no flag can \
         swallow them:\n  tartarus sandbox submit --image alpine:3.20 -o json -- sh -c 'echo hi'"
    )]
    CommandFlagRemoved,
    /// A destructive step without `--yes` and without a terminal to ask on.
    #[error("refusing to {0} without confirmation: stdin is not a terminal; pass --yes")]
    NoTerminal(String),
    /// The operator answered no.
    #[error("cancelled: nothing was changed")]
    Declined,
    /// A command that succeeded could not write its `--textfile`.
    #[error("the command succeeded, but its metrics were not recorded: {0}")]
    TextfileNotWritten(String),
}

impl CliError {
    /// The process exit code this error leads to.
    pub fn code(&self) -> u8 {
        match self {
            CliError::Usage(_) | CliError::CommandFlagRemoved => exit::USAGE,
            CliError::NoTerminal(_) | CliError::Declined => exit::REFUSED,
            CliError::TextfileNotWritten(_) => exit::TEXTFILE_NOT_WRITTEN,
        }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>) -> anyhow::Error {
        CliError::Usage(message.into()).into()
    }
}
