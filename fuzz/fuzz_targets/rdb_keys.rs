//! Fuzzes the RDB key reader of the Cluster online restore (`persistence::rdb_keys`) on hostile
//! bytes: it must end every input with keys or an error, never a panic, a hang or an allocation
//! beyond its stated 512 MiB bound per value.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tartarus::persistence::rdb_keys::RdbKeyReader;

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = RdbKeyReader::new(data, Path::new("fuzz.rdb")) else {
        return;
    };
    // Each key consumes at least one byte, so this ends; the bound only guards a reader bug.
    for _ in 0..=data.len() {
        match reader.next_key() {
            Ok(Some(key)) => assert!(!key.payload.is_empty(), "a key with an empty payload"),
            Ok(None) | Err(_) => return,
        }
    }
    panic!("the reader returned more keys than the input has bytes");
});
