//! RESP, the Redis wire format: the crate's one reader and one writer of it.
//!
//! [`parse_line`] reads a header line (`*3`, `$5`, `+OK`, `-ERR …`, `:1`, `$EOF:<mark>`) and
//! is shared by the streaming [`Reader`] of command files (logical backups, `redis-cli --pipe`
//! format) and by the replication handshake, which does its own async I/O. [`write_command`]
//! and [`command`] encode a command as an array of bulk strings.
//!
//! Lengths read from a file or a socket are untrusted: [`parse_line`] never fails on a huge
//! number (it saturates to `u64::MAX`), and every caller caps it before any arithmetic or
//! allocation ([`MAX_ARGS`], [`MAX_BULK_LEN`]); a large bulk string is read as it arrives, so a
//! crafted length never makes the reader allocate more than the input really holds.

use std::io::{BufRead, Read, Write};

/// The longest bulk string a command file may hold: Redis's own limit (`proto-max-bulk-len`,
/// 512 MiB by default). A length above it is a corrupt or hostile file, never a reason to allocate.
pub const MAX_BULK_LEN: u64 = 512 * 1024 * 1024;

/// Most arguments a command of a logical backup has (`RESTORE key ttl payload REPLACE` has 5).
pub const MAX_ARGS: u64 = 64;

/// The longest header line [`Reader`] accepts (`$536870912\r\n` is 12 bytes).
const MAX_HEADER_LINE: u64 = 64;

/// Bulk strings up to this size are read in one allocation; longer ones grow as they arrive.
const DIRECT_READ: usize = 1 << 20;

/// One RESP header line, without its CRLF.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// `*<n>`: an array of n elements.
    Array(u64),
    /// `$<n>`: a bulk string of n bytes follows.
    Bulk(u64),
    /// `$EOF:<mark>`: a bulk payload of unknown length that ends with `mark` (diskless SYNC).
    BulkEof(&'a [u8]),
    /// `$-1` or `*-1`.
    Null,
    /// `+text`.
    Simple(&'a [u8]),
    /// `-text`.
    Error(&'a [u8]),
    /// `:n`.
    Integer(i64),
}

/// Parses a length: ASCII digits only; more digits than fit in a u64 saturate to `u64::MAX`
/// (as oversized as any other crafted length, and rejected by the caller's cap).
fn parse_len(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().try_fold(0u64, |n, d| {
        n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    }))
    .map(|n| n.unwrap_or(u64::MAX))
}

/// Parses one header line (without the CRLF).
pub fn parse_line(line: &[u8]) -> Result<Line<'_>, String> {
    let Some((&kind, rest)) = line.split_first() else {
        return Err("empty line".into());
    };
    let len = |rest: &[u8]| parse_len(rest).ok_or_else(|| "bad length".to_string());
    match kind {
        b'*' if rest == b"-1" => Ok(Line::Null),
        b'*' => Ok(Line::Array(len(rest)?)),
        b'$' if rest == b"-1" => Ok(Line::Null),
        b'$' => match rest.strip_prefix(b"EOF:") {
            Some(mark) => Ok(Line::BulkEof(mark)),
            None => Ok(Line::Bulk(len(rest)?)),
        },
        b'+' => Ok(Line::Simple(rest)),
        b'-' => Ok(Line::Error(rest)),
        b':' => std::str::from_utf8(rest)
            .ok()
            .and_then(|s| s.parse().ok())
            .map(Line::Integer)
            .ok_or_else(|| "bad integer".to_string()),
        other => Err(format!("unknown type byte 0x{other:02x}")),
    }
}

/// Appends one command (an array of bulk strings) to `w`.
pub fn write_command<W: Write + ?Sized>(w: &mut W, args: &[&[u8]]) -> std::io::Result<()> {
    write!(w, "*{}\r\n", args.len())?;
    for a in args {
        write!(w, "${}\r\n", a.len())?;
        w.write_all(a)?;
        w.write_all(b"\r\n")?;
    }
    Ok(())
}

