//! The sandbox request: its YAML shape, validation against documented limits, and the normalized spec stored on every run.

mod validate;

use std::collections::BTreeMap;
use std::fmt;

use std::io::BufRead;

use crate::model::documents::{read_documents_limited, Document, DocumentError, Documents, Limits};
use serde::{Deserialize, Serialize};

use super::text::{escape_control, reject_control_chars, reject_env_control_chars};
use super::units::{
    format_bytes, format_cpu_millis, parse_bytes, parse_cpu_millis, parse_duration,
};

/// Annotation that asks for quarantine (Typhon) by hand.
pub const QUARANTINE_ANNOTATION: &str = "tartarus.io/quarantine";

/// Documented limits of a sandbox request. Anything above them is refused before it reaches Redis.
pub mod limits {
    /// Largest CPU request, in millicores (64 cores).
    pub const MAX_CPU_MILLIS: u64 = 64_000;
    /// Largest memory request (256 GiB).
    pub const MAX_MEMORY_BYTES: u64 = 256 << 30;
    /// Smallest memory request (4 MiB); less cannot start a process.
    pub const MIN_MEMORY_BYTES: u64 = 4 << 20;
    /// Largest GPU count.
    pub const MAX_GPU: u32 = 16;
    /// Longest timeout (7 days).
    pub const MAX_TIMEOUT_SECS: u64 = 7 * 86_400;
    /// Largest priority; higher runs first.
    pub const MAX_PRIORITY: u32 = 1000;
    /// Largest stored spec, JSON-encoded (64 KiB).
    pub const MAX_SPEC_BYTES: usize = 64 << 10;
    /// Longest `metadata.idempotencyKey` (a `--idempotency-key` prefix included).
    pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 256;
    /// Most labels (and, separately, most annotations / env vars) on one sandbox.
    pub const MAX_LABELS: usize = 64;
    /// Most environment variables.
    pub const MAX_ENV: usize = 256;
    /// Longest label key / name.
    pub const MAX_NAME_LEN: usize = 63;
    /// Longest label value.
    pub const MAX_LABEL_VALUE_LEN: usize = 256;
    /// Longest image reference.
    pub const MAX_IMAGE_LEN: usize = 512;
    /// Most command arguments.
    pub const MAX_COMMAND_ARGS: usize = 1024;
    /// Longest `ttlAfterFinished` (365 days).
    pub const MAX_TTL_AFTER_FINISHED_MS: u64 = 365 * 86_400_000;
}

/// Heat class (Phlegethon): how demanding a run is, which decides the node pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Heat {
    Cold,
    Warm,
    Hot,
    Inferno,
}

impl Heat {
    pub const ALL: [Heat; 4] = [Heat::Cold, Heat::Warm, Heat::Hot, Heat::Inferno];
    pub fn as_str(self) -> &'static str {
        match self {
            Heat::Cold => "cold",
            Heat::Warm => "warm",
            Heat::Hot => "hot",
            Heat::Inferno => "inferno",
        }
    }
    pub fn parse(s: &str) -> Option<Heat> {
        Heat::ALL.into_iter().find(|h| h.as_str() == s)
    }
}

