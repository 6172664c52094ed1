//! Themis admission policies: the YAML/JSON document shape, its condition schema, and validation that names file, document and field.
//!
//! ```yaml
//! apiVersion: themis.tartarus.io/v1      # optional; when given must be exactly this
//! kind: Policy                           # optional; when given must be `Policy`
//! metadata:
//!   name: no-privileged                  # required, unique, a name like a label key (no `/`)
//!   description: "..."                   # optional, free text
//! spec:
//!   mode: enforce                        # enforce (default) | audit: audit records the would-be verdict but admits
//!   match:                               # which requests the policy looks at; all given fields must match, absent = any
//!     images: ["docker.io/library/*", "*:latest"]   # image glob(s), any one matching
//!     labels: {team: payments}           # every label equal
//!     tenants: [acme, "lab-*"]           # tenant glob(s), any one matching (a request without a tenant never matches)
//!     heat: [hot, inferno]               # the run's heat (the request's, or classified)
//!   rules:                               # at least one; every rule is evaluated
//!     - name: deny-privileged            # unique within the policy
//!       when: {privileged: true}         # conditions, ALL must hold; empty/absent = always
//!       verdict: deny                    # allow | quarantine | deny
//!       message: "privileged sandboxes are not allowed"   # optional; shown in the run's reasons
//! ```
//!
//! # Conditions (`when`)
//!
//! Every field is optional; all given fields must hold for the rule to fire.
//!
//! | field | shape | holds when |
//! | --- | --- | --- |
//! | `image` | `{in: [glob], notIn: [glob]}` | the image matches some `in` glob (if given) and no `notIn` glob |
//! | `registry` | `{in: [glob], notIn: [glob]}` | same, on the image's registry (`docker.io` when none is written) |
//! | `tenant` | `{in: [glob], notIn: [glob]}` | same, on the tenant (a missing tenant is the empty string) |
//! | `cpu` | `{gt, gte, lt, lte}` | every given bound holds; cores or millicores: `8`, `0.5`, `500m` |
//! | `memory` | `{gt, gte, lt, lte}` | bytes with units: `16Gi`, `512Mi`, `1G`, `1048576` |
//! | `gpu` | `{gt, gte, lt, lte}` | a GPU count |
//! | `timeout` | `{gt, gte, lt, lte}` | a duration: `30s`, `15m`, `1h`, `1h30m` |
//! | `env` | `{NAME: {present, equals, matches}}` | see key conditions below, on environment variables |
//! | `labels` | `{KEY: {present, equals, matches}}` | on metadata labels |
//! | `annotations` | `{KEY: {present, equals, matches}}` | on metadata annotations |
//! | `privileged` | `true`/`false` | the request's privileged flag equals it |
//! | `network` | `true`/`false` | the request's network flag equals it |
//!
//! **Image globs** match either the image as written or its normalized reference
//! (`alpine` → `docker.io/library/alpine:latest`), so `docker.io/library/*` and `*:latest`
//! catch short names and untagged images too. Globs are `glob::Pattern` (`*`, `?`, `[...]`; `*` crosses `/`).
//!
//! **Key conditions**: the key (`NAME`/`KEY`) may itself be a glob (`"*SECRET*"`).
//! `present: false` holds when no key matches. Otherwise the condition holds when some
//! matching key exists whose value satisfies `equals` (exact) and `matches` (glob), when given;
//! `present: true` alone just asks for the key. At least one of the three must be given, and
//! `present: false` cannot be combined with `equals`/`matches`.

use std::collections::{BTreeMap, HashMap};

use glob::Pattern;
use serde::{Deserialize, Serialize};

use super::quantity::{Bytes, Cpu, Millis};
use crate::model::documents::{read_documents_limited, DocumentError, Limits, MAX_POLICIES};
use crate::model::run::Verdict;
use crate::model::spec::{check_name, FieldError, Heat};
use crate::model::text::reject_control_chars;

