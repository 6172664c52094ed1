//! The one reader of multi-document YAML input (sandbox files, policy files): bounded before parsing, streamed one document at a time, each non-empty document deserialized with its 0-based index, errors naming the source, the index and the field.
//!
//! Every multi-document input goes through this module. [`Documents`] splits a byte stream into
//! documents at the `---` / `...` markers (which YAML forbids in content at column 0, so the split
//! is exact) while [`scan`] checks each line: the document count, each document's size, its
//! nesting depth and its aliases are bounded by [`Limits`] before the YAML parser sees a byte of
//! that document, in time linear in the input. Memory holds one document at a time: callers that
//! want every document ([`read_documents`]) collect them; bulk submit streams them.

use std::io::BufRead;

use serde::de::DeserializeOwned;
use serde::Deserialize;

mod scan;

use scan::{DepthScan, Marker, Refusal};

/// Deepest nesting accepted (block levels plus flow brackets).
pub const MAX_DEPTH: usize = 64;
/// Documents per file unless `--max-documents` says otherwise.
pub const DEFAULT_MAX_DOCUMENTS: usize = 100_000;
/// The most `--max-documents` may allow.
pub const MAX_DOCUMENTS_CEILING: usize = 1_000_000;
/// Aliases (`*name`) per document.
pub const MAX_ALIASES: usize = 1_000;
/// Largest single sandbox document.
pub const MAX_SANDBOX_DOCUMENT_BYTES: usize = 1 << 20;
/// Most policies in a file (and in the stored set).
pub const MAX_POLICIES: usize = 1_000;
/// Largest single policy document.
pub const MAX_POLICY_DOCUMENT_BYTES: usize = 64 << 10;
/// Largest settings file (one document: heat thresholds).
pub const MAX_SETTINGS_BYTES: usize = 64 << 10;

/// Bounds on one multi-document input, each checked before the documents it covers are parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_documents: usize,
    pub max_depth: usize,
    pub max_aliases: usize,
    pub max_document_bytes: usize,
}

impl Limits {
    /// The limits of sandbox files.
    pub const SANDBOX: Limits = Limits {
        max_documents: DEFAULT_MAX_DOCUMENTS,
        max_depth: MAX_DEPTH,
        max_aliases: MAX_ALIASES,
        max_document_bytes: MAX_SANDBOX_DOCUMENT_BYTES,
    };

    /// The limits of policy files.
    pub const POLICIES: Limits = Limits {
        max_documents: MAX_POLICIES,
        max_depth: MAX_DEPTH,
        max_aliases: MAX_ALIASES,
        max_document_bytes: MAX_POLICY_DOCUMENT_BYTES,
    };

    /// The limits of a settings file (heat thresholds): one document.
    pub const SETTINGS: Limits = Limits {
        max_documents: 1,
        max_depth: MAX_DEPTH,
        max_aliases: MAX_ALIASES,
        max_document_bytes: MAX_SETTINGS_BYTES,
    };

    /// These limits with another document count.
    pub fn with_max_documents(self, max_documents: usize) -> Limits {
        Limits {
            max_documents,
            ..self
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::SANDBOX
    }
}

/// One document of a multi-document input.
#[derive(Clone, Debug, PartialEq)]
pub struct Document<T> {
    /// 0-based position in the input, counting empty documents too (what error messages name).
    pub index: usize,
    pub value: T,
}

/// Why an input could not be read into documents. Every variant is a bad input (exit 3).
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
    #[error("{source_name}: more than {limit} documents (raise --max-documents, at most {MAX_DOCUMENTS_CEILING}, or split the file)")]
    TooManyDocuments { source_name: String, limit: usize },
    #[error("{source_name}: document {index} (line {line}): nested deeper than {limit} levels; refused before parsing")]
    TooDeep {
        source_name: String,
        index: usize,
        line: u64,
        limit: usize,
    },
    #[error("{source_name}: document {index} is larger than {} KiB", limit >> 10)]
    DocumentTooLarge {
        source_name: String,
        index: usize,
        limit: usize,
    },
    #[error("{source_name}: document {index} (line {line}): more than {limit} aliases")]
    TooManyAliases {
        source_name: String,
        index: usize,
        line: u64,
        limit: usize,
    },
    #[error("{source_name}: document {index} (line {line}): alias *{name} refers to a collection; only scalars may be aliased (an alias of a collection can multiply the work of reading a file)")]
    CollectionAlias {
        source_name: String,
        index: usize,
        line: u64,
        name: String,
    },
    #[error("reading {source_name}: {message}")]
    Read {
        source_name: String,
        message: String,
    },
}

