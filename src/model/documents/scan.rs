//! The linear pre-scan of YAML text, line by line, before the YAML parser sees a byte: where documents begin and end, how deep one nests, and whether its aliases could multiply work.
//!
//! The parser's cost grows faster than linearly with nesting (a 400 KB file nested 200,000 levels
//! kept it busy for over a minute) and alias expansion multiplies work ("billion laughs"), so both
//! are bounded here, in one pass that costs a few operations per byte:
//!
//! - **Depth** is the number of open block levels (distinct indentations, counting each compact
//!   `- ` / `? ` indicator as a level) plus the number of open flow brackets (`[`, `{`). Quoted
//!   scalars, comments and block scalars (`|`, `>`) are skipped, so brackets inside text do not
//!   count. The count may over-estimate an odd document (a bracket in a multi-line plain scalar)
//!   but never lets a deep one through.
//! - **Aliases** (`*name`) may refer only to anchored scalars, and a document holds a bounded number
//!   of them: each expansion is then one value, so a document's cost stays linear in its size.
//!   An alias of an anchored collection (the building block of "billion laughs") is refused.

use std::collections::HashMap;

/// How a line relates to document boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    /// An ordinary line.
    None,
    /// `---` at column 0: a new document starts on this line.
    Start,
    /// `...` at column 0: the current document ends with this line.
    End,
}

/// The document marker a line carries, if any (YAML forbids both in content at column 0, so a
/// marker line always is one).
pub(super) fn marker(line: &[u8]) -> Marker {
    let is = |m: &[u8]| {
        line.starts_with(m) && matches!(line.get(3), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
    };
    if is(b"---") {
        Marker::Start
    } else if is(b"...") {
        Marker::End
    } else {
        Marker::None
    }
}

/// True for a line with no YAML content: blank, or only a comment.
pub(super) fn is_blank_or_comment(line: &[u8]) -> bool {
    match line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        None => true,
        Some(i) => line[i] == b'#',
    }
}

/// What the scan refused in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Nested deeper than the limit; `line` is 1-based within the input.
    TooDeep { line: u64 },
    /// More aliases than the limit.
    TooManyAliases { line: u64 },
    /// An alias of an anchored collection (or of an anchor whose value starts on another line).
    CollectionAlias { line: u64, name: String },
}

/// The structure of one document, fed line by line. Memory is bounded by the depth limit (the
/// level stack) and the document's own anchors.
pub(super) struct DepthScan {
    max_depth: usize,
    max_aliases: usize,
    /// Columns of the open block levels, innermost last.
    levels: Vec<usize>,
    /// Open flow brackets.
    flow: usize,
    /// Inside a quoted scalar that spans lines: its quote character.
    quote: Option<u8>,
    /// Inside a block scalar: lines indented more than this belong to it (-1: top level).
    block_scalar: Option<isize>,
    aliases: usize,
    /// Anchor name → whether it anchors a collection.
    anchors: HashMap<String, bool>,
    /// The deepest nesting seen so far.
    pub(super) deepest: usize,
}

impl DepthScan {
    pub(super) fn new(max_depth: usize, max_aliases: usize) -> DepthScan {
        DepthScan {
            max_depth,
            max_aliases,
            levels: Vec::new(),
            flow: 0,
            quote: None,
            block_scalar: None,
            aliases: 0,
            anchors: HashMap::new(),
            deepest: 0,
        }
    }

    fn depth(&self) -> usize {
        self.levels.len() + self.flow
    }

    fn check_depth(&mut self, line: u64) -> Result<(), Refusal> {
        self.deepest = self.deepest.max(self.depth());
        if self.depth() > self.max_depth {
            Err(Refusal::TooDeep { line })
        } else {
            Ok(())
        }
    }

