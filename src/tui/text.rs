//! Text measuring helpers for drawing: cutting to a width, counting wrapped
//! lines, the smallest usable screen. A leaf module: screens, editors and
//! the app's state use it, it uses none of them.

/// Below this size the wizard explains instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

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

/// How many lines `text` takes when word-wrapped at `width` (for layout).
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = width.max(1) as usize;
    let mut total = 0u16;
    for para in text.lines() {
        let mut lines = 1u16;
        let mut col = 0usize;
        for word in para.split_whitespace() {
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