impl DocumentError {
    /// The process exit code this error leads to: a bad input file.
    pub fn code(&self) -> u8 {
        crate::exit::INVALID_INPUT
    }
}

/// One document's text, split from the input and checked, not yet parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDocument {
    pub index: usize,
    /// 1-based line of the input where the document starts.
    pub first_line: u64,
    pub text: String,
}

impl RawDocument {
    /// Parses the document as a `T`; `None` for an empty document (`---` alone, a comment, `~`).
    pub fn parse<T: DeserializeOwned>(
        &self,
        source_name: &str,
    ) -> Result<Option<Document<T>>, DocumentError> {
        let bad = |message: String| DocumentError::Parse {
            source_name: source_name.to_string(),
            index: self.index,
            message,
        };
        let mut parsed = None;
        for document in serde_yaml::Deserializer::from_str(&self.text) {
            if parsed.is_some() {
                return Err(bad("more than one document between markers".into()));
            }
            let value = Option::<T>::deserialize(document)
                .map_err(|e| bad(shift_lines(&e.to_string(), self.first_line - 1)))?;
            parsed = Some(value);
        }
        Ok(parsed.flatten().map(|value| Document {
            index: self.index,
            value,
        }))
    }
}

/// The document being gathered.
struct Chunk {
    /// Started by a `---` line.
    explicit: bool,
    /// Holds YAML content (not only blanks, comments and directives).
    content: bool,
    first_line: u64,
    bytes: usize,
    text: String,
    scan: DepthScan,
}

/// The documents of a byte stream, in order, split and checked one at a time (see the module
/// doc). With `keep_text` false only the checks run (a pre-pass that holds no document).
pub struct Documents<R: BufRead> {
    source_name: String,
    reader: R,
    limits: Limits,
    keep_text: bool,
    line_no: u64,
    offset: u64,
    counted: usize,
    chunk: Option<Chunk>,
    /// A document finished by the last line read, handed out by the next call.
    ready: Option<RawDocument>,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Documents<R> {
    pub fn new(source_name: &str, reader: R, limits: Limits, keep_text: bool) -> Documents<R> {
        Documents {
            source_name: source_name.to_string(),
            reader,
            limits,
            keep_text,
            line_no: 0,
            offset: 0,
            counted: 0,
            chunk: None,
            ready: None,
            buf: Vec::new(),
            done: false,
        }
    }

    /// How many documents were seen so far (all of them once the iterator is exhausted).
    pub fn seen(&self) -> usize {
        self.counted
    }

    fn new_chunk(&self, explicit: bool, carried: String) -> Chunk {
        Chunk {
            explicit,
            content: false,
            first_line: self.line_no,
            bytes: carried.len(),
            text: carried,
            scan: DepthScan::new(self.limits.max_depth, self.limits.max_aliases),
        }
    }

    /// Closes the chunk in hand: a document when it is explicit or holds content.
    fn close(&mut self) -> Result<(), DocumentError> {
        let Some(chunk) = self.chunk.take() else {
            return Ok(());
        };
        if !(chunk.explicit || chunk.content) {
            return Ok(());
        }
        let index = self.counted;
        self.counted += 1;
        if self.counted > self.limits.max_documents {
            return Err(DocumentError::TooManyDocuments {
                source_name: self.source_name.clone(),
                limit: self.limits.max_documents,
            });
        }
        self.ready = Some(RawDocument {
            index,
            first_line: chunk.first_line,
            text: chunk.text,
        });
        Ok(())
    }

    /// The index the chunk in hand will have when it is closed.
    fn pending_index(&self) -> usize {
        self.counted
    }

    fn refusal(&self, r: Refusal) -> DocumentError {
        let source_name = self.source_name.clone();
        let index = self.pending_index();
        match r {
            Refusal::TooDeep { line } => DocumentError::TooDeep {
                source_name,
                index,
                line,
                limit: self.limits.max_depth,
            },
            Refusal::TooManyAliases { line } => DocumentError::TooManyAliases {
                source_name,
                index,
                line,
                limit: self.limits.max_aliases,
            },
            Refusal::CollectionAlias { line, name } => DocumentError::CollectionAlias {
                source_name,
                index,
                line,
                name,
            },
        }
    }

    /// Reads one line into `self.buf` (bounded by the document size limit). False at the end.
    fn read_line(&mut self) -> Result<bool, DocumentError> {
        self.buf.clear();
        let cap = self.limits.max_document_bytes as u64 + 1;
        let reader: &mut R = &mut self.reader;
        let n = std::io::Read::take(reader, cap)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| DocumentError::Read {
                source_name: self.source_name.clone(),
                message: e.to_string(),
            })?;
        if n == 0 {
            return Ok(false);
        }
        if let Err(e) = std::str::from_utf8(&self.buf) {
            return Err(DocumentError::Encoding {
                source_name: self.source_name.clone(),
                message: format!(
                    "invalid byte at offset {}",
                    self.offset + e.valid_up_to() as u64
                ),
            });
        }
        self.offset += n as u64;
        self.line_no += 1;
        Ok(true)
    }

