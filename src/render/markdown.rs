//! Answers as Markdown text: every character Markdown would read as syntax is
//! escaped, so an answer can add neither a heading, a list, a link, an
//! image, raw HTML, emphasis, a table nor a code fence that would swallow the
//! rest of the document. The user's line breaks are kept.
//!
//! The Markdown templates escape every value with [`text`] by default (a
//! custom auto-escape, see `render::Renderer`); the `md_*` filters say which
//! escaping a place needs (a heading, a table cell, a code span).

/// Characters escaped wherever they are: inline syntax (emphasis, code
/// spans, links and images, autolinks and HTML, entities, tables,
/// strikethrough, math) and the backslash itself.
use super::blocks::Block;

const ALWAYS: &[char] = &['\\', '`', '*', '[', ']', '<', '>', '&', '|', '~', '$'];

/// Characters that only mean something at the start of a line: headings,
/// block quotes, list items, setext underlines, thematic breaks, definition
/// lists.
const LINE_START: &[char] = &['#', '>', '-', '+', '=', ':'];

/// A multi-line answer as Markdown paragraphs: blank lines separate
/// paragraphs, and a line break inside a paragraph stays a line break (a
/// CommonMark hard break, two spaces at the end of the line). Lines that
/// start with « - » are a list (`super::blocks`), their text escaped.
pub fn text(text: &str) -> String {
    super::blocks::blocks(&line_breaks_as_lf(text))
        .iter()
        .map(|block| match block {
            Block::Paragraph(lines) => lines
                .iter()
                .map(|l| escape_line(l, false))
                .collect::<Vec<_>>()
                .join("  \n"),
            Block::List(items) => items
                .iter()
                .map(|item| format!("- {}", escape_line(item, false)))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One line of text wherever it is put (a heading, a list item, after a
/// label): line breaks become spaces, and `#` is escaped everywhere so a
/// heading keeps its last characters.
pub fn inline(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    escape_line(&joined, true)
}

/// A table cell: like [`inline`], with line breaks kept as `<br>` (the
/// only HTML fiche writes itself) since a cell cannot span lines.
pub fn cell(text: &str) -> String {
    line_breaks_as_lf(text)
        .trim()
        .lines()
        .map(|l| inline(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A code span (an id): delimited by more backticks than the text holds, so
/// the text cannot close it; on one line.
pub fn code(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
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
fn line_breaks_as_lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Escapes one line (without line breaks) so it reads as plain text.
fn escape_line(line: &str, hashes: bool) -> String {
    // Control characters are shown, not written raw: a document printed on a
    // terminal (`-o -`, `cat`) must not run escape sequences either.
    let line = crate::sanitize::terminal(line.trim_start());
    let mut out = String::with_capacity(line.len() + 8);
    let ordered_marker = ordered_list_marker(&line);
    let mut before: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, next)| next);
        let escape = ALWAYS.contains(&c)
            || (i == 0 && LINE_START.contains(&c))
            || (hashes && c == '#')
            || (c == '_' && !between_alphanumerics(before, after))
            || Some(i) == ordered_marker;
        if escape {
            out.push('\\');
        }
        out.push(c);
        before = Some(c);
    }
    out
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
    fn cells_keep_breaks_as_br_and_escape_pipes() {
        assert_eq!(cell("a|b\n- c"), "a\\|b<br>\\- c");
    }

    #[test]
    fn code_spans_cannot_be_closed_by_the_text() {
        assert_eq!(code("donnees.sources[1]"), "`donnees.sources[1]`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\nb"), "`a b`");
    }
}
