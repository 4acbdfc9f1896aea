//! Byte scans shared by the escapes of the text formats: most of an answer
//! is ASCII letters and accented Latin letters that no escape changes, so
//! they are skipped by the byte rather than decoded character by character.

use std::borrow::Cow;

/// First bytes of U+00C0–U+017F (accented Latin letters, `Œ`, `œ`), which
/// `crate::sanitize::terminal` never changes and XML holds as they are
/// (tests check both).
pub const LATIN_LETTERS: std::ops::RangeInclusive<u8> = 0xc3..=0xc5;

/// The length of the UTF-8 character starting with `first` (an ASCII byte
/// or a leading byte).
pub fn utf8_len(first: u8) -> usize {
    match first {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// Whether the character at byte `i` of `text` (a control or a non-ASCII
/// character) is shown as it is by `crate::sanitize::terminal`.
pub fn terminal_clean_at(text: &str, i: usize) -> bool {
    let len = utf8_len(text.as_bytes()[i]);
    matches!(
        crate::sanitize::terminal(&text[i..i + len]),
        Cow::Borrowed(_)
    )
}

/// `crate::sanitize::terminal(text)`, deciding by the byte when nothing is
/// to show differently (the common case).
pub fn terminal(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII but controls, accented Latin letters and the bytes that
        // continue a character are skipped at once.
        match bytes[i..].iter().position(|&b| {
            (b < 0x20 && b != b'\n' && b != b'\t')
                || b == 0x7f
                || (b >= 0xc0 && !LATIN_LETTERS.contains(&b))
        }) {
            Some(skipped) => i += skipped,
            None => break,
        }
        if !terminal_clean_at(text, i) {
            return crate::sanitize::terminal(text);
        }
        i += utf8_len(bytes[i]);
    }
    Cow::Borrowed(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_gives_what_sanitize_gives() {
        let samples = [
            "",
            "Assistant SRDT — été 2026\n\tdeux lignes 👩‍💻",
            "a\x1b]52;c;eA==\x07b",
            "\u{9b}31m \u{202e}txt \u{200b} \u{feff} \u{85}",
            "a\r\nb\rc",
            "Œuvre « citée » à 1\u{a0}000\u{a0}€ ’",
            "\u{7f}\u{0}",
            "\u{2066}x\u{2069} \u{61c} \u{fffa}",
        ];
        for s in samples {
            assert_eq!(terminal(s), crate::sanitize::terminal(s), "{s:?}");
            let borrowed = matches!(terminal(s), Cow::Borrowed(_));
            let reference = matches!(crate::sanitize::terminal(s), Cow::Borrowed(_));
            assert_eq!(borrowed, reference, "{s:?}");
        }
    }

    #[test]
    fn latin_letters_are_never_changed_for_the_terminal_nor_xml() {
        for c in '\u{c0}'..='\u{17f}' {
            let s = c.to_string();
            assert!(LATIN_LETTERS.contains(&s.as_bytes()[0]), "{c:?}");
            assert!(
                matches!(crate::sanitize::terminal(&s), Cow::Borrowed(_)),
                "{c:?}"
            );
            assert!(!c.is_control(), "{c:?}");
        }
    }
}