impl fmt::Display for Heat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A YAML (or JSON) sandbox document, as written by people. Unknown fields are errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SandboxDocument {
    #[serde(default)]
    pub api_version: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub metadata: MetadataDocument,
    pub spec: SpecDocument,
    /// What `sandbox get` prints about a run (its id, state, placement, times). Ignored on
    /// submit, so the output of `sandbox get -o yaml` can be submitted again.
    #[serde(default)]
    pub status: Option<serde::de::IgnoredAny>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct MetadataDocument {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    /// Tenant or owner the run is charged to (policies can match on it).
    #[serde(default)]
    pub tenant: Option<String>,
    /// Makes the submit idempotent: a key already used for the same content returns that run
    /// instead of creating one (see [`SandboxSpec::idempotency_key`]).
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SpecDocument {
    pub image: String,
    #[serde(default)]
    pub command: Vec<String>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Variables read from a file on the agent's host when the sandbox starts (secrets that must
    /// not pass through Redis).
    #[serde(default)]
    pub env_from: Option<EnvFrom>,
    #[serde(default)]
    pub resources: ResourcesDocument,
    #[serde(default)]
    pub timeout: Option<ScalarValue>,
    #[serde(default)]
    pub heat: Option<Heat>,
    #[serde(default)]
    pub priority: Option<i64>,
    #[serde(default)]
    pub network: bool,
    #[serde(default)]
    pub privileged: bool,
    /// How long the finished run is kept before it is deleted (like a Kubernetes Job's
    /// `ttlSecondsAfterFinished`); the cell's retention window when absent.
    #[serde(default)]
    pub ttl_after_finished: Option<ScalarValue>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ResourcesDocument {
    #[serde(default)]
    pub cpu: Option<ScalarValue>,
    #[serde(default)]
    pub memory: Option<ScalarValue>,
    #[serde(default)]
    pub gpu: Option<i64>,
}

/// A YAML scalar that may be written as a number or a string (`1`, `0.5`, `"500m"`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ScalarValue {
    Int(i64),
    Float(f64),
    Text(String),
}

impl ScalarValue {
    fn as_text(&self) -> String {
        match self {
            ScalarValue::Int(i) => i.to_string(),
            ScalarValue::Float(f) => f.to_string(),
            ScalarValue::Text(s) => s.clone(),
        }
    }
}

/// `envFrom`: a `KEY=VALUE` file on the agent's host, read when the sandbox starts. Only the path
/// is stored (in Redis); the values never leave the agent's host. `env` wins over the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvFrom {
    pub file: String,
}

/// Longest `envFrom.file` path.
pub const MAX_ENV_FROM_PATH: usize = 4096;

/// The validated, normalized request stored on a run (JSON in the run hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SandboxSpec {
    pub name: String,
    pub image: String,
    pub command: Vec<String>,
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// See [`EnvFrom`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_from: Option<EnvFrom>,
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    #[serde(default)]
    pub gpu: u32,
    pub timeout_secs: u64,
    #[serde(default)]
    pub heat: Option<Heat>,
    #[serde(default)]
    pub priority: u32,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub tenant: Option<String>,
    #[serde(default)]
    pub network: bool,
    #[serde(default)]
    pub privileged: bool,
    /// `ttlAfterFinished`: this run's own retention once finished, in ms (the cell's window
    /// when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_after_finished_ms: Option<u64>,
    /// `metadata.idempotencyKey`: carried from the document to the run (it is not part of the
    /// stored spec, whose content hash the key is checked against).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
}

impl SandboxSpec {
    /// True when the request itself asks for quarantine.
    pub fn quarantine_requested(&self) -> bool {
        self.annotations
            .get(QUARANTINE_ANNOTATION)
            .map(|v| v.eq_ignore_ascii_case("true"))
            .unwrap_or(false)
    }

    /// The registry part of the image (`docker.io` when none is written).
    pub fn registry(&self) -> &str {
        match self.image.split_once('/') {
            Some((first, _))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                first
            }
            _ => "docker.io",
        }
    }

    pub fn cpu_display(&self) -> String {
        format_cpu_millis(self.cpu_millis)
    }
    pub fn memory_display(&self) -> String {
        format_bytes(self.memory_bytes)
    }
}

/// Defaults for fields a request leaves out.
pub const DEFAULT_CPU_MILLIS: u64 = 1000;
pub const DEFAULT_MEMORY_BYTES: u64 = 256 << 20;
pub const DEFAULT_TIMEOUT_SECS: u64 = 600;

/// A validation failure, naming the field that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

fn field_err(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        // Field names can carry keys people wrote (`metadata.labels.<key>`).
        field: escape_control(field).into_owned(),
        message: message.into(),
    }
}

