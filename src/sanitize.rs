//! Text read from files (answers, keys, section names, profile values) made
//! safe to print on a terminal: control characters are shown as visible
//! symbols instead of being interpreted.
//!
//! A hostile answers file could otherwise write to the clipboard (OSC 52),
//! change the window title, clear the screen, hide text behind a hyperlink or
//! reorder a line with bidi overrides. Every front end prints through these
//! functions; the library itself never writes to a terminal. A document's
//! metadata leaves the same characters out ([`metadata`]).

use std::borrow::Cow;
use std::fmt::Write;

/// Beyond this many characters an echoed value is cut (see [`shorten`]).
pub const ECHO_MAX_CHARS: usize = 200;

/// Text for a terminal, line breaks and tabs kept: every other control
/// character is shown visibly (`ESC` → `␛`, `BEL` → `␇`, C1 and bidi controls
/// as `<U+009B>`), so escape sequences (CSI, OSC, DCS) print as plain text.
/// A Windows line ending `\r\n` counts as a line break.
pub fn terminal(text: &str) -> Cow<'_, str> {
    sanitize(text, true, Controls::Pictures)
}

/// Like [`terminal`], with each C0 control and DEL written as its name
/// between angle brackets (`ESC` → `<ESC>`, `BEL` → `<BEL>`) instead of its
/// control picture: for the PDF. None of the fonts it embeds (Typst's
/// Libertinus Serif, New Computer Modern and DejaVu Sans Mono, cut down to
/// a few symbols of the block, and Noto Emoji) draws the control pictures
/// U+2400–U+2421, nor does any font on the build machine we could embed,
/// so `␛` printed as an empty box. The angle brackets are those of the code
/// points (`<U+202E>`) every format already shows for the other invisible
/// characters, so a reader sees one notation for what was not typed as text.
pub fn terminal_named(text: &str) -> Cow<'_, str> {
    sanitize(text, true, Controls::Names)
}

/// Like [`terminal`] for text that must stay on one line (a key, a section
/// name, an echoed answer): line breaks and tabs are shown too (`␊`, `␉`).
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    sanitize(text, false, Controls::Pictures)
}

/// A value echoed back in a message: on one line, made safe, and cut after
/// [`ECHO_MAX_CHARS`] characters with how much was left out.
pub fn echo(text: &str) -> String {
    terminal_line(&shorten(text, ECHO_MAX_CHARS)).into_owned()
}

/// `text` cut after `max_chars` characters, saying how many were left out
/// (`début… (12 345 caractères de plus)`).
pub fn shorten(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            Cow::Owned(format!(
                "{}… ({} de plus)",
                &text[..cut],
                crate::format::count(rest, "caractère", "caractères")
            ))
        }
    }
}

/// JSON text for a terminal: serde_json escapes C0 controls but writes C1,
/// bidi and other invisible format characters raw. They can only occur inside
/// JSON strings, where `\uXXXX` is the same value, so the data is unchanged.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_code(c) && !c.is_ascii()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_code(c) && !c.is_ascii() {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A cell of a CSV meant for a spreadsheet, from untrusted text (an answer,
/// a cell of a shared table): shown as [`terminal`] shows it, and a text a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return first, and not a number) gets a leading apostrophe, so a
/// reviewer opening the file runs nothing an applicant wrote.
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let shown = terminal(text);
    let formula =
        shown.starts_with(['=', '+', '-', '@', '\t', '\r']) && shown.parse::<f64>().is_err();
    if formula {
        Cow::Owned(format!("'{shown}"))
    } else {
        shown
    }
}

/// Text for a field that nobody reads character by character (a document's
/// title, author or subject in its metadata): the characters [`terminal_line`]
/// would show by a symbol or a code point are left out instead, line breaks
/// and tabs become spaces.
pub fn metadata(text: &str) -> Cow<'_, str> {
    if let Cow::Borrowed(clean) = terminal_line(text) {
        return Cow::Borrowed(clean);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if is_c0_or_del(c) || needs_code(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// How a C0 control or DEL is shown.
#[derive(Clone, Copy)]
enum Controls {
    /// `␛`, one character.
    Pictures,
    /// `<ESC>`, for fonts without the control pictures.
    Names,
}

fn sanitize(text: &str, keep_breaks: bool, controls: Controls) -> Cow<'_, str> {
    let clean =
        |c: char| !(is_c0_or_del(c) || needs_code(c)) || (keep_breaks && matches!(c, '\n' | '\t'));
    if text.chars().all(clean) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if keep_breaks && c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if clean(c) {
            out.push(c);
        } else if let (Controls::Names, Some(name)) = (controls, control_name(c)) {
            let _ = write!(out, "<{name}>");
        } else if let Some(picture) = control_picture(c) {
            out.push(picture);
        } else {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        }
    }
    Cow::Owned(out)
}

fn is_c0_or_del(c: char) -> bool {
    (c as u32) < 0x20 || c == '\u{7f}'
}

/// The Unicode "control pictures" block: `␀`…`␟` for C0, `␡` for DEL.
fn control_picture(c: char) -> Option<char> {
    match c as u32 {
        n @ 0..0x20 => char::from_u32(0x2400 + n),
        0x7f => Some('\u{2421}'),
        _ => None,
    }
}

