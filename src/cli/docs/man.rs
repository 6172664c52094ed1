//! Man pages: clap_mangen's sections (with the global options under their own headings), then
//! EXAMPLES from the long help, ENVIRONMENT from `config::ENVIRONMENT`, EXIT STATUS from
//! `exit::ALL`, and the short version — so a page changes only when the CLI does.

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{examples, Cli, VERSION};

/// Every man page: (file name, roff text), one per command and subcommand.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    let mut root = Cli::command();
    // Building propagates the global options into every subcommand, so each page lists them.
    root.build();
    let mut out = Vec::new();
    collect(&root, "tartarus", &mut out)?;
    Ok(out)
}

fn collect(cmd: &clap::Command, name: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let page_cmd = cmd
        .clone()
        .name(name.to_string())
        .disable_help_subcommand(true);
    out.push((format!("{name}.1"), render(&page_cmd)?));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        collect(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}

fn render(cmd: &clap::Command) -> Result<Vec<u8>> {
    let man = clap_mangen::Man::new(cmd.clone()).source(format!("tartarus {VERSION}"));
    let mut buf = Vec::new();
    let ctx = "rendering a man page";
    man.render_title(&mut buf).context(ctx)?;
    man.render_name_section(&mut buf).context(ctx)?;
    man.render_synopsis_section(&mut buf).context(ctx)?;
    man.render_description_section(&mut buf).context(ctx)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf).context(ctx)?;
    }
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf).context(ctx)?;
    }
    let mut roff = String::new();
    if let Some(text) = cmd.get_after_long_help() {
        examples_section(&mut roff, &text.to_string());
    }
    environment_section(&mut roff);
    exit_status_section(&mut roff);
    roff.push_str(".SH VERSION\n");
    roff.push_str(&escape(&format!("v{VERSION}")));
    roff.push('\n');
    buf.extend_from_slice(roff.as_bytes());
    Ok(buf)
}

/// Escapes text for roff: backslashes, hyphens, and a leading `.` or `'`.
fn escape(text: &str) -> String {
    let body = text.replace('\\', "\\e").replace('-', "\\-");
    if body.starts_with('.') || body.starts_with('\'') {
        format!("\\&{body}")
    } else {
        body
    }
}

fn examples_section(roff: &mut String, text: &str) {
    let body = text
        .strip_prefix(examples::HEADING)
        .unwrap_or(text)
        .trim_matches('\n');
    roff.push_str(".SH EXAMPLES\n.nf\n");
    for line in body.lines() {
        roff.push_str(&escape(line.strip_prefix("  ").unwrap_or(line)));
        roff.push('\n');
    }
    roff.push_str(".fi\n");
}

fn environment_section(roff: &mut String) {
    roff.push_str(".SH ENVIRONMENT\n");
    for (name, meaning) in crate::config::ENVIRONMENT {
        roff.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            escape(name),
            escape(meaning)
        ));
    }
}

fn exit_status_section(roff: &mut String) {
    roff.push_str(".SH \"EXIT STATUS\"\n");
    for c in crate::exit::ALL {
        let meaning = c
            .meaning
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        roff.push_str(&format!(".TP\n\\fB{}\\fR\n{}\n", c.code, escape(&meaning)));
    }
    roff.push_str(&format!(
        ".PP\n{}\n",
        escape(
            "redis health alone uses the monitoring-plugin convention instead: 0 OK, 1 WARNING, \
             2 CRITICAL, 3 UNKNOWN."
        )
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn pages_have_every_section_and_no_commit() {
        let pages = super::man_pages().unwrap();
        let page = |name: &str| {
            pages
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| String::from_utf8_lossy(t).to_string())
                .unwrap_or_default()
        };
        let submit = page("tartarus-sandbox-submit.1");
        for section in [
            ".SH EXAMPLES",
            ".SH ENVIRONMENT",
            ".SH \"EXIT STATUS\"",
            ".SH \"CONNECTION OPTIONS\"",
            "REDIS_PASSWORD",
            "\\fB17\\fR",
        ] {
            assert!(submit.contains(section), "{section} missing:\n{submit}");
        }
        assert!(
            !submit.contains("commit:"),
            "the long version must stay out"
        );
        for (name, text) in &pages {
            let text = String::from_utf8_lossy(text);
            assert!(text.contains(".SH \"EXIT STATUS\""), "{name}");
            assert!(text.contains(".SH ENVIRONMENT"), "{name}");
        }
    }
}