    /// Takes one line: document markers, the checks, and the text when it is kept.
    fn take_line(&mut self) -> Result<(), DocumentError> {
        let line = std::mem::take(&mut self.buf);
        let result = self.take(&line);
        self.buf = line;
        result
    }

    fn take(&mut self, line: &[u8]) -> Result<(), DocumentError> {
        let marker = scan::marker(line);
        if marker == Marker::Start {
            // Directives and comments in front of `---` belong to the new document.
            let carried = match self.chunk.take() {
                Some(c) if !(c.explicit || c.content) => c.text,
                other => {
                    self.chunk = other;
                    self.close()?;
                    String::new()
                }
            };
            self.chunk = Some(self.new_chunk(true, carried));
        }
        if self.chunk.is_none() {
            self.chunk = Some(self.new_chunk(false, String::new()));
        }
        let line_no = self.line_no;
        let limit = self.limits.max_document_bytes;
        let keep = self.keep_text;
        let Some(chunk) = self.chunk.as_mut() else {
            return Ok(());
        };
        chunk.bytes += line.len();
        let too_large = chunk.bytes > limit;
        let directive = !chunk.explicit && line.first() == Some(&b'%');
        let scanned = match marker {
            Marker::Start => chunk.scan.line(line, 3, line_no),
            Marker::End => Ok(()),
            Marker::None if directive => Ok(()),
            Marker::None => {
                chunk.content |= !scan::is_blank_or_comment(line);
                chunk.scan.line(line, 0, line_no)
            }
        };
        if marker == Marker::Start && !scan::is_blank_or_comment(&line[3..]) {
            chunk.content = true;
        }
        if keep && !too_large {
            // UTF-8 was checked when the line was read.
            chunk.text.push_str(&String::from_utf8_lossy(line));
        }
        if too_large {
            return Err(DocumentError::DocumentTooLarge {
                source_name: self.source_name.clone(),
                index: self.pending_index(),
                limit,
            });
        }
        scanned.map_err(|r| self.refusal(r))?;
        if marker == Marker::End {
            self.close()?;
        }
        Ok(())
    }

    fn advance(&mut self) -> Result<Option<RawDocument>, DocumentError> {
        loop {
            if let Some(doc) = self.ready.take() {
                return Ok(Some(doc));
            }
            if self.done {
                return Ok(None);
            }
            if self.read_line()? {
                self.take_line()?;
            } else {
                self.done = true;
                self.close()?;
            }
        }
    }
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = Result<RawDocument, DocumentError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.advance() {
            Ok(Some(doc)) => Some(Ok(doc)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                self.ready = None;
                Some(Err(e))
            }
        }
    }
}

/// Checks a whole input against `limits` without parsing it (a pre-pass that holds no document);
/// returns how many documents it has.
pub fn check_documents<R: BufRead>(
    source_name: &str,
    reader: R,
    limits: Limits,
) -> Result<usize, DocumentError> {
    let mut docs = Documents::new(source_name, reader, limits, false);
    for doc in docs.by_ref() {
        doc?;
    }
    Ok(docs.seen())
}