/// One command, encoded.
pub fn command(args: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + args.iter().map(|a| a.len() + 16).sum::<usize>());
    // Writing into a Vec cannot fail.
    let _ = write_command(&mut out, args);
    out
}

/// Why a RESP file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RespError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("malformed RESP at command {command}: {detail}")]
    Malformed { command: u64, detail: String },
    #[error(
        "bulk string length {len} at command {command} exceeds the {max}-byte limit (corrupt file)"
    )]
    BulkTooLong { command: u64, len: u64, max: u64 },
    #[error("truncated RESP command {command}")]
    Truncated { command: u64 },
}

/// Streaming reader of commands (arrays of bulk strings), the `redis-cli --pipe` format.
pub struct Reader<R: BufRead> {
    r: R,
    line: Vec<u8>,
    /// Commands read so far (for error messages).
    commands: u64,
}

impl<R: BufRead> Reader<R> {
    pub fn new(r: R) -> Self {
        Reader {
            r,
            line: Vec::new(),
            commands: 0,
        }
    }

    /// Commands read so far.
    pub fn commands(&self) -> u64 {
        self.commands
    }

    fn malformed(&self, detail: impl Into<String>) -> RespError {
        RespError::Malformed {
            command: self.commands + 1,
            detail: detail.into(),
        }
    }

