//! Multi-line editor for `long` answers, on ratatui-textarea: Enter inserts a
//! newline, the text wraps at words, and a counter shows the length limit.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::{Scrolling, TextArea, WrapMode};

#[derive(Debug, Clone)]
pub struct LongEditor {
    // Boxed: a text area is large, and editors are moved around often.
    area: Box<TextArea<'static>>,
}

impl LongEditor {
    pub fn new(text: &str, placeholder: Option<&str>) -> LongEditor {
        let lines: Vec<String> = if text.is_empty() {
            vec![String::new()]
        } else {
            text.lines().map(str::to_string).collect()
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::new());
        if let Some(p) = placeholder {
            area.set_placeholder_text(p);
        }
        // The cursor starts at the top so the answer is read from its start.
        area.move_cursor(ratatui_textarea::CursorMove::Top);
        LongEditor {
            area: Box::new(area),
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn chars(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len().saturating_sub(1)
    }

    /// Passes a key to the text area; true when the text changed.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let before = self.text();
        self.area.input(key);
        self.text() != before
    }

    pub fn insert_str(&mut self, text: &str) {
        self.area.insert_str(text);
    }

    pub fn scroll(&mut self, rows: i16) {
        self.area.scroll(Scrolling::Delta { rows, cols: 0 });
    }

    pub fn set_text(&mut self, text: &str) {
        *self = LongEditor::new(
            text,
            Some(self.area.placeholder_text()).filter(|p| !p.is_empty()),
        );
    }

    pub fn widget(&self) -> &TextArea<'static> {
        &self.area
    }
}
