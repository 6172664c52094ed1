//! Loading a Themis policy file: parsed, compiled as a set (so a set that cannot work is refused), and turned into the documents the store keeps.

use crate::control::{parse_policies, PolicyError, PolicySet};
use crate::ops::input::Input;
use crate::store::StoredPolicy;

/// Every policy of a file, ready to store; one bad document refuses the whole file.
pub fn load_policies(input: &Input) -> Result<Vec<StoredPolicy>, PolicyError> {
    let list = parse_policies(&input.name, &input.text)?;
    PolicySet::compile(&list, 0)?;
    Ok(list
        .iter()
        .map(|p| StoredPolicy {
            name: p.name().to_string(),
            document: p.to_json(),
        })
        .collect())
}
