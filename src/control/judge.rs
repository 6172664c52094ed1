//! Rhadamanthus: judges a sandbox request against a compiled set of Themis policies and explains the verdict.
//!
//! Rules of judgement:
//! - Policies are evaluated in policy-name order; within a policy, rules in written order; every
//!   rule whose policy `match` and `when` conditions hold *fires*.
//! - The verdict is the strongest firing verdict of an `enforce` policy: deny > quarantine > allow.
//!   Among equals the first in that order decides (`decided_by`). No firing rule → `Allow`, `decided_by: None`.
//! - `audit` policies never change the verdict; their firings go to `audit` and to `reasons`, prefixed `audit:`.
//! - The request's manual quarantine flag (`tartarus.io/quarantine: "true"`) turns an allow into `Quarantine`
//!   (`decided_by: None`, since no policy decided it); a deny stays a deny.
//! - `reasons` lists: the deciding firing first, the other enforce firings by strength then order,
//!   the manual-quarantine note, then the audit firings.
//!
//! Compile once per policy version ([`PolicySet::compile`]) and call [`PolicySet::judge`] per run:
//! globs are parsed once and evaluation allocates only for firing rules (plus one normalized image string).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::heat::{classify, HeatThresholds};
use super::policy::{heat_bit, CompiledConditions, CompiledMatch, Mode, Policy, PolicyError};
use crate::model::run::Verdict;
use crate::model::spec::{Heat, SandboxSpec, QUARANTINE_ANNOTATION};

/// One rule that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub policy: String,
    pub rule: String,
    pub verdict: Verdict,
    /// The rule's message (empty when it has none).
    pub message: String,
    pub mode: Mode,
}

impl Decision {
    /// `deny by no-privileged/deny-privileged: privileged sandboxes are not allowed`, or for audit
    /// `audit: big-spenders/large would quarantine: ...`.
    pub fn reason(&self) -> String {
        let sep = if self.message.is_empty() { "" } else { ": " };
        match self.mode {
            Mode::Enforce => format!(
                "{} by {}/{}{sep}{}",
                self.verdict, self.policy, self.rule, self.message
            ),
            Mode::Audit => format!(
                "audit: {}/{} would {}{sep}{}",
                self.policy, self.rule, self.verdict, self.message
            ),
        }
    }
}

/// The outcome of judging one request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    pub verdict: Verdict,
    /// The enforce-mode firing that set the verdict; `None` when nothing fired or the manual flag decided.
    pub decided_by: Option<Decision>,
    /// Human-readable explanation, in the order described in the module docs.
    pub reasons: Vec<String>,
    /// Would-be verdicts of audit-mode policies.
    pub audit: Vec<Decision>,
    /// The policy version this judgement was made with.
    pub policy_version: u64,
}

/// The reason recorded when the request itself asks for quarantine.
pub fn manual_quarantine_reason() -> String {
    format!("quarantine requested by the request ({QUARANTINE_ANNOTATION}=true)")
}

#[derive(Clone, Debug)]
struct CompiledRule {
    name: String,
    verdict: Verdict,
    message: String,
    when: CompiledConditions,
}

#[derive(Clone, Debug)]
struct CompiledPolicy {
    name: String,
    mode: Mode,
    matcher: CompiledMatch,
    rules: Vec<CompiledRule>,
}

/// Policies compiled for fast judging, sorted by name, tied to one policy version.
#[derive(Clone, Debug)]
pub struct PolicySet {
    version: u64,
    policies: Vec<CompiledPolicy>,
    thresholds: HeatThresholds,
    uses_heat: bool,
}

/// What the conditions look at, computed once per request.
struct Facts<'a> {
    spec: &'a SandboxSpec,
    image_forms: [&'a str; 2],
    registry: &'a str,
    tenant: &'a str,
    heat: Heat,
    timeout_ms: u64,
}

/// The fully qualified reference of an image: `alpine` → `docker.io/library/alpine:latest`,
/// `ghcr.io/acme/tool` → `ghcr.io/acme/tool:latest`; references with a tag or digest keep it.
pub fn normalize_image(image: &str) -> String {
    let (registry, rest) = match image.split_once('/') {
        Some((first, rest))
            if first.contains('.') || first.contains(':') || first == "localhost" =>
        {
            (first, rest)
        }
        _ => ("docker.io", image),
    };
    let library = if registry == "docker.io" && !rest.contains('/') {
        "library/"
    } else {
        ""
    };
    let last = rest.rsplit('/').next().unwrap_or(rest);
    let tagged = last.contains(':') || rest.contains('@');
    let mut out = String::with_capacity(registry.len() + library.len() + rest.len() + 8);
    out.push_str(registry);
    out.push('/');
    out.push_str(library);
    out.push_str(rest);
    if !tagged {
        out.push_str(":latest");
    }
    out
}

