//! One editor per answer type, behind one `Editor` enum: the app hands it
//! keys and reads back a value to commit. Drawing lives in `draw.rs`.

mod choice;
pub mod draw;
mod line;
mod list;
mod long;

pub use choice::{ChoiceEditor, ChoiceKey};
pub use line::{LineEditor, LineKey};
pub use list::{ListEditor, ListMode};
pub use long::LongEditor;

use fiche::answers::{format_for_input, parse_input};
use fiche::form::{Kind, Question};
use fiche::format;
use fiche::validate::check_value;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub enum Editor {
    Line(LineEditor),
    Long(LongEditor),
    Choice(ChoiceEditor),
    List(ListEditor),
}

/// What a key did to an editor, for the app to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    /// Not an editor key: the app may use it.
    Ignored,
    /// Handled; nothing to save.
    Consumed,
    /// The text changed but is not committed yet.
    Edited,
    /// Commit the value now and stay.
    Commit,
    /// Commit and go to the next question.
    CommitNext,
    /// Commit and go to the previous question.
    CommitPrev,
}

impl Editor {
    /// Inserts pasted text at the cursor of a text editor, or of the list
    /// item's field being typed; true when it went in. A line break (CR LF
    /// included) or a tab (between spreadsheet cells) is one space in a
    /// one-line answer. Choices take no pasted text.
    pub fn paste(&mut self, text: &str) -> bool {
        match self {
            Editor::Line(e) => {
                e.insert_str(&text.replace("\r\n", " ").replace(['\r', '\n', '\t'], " "))
            }
            Editor::Long(e) => e.insert_str(&text.replace("\r\n", "\n").replace('\r', "\n")),
            Editor::List(list) => return list.paste(text),
            Editor::Choice(_) => return false,
        }
        true
    }

    /// The editor for `question`, filled with `value`, or with the question's
    /// default when there is no answer yet (saved only once committed).
    pub fn for_question(question: &Question, value: Option<&toml::Value>) -> Editor {
        let proposed = value.is_none() && question.default.is_some();
        let value = value.or(question.default.as_ref());
        match question.kind {
            Kind::Long => Editor::Long(LongEditor::new(
                value.and_then(|v| v.as_str()).unwrap_or_default(),
                question.placeholder.as_deref(),
            )),
            Kind::Bool | Kind::Choice | Kind::Multi => {
                Editor::Choice(ChoiceEditor::new(question, value))
            }
            Kind::List => Editor::List(ListEditor::new(value)),
            _ => {
                let text = value.map(|v| initial_text(question, v)).unwrap_or_default();
                // A default is a proposal: the user's own figure replaces it.
                Editor::Line(if proposed {
                    LineEditor::proposed(&text)
                } else {
                    LineEditor::new(&text)
                })
            }
        }
    }

    pub fn handle_key(&mut self, question: &Question, key: KeyEvent) -> EditorAction {
        let shift_tab = key.code == KeyCode::BackTab;
        match self {
            Editor::Line(e) => match key.code {
                KeyCode::Enter | KeyCode::Tab => EditorAction::CommitNext,
                _ if shift_tab => EditorAction::CommitPrev,
                _ => match e.handle_key(key) {
                    LineKey::Edited => EditorAction::Edited,
                    LineKey::Moved => EditorAction::Consumed,
                    LineKey::Ignored => EditorAction::Ignored,
                },
            },
            Editor::Long(e) => match key.code {
                KeyCode::Tab => EditorAction::CommitNext,
                _ if shift_tab => EditorAction::CommitPrev,
                KeyCode::Esc => EditorAction::Ignored,
                _ if crate::tui::keys::global(&key).is_some() => EditorAction::Ignored,
                _ => {
                    if e.handle_key(key) {
                        EditorAction::Edited
                    } else {
                        EditorAction::Consumed
                    }
                }
            },
            Editor::Choice(e) => match key.code {
                KeyCode::Tab => EditorAction::CommitNext,
                _ if shift_tab => EditorAction::CommitPrev,
                _ => match e.handle_key(key) {
                    ChoiceKey::Changed => EditorAction::Commit,
                    ChoiceKey::ChangedNext => EditorAction::CommitNext,
                    ChoiceKey::Moved => EditorAction::Consumed,
                    ChoiceKey::Ignored if key.code == KeyCode::Enter => EditorAction::CommitNext,
                    ChoiceKey::Ignored => EditorAction::Ignored,
                },
            },
            Editor::List(e) => e.handle_key(question, key),
        }
    }

    /// The value to store. Text that does not parse (`abc` for a number) is
    /// kept as typed, so nothing is lost; validation then reports it.
    pub fn value(&self, question: &Question) -> Option<toml::Value> {
        match self {
            Editor::Line(e) => typed_value(question, e.text()),
            Editor::Long(e) => typed_value(question, &e.text()),
            Editor::Choice(e) => e.value(),
            Editor::List(e) => e.value(),
        }
    }

    /// What is wrong with the editor's current content, in French.
    pub fn problems(&self, question: &Question) -> Vec<String> {
        let text = match self {
            Editor::Line(e) => e.text().to_string(),
            Editor::Long(e) => e.text(),
            Editor::Choice(c) => return c.stray_text().into_iter().collect(),
            Editor::List(e) => {
                return e
                    .value()
                    .map(|v| {
                        check_value(question, &v)
                            .into_iter()
                            .map(|p| p.message)
                            .collect()
                    })
                    .unwrap_or_default();
            }
        };
        match parse_input(question, &text) {
            Err(message) => vec![message],
            Ok(None) => Vec::new(),
            Ok(Some(v)) => check_value(question, &v)
                .into_iter()
                .map(|p| p.message)
                .collect(),
        }
    }
}

fn typed_value(question: &Question, text: &str) -> Option<toml::Value> {
    match parse_input(question, text) {
        Ok(v) => v,
        Err(_) => Some(toml::Value::String(text.trim().to_string())),
    }
}

/// The text shown in an editor for a stored value; figures are grouped the
/// French way (`575 000`) with ordinary spaces, easy to edit.
pub fn initial_text(question: &Question, value: &toml::Value) -> String {
    let spaced = |s: String| s.replace(format::NBSP, " ");
    match (question.kind.is_numeric(), value) {
        (true, toml::Value::Integer(i)) => spaced(format::integer(*i)),
        (true, toml::Value::Float(f)) => spaced(format::decimal_places(*f, 6)),
        _ => format_for_input(question, value),
    }
}

/// A stored number in French for display: `575 000`, `1 610 143 €`, `12,5 %`.
pub fn french_figure(question: &Question, value: &toml::Value) -> Option<String> {
    let n = format::as_number(value)?;
    Some(match question.kind {
        Kind::Int => format::integer(value.as_integer()?),
        Kind::Euros => {
            if n.fract() == 0.0 {
                format::euros(n)
            } else {
                format!("{}{}€", format::decimal(n), format::NBSP)
            }
        }
        Kind::Percent => format::percent(n),
        Kind::Decimal => format::decimal_places(n, 6),
        _ => return None,
    })
}
