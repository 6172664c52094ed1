//! Shell completions and man pages, generated from the same clap definitions as the parser.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

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

pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "tartarus.bash"),
    (Shell::Zsh, "_tartarus"),
    (Shell::Fish, "tartarus.fish"),
    (Shell::PowerShell, "_tartarus.ps1"),
    (Shell::Elvish, "tartarus.elv"),
];

pub fn completions(args: &CompletionsArgs) -> Result<u8> {
    use std::io::Write;
    std::io::stdout()
        .write_all(&completion_script(args.shell))
        .context("writing completions")?;
    Ok(0)
}

/// Every man page: (file name, roff text), one per command and subcommand.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let cmd = Cli::command();
    collect(&cmd, "tartarus", &mut out)?;
    Ok(out)
}

fn collect(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let cmd = cmd
        .clone()
        .name(name.to_string())
        .disable_help_subcommand(true);
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut buf)
        .context("rendering a man page")?;
    out.push((format!("{name}.1"), buf));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        collect(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

pub fn man(args: &ManArgs) -> Result<u8> {
    write_man(&args.dir)?;
    Ok(0)
}

pub fn write_man(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in man_pages()? {
        std::fs::write(dir.join(&name), text).with_context(|| format!("writing {name}"))?;
    }
    Ok(())
}
