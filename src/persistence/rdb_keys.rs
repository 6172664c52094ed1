//! Reads an RDB file key by key as DUMP payloads (the value's type byte and bytes exactly as the
//! RDB stores them, then the RDB version and a CRC-64), so an RDB backup loads into a running
//! server with `RESTORE`: the online restore of a Redis Cluster backup, master by master.
//!
//! The file is untrusted: every length is checked against Redis's 512 MiB bulk limit before it
//! is used, no length or count is used to allocate (memory follows the bytes really read: one
//! value at a time, at most 512 MiB), a compressed string must expand to exactly its stated
//! length, and an unknown type or opcode stops the reader with an error.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{PersistenceError, Result};

/// Redis's bulk limit: no string (and no value of one key) in an RDB is longer.
const MAX_STRING: u64 = 512 << 20;

/// One key of the RDB.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RdbKey {
    /// The database it was in (`SELECTDB`); Cluster has only 0.
    pub db: u64,
    pub key: Vec<u8>,
    /// Absolute expiry in Unix milliseconds, when it has one.
    pub expire_at_ms: Option<i64>,
    /// A `DUMP` payload `RESTORE` accepts.
    pub payload: Vec<u8>,
}

/// Iterates over the keys of an RDB stream (see the module documentation).
pub struct RdbKeyReader<R: Read> {
    input: R,
    path: PathBuf,
    version: u16,
    db: u64,
    done: bool,
    /// Bytes of the value being read, kept for the payload (None while skipping metadata).
    record: Option<Vec<u8>>,
}

impl<R: Read> RdbKeyReader<R> {
    /// Reads the header (`REDIS` + 4 digits); `path` names the file in errors.
    pub fn new(mut input: R, path: &Path) -> Result<Self> {
        let mut header = [0u8; 9];
        input
            .read_exact(&mut header)
            .map_err(|e| PersistenceError::io(path, e))?;
        let version = super::rdb::parse_header(&header)?;
        let version = u16::try_from(version)
            .map_err(|_| PersistenceError::invalid(path.display().to_string(), "RDB version"))?;
        Ok(RdbKeyReader {
            input,
            path: path.to_path_buf(),
            version,
            db: 0,
            done: false,
            record: None,
        })
    }

    fn bad(&self, detail: impl Into<String>) -> PersistenceError {
        PersistenceError::invalid(format!("RDB {}", self.path.display()), detail.into())
    }

    fn read_exact(&mut self, buf: &mut [u8]) -> Result<()> {
        self.input.read_exact(buf).map_err(|e| {
            if e.kind() == std::io::ErrorKind::UnexpectedEof {
                self.bad("ends in the middle of a value")
            } else {
                PersistenceError::io(&self.path, e)
            }
        })?;
        if let Some(r) = self.record.as_mut() {
            r.extend_from_slice(buf);
            if r.len() as u64 > MAX_STRING + 1024 {
                return Err(self.bad("a value is larger than Redis's 512 MiB limit"));
            }
        }
        Ok(())
    }

    fn u8(&mut self) -> Result<u8> {
        let mut b = [0u8; 1];
        self.read_exact(&mut b)?;
        Ok(b[0])
    }

