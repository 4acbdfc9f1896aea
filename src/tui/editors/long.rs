//! Multi-line editor for `long` answers, on ratatui-textarea: Enter inserts a
//! newline, the text wraps at words, and a counter shows the length limit.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, Scrolling, TextArea, WrapMode};

/// Lines Pg↑ and Pg↓ move the cursor by (the text area scrolls to follow).
const PAGE_LINES: usize = 8;

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
        // A control or bidi character is drawn as everywhere else in fiche
        // (`␛`, `<U+202E>`), never dropped nor obeyed by the terminal.
        ratatui_textarea::show_chars_with(fiche::sanitize::terminal);
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::new());
        if let Some(p) = placeholder {
            area.set_placeholder_text(p);
        }
        // The cursor starts at the end, where one goes on writing; the text
        // area shows the lines around it.
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
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

    /// Passes a key to the text area; true when the text changed. Ctrl+U
    /// clears everything (as in a one-line answer), Ctrl+Z undoes, Ctrl+Début
    /// and Ctrl+Fin go to the start and end of the whole text, Pg↑ Pg↓ move
    /// by a page without scrolling the text out of view.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let before = self.text();
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.area.clear();
            }
            KeyCode::Char('z') if ctrl => {
                self.area.undo();
            }
            KeyCode::Home if ctrl => self.area.move_cursor(CursorMove::Jump(0, 0)),
            KeyCode::End if ctrl => {
                self.area.move_cursor(CursorMove::Bottom);
                self.area.move_cursor(CursorMove::End);
            }
            KeyCode::PageDown | KeyCode::PageUp => {
                let step = if key.code == KeyCode::PageDown {
                    CursorMove::Down
                } else {
                    CursorMove::Up
                };
                for _ in 0..PAGE_LINES {
                    self.area.move_cursor(step);
                }
            }
            _ => {
                self.area.input(key);
            }
        }
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

    /// Puts the cursor at `(row, col)` (lines and chars), as a click would.
    #[cfg(test)]
    pub fn jump_to(&mut self, (row, col): (usize, usize)) {
        self.area
            .move_cursor(CursorMove::Jump(row as u16, col as u16));
    }
}
