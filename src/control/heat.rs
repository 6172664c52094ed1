//! Phlegethon heat classification: how demanding a run is (cold / warm / hot / inferno), from the request's own heat or its resources and timeout.
//!
//! A level is reached when **any** of its given thresholds is met (`>=`); the highest level reached wins.
//! The defaults (see [`HeatThresholds::default`]) keep the default request (1 core, 256Mi, 10m) `cold`,
//! so heat only rises when a request asks for more than the defaults:
//!
//! | level   | gpu  | cpu        | memory    | timeout  |
//! | ------- | ---- | ---------- | --------- | -------- |
//! | inferno | >= 1 | >= 16 cores| >= 64Gi   | >= 1h    |
//! | hot     |  –   | >= 4 cores | >= 8Gi    | >= 30m   |
//! | warm    |  –   | >= 2 cores | >= 2Gi    | >= 15m   |
//! | cold    | everything else                          |
//!
//! Operators override it with YAML/JSON such as
//! `{inferno: {gpu: 1, cpu: 32, memory: 128Gi, timeout: 2h}, hot: {cpu: 8}}`: a level that is
//! written replaces that whole level (its absent fields do not apply), a level left out keeps its default.

use serde::{Deserialize, Serialize};

use super::quantity::{Bytes, Cpu, Millis};
use crate::model::documents::{read_single_document, DocumentError, Limits};
use crate::model::spec::{Heat, SandboxSpec};

/// The thresholds of one heat level. Absent fields do not apply; the level is reached when any given one is met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct HeatLevel {
    /// Reached when the request asks for at least this many GPUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<u32>,
    /// Reached at this much CPU or more (`16`, `500m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu: Option<Cpu>,
    /// Reached at this much memory or more (`64Gi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Bytes>,
    /// Reached at this timeout or longer (`1h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Millis>,
}

impl HeatLevel {
    /// True when the spec meets any of the given thresholds.
    pub fn reached_by(&self, spec: &SandboxSpec) -> bool {
        self.gpu.is_some_and(|g| g > 0 && spec.gpu >= g)
            || self.cpu.is_some_and(|c| spec.cpu_millis >= c.0)
            || self.memory.is_some_and(|m| spec.memory_bytes >= m.0)
            || self
                .timeout
                .is_some_and(|t| spec.timeout_secs.saturating_mul(1000) >= t.0)
    }
}

/// Thresholds for warm, hot and inferno (cold is everything below warm). Deserializable so operators can override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HeatThresholds {
    pub warm: HeatLevel,
    pub hot: HeatLevel,
    pub inferno: HeatLevel,
}

impl Default for HeatThresholds {
    /// inferno: gpu >= 1 or cpu >= 16 or memory >= 64Gi or timeout >= 1h (GPU or long-running work);
    /// hot: cpu >= 4 or memory >= 8Gi or timeout >= 30m;
    /// warm: cpu >= 2 or memory >= 2Gi or timeout >= 15m;
    /// cold: the rest, including the default request (1 core, 256Mi, 10m).
    fn default() -> Self {
        HeatThresholds {
            warm: HeatLevel {
                gpu: None,
                cpu: Some(Cpu::cores(2)),
                memory: Some(Bytes::gib(2)),
                timeout: Some(Millis::mins(15)),
            },
            hot: HeatLevel {
                gpu: None,
                cpu: Some(Cpu::cores(4)),
                memory: Some(Bytes::gib(8)),
                timeout: Some(Millis::mins(30)),
            },
            inferno: HeatLevel {
                gpu: Some(1),
                cpu: Some(Cpu::cores(16)),
                memory: Some(Bytes::gib(64)),
                timeout: Some(Millis::hours(1)),
            },
        }
    }
}

/// An operator's thresholds that contradict each other.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HeatError {
    /// Not text, not YAML, not the schema, or over the input limits of a settings file
    /// ([`Limits::SETTINGS`]: 64 KiB, one document, nesting, aliases).
    #[error("heat thresholds: {0}")]
    Input(#[from] DocumentError),
    #[error("heat thresholds: {source_name}: no thresholds (the input holds no document)")]
    Empty { source_name: String },
    #[error("heat thresholds: {field}: {lower} threshold {lower_value} is above the {upper} threshold {upper_value}")]
    Unordered {
        field: &'static str,
        lower: &'static str,
        lower_value: String,
        upper: &'static str,
        upper_value: String,
    },
    #[error(
        "heat thresholds: {level}.gpu: must be at least 1 (leave it out to not classify by GPU)"
    )]
    ZeroGpu { level: &'static str },
}

