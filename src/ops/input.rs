//! Reading input files (`-f FILE`, `-f -` for stdin): bounded in size before anything is parsed, UTF-8 checked, every failure an input error (exit 3), and re-readable so big files can be streamed twice (check, then write) instead of held.

use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::exit;
use crate::model::documents::{Limits, DEFAULT_MAX_DOCUMENTS, MAX_DOCUMENTS_CEILING};

/// Largest input file read unless `--max-file-size` says otherwise (sandbox or policy documents,
/// node lists).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;
/// The most `--max-file-size` may allow.
pub const MAX_FILE_BYTES_CEILING: u64 = 4 << 30;

/// Why an input file could not be used. Nothing was written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("reading {name}: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error("{name} is larger than {} (raise --max-file-size)", crate::output::human_bytes(*limit))]
    TooLarge { name: String, limit: u64 },
    #[error("{name} is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { name: String, offset: usize },
    #[error("{name}: {message}")]
    Invalid { name: String, message: String },
    /// Refused by the linear pre-scan (nesting depth, aliases) before the YAML parser saw it.
    #[error(transparent)]
    Document(#[from] crate::model::documents::DocumentError),
    #[error("{name} changed while it was being read; nothing from the new content was used (submit it again)")]
    Changed { name: String },
}

impl InputError {
    /// The process exit code this error leads to: a bad input file.
    pub fn code(&self) -> u8 {
        exit::INVALID_INPUT
    }
}

/// The limits a command applies to its input files (`--max-file-size`, `--max-documents`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputLimits {
    pub max_file_bytes: u64,
    pub max_documents: usize,
}

impl Default for InputLimits {
    fn default() -> InputLimits {
        InputLimits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_documents: DEFAULT_MAX_DOCUMENTS,
        }
    }
}

impl InputLimits {
    /// Checked limits: at least one byte and one document, at most the ceilings.
    pub fn new(max_file_bytes: u64, max_documents: usize) -> Result<InputLimits, InputError> {
        let invalid = |message: String| InputError::Invalid {
            name: "input limits".into(),
            message,
        };
        if max_file_bytes == 0 || max_file_bytes > MAX_FILE_BYTES_CEILING {
            return Err(invalid(format!(
                "--max-file-size must be between 1 byte and {}",
                crate::output::human_bytes(MAX_FILE_BYTES_CEILING)
            )));
        }
        if max_documents == 0 || max_documents > MAX_DOCUMENTS_CEILING {
            return Err(invalid(format!(
                "--max-documents must be between 1 and {MAX_DOCUMENTS_CEILING}"
            )));
        }
        Ok(InputLimits {
            max_file_bytes,
            max_documents,
        })
    }

    /// The document limits of sandbox files under these input limits.
    pub fn sandbox_documents(&self) -> Limits {
        Limits::SANDBOX.with_max_documents(self.max_documents)
    }
}

/// An input file's text and the name errors use for it (`<stdin>` for `-`).
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// The name errors use for a path (`<stdin>` for `-`).
pub fn input_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a whole input file (`-` = stdin), refusing more than [`DEFAULT_MAX_FILE_BYTES`] and
/// anything that is not UTF-8.
pub fn read_input(path: &Path) -> Result<Input, InputError> {
    read_input_limited(path, DEFAULT_MAX_FILE_BYTES)
}

/// [`read_input`] with another size limit.
pub fn read_input_limited(path: &Path, limit: u64) -> Result<Input, InputError> {
    let source = InputSource::open(path, limit)?;
    let mut bytes = Vec::new();
    source
        .reader()?
        .read_to_end(&mut bytes)
        .map_err(|e| source.read_error(e))?;
    let name = source.name;
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        name: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Input { name, text })
}

/// An input that can be read more than once: a file held open (so a pass that reads it again
/// reads the same file), or stdin copied to a private temporary file (mode 0600, already
/// unlinked, so nothing is left behind). Its size is checked when it is opened, before any
/// parsing.
#[derive(Debug)]
pub struct InputSource {
    pub name: String,
    file: std::fs::File,
    /// Size and modification time when opened: a later pass refuses a file that changed.
    stamp: (u64, Option<std::time::SystemTime>),
}

