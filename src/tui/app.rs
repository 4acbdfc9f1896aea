//! The wizard's state machine: which screen, which question, the editor, the
//! dialogs. `handle_key` is a pure function of (state, key) that returns an
//! `Effect` for the event loop to carry out (save, export, editor, quit) in
//! `effects.rs`; the keys of each context are handled in `update.rs`.

use std::path::PathBuf;

use fiche::answers::Conflict;
use fiche::coach::{self, CoachReport};
use fiche::recovery::Recovery;
use fiche::render::Target;
use fiche::validate::{self, Report};
use fiche::walk::{Only, Walk};
use fiche::{Answers, Form};
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Size;

use super::autosave::SaveState;
use super::editors::{Editor, LineEditor};
use super::keys::{self, Global};
use super::screens::parangonnage::{Initiatives, InitiativesRequest};
use super::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Question,
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Editor,
    Sections,
}

#[derive(Debug, Clone)]
pub enum Modal {
    /// The key list, scrolled by this many lines.
    Help(u16),
    /// Saving failed on quit: retry, save elsewhere, or quit anyway.
    QuitUnsaved(String),
    /// Typing another file name to save to, with why the last one was refused.
    SaveAs(LineEditor, Option<String>),
    /// A yes/no offer made when the wizard opens.
    Offer(Offer),
    /// The file changed outside and these answers changed on both sides:
    /// the first one is asked, keep mine or take the file's.
    Conflict(Vec<Conflict>),
    /// The export menu, with the line selected.
    Export(usize),
    /// The closest initiatives of the parangonnage export (Ctrl+T).
    Initiatives(Box<Initiatives>),
}

/// What the wizard offers at start (issue: reuse saved answers).
#[derive(Debug, Clone)]
pub enum Offer {
    /// A new draft: copy the profile's reusable answers (ids and labels shown).
    Profile(Box<Answers>, Vec<String>),
    /// A file migrated from an older form: walk only the questions new or
    /// changed since (full ids), after telling what moved.
    ChangedOnly(Vec<String>, Vec<String>),
    /// A new file named on the command line: the form's introduction, once,
    /// then the offer that follows, if any.
    Intro(Option<Box<Offer>>),
    /// An answer typed but never saved by a session that was killed: restore
    /// it? Then the next offer, if any.
    Recovery(Box<Recovery>, Option<Box<Offer>>),
    /// Read-only: such an answer cannot be restored now (that writes the
    /// file); said, and kept for a start that can write. Any key goes on to
    /// the next offer, if any.
    KeptRecovery(Box<Recovery>, Option<Box<Offer>>),
}

/// Work for the event loop (I/O), asked for by a key.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    /// Save now, then quit if that worked.
    Quit,
    /// Quit without saving (the user chose it in the dialog).
    QuitUnsaved,
    SaveNow,
    SaveAs(PathBuf),
    ExternalEditor,
    Export(Target),
    /// Read the parangonnage export (and the profile that remembers it).
    Initiatives(InitiativesRequest),
}

pub use fiche::walk::At;

pub struct App {
    pub form: Form,
    pub answers: Answers,
    pub path: PathBuf,
    pub report: Report,
    /// Pitch-coach findings, business case and readiness, kept in step with
    /// `report` (recomputed on every committed change).
    pub coach: CoachReport,
    pub screen: Screen,
    pub focus: Focus,
    pub at: At,
    pub editor: Editor,
    /// The editor's text changed since it was opened or committed.
    pub touched: bool,
    /// Highlighted section when the section list has the focus.
    pub sidebar: usize,
    pub guidance: bool,
    pub modal: Option<Modal>,
    pub save: SaveState,
    /// Selected line of the review screen's findings.
    pub review: usize,
    /// How far the selected finding's detail is scrolled (Pg↓), as
    /// `(the finding it was scrolled on, lines)`: another finding starts at
    /// its top.
    pub review_scroll: (usize, u16),
    /// The visible questions for the current answers (kept in step with
    /// `report`).
    pub walk: Walk,
    /// When set, next/previous only visit these questions: the questions
    /// new or changed since the file's form version.
    pub walk_only: Option<Only>,
    /// Last message for the user (export done, editor failed…).
    pub notice: Option<String>,
    pub theme: Theme,
    /// The terminal's size at the last draw: below the minimum the form is
    /// hidden, so keys must not act on it.
    pub size: Size,
    /// The business case with the number being typed, when it parses (the
    /// figures follow each keystroke, before Entrée).
    pub live_roi: Option<fiche::coach::Roi>,
    /// The editor Ctrl+E opens, named in the footer before it opens.
    pub editor_program: String,
    /// The user's template folder (`--templates`) for exports.
    pub templates: Option<PathBuf>,
}