impl HeatError {
    /// The process exit code this error leads to: a bad input.
    pub fn code(&self) -> u8 {
        crate::exit::INVALID_INPUT
    }
}

impl HeatThresholds {
    /// Parses operator YAML (or JSON) and checks it with [`HeatThresholds::validate`].
    pub fn from_yaml(text: &str) -> Result<HeatThresholds, HeatError> {
        HeatThresholds::from_reader("heat thresholds", text.as_bytes())
    }

    /// [`HeatThresholds::from_yaml`] of a file, read through the input limits of a settings file
    /// ([`Limits::SETTINGS`]) in one pass: a file larger than 64 KiB, nested too deep, or full of
    /// aliases is refused before the YAML parser sees it, in bounded memory.
    pub fn from_file(path: &std::path::Path) -> Result<HeatThresholds, HeatError> {
        let source_name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| DocumentError::Read {
            source_name: source_name.clone(),
            message: e.to_string(),
        })?;
        HeatThresholds::from_reader(&source_name, std::io::BufReader::new(file))
    }

    /// Reads thresholds from `reader` (named `source_name` in errors) through the input limits
    /// of a settings file, then checks them with [`HeatThresholds::validate`].
    pub fn from_reader(
        source_name: &str,
        reader: impl std::io::BufRead,
    ) -> Result<HeatThresholds, HeatError> {
        let t: HeatThresholds = read_single_document(source_name, reader, Limits::SETTINGS)?
            .ok_or_else(|| HeatError::Empty {
                source_name: source_name.to_string(),
            })?;
        t.validate()?;
        Ok(t)
    }

    /// Each given threshold must not exceed the same threshold of a hotter level (warm <= hot <= inferno).
    pub fn validate(&self) -> Result<(), HeatError> {
        let levels = [
            ("warm", &self.warm),
            ("hot", &self.hot),
            ("inferno", &self.inferno),
        ];
        for (name, level) in levels {
            if level.gpu == Some(0) {
                return Err(HeatError::ZeroGpu { level: name });
            }
        }
        for i in 0..levels.len() {
            for j in i + 1..levels.len() {
                let (ln, l) = levels[i];
                let (un, u) = levels[j];
                let check = |field: &'static str,
                             a: Option<u64>,
                             b: Option<u64>,
                             show: &dyn Fn(u64) -> String| match (a, b)
                {
                    (Some(a), Some(b)) if a > b => Err(HeatError::Unordered {
                        field,
                        lower: ln,
                        lower_value: show(a),
                        upper: un,
                        upper_value: show(b),
                    }),
                    _ => Ok(()),
                };
                check("gpu", l.gpu.map(u64::from), u.gpu.map(u64::from), &|v| {
                    v.to_string()
                })?;
                check("cpu", l.cpu.map(|c| c.0), u.cpu.map(|c| c.0), &|v| {
                    Cpu(v).to_string()
                })?;
                check(
                    "memory",
                    l.memory.map(|c| c.0),
                    u.memory.map(|c| c.0),
                    &|v| Bytes(v).to_string(),
                )?;
                check(
                    "timeout",
                    l.timeout.map(|c| c.0),
                    u.timeout.map(|c| c.0),
                    &|v| Millis(v).to_string(),
                )?;
            }
        }
        Ok(())
    }

    /// Heat from resources and timeout alone (ignores the request's own heat).
    pub fn classify_resources(&self, spec: &SandboxSpec) -> Heat {
        if self.inferno.reached_by(spec) {
            Heat::Inferno
        } else if self.hot.reached_by(spec) {
            Heat::Hot
        } else if self.warm.reached_by(spec) {
            Heat::Warm
        } else {
            Heat::Cold
        }
    }
}

