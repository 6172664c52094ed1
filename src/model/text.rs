//! Control characters in text people give (labels, images, names, env values) and text shown on a terminal: refusing them where they can never be legitimate, and escaping them wherever text is printed.
//!
//! A control character is what Unicode calls one (category Cc): C0 (U+0000–U+001F), DEL (U+007F)
//! and C1 (U+0080–U+009F). ESC (U+001B) and CSI (U+009B) start terminal escape sequences, so a
//! value that holds them could rewrite the terminal of whoever prints it. Escaped, a control
//! character reads as Rust writes it: `\u{1b}`, `\n`, `\t`, `\r`, `\0`.

use std::borrow::Cow;

use super::spec::FieldError;

/// `text` with every control character escaped (`\u{1b}`, `\n`, ...); borrowed when it has none.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    escape_control_except(text, &[])
}

/// `text` with every control character but those in `keep` escaped (an error message keeps its
/// line breaks: `keep = ['\n']`).
pub fn escape_control_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !text.chars().any(|c| c.is_control() && !keep.contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && !keep.contains(&c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Refuses a value holding any control character (labels, annotations, images, paths: nothing
/// legitimate there needs one); the message shows the first one escaped, never raw.
pub fn reject_control_chars(field: &str, value: &str) -> Result<(), FieldError> {
    reject_control_except(field, value, &[])
}

/// Refuses an environment variable's value holding a control character other than a line break
/// or a tab (which values such as certificates and scripts legitimately hold): ESC, CR, NUL, DEL
/// and C1 are refused.
pub fn reject_env_control_chars(field: &str, value: &str) -> Result<(), FieldError> {
    reject_control_except(field, value, &['\n', '\t'])
}

fn reject_control_except(field: &str, value: &str, allowed: &[char]) -> Result<(), FieldError> {
    match value
        .chars()
        .find(|c| c.is_control() && !allowed.contains(c))
    {
        None => Ok(()),
        Some(c) => Err(FieldError {
            field: escape_control(field).into_owned(),
            message: format!(
                "must not contain the control character `{}` (in `{}`)",
                c.escape_debug(),
                escape_control(value)
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert!(matches!(escape_control("plain ü 日本"), Cow::Borrowed(_)));
        assert_eq!(escape_control("k=\x1b[31mred"), "k=\\u{1b}[31mred");
        assert_eq!(escape_control("a\u{9b}b\u{7f}"), "a\\u{9b}b\\u{7f}");
        assert_eq!(escape_control("a\nb\tc\r\0"), "a\\nb\\tc\\r\\0");
        assert_eq!(escape_control_except("a\nb\x1b", &['\n']), "a\nb\\u{1b}");
    }

    #[test]
    fn values_with_control_characters_are_refused_showing_them_escaped() {
        let err = reject_control_chars("metadata.labels.k", "\x1b]0;pwned\x07").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("\\u{1b}"), "{text}");
        assert!(!text.chars().any(char::is_control), "{text:?}");
        for bad in ["\u{7f}", "\u{85}", "\u{9b}31m", "a\nb", "\t"] {
            assert!(reject_control_chars("f", bad).is_err(), "{bad:?}");
        }
        assert!(reject_control_chars("f", "ünïcode 日本 ok").is_ok());
        assert!(reject_env_control_chars("spec.env.CERT", "line1\nline2\tx").is_ok());
        for bad in ["\x1b[2J", "a\rb", "\0", "\u{7f}", "\u{9b}"] {
            assert!(
                reject_env_control_chars("spec.env.X", bad).is_err(),
                "{bad:?}"
            );
        }
    }
}
