//! Template filters: French figures, safe Markdown, HTML paragraphs and CSS
//! strings.

use minijinja::{Environment, Value};

use super::blocks::Block;
use super::markdown;
use crate::format;

pub fn register(env: &mut Environment<'static>) {
    env.add_filter("fr_int", |v: Value| {
        number(&v).map(|n| format::integer(n.round() as i64))
    });
    env.add_filter("fr_decimal", |v: Value| number(&v).map(format::decimal));
    env.add_filter("fr_euros", |v: Value| number(&v).map(format::euros));
    env.add_filter("fr_percent", |v: Value| number(&v).map(format::percent));
    env.add_filter("md_cell", md_cell);
    env.add_filter("md_cells", md_cells);
    env.add_filter("md_text", md_text);
    env.add_filter("md_inline", md_inline);
    env.add_filter("md_code", md_code);
    env.add_filter("paragraphs", paragraphs);
    env.add_filter("css_string", css_string);
    env.add_filter("html_cell", html_cell);
}

fn number(v: &Value) -> Result<f64, minijinja::Error> {
    f64::try_from(v.clone()).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("« {v} » n’est pas un nombre"),
        )
    })
}

/// Text inside a Markdown table cell: no line breaks, every syntax
/// character escaped.
fn md_cell(text: &str) -> Value {
    Value::from_safe_string(markdown::cell(text))
}

/// The cells of a Markdown table row (a list of texts), each written as
/// [`md_cell`] writes it and followed by ` | `: `| {{ row | md_cells }}`
/// writes the row, without a loop in the template for each cell.
fn md_cells(cells: &Value) -> Result<Value, minijinja::Error> {
    let mut row = String::new();
    for cell in cells.try_iter()? {
        let text = cell.as_str().ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("« {cell} » n’est pas un texte"),
            )
        })?;
        markdown::cell_into(&mut row, text);
        row.push_str(" | ");
    }
    Ok(Value::from_safe_string(row))
}

/// A free-text answer as Markdown paragraphs, escaped so it cannot reshape
/// the document; the user's line breaks are kept.
fn md_text(text: &str) -> Value {
    Value::from_safe_string(markdown::text(text))
}

/// One line of Markdown text (a heading, a list item): escaped, line breaks
/// turned into spaces.
fn md_inline(text: &str) -> Value {
    Value::from_safe_string(markdown::inline(text))
}

/// A Markdown code span (an id) that its text cannot close.
fn md_code(text: &str) -> Value {
    Value::from_safe_string(markdown::code(text))
}

/// A multi-line answer as HTML paragraphs: blank lines separate paragraphs,
/// single line breaks are kept, lines starting with « - » are a list
/// (`super::blocks`); every character of the answer is escaped.
fn paragraphs(text: &str) -> Value {
    // Controls are shown by the XML escaping itself.
    let escape = super::xml::escape;
    let html = super::blocks::blocks(&text.replace("\r\n", "\n"))
        .iter()
        .map(|block| match block {
            Block::Paragraph(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                format!("<p>{}</p>", lines.join("<br>\n"))
            }
            Block::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", escape(i)))
                    .collect();
                format!("<ul>\n{}\n</ul>", items.join("\n"))
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    Value::from_safe_string(html)
}

/// Longer than this, a word may not fit a narrow table column.
const LONG_WORD: usize = 20;
/// A French word up to this long keeps its hyphenation instead.
const LONG_FRENCH_WORD: usize = 30;

/// A table cell's text, escaped, each word longer than a narrow column (a
/// file name, an identifier, a web address) in a `<span class="mot-long">`,
/// which the stylesheet lets break anywhere. Table cells wrap only between
/// words (`overflow-wrap: break-word`), so « Nature » or « personnelles »
/// are never cut in the middle; a long word, without its own rule, would
/// widen its column past the page.
fn html_cell(text: &str) -> Value {
    // Terminal controls shown first, then escaped as every HTML value is.
    let text = super::scan::terminal(text);
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_whitespace() {
            push_word(&mut out, &word);
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.pop();
    Value::from_safe_string(out)
}

/// `word`, escaped, marked when it is long.
fn push_word(out: &mut String, word: &str) {
    let n = word.chars().count();
    let french = n <= LONG_FRENCH_WORD && word.chars().all(char::is_alphabetic);
    if n <= LONG_WORD || french {
        out.push_str(&html_escape(word));
    } else {
        out.push_str("<span class=\"mot-long\">");
        out.push_str(&html_escape(word));
        out.push_str("</span>");
    }
}

/// Escaped as minijinja escapes every other value of an HTML document.
fn html_escape(text: &str) -> String {
    minijinja::HtmlEscape(text).to_string()
}

/// A quoted CSS string (for `content:` in print margins): quotes,
/// backslashes, line breaks and `<` are escaped, so an answer can neither
/// end the string nor the `<style>` element.
fn css_string(text: &str) -> Value {
    let mut out = String::from("\"");
    for c in crate::sanitize::terminal_line(text).chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' => {
                out.push_str(&format!("\\{:x} ", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_marks_only_its_long_words_escaped_and_whole() {
        let cell =
            html_cell("Base <b> : chemin/vers/mon_fichier_long.csv et anticonstitutionnellement");
        assert_eq!(
            cell.as_str().unwrap(),
            "Base &lt;b&gt; : <span class=\"mot-long\">chemin&#x2f;vers&#x2f;mon_fichier_long.csv</span> et anticonstitutionnellement"
        );
    }

    #[test]
    fn paragraphs_escape_and_keep_breaks() {
        let html = paragraphs("Un <script>alert(1)</script>\nsuite\n\nDeux & trois");
        assert_eq!(
            html.as_str().unwrap(),
            "<p>Un &lt;script&gt;alert(1)&lt;/script&gt;<br>\nsuite</p>\n<p>Deux &amp; trois</p>"
        );
    }

    #[test]
    fn dash_lines_are_an_escaped_html_list() {
        let html = paragraphs("Vues :\n- Aiguilleur <b>\n- Tri & co\n\nFin");
        assert_eq!(
            html.as_str().unwrap(),
            "<p>Vues :</p>\n<ul>\n<li>Aiguilleur &lt;b&gt;</li>\n<li>Tri &amp; co</li>\n</ul>\n<p>Fin</p>"
        );
    }

    #[test]
    fn a_row_of_cells_is_each_cell_as_md_cell_writes_it() {
        let cells = [
            "Code du travail",
            "",
            "a|b\n- c",
            "  \n\n  ",
            "# x_y _z_ <b> 1. un\r\ndeux",
            "\u{1b}[31m rouge",
        ];
        let row = md_cells(&Value::from(minijinja::value::Serde(cells))).unwrap();
        let expected: String = cells
            .iter()
            .map(|c| format!("{} | ", md_cell(c).as_str().unwrap()))
            .collect();
        assert_eq!(row.as_str().unwrap(), expected);
        assert!(row.is_safe());
        assert!(md_cells(&Value::from(minijinja::value::Serde([1, 2]))).is_err());
    }

    #[test]
    fn css_strings_cannot_escape_their_quotes_or_the_style_element() {
        let css = css_string("a\"b\\c</style>");
        assert_eq!(css.as_str().unwrap(), "\"a\\22 b\\5c c\\3c /style\\3e \"");
    }
}