/// The run's heat: the request's own `heat` when given, otherwise classified from its resources and timeout.
pub fn classify(spec: &SandboxSpec, thresholds: &HeatThresholds) -> Heat {
    spec.heat
        .unwrap_or_else(|| thresholds.classify_resources(spec))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A spec with the documented defaults (1 core, 256Mi, 10m, no GPU).
    pub(crate) fn spec() -> SandboxSpec {
        SandboxSpec {
            name: "t".into(),
            image: "alpine:3.20".into(),
            command: vec!["true".into()],
            env: BTreeMap::new(),
            env_from: None,
            cpu_millis: 1000,
            memory_bytes: 256 << 20,
            gpu: 0,
            timeout_secs: 600,
            heat: None,
            priority: 0,
            labels: BTreeMap::new(),
            annotations: BTreeMap::new(),
            tenant: None,
            network: false,
            privileged: false,
            ttl_after_finished_ms: None,
            idempotency_key: None,
        }
    }

    fn heat_of(f: impl FnOnce(&mut SandboxSpec)) -> Heat {
        let mut s = spec();
        f(&mut s);
        classify(&s, &HeatThresholds::default())
    }

    #[test]
    fn default_request_is_cold() {
        assert_eq!(heat_of(|_| {}), Heat::Cold);
    }

    #[test]
    fn boundaries_are_inclusive_and_exact() {
        // cpu
        assert_eq!(heat_of(|s| s.cpu_millis = 1999), Heat::Cold);
        assert_eq!(heat_of(|s| s.cpu_millis = 2000), Heat::Warm);
        assert_eq!(heat_of(|s| s.cpu_millis = 3999), Heat::Warm);
        assert_eq!(heat_of(|s| s.cpu_millis = 4000), Heat::Hot);
        assert_eq!(heat_of(|s| s.cpu_millis = 15_999), Heat::Hot);
        assert_eq!(heat_of(|s| s.cpu_millis = 16_000), Heat::Inferno);
        // memory
        assert_eq!(heat_of(|s| s.memory_bytes = (2 << 30) - 1), Heat::Cold);
        assert_eq!(heat_of(|s| s.memory_bytes = 2 << 30), Heat::Warm);
        assert_eq!(heat_of(|s| s.memory_bytes = (8 << 30) - 1), Heat::Warm);
        assert_eq!(heat_of(|s| s.memory_bytes = 8 << 30), Heat::Hot);
        assert_eq!(heat_of(|s| s.memory_bytes = (64 << 30) - 1), Heat::Hot);
        assert_eq!(heat_of(|s| s.memory_bytes = 64 << 30), Heat::Inferno);
        // timeout
        assert_eq!(heat_of(|s| s.timeout_secs = 899), Heat::Cold);
        assert_eq!(heat_of(|s| s.timeout_secs = 900), Heat::Warm);
        assert_eq!(heat_of(|s| s.timeout_secs = 1799), Heat::Warm);
        assert_eq!(heat_of(|s| s.timeout_secs = 1800), Heat::Hot);
        assert_eq!(heat_of(|s| s.timeout_secs = 3599), Heat::Hot);
        assert_eq!(heat_of(|s| s.timeout_secs = 3600), Heat::Inferno);
        // gpu: any GPU is inferno, even with tiny cpu/memory
        assert_eq!(
            heat_of(|s| {
                s.gpu = 1;
                s.cpu_millis = 100
            }),
            Heat::Inferno
        );
        // the hottest dimension wins
        assert_eq!(
            heat_of(|s| {
                s.cpu_millis = 2000;
                s.memory_bytes = 8 << 30
            }),
            Heat::Hot
        );
    }

    #[test]
    fn request_heat_wins() {
        assert_eq!(
            heat_of(|s| {
                s.heat = Some(Heat::Cold);
                s.gpu = 4;
                s.cpu_millis = 32_000
            }),
            Heat::Cold
        );
        assert_eq!(heat_of(|s| s.heat = Some(Heat::Inferno)), Heat::Inferno);
        assert_eq!(heat_of(|s| s.heat = Some(Heat::Hot)), Heat::Hot);
    }

    #[test]
    fn operator_override_replaces_a_level_and_keeps_the_others() {
        let t = HeatThresholds::from_yaml(
            "hot: {cpu: 8}\ninferno: {gpu: 2, cpu: 32, memory: 128Gi, timeout: 2h}\n",
        )
        .unwrap();
        assert_eq!(t.warm, HeatThresholds::default().warm);
        assert_eq!(
            t.hot,
            HeatLevel {
                cpu: Some(Cpu(8000)),
                ..HeatLevel::default()
            }
        );
        let mut s = spec();
        s.memory_bytes = 16 << 30; // hot by default, only warm now (hot has no memory threshold)
        assert_eq!(classify(&s, &t), Heat::Warm);
        s.gpu = 1; // inferno needs 2 GPUs now
        assert_eq!(classify(&s, &t), Heat::Warm);
        s.gpu = 2;
        assert_eq!(classify(&s, &t), Heat::Inferno);
    }

    #[test]
    fn bad_overrides_are_refused() {
        let err = HeatThresholds::from_yaml("warm: {cpu: 8}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "heat thresholds: cpu: warm threshold 8 is above the hot threshold 4"
        );
        let err = HeatThresholds::from_yaml("hot: {memory: 128Gi}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "heat thresholds: memory: hot threshold 128Gi is above the inferno threshold 64Gi"
        );
        let err = HeatThresholds::from_yaml("inferno: {gpu: 0}\n").unwrap_err();
        assert_eq!(err, HeatError::ZeroGpu { level: "inferno" });
        let err = HeatThresholds::from_yaml("hot: {colour: red}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
        assert!(HeatThresholds::default().validate().is_ok());
    }

    /// A reader that yields `len` bytes of `pattern` and counts what was taken from it: a
    /// "file" too big to hold, and proof that reading stopped early.
    struct Endless {
        pattern: &'static [u8],
        left: u64,
        taken: std::rc::Rc<std::cell::Cell<u64>>,
    }

    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = (buf.len() as u64).min(self.left) as usize;
            let start = (self.taken.get() % self.pattern.len() as u64) as usize;
            for (i, b) in buf[..n].iter_mut().enumerate() {
                *b = self.pattern[(start + i) % self.pattern.len()];
            }
            self.left -= n as u64;
            self.taken.set(self.taken.get() + n as u64);
            Ok(n)
        }
    }

    fn hostile(text: &str) -> HeatError {
        let err = HeatThresholds::from_yaml(text).unwrap_err();
        assert_eq!(err.code(), crate::exit::INVALID_INPUT, "{err}");
        err
    }

    #[test]
    fn hostile_threshold_files_are_refused_before_parsing() {
        // Billion laughs: each anchor aliases the previous collection nine times.
        let mut laughs = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
        {
            let row = vec![format!("*{prev}"); 9].join(",");
            laughs.push_str(&format!("{name}: &{name} [{row}]\n"));
        }
        let err = hostile(&laughs);
        assert!(
            matches!(err, HeatError::Input(DocumentError::CollectionAlias { .. })),
            "{err}"
        );
        // Many scalar aliases.
        let many = format!("x: &x 1\nhot: [{}]\n", vec!["*x"; 2000].join(","));
        let err = hostile(&many);
        assert!(
            matches!(err, HeatError::Input(DocumentError::TooManyAliases { .. })),
            "{err}"
        );
        // Deep nesting, in flow and in block style.
        let err = hostile(&format!(
            "hot: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ));
        assert!(
            matches!(err, HeatError::Input(DocumentError::TooDeep { .. })),
            "{err}"
        );
        let block: String = (0..200)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let err = hostile(&block);
        assert!(
            matches!(err, HeatError::Input(DocumentError::TooDeep { .. })),
            "{err}"
        );
        // Two documents: thresholds are one.
        let err = hostile("hot: {cpu: 8}\n---\nhot: {cpu: 9}\n");
        assert!(
            matches!(
                err,
                HeatError::Input(DocumentError::TooManyDocuments { .. })
            ),
            "{err}"
        );
        let err = hostile("# nothing\n");
        assert!(matches!(err, HeatError::Empty { .. }), "{err}");
        assert!(err.to_string().contains("no thresholds"), "{err}");
    }

    #[test]
    fn a_huge_threshold_input_is_refused_after_reading_little_of_it() {
        // 8 GiB of comments, then of one endless line: never held, read only past the limit.
        for pattern in [&b"# padding\n"[..], &b"hot: {cpu: 8} "[..]] {
            let taken = std::rc::Rc::new(std::cell::Cell::new(0));
            let reader = std::io::BufReader::new(Endless {
                pattern,
                left: 8 << 30,
                taken: taken.clone(),
            });
            let err = HeatThresholds::from_reader("huge.yaml", reader).unwrap_err();
            assert!(
                matches!(
                    err,
                    HeatError::Input(DocumentError::DocumentTooLarge { limit, .. })
                        if limit == crate::model::documents::MAX_SETTINGS_BYTES
                ),
                "{err}"
            );
            assert_eq!(err.code(), crate::exit::INVALID_INPUT);
            assert!(err.to_string().contains("huge.yaml"), "{err}");
            assert!(taken.get() < 1 << 20, "read {} bytes", taken.get());
        }
    }

    #[test]
    fn thresholds_are_read_from_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("heat.yaml");
        std::fs::write(&path, "hot: {cpu: 8}\n").unwrap();
        let t = HeatThresholds::from_file(&path).unwrap();
        assert_eq!(t.hot.cpu, Some(Cpu(8000)));
        let err = HeatThresholds::from_file(&dir.path().join("missing.yaml")).unwrap_err();
        assert!(
            matches!(err, HeatError::Input(DocumentError::Read { .. })),
            "{err}"
        );
        assert_eq!(err.code(), crate::exit::INVALID_INPUT);
    }

    #[test]
    fn thresholds_round_trip_json() {
        let t = HeatThresholds::default();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<HeatThresholds>(&json).unwrap(), t);
    }
}
