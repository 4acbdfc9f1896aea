//! The wizard's state machine: which screen, which question, the editor, the
//! dialogs. `handle_key` is a pure function of (state, key) that returns an
//! `Effect` for the event loop to carry out (save, export, editor, quit).

use std::path::PathBuf;

use fiche::render::Format;
use fiche::validate::{self, Report};
use fiche::{Answers, Form};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::autosave::SaveState;
use super::editors::{Editor, EditorAction, LineEditor, ListMode};
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
    /// Typing another file name to save to.
    SaveAs(LineEditor),
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
    Export(Format),
}

/// The current question: indexes into `form.sections[section].questions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub section: usize,
    pub question: usize,
}

pub struct App {
    pub form: Form,
    pub answers: Answers,
    pub path: PathBuf,
    pub report: Report,
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
    /// Last message for the user (export done, editor failed…).
    pub notice: Option<String>,
    pub theme: Theme,
}

impl App {
    pub fn new(form: Form, answers: Answers, path: PathBuf) -> App {
        let report = validate::check(&form, &answers);
        let first = At {
            section: 0,
            question: 0,
        };
        let mut app = App {
            editor: Editor::for_question(&form.sections[0].questions[0], None),
            form,
            answers,
            path,
            report,
            screen: Screen::Question,
            focus: Focus::Editor,
            at: first,
            touched: false,
            sidebar: 0,
            guidance: false,
            modal: None,
            save: SaveState::default(),
            review: 0,
            notice: None,
            theme: Theme::from_env(),
        };
        let start = app.first_unanswered().unwrap_or(first);
        app.open(start);
        app
    }

    pub fn question(&self) -> &fiche::form::Question {
        &self.form.sections[self.at.section].questions[self.at.question]
    }

    pub fn question_id(&self) -> String {
        format!(
            "{}.{}",
            self.form.sections[self.at.section].id,
            self.question().id
        )
    }

    /// Opens the editor of `at`, filled from the answers.
    pub fn open(&mut self, at: At) {
        self.at = at;
        self.sidebar = at.section;
        let value = self.answers.get(&self.question_id());
        self.editor = Editor::for_question(self.question(), value.as_ref());
        self.touched = false;
    }

    /// Stores the editor's value if it differs from the file's.
    pub fn commit(&mut self) {
        let id = self.question_id();
        let value = self.editor.value(self.question());
        self.touched = false;
        if value != self.answers.get(&id) {
            self.answers.set(&id, value);
            self.save.mark_changed();
            self.report = validate::check(&self.form, &self.answers);
        }
    }

    /// Commits only what the user actually typed (a default left untouched
    /// is not saved just because the user looked at it).
    fn commit_if_touched(&mut self) {
        if self.touched {
            self.commit();
        }
    }

