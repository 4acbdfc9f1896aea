//! Text that comes from outside the keyboard: a bracketed paste, or the
//! long answer edited in the user's own editor (Ctrl+E).

use super::app::{App, Focus, Screen};
use super::editors::{Editor, ListMode};

impl App {
    pub(super) fn long_editor_open(&self) -> bool {
        match &self.editor {
            Editor::Long(_) => true,
            Editor::List(l) => {
                matches!(&l.mode, ListMode::Item { editor, .. } if matches!(**editor, Editor::Long(_)))
            }
            _ => false,
        }
    }

    /// The text of the long answer being edited (for Ctrl+E).
    pub fn long_text(&self) -> Option<String> {
        match &self.editor {
            Editor::Long(e) => Some(e.text()),
            Editor::List(l) => match &l.mode {
                ListMode::Item { editor, .. } => match &**editor {
                    Editor::Long(e) => Some(e.text()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// Puts text back from the external editor and commits it.
    pub fn set_long_text(&mut self, text: &str) {
        match &mut self.editor {
            Editor::Long(e) => {
                e.set_text(text);
                self.touched = true;
                let _ = self.commit();
            }
            Editor::List(l) => {
                if let ListMode::Item {
                    editor, touched, ..
                } = &mut l.mode
                    && let Editor::Long(e) = &mut **editor
                {
                    e.set_text(text);
                    *touched = true;
                }
                let _ = self.commit_if_touched();
            }
            _ => {}
        }
    }

    /// Bracketed paste: text goes into the text editor as typed.
    pub fn paste(&mut self, text: &str) {
        if self.screen != Screen::Question
            || self.focus != Focus::Editor
            || self.modal.is_some()
            || self.too_small()
        {
            return;
        }
        // A list's own flag marks its field as typed (see `ListEditor::paste`).
        if self.editor.paste(text) && !matches!(self.editor, Editor::List(_)) {
            self.touched = true;
        }
    }
}
