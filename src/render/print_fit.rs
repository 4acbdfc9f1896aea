//! The printed HTML pitch holds on one A4 page, like the PDF pitch
//! (`pitch.typ`, « one-page »): long answers make its text smaller and its
//! lines tighter, and answers too long even for the smallest size keep the
//! normal one over two pages, nothing cut. A print stylesheet cannot
//! measure its own pages, so fiche estimates the printed height from the
//! rendered page's text and renders the page again with the density it
//! needs: `print_density` in the template, which `pitch.html.j2` makes the
//! class `print-…` of its page, styled for print only (the screen view
//! keeps its size).

mod html_text;

use html_text::Block;

/// How densely the HTML pitch is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintDensity {
    Normal,
    Compact,
    Tight,
}

impl PrintDensity {
    /// The value templates read as `print_density`.
    pub fn name(self) -> &'static str {
        match self {
            PrintDensity::Normal => "normal",
            PrintDensity::Compact => "compact",
            PrintDensity::Tight => "tight",
        }
    }
}

/// One way of printing the pitch: its body text's size and line height,
/// as `pitch.html.j2`'s print stylesheet sets them for its density (a test
/// checks that the two agree).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintStyle {
    pub density: PrintDensity,
    pub font_size_pt: f64,
    pub line_height: f64,
}

/// The printed pitch's styles, largest text first. The pitch is printed
/// with the first one whose estimated height holds on one page, or with the
/// first one when none does (two pages, nothing cut): the rule of
/// `pitch.typ`'s `body-text-sizes` (9.5 pt down to 8 pt in Libertinus
/// Serif; a browser's sans serif is wider, hence 9 pt down to 8 pt here).
pub const PITCH_PRINT_STYLES: [PrintStyle; 3] = [
    PrintStyle {
        density: PrintDensity::Normal,
        font_size_pt: 9.0,
        line_height: 1.3,
    },
    PrintStyle {
        density: PrintDensity::Compact,
        font_size_pt: 8.5,
        line_height: 1.25,
    },
    PrintStyle {
        density: PrintDensity::Tight,
        font_size_pt: 8.0,
        line_height: 1.2,
    },
];

/// The printable area of an A4 page less `pitch.html.j2`'s `@page`
/// margins (11 mm top and bottom, 14 mm left and right), in millimetres.
const PAGE_WIDTH_MM: f64 = 210.0 - 2.0 * 14.0;
const PAGE_HEIGHT_MM: f64 = 297.0 - 2.0 * 11.0;

/// The share of the page an estimated height may fill. Measured against
/// Chromium's print of the examples and of long answers (DejaVu Sans), the
/// estimate of a page about one page high was at most 3 mm (1 %) under the
/// true height, and up to 10 mm over it: one line too many takes a second
/// page, so the estimate keeps 2 % (5 mm) in hand.
const PAGE_FILL: f64 = 0.98;

/// The average width of a character of French prose, in em, in DejaVu
/// Sans: Chromium's sans serif on Linux, and the widest of the usual
/// system fonts (a narrower one only holds more on the page).
const CHAR_WIDTH_EM: f64 = 0.5;

const MM_PER_PT: f64 = 25.4 / 72.0;

/// Line height of headings (`h1, h2` in `pitch.html.j2`), whatever the
/// density.
const HEADING_LINE_HEIGHT: f64 = 1.25;

/// The density the HTML pitch `html` (rendered at any density) is printed
/// with: see [`PITCH_PRINT_STYLES`].
pub fn pitch_density(html: &str) -> PrintDensity {
    let blocks = html_text::blocks(html);
    PITCH_PRINT_STYLES
        .iter()
        .find(|style| style.height_mm(&blocks) <= PAGE_HEIGHT_MM * PAGE_FILL)
        .unwrap_or(&PITCH_PRINT_STYLES[0])
        .density
}

impl PrintStyle {
    /// The estimated printed height of `blocks` in this style: each block's
    /// lines, at its font size, then the space after it, as the print
    /// stylesheet of `pitch.html.j2` sets them (in rem, which scale with
    /// the body text).
    fn height_mm(&self, blocks: &[Block]) -> f64 {
        let rem = self.font_size_pt * MM_PER_PT;
        let body = Metrics {
            scale: 1.0,
            line_height: self.line_height,
            indent: 0.0,
            space_after: 0.4,
        };
        blocks
            .iter()
            .map(|block| {
                let (chars, metrics) = match *block {
                    Block::Title(chars) => (
                        chars,
                        Metrics {
                            scale: 1.6,
                            line_height: HEADING_LINE_HEIGHT,
                            space_after: 0.35,
                            ..body
                        },
                    ),
                    // Margins above and below, the rule under it.
                    Block::Heading(chars) => (
                        chars,
                        Metrics {
                            scale: 1.15,
                            line_height: HEADING_LINE_HEIGHT,
                            space_after: 1.3,
                            ..body
                        },
                    ),
                    Block::Paragraph(chars) => (chars, body),
                    Block::Item(chars) => (
                        chars,
                        Metrics {
                            indent: 1.4,
                            space_after: 0.0,
                            ..body
                        },
                    ),
                    Block::ListEnd => {
                        return 0.5 * rem;
                    }
                };
                metrics.height_mm(chars, rem)
            })
            .sum()
    }
}

/// How a block is printed, in rem (its font size as a multiple of the
/// body's).
#[derive(Clone, Copy)]
struct Metrics {
    scale: f64,
    line_height: f64,
    indent: f64,
    space_after: f64,
}

impl Metrics {
    /// The height of a block of `chars` characters: its lines, each a whole
    /// line however short, then the space after it.
    fn height_mm(self, chars: usize, rem: f64) -> f64 {
        let font = self.scale * rem;
        let per_line = ((PAGE_WIDTH_MM - self.indent * rem) / (font * CHAR_WIDTH_EM)).floor();
        let lines = (chars as f64 / per_line.max(1.0)).ceil().max(1.0);
        lines * font * self.line_height + self.space_after * rem
    }
}

#[cfg(test)]
mod tests;