impl CompiledMatch {
    #[inline]
    fn matches(&self, f: &Facts<'_>) -> bool {
        (self.images.is_empty()
            || self
                .images
                .iter()
                .any(|p| f.image_forms.iter().any(|i| p.matches(i))))
            && self
                .labels
                .iter()
                .all(|(k, v)| f.spec.labels.get(k) == Some(v))
            && (self.tenants.is_empty()
                || f.spec
                    .tenant
                    .as_deref()
                    .is_some_and(|t| self.tenants.iter().any(|p| p.matches(t))))
            && (self.heat_mask == 0 || self.heat_mask & heat_bit(f.heat) != 0)
    }
}

impl CompiledConditions {
    #[inline]
    fn hold(&self, f: &Facts<'_>) -> bool {
        let s = f.spec;
        self.privileged.is_none_or(|p| p == s.privileged)
            && self.network.is_none_or(|n| n == s.network)
            && self.cpu.is_none_or(|b| b.holds(s.cpu_millis))
            && self.memory.is_none_or(|b| b.holds(s.memory_bytes))
            && self.gpu.is_none_or(|b| b.holds(u64::from(s.gpu)))
            && self.timeout_ms.is_none_or(|b| b.holds(f.timeout_ms))
            && self
                .registry
                .as_ref()
                .is_none_or(|g| g.holds(&[f.registry]))
            && self.tenant.as_ref().is_none_or(|g| g.holds(&[f.tenant]))
            && self.image.as_ref().is_none_or(|g| g.holds(&f.image_forms))
            && self.labels.iter().all(|k| k.holds(&s.labels))
            && self.annotations.iter().all(|k| k.holds(&s.annotations))
            && self.env.iter().all(|k| k.holds(&s.env))
    }
}

impl PolicySet {
    /// Validates and compiles policies (e.g. as loaded from the store). Errors name the policy by its position
    /// in `policies` and the field; duplicate names are refused.
    pub fn compile(policies: &[Policy], version: u64) -> Result<PolicySet, PolicyError> {
        let source_name = format!("policy set v{version}");
        let mut compiled = Vec::with_capacity(policies.len());
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (index, p) in policies.iter().enumerate() {
            let invalid = |error| PolicyError::Invalid {
                source_name: source_name.clone(),
                index,
                error,
            };
            p.validate().map_err(invalid)?;
            if let Some(&first_index) = seen.get(p.name()) {
                return Err(PolicyError::Duplicate {
                    source_name: source_name.clone(),
                    index,
                    name: p.name().to_string(),
                    first_index,
                });
            }
            seen.insert(p.name(), index);
            let mut rules = Vec::with_capacity(p.spec.rules.len());
            for (i, r) in p.spec.rules.iter().enumerate() {
                rules.push(CompiledRule {
                    name: r.name.clone(),
                    verdict: r.verdict,
                    message: r.message.clone().unwrap_or_default(),
                    when: CompiledConditions::compile(&format!("spec.rules[{i}].when"), &r.when)
                        .map_err(invalid)?,
                });
            }
            compiled.push(CompiledPolicy {
                name: p.name().to_string(),
                mode: p.spec.mode,
                matcher: CompiledMatch::compile(&p.spec.match_).map_err(invalid)?,
                rules,
            });
        }
        compiled.sort_by(|a, b| a.name.cmp(&b.name));
        let uses_heat = compiled.iter().any(|p| p.matcher.heat_mask != 0);
        Ok(PolicySet {
            version,
            policies: compiled,
            thresholds: HeatThresholds::default(),
            uses_heat,
        })
    }

    /// Uses these thresholds to classify requests without a heat for `match.heat` (default: [`HeatThresholds::default`]).
    pub fn with_thresholds(mut self, thresholds: HeatThresholds) -> PolicySet {
        self.thresholds = thresholds;
        self
    }