/// The only accepted `apiVersion`.
pub const API_VERSION: &str = "themis.tartarus.io/v1";
/// The only accepted `kind`.
pub const KIND: &str = "Policy";

fn default_api_version() -> String {
    API_VERSION.to_string()
}
fn default_kind() -> String {
    KIND.to_string()
}

/// A Themis policy document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Policy {
    #[serde(default = "default_api_version")]
    pub api_version: String,
    #[serde(default = "default_kind")]
    pub kind: String,
    pub metadata: PolicyMetadata,
    pub spec: PolicySpec,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PolicyMetadata {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PolicySpec {
    #[serde(default)]
    pub mode: Mode,
    #[serde(default, rename = "match", skip_serializing_if = "Match::is_empty")]
    pub match_: Match,
    pub rules: Vec<Rule>,
}

/// `enforce` decides the verdict; `audit` only records what it would have decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Enforce,
    Audit,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Audit => "audit",
        }
    }
}

/// Which requests a policy looks at. All given fields must match; an empty `match` matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Match {
    /// Image globs; any one matching is enough (see the module docs for normalization).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<String>,
    /// Labels that must all be present with exactly these values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Tenant globs; any one matching is enough. A request without a tenant does not match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tenants: Vec<String>,
    /// Heat levels; the run's heat must be one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub heat: Vec<Heat>,
}

impl Match {
    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
            && self.labels.is_empty()
            && self.tenants.is_empty()
            && self.heat.is_empty()
    }
}

/// One rule: when all its conditions hold, it yields its verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Rule {
    pub name: String,
    #[serde(default, skip_serializing_if = "Conditions::is_empty")]
    pub when: Conditions,
    pub verdict: Verdict,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The conditions of a rule; all given fields must hold (see the module docs for the table).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Conditions {
    /// Image globs (`in` / `notIn`), matched against the written and the normalized reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<GlobSet>,
    /// Registry globs (`in` / `notIn`); the registry is `docker.io` when the image names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry: Option<GlobSet>,
    /// Tenant globs (`in` / `notIn`); a missing tenant is the empty string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant: Option<GlobSet>,
    /// CPU bounds: `{gt: 8}`, `{gte: 500m, lt: 2}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Threshold<Cpu>>,
    /// Memory bounds: `{gt: 16Gi}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Threshold<Bytes>>,
    /// GPU count bounds: `{gt: 0}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<Threshold<u32>>,
    /// Timeout bounds: `{gt: 1h}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Threshold<Millis>>,
    /// Environment variables by name (or name glob).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub env: BTreeMap<String, KeyCondition>,
    /// Metadata labels by key (or key glob).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, KeyCondition>,
    /// Metadata annotations by key (or key glob).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, KeyCondition>,
    /// Holds when the request's privileged flag equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privileged: Option<bool>,
    /// Holds when the request's network flag equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<bool>,
}

impl Conditions {
    pub fn is_empty(&self) -> bool {
        *self == Conditions::default()
    }
}

/// Glob membership: holds when the value matches some `in` glob (if any are given) and no `notIn` glob.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GlobSet {
    #[serde(default, rename = "in", skip_serializing_if = "Vec::is_empty")]
    pub in_: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_in: Vec<String>,
}

/// Numeric bounds; every given bound must hold. At least one is required.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold<Q> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gt: Option<Q>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gte: Option<Q>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lt: Option<Q>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lte: Option<Q>,
}

impl<Q: Copy> Threshold<Q> {
    fn is_empty(&self) -> bool {
        self.gt.is_none() && self.gte.is_none() && self.lt.is_none() && self.lte.is_none()
    }
    /// The bounds as plain numbers for fast comparison.
    fn map(&self, f: impl Fn(Q) -> u64) -> Bounds {
        Bounds {
            gt: self.gt.map(&f),
            gte: self.gte.map(&f),
            lt: self.lt.map(&f),
            lte: self.lte.map(&f),
        }
    }
}

/// A condition on one key of a string map (env, labels, annotations). See the module docs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct KeyCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// A glob on the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
}

