//! Reading RESP values (RESP2 and RESP3 shapes alike): text, integers, arrays, flat or map hashes.

use std::collections::BTreeMap;

use redis::Value;

/// A scalar as text (`None` for arrays, maps and nil).
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::BulkString(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::SimpleString(s) => Some(s.clone()),
        Value::Okay => Some("OK".into()),
        Value::Int(i) => Some(i.to_string()),
        Value::Double(d) => Some(d.to_string()),
        Value::VerbatimString { text, .. } => Some(text.clone()),
        _ => None,
    }
}

/// An integer, or a scalar whose text is one.
pub fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        other => text(other).and_then(|s| s.parse().ok()),
    }
}

/// The elements of an array or set; a map's keys and values in turn; nothing for nil.
pub fn items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) | Value::Set(a) => a,
        Value::Map(m) => m.into_iter().flat_map(|(k, v)| [k, v]).collect(),
        Value::Nil => Vec::new(),
        other => vec![other],
    }
}

/// The scalar elements as text.
pub fn strings(v: Value) -> Vec<String> {
    items(v).iter().filter_map(text).collect()
}

/// A RESP3 map, or a RESP2 flat array of field, value, field, value…
pub fn hash(v: Value) -> BTreeMap<String, String> {
    match v {
        Value::Map(m) => m
            .iter()
            .filter_map(|(k, v)| Some((text(k)?, text(v)?)))
            .collect(),
        other => {
            let flat = strings(other);
            flat.chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| (c[0].clone(), c[1].clone()))
                .collect()
        }
    }
}

/// Parses `INFO` text into `field -> value` (section headers and blank lines skipped).
pub fn parse_info(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            out.insert(k.to_string(), v.to_string());
        }
    }
    out
}
