//! One-line editor (text, e-mail, URL and numbers): a string and a cursor
//! counted in characters, never bytes, so accents never split.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct LineEditor {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
    /// The text is a proposal (a default, a suggested file name): the first
    /// character typed or pasted replaces it, as in a selected field; any
    /// other editing or moving key makes it ordinary text to edit.
    proposed: bool,
}

/// What a key did to the line.
#[derive(Debug, PartialEq, Eq)]
pub enum LineKey {
    Edited,
    Moved,
    Ignored,
}

impl LineEditor {
    pub fn new(text: &str) -> LineEditor {
        LineEditor {
            text: text.to_string(),
            cursor: text.chars().count(),
            proposed: false,
        }
    }

    /// An editor holding a proposal that typing replaces (« 45 000 »
    /// became « 45 00050 000 » when the user typed their own figure).
    pub fn proposed(text: &str) -> LineEditor {
        LineEditor {
            proposed: true,
            ..LineEditor::new(text)
        }
    }

    /// Drops a proposal about to be replaced by typed text.
    fn replace_proposal(&mut self) {
        if std::mem::take(&mut self.proposed) {
            self.text.clear();
            self.cursor = 0;
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert_str(&mut self, s: &str) {
        self.replace_proposal();
        let s: String = s.chars().filter(|c| !c.is_control()).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &s);
        self.cursor += s.chars().count();
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> LineKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let proposed = self.proposed;
        match key.code {
            KeyCode::Char(_) if !ctrl => self.replace_proposal(),
            _ => self.proposed = false,
        }
        let done = self.edit(key);
        if done == LineKey::Ignored {
            // A key that does nothing here (F1, Ctrl+G) keeps the proposal.
            self.proposed = proposed;
        }
        done
    }

    fn edit(&mut self, key: KeyEvent) -> LineKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.text.clear();
                self.cursor = 0;
                LineKey::Edited
            }
            KeyCode::Char('a') if ctrl => self.move_to(0),
            KeyCode::Char(c) if !ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                LineKey::Edited
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                LineKey::Edited
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                LineKey::Edited
            }
            KeyCode::Left if self.cursor > 0 => self.move_to(self.cursor - 1),
            KeyCode::Right if self.cursor < len => self.move_to(self.cursor + 1),
            KeyCode::Home => self.move_to(0),
            KeyCode::End => self.move_to(len),
            KeyCode::Backspace | KeyCode::Delete | KeyCode::Left | KeyCode::Right => LineKey::Moved,
            _ => LineKey::Ignored,
        }
    }

    fn move_to(&mut self, cursor: usize) -> LineKey {
        self.cursor = cursor;
        LineKey::Moved
    }

    /// The visible slice for a field `width` cells wide, and the cursor
    /// column inside it: the text scrolls so the cursor stays in view.
    /// A control or bidi character loaded from the file or pasted is shown
    /// as everywhere else in fiche (`␛`, `<U+202E>`,
    /// `fiche::sanitize::terminal_line`), never dropped nor obeyed by the
    /// terminal.
    pub fn visible(&self, width: usize) -> (String, usize) {
        let width = width.max(1);
        let shown: Vec<(String, usize)> = self
            .text
            .chars()
            .map(|c| {
                let text = fiche::sanitize::terminal_line(c.encode_utf8(&mut [0; 4])).into_owned();
                let cells = text.width();
                (text, cells)
            })
            .collect();
        // The first character shown: the cursor's cell (one past the end
        // when it is there) stays inside the field.
        let cursor_cells = shown.get(self.cursor).map_or(1, |(_, w)| (*w).max(1));
        let mut start = self.cursor;
        let mut cells = cursor_cells;
        while start > 0 && cells + shown[start - 1].1 <= width {
            start -= 1;
            cells += shown[start].1;
        }
        let col = shown[start..self.cursor].iter().map(|(_, w)| w).sum();
        let mut used = 0;
        let text = shown[start..]
            .iter()
            .take_while(|(_, w)| {
                used += w;
                used <= width
            })
            .map(|(t, _)| t.as_str())
            .collect();
        (text, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn control_characters_from_the_file_are_shown_as_everywhere_else() {
        let e = LineEditor::new("a\u{1b}[31mb\u{202e}c");
        assert_eq!(e.visible(40), ("a␛[31mb<U+202E>c".to_string(), 16));
    }

    #[test]
    fn bidi_controls_and_marks_are_shown_by_code_point_and_the_cursor_follows() {
        let mut e = LineEditor::new("");
        for c in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}',
        ] {
            e.handle_key(key(KeyCode::Char(c)));
        }
        e.insert_str("x");
        assert_eq!(
            e.text(),
            "\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}x"
        );
        let (shown, col) = e.visible(80);
        assert_eq!(
            shown,
            "<U+202A><U+202E><U+2066><U+2069><U+200E><U+200F><U+061C>x"
        );
        assert_eq!(col, 57);
        // Scrolled: the cursor's character is shown whole.
        e.handle_key(key(KeyCode::Left));
        e.handle_key(key(KeyCode::Left));
        assert_eq!(e.visible(10), ("<U+061C>x".to_string(), 0));
    }

    #[test]
    fn cursor_counts_characters_not_bytes() {
        let mut e = LineEditor::new("Éléonore");
        assert_eq!(e.cursor(), 8);
        e.handle_key(key(KeyCode::Left));
        e.handle_key(key(KeyCode::Backspace));
        assert_eq!(e.text(), "Éléonoe");
        e.handle_key(key(KeyCode::Home));
        e.handle_key(key(KeyCode::Delete));
        e.handle_key(key(KeyCode::Char('È')));
        assert_eq!(e.text(), "Èléonoe");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let e = LineEditor::new("abcdefghij");
        assert_eq!(e.visible(5), ("ghij".to_string(), 4));
    }
}
