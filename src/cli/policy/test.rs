//! `policy test`: judges a sandbox file against the stored policies, or a policy file offline, and explains the verdict; the exit code is the worst verdict's.

use std::path::Path;

use anyhow::Result;
use serde::Serialize;

use crate::cli::Ctx;
use crate::control::{parse_policies, Judgement, PolicySet};
use crate::exit;
use crate::model::run::Verdict;
use crate::model::spec::parse_sandbox_documents_limited;
use crate::ops::input::{read_input_limited, InputLimits};
use crate::output::{emit, fields, Render};

#[derive(Serialize)]
struct Tested {
    sandbox: String,
    #[serde(flatten)]
    judgement: Judgement,
}

/// The one list shape (`{"items": [...], "next": null}`, as [`crate::output::Page`]); the
/// table shows each sandbox's verdict as fields.
#[derive(Serialize)]
struct TestResults {
    items: Vec<Tested>,
    next: Option<String>,
}

impl Render for TestResults {
    fn render_table(&self, _wide: bool) -> String {
        let mut out = Vec::new();
        for t in &self.items {
            let j = &t.judgement;
            let decided = j
                .decided_by
                .as_ref()
                .map(|d| format!("policy {} rule {}: {}", d.policy, d.rule, d.message))
                .unwrap_or_else(|| "no enforcing rule fired".into());
            out.push(fields(vec![
                ("Sandbox", t.sandbox.clone()),
                ("Verdict", j.verdict.to_string().to_uppercase()),
                ("Decided by", decided),
                (
                    "Reasons",
                    if j.reasons.is_empty() {
                        "-".into()
                    } else {
                        j.reasons.join("\n")
                    },
                ),
                ("Policy version", j.policy_version.to_string()),
            ]));
        }
        out.join("\n\n")
    }
}

pub async fn run(
    ctx: &Ctx,
    file: &Path,
    policies: Option<&Path>,
    limits: InputLimits,
) -> Result<u8> {
    let input = read_input_limited(file, limits.max_file_bytes)?;
    let specs =
        parse_sandbox_documents_limited(&input.name, &input.text, limits.sandbox_documents())?;
    let set = match policies {
        Some(p) => {
            let input = read_input_limited(p, limits.max_file_bytes)?;
            let list = parse_policies(&input.name, &input.text)?;
            PolicySet::compile(&list, 0)?
        }
        None => {
            let store = ctx.store_to_read().await?;
            let (v, docs) = store.policies().await?;
            crate::scheduler::compile_policies(v, &docs, &Default::default())?
        }
    };
    let results: Vec<Tested> = specs
        .iter()
        .map(|s| Tested {
            sandbox: s.name.clone(),
            judgement: set.judge(s),
        })
        .collect();
    let worst = results
        .iter()
        .map(|t| t.judgement.verdict)
        .max()
        .unwrap_or(Verdict::Allow);
    emit(
        ctx.output,
        &TestResults {
            items: results,
            next: None,
        },
    )?;
    Ok(match worst {
        Verdict::Allow => exit::OK,
        Verdict::Deny => exit::VERDICT_DENY,
        Verdict::Quarantine => exit::VERDICT_QUARANTINE,
    })
}
