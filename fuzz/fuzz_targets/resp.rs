//! Fuzzes the RESP reader of logical backups and `redis-cli --pipe` files (`resp::Reader`, as
//! `backup verify` and `backup restore` read `keys.resp`, through `RestoreReader`), and the header
//! line parser shared with the replication handshake. The commands read never hold more bytes
//! than the input (re-encoded, they are at most as long: lengths may carry leading zeros).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tartarus::persistence::logical::RestoreReader;
use tartarus::persistence::resp::{command, parse_line, Reader};

fuzz_target!(|data: &[u8]| {
    for line in data.split(|&b| b == b'\n') {
        let _ = parse_line(line.strip_suffix(b"\r").unwrap_or(line));
    }
    let mut reader = Reader::new(data);
    let mut consumed = 0usize;
    while let Ok(Some(args)) = reader.next_command() {
        let refs: Vec<&[u8]> = args.iter().map(Vec::as_slice).collect();
        let encoded = command(&refs);
        consumed += encoded.len();
        assert!(
            consumed <= data.len(),
            "the reader returned more than the input holds"
        );
    }
    let mut restore = RestoreReader::new(data, Path::new("keys.resp"));
    while let Ok(Some(_)) = restore.next_item() {}
});
