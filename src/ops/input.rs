//! Reading input files (`-f FILE`, `-f -` for stdin): bounded in size, UTF-8 checked, every failure an input error (exit 3).

use std::io::Read;
use std::path::Path;

use crate::exit;

/// Largest input file read (sandbox or policy documents, node lists).
pub const MAX_INPUT_BYTES: u64 = 512 << 20;

/// Why an input file could not be used. Nothing was written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("reading {name}: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error("{name} is larger than {} MiB", limit >> 20)]
    TooLarge { name: String, limit: u64 },
    #[error("{name} is not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { name: String, offset: usize },
    #[error("{name}: {message}")]
    Invalid { name: String, message: String },
}

impl InputError {
    /// The process exit code this error leads to: a bad input file.
    pub fn code(&self) -> u8 {
        exit::INVALID_INPUT
    }
}

/// An input file's text and the name errors use for it (`<stdin>` for `-`).
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// Reads a whole input file (`-` = stdin), refusing more than [`MAX_INPUT_BYTES`] and anything
/// that is not UTF-8.
pub fn read_input(path: &Path) -> Result<Input, InputError> {
    read_input_limited(path, MAX_INPUT_BYTES)
}

/// [`read_input`] with another size limit.
pub fn read_input_limited(path: &Path, limit: u64) -> Result<Input, InputError> {
    let stdin = path.as_os_str() == "-";
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let read_err = |source| InputError::Read {
        name: name.clone(),
        source,
    };
    let mut bytes = Vec::new();
    if stdin {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    } else {
        let file = std::fs::File::open(path).map_err(read_err)?;
        let meta = file.metadata().map_err(read_err)?;
        if meta.is_dir() {
            return Err(read_err(std::io::Error::other("it is a directory")));
        }
        if meta.len() > limit {
            return Err(InputError::TooLarge { name, limit });
        }
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    }
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { name, limit });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        name: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Input { name, text })
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
        assert!(matches!(
            read_input_limited(&big, 99),
            Err(InputError::TooLarge { .. })
        ));
        assert_eq!(read_input_limited(&big, 100).unwrap().text.len(), 100);
        assert!(read_input(dir.path()).is_err(), "a directory");
    }
}
