//! Keys per context: the editor, the section list, the review screen and
//! the dialogs. Each changes the state and may ask the loop for an `Effect`
//! (carried out in `effects.rs`); `App::handle_key` picks the context.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use fiche::answers::{Conflict, Keep};
use fiche::recovery::Recovery;
use fiche::render::Target;

use super::app::{App, Effect, Focus, Modal, Offer};
use super::editors::{Editor, EditorAction, LineEditor};
use super::screens;

/// Said when Entrée meets an invalid answer.
pub const STAY_INVALID: &str = "Réponse à corriger (message ci-dessus) : Entrée ne passe pas à la suite tant qu’elle est invalide. Votre texte est gardé ; Maj+Tab ou Échap pour la laisser et y revenir plus tard.";

/// Said when a committed answer drew a new remark from the coach.
pub const STAY_COACH: &str = "Le coach fait une remarque sur cette réponse (ci-dessus) : corrigez-la, ou Entrée pour continuer.";

impl App {
    pub(super) fn editor_key(&mut self, key: KeyEvent) -> Effect {
        // Borrowed field by field: no copy of the question on every key.
        let question = &self.form.sections[self.at.section].questions[self.at.question];
        match self.editor.handle_key(question, key) {
            EditorAction::Edited => {
                self.touched = true;
                self.notice = None;
                self.refresh_live_roi();
            }
            EditorAction::Consumed => {}
            EditorAction::Commit => {
                let _ = self.commit();
            }
            EditorAction::CommitNext => self.validate_and_next(),
            // Going back is not confirming: only typed text is kept.
            EditorAction::CommitPrev => self.prev(),
            EditorAction::Ignored => match key.code {
                // Leaving keeps what was typed; an answer that cannot be
                // stored keeps the focus here, with the notice.
                KeyCode::Esc if self.commit_if_touched().is_ok() => {
                    self.focus = Focus::Sections;
                    self.sidebar = self.at.section;
                }
                KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
                KeyCode::Down | KeyCode::PageDown => self.next(),
                KeyCode::Up | KeyCode::PageUp => self.prev(),
                _ => {}
            },
        }
        Effect::None
    }

    /// Entrée on an answer: an invalid one stays here with its message (the
    /// text stays in the editor; Maj+Tab, Échap or a click still leave); a
    /// valid one is committed, and when the coach has something new to say
    /// about it, the wizard stays so it is read before moving on.
    fn validate_and_next(&mut self) {
        let question = self.question().clone();
        if matches!(self.editor, Editor::Line(_) | Editor::Long(_))
            && !self.editor.problems(&question).is_empty()
        {
            self.notice = Some(STAY_INVALID.to_string());
            return;
        }
        let before = self.coach_notes_here();
        if self.commit().is_err() {
            return;
        }
        let after = self.coach_notes_here();
        if after.iter().any(|m| !before.contains(m)) {
            self.notice = Some(STAY_COACH.to_string());
            return;
        }
        self.next();
    }

    /// The coach's messages about the current question.
    fn coach_notes_here(&self) -> Vec<String> {
        let id = self.question_id();
        self.coach
            .findings
            .iter()
            .filter(|f| f.question_id() == id)
            .map(|f| f.message.clone())
            .collect()
    }