    /// Scans one line (without its newline). `line_no` is 1-based, for messages. A `---` line
    /// passes only what follows the marker, as `content_from = 3`.
    pub(super) fn line(
        &mut self,
        line: &[u8],
        content_from: usize,
        line_no: u64,
    ) -> Result<(), Refusal> {
        // The reader hands lines over with their end (`\n` or `\r\n`): an alias at the end of a
        // line must not be named `a\n`, nor an anchor ending a line look like a scalar's.
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let indent = line.iter().take_while(|b| **b == b' ').count();
        if let Some(parent) = self.block_scalar {
            let blank = indent == line.len();
            if blank || indent as isize > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        let mut pos = content_from.max(indent);
        if self.quote.is_none() && self.flow == 0 {
            if pos >= line.len() || line[pos] == b'#' {
                return Ok(());
            }
            if content_from == 0 {
                self.enter_block_level(pos, line_no)?;
            }
            // Compact nesting on one line: each further `- ` / `? ` opens a collection at its
            // column (`- - x` is two sequences); what follows the last one opens a level only
            // when a more indented line continues it.
            let first = pos;
            while pos < line.len()
                && matches!(line[pos], b'-' | b'?')
                && matches!(line.get(pos + 1), None | Some(b' ' | b'\t'))
            {
                if pos > first {
                    self.enter_block_level(pos, line_no)?;
                }
                pos += 1;
                while pos < line.len() && matches!(line[pos], b' ' | b'\t') {
                    pos += 1;
                }
            }
        }
        let parent_indent = if content_from > 0 {
            -1
        } else {
            indent as isize
        };
        self.content(line, pos, parent_indent, line_no)
    }

    /// A block level starting at `column`: levels indented at least as much are closed first.
    fn enter_block_level(&mut self, column: usize, line_no: u64) -> Result<(), Refusal> {
        while self.levels.last().is_some_and(|top| *top > column) {
            self.levels.pop();
        }
        if self.levels.last().is_none_or(|top| *top < column) {
            self.levels.push(column);
        }
        self.check_depth(line_no)
    }

    /// The rest of a line: quotes, comments, flow brackets, anchors, aliases, block scalars.
    fn content(
        &mut self,
        line: &[u8],
        mut pos: usize,
        parent_indent: isize,
        line_no: u64,
    ) -> Result<(), Refusal> {
        // A token starts at the beginning of the content or after whitespace (and, inside flow
        // collections, after a bracket or comma). In block context a node starts only where a
        // value may (the start of the content, after `: `, after an anchor or tag): a bracket or
        // quote further into a plain scalar (`echo [x`, `don't`) is text.
        let mut token_start = true;
        let mut value_start = true;
        while pos < line.len() {
            let c = line[pos];
            if let Some(q) = self.quote {
                if q == b'"' && c == b'\\' {
                    pos += 2;
                    continue;
                }
                if c == q {
                    if q == b'\'' && line.get(pos + 1) == Some(&b'\'') {
                        pos += 2;
                        continue;
                    }
                    self.quote = None;
                }
                pos += 1;
                token_start = false;
                continue;
            }
            let node_start = token_start && (value_start || self.flow > 0);
            match c {
                b' ' | b'\t' => {
                    token_start = true;
                    pos += 1;
                    continue;
                }
                b'#' if token_start => return Ok(()),
                b':' if matches!(line.get(pos + 1), None | Some(b' ' | b'\t')) => {
                    pos += 1;
                    value_start = true;
                    token_start = true;
                    continue;
                }
                b'"' | b'\'' if node_start => self.quote = Some(c),
                b'[' | b'{' if node_start || self.flow > 0 => {
                    self.flow += 1;
                    self.check_depth(line_no)?;
                    pos += 1;
                    token_start = true;
                    continue;
                }
                b']' | b'}' if self.flow > 0 => self.flow -= 1,
                b',' if self.flow > 0 => {
                    pos += 1;
                    token_start = true;
                    continue;
                }
                b'!' if node_start => {
                    // A tag: the node follows it.
                    while pos < line.len() && !matches!(line[pos], b' ' | b'\t') {
                        pos += 1;
                    }
                    continue;
                }
                b'&' if node_start => {
                    let (name, end) = name_at(line, pos + 1);
                    let collection = anchors_collection(line, end);
                    self.anchors.insert(name, collection);
                    pos = end;
                    continue;
                }
                b'*' if node_start => {
                    let (name, end) = name_at(line, pos + 1);
                    self.aliases += 1;
                    if self.aliases > self.max_aliases {
                        return Err(Refusal::TooManyAliases { line: line_no });
                    }
                    if self.anchors.get(&name).copied().unwrap_or(false) {
                        return Err(Refusal::CollectionAlias {
                            line: line_no,
                            name,
                        });
                    }
                    pos = end;
                    token_start = false;
                    value_start = false;
                    continue;
                }
                b'|' | b'>' if node_start && self.flow == 0 => {
                    let rest = &line[pos + 1..];
                    let header_end = rest
                        .iter()
                        .position(|b| !matches!(b, b'0'..=b'9' | b'+' | b'-'))
                        .unwrap_or(rest.len());
                    if is_blank_or_comment(&rest[header_end..])
                        && (header_end == rest.len() || matches!(rest[header_end], b' ' | b'\t'))
                    {
                        self.block_scalar = Some(parent_indent);
                        return Ok(());
                    }
                }
                _ => {}
            }
            token_start = false;
            if self.flow == 0 {
                value_start = false;
            }
            pos += 1;
        }
        Ok(())
    }
}

/// An anchor or alias name starting at `from`: up to whitespace or a flow indicator.
fn name_at(line: &[u8], from: usize) -> (String, usize) {
    let end = line[from.min(line.len())..]
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b',' | b'[' | b']' | b'{' | b'}'))
        .map_or(line.len(), |i| from + i);
    (
        String::from_utf8_lossy(&line[from.min(end)..end]).into_owned(),
        end,
    )
}