/// Checks a name or label key: 1–63 characters of `[A-Za-z0-9._/-]`, starting and ending alphanumeric.
pub fn check_name(field: &str, value: &str) -> Result<(), FieldError> {
    // Messages show the value escaped: it may hold anything, terminal escapes included.
    let shown = escape_control(value);
    if value.is_empty() || value.len() > limits::MAX_NAME_LEN + 200 {
        return Err(field_err(
            field,
            format!("must be 1 to {} characters", limits::MAX_NAME_LEN),
        ));
    }
    // Label keys may carry a DNS prefix (`tartarus.io/typhon`); the part after `/` obeys the name limit.
    let last = value.rsplit('/').next().unwrap_or(value);
    if last.is_empty() || last.len() > limits::MAX_NAME_LEN {
        return Err(field_err(
            field,
            format!("`{shown}` must be 1 to {} characters", limits::MAX_NAME_LEN),
        ));
    }
    let ok_chars = value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    let first = value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let last_ch = value
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !ok_chars || !first || !last_ch {
        return Err(field_err(
            field,
            format!("`{shown}` may use letters, digits, `-`, `_`, `.`, `/` and must start and end with a letter or digit"),
        ));
    }
    Ok(())
}

fn check_map(field: &str, map: &BTreeMap<String, String>, max: usize) -> Result<(), FieldError> {
    if map.len() > max {
        return Err(field_err(
            field,
            format!("at most {max} entries, got {}", map.len()),
        ));
    }
    for (k, v) in map {
        check_name(&format!("{field}.{k}"), k)?;
        reject_control_chars(&format!("{field}.{k}"), v)?;
        if v.len() > limits::MAX_LABEL_VALUE_LEN {
            return Err(field_err(
                &format!("{field}.{k}"),
                format!(
                    "value longer than {} characters",
                    limits::MAX_LABEL_VALUE_LEN
                ),
            ));
        }
    }
    Ok(())
}

/// An idempotency key: 1 to [`limits::MAX_IDEMPOTENCY_KEY_LEN`] printable characters, no spaces.
pub fn check_idempotency_key(field: &str, key: &str) -> Result<(), FieldError> {
    if key.is_empty()
        || key.len() > limits::MAX_IDEMPOTENCY_KEY_LEN
        || key.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(field_err(
            field,
            format!(
                "must be 1 to {} characters, without spaces or control characters",
                limits::MAX_IDEMPOTENCY_KEY_LEN
            ),
        ));
    }
    Ok(())
}

/// Where a bad document is: file, index, field.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    /// Not text, not YAML, or not the schema (unknown field, wrong type).
    #[error(transparent)]
    Parse(#[from] DocumentError),
    #[error("{source_name}: document {index}: {error}")]
    Invalid {
        source_name: String,
        index: usize,
        error: FieldError,
    },
    #[error("{source_name}: no sandbox documents found")]
    Empty { source_name: String },
}

impl SpecError {
    /// The process exit code this error leads to: a bad input file.
    pub fn code(&self) -> u8 {
        crate::exit::INVALID_INPUT
    }
}

/// Validates one parsed sandbox document; unnamed sandboxes are named after their index.
fn validate_document(
    source_name: &str,
    doc: Document<SandboxDocument>,
) -> Result<SandboxSpec, SpecError> {
    let fallback = format!("sandbox-{}", doc.index);
    doc.value
        .validate(&fallback)
        .map_err(|error| SpecError::Invalid {
            source_name: source_name.to_string(),
            index: doc.index,
            error,
        })
}

/// Parses every YAML document of a file into validated specs. Any bad document fails the whole file.
/// Document indexes are 0-based, in file order; empty documents (a stray `---`) are skipped.
pub fn parse_sandbox_documents(
    source_name: &str,
    text: &str,
) -> Result<Vec<SandboxSpec>, SpecError> {
    parse_sandbox_documents_limited(source_name, text, Limits::default())
}

