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
/// `<script>` or `<style>` content is skipped. Read by the byte: a page is
/// scanned once more after each render of the HTML pitch.
pub fn blocks(html: &str) -> Vec<Block> {
    let body = html.find("<body").map_or(html, |start| &html[start..]);
    let mut out = Vec::new();
    let mut text = TextLength::default();
    let mut rest = body.as_bytes();
    while let Some(open) = rest.iter().position(|&b| b == b'<') {
        text.add(&rest[..open]);
        rest = &rest[open..];
        let close = rest
            .iter()
            .position(|&b| b == b'>')
            .map_or(rest.len(), |end| end + 1);
        let tag = Tag::parse(&rest[..close]);
        rest = &rest[close..];
        if !tag.closing && matches!(tag.name(), b"script" | b"style") {
            let end: &[u8] = if tag.name() == b"script" {
                b"</script"
            } else {
                b"</style"
            };
            rest = rest
                .windows(end.len())
                .position(|w| w.eq_ignore_ascii_case(end))
                .map_or(&[], |at| &rest[at..]);
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

/// The longest tag name read: longer ones end no block.
const MAX_NAME: usize = 10;

/// A tag's name, lower case, and whether it closes an element.
struct Tag {
    name: [u8; MAX_NAME],
    len: usize,
    closing: bool,
}

impl Tag {
    fn parse(tag: &[u8]) -> Tag {
        let inner = tag.strip_prefix(b"<").unwrap_or(tag);
        let closing = inner.starts_with(b"/");
        let inner = inner.strip_prefix(b"/").unwrap_or(inner);
        let len = inner
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(inner.len());
        let mut name = [0; MAX_NAME];
        if len <= MAX_NAME {
            name[..len].copy_from_slice(&inner[..len]);
            name.make_ascii_lowercase();
        }
        Tag {
            name,
            len: if len <= MAX_NAME { len } else { 0 },
            closing,
        }
    }

    fn name(&self) -> &[u8] {
        &self.name[..self.len]
    }

    /// The block this tag ends, holding `chars` characters of text; `None`
    /// for a tag inside a line of text (`<strong>`, `<a>`…) or one that
    /// opens a block.
    fn ends_block(&self, chars: usize) -> Option<Block> {
        if self.name() == b"br" {
            return Some(Block::Item(chars));
        }
        if !self.closing {
            return None;
        }
        Some(match self.name() {
            b"h1" => Block::Title(chars),
            b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => Block::Heading(chars),
            b"li" | b"dt" | b"dd" => Block::Item(chars),
            b"ul" | b"ol" | b"dl" => Block::ListEnd,
            b"p" | b"div" | b"td" | b"th" | b"caption" | b"blockquote" | b"pre" | b"figcaption"
            | b"header" | b"footer" | b"section" | b"main" | b"article" | b"aside" | b"nav"
            | b"address" => Block::Paragraph(chars),
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
    /// Adds a run of text (UTF-8, cut at a `<`): each character once, the
    /// bytes that continue one not counted; the spaces HTML collapses
    /// (ASCII ones: a no-break space is a character) once a run.
    fn add(&mut self, text: &[u8]) {
        let mut i = 0;
        while i < text.len() {
            let b = text[i];
            i += 1;
            if b.is_ascii_whitespace() {
                self.space = self.count > 0;
                continue;
            }
            if (0x80..0xc0).contains(&b) {
                continue;
            }
            if b == b'&' {
                // An entity is one character: skip to its `;`.
                let name = &text[i..text.len().min(i + 12)];
                if let Some(end) = name.iter().position(|&c| c == b';')
                    && name[..end]
                        .iter()
                        .all(|c| c.is_ascii_alphanumeric() || *c == b'#')
                {
                    i += end + 1;
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
    fn tags_in_capitals_end_blocks_and_no_break_spaces_are_characters() {
        assert_eq!(
            blocks(
                "<BODY><H2>Titre</H2><P>Budget\u{a0}:  1\u{202f}000\u{a0}€</P><SCRIPT>x</SCRIPT></BODY>"
            ),
            [Block::Heading(5), Block::Paragraph(16)]
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
