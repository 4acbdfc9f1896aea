//! Yes/no, single-choice and multiple-choice editors: a list of options with
//! a highlight; Space picks (or ticks), digits pick directly.

use fiche::form::{Kind, Question};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone)]
pub struct ChoiceEditor {
    pub options: Vec<(toml::Value, String)>,
    pub multi: bool,
    /// Indexes of the chosen options.
    pub chosen: Vec<usize>,
    pub highlight: usize,
}

/// What a key did.
#[derive(Debug, PartialEq, Eq)]
pub enum ChoiceKey {
    /// The answer changed (commit it).
    Changed,
    /// Picked and wants to move on (Enter on a single choice).
    ChangedNext,
    Moved,
    Ignored,
}

impl ChoiceEditor {
    pub fn new(question: &Question, value: Option<&toml::Value>) -> ChoiceEditor {
        let options: Vec<(toml::Value, String)> = match question.kind {
            Kind::Bool => vec![
                (toml::Value::Boolean(true), "Oui".to_string()),
                (toml::Value::Boolean(false), "Non".to_string()),
            ],
            _ => question
                .choices
                .iter()
                .map(|c| (toml::Value::String(c.key.clone()), c.label.clone()))
                .collect(),
        };
        let multi = question.kind == Kind::Multi;
        let chosen: Vec<usize> = match value {
            // File order is kept: re-saving never reorders the user's list.
            Some(toml::Value::Array(items)) if multi => items
                .iter()
                .filter_map(|item| options.iter().position(|(o, _)| o == item))
                .collect(),
            Some(v) => options
                .iter()
                .position(|(o, _)| o == v)
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
        let highlight = chosen.first().copied().unwrap_or(0);
        ChoiceEditor {
            options,
            multi,
            chosen,
            highlight,
        }
    }

    /// The answer as stored in the file.
    pub fn value(&self) -> Option<toml::Value> {
        if self.multi {
            if self.chosen.is_empty() {
                return None;
            }
            Some(toml::Value::Array(
                self.chosen
                    .iter()
                    .map(|&i| self.options[i].0.clone())
                    .collect(),
            ))
        } else {
            self.chosen.first().map(|&i| self.options[i].0.clone())
        }
    }

    fn pick(&mut self, i: usize) {
        if self.multi {
            if let Some(at) = self.chosen.iter().position(|&c| c == i) {
                self.chosen.remove(at);
            } else {
                self.chosen.push(i);
            }
        } else {
            self.chosen = vec![i];
        }
        self.highlight = i;
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> ChoiceKey {
        let n = self.options.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') if self.highlight > 0 => {
                self.highlight -= 1;
                ChoiceKey::Moved
            }
            KeyCode::Down | KeyCode::Char('j') if self.highlight + 1 < n => {
                self.highlight += 1;
                ChoiceKey::Moved
            }
            KeyCode::Up | KeyCode::Down | KeyCode::Char('k') | KeyCode::Char('j') => {
                ChoiceKey::Moved
            }
            KeyCode::Char(' ') if n > 0 => {
                self.pick(self.highlight);
                ChoiceKey::Changed
            }
            KeyCode::Enter if !self.multi && n > 0 => {
                let changed = self.chosen != vec![self.highlight];
                self.pick(self.highlight);
                if changed {
                    ChoiceKey::ChangedNext
                } else {
                    ChoiceKey::Ignored
                }
            }
            KeyCode::Char(c @ '1'..='9') => {
                let i = c as usize - '1' as usize;
                if i < n {
                    self.pick(i);
                    ChoiceKey::Changed
                } else {
                    ChoiceKey::Moved
                }
            }
            KeyCode::Char('o') | KeyCode::Char('O') if self.is_bool() => {
                self.pick(0);
                ChoiceKey::Changed
            }
            KeyCode::Char('n') | KeyCode::Char('N') if self.is_bool() => {
                self.pick(1);
                ChoiceKey::Changed
            }
            KeyCode::Backspace | KeyCode::Delete if !self.chosen.is_empty() => {
                self.chosen.clear();
                ChoiceKey::Changed
            }
            _ => ChoiceKey::Ignored,
        }
    }

    pub fn is_bool(&self) -> bool {
        matches!(self.options.first(), Some((toml::Value::Boolean(_), _)))
    }

    /// One line per option, `(•)`/`( )` or `[x]`/`[ ]`, so the state is in
    /// the text, not in a colour.
    pub fn lines(&self) -> Vec<(String, bool)> {
        self.options
            .iter()
            .enumerate()
            .map(|(i, (_, label))| {
                let on = self.chosen.contains(&i);
                let mark = match (self.multi, on) {
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                    (false, true) => "(•)",
                    (false, false) => "( )",
                };
                (format!("{mark} {}. {label}", i + 1), i == self.highlight)
            })
            .collect()
    }
}