    pub(super) fn sections_key(&mut self, key: KeyEvent) -> Effect {
        let last = self.form.sections.len().saturating_sub(1);
        match key.code {
            KeyCode::Up => self.sidebar = self.sidebar.saturating_sub(1),
            KeyCode::Down => self.sidebar = (self.sidebar + 1).min(last),
            KeyCode::Home => self.sidebar = 0,
            KeyCode::End => self.sidebar = last,
            KeyCode::Enter | KeyCode::Right | KeyCode::Tab => self.open_section(self.sidebar),
            KeyCode::Esc => self.focus = Focus::Editor,
            KeyCode::Char('r') => self.toggle_review(),
            KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
            KeyCode::Char('q') => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// How far the selected finding's detail is scrolled.
    pub fn review_detail_scroll(&self) -> u16 {
        if self.review_scroll.0 == self.review {
            self.review_scroll.1
        } else {
            0
        }
    }

    /// Pages a long remark on the review by what its room shows, less one
    /// line kept for context, and stops at its end: Pg↑ then moves back at
    /// once, however often Pg↓ was pressed.
    fn page_review_detail(&mut self, down: bool) {
        let area = Rect::new(0, 0, self.size.width, self.size.height);
        let main = screens::areas(self, area).main;
        let Some((shown, hidden)) = screens::review::detail_lines(self, main) else {
            return;
        };
        let step = shown.saturating_sub(1).max(1);
        let now = self.review_detail_scroll().min(hidden);
        let lines = if down {
            now.saturating_add(step).min(hidden)
        } else {
            now.saturating_sub(step)
        };
        self.review_scroll = (self.review, lines);
    }

    pub(super) fn review_key(&mut self, key: KeyEvent) -> Effect {
        let n = self.review_items().len();
        match key.code {
            KeyCode::Up => self.review = self.review.saturating_sub(1),
            KeyCode::Down => self.review = (self.review + 1).min(n.saturating_sub(1)),
            KeyCode::Enter => {
                self.open_review_item(self.review);
            }
            KeyCode::PageDown => self.page_review_detail(true),
            KeyCode::PageUp => self.page_review_detail(false),
            KeyCode::Esc => self.toggle_review(),
            KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
            KeyCode::Char('q') => return Effect::Quit,
            KeyCode::Char('e') => self.modal = Some(Modal::Export(0)),
            _ => {}
        }
        Effect::None
    }

    /// A key while a dialog or overlay is open: the dialog is taken out and
    /// put back unless the key closes it.
    pub(super) fn modal_key(&mut self, key: KeyEvent) -> Effect {
        let Some(modal) = self.modal.take() else {
            return Effect::None;
        };
        match modal {
            Modal::Offer(offer) => return self.offer_key(offer, key),
            Modal::Conflict(conflicts) => return self.conflict_key(conflicts, key),
            Modal::Export(selected) => return self.export_key(selected, key),
            Modal::Help(scroll) => self.help_key(scroll, key),
            Modal::QuitUnsaved(message) => return self.quit_unsaved_key(message, key),
            Modal::Initiatives(overlay) => return self.initiatives_modal_key(*overlay, key),
            Modal::SaveAs(line, _) => return self.save_as_key(line, key),
        }
        Effect::None
    }

    /// A start-up offer: yes (o, Entrée) or no (n, Échap); the introduction
    /// and the kept recovery go away on any key.
    fn offer_key(&mut self, offer: Offer, key: KeyEvent) -> Effect {
        let global = super::keys::global(&key);
        match offer {
            // Any key starts, but Ctrl+Q quits, as the introduction says.
            Offer::Intro(_) | Offer::KeptRecovery(..)
                if global == Some(super::keys::Global::Quit) =>
            {
                return Effect::Quit;
            }
            // F1, which the introduction mentions, shows the keys at once
            // (unless an offer waits: it comes first).
            Offer::Intro(None) if global == Some(super::keys::Global::Help) => {
                self.modal = Some(Modal::Help(0));
            }
            Offer::Intro(next) | Offer::KeptRecovery(_, next) => {
                self.modal = next.map(|o| Modal::Offer(*o));
            }
            offer => match key.code {
                KeyCode::Char('o' | 'O' | 'y' | 'Y') | KeyCode::Enter => self.accept(offer),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                    if let Offer::Recovery(_, next) = offer {
                        self.modal = next.map(|o| Modal::Offer(*o));
                    }
                }
                _ => self.modal = Some(Modal::Offer(offer)),
            },
        }
        Effect::None
    }

    /// An answer changed on both sides: m keeps mine, f takes the file's;
    /// once the last is settled, the answers are saved at once.
    fn conflict_key(&mut self, mut conflicts: Vec<Conflict>, key: KeyEvent) -> Effect {
        let keep = match key.code {
            KeyCode::Char('m' | 'M') => Keep::Mine,
            KeyCode::Char('f' | 'F') => Keep::Theirs,
            _ => {
                self.modal = Some(Modal::Conflict(conflicts));
                return Effect::None;
            }
        };
        let conflict = conflicts.remove(0);
        if let Err(e) = self.answers.resolve(&conflict, keep) {
            self.notice = Some(format!("Réponse non reprise : {e}"));
        }
        if !conflicts.is_empty() {
            self.modal = Some(Modal::Conflict(conflicts));
            return Effect::None;
        }
        self.answers_changed();
        self.save.mark_changed();
        self.save.flush = true;
        Effect::SaveNow
    }

    /// The export menu: ↑ ↓ and Entrée, or the export's number.
    fn export_key(&mut self, selected: usize, key: KeyEvent) -> Effect {
        let targets = Target::all();
        let last = targets.len().saturating_sub(1);
        let digit = match key.code {
            KeyCode::Char(c) => c.to_digit(10).map(|d| d as usize),
            _ => None,
        };
        match (key.code, digit) {
            (KeyCode::Up, _) => {
                self.modal = Some(Modal::Export(selected.saturating_sub(1)));
            }
            (KeyCode::Down, _) => self.modal = Some(Modal::Export((selected + 1).min(last))),
            (KeyCode::Enter, _) => return Effect::Export(targets[selected]),
            (_, Some(n)) if (1..=targets.len()).contains(&n) => {
                return Effect::Export(targets[n - 1]);
            }
            (KeyCode::Esc, _) => {}
            _ => self.modal = Some(Modal::Export(selected)),
        }
        Effect::None
    }

    /// The help overlay scrolls; any other key closes it.
    fn help_key(&mut self, scroll: u16, key: KeyEvent) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.width, self.size.height);
        let max = super::screens::help::max_scroll(self, area);
        let page = self.size.height.saturating_sub(6).max(1);
        let scroll = match key.code {
            KeyCode::Down | KeyCode::Char('j') => Some(scroll + 1),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(scroll + page),
            KeyCode::Up | KeyCode::Char('k') => Some(scroll.saturating_sub(1)),
            KeyCode::PageUp => Some(scroll.saturating_sub(page)),
            KeyCode::Home => Some(0),
            KeyCode::End => Some(max),
            _ => None,
        };
        self.modal = scroll.map(|s| Modal::Help(s.min(max)));
    }

    /// Quitting after a failed save: retry, save elsewhere, or quit anyway.
    fn quit_unsaved_key(&mut self, message: String, key: KeyEvent) -> Effect {
        match key.code {
            KeyCode::Char('r' | 'R') => return Effect::Quit,
            KeyCode::Char('a' | 'A') => {
                let suggestion = super::effects::backup_path(&self.path);
                self.modal = Some(Modal::SaveAs(LineEditor::new(&suggestion), None));
            }
            KeyCode::Char('q' | 'Q') => return Effect::QuitUnsaved,
            KeyCode::Esc => {}
            _ => self.modal = Some(Modal::QuitUnsaved(message)),
        }
        Effect::None
    }

    /// Typing the path to save under; Entrée saves there.
    fn save_as_key(&mut self, mut line: LineEditor, key: KeyEvent) -> Effect {
        match key.code {
            KeyCode::Enter if !line.text().trim().is_empty() => {
                return Effect::SaveAs(PathBuf::from(line.text().trim()));
            }
            KeyCode::Esc => {}
            _ => {
                line.handle_key(key);
                self.modal = Some(Modal::SaveAs(line, None));
            }
        }
        Effect::None
    }

    /// Carries out a start-up offer the user said yes to.
    fn accept(&mut self, offer: Offer) {
        match offer {
            Offer::Profile(profile, _) => self.copy_profile(&profile),
            Offer::Recovery(recovery, next) => {
                self.restore(&recovery);
                self.modal = next.map(|o| Modal::Offer(*o));
            }
            Offer::Intro(next) | Offer::KeptRecovery(_, next) => {
                self.modal = next.map(|o| Modal::Offer(*o));
            }
            Offer::ChangedOnly(ids, _) if ids.is_empty() => {}
            Offer::ChangedOnly(ids, _) => self.walk_only_changed(ids),
        }
    }

    /// Copies the profile's reusable answers into the new draft.
    fn copy_profile(&mut self, profile: &fiche::Answers) {
        let copied = fiche::reuse::prefill(
            &self.form,
            &mut self.answers,
            profile,
            fiche::reuse::Copy::Reusable,
            Some(&fiche::answers::Origin::Profile),
        );
        self.save.mark_changed();
        self.recheck();
        self.open(self.at);
        self.notice = Some(match copied {
            Ok(copied) => format!(
                "{} de votre profil : {} au passage.",
                fiche::format::count(copied.len(), "réponse reprise", "réponses reprises"),
                if copied.len() >= 2 {
                    "vérifiez-les"
                } else {
                    "vérifiez-la"
                }
            ),
            Err(e) => format!("Profil non repris en entier : {e}"),
        });
    }

    /// Puts back the answer a killed session typed, saves at once and opens
    /// its question.
    fn restore(&mut self, recovery: &Recovery) {
        match recovery.restore(&mut self.answers) {
            Ok(()) => {
                self.save.mark_changed();
                self.save.flush = true;
                self.recheck();
                match self.locate(&recovery.question) {
                    Some(at) => self.go_to(at),
                    None => self.open(self.at),
                }
                self.notice = Some(format!(
                    "Réponse reprise ({}) : vérifiez-la.",
                    recovery.question
                ));
            }
            Err(e) => self.notice = Some(format!("Réponse non reprise : {e}")),
        }
    }

    /// After a migration: the walk goes only through the questions new or
    /// changed (`ids`), from the first of them.
    fn walk_only_changed(&mut self, ids: Vec<String>) {
        let first = ids
            .iter()
            .filter_map(|id| self.locate(id))
            .min_by_key(|a| (a.section, a.question));
        self.walk_only = Some(ids.into_iter().collect());
        if let Some(at) = first {
            self.go_to(at);
        }
        self.notice = Some(
            "Parcours limité aux questions nouvelles ou modifiées ; la dernière mène à la revue."
                .to_string(),
        );
    }
}