/// A form without a single question: there is nothing for the wizard to
/// show (the form loader refuses such a form; this guards other callers).
#[derive(Debug, thiserror::Error)]
#[error("le formulaire « {0} » ne contient aucune question : l’assistant n’a rien à afficher")]
pub struct EmptyForm(pub String);

impl App {
    /// The wizard on `answers`, at the first required question without an
    /// answer. `at` always points at an existing question from here on.
    pub fn new(form: Form, answers: Answers, path: PathBuf) -> Result<App, EmptyForm> {
        let first = form
            .sections
            .iter()
            .position(|s| !s.questions.is_empty())
            .map(|section| At {
                section,
                question: 0,
            })
            .ok_or_else(|| EmptyForm(form.source.clone()))?;
        let report = validate::check(&form, &answers);
        let coach = coach::review(&form, &answers, &report);
        let walk = Walk::new(&form, &answers);
        let mut app = App {
            editor: Editor::for_question(&form.sections[first.section].questions[0], None),
            form,
            answers,
            path,
            report,
            coach,
            screen: Screen::Question,
            focus: Focus::Editor,
            at: first,
            touched: false,
            sidebar: 0,
            guidance: false,
            modal: None,
            save: SaveState::default(),
            review: 0,
            review_scroll: (0, 0),
            walk,
            walk_only: None,
            notice: None,
            theme: Theme::from_env(),
            size: Size::new(120, 40),
            editor_program: crate::external_editor::program(),
            live_roi: None,
            templates: None,
        };
        let start = app.first_unanswered().unwrap_or(first);
        app.open(start);
        Ok(app)
    }

    pub fn question(&self) -> &fiche::form::Question {
        &self.form.sections[self.at.section].questions[self.at.question]
    }

    pub fn question_id(&self) -> String {
        self.form.sections[self.at.section].full_id(self.question())
    }

    /// Opens the editor of `at`, filled from the answers.
    pub fn open(&mut self, at: At) {
        self.at = at;
        self.sidebar = at.section;
        let value = self.answers.get(&self.question_id());
        self.editor = Editor::for_question(self.question(), value.as_ref());
        self.touched = false;
        self.notice = None;
        self.live_roi = None;
    }

    /// Whether something typed here is not yet in the answers: the editor
    /// was typed into, or a list item's field (which keeps its own flag).
    /// Then the editor must not be reopened from the answers.
    pub fn is_typing(&self) -> bool {
        self.touched || matches!(&self.editor, Editor::List(l) if l.is_typing())
    }

    /// What [`App::is_typing`] holds: the current question's value with what
    /// is typed, for the recovery file. `None` when nothing is typed.
    pub fn typed_value(&self) -> Option<toml::Value> {
        if self.touched {
            self.editor.value(self.question())
        } else if let Editor::List(list) = &self.editor {
            list.typing_value(self.question())
        } else {
            None
        }
    }

    /// Stores the editor's value if it differs from the file's. An answer
    /// that has no place in the file stays in the editor, and the notice
    /// says why (`Err` holds the message).
    pub fn commit(&mut self) -> Result<(), String> {
        let id = self.question_id();
        let value = self.editor.value(self.question());
        if value != self.answers.get(&id) {
            if let Err(e) = self.answers.set(&id, value) {
                let message = format!("Réponse non enregistrée : {e}");
                self.notice = Some(message.clone());
                return Err(message);
            }
            self.save.mark_changed();
            self.recheck();
        }
        self.touched = false;
        self.live_roi = None;
        Ok(())
    }

    /// Recomputes the business case with the number being typed, when it is
    /// a valid answer; otherwise the committed figures stay shown.
    pub fn refresh_live_roi(&mut self) {
        self.live_roi = None;
        let q = self.question();
        if !q.kind.is_numeric() || !matches!(self.editor, Editor::Line(_)) {
            return;
        }
        if !self.editor.problems(q).is_empty() {
            return;
        }
        let mut answers = self.answers.clone();
        if answers
            .set(&self.question_id(), self.editor.value(q))
            .is_err()
        {
            return;
        }
        self.live_roi = Some(fiche::coach::Roi::compute(&self.form, &answers));
    }

    /// After the answers changed under the editor (merged from the file, a
    /// conflict resolved): re-runs the checks and reopens the current
    /// question from the answers, unless something is being typed there.
    pub fn answers_changed(&mut self) {
        self.recheck();
        if !self.is_typing() {
            self.open(self.at);
        }
    }

