//! French typography for the HTML and OpenDocument documents: a browser
//! (and LibreOffice) wraps a line at an ordinary space even before a sign,
//! so « ; », « : », « ! », « ? » or « » » could start a line and « « » end
//! one; they would also end a line with the « L. » of « L. 312-1-3 ».
//! Typst keeps the sign with the word before it (checked on a PDF
//! full of them), so the PDF data only gets the legal references' no-break
//! spaces (`crate::render::pdf::data`); Markdown is left alone, a source
//! also read and edited as plain text, where an invisible no-break space
//! would surprise. The texts (form, answers, coach messages, business-case
//! sentences, the templates' own words) are written with ordinary spaces;
//! [`french_spacing`] makes the spaces that must not break no-break spaces.
//!
//! It is applied once, as a pass over the rendered page (or OpenDocument
//! XML part) rather than to each
//! value, because the templates' own text needs it too (« Attention : »)
//! and a value escaped on its own cannot see the sign that follows it in
//! the template. The pass changes only text nodes: tags and their
//! attributes (`href="mailto:…"`), comments, and the content of `<style>`,
//! `<script>`, `<pre>`, `<code>` and `<textarea>` (CSS selectors such as
//! `a :hover`, identifiers) are copied untouched. URLs and e-mail addresses
//! in the text are not changed either, as `french_spacing` only turns a
//! space before a sign into a no-break space and they contain no space.

use crate::typography::french_spacing;

/// Elements whose content is not French text.
const RAW: [&str; 5] = ["style", "script", "pre", "code", "textarea"];

/// `html` (or XML) with the spaces of its text nodes made no-break where
/// French typography asks for it (see the module doc). Everything else is
/// kept.
pub fn french_spacing_markup(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 64);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&french_spacing(&rest[..start]));
        rest = &rest[start..];
        let end = markup_end(rest);
        let markup = &rest[..end];
        out.push_str(markup);
        rest = &rest[end..];
        if let Some(name) = raw_element(markup) {
            let close = find_ignore_case(rest, &format!("</{name}")).unwrap_or(rest.len());
            out.push_str(&rest[..close]);
            rest = &rest[close..];
        }
    }
    out.push_str(&french_spacing(rest));
    out
}

/// The length of the comment or tag `markup` starts with (its `<`), up to
/// and including its `>`, skipping a `>` inside a quoted attribute; the
/// whole of `markup` if it is not closed.
fn markup_end(markup: &str) -> usize {
    if markup.starts_with("<!--") {
        return markup.find("-->").map_or(markup.len(), |i| i + 3);
    }
    let mut quote = None;
    for (i, c) in markup.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    markup.len()
}

/// The name of the raw element `tag` opens (see [`RAW`]), if it does: an
/// HTML one, never an XML one with a prefix (`<style:style>`).
fn raw_element(tag: &str) -> Option<&'static str> {
    let name: String = tag
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'))
        .collect();
    RAW.into_iter()
        .find(|raw| name.eq_ignore_ascii_case(raw) && !tag.ends_with("/>"))
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_nodes_get_no_break_spaces() {
        assert_eq!(
            french_spacing_markup("<p>Budget : « 2 070 224 € » ; ratio ?</p>"),
            "<p>Budget\u{a0}: «\u{a0}2\u{a0}070\u{a0}224\u{a0}€\u{a0}»\u{a0}; ratio\u{a0}?</p>"
        );
        assert_eq!(
            french_spacing_markup("<span>Attention :</span> texte !"),
            "<span>Attention\u{a0}:</span> texte\u{a0}!"
        );
    }

    #[test]
    fn tags_comments_styles_and_code_are_untouched() {
        for html in [
            "<style>\na :hover { color : red ; }\n</style>",
            "<STYLE>a :b</STYLE>",
            "<script>if (a ? b : c) {}</script>",
            "<code>a : b</code>",
            "<pre>x ; y</pre>",
            "<a title=\"a : b\" href=\"mailto:x@y.fr\">x@y.fr</a>",
            "<a title='a > b ; c'>https://x.fr/a:b</a>",
            "<!-- a : b -->",
            "<p>unclosed : <",
        ] {
            let expected = html.replace("unclosed :", "unclosed\u{a0}:");
            assert_eq!(french_spacing_markup(html), expected, "{html}");
        }
    }

    #[test]
    fn opendocument_text_is_spaced_and_its_style_elements_are_not_raw() {
        assert_eq!(
            french_spacing_markup(
                "<style:style style:name=\"P\"><x/></style:style><text:p text:style-name=\"P\">Vues :</text:p>"
            ),
            "<style:style style:name=\"P\"><x/></style:style><text:p text:style-name=\"P\">Vues\u{a0}:</text:p>"
        );
    }

    #[test]
    fn a_legal_reference_keeps_its_number() {
        assert_eq!(
            french_spacing_markup("<p>(article L. 312-1-3)</p><code>L. 3</code>"),
            "<p>(article\u{a0}L.\u{a0}312-1-3)</p><code>L. 3</code>"
        );
    }

    #[test]
    fn text_after_a_raw_element_is_spaced_again() {
        assert_eq!(
            french_spacing_markup("<code>a : b</code> (c : d)"),
            "<code>a : b</code> (c\u{a0}: d)"
        );
    }
}
