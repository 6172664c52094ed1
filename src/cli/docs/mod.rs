//! `tartarus completions` and `tartarus man`: generated from the same clap definitions as the parser.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;
use crate::exit;

mod man;

pub use man::man_pages;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to generate for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write `tartarus*.1` into
    #[arg(long, default_value = "man")]
    pub dir: PathBuf,
}

/// The completion script for one shell, as text.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "tartarus", &mut buf);
    buf
}

/// The committed completion files, by shell.
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "tartarus.bash"),
    (Shell::Zsh, "_tartarus"),
    (Shell::Fish, "tartarus.fish"),
    (Shell::PowerShell, "_tartarus.ps1"),
    (Shell::Elvish, "tartarus.elv"),
];

/// Prints the script; a reader that stopped early (`| head`) is not an error.
pub fn completions(args: &CompletionsArgs) -> Result<u8> {
    let mut out = std::io::stdout().lock();
    match out
        .write_all(&completion_script(args.shell))
        .and_then(|_| out.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::from(e).context("writing completions"))
        }
        _ => Ok(exit::OK),
    }
}

pub fn man(args: &ManArgs) -> Result<u8> {
    write_man(&args.dir)?;
    Ok(exit::OK)
}

/// Writes every man page into `dir`.
pub fn write_man(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in man_pages()? {
        std::fs::write(dir.join(&name), text).with_context(|| format!("writing {name}"))?;
    }
    Ok(())
}