    pub fn version(&self) -> u64 {
        self.version
    }
    pub fn len(&self) -> usize {
        self.policies.len()
    }
    pub fn is_empty(&self) -> bool {
        self.policies.is_empty()
    }
    /// Policy names in evaluation order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.policies.iter().map(|p| p.name.as_str())
    }

    /// Judges a request; its heat (for `match.heat`) is the request's or classified with this set's thresholds.
    pub fn judge(&self, spec: &SandboxSpec) -> Judgement {
        let heat = if self.uses_heat {
            classify(spec, &self.thresholds)
        } else {
            spec.heat.unwrap_or(Heat::Cold)
        };
        self.judge_with_heat(spec, heat)
    }

    /// Judges a request whose heat the caller already knows.
    pub fn judge_with_heat(&self, spec: &SandboxSpec, heat: Heat) -> Judgement {
        let normalized = normalize_image(&spec.image);
        let facts = Facts {
            spec,
            image_forms: [spec.image.as_str(), normalized.as_str()],
            registry: spec.registry(),
            tenant: spec.tenant.as_deref().unwrap_or(""),
            heat,
            timeout_ms: spec.timeout_secs.saturating_mul(1000),
        };
        let mut fired: Vec<Decision> = Vec::new();
        let mut audit: Vec<Decision> = Vec::new();
        for p in &self.policies {
            if !p.matcher.matches(&facts) {
                continue;
            }
            for r in &p.rules {
                if r.when.hold(&facts) {
                    let d = Decision {
                        policy: p.name.clone(),
                        rule: r.name.clone(),
                        verdict: r.verdict,
                        message: r.message.clone(),
                        mode: p.mode,
                    };
                    match p.mode {
                        Mode::Enforce => fired.push(d),
                        Mode::Audit => audit.push(d),
                    }
                }
            }
        }
        // Strongest first; the sort is stable, so equals stay in policy-name, then rule order.
        fired.sort_by_key(|d| std::cmp::Reverse(d.verdict));
        let mut verdict = fired.first().map_or(Verdict::Allow, |d| d.verdict);
        let mut decided_by = fired.first().cloned();
        let mut reasons: Vec<String> = fired.iter().map(Decision::reason).collect();
        if spec.quarantine_requested() && verdict != Verdict::Deny {
            verdict = Verdict::Quarantine;
            if decided_by
                .as_ref()
                .is_none_or(|d| d.verdict != Verdict::Quarantine)
            {
                decided_by = None;
            }
            reasons.push(manual_quarantine_reason());
        }
        reasons.extend(audit.iter().map(Decision::reason));
        Judgement {
            verdict,
            decided_by,
            reasons,
            audit,
            policy_version: self.version,
        }
    }
}