/// Why a policy file (or a stored policy) was refused. Document indexes are 0-based, in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// YAML/JSON that does not fit the schema; the message names the field (e.g. `spec.rules[0].when: unknown field ...`).
    #[error("{source_name}: document {index}: {message}")]
    Parse {
        source_name: String,
        index: usize,
        message: String,
    },
    /// A document that fits the schema but breaks a rule; the error names the field.
    #[error("{source_name}: document {index}: {error}")]
    Invalid {
        source_name: String,
        index: usize,
        error: FieldError,
    },
    #[error(
        "{source_name}: document {index}: metadata.name: policy `{name}` is already defined in document {first_index}"
    )]
    Duplicate {
        source_name: String,
        index: usize,
        name: String,
        first_index: usize,
    },
    #[error("{source_name}: no policy documents found")]
    Empty { source_name: String },
    #[error("the policy set would hold {count} policies; at most {MAX_POLICIES} are allowed (delete some first)")]
    TooMany { count: usize },
    /// A policy file that is not text, not YAML, or not the schema.
    #[error(transparent)]
    Read(#[from] DocumentError),
}

impl PolicyError {
    /// The process exit code this error leads to: a bad input.
    pub fn code(&self) -> u8 {
        crate::exit::INVALID_INPUT
    }
}

fn field_err(field: impl Into<String>, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// Compiles a glob, naming the field when it is malformed.
pub(crate) fn compile_glob(field: &str, text: &str) -> Result<Pattern, FieldError> {
    if text.is_empty() {
        return Err(field_err(field, "a glob must not be empty"));
    }
    Pattern::new(text)
        .map_err(|e| field_err(field, format!("`{text}` is not a valid glob: {}", e.msg)))
}

impl Policy {
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// Checks everything serde cannot: names, globs, non-empty condition blocks, at least one rule.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.api_version != API_VERSION {
            return Err(field_err(
                "apiVersion",
                format!("expected `{API_VERSION}`, got `{}`", self.api_version),
            ));
        }
        if self.kind != KIND {
            return Err(field_err(
                "kind",
                format!("expected `{KIND}`, got `{}`", self.kind),
            ));
        }
        check_name("metadata.name", &self.metadata.name)?;
        if self.metadata.name.contains('/') {
            return Err(field_err("metadata.name", "must not contain `/`"));
        }
        let m = &self.spec.match_;
        for (i, g) in m.images.iter().enumerate() {
            compile_glob(&format!("spec.match.images[{i}]"), g)?;
        }
        for (i, g) in m.tenants.iter().enumerate() {
            compile_glob(&format!("spec.match.tenants[{i}]"), g)?;
        }
        if self.spec.rules.is_empty() {
            return Err(field_err("spec.rules", "a policy needs at least one rule"));
        }
        for (i, rule) in self.spec.rules.iter().enumerate() {
            let at = format!("spec.rules[{i}]");
            check_name(&format!("{at}.name"), &rule.name)?;
            if let Some(j) = self.spec.rules[..i]
                .iter()
                .position(|r| r.name == rule.name)
            {
                return Err(field_err(
                    format!("{at}.name"),
                    format!("rule `{}` is already defined at spec.rules[{j}]", rule.name),
                ));
            }
            CompiledConditions::compile(&format!("{at}.when"), &rule.when)?;
        }
        Ok(())
    }

    /// Refuses control characters in the texts a policy file gives (its description and rule
    /// messages, shown by `policy show`, `policy test` and in events). Only on input: a policy an
    /// older version stored is still read (and printed escaped).
    pub fn check_text(&self) -> Result<(), FieldError> {
        if let Some(d) = &self.metadata.description {
            reject_control_chars("metadata.description", d)?;
        }
        for (i, rule) in self.spec.rules.iter().enumerate() {
            if let Some(m) = &rule.message {
                reject_control_chars(&format!("spec.rules[{i}].message"), m)?;
            }
        }
        Ok(())
    }

    /// Reads a stored policy (JSON, as kept in `themis:policies`) and validates it.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let bad = |message: String| PolicyError::Parse {
            source_name: "stored policy".into(),
            index: 0,
            message,
        };
        let policy: Policy = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        policy.validate().map_err(|error| PolicyError::Invalid {
            source_name: format!("stored policy {}", policy.metadata.name),
            index: 0,
            error,
        })?;
        Ok(policy)
    }

    /// The policy as a compact JSON string (for the store). Cannot fail for this type.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Parses every YAML document of a policy file. One bad document fails the whole file; names must be unique.
