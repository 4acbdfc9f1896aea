//! Text helpers for drawing: wrapped paragraphs, cutting to a width,
//! counting wrapped lines, the smallest usable screen. A leaf module:
//! screens, editors and the app's state use it, it uses none of them.
//!
//! Every wrapped text of the wizard goes through [`paragraph`], [`wrap`] or
//! [`wrapped_height`], which apply French spacing
//! ([`fiche::typography::french_spacing`]): « : » or « » » never starts a
//! line, « « » never ends one.

use std::borrow::Cow;

use fiche::typography::french_spacing;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

/// Below this size the wizard explains instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// `text` word-wrapped to the width it is drawn at, with French spacing.
pub fn paragraph<'a>(text: impl Into<Text<'a>>) -> Paragraph<'a> {
    let mut text = text.into();
    for line in &mut text.lines {
        french_line(line);
    }
    Paragraph::new(text).wrap(Wrap { trim: true })
}

/// French spacing across the spans of `line` (a space may end one span and
/// the « : » start the next); each span keeps its style and its length in
/// characters.
fn french_line(line: &mut Line) {
    let whole: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let Cow::Owned(spaced) = french_spacing(&whole) else {
        return;
    };
    let mut chars = spaced.chars();
    for span in &mut line.spans {
        let n = span.content.chars().count();
        span.content = Cow::Owned(chars.by_ref().take(n).collect());
    }
}

/// Cuts `text` to `width` characters, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// `text` word-wrapped at `width` columns, the same way as
/// [`wrapped_height`] counts (a word longer than the width is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let text = french_spacing(text);
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in words(para) {
            let w = word.chars().count();
            let len = line.chars().count();
            if len > 0 && len + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                continue;
            }
            if len > 0 {
                out.push(std::mem::take(&mut line));
            }
            let mut rest: Vec<char> = word.chars().collect();
            while rest.len() > width {
                out.push(rest.drain(..width).collect());
            }
            line = rest.into_iter().collect();
        }
        out.push(line);
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// The words of a line as ratatui wraps them: a no-break space (in French
/// figures, `1 610 143 €`) joins, it does not separate. Splitting there
/// counted fewer lines than drawn, and the last line of a text was cut.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
}

/// How many rows `lines` take once each is word-wrapped at `width` (for
/// layout), their spans read as one text.
pub fn lines_height(lines: &[Line], width: u16) -> u16 {
    lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_height(&text, width)
        })
        .sum()
}

/// How many lines `text` takes when word-wrapped at `width` (for layout).
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let text = french_spacing(text);
    let width = width.max(1) as usize;
    let mut total = 0u16;
    for para in text.lines() {
        let mut lines = 1u16;
        let mut col = 0usize;
        for word in words(para) {
            let w = word.chars().count();
            if col == 0 {
                col = w;
            } else if col + 1 + w <= width {
                col += 1 + w;
            } else {
                lines += 1;
                col = w;
            }
            while col > width {
                lines += 1;
                col -= width;
            }
        }
        total += lines;
    }
    total.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_gives_as_many_lines_as_wrapped_height_counts() {
        for (text, width) in [
            ("Les usagers (citoyens, entreprises, associations…)", 20),
            ("court", 20),
            ("unmotbeaucouptroplongpourlacolonne et la suite", 8),
            ("", 10),
        ] {
            let lines = wrap(text, width);
            assert_eq!(
                lines.len() as u16,
                wrapped_height(text, width as u16),
                "{text}"
            );
            assert!(
                lines.iter().all(|l| l.chars().count() <= width),
                "{lines:?}"
            );
        }
        assert_eq!(
            wrap("Les usagers (citoyens, entreprises)", 20),
            ["Les usagers", "(citoyens,", "entreprises)"]
        );
    }

    /// « ratio bénéfice/coût : moins de 0,1. » lost its last line on the
    /// review: the count split « −89 440 € » where ratatui does not.
    #[test]
    fn a_no_break_space_joins_like_ratatui_does() {
        let text =
            "gain net annuel : \u{2212}89\u{a0}440\u{a0}€ ; ratio bénéfice/coût : moins de 0,1.";
        for width in 10..40u16 {
            let drawn = drawn_rows(text, width).len() as u16;
            assert_eq!(wrapped_height(text, width), drawn, "width {width}");
            assert_eq!(
                wrap(text, width as usize).len() as u16,
                drawn,
                "width {width}"
            );
        }
    }

    /// The rows `text` takes when drawn by [`paragraph`] at `width`, each
    /// without its trailing blanks.
    fn drawn_rows(text: &str, width: u16) -> Vec<String> {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut terminal = Terminal::new(TestBackend::new(width, 30)).unwrap();
        terminal
            .draw(|f| f.render_widget(paragraph(text), f.area()))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..30)
            .map(|y| {
                let row: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
                row.trim_end().to_string()
            })
            .filter(|row| !row.is_empty())
            .collect()
    }

    /// A wrapped line never starts with « : ; ! ? » » nor ends with « « »,
    /// drawn or counted.
    #[test]
    fn french_signs_stay_with_their_word_when_wrapped() {
        let text = "Format : texte sur une ligne ; exemple « Assistant SRDT » ! \
                    Une question ? Tapez « ? » pour l’aide.";
        // From the width of the longest joined word (« «\u{a0}Assistant »);
        // a narrower column cuts words anywhere.
        for width in 11..60u16 {
            let rows = drawn_rows(text, width);
            for row in &rows {
                assert!(
                    !row.starts_with([':', ';', '!', '?', '»']) && !row.ends_with('«'),
                    "width {width}: {rows:#?}"
                );
            }
            assert_eq!(
                wrapped_height(text, width) as usize,
                rows.len(),
                "width {width}"
            );
            let wrapped = wrap(text, width as usize);
            assert_eq!(wrapped.len(), rows.len(), "width {width}");
            for row in &wrapped {
                assert!(
                    !row.starts_with([':', ';', '!', '?', '»']) && !row.ends_with('«'),
                    "width {width}: {wrapped:#?}"
                );
            }
        }
    }

    /// A legal reference is never cut after « L. » or « article », drawn
    /// or counted.
    #[test]
    fn a_legal_reference_stays_with_its_number_when_wrapped() {
        let text = "la mention prévue à l’article L. 311-3-1 du code \
                    (CRPA L. 312-1-3 ; loi SREN, art. 31 ; RGPD, article 35)";
        // From the width of the longest joined word
        // (« l’article\u{a0}L.\u{a0}311-3-1 »).
        for width in 20..70u16 {
            let rows = drawn_rows(text, width);
            for row in &rows {
                assert!(
                    !row.ends_with("L.") && !row.ends_with("art.") && !row.ends_with("article"),
                    "width {width}: {rows:#?}"
                );
            }
            assert_eq!(
                wrapped_height(text, width) as usize,
                rows.len(),
                "width {width}"
            );
            assert_eq!(
                wrap(text, width as usize).len(),
                rows.len(),
                "width {width}"
            );
        }
    }

    /// Spaces are joined across spans too, each span keeping its style.
    #[test]
    fn french_spacing_crosses_spans() {
        use ratatui::style::Style;
        use ratatui::text::Span;
        let mut line = Line::from(vec![
            Span::raw("Réponse "),
            Span::styled(": oui «", Style::new().bold()),
            Span::raw(" non"),
        ]);
        french_line(&mut line);
        let parts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["Réponse\u{a0}", ": oui «", "\u{a0}non"]);
        assert_eq!(line.spans[1].style, Style::new().bold());
    }
}
