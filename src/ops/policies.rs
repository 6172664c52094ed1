//! Themis policy use cases: a policy file parsed into the documents the store keeps.

use crate::control::{parse_policies, PolicyError, PolicySet};
use crate::store::StoredPolicy;

/// Parses a policy file: every document validated, names unique, the whole set compiled, then
/// each policy as the JSON document the store keeps. One bad document fails the file.
pub fn parse(source_name: &str, bytes: &[u8]) -> Result<Vec<StoredPolicy>, PolicyError> {
    let text = String::from_utf8_lossy(bytes);
    let list = parse_policies(source_name, &text)?;
    PolicySet::compile(&list, 0)?;
    Ok(list
        .iter()
        .map(|p| StoredPolicy {
            name: p.name().to_string(),
            document: p.to_json(),
        })
        .collect())
}