    /// Re-runs validation and the coach after the answers changed.
    pub fn recheck(&mut self) {
        // Built once for both: the context serialises every answer.
        let context = self.answers.context();
        self.report = validate::check_in(&self.form, &self.answers, &context);
        self.walk = Walk::in_context(&self.form, &context);
        self.coach = coach::review_in(&self.form, &self.answers, &self.report, &context);
    }

    /// Commits only what the user actually typed (a default left untouched
    /// is not saved just because the user looked at it).
    pub(super) fn commit_if_touched(&mut self) -> Result<(), String> {
        let question = &self.form.sections[self.at.section].questions[self.at.question];
        let list_pending = match &mut self.editor {
            Editor::List(l) => l.flush(question),
            _ => false,
        };
        if self.touched || list_pending {
            return self.commit();
        }
        Ok(())
    }

    /// Leaves the current question for `at`, keeping what was typed (an
    /// answer that cannot be stored keeps the wizard on its question).
    pub fn go_to(&mut self, at: At) {
        if self.commit_if_touched().is_err() {
            return;
        }
        if at.section != self.at.section {
            self.save.flush = true;
        }
        self.open(at);
        self.screen = Screen::Question;
        self.focus = Focus::Editor;
    }

    /// A key that means the same on every screen (Ctrl+Q, Ctrl+S, F1…).
    fn global_key(&mut self, global: Global) -> Effect {
        match global {
            Global::Quit => match self.commit_if_touched() {
                Ok(()) => Effect::Quit,
                Err(message) => {
                    self.modal = Some(Modal::QuitUnsaved(message));
                    Effect::None
                }
            },
            Global::Save => {
                let _ = self.commit_if_touched();
                self.save.flush = true;
                Effect::SaveNow
            }
            Global::Review => {
                self.toggle_review();
                Effect::None
            }
            Global::Guidance => {
                self.guidance = !self.guidance;
                Effect::None
            }
            Global::NextSection => {
                self.jump_section(1);
                Effect::None
            }
            Global::PrevSection => {
                self.jump_section(-1);
                Effect::None
            }
            Global::ExternalEditor => {
                if self.screen == Screen::Question && self.long_editor_open() {
                    let _ = self.commit_if_touched();
                    self.save.flush = true;
                    return Effect::ExternalEditor;
                }
                self.notice = Some("Ctrl+E ouvre les réponses longues dans votre éditeur".into());
                Effect::None
            }
            Global::Help => {
                self.modal = Some(Modal::Help(0));
                Effect::None
            }
            Global::Initiatives => self.initiatives_key(),
        }
    }

    /// One key press: a pure change of state, and what the loop must do.
    /// A dialog takes every key; then the keys global to every screen; then
    /// the screen and the part of it that has the focus.
    pub fn handle_key(&mut self, key: KeyEvent) -> Effect {
        if key.kind != KeyEventKind::Press {
            return Effect::None;
        }
        if self.too_small() {
            // The form is hidden: only quitting works (typed text is kept).
            if matches!(keys::global(&key), Some(Global::Quit)) {
                let _ = self.commit_if_touched();
                return Effect::Quit;
            }
            return Effect::None;
        }
        if self.modal.is_some() {
            return self.modal_key(key);
        }
        if let Some(global) = keys::global(&key) {
            return self.global_key(global);
        }
        match (self.screen, self.focus) {
            (Screen::Review, _) => self.review_key(key),
            (Screen::Question, Focus::Sections) => self.sections_key(key),
            (Screen::Question, Focus::Editor) => self.editor_key(key),
        }
    }

    /// Whether the window is below the size the wizard needs to draw.
    pub fn too_small(&self) -> bool {
        self.size.width < super::text::MIN_WIDTH || self.size.height < super::text::MIN_HEIGHT
    }

    /// The finding the review opens on: the current question's remark (the
    /// one its screen may cut with « la suite : Ctrl+R »), else its missing
    /// answer, else the first of the list.
    fn review_start(&self) -> usize {
        let items = self.review_items();
        let here = |missing: bool| {
            items
                .iter()
                .position(|(at, f)| *at == self.at && f.is_missing() == missing)
        };
        here(false).or_else(|| here(true)).unwrap_or(0)
    }

    pub(super) fn toggle_review(&mut self) {
        if self.commit_if_touched().is_err() {
            return;
        }
        self.save.flush = true;
        self.screen = match self.screen {
            Screen::Question => {
                self.review = self.review_start();
                // What the question said (« Entrée pour continuer ») is
                // not true of the review, where Entrée opens an item.
                self.notice = None;
                Screen::Review
            }
            Screen::Review => Screen::Question,
        };
    }
}
