//! XML for the OpenDocument templates (`*.xml.j2`): every value a template
//! prints is escaped and stripped of the characters XML cannot hold, so no
//! answer (`<`, `&`, `]]>`, a control character pasted from another tool)
//! can break or reshape the document; two filters turn multi-line answers
//! into OpenDocument paragraphs and line breaks.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Output};

use super::blocks::Block;

/// The auto-escape mode of the XML templates (the renderer's formatter
/// calls [`format_value`] for it).
pub const AUTO_ESCAPE: AutoEscape = AutoEscape::Custom(std::borrow::Cow::Borrowed("xml"));

pub fn register(env: &mut Environment<'static>) {
    env.add_filter("odt_lines", odt_lines);
    env.add_filter("odt_paragraphs", odt_paragraphs);
}

/// Text as XML character data: markup characters escaped, and controls
/// shown as the other formats show them (`crate::sanitize::terminal`:
/// `ESC` → `␛`, a bidi override → `<U+202E>`), so an answer cannot reorder
/// or hide text in the document; what XML 1.0 still forbids (U+FFFE/U+FFFF)
/// is removed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`], written at the end of `out`: runs of bytes that stay as they
/// are copied at once.
pub fn escape_into(out: &mut String, text: &str) {
    let shown = super::scan::terminal(text);
    let text: &str = &shown;
    let bytes = text.as_bytes();
    // Start of the run not yet copied.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip at once what stays as it is.
        match bytes[i..].iter().position(|&b| {
            matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0..0x09 | 0x0b..0x20 | 0x7f | 0xc2 | 0xef)
        }) {
            Some(skipped) => i += skipped,
            None => break,
        }
        let b = bytes[i];
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            b'\t' | b'\n' => {
                i += 1;
                continue;
            }
            0..0x20 | 0x7f => "",
            // C1 controls (U+0080–U+009F) and U+FFFE/U+FFFF start so.
            0xc2 | 0xef => {
                let c = text[i..].chars().next().unwrap_or_default();
                if !(c.is_control() || c == '\u{fffe}' || c == '\u{ffff}') {
                    i += c.len_utf8();
                    continue;
                }
                ""
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += super::scan::utf8_len(b);
        run = i;
    }
    out.push_str(&text[run..]);
}

/// Prints a value in an XML template: escaped, unless a filter of this
/// module already made it markup (a safe string); nothing for an undefined
/// value.
pub fn format_value(out: &mut Output, value: &Value) -> Result<(), minijinja::Error> {
    if value.is_undefined() {
        return Ok(());
    }
    let text = match (value.is_safe(), value.as_str()) {
        (true, Some(s)) => return out.write_str(s).map_err(minijinja::Error::from),
        (false, Some(s)) => escape(s),
        _ => escape(&value.to_string()),
    };
    out.write_str(&text).map_err(minijinja::Error::from)
}

/// The justified body text style, and its left-aligned variant for a
/// paragraph of several lines (both in `styles.odt.xml.j2`).
const BODY: &str = "Text_20_body";
const BODY_LINES: &str = "Text_20_body_20_lines";

/// One answer inside an existing paragraph or cell: escaped, line breaks
/// kept as `<text:line-break/>`.
fn odt_lines(text: &str) -> Value {
    let lines: Vec<String> = normalise(text).lines().map(escape).collect();
    Value::from_safe_string(lines.join("<text:line-break/>"))
}