/// Reads every document of `bytes` (YAML, or JSON, which is YAML) as a `T`, after checking the
/// whole input against `limits`. Empty documents (a stray `---`, a comment, `~`) are skipped; the
/// first bad document fails the whole input.
pub fn read_documents_limited<T: DeserializeOwned>(
    source_name: &str,
    bytes: &[u8],
    limits: Limits,
) -> Result<Vec<Document<T>>, DocumentError> {
    check_documents(source_name, bytes, limits)?;
    let mut out = Vec::new();
    for raw in Documents::new(source_name, bytes, limits, true) {
        if let Some(doc) = raw?.parse(source_name)? {
            out.push(doc);
        }
    }
    Ok(out)
}

/// Reads an input of at most one document (a settings file) as a `T` in one streamed pass, with
/// every check of `limits` (its document count is taken as 1): memory holds at most one document
/// of `limits.max_document_bytes`, whatever the input's size. `None` when it holds no document.
pub fn read_single_document<T: DeserializeOwned, R: BufRead>(
    source_name: &str,
    reader: R,
    limits: Limits,
) -> Result<Option<T>, DocumentError> {
    let mut found = None;
    for raw in Documents::new(source_name, reader, limits.with_max_documents(1), true) {
        if let Some(doc) = raw?.parse(source_name)? {
            found = Some(doc.value);
        }
    }
    Ok(found)
}

/// [`read_documents_limited`] with the default limits.
pub fn read_documents<T: DeserializeOwned>(
    source_name: &str,
    bytes: &[u8],
) -> Result<Vec<Document<T>>, DocumentError> {
    read_documents_limited(source_name, bytes, Limits::default())
}

