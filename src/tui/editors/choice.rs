//! Yes/no, single-choice and multiple-choice editors: a list of options with
//! a highlight; Space picks (or ticks), an option number typed alone picks it.

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
    /// Whether the highlight marks a choice: an answer was given, or the
    /// arrows moved it. Until then it only shows where the arrows start,
    /// and Entrée moves on without answering (the footer says « Entrée
    /// suivante », « Espace choisir »).
    browsed: bool,
    /// Characters typed as if this were a text field (« 12 mars »): shown,
    /// never acted on, until a key that is not a character.
    pub typed: String,
    /// The digits just typed, as one option number.
    number: Option<NumberRun>,
}

/// Digits typed back to back, read as one option number.
#[derive(Debug, Clone, Default)]
struct NumberRun {
    digits: String,
    /// The choice before the first digit, given back if the digits turn out
    /// to be text.
    before: Vec<usize>,
    /// Whether the number has picked its option already.
    applied: bool,
}

impl NumberRun {
    /// The option index a waiting number would pick.
    fn pending(&self) -> Option<usize> {
        (!self.applied)
            .then(|| self.digits.parse::<usize>().ok())
            .flatten()
            .filter(|&k| k >= 1)
            .map(|k| k - 1)
    }
}

/// `digits` as an option number among `n` options (no leading zero).
fn option_number(digits: &str, n: usize) -> Option<usize> {
    if digits.starts_with('0') {
        return None;
    }
    digits
        .parse::<usize>()
        .ok()
        .filter(|&k| (1..=n).contains(&k))
}

