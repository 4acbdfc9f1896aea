//! Repeatable blocks (`list` questions): browse items, add one, edit its
//! fields one after another, move it up or down, delete it after a yes/no.

use fiche::form::Question;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Editor, EditorAction};

#[derive(Debug, Clone)]
pub struct ListEditor {
    pub items: Vec<toml::Table>,
    pub cursor: usize,
    pub mode: ListMode,
}

#[derive(Debug, Clone)]
pub enum ListMode {
    Browse,
    /// Waiting for « o » or « n » before deleting the item under the cursor.
    ConfirmDelete,
    /// Editing field `field` of the item under the cursor.
    Item {
        field: usize,
        editor: Box<Editor>,
        touched: bool,
        /// Entrée was refused on an invalid value: say why under the field.
        refused: bool,
    },
}

impl ListEditor {
    pub fn new(value: Option<&toml::Value>) -> ListEditor {
        let items = value
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|i| i.as_table().cloned()).collect())
            .unwrap_or_default();
        ListEditor {
            items,
            cursor: 0,
            mode: ListMode::Browse,
        }
    }

    pub fn value(&self) -> Option<toml::Value> {
        if self.items.is_empty() {
            return None;
        }
        Some(toml::Value::Array(
            self.items.iter().cloned().map(toml::Value::Table).collect(),
        ))
    }

    fn open_field(&mut self, question: &Question, field: usize) {
        let f = &question.fields[field];
        let value = self.items[self.cursor].get(&f.id);
        self.mode = ListMode::Item {
            field,
            editor: Box::new(Editor::for_question(f, value)),
            touched: false,
            refused: false,
        };
    }

    /// Writes the field editor's value into the item.
    fn store_field(&mut self, question: &Question) {
        if let ListMode::Item { field, editor, .. } = &self.mode {
            put_field(
                &mut self.items[self.cursor],
                &question.fields[*field],
                editor,
            );
        }
    }

    /// Pasted text goes into the field being typed, if any.
    pub fn paste(&mut self, text: &str) -> bool {
        let ListMode::Item {
            editor, touched, ..
        } = &mut self.mode
        else {
            return false;
        };
        let pasted = editor.paste(text);
        *touched |= pasted;
        pasted
    }

    pub fn handle_key(&mut self, question: &Question, key: KeyEvent) -> EditorAction {
        match self.mode {
            ListMode::Browse => self.browse_key(question, key),
            ListMode::ConfirmDelete => {
                match key.code {
                    KeyCode::Char('o' | 'O' | 'y' | 'Y') => {
                        self.items.remove(self.cursor);
                        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
                        self.mode = ListMode::Browse;
                        return EditorAction::Commit;
                    }
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => self.mode = ListMode::Browse,
                    _ => {}
                }
                EditorAction::Consumed
            }
            ListMode::Item { .. } => self.item_key(question, key),
        }
    }

    fn browse_key(&mut self, question: &Question, key: KeyEvent) -> EditorAction {
        let n = self.items.len();
        let shift = key
            .modifiers
            .intersects(KeyModifiers::SHIFT | KeyModifiers::ALT);
        match key.code {
            KeyCode::Up if shift && self.cursor > 0 => {
                self.items.swap(self.cursor, self.cursor - 1);
                self.cursor -= 1;
                EditorAction::Commit
            }
            KeyCode::Down if shift && self.cursor + 1 < n => {
                self.items.swap(self.cursor, self.cursor + 1);
                self.cursor += 1;
                EditorAction::Commit
            }
            KeyCode::Up if self.cursor > 0 => {
                self.cursor -= 1;
                EditorAction::Consumed
            }
            KeyCode::Down if self.cursor + 1 < n => {
                self.cursor += 1;
                EditorAction::Consumed
            }
            KeyCode::Up | KeyCode::Down => EditorAction::Consumed,
            KeyCode::Char('a' | 'A' | '+') | KeyCode::Insert if !question.fields.is_empty() => {
                self.items.push(toml::Table::new());
                self.cursor = self.items.len() - 1;
                self.open_field(question, 0);
                EditorAction::Commit
            }
            KeyCode::Enter | KeyCode::Char('e') if n > 0 && !question.fields.is_empty() => {
                self.open_field(question, 0);
                EditorAction::Consumed
            }
            KeyCode::Char('s' | 'S') | KeyCode::Delete if n > 0 => {
                self.mode = ListMode::ConfirmDelete;
                EditorAction::Consumed
            }
            KeyCode::Tab | KeyCode::Enter => EditorAction::CommitNext,
            KeyCode::BackTab => EditorAction::CommitPrev,
            _ => EditorAction::Ignored,
        }
    }

    fn item_key(&mut self, question: &Question, key: KeyEvent) -> EditorAction {
        let ListMode::Item {
            field,
            editor,
            touched,
            refused,
        } = &mut self.mode
        else {
            return EditorAction::Ignored;
        };
        let field = *field;
        let f = &question.fields[field];
        // Entrée or Tab validate the field: an invalid value stays, with its
        // message; ↑ ↓ and Échap still leave it (never trapped).
        if matches!(key.code, KeyCode::Enter | KeyCode::Tab)
            && matches!(**editor, Editor::Line(_))
            && !editor.problems(f).is_empty()
        {
            *refused = true;
            return EditorAction::Consumed;
        }
        let action = match key.code {
            KeyCode::Esc => {
                let was_touched = *touched;
                if was_touched {
                    self.store_field(question);
                }
                let dropped = self.back_to_browse();
                return if was_touched || dropped {
                    EditorAction::Commit
                } else {
                    EditorAction::Consumed
                };
            }
            KeyCode::Up if !matches!(**editor, Editor::Long(_) | Editor::Choice(_)) => {
                EditorAction::CommitPrev
            }
            KeyCode::Down if !matches!(**editor, Editor::Long(_) | Editor::Choice(_)) => {
                EditorAction::CommitNext
            }
            _ => editor.handle_key(f, key),
        };
        match action {
            EditorAction::Edited => {
                *touched = true;
                *refused = false;
                EditorAction::Consumed
            }
            EditorAction::Commit => {
                self.store_field(question);
                EditorAction::Commit
            }
            EditorAction::CommitNext => self.store_and_open(question, Some(field + 1)),
            EditorAction::CommitPrev => self.store_and_open(question, field.checked_sub(1)),
            EditorAction::Ignored => EditorAction::Ignored,
            EditorAction::Consumed => EditorAction::Consumed,
        }
    }

    /// Stores the field being edited and opens field `to`; past the first
    /// or the last field, goes back to the list.
    fn store_and_open(&mut self, question: &Question, to: Option<usize>) -> EditorAction {
        self.store_field(question);
        match to.filter(|&i| i < question.fields.len()) {
            Some(i) => self.open_field(question, i),
            None => {
                self.back_to_browse();
            }
        }
        EditorAction::Commit
    }

    /// What is wrong with the field being typed, and whether Entrée was
    /// refused because of it.
    pub fn field_problems(&self, question: &Question) -> (Vec<String>, bool) {
        match &self.mode {
            ListMode::Item {
                field,
                editor,
                refused,
                ..
            } => (editor.problems(&question.fields[*field]), *refused),
            _ => (Vec::new(), false),
        }
    }

    /// The items with the field being typed in place, while one is typed
    /// into and not yet stored (for the recovery file); `None` otherwise.
    pub fn typing_value(&self, question: &Question) -> Option<toml::Value> {
        let ListMode::Item {
            field,
            editor,
            touched: true,
            ..
        } = &self.mode
        else {
            return None;
        };
        let mut items = self.items.clone();
        put_field(&mut items[self.cursor], &question.fields[*field], editor);
        Some(toml::Value::Array(
            items.into_iter().map(toml::Value::Table).collect(),
        ))
    }

    /// Whether a field of an item has been typed into and not yet stored.
    pub fn is_typing(&self) -> bool {
        matches!(self.mode, ListMode::Item { touched: true, .. })
    }

    /// Stores a field typed into but not yet validated (before leaving the
    /// question or quitting). Returns whether the items changed.
    pub fn flush(&mut self, question: &Question) -> bool {
        let ListMode::Item { touched, .. } = &mut self.mode else {
            return false;
        };
        if !*touched {
            return false;
        }
        *touched = false;
        self.store_field(question);
        true
    }

    /// Leaves the item form; an item left entirely empty (« a » pressed by
    /// mistake) is dropped. Returns whether one was.
    fn back_to_browse(&mut self) -> bool {
        self.mode = ListMode::Browse;
        if self.items.get(self.cursor).is_some_and(|i| i.is_empty()) {
            self.items.remove(self.cursor);
            self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
            return true;
        }
        false
    }
}

/// Puts the field editor's value into `item` (an emptied field is removed).
fn put_field(item: &mut toml::Table, field: &Question, editor: &Editor) {
    match editor.value(field) {
        Some(v) => {
            item.insert(field.id.clone(), v);
        }
        None => {
            item.remove(&field.id);
        }
    }
}