    /// `n` bytes (at most [`MAX_STRING`]), read a chunk at a time: memory follows what the file
    /// really holds, not the length it claims.
    fn bytes(&mut self, n: u64) -> Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut chunk = [0u8; 64 << 10];
        let mut left = n;
        while left > 0 {
            let step = left.min(chunk.len() as u64) as usize;
            self.read_exact(&mut chunk[..step])?;
            out.extend_from_slice(&chunk[..step]);
            left -= step as u64;
        }
        Ok(out)
    }

    /// Skips (or records) `n` bytes without holding more than a buffer of them.
    fn skip(&mut self, mut n: u64) -> Result<()> {
        let mut buf = [0u8; 8192];
        while n > 0 {
            let step = n.min(buf.len() as u64) as usize;
            self.read_exact(&mut buf[..step])?;
            n -= step as u64;
        }
        Ok(())
    }

    /// A length; `Err(kind)` inside for the special string encodings (`11xxxxxx`).
    fn length(&mut self) -> Result<std::result::Result<u64, u8>> {
        let first = self.u8()?;
        Ok(match first >> 6 {
            0 => Ok(u64::from(first & 0x3f)),
            1 => Ok((u64::from(first & 0x3f) << 8) | u64::from(self.u8()?)),
            2 => match first {
                0x80 => {
                    let mut b = [0u8; 4];
                    self.read_exact(&mut b)?;
                    Ok(u64::from(u32::from_be_bytes(b)))
                }
                0x81 => {
                    let mut b = [0u8; 8];
                    self.read_exact(&mut b)?;
                    Ok(u64::from_be_bytes(b))
                }
                _ => return Err(self.bad(format!("unknown length encoding {first:#04x}"))),
            },
            _ => Err(first & 0x3f),
        })
    }

    /// A length that must be a plain one (counts, ids).
    fn plain_length(&mut self) -> Result<u64> {
        match self.length()? {
            Ok(n) => Ok(n),
            Err(_) => Err(self.bad("a string encoding where a length belongs")),
        }
    }

    /// A string: its bytes when `keep`, else skipped (recorded only).
    fn string(&mut self, keep: bool) -> Result<Vec<u8>> {
        match self.length()? {
            Ok(n) => {
                if n > MAX_STRING {
                    return Err(self.bad(format!("a string of {n} bytes (limit 512 MiB)")));
                }
                if keep {
                    self.bytes(n)
                } else {
                    self.skip(n).map(|()| Vec::new())
                }
            }
            Err(0) => self.int_string(1),
            Err(1) => self.int_string(2),
            Err(2) => self.int_string(4),
            Err(3) => {
                let clen = self.plain_length()?;
                let ulen = self.plain_length()?;
                if clen > MAX_STRING || ulen > MAX_STRING {
                    return Err(self.bad("a compressed string over the 512 MiB limit"));
                }
                if !keep {
                    return self.skip(clen).map(|()| Vec::new());
                }
                let c = self.bytes(clen)?;
                lzf_decompress(&c, ulen as usize)
                    .ok_or_else(|| self.bad("a compressed string does not expand to its length"))
            }
            Err(k) => Err(self.bad(format!("unknown string encoding {k}"))),
        }
    }

    fn int_string(&mut self, width: usize) -> Result<Vec<u8>> {
        let mut b = [0u8; 4];
        self.read_exact(&mut b[..width])?;
        let v: i64 = match width {
            1 => i64::from(b[0] as i8),
            2 => i64::from(i16::from_le_bytes([b[0], b[1]])),
            _ => i64::from(i32::from_le_bytes(b)),
        };
        Ok(v.to_string().into_bytes())
    }

    /// `count` repetitions of `each`.
    fn repeat(&mut self, count: u64, each: impl Fn(&mut Self) -> Result<()>) -> Result<()> {
        for _ in 0..count {
            each(self)?;
        }
        Ok(())
    }

    /// The value of one key, of RDB type `kind` (recorded into the payload).
    fn value(&mut self, kind: u8) -> Result<()> {
        let skip_str = |r: &mut Self| r.string(false).map(|_| ());
        match kind {
            0 | 9 | 10 | 11 | 12 | 13 | 16 | 17 | 20 => skip_str(self),
            1 | 2 | 14 => {
                let n = self.plain_length()?;
                self.repeat(n, skip_str)
            }
            3 => {
                let n = self.plain_length()?;
                self.repeat(n, |r| {
                    r.string(false)?;
                    // An old-style double: a length byte, then that many ASCII bytes
                    // (253..=255 stand for nan, +inf and -inf).
                    let len = r.u8()?;
                    if len < 253 {
                        r.skip(u64::from(len))?;
                    }
                    Ok(())
                })
            }
            4 => {
                let n = self.plain_length()?;
                self.repeat(n, |r| {
                    r.string(false)?;
                    r.string(false).map(|_| ())
                })
            }
            5 => {
                let n = self.plain_length()?;
                self.repeat(n, |r| {
                    r.string(false)?;
                    r.skip(8)
                })
            }
            7 => {
                self.plain_length()?;
                self.module_values()
            }
            18 => {
                let n = self.plain_length()?;
                self.repeat(n, |r| {
                    r.plain_length()?;
                    r.string(false).map(|_| ())
                })
            }
            15 | 19 | 21 => self.stream(kind),
            other => Err(self.bad(format!(
                "value type {other} is not one this tartarus reads (a module or a newer Redis)"
            ))),
        }
    }

    /// A module value in the self-describing format (opcodes until EOF).
    fn module_values(&mut self) -> Result<()> {
        loop {
            match self.plain_length()? {
                0 => return Ok(()),
                1 | 2 => {
                    self.plain_length()?;
                }
                3 => self.skip(4)?,
                4 => self.skip(8)?,
                5 => {
                    self.string(false)?;
                }
                other => return Err(self.bad(format!("unknown module opcode {other}"))),
            }
        }
    }

    /// A stream (`STREAM_LISTPACKS`, `_2` of Redis 7.0, `_3` of 7.2).
    fn stream(&mut self, kind: u8) -> Result<()> {
        let nodes = self.plain_length()?;
        self.repeat(nodes, |r| {
            r.string(false)?;
            r.string(false).map(|_| ())
        })?;
        // Length, last id; then (v2+) first id, max deleted id, entries added.
        let ids = if kind >= 19 { 3 + 4 + 1 } else { 3 };
        self.repeat(ids, |r| r.plain_length().map(|_| ()))?;
        let groups = self.plain_length()?;
        self.repeat(groups, |r| {
            r.string(false)?;
            let fields = if kind >= 19 { 3 } else { 2 };
            r.repeat(fields, |r| r.plain_length().map(|_| ()))?;
            let pel = r.plain_length()?;
            r.repeat(pel, |r| {
                r.skip(16 + 8)?;
                r.plain_length().map(|_| ())
            })?;
            let consumers = r.plain_length()?;
            r.repeat(consumers, |r| {
                r.string(false)?;
                r.skip(if kind >= 21 { 16 } else { 8 })?;
                let pel = r.plain_length()?;
                r.repeat(pel, |r| r.skip(16))
            })
        })
    }

    /// The next key, or None after the EOF opcode.
    pub fn next_key(&mut self) -> Result<Option<RdbKey>> {
        if self.done {
            return Ok(None);
        }
        let mut expire_at_ms = None;
        loop {
            self.record = None;
            let op = self.u8()?;
            match op {
                0xFF => {
                    self.done = true;
                    return Ok(None);
                }
                0xFE => self.db = self.plain_length()?,
                0xFD => {
                    let mut b = [0u8; 4];
                    self.read_exact(&mut b)?;
                    expire_at_ms = Some(i64::from(u32::from_le_bytes(b)) * 1000);
                }
                0xFC => {
                    let mut b = [0u8; 8];
                    self.read_exact(&mut b)?;
                    expire_at_ms = Some(i64::from_le_bytes(b));
                }
                0xFB => {
                    self.plain_length()?;
                    self.plain_length()?;
                }
                0xFA => {
                    self.string(false)?;
                    self.string(false)?;
                }
                0xF9 => {
                    self.u8()?;
                }
                0xF8 => {
                    self.plain_length()?;
                }
                0xF7 => {
                    // Module auxiliary data: module id, when-opcode, when, then its values.
                    self.repeat(3, |r| r.plain_length().map(|_| ()))?;
                    self.module_values()?;
                }
                0xF5 => {
                    // A function library: not a key (functions are not part of a tartarus backup).
                    self.string(false)?;
                }
                kind => {
                    let key = self.string(true)?;
                    self.record = Some(vec![kind]);
                    self.value(kind)?;
                    let mut payload = self.record.take().unwrap_or_default();
                    payload.extend_from_slice(&self.version.to_le_bytes());
                    let crc = super::rdb::crc64(&payload);
                    payload.extend_from_slice(&crc.to_le_bytes());
                    return Ok(Some(RdbKey {
                        db: self.db,
                        key,
                        expire_at_ms,
                        payload,
                    }));
                }
            }
        }
    }
}

