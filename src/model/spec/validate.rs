//! Checking a sandbox document field by field and producing the normalized [`SandboxSpec`]: one small check per part of the document, each naming the field it refuses.

use super::*;

impl SandboxDocument {
    /// Validates the document and produces the normalized spec. `fallback_name` names unnamed sandboxes.
    pub fn validate(self, fallback_name: &str) -> Result<SandboxSpec, FieldError> {
        // Optional, as `kind` is; when given, a version this build does not know is refused
        // rather than read as v1.
        if let Some(version) = &self.api_version {
            let known = crate::model::view::API_VERSION;
            if version != known {
                return Err(field_err(
                    "apiVersion",
                    format!("expected `{known}`, got `{}`", escape_control(version)),
                ));
            }
        }
        if let Some(kind) = &self.kind {
            if kind != "Sandbox" {
                return Err(field_err(
                    "kind",
                    format!("expected `Sandbox`, got `{}`", escape_control(kind)),
                ));
            }
        }
        let name = check_metadata(&self.metadata, fallback_name)?;
        let spec = self.spec;
        let image = check_image(&spec.image)?;
        check_command(&spec.command)?;
        check_env(&spec.env, spec.env_from.as_ref())?;
        let (cpu_millis, memory_bytes, gpu) = check_resources(&spec.resources)?;
        let timeout_secs = check_timeout(spec.timeout.as_ref())?;
        let ttl_after_finished_ms = check_ttl_after_finished(spec.ttl_after_finished.as_ref())?;
        let priority = check_priority(spec.priority)?;
        let out = SandboxSpec {
            name,
            image,
            command: spec.command,
            env: spec.env,
            env_from: spec.env_from,
            cpu_millis,
            memory_bytes,
            gpu,
            timeout_secs,
            heat: spec.heat,
            priority,
            labels: self.metadata.labels,
            annotations: self.metadata.annotations,
            tenant: self.metadata.tenant,
            network: spec.network,
            privileged: spec.privileged,
            ttl_after_finished_ms,
            idempotency_key: self.metadata.idempotency_key,
        };
        let size = serde_json::to_vec(&out)
            .map(|v| v.len())
            .unwrap_or(usize::MAX);
        if size > limits::MAX_SPEC_BYTES {
            return Err(field_err(
                "spec",
                format!(
                    "the request is {size} bytes; at most {} are accepted",
                    limits::MAX_SPEC_BYTES
                ),
            ));
        }
        Ok(out)
    }
}

/// `metadata`: the name (or `fallback`), labels, annotations, tenant and idempotency key.
fn check_metadata(metadata: &MetadataDocument, fallback: &str) -> Result<String, FieldError> {
    let name = metadata
        .name
        .clone()
        .unwrap_or_else(|| fallback.to_string());
    check_name("metadata.name", &name)?;
    if name.contains('/') {
        return Err(field_err("metadata.name", "must not contain `/`"));
    }
    check_map("metadata.labels", &metadata.labels, limits::MAX_LABELS)?;
    check_map(
        "metadata.annotations",
        &metadata.annotations,
        limits::MAX_LABELS,
    )?;
    if let Some(t) = &metadata.tenant {
        check_name("metadata.tenant", t)?;
    }
    if let Some(k) = &metadata.idempotency_key {
        check_idempotency_key("metadata.idempotencyKey", k)?;
    }
    Ok(name)
}

/// `spec.image`: a reference without spaces, trimmed.
fn check_image(image: &str) -> Result<String, FieldError> {
    let image = image.trim().to_string();
    if image.is_empty() {
        return Err(field_err("spec.image", "must not be empty"));
    }
    reject_control_chars("spec.image", &image)?;
    if image.len() > limits::MAX_IMAGE_LEN || image.chars().any(char::is_whitespace) {
        return Err(field_err(
            "spec.image",
            format!(
                "`{image}` is not an image reference (no spaces, at most {} characters)",
                limits::MAX_IMAGE_LEN
            ),
        ));
    }
    Ok(image)
}

/// `spec.command`: a program and its arguments.
fn check_command(command: &[String]) -> Result<(), FieldError> {
    if command.is_empty() {
        return Err(field_err(
            "spec.command",
            "must name the program to run, e.g. [\"sh\", \"-c\", \"echo hi\"]",
        ));
    }
    if command.len() > limits::MAX_COMMAND_ARGS {
        return Err(field_err(
            "spec.command",
            format!("at most {} arguments", limits::MAX_COMMAND_ARGS),
        ));
    }
    if command[0].is_empty() {
        return Err(field_err(
            "spec.command[0]",
            "the program must not be empty",
        ));
    }
    // An argument cannot hold a NUL byte (exec ends it there): refused now, not at start.
    if let Some(i) = command.iter().position(|a| a.contains('\0')) {
        return Err(field_err(
            &format!("spec.command[{i}]"),
            "must not contain a NUL byte",
        ));
    }
    Ok(())
}

