//! The text of a rendered HTML page as the blocks a browser lays out one
//! under the other (paragraphs, list items, headings), each with its length
//! in characters: what [`super`] needs to estimate the printed height.

/// One block of text, as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// `<h1>`: the product's name.
    Title(usize),
    /// `<h2>` to `<h6>`: a point of the pitch.
    Heading(usize),
    /// `<p>`, a table cell, or any other block of text.
    Paragraph(usize),
    /// `<li>`, `<dt>`, `<dd>`, or a line ended by `<br>`.
    Item(usize),
    /// The end of a list (`</ul>`, `</ol>`, `</dl>`): the space after it.
    ListEnd,
}

/// The blocks of text of `html`'s `<body>` (the whole of `html` without
/// one), in order. Characters are counted as read: an entity (`&amp;`) is
/// one, a run of spaces and line breaks is one, tags count for nothing, and
/// `<script>` or `<style>` content is skipped.
pub fn blocks(html: &str) -> Vec<Block> {
    let body = html.find("<body").map_or(html, |start| &html[start..]);
    let mut out = Vec::new();
    let mut text = TextLength::default();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.add(&rest[..open]);
        rest = &rest[open..];
        let close = rest.find('>').map_or(rest.len(), |end| end + 1);
        let tag = Tag::parse(&rest[..close]);
        rest = &rest[close..];
        if !tag.closing && matches!(tag.name.as_str(), "script" | "style") {
            let end = format!("</{}", tag.name);
            rest = rest.find(&end).map_or("", |at| &rest[at..]);
            continue;
        }
        if let Some(block) = tag.ends_block(text.count) {
            if block == Block::ListEnd || text.count > 0 {
                out.push(block);
            }
            text = TextLength::default();
        }
    }
    out
}

/// A tag's name, lower case, and whether it closes an element.
struct Tag {
    name: String,
    closing: bool,
}

impl Tag {
    fn parse(tag: &str) -> Tag {
        let inner = tag.trim_start_matches('<');
        let closing = inner.starts_with('/');
        let name = inner
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Tag { name, closing }
    }

    /// The block this tag ends, holding `chars` characters of text; `None`
    /// for a tag inside a line of text (`<strong>`, `<a>`…) or one that
    /// opens a block.
    fn ends_block(&self, chars: usize) -> Option<Block> {
        if self.name == "br" {
            return Some(Block::Item(chars));
        }
        if !self.closing {
            return None;
        }
        Some(match self.name.as_str() {
            "h1" => Block::Title(chars),
            "h2" | "h3" | "h4" | "h5" | "h6" => Block::Heading(chars),
            "li" | "dt" | "dd" => Block::Item(chars),
            "ul" | "ol" | "dl" => Block::ListEnd,
            "p" | "div" | "td" | "th" | "caption" | "blockquote" | "pre" | "figcaption"
            | "header" | "footer" | "section" | "main" | "article" | "aside" | "nav"
            | "address" => Block::Paragraph(chars),
            _ => return None,
        })
    }
}

/// The length of a block's text so far, as read.
#[derive(Default)]
struct TextLength {
    count: usize,
    /// A space is pending: counted only if a word follows it.
    space: bool,
}

impl TextLength {
    fn add(&mut self, text: &str) {
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c.is_whitespace() {
                self.space = self.count > 0;
                continue;
            }
            if c == '&' {
                // An entity is one character: skip to its `;`.
                let entity: String = chars.clone().take(12).collect();
                if let Some(end) = entity.find(';')
                    && entity[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#')
                {
                    chars.nth(entity[..end].chars().count());
                }
            }
            self.count += 1 + usize::from(self.space);
            self.space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_items_and_headings_are_counted_as_read() {
        let html = "<html><head><title>Pitch</title><style>p { margin: 0 }</style></head>\
            <body><header><h1>Assistant <span>SRDT</span></h1></header>\
            <h2>1. Le problème</h2>\n<p>  D&apos;abord\n   <strong>la</strong> suite.  </p>\
            <ul>\n  <li>un</li>\n  <li>deux<br>trois</li>\n</ul>\
            <script>let x = '<p>caché</p>';</script><footer><p>Fin</p></footer></body></html>";
        assert_eq!(
            blocks(html),
            [
                Block::Title(14),
                Block::Heading(14),
                Block::Paragraph(17),
                Block::Item(2),
                Block::Item(4),
                Block::Item(5),
                Block::ListEnd,
                Block::Paragraph(3),
            ]
        );
    }

    #[test]
    fn an_ampersand_alone_is_one_character() {
        assert_eq!(
            blocks("<p>R&D & co&amp;</p>"),
            [Block::Paragraph("R&D & co&".chars().count())]
        );
    }
}