/// Whether the node an anchor ending at `from` names is (or may be) a collection: a flow
/// bracket follows, or nothing does on this line (a block collection below). Tags are skipped.
fn anchors_collection(line: &[u8], from: usize) -> bool {
    let mut rest = &line[from.min(line.len())..];
    loop {
        let start = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t'))
            .unwrap_or(rest.len());
        rest = &rest[start..];
        if rest.first() == Some(&b'!') {
            let end = rest
                .iter()
                .position(|b| matches!(b, b' ' | b'\t'))
                .unwrap_or(rest.len());
            rest = &rest[end..];
            continue;
        }
        return match rest.first() {
            None | Some(b'#') | Some(b'[') | Some(b'{') => true,
            Some(_) => false,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, max_depth: usize) -> Result<usize, Refusal> {
        let mut s = DepthScan::new(max_depth, 1000);
        let mut deepest = 0;
        for (i, line) in text.lines().enumerate() {
            s.line(line.as_bytes(), 0, i as u64 + 1)?;
            deepest = deepest.max(s.deepest);
        }
        Ok(deepest)
    }

    #[test]
    fn counts_block_levels_compact_sequences_and_flow_brackets() {
        let doc = "metadata:\n  name: a\n  labels: {x: y}\nspec:\n  command: [sh, -c, \"echo [x]\"]\n  resources:\n    cpu: 1\n";
        assert_eq!(scan(doc, 64), Ok(3));
        assert_eq!(scan("- - - x\n", 64), Ok(3));
        assert_eq!(scan("- a: 1\n  b:\n    - c\n", 64), Ok(3));
        assert_eq!(scan("a: [[[[1]]]]\n", 64), Ok(5));
        // Brackets in quotes, comments and plain scalars after the first token do not nest.
        assert_eq!(
            scan("a: '[[[['\nb: \"{{{{\" # [[[[\nc: echo [x\n", 64),
            Ok(1)
        );
    }

    #[test]
    fn skips_block_scalars() {
        let doc = "a: |\n  [[[[[[\n  - - - -\n\n  {{{{\nb: >-\n    x\n";
        assert_eq!(scan(doc, 64), Ok(1));
        assert_eq!(scan("- |\n  [[[[\n- x\n", 2), Ok(1));
    }

    #[test]
    fn refuses_deep_flow_and_block_nesting_at_the_limit() {
        let flow = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert_eq!(scan(&flow, 64), Err(Refusal::TooDeep { line: 1 }));
        // A line is a block level of its own (one more than YAML counts for a bare flow
        // collection: the scan errs on the safe side).
        let ok = format!("{}{}", "[".repeat(63), "]".repeat(63));
        assert_eq!(scan(&ok, 64), Ok(64));
        let block: String = (0..70)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(scan(&block, 64), Err(Refusal::TooDeep { line: 65 }));
        let compact = format!("{}x\n", "- ".repeat(70));
        assert!(scan(&format!("{}x\n", "- ".repeat(64)), 64).is_ok());
        assert_eq!(scan(&compact, 64), Err(Refusal::TooDeep { line: 1 }));
    }

    #[test]
    fn a_quote_may_span_lines() {
        assert_eq!(scan("a: \"x\n  [[[[\n  y\"\nb: [1]\n", 64), Ok(2));
        assert_eq!(scan("a: 'it''s\n  [[[[ '\nb: 1\n", 64), Ok(1));
        // An apostrophe inside a plain scalar opens nothing.
        assert_eq!(scan("a: don't\nb: [1]\n", 64), Ok(2));
    }

    #[test]
    fn aliases_of_scalars_pass_and_of_collections_are_refused() {
        assert!(scan("a: &x hello\nb: *x\nc: [*x, *x]\n", 64).is_ok());
        assert_eq!(
            scan("a: &l [x, x]\nb: [*l, *l]\n", 64),
            Err(Refusal::CollectionAlias {
                line: 2,
                name: "l".into()
            })
        );
        assert!(matches!(
            scan("a: &m\n  k: v\nb: *m\n", 64),
            Err(Refusal::CollectionAlias { .. })
        ));
        assert!(matches!(
            scan("a: &t !!map {k: v}\nb: *t\n", 64),
            Err(Refusal::CollectionAlias { .. })
        ));
        let mut s = DepthScan::new(64, 3);
        let refused = s
            .line(b"a: &x 1", 0, 1)
            .and(s.line(b"b: [*x, *x, *x, *x]", 0, 2));
        assert_eq!(refused, Err(Refusal::TooManyAliases { line: 2 }));
    }

    #[test]
    fn markers_need_column_zero_and_a_separator() {
        assert_eq!(marker(b"---"), Marker::Start);
        assert_eq!(marker(b"--- {a: 1}"), Marker::Start);
        assert_eq!(marker(b"---\r"), Marker::Start);
        assert_eq!(marker(b"...\n"), Marker::End);
        assert_eq!(marker(b"----"), Marker::None);
        assert_eq!(marker(b" ---"), Marker::None);
        assert_eq!(marker(b"-- -"), Marker::None);
        assert!(is_blank_or_comment(b"   # x"));
        assert!(!is_blank_or_comment(b" a # x"));
    }
}