/// LZF decompression (the format Redis compresses RDB strings with); None unless the input
/// expands to exactly `len` bytes.
fn lzf_decompress(input: &[u8], len: usize) -> Option<Vec<u8>> {
    // Grown as it expands (an LZF byte yields at most a few hundred), never from the claimed length.
    let mut out: Vec<u8> = Vec::with_capacity(len.min(input.len().saturating_mul(4)));
    let mut i = 0;
    while i < input.len() {
        let ctrl = usize::from(input[i]);
        i += 1;
        if ctrl < 32 {
            let run = input.get(i..i + ctrl + 1)?;
            out.extend_from_slice(run);
            i += ctrl + 1;
        } else {
            let mut n = ctrl >> 5;
            if n == 7 {
                n += usize::from(*input.get(i)?);
                i += 1;
            }
            let back = ((ctrl & 0x1f) << 8) + usize::from(*input.get(i)?) + 1;
            i += 1;
            let start = out.len().checked_sub(back)?;
            for k in 0..n + 2 {
                let b = out[start + k];
                out.push(b);
            }
        }
        if out.len() > len {
            return None;
        }
    }
    (out.len() == len).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rdb(body: &[u8]) -> Vec<u8> {
        let mut v = b"REDIS0010".to_vec();
        v.extend_from_slice(&[0xFA, 3]);
        v.extend_from_slice(b"ver");
        v.extend_from_slice(&[5]);
        v.extend_from_slice(b"7.0.0");
        v.extend_from_slice(&[0xFE, 0, 0xFB, 2, 1]);
        v.extend_from_slice(body);
        v.push(0xFF);
        v.extend_from_slice(&[0; 8]);
        v
    }

    #[test]
    fn strings_lists_and_expiry_become_dump_payloads() {
        let mut body = vec![0xFC];
        body.extend_from_slice(&1_900_000_000_000i64.to_le_bytes());
        body.extend_from_slice(&[0, 1, b'k', 2, b'v', b'1']);
        body.extend_from_slice(&[14, 1, b'x', 1, 1, b'z']); // key "x": a quicklist of one ziplist "z"
        body.extend_from_slice(&[0, 0xC0, 42, 0xC1, 0x39, 0x30]); // key 42 = 12345
        let file = rdb(&body);
        let mut r = RdbKeyReader::new(&file[..], Path::new("t.rdb")).unwrap();
        let a = r.next_key().unwrap().unwrap();
        assert_eq!(a.key, b"k");
        assert_eq!(a.expire_at_ms, Some(1_900_000_000_000));
        assert_eq!(&a.payload[..4], &[0, 2, b'v', b'1']);
        assert_eq!(&a.payload[4..6], &10u16.to_le_bytes());
        assert_eq!(
            u64::from_le_bytes(a.payload[6..].try_into().unwrap()),
            crate::persistence::rdb::crc64(&a.payload[..6])
        );
        let b = r.next_key().unwrap().unwrap();
        assert_eq!((b.key.as_slice(), b.expire_at_ms), (&b"x"[..], None));
        let c = r.next_key().unwrap().unwrap();
        assert_eq!(c.key, b"42");
        assert_eq!(&c.payload[..3], &[0, 0xC1, 0x39]);
        assert_eq!(r.next_key().unwrap(), None);
    }

    #[test]
    fn hostile_files_are_refused() {
        // A string claiming 4 GiB, a truncated value, an unknown type, a bad compressed string.
        for body in [
            vec![0, 1, b'k', 0x80, 0xFF, 0xFF, 0xFF, 0xFF],
            vec![0, 1, b'k', 5, b'v'],
            vec![99, 1, b'k', 0],
            vec![0, 0xC3, 2, 5, 0, b'a', 0],
        ] {
            let mut file = b"REDIS0010".to_vec();
            file.extend_from_slice(&body);
            let mut r = RdbKeyReader::new(&file[..], Path::new("t.rdb")).unwrap();
            assert!(r.next_key().is_err(), "{body:?}");
        }
        assert!(RdbKeyReader::new(&b"NOTRDB000"[..], Path::new("t.rdb")).is_err());
    }

    #[test]
    fn a_claimed_length_is_not_an_allocation() {
        // 500 MiB claimed, plain and compressed (500 MiB → 500 MiB), by a file of a few bytes:
        // refused as truncated, having allocated only what was read (`bytes` grows by chunk).
        let claim = (500u32 << 20).to_be_bytes();
        let mut plain = vec![0, 1, b'k', 0x80];
        plain.extend_from_slice(&claim);
        plain.extend_from_slice(b"short");
        let mut packed = vec![0, 1, b'k', 0xC3, 0x80];
        packed.extend_from_slice(&claim);
        packed.push(0x80);
        packed.extend_from_slice(&claim);
        packed.extend_from_slice(&[0, b'a']);
        for body in [plain, packed] {
            let mut file = b"REDIS0010".to_vec();
            file.extend_from_slice(&body);
            let mut r = RdbKeyReader::new(&file[..], Path::new("t.rdb")).unwrap();
            let e = r.next_key().unwrap_err().to_string();
            assert!(e.contains("ends in the middle"), "{e}");
        }
        assert!(lzf_decompress(&[0, b'a'], 500 << 20).is_none());
    }

    #[test]
    fn lzf_round_trips_runs_and_back_references() {
        // "aaaaaaaa": literal "a", then a back reference of 7 at distance 1.
        assert_eq!(
            lzf_decompress(&[0, b'a', 0xA0, 0], 8).as_deref(),
            Some(&b"aaaaaaaa"[..])
        );
        assert_eq!(lzf_decompress(&[0, b'a', 0xA0, 5], 8), None);
        assert_eq!(lzf_decompress(&[0, b'a'], 2), None);
    }
}