impl InputSource {
    /// Opens `path` (`-` = stdin), refusing more than `limit` bytes.
    pub fn open(path: &Path, limit: u64) -> Result<InputSource, InputError> {
        let name = input_name(path);
        let read_err = |source| InputError::Read {
            name: name.clone(),
            source,
        };
        let file = if path.as_os_str() == "-" {
            let mut spool = tempfile::tempfile().map_err(read_err)?;
            let copied = std::io::copy(&mut std::io::stdin().lock().take(limit + 1), &mut spool)
                .map_err(read_err)?;
            if copied > limit {
                return Err(InputError::TooLarge { name, limit });
            }
            spool
        } else {
            let file = std::fs::File::open(path).map_err(read_err)?;
            let meta = file.metadata().map_err(read_err)?;
            if meta.is_dir() {
                return Err(read_err(std::io::Error::other("it is a directory")));
            }
            if meta.len() > limit {
                return Err(InputError::TooLarge { name, limit });
            }
            file
        };
        let stamp = stamp(&file).map_err(read_err)?;
        if stamp.0 > limit {
            // A pipe or special file that grew past the limit.
            return Err(InputError::TooLarge { name, limit });
        }
        Ok(InputSource { name, file, stamp })
    }

    fn read_error(&self, source: std::io::Error) -> InputError {
        InputError::Read {
            name: self.name.clone(),
            source,
        }
    }

    /// A reader from the first byte; refuses a file that changed since it was opened.
    pub fn reader(&self) -> Result<BufReader<std::fs::File>, InputError> {
        if stamp(&self.file).map_err(|e| self.read_error(e))? != self.stamp {
            return Err(InputError::Changed {
                name: self.name.clone(),
            });
        }
        let mut file = self.file.try_clone().map_err(|e| self.read_error(e))?;
        file.seek(SeekFrom::Start(0))
            .map_err(|e| self.read_error(e))?;
        // Never more than the size checked at open, even if the file grows meanwhile.
        Ok(BufReader::with_capacity(1 << 16, file))
    }

    /// The size in bytes when it was opened.
    pub fn len(&self) -> u64 {
        self.stamp.0
    }

    pub fn is_empty(&self) -> bool {
        self.stamp.0 == 0
    }
}

fn stamp(file: &std::fs::File) -> std::io::Result<(u64, Option<std::time::SystemTime>)> {
    let meta = file.metadata()?;
    Ok((meta.len(), meta.modified().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_large_and_binary_files_are_input_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_input(&dir.path().join("nope.yaml")).unwrap_err();
        assert!(matches!(missing, InputError::Read { .. }));
        assert_eq!(missing.code(), exit::INVALID_INPUT);
        let bin = dir.path().join("bin.yaml");
        std::fs::write(&bin, b"spec: \xff\xfe").unwrap();
        let err = read_input(&bin).unwrap_err();
        assert!(
            matches!(err, InputError::NotUtf8 { offset: 6, .. }),
            "{err}"
        );
        let big = dir.path().join("big.yaml");
        std::fs::write(&big, vec![b'a'; 100]).unwrap();
        let err = read_input_limited(&big, 99).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }));
        assert!(err.to_string().contains("--max-file-size"), "{err}");
        assert_eq!(read_input_limited(&big, 100).unwrap().text.len(), 100);
        assert!(read_input(dir.path()).is_err(), "a directory");
    }

    #[test]
    fn a_source_reads_again_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.yaml");
        std::fs::write(&path, b"a: 1\n").unwrap();
        let source = InputSource::open(&path, 100).unwrap();
        for _ in 0..2 {
            let mut text = String::new();
            source.reader().unwrap().read_to_string(&mut text).unwrap();
            assert_eq!(text, "a: 1\n");
        }
        std::fs::write(&path, b"a: 1\nb: 2\n").unwrap();
        assert!(matches!(
            source.reader().unwrap_err(),
            InputError::Changed { .. }
        ));
    }

    #[test]
    fn limits_have_ceilings() {
        assert!(InputLimits::new(1, 1).is_ok());
        assert!(InputLimits::new(0, 1).is_err());
        assert!(InputLimits::new(1, MAX_DOCUMENTS_CEILING + 1).is_err());
        assert!(InputLimits::new(MAX_FILE_BYTES_CEILING + 1, 1).is_err());
        assert_eq!(
            InputLimits::default().sandbox_documents().max_documents,
            100_000
        );
    }
}