    /// The next header line, parsed; None at the end of the input.
    fn header(&mut self) -> Result<Option<Line<'_>>, RespError> {
        self.line.clear();
        // A header line is short: a longer one is not RESP (and is never buffered whole).
        let n = (&mut self.r)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut self.line)?;
        if n == 0 {
            return Ok(None);
        }
        let Some(body) = self.line.strip_suffix(b"\r\n") else {
            return Err(self.malformed("header line not ended by CRLF"));
        };
        match parse_line(body) {
            Ok(l) => Ok(Some(l)),
            Err(detail) => Err(RespError::Malformed {
                command: self.commands + 1,
                detail,
            }),
        }
    }

    /// The next command's arguments; None at a clean end of input.
    pub fn next_command(&mut self) -> Result<Option<Vec<Vec<u8>>>, RespError> {
        let command = self.commands + 1;
        let argc = match self.header()? {
            None => return Ok(None),
            Some(Line::Array(n)) => n,
            Some(_) => return Err(self.malformed("expected a '*' header")),
        };
        if argc == 0 || argc > MAX_ARGS {
            return Err(self.malformed(format!("unexpected argument count {argc}")));
        }
        // The cap makes this cast lossless and the allocation small.
        let mut args = Vec::with_capacity(argc as usize);
        for _ in 0..argc {
            let len = match self.header()? {
                None => return Err(RespError::Truncated { command }),
                Some(Line::Bulk(n)) => n,
                Some(Line::Null | Line::BulkEof(_)) => return Err(self.malformed("bad length")),
                Some(_) => return Err(self.malformed("expected a '$' header")),
            };
            args.push(self.bulk(len, command)?);
        }
        self.commands += 1;
        Ok(Some(args))
    }

    /// Reads a bulk string of `len` bytes and its CRLF.
    fn bulk(&mut self, len: u64, command: u64) -> Result<Vec<u8>, RespError> {
        if len > MAX_BULK_LEN {
            return Err(RespError::BulkTooLong {
                command,
                len,
                max: MAX_BULK_LEN,
            });
        }
        let truncated = || RespError::Truncated { command };
        // Checked even though the cap makes an overflow impossible.
        let with_crlf = usize::try_from(len)
            .ok()
            .and_then(|l| l.checked_add(2))
            .ok_or_else(|| self.malformed("length does not fit in memory"))?;
        let mut arg = if with_crlf <= DIRECT_READ {
            let mut arg = vec![0u8; with_crlf];
            self.r.read_exact(&mut arg).map_err(|e| match e.kind() {
                std::io::ErrorKind::UnexpectedEof => truncated(),
                _ => RespError::Io(e),
            })?;
            arg
        } else {
            // Grows with what the input really holds, not with what the header claims.
            let mut arg = Vec::with_capacity(DIRECT_READ);
            (&mut self.r).take(with_crlf as u64).read_to_end(&mut arg)?;
            if arg.len() < with_crlf {
                return Err(truncated());
            }
            arg
        };
        if !arg.ends_with(b"\r\n") {
            return Err(self.malformed("bulk string not followed by CRLF"));
        }
        arg.truncate(with_crlf - 2);
        Ok(arg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert_eq!(parse_line(b"*3"), Ok(Line::Array(3)));
        assert_eq!(parse_line(b"$0"), Ok(Line::Bulk(0)));
        assert_eq!(parse_line(b"$-1"), Ok(Line::Null));
        assert_eq!(parse_line(b"+OK"), Ok(Line::Simple(b"OK")));
        assert_eq!(parse_line(b"-ERR no"), Ok(Line::Error(b"ERR no")));
        assert_eq!(parse_line(b":-5"), Ok(Line::Integer(-5)));
        assert_eq!(parse_line(b"$EOF:abc"), Ok(Line::BulkEof(b"abc")));
        assert_eq!(
            parse_line(b"$99999999999999999999999999"),
            Ok(Line::Bulk(u64::MAX))
        );
        assert!(parse_line(b"$-2").is_err());
        assert!(parse_line(b"$+3").is_err());
        assert!(parse_line(b"$").is_err());
        assert!(parse_line(b"").is_err());
        assert!(parse_line(b"?x").is_err());
    }

    #[test]
    fn encoding() {
        assert_eq!(
            command(&[b"AUTH", b"pw"]),
            b"*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n".to_vec()
        );
        assert_eq!(command(&[b""]), b"*1\r\n$0\r\n\r\n".to_vec());
    }

    #[test]
    fn reader_rejects_garbage_lengths_without_allocating() {
        for (input, want) in [
            (&b"*5\r\n$18446744073709551615\r\nx\r\n"[..], "exceeds"),
            (b"*5\r\n$99999999999999\r\nx\r\n", "exceeds"),
            (b"*5\r\n$999999999999999999999999\r\nx\r\n", "exceeds"),
            (b"*5\r\n$536870913\r\nx\r\n", "exceeds"),
            (b"*18446744073709551615\r\n", "argument count"),
            (b"*0\r\n", "argument count"),
            (b"*1\r\n$-1\r\n", "bad length"),
            (b"*1\r\n$+3\r\nabc\r\n", "bad length"),
            (b"*1\r\n$3\r\nabcd\r\n", "CRLF"),
            (b"+OK\r\n", "expected a '*'"),
            (b"*1\n", "CRLF"),
            // A header line longer than any length: not read whole.
            (&[b'*'; 10_000], "CRLF"),
            // Within the cap but longer than the file: truncated, read as it comes.
            (b"*1\r\n$536870912\r\nabc\r\n", "truncated"),
            (b"*2\r\n$1\r\na\r\n", "truncated"),
        ] {
            let mut r = Reader::new(std::io::Cursor::new(input.to_vec()));
            let e = r.next_command().unwrap_err().to_string();
            assert!(
                e.contains(want),
                "{:?}: {e}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn reader_roundtrip() {
        let mut v = Vec::new();
        write_command(&mut v, &[b"SET", b"a\r\nb", b"\xff\x00\r\n"]).unwrap();
        let big = vec![7u8; DIRECT_READ + 10];
        write_command(&mut v, &[b"SET", b"k", &big]).unwrap();
        let mut r = Reader::new(std::io::Cursor::new(v.clone()));
        assert_eq!(
            r.next_command().unwrap().unwrap(),
            vec![
                b"SET".to_vec(),
                b"a\r\nb".to_vec(),
                b"\xff\x00\r\n".to_vec()
            ]
        );
        assert_eq!(r.next_command().unwrap().unwrap()[2], big);
        assert!(r.next_command().unwrap().is_none());
        assert_eq!(r.commands(), 2);
        // Truncated input is an error, not a silent end.
        let mut r = Reader::new(std::io::Cursor::new(v[..v.len() - 5].to_vec()));
        r.next_command().unwrap();
        assert!(r.next_command().is_err());
    }
}
