//! Answers as Markdown text: every character Markdown would read as syntax is
//! escaped, so an answer can add neither a heading, a list, a link, an
//! image, raw HTML, emphasis, a table nor a code fence that would swallow the
//! rest of the document. The user's line breaks are kept.
//!
//! The Markdown templates escape every value with [`text`] by default (a
//! custom auto-escape, see `render::Renderer`); the `md_*` filters say which
//! escaping a place needs (a heading, a table cell, a code span).

use std::borrow::Cow;

use super::scan::{LATIN_LETTERS, terminal_clean_at, utf8_len};

/// Characters escaped wherever they are: inline syntax (emphasis, code
/// spans, links and images, autolinks and HTML, entities, tables,
/// strikethrough, math) and the backslash itself.
const ALWAYS: &[u8] = b"\\`*[]<>&|~$";

/// Characters that only mean something at the start of a line: headings,
/// block quotes, list items, setext underlines, thematic breaks, definition
/// lists.
const LINE_START: &[u8] = b"#>-+=:";

/// What [`escape_line_into`] does with a byte of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Copied as it is, with the bytes around it.
    Plain,
    /// Always escaped.
    Always,
    /// Escaped at the start of the line ([`LINE_START`]).
    LineStart,
    /// `#`: escaped at the start of the line, and everywhere in [`inline`].
    Hash,
    /// `_`: escaped unless inside a word.
    Underscore,
    /// `.` and `)`: escaped after the digits that start a line.
    ListMarker,
    /// A control character or the first byte of a non-ASCII character:
    /// the line may have to be shown with `crate::sanitize::terminal`.
    Check,
}

/// The class of every byte, so that a run of ordinary text is copied at once.
const CLASSES: [Class; 256] = {
    let mut table = [Class::Plain; 256];
    let mut b = 0;
    while b < 256 {
        let latin = b >= *LATIN_LETTERS.start() as usize && b <= *LATIN_LETTERS.end() as usize;
        table[b] = if b < 0x20 || b == 0x7f || (b >= 0xc0 && !latin) {
            Class::Check
        } else {
            Class::Plain
        };
        b += 1;
    }
    let mut i = 0;
    while i < LINE_START.len() {
        table[LINE_START[i] as usize] = Class::LineStart;
        i += 1;
    }
    let mut i = 0;
    while i < ALWAYS.len() {
        table[ALWAYS[i] as usize] = Class::Always;
        i += 1;
    }
    table[b'#' as usize] = Class::Hash;
    table[b'_' as usize] = Class::Underscore;
    table[b'.' as usize] = Class::ListMarker;
    table[b')' as usize] = Class::ListMarker;
    table
};

/// The bytes that need something after the start of a line (where line
/// start markers and `.` or `)` mean nothing), `#` aside.
const STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(CLASSES[b], Class::Always | Class::Underscore | Class::Check);
        b += 1;
    }
    table
};

/// A multi-line answer as Markdown paragraphs: blank lines separate
/// paragraphs, and a line break inside a paragraph stays a line break (a
/// CommonMark hard break, two spaces at the end of the line). Lines that
/// start with « - » are a list (`super::blocks`), their text escaped.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 8);
    text_into(&mut out, text);
    out
}

/// [`text`], written at the end of `out`: the blocks of
/// `super::blocks::blocks`, written as they are found.
pub fn text_into(out: &mut String, text: &str) {
    // Whether the last block written is a list; none before the first.
    let mut last: Option<bool> = None;
    // A blank line ends the block; the next line starts a new one.
    let mut open = false;
    for line in line_breaks_as_lf(text).lines().map(str::trim) {
        if line.is_empty() {
            open = false;
            continue;
        }
        let item = line.strip_prefix("- ").map(str::trim_start);
        let list = item.is_some();
        match last {
            Some(was_list) if open && was_list == list => {
                out.push_str(if list { "\n" } else { "  \n" })
            }
            Some(_) => out.push_str("\n\n"),
            None => {}
        }
        match item {
            Some(item) => {
                out.push_str("- ");
                escape_line_into(out, item, false);
            }
            None => escape_line_into(out, line, false),
        }
        last = Some(list);
        open = true;
    }
}

/// One line of text wherever it is put (a heading, a list item, after a
/// label): line breaks become spaces, and `#` is escaped everywhere so a
/// heading keeps its last characters.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    inline_into(&mut out, text);
    out
}

fn inline_into(out: &mut String, text: &str) {
    // Most texts already are their words joined by single spaces: only the
    // others are joined again.
    if single_spaced(text) {
        return escape_line_into(out, text, true);
    }
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    escape_line_into(out, &joined, true);
}

/// Whether `text` is its words (as `split_whitespace` cuts them: a
/// no-break space separates words too) joined by single spaces.
fn single_spaced(text: &str) -> bool {
    // A space at the start would be a leading one.
    let mut after_space = true;
    for c in text.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => after_space = true,
            c if c.is_whitespace() => return false,
            _ => after_space = false,
        }
    }
    !after_space || text.is_empty()
}

