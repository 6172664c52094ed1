//! A unified-style line diff (`---`/`+++` headers, `@@` hunks with three lines of context), for showing what a dry run would change.

/// How far a hunk reaches around a change.
const CONTEXT: usize = 3;
/// Above this many line pairs the diff does not look for common lines (old out, new in).
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// The diff of `old` and `new`, labelled; empty when they are equal.
pub fn unified(old_label: &str, new_label: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let script = edits(&a, &b);
    if script.iter().all(|(op, _)| *op == Op::Same) {
        return String::new();
    }
    let mut out = format!("--- {old_label}\n+++ {new_label}\n");
    for (start, end) in hunks(&script) {
        out.push_str(&hunk(&script, start, end));
    }
    out
}

/// The shortest edit script from `a` to `b` (longest common subsequence).
fn edits<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > MAX_CELLS {
        let mut out: Vec<(Op, &str)> = a.iter().map(|l| (Op::Removed, *l)).collect();
        out.extend(b.iter().map(|l| (Op::Added, *l)));
        return out;
    }
    // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let width = m + 1;
    let mut common = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i * width + j] = if a[i] == b[j] {
                common[(i + 1) * width + j + 1] + 1
            } else {
                common[(i + 1) * width + j].max(common[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n + m);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((Op::Same, a[i]));
            i += 1;
            j += 1;
        } else if common[(i + 1) * width + j] >= common[i * width + j + 1] {
            out.push((Op::Removed, a[i]));
            i += 1;
        } else {
            out.push((Op::Added, b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| (Op::Removed, *l)));
    out.extend(b[j..].iter().map(|l| (Op::Added, *l)));
    out
}

/// Ranges of the script to print: each change with its context, nearby changes merged.
fn hunks(script: &[(Op, &str)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, (op, _)) in script.iter().enumerate() {
        if *op == Op::Same {
            continue;
        }
        let start = at.saturating_sub(CONTEXT);
        let end = (at + CONTEXT + 1).min(script.len());
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// One `@@ -l,s +l,s @@` hunk over `script[start..end]`.
fn hunk(script: &[(Op, &str)], start: usize, end: usize) -> String {
    let before = &script[..start];
    let old_at = before.iter().filter(|(op, _)| *op != Op::Added).count();
    let new_at = before.iter().filter(|(op, _)| *op != Op::Removed).count();
    let lines = &script[start..end];
    let old_len = lines.iter().filter(|(op, _)| *op != Op::Added).count();
    let new_len = lines.iter().filter(|(op, _)| *op != Op::Removed).count();
    // Unified diffs number from 1; an empty side names the line before it.
    let first = |at: usize, len: usize| if len == 0 { at } else { at + 1 };
    let mut out = format!(
        "@@ -{},{old_len} +{},{new_len} @@\n",
        first(old_at, old_len),
        first(new_at, new_len)
    );
    for (op, line) in lines {
        let mark = match op {
            Op::Same => ' ',
            Op::Removed => '-',
            Op::Added => '+',
        };
        out.push(mark);
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a", "b", "x\ny\n", "x\ny\n"), "");
    }

    #[test]
    fn a_change_in_the_middle_gets_context_and_line_numbers() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
        assert_eq!(
            unified("old", "new", old, new),
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn far_apart_changes_make_two_hunks_and_near_ones_merge() {
        let lines = |changed: &[usize]| -> String {
            (1..=20)
                .map(|i| {
                    if changed.contains(&i) {
                        format!("line {i} changed\n")
                    } else {
                        format!("line {i}\n")
                    }
                })
                .collect()
        };
        let d = unified("a", "b", &lines(&[]), &lines(&[2, 18]));
        assert_eq!(d.matches("@@ ").count(), 2, "{d}");
        let d = unified("a", "b", &lines(&[]), &lines(&[2, 5]));
        assert_eq!(d.matches("@@ ").count(), 1, "{d}");
        assert!(d.starts_with("--- a\n+++ b\n@@ -1,8 +1,8 @@\n"), "{d}");
    }

    #[test]
    fn added_and_removed_documents() {
        assert_eq!(
            unified("p (not stored)", "p (file)", "", "a\nb\n"),
            "--- p (not stored)\n+++ p (file)\n@@ -0,0 +1,2 @@\n+a\n+b\n"
        );
        assert_eq!(
            unified("p (stored)", "p (deleted)", "a\n", ""),
            "--- p (stored)\n+++ p (deleted)\n@@ -1,1 +0,0 @@\n-a\n"
        );
    }
}