/// [`parse_sandbox_documents`] under other input limits.
pub fn parse_sandbox_documents_limited(
    source_name: &str,
    text: &str,
    limits: Limits,
) -> Result<Vec<SandboxSpec>, SpecError> {
    let mut specs = Vec::new();
    for doc in read_documents_limited::<SandboxDocument>(source_name, text.as_bytes(), limits)? {
        specs.push(validate_document(source_name, doc)?);
    }
    if specs.is_empty() {
        return Err(SpecError::Empty {
            source_name: source_name.to_string(),
        });
    }
    Ok(specs)
}

/// The validated specs of a sandbox stream, one document at a time: memory holds one document,
/// whatever the length of the stream. Each document is checked against `limits` before it is
/// parsed; callers that must refuse a whole stream before any work run
/// [`crate::model::documents::check_documents`] over it first.
pub fn sandbox_specs<R: BufRead>(
    source_name: &str,
    reader: R,
    limits: Limits,
) -> impl Iterator<Item = Result<SandboxSpec, SpecError>> {
    let name = source_name.to_string();
    Documents::new(source_name, reader, limits, true).filter_map(move |raw| {
        let parsed = raw.and_then(|raw| raw.parse::<SandboxDocument>(&name));
        match parsed {
            Err(e) => Some(Err(e.into())),
            Ok(None) => None,
            Ok(Some(doc)) => Some(validate_document(&name, doc)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
apiVersion: tartarus.io/v1
kind: Sandbox
metadata:
  name: hello
  labels: {team: infra}
spec:
  image: alpine:3.20
  command: ["sh", "-c", "echo hi"]
  resources: {cpu: 500m, memory: 512Mi}
  timeout: 5m
  heat: warm
  priority: 10
"#;

    #[test]
    fn parses_a_good_document() {
        let specs = parse_sandbox_documents("good.yaml", GOOD).unwrap();
        assert_eq!(specs.len(), 1);
        let s = &specs[0];
        assert_eq!(s.name, "hello");
        assert_eq!(s.cpu_millis, 500);
        assert_eq!(s.memory_bytes, 512 << 20);
        assert_eq!(s.timeout_secs, 300);
        assert_eq!(s.heat, Some(Heat::Warm));
        assert_eq!(s.priority, 10);
        assert_eq!(s.labels.get("team").map(String::as_str), Some("infra"));
    }

    #[test]
    fn one_bad_document_fails_the_file_and_names_it() {
        let text =
            format!("{GOOD}---\nspec:\n  image: x\n  command: [a]\n  resources: {{cpu: -2}}\n");
        let err = parse_sandbox_documents("bulk.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("bulk.yaml"), "{err}");
        assert!(err.contains("document 1"), "{err}");
        assert!(err.contains("spec.resources.cpu"), "{err}");
    }

    #[test]
    fn a_foreign_api_version_and_a_nul_in_an_argument_are_refused() {
        for (yaml, field) in [
            (
                "apiVersion: tartarus.io/v2\nspec: {image: x, command: [a]}\n",
                "apiVersion",
            ),
            (
                "spec: {image: x, command: [sh, \"a\\0b\"]}\n",
                "spec.command[1]",
            ),
        ] {
            let err = parse_sandbox_documents("f.yaml", yaml)
                .unwrap_err()
                .to_string();
            assert!(err.contains(field), "{yaml}: {err}");
        }
        // The known version, and none at all, are accepted.
        for yaml in [
            "apiVersion: tartarus.io/v1\nspec: {image: x, command: [a]}\n",
            "spec: {image: x, command: [a]}\n",
        ] {
            assert!(parse_sandbox_documents("f.yaml", yaml).is_ok(), "{yaml}");
        }
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text = "spec:\n  image: x\n  command: [a]\n  colour: blue\n";
        let err = parse_sandbox_documents("f.yaml", text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn absurd_resources_are_rejected() {
        for (field, yaml) in [
            ("spec.resources.memory", "resources: {memory: 9000Ti}"),
            ("spec.resources.gpu", "resources: {gpu: -1}"),
            ("spec.timeout", "timeout: 30d"),
            ("spec.priority", "priority: 5000"),
        ] {
            let text = format!("spec:\n  image: x\n  command: [a]\n  {yaml}\n");
            let err = parse_sandbox_documents("f.yaml", &text)
                .unwrap_err()
                .to_string();
            assert!(err.contains(field), "{field}: {err}");
        }
    }

    #[test]
    fn oversized_spec_is_rejected() {
        let big = "x".repeat(400);
        let env: String = (0..250).map(|i| format!("    V{i}: {big}\n")).collect();
        let text = format!("spec:\n  image: x\n  command: [a]\n  env:\n{env}");
        let err = parse_sandbox_documents("f.yaml", &text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("bytes"), "{err}");
    }

    #[test]
    fn ttl_after_finished_is_a_bounded_duration() {
        let spec = |ttl: &str| {
            parse_sandbox_documents(
                "f.yaml",
                &format!("spec:\n  image: x\n  command: [a]\n  ttlAfterFinished: {ttl}\n"),
            )
        };
        assert_eq!(
            spec("1h").unwrap()[0].ttl_after_finished_ms,
            Some(3_600_000)
        );
        assert_eq!(spec("90").unwrap()[0].ttl_after_finished_ms, Some(90_000));
        assert_eq!(spec("0").unwrap()[0].ttl_after_finished_ms, Some(0));
        for bad in ["-1", "400d", "soon"] {
            let err = spec(bad).unwrap_err().to_string();
            assert!(err.contains("spec.ttlAfterFinished"), "{bad}: {err}");
        }
        let none = parse_sandbox_documents("f.yaml", "spec: {image: x, command: [a]}\n").unwrap();
        assert_eq!(none[0].ttl_after_finished_ms, None);
    }

    #[test]
    fn quarantine_annotation_and_registry() {
        let text = "metadata:\n  annotations: {tartarus.io/quarantine: \"true\"}\nspec:\n  image: ghcr.io/acme/tool:1\n  command: [a]\n";
        let s = &parse_sandbox_documents("f.yaml", text).unwrap()[0];
        assert!(s.quarantine_requested());
        assert_eq!(s.registry(), "ghcr.io");
    }

    #[test]
    fn env_from_takes_an_absolute_path_and_stores_only_it() {
        let text = "spec:\n  image: x\n  command: [a]\n  envFrom: {file: /etc/tartarus/job.env}\n";
        let s = &parse_sandbox_documents("f.yaml", text).unwrap()[0];
        assert_eq!(s.env_from.as_ref().unwrap().file, "/etc/tartarus/job.env");
        let json = serde_json::to_string(s).unwrap();
        assert!(
            json.contains("\"env_from\":{\"file\":\"/etc/tartarus/job.env\"}"),
            "{json}"
        );
        for bad in ["relative.env", "\"\""] {
            let text = format!("spec:\n  image: x\n  command: [a]\n  envFrom: {{file: {bad}}}\n");
            let err = parse_sandbox_documents("f.yaml", &text)
                .unwrap_err()
                .to_string();
            assert!(err.contains("spec.envFrom.file"), "{err}");
        }
        let text = "spec:\n  image: x\n  command: [a]\n  envFrom: {path: /x}\n";
        assert!(parse_sandbox_documents("f.yaml", text).is_err());
        // Specs stored before envFrom existed still read.
        let old: SandboxSpec = serde_json::from_str(
            r#"{"name":"a","image":"x","command":["a"],"cpu_millis":1,"memory_bytes":1,"timeout_secs":1}"#,
        )
        .unwrap();
        assert_eq!(old.env_from, None);
    }
}