/// A multi-line answer as OpenDocument paragraphs of style `style`
/// (`Text_20_body` by default): blank lines separate paragraphs, single
/// line breaks are kept, lines starting with « - » are a bulleted list
/// (`super::blocks`).
fn odt_paragraphs(text: &str, style: Option<&str>) -> Value {
    let style = escape(style.unwrap_or(BODY));
    let xml = super::blocks::blocks(&normalise(text))
        .iter()
        .map(|block| match block {
            Block::Paragraph(lines) => {
                // Word and LibreOffice stretch a justified line that ends in
                // a manual break across the page: lines kept as written are
                // aligned left instead.
                let style = if lines.len() > 1 && style == BODY {
                    BODY_LINES.to_string()
                } else {
                    style.clone()
                };
                let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                format!(
                    "<text:p text:style-name=\"{style}\">{}</text:p>",
                    lines.join("<text:line-break/>")
                )
            }
            Block::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| {
                        format!(
                            "<text:list-item><text:p text:style-name=\"List_20_Contents\">{}</text:p></text:list-item>",
                            escape(i)
                        )
                    })
                    .collect();
                format!(
                    "<text:list text:style-name=\"List_20_1\">{}</text:list>",
                    items.concat()
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    Value::from_safe_string(xml)
}

/// Windows and old Mac line endings as `\n`, surrounding blanks trimmed.
fn normalise(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`escape`] character by character, as before it copied runs.
    fn reference(text: &str) -> String {
        let mut out = String::new();
        for c in crate::sanitize::terminal(text).chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&apos;"),
                '\t' | '\n' => out.push(c),
                c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn runs_are_escaped_like_each_character() {
        let pieces = [
            "",
            "a",
            "é",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "\t",
            "\n",
            "\r",
            "\u{0}",
            "\u{1b}",
            "\u{7f}",
            "\u{80}",
            "\u{85}",
            "\u{9f}",
            "\u{a0}",
            "«",
            "\u{fffe}",
            "\u{ffff}",
            "\u{fffd}",
            "\u{feff}",
            "\u{202e}",
            "\r\n",
            "€",
            "👩‍💻",
            "]]>",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}x{c}");
                    assert_eq!(escape(&text), reference(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn markup_is_escaped_controls_shown_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("a < b & c ]]> \"d\" 'e'\u{0}\u{7}\u{1b}[31m\u{85}\u{ffff}\tf"),
            "a &lt; b &amp; c ]]&gt; &quot;d&quot; &apos;e&apos;␀␇␛[31m&lt;U+0085&gt;\tf"
        );
        // A bidi override would reverse the rest of the line in LibreOffice.
        assert_eq!(
            escape("Trieur \u{202e}evil\u{200b}"),
            "Trieur &lt;U+202E&gt;evil&lt;U+200B&gt;"
        );
    }

    #[test]
    fn dash_lines_are_an_opendocument_list() {
        let xml = odt_paragraphs("Vues :\n- Aiguilleur <b>\n- Tri", None);
        assert_eq!(
            xml.as_str().unwrap(),
            "<text:p text:style-name=\"Text_20_body\">Vues :</text:p>\n<text:list text:style-name=\"List_20_1\"><text:list-item><text:p text:style-name=\"List_20_Contents\">Aiguilleur &lt;b&gt;</text:p></text:list-item><text:list-item><text:p text:style-name=\"List_20_Contents\">Tri</text:p></text:list-item></text:list>"
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_keep_line_breaks() {
        let xml = odt_paragraphs("Un <b>\r\nsuite\n\n\nDeux & trois\n", None);
        assert_eq!(
            xml.as_str().unwrap(),
            "<text:p text:style-name=\"Text_20_body_20_lines\">Un &lt;b&gt;<text:line-break/>suite</text:p>\n\
             <text:p text:style-name=\"Text_20_body\">Deux &amp; trois</text:p>"
        );
    }

    #[test]
    fn templates_escape_every_printed_value() {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AUTO_ESCAPE);
        env.set_formatter(|out, _state, value| format_value(out, value));
        register(&mut env);
        env.add_template(
            "t.xml.j2",
            "<text:p>{{ v }}|{{ n }}|{{ missing }}|{{ v | odt_lines }}</text:p>",
        )
        .unwrap();
        let out = env
            .get_template("t.xml.j2")
            .unwrap()
            .render(minijinja::context! { v => "</text:p>\n<x/>", n => 3 })
            .unwrap();
        assert_eq!(
            out,
            "<text:p>&lt;/text:p&gt;\n&lt;x/&gt;|3||&lt;/text:p&gt;<text:line-break/>&lt;x/&gt;</text:p>"
        );
    }
}