/// Compiles and judges in one go. Prefer [`PolicySet`] in loops.
///
/// Policies that fail to compile (they were validated when applied, so this means a corrupt store)
/// fail **closed**: the verdict is `Deny` with the compile error as the reason.
pub fn judge(policies: &[Policy], spec: &SandboxSpec, policy_version: u64) -> Judgement {
    match PolicySet::compile(policies, policy_version) {
        Ok(set) => set.judge(spec),
        Err(e) => Judgement {
            verdict: Verdict::Deny,
            decided_by: None,
            reasons: vec![format!("deny: the policies cannot be evaluated: {e}")],
            audit: Vec::new(),
            policy_version,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::heat::tests::spec;
    use crate::control::policy::parse_policies;

    fn set(yaml: &str) -> PolicySet {
        PolicySet::compile(&parse_policies("t.yaml", yaml).unwrap(), 7).unwrap()
    }

    fn policy(name: &str, mode: &str, rules: &[(&str, &str, &str)]) -> String {
        let mut s = format!("---\nmetadata: {{name: {name}}}\nspec:\n  mode: {mode}\n  rules:\n");
        for (rule, when, verdict) in rules {
            s.push_str(&format!(
                "    - {{name: {rule}, when: {when}, verdict: {verdict}, message: \"{name} says {verdict}\"}}\n"
            ));
        }
        s
    }

    /// Whether a single `when` block fires for the spec.
    fn fires(when: &str, f: impl FnOnce(&mut SandboxSpec)) -> bool {
        let ps = set(&policy("p", "enforce", &[("r", when, "deny")]));
        let mut s = spec();
        f(&mut s);
        ps.judge(&s).verdict == Verdict::Deny
    }

    #[test]
    fn no_policies_or_no_match_allows() {
        let j = PolicySet::compile(&[], 3).unwrap().judge(&spec());
        assert_eq!(
            j,
            Judgement {
                verdict: Verdict::Allow,
                decided_by: None,
                reasons: vec![],
                audit: vec![],
                policy_version: 3
            }
        );
        let j = set(&policy(
            "p",
            "enforce",
            &[("r", "{privileged: true}", "deny")],
        ))
        .judge(&spec());
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.decided_by, None);
        assert!(j.reasons.is_empty());
        assert_eq!(j.policy_version, 7);
    }

    #[test]
    fn deny_beats_quarantine_beats_allow_whatever_the_order() {
        let yaml = [
            policy("a-allow", "enforce", &[("ok", "{}", "allow")]),
            policy("b-quarantine", "enforce", &[("q", "{}", "quarantine")]),
            policy("c-deny", "enforce", &[("d", "{}", "deny")]),
        ];
        // every file order gives the same result
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let text: String = order.iter().map(|&i| yaml[i].as_str()).collect();
            let j = set(&text).judge(&spec());
            assert_eq!(j.verdict, Verdict::Deny);
            let d = j.decided_by.unwrap();
            assert_eq!(
                (d.policy.as_str(), d.rule.as_str(), d.mode),
                ("c-deny", "d", Mode::Enforce)
            );
            assert_eq!(
                j.reasons,
                vec![
                    "deny by c-deny/d: c-deny says deny".to_string(),
                    "quarantine by b-quarantine/q: b-quarantine says quarantine".to_string(),
                    "allow by a-allow/ok: a-allow says allow".to_string(),
                ]
            );
        }
        let text = format!("{}{}", yaml[0], yaml[1]);
        let j = set(&text).judge(&spec());
        assert_eq!(j.verdict, Verdict::Quarantine);
        assert_eq!(j.decided_by.unwrap().policy, "b-quarantine");
        let j = set(&yaml[0]).judge(&spec());
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.decided_by.unwrap().policy, "a-allow");
    }

    #[test]
    fn among_equals_the_first_policy_by_name_decides() {
        let text = format!(
            "{}{}",
            policy("zeta", "enforce", &[("z", "{}", "deny")]),
            policy(
                "alpha",
                "enforce",
                &[("a2", "{privileged: true}", "deny"), ("a1", "{}", "deny")]
            )
        );
        let j = set(&text).judge(&spec());
        let d = j.decided_by.unwrap();
        assert_eq!((d.policy.as_str(), d.rule.as_str()), ("alpha", "a1"));
        assert_eq!(
            j.reasons,
            vec![
                "deny by alpha/a1: alpha says deny",
                "deny by zeta/z: zeta says deny"
            ]
        );
    }

    #[test]
    fn audit_policies_never_change_the_verdict() {
        let text = format!(
            "{}{}",
            policy(
                "watch",
                "audit",
                &[
                    ("would-deny", "{}", "deny"),
                    ("would-q", "{}", "quarantine")
                ]
            ),
            policy("base", "enforce", &[("ok", "{}", "allow")])
        );
        let j = set(&text).judge(&spec());
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.decided_by.as_ref().unwrap().policy, "base");
        assert_eq!(
            j.reasons,
            vec![
                "allow by base/ok: base says allow",
                "audit: watch/would-deny would deny: watch says deny",
                "audit: watch/would-q would quarantine: watch says quarantine",
            ]
        );
        assert_eq!(j.audit.len(), 2);
        assert_eq!(j.audit[0].verdict, Verdict::Deny);
        assert_eq!(j.audit[0].mode, Mode::Audit);
        // audit alone: allow, decided by nobody
        let j = set(&policy("watch", "audit", &[("d", "{}", "deny")])).judge(&spec());
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.decided_by, None);
        assert_eq!(
            j.reasons,
            vec!["audit: watch/d would deny: watch says deny"]
        );
    }

    #[test]
    fn manual_quarantine_flag() {
        let mut s = spec();
        s.annotations
            .insert(QUARANTINE_ANNOTATION.into(), "true".into());
        let j = PolicySet::compile(&[], 1).unwrap().judge(&s);
        assert_eq!(j.verdict, Verdict::Quarantine);
        assert_eq!(j.decided_by, None);
        assert_eq!(
            j.reasons,
            vec!["quarantine requested by the request (tartarus.io/quarantine=true)"]
        );
        // an allow rule does not undo it
        let j = set(&policy("p", "enforce", &[("ok", "{}", "allow")])).judge(&s);
        assert_eq!(j.verdict, Verdict::Quarantine);
        assert_eq!(j.decided_by, None);
        assert_eq!(j.reasons.len(), 2);
        // a deny still wins
        let j = set(&policy("p", "enforce", &[("no", "{}", "deny")])).judge(&s);
        assert_eq!(j.verdict, Verdict::Deny);
        assert_eq!(j.reasons, vec!["deny by p/no: p says deny"]);
        // a quarantine rule keeps deciding
        let j = set(&policy("p", "enforce", &[("q", "{}", "quarantine")])).judge(&s);
        assert_eq!(j.decided_by.unwrap().rule, "q");
        // "false" is not a request
        s.annotations
            .insert(QUARANTINE_ANNOTATION.into(), "false".into());
        assert_eq!(
            PolicySet::compile(&[], 1).unwrap().judge(&s).verdict,
            Verdict::Allow
        );
    }

    #[test]
    fn image_globs_and_normalization() {
        assert_eq!(normalize_image("alpine"), "docker.io/library/alpine:latest");
        assert_eq!(
            normalize_image("alpine:3.20"),
            "docker.io/library/alpine:3.20"
        );
        assert_eq!(normalize_image("acme/tool"), "docker.io/acme/tool:latest");
        assert_eq!(
            normalize_image("ghcr.io/acme/tool:1"),
            "ghcr.io/acme/tool:1"
        );
        assert_eq!(
            normalize_image("localhost:5000/x"),
            "localhost:5000/x:latest"
        );
        assert_eq!(
            normalize_image("quay.io/x@sha256:abc"),
            "quay.io/x@sha256:abc"
        );
        let img = |w: &str, image: &str| {
            let image = image.to_string();
            fires(w, move |s| s.image = image)
        };
        let latest = r#"{image: {in: ["*:latest"]}}"#;
        assert!(img(latest, "alpine"));
        assert!(img(latest, "alpine:latest"));
        assert!(!img(latest, "alpine:3.20"));
        let lib = r#"{image: {in: ["docker.io/library/*"]}}"#;
        assert!(img(lib, "alpine:3.20"));
        assert!(!img(lib, "ghcr.io/acme/alpine:3.20"));
        let not = r#"{image: {notIn: ["ghcr.io/trusted/*"]}}"#;
        assert!(img(not, "ghcr.io/evil/x:1"));
        assert!(!img(not, "ghcr.io/trusted/x:1"));
    }

    #[test]
    fn registry_and_tenant_sets() {
        let w = "{registry: {in: [docker.io, \"*.internal\"], notIn: [evil.internal]}}";
        assert!(fires(w, |s| s.image = "alpine".into()));
        assert!(fires(w, |s| s.image = "reg.internal/x:1".into()));
        assert!(!fires(w, |s| s.image = "evil.internal/x:1".into()));
        assert!(!fires(w, |s| s.image = "ghcr.io/x:1".into()));
        let w = "{tenant: {in: [acme]}}";
        assert!(fires(w, |s| s.tenant = Some("acme".into())));
        assert!(!fires(w, |s| s.tenant = Some("acme2".into())));
        assert!(!fires(w, |_| {}));
        let w = "{tenant: {notIn: [acme]}}";
        assert!(fires(w, |_| {}), "a missing tenant is not acme");
    }

    #[test]
    fn resource_thresholds_with_units() {
        assert!(!fires("{cpu: {gt: 8}}", |s| s.cpu_millis = 8000));
        assert!(fires("{cpu: {gt: 8}}", |s| s.cpu_millis = 8001));
        assert!(fires("{cpu: {lt: 500m}}", |s| s.cpu_millis = 499));
        assert!(!fires("{cpu: {lt: 500m}}", |s| s.cpu_millis = 500));
        assert!(!fires("{memory: {gt: 16Gi}}", |s| s.memory_bytes = 16 << 30));
        assert!(fires("{memory: {gt: 16Gi}}", |s| s.memory_bytes = (16 << 30) + 1));
        assert!(fires("{memory: {gte: 16Gi, lte: 32Gi}}", |s| s
            .memory_bytes =
            32 << 30));
        assert!(!fires("{gpu: {gt: 0}}", |_| {}));
        assert!(fires("{gpu: {gt: 0}}", |s| s.gpu = 1));
        assert!(!fires("{timeout: {gt: 1h}}", |s| s.timeout_secs = 3600));
        assert!(fires("{timeout: {gt: 1h}}", |s| s.timeout_secs = 3601));
        assert!(fires("{timeout: {lte: 90}}", |s| s.timeout_secs = 90));
    }

    #[test]
    fn env_conditions() {
        let set_env = |k: &str, v: &str| {
            let (k, v) = (k.to_string(), v.to_string());
            move |s: &mut SandboxSpec| {
                s.env.insert(k, v);
            }
        };
        assert!(fires(
            "{env: {TOKEN: {present: true}}}",
            set_env("TOKEN", "x")
        ));
        assert!(!fires(
            "{env: {TOKEN: {present: true}}}",
            set_env("TOKENS", "x")
        ));
        assert!(fires(
            "{env: {TOKEN: {present: false}}}",
            set_env("OTHER", "x")
        ));
        assert!(!fires(
            "{env: {TOKEN: {present: false}}}",
            set_env("TOKEN", "")
        ));
        assert!(fires(
            "{env: {\"*SECRET*\": {present: true}}}",
            set_env("AWS_SECRET_KEY", "x")
        ));
        assert!(!fires(
            "{env: {\"*SECRET*\": {present: false}}}",
            set_env("AWS_SECRET_KEY", "x")
        ));
        assert!(fires(
            "{env: {DEBUG: {matches: \"[1tT]*\"}}}",
            set_env("DEBUG", "true")
        ));
        assert!(!fires(
            "{env: {DEBUG: {matches: \"[1tT]*\"}}}",
            set_env("DEBUG", "0")
        ));
        assert!(fires(
            "{env: {MODE: {equals: prod}}}",
            set_env("MODE", "prod")
        ));
        assert!(!fires(
            "{env: {MODE: {equals: prod}}}",
            set_env("MODE", "production")
        ));
        assert!(!fires("{env: {MODE: {equals: prod}}}", |_| {}));
    }

    #[test]
    fn label_and_annotation_conditions() {
        let label = |k: &str, v: &str| {
            let (k, v) = (k.to_string(), v.to_string());
            move |s: &mut SandboxSpec| {
                s.labels.insert(k, v);
            }
        };
        assert!(fires(
            "{labels: {team: {equals: payments}}}",
            label("team", "payments")
        ));
        assert!(!fires(
            "{labels: {team: {equals: payments}}}",
            label("team", "infra")
        ));
        assert!(fires(
            "{labels: {owner: {present: false}}}",
            label("team", "infra")
        ));
        assert!(!fires(
            "{labels: {owner: {present: false}}}",
            label("owner", "bob")
        ));
        assert!(fires(
            "{labels: {owner: {present: true}}}",
            label("owner", "")
        ));
        assert!(fires(
            "{labels: {\"example.com/*\": {matches: \"v*\"}}}",
            label("example.com/tier", "v2")
        ));
        let ann = |s: &mut SandboxSpec| {
            s.annotations.insert("ticket".into(), "SEC-1".into());
        };
        assert!(fires("{annotations: {ticket: {equals: SEC-1}}}", ann));
        assert!(!fires("{annotations: {ticket: {equals: SEC-2}}}", ann));
        assert!(
            !fires("{labels: {ticket: {present: true}}}", ann),
            "annotations are not labels"
        );
    }

    #[test]
    fn flag_conditions_and_conjunction() {
        assert!(fires("{privileged: true}", |s| s.privileged = true));
        assert!(!fires("{privileged: true}", |_| {}));
        assert!(fires("{privileged: false}", |_| {}));
        assert!(fires("{network: true}", |s| s.network = true));
        assert!(!fires("{network: true}", |_| {}));
        // all conditions must hold
        let w = "{privileged: true, network: true}";
        assert!(!fires(w, |s| s.privileged = true));
        assert!(fires(w, |s| {
            s.privileged = true;
            s.network = true
        }));
    }

    #[test]
    fn match_block_scopes_the_policy() {
        let yaml = r#"
metadata: {name: scoped}
spec:
  match:
    images: ["docker.io/library/*"]
    labels: {team: payments}
    tenants: ["ac*"]
    heat: [hot, inferno]
  rules: [{name: r, verdict: deny}]
"#;
        let ps = set(yaml);
        let base = || {
            let mut s = spec();
            s.image = "alpine:3.20".into();
            s.labels.insert("team".into(), "payments".into());
            s.tenant = Some("acme".into());
            s.heat = Some(Heat::Hot);
            s
        };
        assert_eq!(ps.judge(&base()).verdict, Verdict::Deny);
        let mut s = base();
        s.image = "ghcr.io/x/alpine:1".into();
        assert_eq!(ps.judge(&s).verdict, Verdict::Allow);
        let mut s = base();
        s.labels.clear();
        assert_eq!(ps.judge(&s).verdict, Verdict::Allow);
        let mut s = base();
        s.tenant = None;
        assert_eq!(ps.judge(&s).verdict, Verdict::Allow);
        let mut s = base();
        s.heat = Some(Heat::Warm);
        assert_eq!(ps.judge(&s).verdict, Verdict::Allow);
        // without a requested heat, the classified one is used: 16 cores is inferno
        let mut s = base();
        s.heat = None;
        assert_eq!(
            ps.judge(&s).verdict,
            Verdict::Allow,
            "default request is cold"
        );
        s.cpu_millis = 16_000;
        assert_eq!(ps.judge(&s).verdict, Verdict::Deny);
        assert_eq!(ps.judge_with_heat(&s, Heat::Cold).verdict, Verdict::Allow);
    }

    #[test]
    fn compile_refuses_duplicates_and_free_judge_fails_closed() {
        let p = parse_policies("t.yaml", &policy("p", "enforce", &[("r", "{}", "allow")]))
            .unwrap()
            .remove(0);
        let err = PolicySet::compile(&[p.clone(), p.clone()], 4).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy set v4: document 1: metadata.name: policy `p` is already defined in document 0"
        );
        let j = judge(&[p.clone(), p.clone()], &spec(), 4);
        assert_eq!(j.verdict, Verdict::Deny);
        assert_eq!(j.policy_version, 4);
        assert!(
            j.reasons[0].starts_with("deny: the policies cannot be evaluated: policy set v4"),
            "{:?}",
            j.reasons
        );
        let j = judge(&[p], &spec(), 5);
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.policy_version, 5);
    }

    #[test]
    fn example_file_judges_as_documented() {
        let ps = PolicySet::compile(
            &parse_policies(
                "policies.yaml",
                include_str!("../../examples/policies.yaml"),
            )
            .unwrap(),
            1,
        )
        .unwrap();
        let mut s = spec();
        s.image = "ghcr.io/acme/tool:1.2".into();
        s.tenant = Some("acme".into());
        assert_eq!(ps.judge(&s).verdict, Verdict::Allow);
        let mut p = s.clone();
        p.privileged = true;
        let j = ps.judge(&p);
        assert_eq!(j.verdict, Verdict::Deny);
        assert_eq!(j.decided_by.unwrap().policy, "no-privileged");
        let mut q = s.clone();
        q.image = "randomuser/miner".into();
        let j = ps.judge(&q);
        assert_eq!(j.verdict, Verdict::Quarantine);
        assert_eq!(j.decided_by.unwrap().policy, "untrusted-registries");
        let mut a = s.clone();
        a.cpu_millis = 32_000;
        let j = ps.judge(&a);
        assert_eq!(j.verdict, Verdict::Allow);
        assert_eq!(j.audit.len(), 1);
        assert_eq!(j.audit[0].policy, "big-spenders-audit");
        let mut e = s.clone();
        e.env.insert("AWS_SECRET_ACCESS_KEY".into(), "x".into());
        assert_eq!(ps.judge(&e).verdict, Verdict::Deny);
    }

    /// Throughput check: `cargo test --lib -- --ignored judge_throughput --nocapture`.
    #[test]
    #[ignore]
    fn judge_throughput() {
        let ps = PolicySet::compile(
            &parse_policies(
                "policies.yaml",
                include_str!("../../examples/policies.yaml"),
            )
            .unwrap(),
            1,
        )
        .unwrap();
        let mut s = spec();
        s.image = "ghcr.io/acme/tool:1.2".into();
        s.tenant = Some("acme".into());
        s.env.insert("PATH".into(), "/bin".into());
        let n = 200_000;
        let start = std::time::Instant::now();
        let mut denied = 0;
        for i in 0..n {
            s.privileged = i % 10 == 0;
            if ps.judge(&s).verdict == Verdict::Deny {
                denied += 1;
            }
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        println!("judge: {rate:.0}/s over {n} ({denied} denied)");
        assert_eq!(denied, n / 10);
        assert!(rate > 20_000.0, "{rate}");
    }
}