/// The ASCII name of a C0 control or DEL, the one its control picture
/// draws (`␛` is `ESC`).
fn control_name(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
        "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB",
        "ESC", "FS", "GS", "RS", "US",
    ];
    match c as u32 {
        n @ 0..0x20 => Some(C0[n as usize]),
        0x7f => Some("DEL"),
        _ => None,
    }
}

/// Whether `text` shows nothing when printed: only spaces (no-break ones
/// included), controls and the invisible format characters a copy from a
/// web page or a word processor brings along (zero-width spaces and
/// joiners, word joiners, a byte order mark, soft hyphens, bidi marks,
/// variation selectors). Such a text is no answer.
pub fn shows_nothing(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || needs_code(c)
            || matches!(
                c,
                '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200c}' | '\u{200d}' | '\u{fe00}'
                    ..='\u{fe0f}'
            )
    })
}

/// C1 controls (`U+009B` is CSI on its own), bidi embeddings, overrides,
/// isolates and marks, invisible separators and line/paragraph separators:
/// shown by their code point.
fn needs_code(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "Assistant SRDT — été 2026\n\tdeux lignes 👩‍💻";
        assert!(matches!(terminal(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_are_shown_not_interpreted() {
        let osc52 = "a\x1b]52;c;ZWNobyBwd25lZA==\x07b";
        assert_eq!(terminal(osc52), "a␛]52;c;ZWNobyBwd25lZA==␇b");
        let title = "\x1b]0;pwned\x1b\\";
        assert_eq!(terminal(title), "␛]0;pwned␛\\");
        let clear = "\x1b[2J\x1b[H";
        assert_eq!(terminal(clear), "␛[2J␛[H");
        let link = "\x1b]8;;https://evil.example\x1b\\clic\x1b]8;;\x1b\\";
        assert_eq!(terminal(link), "␛]8;;https://evil.example␛\\clic␛]8;;␛\\");
    }

    #[test]
    fn c1_and_bidi_controls_are_shown_by_code_point() {
        assert_eq!(terminal("a\u{9b}2Jb"), "a<U+009B>2Jb");
        assert_eq!(terminal("\u{202e}txt.exe"), "<U+202E>txt.exe");
        assert_eq!(terminal("x\u{2066}y\u{2069}"), "x<U+2066>y<U+2069>");
        assert_eq!(terminal("a\u{2028}b"), "a<U+2028>b");
    }

    #[test]
    fn carriage_returns_cannot_overwrite_a_line() {
        assert_eq!(terminal("ok\r\nsuite"), "ok\nsuite");
        assert_eq!(terminal("faux\rvrai"), "faux␍vrai");
        assert_eq!(terminal("del\x7f"), "del␡");
    }

    #[test]
    fn named_controls_are_written_by_their_name_for_fonts_without_pictures() {
        assert_eq!(
            terminal_named("a\x1b[31mb\x07\0\x7f\rc\r\nd\te"),
            "a<ESC>[31mb<BEL><NUL><DEL><CR>c\nd\te"
        );
        assert_eq!(terminal_named("\u{202e}x\u{9b}"), "<U+202E>x<U+009B>");
        assert!(matches!(terminal_named("é ␛ 👩‍💻"), Cow::Borrowed(_)));
        // Each name is the one its picture draws.
        for (c, name) in [('\u{1b}', "ESC"), ('\u{7}', "BEL"), ('\u{1f}', "US")] {
            assert_eq!(control_name(c), Some(name));
        }
        assert_eq!(control_picture('\u{1f}'), Some('\u{241f}'));
    }

    #[test]
    fn one_line_text_shows_line_breaks() {
        assert_eq!(terminal_line("clé\ninventée\t!"), "clé␊inventée␉!");
        assert_eq!(terminal_line("a\r\nb"), "a␍␊b");
    }

    #[test]
    fn long_echoes_are_cut_and_say_how_much() {
        let long = "é".repeat(ECHO_MAX_CHARS + 1234);
        let echoed = echo(&long);
        assert!(echoed.starts_with(&"é".repeat(ECHO_MAX_CHARS)));
        assert!(echoed.ends_with("… (1\u{a0}234 caractères de plus)"));
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("abc", 2), "ab… (1 caractère de plus)");
    }

    #[test]
    fn metadata_leaves_out_what_a_terminal_would_show_by_code() {
        assert_eq!(
            metadata("Assis\u{202e}tant\u{200b} SRDT\u{2066}x\u{2069}\u{200f}\u{feff}\u{7}\u{9b}"),
            "Assistant SRDTx"
        );
        assert_eq!(metadata("deux\r\nlignes\tici"), "deux  lignes ici");
        // Joiners inside an emoji sequence are part of the text.
        assert!(matches!(metadata("Équipe 👩‍💻"), Cow::Borrowed("Équipe 👩‍💻")));
    }

    #[test]
    fn json_keeps_the_data_and_escapes_invisible_characters() {
        let value = serde_json::json!({ "v": "a\u{9b}b\u{202e}c\u{1b}é" });
        let text = serde_json::to_string(&value).unwrap();
        let safe = json(&text);
        assert!(!safe.contains('\u{9b}') && !safe.contains('\u{202e}'));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
