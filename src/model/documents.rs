//! The one reader of multi-document YAML input (sandbox files, policy files): each non-empty document deserialized, with its 0-based index, errors naming the source, the index and the field.
//!
//! Every multi-document input goes through [`read_documents`], which takes the source's name and
//! its bytes, so limits on the input (size, document count, nesting depth, checked before
//! parsing) and streaming have one place to live.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// One document of a multi-document input.
#[derive(Clone, Debug, PartialEq)]
pub struct Document<T> {
    /// 0-based position in the input, counting empty documents too (what error messages name).
    pub index: usize,
    pub value: T,
}

/// Why an input could not be read into documents.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("{source_name}: not UTF-8 text ({message})")]
    Encoding {
        source_name: String,
        message: String,
    },
    /// YAML that does not parse, or does not fit the schema; the message names the field
    /// (e.g. `spec.rules[0].when: unknown field ...`) and the line.
    #[error("{source_name}: document {index}: {message}")]
    Parse {
        source_name: String,
        index: usize,
        message: String,
    },
}

/// Reads every document of `bytes` (YAML, or JSON, which is YAML) as a `T`. Empty documents (a
/// stray `---`, a comment, `~`) are skipped; the first bad document fails the whole input.
pub fn read_documents<T: DeserializeOwned>(
    source_name: &str,
    bytes: &[u8],
) -> Result<Vec<Document<T>>, DocumentError> {
    let text = std::str::from_utf8(bytes).map_err(|e| DocumentError::Encoding {
        source_name: source_name.to_string(),
        message: e.to_string(),
    })?;
    let mut out = Vec::new();
    for (index, document) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let parsed = Option::<T>::deserialize(document).map_err(|e| DocumentError::Parse {
            source_name: source_name.to_string(),
            index,
            message: e.to_string(),
        })?;
        if let Some(value) = parsed {
            out.push(Document { index, value });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        tags: BTreeMap<String, u32>,
    }

    #[test]
    fn skips_empty_documents_and_keeps_file_indexes() {
        let text = "---\nname: a\n---\n# only a comment\n---\n~\n---\nname: b\n---\n";
        let docs = read_documents::<Item>("f.yaml", text.as_bytes()).unwrap();
        let got: Vec<(usize, &str)> = docs
            .iter()
            .map(|d| (d.index, d.value.name.as_str()))
            .collect();
        assert_eq!(got, [(0, "a"), (3, "b")]);
        assert!(read_documents::<Item>("e.yaml", b"").unwrap().is_empty());
    }

    #[test]
    fn errors_name_source_index_and_field() {
        let text = "name: a\n---\nname: b\ntags: {x: many}\n";
        let e = read_documents::<Item>("f.yaml", text.as_bytes()).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("f.yaml: document 1: tags.x: "), "{msg}");
        assert!(matches!(e, DocumentError::Parse { index: 1, .. }));
        let e = read_documents::<Item>("f.yaml", b"name: a\ncolour: red\n").unwrap_err();
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
        let e = read_documents::<Item>("f.yaml", b"name: [unclosed\n").unwrap_err();
        assert!(e.to_string().starts_with("f.yaml: document 0: "), "{e}");
    }

    #[test]
    fn refuses_bytes_that_are_not_text() {
        let e = read_documents::<Item>("bin", &[0x6e, 0xff, 0xfe]).unwrap_err();
        assert!(matches!(e, DocumentError::Encoding { .. }), "{e}");
        assert!(e.to_string().starts_with("bin: not UTF-8 text"), "{e}");
    }
}