/// A table cell: like [`inline`], with line breaks kept as `<br>` (the
/// only HTML fiche writes itself) since a cell cannot span lines.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    cell_into(&mut out, text);
    out
}

/// [`cell`], written at the end of `out`.
pub fn cell_into(out: &mut String, text: &str) {
    let start = out.len();
    for line in line_breaks_as_lf(text).trim().lines() {
        let before = out.len();
        let separator = if before > start { "<br>" } else { "" };
        out.push_str(separator);
        inline_into(out, line.trim());
        if out.len() == before + separator.len() {
            // An empty line adds nothing, not even a separator.
            out.truncate(before);
        }
    }
}

/// A code span (an id): delimited by more backticks than the text holds, so
/// the text cannot close it; on one line.
pub fn code(text: &str) -> String {
    // Controls shown as in the rest of the document (an unknown key is the
    // file's own text).
    let text = crate::sanitize::terminal(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        return String::new();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space on each side when the text starts or ends with a backtick.
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// CommonMark ends a line at `\n`, `\r\n` and a lone `\r` alike.
fn line_breaks_as_lf(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Escapes one line (without line breaks) so it reads as plain text, at
/// the end of `out`.
fn escape_line_into(out: &mut String, line: &str, hashes: bool) {
    let line = line.trim_start();
    let start = out.len();
    if !escape_clean_line(out, line, hashes) {
        // Control characters are shown, not written raw: a document printed
        // on a terminal (`-o -`, `cat`) must not run escape sequences
        // either. The visible form is escaped like any text.
        out.truncate(start);
        let shown = crate::sanitize::terminal(line);
        let clean = escape_clean_line(out, &shown, hashes);
        debug_assert!(clean, "sanitize::terminal leaves nothing to show");
    }
}

/// Escapes `line` at the end of `out`, copying the runs of bytes that need
/// no escape at once; false (and `out` partly written) when the line holds
/// a character `crate::sanitize::terminal` would change.
fn escape_clean_line(out: &mut String, line: &str, hashes: bool) -> bool {
    let bytes = line.as_bytes();
    let ordered_marker = ordered_list_marker(line);
    // After the first byte and the list marker, only `STOPS` (and `#` in
    // headings) can need anything: the bytes between are skipped at once.
    let line_start = ordered_marker.map_or(1, |m| m + 1);
    // Start of the run not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i >= line_start {
            match bytes[i..]
                .iter()
                .position(|&b| STOPS[b as usize] || (hashes && b == b'#'))
            {
                Some(skipped) => i += skipped,
                None => break,
            }
        }
        let escape = match CLASSES[bytes[i] as usize] {
            Class::Plain => false,
            Class::Always => true,
            Class::LineStart => i == 0,
            Class::Hash => hashes || i == 0,
            Class::Underscore => {
                !between_alphanumerics(line[..i].chars().next_back(), line[i + 1..].chars().next())
            }
            Class::ListMarker => Some(i) == ordered_marker,
            Class::Check => {
                if !terminal_clean_at(line, i) {
                    return false;
                }
                i += utf8_len(bytes[i]);
                continue;
            }
        };
        if escape {
            out.push_str(&line[run..i]);
            out.push('\\');
            run = i;
        }
        i += 1;
    }
    out.push_str(&line[run..]);
    true
}

/// `_` inside a word (`nom_produit`) cannot start or end emphasis.
fn between_alphanumerics(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// The byte index of the `.` or `)` of `1984.` at the start of a line,
/// which would start an ordered list.
fn ordered_list_marker(line: &str) -> Option<usize> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping rules written character by character (as before the
    /// fast path), to compare with [`escape_line_into`].
    fn reference_line(line: &str, hashes: bool) -> String {
        let line = crate::sanitize::terminal(line.trim_start());
        let ordered_marker = ordered_list_marker(&line);
        let mut out = String::new();
        let mut before: Option<char> = None;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let after = chars.peek().map(|&(_, next)| next);
            let special = |set: &[u8]| c.is_ascii() && set.contains(&(c as u8));
            if special(ALWAYS)
                || (i == 0 && special(LINE_START))
                || (hashes && c == '#')
                || (c == '_' && !between_alphanumerics(before, after))
                || Some(i) == ordered_marker
            {
                out.push('\\');
            }
            out.push(c);
            before = Some(c);
        }
        out
    }

    /// [`text`] from `super::blocks::blocks` (as before it was written as
    /// it goes).
    fn reference_text(text: &str) -> String {
        use super::super::blocks::Block;
        super::super::blocks::blocks(&line_breaks_as_lf(text))
            .iter()
            .map(|block| match block {
                Block::Paragraph(lines) => lines
                    .iter()
                    .map(|l| reference_line(l, false))
                    .collect::<Vec<_>>()
                    .join("  \n"),
                Block::List(items) => items
                    .iter()
                    .map(|item| format!("- {}", reference_line(item, false)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn blocks_are_written_as_the_blocks_module_cuts_them() {
        let lines = [
            "", " ", "texte", "- item", "-  item", "-item", "- ", "-", "  - x", "# t", "\r",
            "1. un", "a  ", "\u{a0}",
        ];
        for a in lines {
            for b in lines {
                for c in lines {
                    for sep in ["\n", "\r\n", "\r", "\n\n"] {
                        let input = format!("{a}{sep}{b}\n{c}");
                        assert_eq!(text(&input), reference_text(&input), "{input:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_fast_path_escapes_like_the_rules_character_by_character() {
        let pieces = [
            "",
            " ",
            "a",
            "é",
            "_",
            "#",
            "1984.",
            "12)",
            "3",
            ".",
            ")",
            "-",
            "+",
            "=",
            ":",
            ">",
            "\\",
            "`",
            "*",
            "[",
            "]",
            "<",
            "&",
            "|",
            "~",
            "$",
            "x_y",
            "é_à",
            "ü_1",
            "_début",
            "fin_",
            "\t",
            "\u{1b}]52;c;eA==\u{7}",
            "\u{9b}31m",
            "\u{202e}",
            "\u{200b}",
            "\u{85}",
            "\u{a0}",
            "«\u{a0}x\u{a0}»",
            "—",
            "€",
            "👩‍💻",
            "\u{7f}",
            "\u{feff}",
            "\u{fffa}",
            "\u{2066}",
            "\u{61c}",
            "nom_produit",
            "  indenté",
        ];
        for a in pieces {
            for b in pieces {
                for c in ["", "_", "#", "x", "1.", "\u{9b}"] {
                    let line = format!("{a}{b}{c}");
                    for hashes in [false, true] {
                        let mut fast = String::from("avant ");
                        escape_line_into(&mut fast, &line, hashes);
                        assert_eq!(
                            fast,
                            format!("avant {}", reference_line(&line, hashes)),
                            "{line:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn line_start_markers_are_escaped_and_breaks_kept() {
        assert_eq!(
            text("# Faux titre\n+ item\n1984. année\n> citation\n===\n\nSuite"),
            "\\# Faux titre  \n\\+ item  \n1984\\. année  \n\\> citation  \n\\===\n\nSuite"
        );
    }

    #[test]
    fn dash_lines_are_a_list_whose_items_are_escaped() {
        assert_eq!(
            text("Consultées :\n- Aiguilleur (Gironde) : leurs *motifs*\n- - # titre <b>\nFin"),
            "Consultées :\n\n- Aiguilleur (Gironde) : leurs \\*motifs\\*\n- \\- # titre \\<b\\>\n\nFin"
        );
    }

    #[test]
    fn inline_syntax_is_escaped() {
        assert_eq!(
            text("<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://e/x.png)"),
            "\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) !\\[i\\](http://e/x.png)"
        );
        assert_eq!(
            text("a | b *c* _d_ `e` ~~f~~ &amp;"),
            "a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~\\~f\\~\\~ \\&amp;"
        );
        assert_eq!(text("```\ncode"), "\\`\\`\\`  \ncode");
        assert_eq!(text("a\r# b"), "a  \n\\# b");
    }

    #[test]
    fn ordinary_text_stays_readable() {
        let plain = "L'agent répond en 3 jours (contre 15), voir travail-emploi.gouv.fr.";
        assert_eq!(text(plain), plain);
        assert_eq!(text("identite.nom_produit"), "identite.nom_produit");
        assert_eq!(text("  indenté\n\n\n\nparagraphe"), "indenté\n\nparagraphe");
    }

    #[test]
    fn inline_text_stays_on_one_line_and_escapes_every_hash() {
        assert_eq!(
            inline("Nom\n\n<script>x</script>\n\n# Faux titre #"),
            "Nom \\<script\\>x\\</script\\> \\# Faux titre \\#"
        );
    }

    #[test]
    fn terminal_escapes_are_shown() {
        assert_eq!(text("a\x1b]52;c;eA==\x07b"), "a␛\\]52;c;eA==␇b");
    }

    #[test]
    fn single_spaced_texts_are_those_split_whitespace_would_not_change() {
        let samples = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "1\u{202f}000 €",
            "a\u{3000}b",
            "a\u{85}b",
            "a\u{2028}b",
            "« a » b",
            "l’été",
            "a b c d",
            "a b  c",
            "\u{a0}",
        ];
        for s in samples {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), joined == s, "{s:?}");
        }
    }

    #[test]
    fn cells_keep_breaks_as_br_and_escape_pipes() {
        assert_eq!(cell("a|b\n- c"), "a\\|b<br>\\- c");
    }

    #[test]
    fn code_spans_cannot_be_closed_by_the_text() {
        assert_eq!(code("donnees.sources[1]"), "`donnees.sources[1]`");
        assert_eq!(code("cle\u{1b}[31m"), "`cle␛[31m`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\nb"), "`a b`");
    }
}
