//! Yes/no, single-choice and multiple-choice editors: a list of options with
//! a highlight; Space picks (or ticks), digits pick directly.

use fiche::form::{Kind, Question};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone)]
pub struct ChoiceEditor {
    pub options: Vec<(toml::Value, String)>,
    pub multi: bool,
    /// Indexes of the options ticked alone (`exclusive = true` in the form).
    pub exclusive: Vec<usize>,
    /// Indexes of the chosen options.
    pub chosen: Vec<usize>,
    pub highlight: usize,
    /// Characters typed as if this were a text field (« 12 mars »): shown,
    /// never acted on, until a key that is not a character.
    pub typed: String,
    /// The digits just typed, each a pick, and the choice as it was before
    /// them: a letter or a space right after (« 12 mars ») shows they were
    /// text, and their picks are undone.
    digit_run: Option<(String, Vec<usize>)>,
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
        let exclusive = question
            .choices
            .iter()
            .enumerate()
            .filter(|(_, c)| c.exclusive)
            .map(|(i, _)| i)
            .collect();
        ChoiceEditor {
            options,
            multi,
            exclusive,
            chosen,
            highlight,
            typed: String::new(),
            digit_run: None,
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
            } else if self.exclusive.contains(&i) {
                // « Aucun » ticked: the others go.
                self.chosen = vec![i];
            } else {
                // Another option ticked: « Aucun » goes.
                self.chosen.retain(|c| !self.exclusive.contains(c));
                self.chosen.push(i);
            }
        } else {
            self.chosen = vec![i];
        }
        self.highlight = i;
    }

    /// A digit picks an option only when it is a valid option number; a
    /// letter or a space right after digits (« 12 mars ») means text is being
    /// typed: the digits' picks are undone and the text is only shown.
    pub fn handle_key(&mut self, key: KeyEvent) -> ChoiceKey {
        let n = self.options.len();
        let is_char = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if !is_char {
            self.digit_run = None;
            if !self.typed.is_empty() {
                // Any other key ends the stray text; it never picks.
                self.typed.clear();
                return ChoiceKey::Moved;
            }
        } else if let KeyCode::Char(c) = key.code {
            if !self.typed.is_empty() {
                self.typed.push(c);
                return ChoiceKey::Moved;
            }
            let valid_digit = c.to_digit(10).is_some_and(|d| d >= 1 && (d as usize) <= n);
            if valid_digit {
                let before = self.chosen.clone();
                self.digit_run
                    .get_or_insert((String::new(), before))
                    .0
                    .push(c);
            } else if let Some((run, before)) = self.digit_run.take() {
                // The digits just typed were the start of a text.
                self.chosen = before;
                self.typed = format!("{run}{c}");
                return ChoiceKey::Changed;
            } else {
                let command = matches!(c, ' ' | '?')
                    || matches!(c, 'j' | 'k')
                    || (self.is_bool() && matches!(c, 'o' | 'O' | 'n' | 'N'));
                if !command {
                    self.typed.push(c);
                    return ChoiceKey::Moved;
                }
            }
        }
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
                self.pick(c as usize - '1' as usize);
                ChoiceKey::Changed
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

    /// What to say about characters typed as if this were a text field.
    pub fn stray_text(&self) -> Option<String> {
        (!self.typed.is_empty()).then(|| {
            format!(
                "« {} » n'est pas un choix : cette question se répond en choisissant dans la liste (↑ ↓ puis Espace, ou le numéro d'une option, tapé seul). Une autre touche efface ce texte.",
                self.typed
            )
        })
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
