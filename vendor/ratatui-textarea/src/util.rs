use ratatui_core::buffer::CellWidth as _;
use std::borrow::Cow;
use std::sync::OnceLock;

pub fn spaces(size: u8) -> &'static str {
    const SPACES: &str = "                                                                                                                                                                                                                                                                ";
    &SPACES[..size as usize]
}

/// What a text is shown as instead of itself: borrowed when it is shown as it is (fiche's
/// vendored copy, see [`show_chars_with`]).
pub type ShowText = for<'a> fn(&'a str) -> Cow<'a, str>;

static SHOW_TEXT: OnceLock<ShowText> = OnceLock::new();

/// Draws each char of the text as `show` gives it (fiche's vendored copy): the text area holds
/// the text, while a char `show` changes (a control, a bidi override) is drawn and counted in
/// cells as what `show` gives for it alone, so that it is seen instead of dropped or obeyed
/// by the terminal. Set once for the whole program; later calls change nothing. Tabs and
/// masked text are drawn as before.
pub fn show_chars_with(show: ShowText) {
    let _ = SHOW_TEXT.set(show);
}

/// What `c` is drawn as when [`show_chars_with`] changes it.
pub(crate) fn shown_as(c: char) -> Option<String> {
    let show = SHOW_TEXT.get()?;
    if c == '\t' || crate::draw_rows::is_simple(c) {
        return None;
    }
    match show(c.encode_utf8(&mut [0; 4])) {
        Cow::Borrowed(_) => None,
        Cow::Owned(shown) => Some(shown),
    }
}

/// The number of cells ratatui draws `c` in. Unlike `UnicodeWidthChar::width`, this counts the
/// halfwidth katakana sound marks `ﾞ` and `ﾟ` as one cell each. Control chars are not drawn, so
/// they take no cells, unless [`show_chars_with`] shows them.
pub fn char_width(c: char) -> usize {
    // One cell, without looking it up (fiche's vendored copy; see `draw_rows::is_simple`).
    if crate::draw_rows::is_simple(c) {
        1
    } else if let Some(shown) = shown_as(c) {
        shown.as_str().cell_width().into()
    } else if c.is_control() {
        0
    } else {
        c.encode_utf8(&mut [0; 4]).cell_width().into()
    }
}

pub fn num_digits(i: usize) -> u8 {
    f64::log10(i as f64) as u8 + 1
}

#[derive(Debug, Clone)]
pub struct Pos {
    pub row: usize,
    pub col: usize,
    pub offset: usize,
}

impl Pos {
    pub fn new(row: usize, col: usize, offset: usize) -> Self {
        Self { row, col, offset }
    }
}
