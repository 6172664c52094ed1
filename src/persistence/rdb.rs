//! RDB file verification: magic, version, EOF opcode and the CRC-64 (Jones/Redis) trailer, streamed.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::{PersistenceError, Result};

/// CRC-64/Jones as used by Redis (poly 0xad93d23594c935a9, reflected, init 0, xorout 0), slice-by-16.
pub const CRC64: crc::Crc<u64, crc::Table<16>> =
    crc::Crc::<u64, crc::Table<16>>::new(&crc::CRC_64_REDIS);

/// CRC-64 (Redis) of a byte slice.
pub fn crc64(data: &[u8]) -> u64 {
    CRC64.checksum(data)
}

/// Outcome of the checksum comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecksumStatus {
    Ok,
    /// The file was written with `rdbchecksum no` (trailer is 0): nothing to compare.
    Disabled,
    Mismatch,
    /// RDB version < 5 has no checksum trailer.
    Absent,
}

impl ChecksumStatus {
    /// The result in one word, as `verify` shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChecksumStatus::Ok => "ok",
            ChecksumStatus::Disabled => "disabled",
            ChecksumStatus::Mismatch => "mismatch",
            ChecksumStatus::Absent => "absent",
        }
    }

    /// What the result means, for people.
    pub fn describe(self) -> &'static str {
        match self {
            ChecksumStatus::Ok => "CRC-64 ok",
            ChecksumStatus::Disabled => "CRC-64 disabled (written with rdbchecksum no)",
            ChecksumStatus::Mismatch => "CRC-64 mismatch",
            ChecksumStatus::Absent => "no CRC-64 (RDB version < 5)",
        }
    }
}

/// What an RDB file looks like.
#[derive(Clone, Debug, Serialize)]
pub struct RdbReport {
    pub path: String,
    pub size_bytes: u64,
    pub version: Option<u32>,
    pub checksum: Option<ChecksumStatus>,
    pub stored_crc: Option<String>,
    pub computed_crc: Option<String>,
    pub ok: bool,
    pub problems: Vec<String>,
}

/// Parses the 9-byte header `REDIS` + 4 ASCII digits.
pub fn parse_header(header: &[u8]) -> Result<u32> {
    if header.len() < 9 || &header[..5] != b"REDIS" {
        return Err(PersistenceError::invalid(
            "RDB header",
            "missing REDIS magic",
        ));
    }
    let digits = &header[5..9];
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(PersistenceError::invalid(
            "RDB header",
            "version is not 4 digits",
        ));
    }
    let s = std::str::from_utf8(digits)
        .map_err(|_| PersistenceError::invalid("RDB header", "bad version"))?;
    s.parse()
        .map_err(|_| PersistenceError::invalid("RDB header", "bad version"))
}

/// The RDB version from a file's header (a link at `path` is not followed).
pub fn read_version(path: &Path) -> Result<u32> {
    let mut f = super::files::open_nofollow(path).map_err(|e| PersistenceError::io(path, e))?;
    let mut h = [0u8; 9];
    f.read_exact(&mut h)
        .map_err(|e| PersistenceError::io(path, e))?;
    parse_header(&h)
}

/// Verifies an RDB file without loading it into memory (a link at `path` is not followed).
pub fn verify(path: &Path) -> Result<RdbReport> {
    let f = super::files::open_nofollow(path).map_err(|e| PersistenceError::io(path, e))?;
    verify_file(f, path)
}