/// `spec.env` names and `spec.envFrom`.
fn check_env(
    env: &std::collections::BTreeMap<String, String>,
    env_from: Option<&EnvFrom>,
) -> Result<(), FieldError> {
    if env.len() > limits::MAX_ENV {
        return Err(field_err(
            "spec.env",
            format!("at most {} variables", limits::MAX_ENV),
        ));
    }
    for k in env.keys() {
        let valid = !k.is_empty()
            && !k.starts_with(|c: char| c.is_ascii_digit())
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(field_err(
                &format!("spec.env.{k}"),
                "variable names use letters, digits and `_`, not starting with a digit",
            ));
        }
    }
    for (k, v) in env {
        reject_env_control_chars(&format!("spec.env.{k}"), v)?;
    }
    if let Some(from) = env_from {
        let p = &from.file;
        reject_control_chars("spec.envFrom.file", p)?;
        if !p.starts_with('/') || p.len() > MAX_ENV_FROM_PATH {
            return Err(field_err(
                "spec.envFrom.file",
                format!(
                    "must be an absolute path on the agent's host (at most {MAX_ENV_FROM_PATH} characters)"
                ),
            ));
        }
    }
    Ok(())
}

/// `spec.resources`: CPU in millicores, memory in bytes, GPUs (defaults when absent).
fn check_resources(resources: &ResourcesDocument) -> Result<(u64, u64, u32), FieldError> {
    let cpu_millis = match &resources.cpu {
        None => DEFAULT_CPU_MILLIS,
        Some(v) => {
            parse_cpu_millis(&v.as_text()).map_err(|m| field_err("spec.resources.cpu", m))?
        }
    };
    if cpu_millis == 0 || cpu_millis > limits::MAX_CPU_MILLIS {
        return Err(field_err(
            "spec.resources.cpu",
            format!(
                "must be more than 0 and at most {} cores",
                limits::MAX_CPU_MILLIS / 1000
            ),
        ));
    }
    let memory_bytes = match &resources.memory {
        None => DEFAULT_MEMORY_BYTES,
        Some(ScalarValue::Int(i)) if *i < 0 => {
            return Err(field_err("spec.resources.memory", "must not be negative"))
        }
        Some(v) => parse_bytes(&v.as_text()).map_err(|m| field_err("spec.resources.memory", m))?,
    };
    if !(limits::MIN_MEMORY_BYTES..=limits::MAX_MEMORY_BYTES).contains(&memory_bytes) {
        return Err(field_err(
            "spec.resources.memory",
            format!(
                "must be between {} and {}",
                format_bytes(limits::MIN_MEMORY_BYTES),
                format_bytes(limits::MAX_MEMORY_BYTES)
            ),
        ));
    }
    let gpu = match resources.gpu {
        None => 0,
        Some(g) if g < 0 || g > limits::MAX_GPU as i64 => {
            return Err(field_err(
                "spec.resources.gpu",
                format!("must be 0 to {}", limits::MAX_GPU),
            ))
        }
        Some(g) => g as u32,
    };
    Ok((cpu_millis, memory_bytes, gpu))
}

/// `spec.timeout` in seconds (the default when absent).
fn check_timeout(timeout: Option<&ScalarValue>) -> Result<u64, FieldError> {
    let timeout_secs = match timeout {
        None => DEFAULT_TIMEOUT_SECS,
        Some(ScalarValue::Int(i)) if *i <= 0 => {
            return Err(field_err("spec.timeout", "must be positive"))
        }
        Some(v) => parse_duration(&v.as_text())
            .map_err(|m| field_err("spec.timeout", m))?
            .as_secs(),
    };
    if timeout_secs == 0 || timeout_secs > limits::MAX_TIMEOUT_SECS {
        return Err(field_err("spec.timeout", "must be between 1s and 7d"));
    }
    Ok(timeout_secs)
}

/// `spec.ttlAfterFinished` in milliseconds: the run's own retention once finished.
fn check_ttl_after_finished(ttl: Option<&ScalarValue>) -> Result<Option<u64>, FieldError> {
    let ttl_after_finished_ms = match ttl {
        None => None,
        Some(ScalarValue::Int(i)) if *i < 0 => {
            return Err(field_err("spec.ttlAfterFinished", "must not be negative"))
        }
        Some(v) => {
            let d =
                parse_duration(&v.as_text()).map_err(|m| field_err("spec.ttlAfterFinished", m))?;
            let ms = u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
            if ms > limits::MAX_TTL_AFTER_FINISHED_MS {
                return Err(field_err("spec.ttlAfterFinished", "must be at most 365d"));
            }
            Some(ms)
        }
    };
    Ok(ttl_after_finished_ms)
}

/// `spec.priority`: 0 to the maximum, higher first.
fn check_priority(priority: Option<i64>) -> Result<u32, FieldError> {
    let priority = match priority {
        None => 0,
        Some(p) if p < 0 || p > limits::MAX_PRIORITY as i64 => {
            return Err(field_err(
                "spec.priority",
                format!("must be 0 to {} (higher runs first)", limits::MAX_PRIORITY),
            ))
        }
        Some(p) => p as u32,
    };
    Ok(priority)
}