/// Adds `by` to every `line N` of a parser message (its lines count from the document's start;
/// people want the file's).
fn shift_lines(message: &str, by: u64) -> String {
    if by == 0 {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len() + 8);
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        let (head, tail) = rest.split_at(at + 5);
        out.push_str(head);
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        match tail[..digits].parse::<u64>() {
            Ok(n) => out.push_str(&(n + by).to_string()),
            Err(_) => out.push_str(&tail[..digits]),
        }
        rest = &tail[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    /// Found while fuzzing: the scanner saw each line with its `\n`, so an alias ending a line
    /// (`b: *a`) never matched its anchor and an anchor ending a line (`a: &a` over a block
    /// collection) looked like a scalar's: collection aliases ("billion laughs") got through.
    #[test]
    fn collection_aliases_at_line_ends_are_refused() {
        for text in [
            "a: &a [x, y]\nb: *a\n",
            "a: &a\n  - x\n  - y\nb: *a\n",
            "a: &a\r\n  - x\r\nb: *a\r\n",
            "a: &a\n  k: v\nb:\n  - *a\n  - *a\n",
        ] {
            let err = check_documents("laughs.yaml", text.as_bytes(), Limits::SANDBOX).unwrap_err();
            assert!(
                matches!(&err, DocumentError::CollectionAlias { name, .. } if name == "a"),
                "{text:?}: {err}"
            );
        }
        // Aliases of scalars still pass, at a line end too.
        let ok = "a: &a x\nb: *a\nc: [*a, *a]\n";
        assert_eq!(
            check_documents("ok.yaml", ok.as_bytes(), Limits::SANDBOX),
            Ok(1)
        );
    }

    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        tags: BTreeMap<String, u32>,
    }

    fn names(text: &str) -> Vec<(usize, String)> {
        read_documents::<Item>("f.yaml", text.as_bytes())
            .unwrap()
            .into_iter()
            .map(|d| (d.index, d.value.name))
            .collect()
    }

    #[test]
    fn skips_empty_documents_and_keeps_file_indexes() {
        let text = "---\nname: a\n---\n# only a comment\n---\n~\n---\nname: b\n---\n";
        assert_eq!(names(text), [(0, "a".into()), (3, "b".into())]);
        assert!(read_documents::<Item>("e.yaml", b"").unwrap().is_empty());
        assert!(read_documents::<Item>("e.yaml", b"# nothing\n\n")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn markers_end_markers_directives_and_content_after_the_marker() {
        assert_eq!(
            names("name: a\n...\nname: b\n"),
            [(0, "a".into()), (1, "b".into())]
        );
        assert_eq!(
            names("# head\n%YAML 1.2\n---\nname: a\n...\n%YAML 1.2\n--- {name: b}\n"),
            [(0, "a".into()), (1, "b".into())]
        );
        assert_eq!(names("name: a\n---\n"), [(0, "a".into())]);
        assert_eq!(
            names("name: a\r\n---\r\nname: b\r\n"),
            [(0, "a".into()), (1, "b".into())]
        );
        // Not a marker: indented, or part of a longer token.
        let text = "name: |\n  ---\n  x\n---- : 1\n";
        assert_eq!(
            check_documents("f", text.as_bytes(), Limits::default()),
            Ok(1)
        );
    }

    #[test]
    fn errors_name_source_index_field_and_file_line() {
        let text = "name: a\n---\nname: b\ntags: {x: many}\n";
        let e = read_documents::<Item>("f.yaml", text.as_bytes()).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("f.yaml: document 1: tags.x: "), "{msg}");
        assert!(msg.contains("line 4"), "line counted in the file: {msg}");
        assert!(matches!(e, DocumentError::Parse { index: 1, .. }));
        let e = read_documents::<Item>("f.yaml", b"name: a\ncolour: red\n").unwrap_err();
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
        let e = read_documents::<Item>("f.yaml", b"name: [unclosed\n").unwrap_err();
        assert!(e.to_string().starts_with("f.yaml: document 0: "), "{e}");
    }

    #[test]
    fn refuses_bytes_that_are_not_text() {
        let e = read_documents::<Item>("bin", b"name: a\n---\nname: \xff\xfe\n").unwrap_err();
        assert!(matches!(e, DocumentError::Encoding { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "bin: not UTF-8 text (invalid byte at offset 18)"
        );
        assert_eq!(e.code(), crate::exit::INVALID_INPUT);
    }

    #[test]
    fn limits_are_checked_before_any_document_is_parsed() {
        let limits = Limits {
            max_documents: 2,
            ..Limits::default()
        };
        // The third document would not even parse: the count is refused first.
        let text = "name: a\n---\nname: b\n---\nname: [\n";
        let e = read_documents_limited::<Item>("f.yaml", text.as_bytes(), limits).unwrap_err();
        assert!(
            matches!(e, DocumentError::TooManyDocuments { limit: 2, .. }),
            "{e}"
        );
        // A deep document after a bad one: the depth is found by the pre-pass.
        let deep = format!("name: [\n---\nname: {}\n", "[".repeat(100));
        let e = read_documents::<Item>("f.yaml", deep.as_bytes()).unwrap_err();
        assert!(
            matches!(
                e,
                DocumentError::TooDeep {
                    index: 1,
                    line: 3,
                    limit: 64,
                    ..
                }
            ),
            "{e}"
        );
        let small = Limits {
            max_document_bytes: 16,
            ..Limits::default()
        };
        let e = read_documents_limited::<Item>(
            "f.yaml",
            b"name: a\n---\nname: 0123456789abcdef\n",
            small,
        )
        .unwrap_err();
        assert!(
            matches!(e, DocumentError::DocumentTooLarge { index: 1, .. }),
            "{e}"
        );
        let bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nname: c\n";
        let e = read_documents::<Item>("f.yaml", bomb.as_bytes()).unwrap_err();
        assert!(matches!(e, DocumentError::CollectionAlias { .. }), "{e}");
    }

    #[test]
    fn the_size_limit_is_per_document() {
        let doc = format!("---\nname: a\n# {}\n", "x".repeat(100));
        let text = doc.repeat(21);
        let limits = Limits {
            max_document_bytes: 200,
            ..Limits::default()
        };
        assert_eq!(check_documents("f", text.as_bytes(), limits), Ok(21));
        assert_eq!(
            read_documents_limited::<Item>("f", text.as_bytes(), limits)
                .unwrap()
                .len(),
            21
        );
    }

    #[test]
    fn check_counts_without_keeping_text() {
        let text = "name: a\n---\n---\nname: b\n";
        assert_eq!(
            check_documents("f", text.as_bytes(), Limits::default()),
            Ok(3)
        );
    }

    #[test]
    fn line_numbers_shift_in_messages() {
        assert_eq!(
            shift_lines("x at line 2 column 3, while parsing at line 1 column 1", 10),
            "x at line 12 column 3, while parsing at line 11 column 1"
        );
        assert_eq!(shift_lines("no position", 4), "no position");
    }
}