/// Whether some option number among `n` starts with `digits` and is longer.
fn is_prefix_of_option(digits: &str, n: usize) -> bool {
    !digits.starts_with('0')
        && (1..=n).any(|k| {
            let k = k.to_string();
            k.len() > digits.len() && k.starts_with(digits)
        })
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
                .map(|c| (toml::Value::String(c.key.clone()), c.label.to_string()))
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
            browsed: !chosen.is_empty(),
            chosen,
            highlight,
            typed: String::new(),
            number: None,
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
        self.browsed = true;
    }

    /// Digits typed back to back make one option number (« 12 » is option
    /// 12, never 1 then 2). The number picks its option as soon as no longer
    /// option number starts with it (at once with 9 options or fewer);
    /// otherwise it waits for Entrée or a next digit. Digits that make no
    /// option number, or followed by a letter or a space (« 12 mars »), are
    /// text: shown, never picked, and a pick they made is undone. In a
    /// multiple choice a comma separates numbers (« 1,3 »).
    pub fn handle_key(&mut self, key: KeyEvent) -> ChoiceKey {
        let typed_char = match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        };
        let Some(c) = typed_char else {
            if !self.typed.is_empty() {
                // Any other key ends the stray text; it never picks.
                self.typed.clear();
                self.number = None;
                return ChoiceKey::Moved;
            }
            if let Some(run) = self.number.take()
                && !run.applied
            {
                return self.settle_pending(run, key.code);
            }
            return self.navigate(key);
        };
        if !self.typed.is_empty() {
            self.typed.push(c);
            return ChoiceKey::Moved;
        }
        if c.is_ascii_digit() {
            return self.digit(c);
        }
        if let Some(run) = self.number.take() {
            if c == ',' {
                // « 1,3 »: the number before the comma stands.
                return match run.pending() {
                    Some(i) => {
                        self.pick(i);
                        ChoiceKey::Changed
                    }
                    None => ChoiceKey::Moved,
                };
            }
            // The digits just typed were the start of a text.
            let changed = self.chosen != run.before;
            self.chosen = run.before;
            self.typed = format!("{}{c}", run.digits);
            return if changed {
                ChoiceKey::Changed
            } else {
                ChoiceKey::Moved
            };
        }
        let command = matches!(c, ' ' | '?' | 'j' | 'k')
            || (self.is_bool() && matches!(c, 'o' | 'O' | 'n' | 'N'));
        if !command {
            self.typed.push(c);
            return ChoiceKey::Moved;
        }
        self.navigate(key)
    }

    /// One more digit of the option number being typed.
    fn digit(&mut self, c: char) -> ChoiceKey {
        let n = self.options.len();
        let before = self.chosen.clone();
        let run = self.number.get_or_insert_with(|| NumberRun {
            digits: String::new(),
            before,
            applied: false,
        });
        run.digits.push(c);
        // A pick made by the digits before this one is undone first.
        let mut chosen = run.before.clone();
        let number = option_number(&run.digits, n);
        let waits = number.is_some_and(|k| k * 10 <= n);
        run.applied = false;
        if number.is_none() && !is_prefix_of_option(&run.digits, n) {
            // No option has this number: text, not a choice.
            let run = self.number.take().unwrap_or_default();
            let changed = self.chosen != run.before;
            self.chosen = run.before;
            self.typed = run.digits;
            return if changed {
                ChoiceKey::Changed
            } else {
                ChoiceKey::Moved
            };
        }
        let changed;
        match number {
            Some(k) if !waits => {
                run.applied = true;
                std::mem::swap(&mut self.chosen, &mut chosen);
                self.pick(k - 1);
                changed = true;
            }
            _ => {
                changed = self.chosen != chosen;
                self.chosen = chosen;
            }
        }
        if changed {
            ChoiceKey::Changed
        } else {
            ChoiceKey::Moved
        }
    }

    /// A key that is not a character after a number still waiting (« 1 »
    /// with 10 options or more): Entrée picks it, any other key drops it.
    fn settle_pending(&mut self, run: NumberRun, code: KeyCode) -> ChoiceKey {
        match (code, run.pending()) {
            (KeyCode::Enter, Some(i)) => {
                self.pick(i);
                if self.multi {
                    ChoiceKey::Changed
                } else {
                    ChoiceKey::ChangedNext
                }
            }
            _ => ChoiceKey::Moved,
        }
    }

    /// Arrows, Espace, Entrée, Suppr, o/n: the keys that act on the list.
    fn navigate(&mut self, key: KeyEvent) -> ChoiceKey {
        let n = self.options.len();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') if self.highlight > 0 => {
                self.highlight -= 1;
                self.browsed = true;
                ChoiceKey::Moved
            }
            KeyCode::Down | KeyCode::Char('j') if self.highlight + 1 < n => {
                self.highlight += 1;
                self.browsed = true;
                ChoiceKey::Moved
            }
            KeyCode::Up | KeyCode::Down | KeyCode::Char('k') | KeyCode::Char('j') => {
                self.browsed = true;
                ChoiceKey::Moved
            }
            KeyCode::Char(' ') if n > 0 => {
                self.pick(self.highlight);
                ChoiceKey::Changed
            }
            KeyCode::Enter if !self.multi && n > 0 && self.browsed => {
                let changed = self.chosen != vec![self.highlight];
                self.pick(self.highlight);
                if changed {
                    ChoiceKey::ChangedNext
                } else {
                    ChoiceKey::Ignored
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
                // Cleared on purpose: Entrée now moves on, answer left empty.
                self.browsed = false;
                ChoiceKey::Changed
            }
            _ => ChoiceKey::Ignored,
        }
    }

    /// The option number typed so far that waits for Entrée or a next
    /// digit, if any (« 1 » with 12 options).
    pub fn pending_number(&self) -> Option<&str> {
        self.number
            .as_ref()
            .filter(|run| !run.applied)
            .map(|run| run.digits.as_str())
    }

    /// What to say about an option number that waits, in the footer.
    pub fn pending_hint(&self) -> Option<String> {
        let digits = self.pending_number()?;
        let n = self.options.len();
        Some(match option_number(digits, n) {
            Some(k) => format!(
                "numéro {digits}… : Entrée choisit l’option {k}, un autre chiffre pour {k}0 à {}",
                n.min(k * 10 + 9)
            ),
            None => format!("numéro {digits}… : tapez le chiffre suivant"),
        })
    }

    /// What to say about characters typed as if this were a text field.
    pub fn stray_text(&self) -> Option<String> {
        (!self.typed.is_empty()).then(|| {
            format!(
                "« {} » n’est pas un choix : cette question se répond en choisissant dans la liste (↑ ↓ puis Espace, ou le numéro d’une option, tapé seul). Une autre touche efface ce texte.",
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
