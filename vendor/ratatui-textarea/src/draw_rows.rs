//! Draws the text area's rows into the buffer exactly as an unwrapped,
//! unscrolled `Paragraph` does, without its grapheme segmentation and cell
//! widths for rows of simple characters (added by fiche's vendored copy, see
//! `vendor/README.md` in fiche).
//!
//! A simple character ([`is_simple`]) is a printable one of U+0020–U+007E or
//! U+00A0–U+02FF other than the soft hyphen: no control, combining, format
//! or wide character is among them, so each is one grapheme one cell wide.
//! Other rows are drawn by `Paragraph` itself, one row at a time (it draws
//! each row on its own when it does not wrap).

use ratatui_core::buffer::Buffer;
use ratatui_core::layout::{Alignment, Rect};
use ratatui_core::text::{Line, Text};
use ratatui_core::widgets::Widget as _;
use ratatui_widgets::paragraph::Paragraph;

/// Whether `c` is one grapheme drawn in exactly one cell whatever surrounds it.
pub(crate) fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}') && c != '\u{ad}'
}

/// The cells a line takes when all its characters are simple.
pub(crate) fn simple_width(line: &Line<'_>) -> Option<usize> {
    let mut width = 0;
    for span in &line.spans {
        for c in span.content.chars() {
            if !is_simple(c) {
                return None;
            }
            width += 1;
        }
    }
    Some(width)
}

/// Renders `text` like `Paragraph::new(text).alignment(alignment)` without
/// wrap, scroll or block.
pub(crate) fn render_text(text: &Text<'_>, alignment: Alignment, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for (line, y) in text.lines.iter().zip(area.top()..area.bottom()) {
        let left = line.alignment.unwrap_or(alignment) == Alignment::Left;
        if left && simple_width(line).is_some() {
            render_simple_line(line, text, area, y, buf);
        } else {
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            Paragraph::new(Text::from(line.clone()).style(text.style))
                .alignment(alignment)
                .render(row, buf);
        }
    }
}

/// One cell per character, cut at the right edge.
fn render_simple_line(line: &Line<'_>, text: &Text<'_>, area: Rect, y: u16, buf: &mut Buffer) {
    let line_style = text.style.patch(line.style);
    let mut x = area.left();
    let mut utf8 = [0u8; 4];
    for span in &line.spans {
        let style = line_style.patch(span.style);
        for c in span.content.chars() {
            if x >= area.right() {
                return;
            }
            buf[(x, y)]
                .set_symbol(c.encode_utf8(&mut utf8))
                .set_style(style);
            x += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui_core::style::{Color, Modifier, Style};
    use ratatui_core::text::Span;

    const PIECES: &[&str] = &[
        "les ",
        "l'agent",
        "aujourd’hui",
        "é",
        "Ÿ",
        "ʼ",
        "\u{ad}",
        "e\u{301}",
        "犬猫",
        "👩\u{200d}💻",
        "❤\u{fe0f}",
        "🇫🇷",
        "\t",
        "\u{1}",
        "ｶﾞ",
        "  ",
        "~",
        "\u{a0}",
        "\u{2ff}",
        "\u{300}",
    ];

    fn line(seed: usize, pieces: usize) -> Line<'static> {
        let styles = [
            Style::default(),
            Style::default().fg(Color::Red),
            Style::default().add_modifier(Modifier::REVERSED),
            Style::default()
                .bg(Color::Blue)
                .remove_modifier(Modifier::BOLD),
        ];
        let spans: Vec<Span<'static>> = (0..pieces)
            .map(|i| {
                let k = (seed * 31 + i * 17 + i * i) % 97;
                let text: String = (0..1 + k % 3)
                    .map(|j| PIECES[(k + j * seed) % PIECES.len()])
                    .collect();
                Span::styled(text, styles[k % styles.len()])
            })
            .collect();
        let line = Line::from(spans);
        if seed % 5 == 0 {
            line.style(Style::default().add_modifier(Modifier::UNDERLINED))
        } else {
            line
        }
    }

    #[test]
    fn simple_characters_are_one_cell_graphemes() {
        use ratatui_core::buffer::CellWidth as _;
        use unicode_segmentation::UnicodeSegmentation as _;
        for c in (' '..='\u{2ff}').filter(|&c| is_simple(c)) {
            let s = c.to_string();
            assert_eq!(s.cell_width(), 1, "{c:?}");
            assert_eq!(format!("a{c}b").graphemes(true).count(), 3, "{c:?}");
            assert_eq!(format!("{c}\u{301}").graphemes(true).count(), 1, "{c:?}");
        }
        assert!(!is_simple('\u{ad}') && !is_simple('\u{300}') && !is_simple('\t'));
    }

    /// Rows of every kind, in every alignment, cut or not: the same cells as
    /// `Paragraph`, on a buffer already drawn on.
    #[test]
    fn rows_are_drawn_as_a_paragraph_draws_them() {
        for seed in 0..400 {
            let mut lines: Vec<Line<'static>> =
                (0..6).map(|i| line(seed + i, 1 + (seed + i) % 5)).collect();
            // Rows of simple characters only, cut or not.
            lines.push(Line::from(vec![
                Span::raw("Les agents recopient à la main "),
                Span::styled(" ", Style::default().add_modifier(Modifier::REVERSED)),
            ]));
            lines.push(Line::from("ÿ".repeat(seed % 40)));
            if seed % 7 == 0 {
                lines[1].alignment = Some(Alignment::Right);
            }
            let text = Text::from(lines).style(Style::default().fg(Color::Green));
            for alignment in [Alignment::Left, Alignment::Center] {
                for (width, height) in [(30, 10), (7, 3), (1, 8)] {
                    let area = Rect::new(2, 1, width, height);
                    let mut expected = Buffer::filled(
                        Rect::new(0, 0, 40, 12),
                        ratatui_core::buffer::Cell::new("x"),
                    );
                    let mut got = expected.clone();
                    Paragraph::new(text.clone())
                        .alignment(alignment)
                        .render(area, &mut expected);
                    render_text(&text, alignment, area, &mut got);
                    assert_eq!(got, expected, "seed {seed} {alignment:?} {width}×{height}");
                }
            }
        }
    }
}