    /// Leaves the current question for `at`, keeping what was typed.
    pub fn go_to(&mut self, at: At) {
        self.commit_if_touched();
        if at.section != self.at.section {
            self.save.flush = true;
        }
        self.open(at);
        self.screen = Screen::Question;
        self.focus = Focus::Editor;
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Effect {
        if key.kind != KeyEventKind::Press {
            return Effect::None;
        }
        if self.modal.is_some() {
            return self.modal_key(key);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('q' | 'c') if ctrl => {
                self.commit_if_touched();
                return Effect::Quit;
            }
            KeyCode::Char('s') if ctrl => {
                self.commit_if_touched();
                self.save.flush = true;
                return Effect::SaveNow;
            }
            KeyCode::Char('r') if ctrl => {
                self.toggle_review();
                return Effect::None;
            }
            KeyCode::Char('g') if ctrl => {
                self.guidance = !self.guidance;
                return Effect::None;
            }
            KeyCode::Char('n') if ctrl => {
                self.jump_section(1);
                return Effect::None;
            }
            KeyCode::Char('p') if ctrl => {
                self.jump_section(-1);
                return Effect::None;
            }
            KeyCode::Char('e') if ctrl => {
                if self.screen == Screen::Question && self.long_editor_open() {
                    self.commit_if_touched();
                    self.save.flush = true;
                    return Effect::ExternalEditor;
                }
                self.notice = Some("Ctrl+E ouvre les réponses longues dans votre éditeur".into());
                return Effect::None;
            }
            KeyCode::F(1) => {
                self.modal = Some(Modal::Help(0));
                return Effect::None;
            }
            _ => {}
        }
        match (self.screen, self.focus) {
            (Screen::Review, _) => self.review_key(key),
            (Screen::Question, Focus::Sections) => self.sections_key(key),
            (Screen::Question, Focus::Editor) => self.editor_key(key),
        }
    }

    fn editor_key(&mut self, key: KeyEvent) -> Effect {
        let question = self.question().clone();
        match self.editor.handle_key(&question, key) {
            EditorAction::Edited => self.touched = true,
            EditorAction::Consumed => {}
            EditorAction::Commit => self.commit(),
            EditorAction::CommitNext => {
                self.commit();
                self.next();
            }
            // Going back is not confirming: only typed text is kept.
            EditorAction::CommitPrev => self.prev(),
            EditorAction::Ignored => match key.code {
                KeyCode::Esc => {
                    self.commit_if_touched();
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

    fn sections_key(&mut self, key: KeyEvent) -> Effect {
        let n = self.form.sections.len();
        match key.code {
            KeyCode::Up => self.sidebar = self.sidebar.saturating_sub(1),
            KeyCode::Down => self.sidebar = (self.sidebar + 1).min(n - 1),
            KeyCode::Home => self.sidebar = 0,
            KeyCode::End => self.sidebar = n - 1,
            KeyCode::Enter | KeyCode::Right | KeyCode::Tab => self.open_section(self.sidebar),
            KeyCode::Esc => self.focus = Focus::Editor,
            KeyCode::Char('r') => self.toggle_review(),
            KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
            KeyCode::Char('q') => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    fn review_key(&mut self, key: KeyEvent) -> Effect {
        let n = self.review_items().len();
        match key.code {
            KeyCode::Up => self.review = self.review.saturating_sub(1),
            KeyCode::Down => self.review = (self.review + 1).min(n.saturating_sub(1)),
            KeyCode::Enter => {
                if let Some(at) = self.review_items().get(self.review).map(|(at, _)| *at) {
                    self.go_to(at);
                }
            }
            KeyCode::Esc => self.toggle_review(),
            KeyCode::Char('?') => self.modal = Some(Modal::Help(0)),
            KeyCode::Char('q') => return Effect::Quit,
            KeyCode::Char(c) => {
                if let Some((format, _, _)) = super::screens::review::EXPORTS
                    .iter()
                    .find(|(_, k, _)| *k == c)
                {
                    return Effect::Export(*format);
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn modal_key(&mut self, key: KeyEvent) -> Effect {
        let Some(modal) = self.modal.take() else {
            return Effect::None;
        };
        match modal {
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
                    self.modal = Some(Modal::SaveAs(LineEditor::new(&suggestion)));
                }
                KeyCode::Char('q' | 'Q') => return Effect::QuitUnsaved,
                KeyCode::Esc => {}
                _ => self.modal = Some(Modal::QuitUnsaved(message)),
            },
            Modal::SaveAs(mut line) => match key.code {
                KeyCode::Enter if !line.text().trim().is_empty() => {
                    return Effect::SaveAs(PathBuf::from(line.text().trim()));
                }
                KeyCode::Esc => {}
                _ => {
                    line.handle_key(key);
                    self.modal = Some(Modal::SaveAs(line));
                }
            },
        }
        Effect::None
    }

    fn toggle_review(&mut self) {
        self.commit_if_touched();
        self.save.flush = true;
        self.screen = match self.screen {
            Screen::Question => {
                self.review = 0;
                Screen::Review
            }
            Screen::Review => Screen::Question,
        };
    }

    fn long_editor_open(&self) -> bool {
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
                self.commit();
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
            }
            _ => {}
        }
    }

    /// Bracketed paste: text goes into the text editor as typed.
    pub fn paste(&mut self, text: &str) {
        if self.screen != Screen::Question || self.focus != Focus::Editor || self.modal.is_some() {
            return;
        }
        match &mut self.editor {
            Editor::Line(e) => {
                e.insert_str(&text.replace(['\r', '\n'], " "));
                self.touched = true;
            }
            Editor::Long(e) => {
                e.insert_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
                self.touched = true;
            }
            _ => {}
        }
    }
}
