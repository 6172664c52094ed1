//! Fuzzes the policy parser and the policy test input: a policy file (`ops::policies::parse`,
//! as `policy apply` reads it) and, after the first NUL byte, a sandbox file judged against the
//! compiled set at every heat (as `policy test --policies` does). Also checks that each policy's
//! stored JSON compiles again, as the scheduler reads it back from Redis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tartarus::control::{HeatThresholds, PolicySet};
use tartarus::model::spec::{parse_sandbox_documents, Heat};
use tartarus::ops::policies::parse;
use tartarus::scheduler::compile_policies;

fuzz_target!(|data: &[u8]| {
    let (policies, sandboxes) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let Ok(stored) = parse("policies.yaml", policies) else {
        return;
    };
    let set: PolicySet = compile_policies(1, &stored, &HeatThresholds::default())
        .expect("a parsed policy file compiles again from its stored JSON");
    let Some(sandboxes) = sandboxes.and_then(|s| std::str::from_utf8(s).ok()) else {
        return;
    };
    let Ok(specs) = parse_sandbox_documents("sandboxes.yaml", sandboxes) else {
        return;
    };
    for spec in &specs {
        let judgement = set.judge(spec);
        let _ = serde_json::to_string(&judgement);
        for heat in Heat::ALL {
            let _ = set.judge_with_heat(spec, heat);
        }
    }
});
