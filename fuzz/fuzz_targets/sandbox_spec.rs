//! Fuzzes the sandbox spec reader: the multi-document splitter and its pre-parse checks
//! (`check_documents`), the streamed reader of `sandbox submit -f` (`sandbox_specs`) and the
//! whole-file reader (`parse_sandbox_documents_limited`), under the real limits and under tiny
//! ones (first byte), and checks that the streamed and whole-file readers agree and that a
//! validated spec survives the JSON round trip of the store. Under the tiny limits, every
//! document the line scanner lets through must really nest no deeper than the limit (the scanner
//! is what keeps deep YAML away from the parser's super-linear cost), and hold no more values than
//! its size allows (no alias of a collection multiplies it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use tartarus::model::documents::{check_documents, Documents, Limits};
use tartarus::model::spec::{parse_sandbox_documents_limited, sandbox_specs, SandboxSpec};

/// Limits small enough for the fuzzer to cross each one.
const TINY: Limits = Limits {
    max_documents: 4,
    max_depth: 6,
    max_aliases: 3,
    max_document_bytes: 512,
};

/// Nesting of collections in a parsed value (a scalar is 0, `[x]` is 1).
fn depth(v: &serde_yaml::Value) -> usize {
    match v {
        serde_yaml::Value::Sequence(s) => 1 + s.iter().map(depth).max().unwrap_or(0),
        serde_yaml::Value::Mapping(m) => {
            1 + m
                .iter()
                .map(|(k, v)| depth(k).max(depth(v)))
                .max()
                .unwrap_or(0)
        }
        serde_yaml::Value::Tagged(t) => depth(&t.value),
        _ => 0,
    }
}

/// Values in a parsed value, aliases expanded.
fn nodes(v: &serde_yaml::Value) -> usize {
    match v {
        serde_yaml::Value::Sequence(s) => 1 + s.iter().map(nodes).sum::<usize>(),
        serde_yaml::Value::Mapping(m) => {
            1 + m.iter().map(|(k, v)| nodes(k) + nodes(v)).sum::<usize>()
        }
        serde_yaml::Value::Tagged(t) => 1 + nodes(&t.value),
        _ => 1,
    }
}

/// Every document the scanner accepts nests no deeper than the limit once parsed, and holds a
/// number of values linear in its size.
fn scanner_bounds_depth(input: &[u8]) {
    for raw in Documents::new("fuzz.yaml", input, TINY, true) {
        let Ok(raw) = raw else {
            return;
        };
        for doc in serde_yaml::Deserializer::from_str(&raw.text) {
            // After an error serde_yaml's document iterator repeats it forever: stop there (as
            // `RawDocument::parse` does).
            let Ok(value) = serde_yaml::Value::deserialize(doc) else {
                break;
            };
            {
                let d = depth(&value);
                assert!(
                    d <= TINY.max_depth,
                    "the scanner let through a document nested {d} deep (limit {})",
                    TINY.max_depth
                );
                let n = nodes(&value);
                assert!(
                    n <= 2 * raw.text.len() + 8,
                    "{n} values from {} bytes: an alias multiplied the document",
                    raw.text.len()
                );
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, input)) = data.split_first() else {
        return;
    };
    let limits = if mode & 1 == 1 { TINY } else { Limits::SANDBOX };
    if mode & 1 == 1 {
        scanner_bounds_depth(input);
    }
    let checked = check_documents("fuzz.yaml", input, limits);
    let streamed: Vec<_> = sandbox_specs("fuzz.yaml", input, limits).collect();
    let Ok(text) = std::str::from_utf8(input) else {
        assert!(
            checked.is_err() || streamed.iter().any(Result::is_err),
            "invalid UTF-8 accepted"
        );
        return;
    };
    let whole = parse_sandbox_documents_limited("fuzz.yaml", text, limits);
    if let Ok(specs) = &whole {
        assert!(
            checked.is_ok(),
            "the pre-pass refused what the reader accepted"
        );
        let streamed: Vec<&SandboxSpec> = streamed
            .iter()
            .map(|r| {
                r.as_ref()
                    .expect("streamed reader refused an accepted file")
            })
            .collect();
        assert_eq!(streamed.len(), specs.len());
        for (a, b) in specs.iter().zip(streamed) {
            assert_eq!(a, b);
        }
        for spec in specs {
            let json = serde_json::to_string(spec).expect("a spec serializes");
            let back: SandboxSpec = serde_json::from_str(&json).expect("a stored spec reads back");
            assert_eq!(&back, spec, "JSON round trip changed the spec");
        }
    }
});