/// Verifies an opened RDB file, streamed; `path` names it in the report. Only the size the file
/// has when opened is read: nothing it claims inside is trusted for an allocation.
pub fn verify_file(mut f: std::fs::File, path: &Path) -> Result<RdbReport> {
    let size = f
        .metadata()
        .map_err(|e| PersistenceError::io(path, e))?
        .len();
    let mut rep = RdbReport {
        path: path.display().to_string(),
        size_bytes: size,
        version: None,
        checksum: None,
        stored_crc: None,
        computed_crc: None,
        ok: false,
        problems: Vec::new(),
    };
    if size < 10 {
        rep.problems.push(format!("file too short ({size} bytes)"));
        return Ok(rep);
    }
    let mut header = [0u8; 9];
    f.read_exact(&mut header)
        .map_err(|e| PersistenceError::io(path, e))?;
    let version = match parse_header(&header) {
        Ok(v) => v,
        Err(e) => {
            rep.problems.push(e.to_string());
            return Ok(rep);
        }
    };
    rep.version = Some(version);
    let has_trailer = version >= 5;
    let body_len = if has_trailer {
        size.saturating_sub(8)
    } else {
        size
    };
    if body_len < 10 {
        rep.problems.push("file too short for its version".into());
        return Ok(rep);
    }
    let mut digest = CRC64.digest();
    digest.update(&header);
    let mut remaining = body_len - 9;
    let mut buf = vec![0u8; 1 << 20];
    let mut last = 0u8;
    while remaining > 0 {
        let want = remaining.min(buf.len() as u64) as usize;
        let n = f
            .read(&mut buf[..want])
            .map_err(|e| PersistenceError::io(path, e))?;
        if n == 0 {
            rep.problems.push("file shrank while reading".into());
            return Ok(rep);
        }
        digest.update(&buf[..n]);
        last = buf[n - 1];
        remaining -= n as u64;
    }
    if last != 0xFF {
        rep.problems.push(format!(
            "last opcode before the checksum is 0x{last:02x}, expected EOF 0xff (truncated?)"
        ));
    }
    if has_trailer {
        let mut trailer = [0u8; 8];
        f.read_exact(&mut trailer)
            .map_err(|e| PersistenceError::io(path, e))?;
        let stored = u64::from_le_bytes(trailer);
        let computed = digest.finalize();
        rep.stored_crc = Some(format!("{stored:016x}"));
        rep.computed_crc = Some(format!("{computed:016x}"));
        let status = if stored == 0 {
            ChecksumStatus::Disabled
        } else if stored == computed {
            ChecksumStatus::Ok
        } else {
            rep.problems.push(format!(
                "CRC-64 mismatch: stored {stored:016x}, computed {computed:016x}"
            ));
            ChecksumStatus::Mismatch
        };
        rep.checksum = Some(status);
    } else {
        rep.checksum = Some(ChecksumStatus::Absent);
    }
    rep.ok = rep.problems.is_empty();
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc64_check_value() {
        assert_eq!(crc64(b"123456789"), 0xe9c6d914c4b8d9ca);
        // Streaming in pieces gives the same value.
        let mut d = CRC64.digest();
        d.update(b"1234");
        d.update(b"56789");
        assert_eq!(d.finalize(), 0xe9c6d914c4b8d9ca);
    }

    fn sample_rdb(checksum: bool) -> Vec<u8> {
        let mut v = b"REDIS0010".to_vec();
        v.extend_from_slice(&[
            0xFE, 0x00, 0xFB, 0x01, 0x00, 0x00, 0x01, b'k', 0x01, b'v', 0xFF,
        ]);
        let crc = if checksum { crc64(&v) } else { 0 };
        v.extend_from_slice(&crc.to_le_bytes());
        v
    }

    #[test]
    fn verifies_good_flipped_and_disabled() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.rdb");
        std::fs::write(&p, sample_rdb(true)).unwrap();
        let r = verify(&p).unwrap();
        assert!(r.ok, "{:?}", r.problems);
        assert_eq!(r.version, Some(10));
        assert_eq!(r.checksum, Some(ChecksumStatus::Ok));

        let mut bad = sample_rdb(true);
        bad[12] ^= 0x01;
        std::fs::write(&p, &bad).unwrap();
        let r = verify(&p).unwrap();
        assert!(!r.ok);
        assert_eq!(r.checksum, Some(ChecksumStatus::Mismatch));

        std::fs::write(&p, sample_rdb(false)).unwrap();
        let r = verify(&p).unwrap();
        assert!(r.ok);
        assert_eq!(r.checksum, Some(ChecksumStatus::Disabled));

        let mut trunc = sample_rdb(true);
        trunc.remove(trunc.len() - 9);
        std::fs::write(&p, &trunc).unwrap();
        assert!(!verify(&p).unwrap().ok);

        std::fs::write(&p, b"RADIS0010xxxxxxxxxxxxxxxxxx").unwrap();
        let r = verify(&p).unwrap();
        assert!(!r.ok && r.version.is_none());
    }
}