/// Empty documents (a stray `---`) are skipped.
pub fn parse_policies(source_name: &str, text: &str) -> Result<Vec<Policy>, PolicyError> {
    parse_policy_bytes(source_name, text.as_bytes())
}

/// [`parse_policies`] on the raw bytes of a file (which must be UTF-8 text).
pub fn parse_policy_bytes(source_name: &str, bytes: &[u8]) -> Result<Vec<Policy>, PolicyError> {
    let mut out: Vec<Policy> = Vec::new();
    let mut first_index: HashMap<String, usize> = HashMap::new();
    for doc in read_documents_limited::<Policy>(source_name, bytes, Limits::POLICIES)? {
        let (index, policy) = (doc.index, doc.value);
        policy
            .validate()
            .and_then(|()| policy.check_text())
            .map_err(|error| PolicyError::Invalid {
                source_name: source_name.to_string(),
                index,
                error,
            })?;
        if let Some(&first) = first_index.get(&policy.metadata.name) {
            return Err(PolicyError::Duplicate {
                source_name: source_name.to_string(),
                index,
                name: policy.metadata.name.clone(),
                first_index: first,
            });
        }
        first_index.insert(policy.metadata.name.clone(), index);
        out.push(policy);
    }
    if out.is_empty() {
        return Err(PolicyError::Empty {
            source_name: source_name.to_string(),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Compiled forms, used by the judge (globs parsed once, thresholds as plain numbers).

/// Numeric bounds in base units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bounds {
    gt: Option<u64>,
    gte: Option<u64>,
    lt: Option<u64>,
    lte: Option<u64>,
}

impl Bounds {
    #[inline]
    pub(crate) fn holds(&self, v: u64) -> bool {
        self.gt.is_none_or(|b| v > b)
            && self.gte.is_none_or(|b| v >= b)
            && self.lt.is_none_or(|b| v < b)
            && self.lte.is_none_or(|b| v <= b)
    }
}

#[derive(Clone, Debug)]
pub(crate) struct CompiledGlobSet {
    in_: Vec<Pattern>,
    not_in: Vec<Pattern>,
}

impl CompiledGlobSet {
    fn compile(field: &str, set: &GlobSet) -> Result<CompiledGlobSet, FieldError> {
        if set.in_.is_empty() && set.not_in.is_empty() {
            return Err(field_err(field, "give `in` and/or `notIn`"));
        }
        let list = |name: &str, v: &[String]| -> Result<Vec<Pattern>, FieldError> {
            v.iter()
                .enumerate()
                .map(|(i, g)| compile_glob(&format!("{field}.{name}[{i}]"), g))
                .collect()
        };
        Ok(CompiledGlobSet {
            in_: list("in", &set.in_)?,
            not_in: list("notIn", &set.not_in)?,
        })
    }

    /// Holds when any candidate form matches some `in` glob (or `in` is empty) and no form matches a `notIn` glob.
    #[inline]
    pub(crate) fn holds(&self, forms: &[&str]) -> bool {
        let hit = |p: &Pattern| forms.iter().any(|f| p.matches(f));
        (self.in_.is_empty() || self.in_.iter().any(hit)) && !self.not_in.iter().any(hit)
    }
}

#[derive(Clone, Debug)]
enum KeyName {
    Exact(String),
    Glob(Pattern),
}

#[derive(Clone, Debug)]
pub(crate) struct CompiledKey {
    name: KeyName,
    present: Option<bool>,
    equals: Option<String>,
    matches: Option<Pattern>,
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

impl CompiledKey {
    fn compile(field: &str, key: &str, c: &KeyCondition) -> Result<CompiledKey, FieldError> {
        let at = format!("{field}.{key}");
        if c.present.is_none() && c.equals.is_none() && c.matches.is_none() {
            return Err(field_err(at, "give `present`, `equals` and/or `matches`"));
        }
        if c.present == Some(false) && (c.equals.is_some() || c.matches.is_some()) {
            return Err(field_err(
                at,
                "`present: false` cannot be combined with `equals` or `matches`",
            ));
        }
        let name = if is_glob(key) {
            KeyName::Glob(compile_glob(&at, key)?)
        } else {
            KeyName::Exact(key.to_string())
        };
        let matches = c
            .matches
            .as_deref()
            .map(|g| compile_glob(&format!("{at}.matches"), g))
            .transpose()?;
        Ok(CompiledKey {
            name,
            present: c.present,
            equals: c.equals.clone(),
            matches,
        })
    }

    #[inline]
    fn value_ok(&self, v: &str) -> bool {
        self.equals.as_deref().is_none_or(|e| e == v)
            && self.matches.as_ref().is_none_or(|p| p.matches(v))
    }

    #[inline]
    pub(crate) fn holds(&self, map: &BTreeMap<String, String>) -> bool {
        let found = match &self.name {
            KeyName::Exact(k) => map.get(k).is_some_and(|v| self.value_ok(v)),
            KeyName::Glob(p) => map.iter().any(|(k, v)| p.matches(k) && self.value_ok(v)),
        };
        // present: false is never combined with value checks, so "found" means "some key matched".
        if self.present == Some(false) {
            !found
        } else {
            found
        }
    }
}

/// A rule's conditions, ready to evaluate.
#[derive(Clone, Debug, Default)]
pub(crate) struct CompiledConditions {
    pub(crate) image: Option<CompiledGlobSet>,
    pub(crate) registry: Option<CompiledGlobSet>,
    pub(crate) tenant: Option<CompiledGlobSet>,
    pub(crate) cpu: Option<Bounds>,
    pub(crate) memory: Option<Bounds>,
    pub(crate) gpu: Option<Bounds>,
    pub(crate) timeout_ms: Option<Bounds>,
    pub(crate) env: Vec<CompiledKey>,
    pub(crate) labels: Vec<CompiledKey>,
    pub(crate) annotations: Vec<CompiledKey>,
    pub(crate) privileged: Option<bool>,
    pub(crate) network: Option<bool>,
}

impl CompiledConditions {
    pub(crate) fn compile(field: &str, c: &Conditions) -> Result<CompiledConditions, FieldError> {
        let set = |name: &str, s: &Option<GlobSet>| {
            s.as_ref()
                .map(|s| CompiledGlobSet::compile(&format!("{field}.{name}"), s))
                .transpose()
        };
        fn bounds<Q: Copy>(
            at: String,
            t: &Option<Threshold<Q>>,
            f: impl Fn(Q) -> u64,
        ) -> Result<Option<Bounds>, FieldError> {
            match t {
                None => Ok(None),
                Some(t) if t.is_empty() => Err(field_err(
                    at,
                    "give at least one of `gt`, `gte`, `lt`, `lte`",
                )),
                Some(t) => Ok(Some(t.map(f))),
            }
        }
        let keys = |name: &str,
                    m: &BTreeMap<String, KeyCondition>|
         -> Result<Vec<CompiledKey>, FieldError> {
            m.iter()
                .map(|(k, c)| CompiledKey::compile(&format!("{field}.{name}"), k, c))
                .collect()
        };
        Ok(CompiledConditions {
            image: set("image", &c.image)?,
            registry: set("registry", &c.registry)?,
            tenant: set("tenant", &c.tenant)?,
            cpu: bounds(format!("{field}.cpu"), &c.cpu, |q| q.0)?,
            memory: bounds(format!("{field}.memory"), &c.memory, |q| q.0)?,
            gpu: bounds(format!("{field}.gpu"), &c.gpu, u64::from)?,
            timeout_ms: bounds(format!("{field}.timeout"), &c.timeout, |q| q.0)?,
            env: keys("env", &c.env)?,
            labels: keys("labels", &c.labels)?,
            annotations: keys("annotations", &c.annotations)?,
            privileged: c.privileged,
            network: c.network,
        })
    }
}

/// A policy's `match`, ready to evaluate.
#[derive(Clone, Debug, Default)]
pub(crate) struct CompiledMatch {
    pub(crate) images: Vec<Pattern>,
    pub(crate) labels: Vec<(String, String)>,
    pub(crate) tenants: Vec<Pattern>,
    /// Bit `1 << heat as u8`; 0 = any heat.
    pub(crate) heat_mask: u8,
}

impl CompiledMatch {
    pub(crate) fn compile(m: &Match) -> Result<CompiledMatch, FieldError> {
        let globs = |name: &str, v: &[String]| -> Result<Vec<Pattern>, FieldError> {
            v.iter()
                .enumerate()
                .map(|(i, g)| compile_glob(&format!("spec.match.{name}[{i}]"), g))
                .collect()
        };
        Ok(CompiledMatch {
            images: globs("images", &m.images)?,
            labels: m
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            tenants: globs("tenants", &m.tenants)?,
            heat_mask: m.heat.iter().fold(0u8, |acc, h| acc | heat_bit(*h)),
        })
    }
}

pub(crate) fn heat_bit(h: Heat) -> u8 {
    1 << (h as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FULL: &str = r#"
apiVersion: themis.tartarus.io/v1
kind: Policy
metadata: {name: everything, description: "uses every condition"}
spec:
  mode: audit
  match:
    images: ["docker.io/library/*", "*:latest"]
    labels: {team: payments}
    tenants: [acme]
    heat: [hot, inferno]
  rules:
    - name: all
      when:
        image: {in: ["ghcr.io/*"], notIn: ["ghcr.io/trusted/*"]}
        registry: {notIn: [quay.io]}
        tenant: {in: ["a*"]}
        cpu: {gt: 8, lte: 1500m}
        memory: {gte: 16Gi}
        gpu: {gt: 0}
        timeout: {gt: 1h30m}
        env:
          "*SECRET*": {present: true}
          DEBUG: {matches: "[1tT]*"}
        labels: {owner: {present: false}}
        annotations: {ticket: {equals: "SEC-1"}}
        privileged: true
        network: false
      verdict: quarantine
      message: "looks odd"
"#;

    #[test]
    fn parses_every_field() {
        let p = parse_policies("full.yaml", FULL).unwrap().remove(0);
        assert_eq!(p.metadata.name, "everything");
        assert_eq!(p.spec.mode, Mode::Audit);
        assert_eq!(p.spec.match_.heat, vec![Heat::Hot, Heat::Inferno]);
        let w = &p.spec.rules[0].when;
        assert_eq!(
            w.cpu,
            Some(Threshold {
                gt: Some(Cpu(8000)),
                gte: None,
                lt: None,
                lte: Some(Cpu(1500))
            })
        );
        assert_eq!(w.memory.unwrap().gte, Some(Bytes(16 << 30)));
        assert_eq!(w.timeout.unwrap().gt, Some(Millis(5_400_000)));
        assert_eq!(w.gpu.unwrap().gt, Some(0));
        assert_eq!(
            w.image.as_ref().unwrap().not_in,
            vec!["ghcr.io/trusted/*".to_string()]
        );
        assert_eq!(w.env["DEBUG"].matches.as_deref(), Some("[1tT]*"));
        assert_eq!(w.labels["owner"].present, Some(false));
        assert_eq!(w.privileged, Some(true));
        assert_eq!(p.spec.rules[0].verdict, Verdict::Quarantine);
    }

    #[test]
    fn json_round_trip() {
        let p = parse_policies("full.yaml", FULL).unwrap().remove(0);
        let json = p.to_json();
        assert_eq!(Policy::from_json(&json).unwrap(), p);
        // the minimal form round-trips too, with defaults filled in
        let min = parse_policies(
            "m.yaml",
            "metadata: {name: m}\nspec:\n  rules: [{name: r, verdict: allow}]\n",
        )
        .unwrap()
        .remove(0);
        assert_eq!(min.api_version, API_VERSION);
        assert_eq!(min.spec.mode, Mode::Enforce);
        let json = min.to_json();
        assert_eq!(
            json,
            r#"{"apiVersion":"themis.tartarus.io/v1","kind":"Policy","metadata":{"name":"m"},"spec":{"mode":"enforce","rules":[{"name":"r","verdict":"allow"}]}}"#
        );
        assert_eq!(Policy::from_json(&json).unwrap(), min);
    }

    fn err_of(text: &str) -> String {
        parse_policies("p.yaml", text).unwrap_err().to_string()
    }

    fn with_when(when: &str) -> String {
        format!("metadata: {{name: p}}\nspec:\n  rules:\n    - name: r\n      verdict: deny\n      when: {when}\n")
    }

    #[test]
    fn validation_errors_name_file_document_and_field() {
        let cases: &[(&str, &str)] = &[
            (&with_when("{cpu: {}}"), "p.yaml: document 0: spec.rules[0].when.cpu: give at least one of `gt`, `gte`, `lt`, `lte`"),
            (&with_when("{image: {}}"), "p.yaml: document 0: spec.rules[0].when.image: give `in` and/or `notIn`"),
            (
                &with_when("{image: {in: [\"a[\"]}}"),
                "p.yaml: document 0: spec.rules[0].when.image.in[0]: `a[` is not a valid glob: invalid range pattern",
            ),
            (&with_when("{env: {X: {}}}"), "p.yaml: document 0: spec.rules[0].when.env.X: give `present`, `equals` and/or `matches`"),
            (
                &with_when("{labels: {x: {present: false, equals: y}}}"),
                "p.yaml: document 0: spec.rules[0].when.labels.x: `present: false` cannot be combined with `equals` or `matches`",
            ),
            ("metadata: {name: p}\nspec: {rules: []}\n", "p.yaml: document 0: spec.rules: a policy needs at least one rule"),
            (
                "metadata: {name: p}\nspec: {match: {tenants: [\"\"]}, rules: [{name: r, verdict: deny}]}\n",
                "p.yaml: document 0: spec.match.tenants[0]: a glob must not be empty",
            ),
            (
                "metadata: {name: p}\nspec: {rules: [{name: r, verdict: deny}, {name: r, verdict: allow}]}\n",
                "p.yaml: document 0: spec.rules[1].name: rule `r` is already defined at spec.rules[0]",
            ),
            (
                "kind: ClusterPolicy\nmetadata: {name: p}\nspec: {rules: [{name: r, verdict: deny}]}\n",
                "p.yaml: document 0: kind: expected `Policy`, got `ClusterPolicy`",
            ),
            (
                "apiVersion: kyverno.io/v1\nmetadata: {name: p}\nspec: {rules: [{name: r, verdict: deny}]}\n",
                "p.yaml: document 0: apiVersion: expected `themis.tartarus.io/v1`, got `kyverno.io/v1`",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&err_of(text), want, "for:\n{text}");
        }
        // bad names
        let e = err_of("metadata: {name: \"-x\"}\nspec: {rules: [{name: r, verdict: deny}]}\n");
        assert!(
            e.starts_with("p.yaml: document 0: metadata.name: `-x`"),
            "{e}"
        );
    }

    #[test]
    fn schema_errors_name_the_field() {
        let e = err_of(&with_when("{cpus: {gt: 1}}"));
        assert!(
            e.starts_with("p.yaml: document 0: spec.rules[0].when: unknown field `cpus`"),
            "{e}"
        );
        let e = err_of(&with_when("{memory: {gt: 12Qi}}"));
        assert!(
            e.starts_with("p.yaml: document 0: spec.rules[0].when.memory.gt: `12Qi` is not a size"),
            "{e}"
        );
        let e = err_of(&with_when("{cpu: {above: 2}}"));
        assert!(
            e.starts_with("p.yaml: document 0: spec.rules[0].when.cpu: unknown field `above`"),
            "{e}"
        );
        let e = err_of("metadata: {name: p}\nspec: {rules: [{name: r, verdict: maybe}]}\n");
        assert!(
            e.starts_with("p.yaml: document 0: spec.rules[0].verdict: unknown variant `maybe`"),
            "{e}"
        );
        let e =
            err_of("metadata: {name: p}\nspec: {mode: loud, rules: [{name: r, verdict: deny}]}\n");
        assert!(
            e.starts_with("p.yaml: document 0: spec.mode: unknown variant `loud`"),
            "{e}"
        );
        let e = err_of("metadata: {name: p}\nspec: {match: {heat: [tepid]}, rules: [{name: r, verdict: deny}]}\n");
        assert!(
            e.starts_with("p.yaml: document 0: spec.match.heat[0]: unknown variant `tepid`"),
            "{e}"
        );
    }

    #[test]
    fn one_bad_document_fails_the_file() {
        let good = "metadata: {name: a}\nspec: {rules: [{name: r, verdict: deny}]}\n";
        let bad = "metadata: {name: b}\nspec: {rules: [{name: r, verdict: deny, when: {gpu: {gt: -1}}}]}\n";
        let text = format!(
            "{good}---\n{good2}---\n{bad}",
            good2 = good.replace("name: a", "name: c")
        );
        let e = err_of(&text);
        assert!(
            e.starts_with("p.yaml: document 2: spec.rules[0].when.gpu.gt: "),
            "{e}"
        );
        // and a stray separator is skipped, not counted as a policy
        assert_eq!(
            parse_policies("p.yaml", &format!("---\n{good}---\n"))
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn names_must_be_unique_and_files_non_empty() {
        let doc = "metadata: {name: a}\nspec: {rules: [{name: r, verdict: deny}]}\n";
        assert_eq!(
            err_of(&format!("{doc}---\n{doc}")),
            "p.yaml: document 1: metadata.name: policy `a` is already defined in document 0"
        );
        assert_eq!(err_of("---\n---\n"), "p.yaml: no policy documents found");
        assert_eq!(err_of(""), "p.yaml: no policy documents found");
    }

    #[test]
    fn stored_json_is_validated() {
        let e = Policy::from_json(r#"{"metadata":{"name":"x"},"spec":{"rules":[]}}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "stored policy x: document 0: spec.rules: a policy needs at least one rule"
        );
        assert!(matches!(
            Policy::from_json("{"),
            Err(PolicyError::Parse { .. })
        ));
    }

    #[test]
    fn example_policies_file_parses() {
        let text = include_str!("../../examples/policies.yaml");
        let ps = parse_policies("policies.yaml", text).unwrap();
        let names: Vec<&str> = ps.iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            [
                "no-privileged",
                "untrusted-registries",
                "big-spenders-audit",
                "secrets-in-env"
            ]
        );
        assert_eq!(ps[2].spec.mode, Mode::Audit);
        assert!(ps.iter().any(|p| p
            .spec
            .rules
            .iter()
            .any(|r| r.verdict == Verdict::Quarantine)));
        for p in &ps {
            assert_eq!(&Policy::from_json(&p.to_json()).unwrap(), p);
        }
    }

    #[test]
    fn bounds_hold_exactly() {
        let b = Threshold {
            gt: Some(Cpu(8000)),
            gte: None,
            lt: None,
            lte: Some(Cpu(16000)),
        }
        .map(|c| c.0);
        assert!(!b.holds(8000));
        assert!(b.holds(8001));
        assert!(b.holds(16000));
        assert!(!b.holds(16001));
    }
}
