//! Keys per context: the editor, the section list, the review screen and
//! the dialogs. Each changes the state and may ask the loop for an `Effect`.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use fiche::answers::Keep;

use super::app::{App, Effect, Focus, Modal, Offer};
use super::editors::{EditorAction, LineEditor};

impl App {
    pub(super) fn editor_key(&mut self, key: KeyEvent) -> Effect {
        // Borrowed field by field: no copy of the question on every key.
        let question = &self.form.sections[self.at.section].questions[self.at.question];
        match self.editor.handle_key(question, key) {
            EditorAction::Edited => self.touched = true,
            EditorAction::Consumed => {}
            EditorAction::Commit => {
                let _ = self.commit();
            }
            EditorAction::CommitNext => {
                if self.commit().is_ok() {
                    self.next();
                }
            }
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

    pub(super) fn review_key(&mut self, key: KeyEvent) -> Effect {
        let n = self.review_items().len();
        match key.code {
            KeyCode::Up => self.review = self.review.saturating_sub(1),
            KeyCode::Down => self.review = (self.review + 1).min(n.saturating_sub(1)),
            KeyCode::Enter => {
                self.open_review_item(self.review);
            }
            KeyCode::Esc => self.toggle_review(),
            KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
            KeyCode::Char('q') => return Effect::Quit,
            KeyCode::Char(c) => {
                if let Some(format) = super::keys::export_key(c) {
                    return Effect::Export(format);
                }
            }
            _ => {}
        }
        Effect::None
    }

    pub(super) fn modal_key(&mut self, key: KeyEvent) -> Effect {
        let Some(modal) = self.modal.take() else {
            return Effect::None;
        };
        match modal {
            Modal::Offer(offer) => match key.code {
                KeyCode::Char('o' | 'O' | 'y' | 'Y') | KeyCode::Enter => self.accept(offer),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => {
                    if let Offer::Recovery(_, next) = offer {
                        self.modal = next.map(|o| Modal::Offer(*o));
                    }
                }
                _ => self.modal = Some(Modal::Offer(offer)),
            },
            Modal::Conflict(mut conflicts) => {
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
                self.recheck();
                if !self.touched {
                    let at = self.at;
                    self.open(at);
                }
                self.save.mark_changed();
                self.save.flush = true;
                return Effect::SaveNow;
            }
            Modal::Help(scroll) => match key.code {
                KeyCode::Down | KeyCode::Char('j') => self.modal = Some(Modal::Help(scroll + 1)),
                KeyCode::PageDown | KeyCode::Char(' ') => {
                    self.modal = Some(Modal::Help(scroll + 10))
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    self.modal = Some(Modal::Help(scroll.saturating_sub(1)))
                }
                KeyCode::PageUp => self.modal = Some(Modal::Help(scroll.saturating_sub(10))),
                _ => {}
            },
            Modal::QuitUnsaved(message) => match key.code {
                KeyCode::Char('r' | 'R') => return Effect::Quit,
                KeyCode::Char('a' | 'A') => {
                    let suggestion = super::backup_path(&self.path);
                    self.modal = Some(Modal::SaveAs(LineEditor::new(&suggestion), None));
                }
                KeyCode::Char('q' | 'Q') => return Effect::QuitUnsaved,
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::QuitUnsaved(message)),
            },
            Modal::SaveAs(mut line, _) => match key.code {
                KeyCode::Enter if !line.text().trim().is_empty() => {
                    return Effect::SaveAs(PathBuf::from(line.text().trim()));
                }
                KeyCode::Esc => {}
                _ => {
                    line.handle_key(key);
                    self.modal = Some(Modal::SaveAs(line, None));
                }
            },
        }
        Effect::None
    }

    /// Carries out a start-up offer the user said yes to.
    fn accept(&mut self, offer: Offer) {
        match offer {
            Offer::Profile(profile, _) => {
                let copied = fiche::reuse::prefill(
                    &self.form,
                    &mut self.answers,
                    &profile,
                    fiche::reuse::Copy::Reusable,
                    Some(&fiche::answers::Origin::Profile),
                );
                self.save.mark_changed();
                self.recheck();
                let at = self.at;
                self.open(at);
                self.notice = Some(match copied {
                    Ok(copied) => format!(
                        "{} réponse(s) reprise(s) de votre profil : vérifiez-les au passage.",
                        copied.len()
                    ),
                    Err(e) => format!("Profil non repris en entier : {e}"),
                });
            }
            Offer::Recovery(recovery, next) => {
                match recovery.restore(&mut self.answers) {
                    Ok(()) => {
                        self.save.mark_changed();
                        self.save.flush = true;
                        self.recheck();
                        match self.locate(&recovery.question) {
                            Some(at) => self.go_to(at),
                            None => {
                                let at = self.at;
                                self.open(at);
                            }
                        }
                        self.notice = Some(format!(
                            "Réponse reprise ({}) : vérifiez-la.",
                            recovery.question
                        ));
                    }
                    Err(e) => self.notice = Some(format!("Réponse non reprise : {e}")),
                }
                self.modal = next.map(|o| Modal::Offer(*o));
            }
            Offer::ChangedOnly(ids, _) if ids.is_empty() => {}
            Offer::ChangedOnly(ids, _) => {
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
    }
}
