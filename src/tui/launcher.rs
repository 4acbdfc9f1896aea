//! `fiche` with no file: offer to resume the most recent draft of this form
//! in the current folder, or to start a new one under a chosen name.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use fiche::Form;
use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::editors::LineEditor;
use super::text::paragraph;
use super::theme::Theme;

pub const DEFAULT_NAME: &str = "candidature.toml";

pub use fiche::application::most_recent_draft;

pub struct Launcher {
    pub recent: Option<PathBuf>,
    /// `*.toml` files of the folder that could not be read, as said to the
    /// user (see `fiche::application::unreadable_drafts`).
    pub unreadable: Vec<String>,
    pub naming: bool,
    pub name: LineEditor,
    pub error: Option<String>,
    /// The folder the new file goes in (the current one): a name already
    /// taken there is refused, « n : nouvelle candidature » must not open
    /// the draft it was offered instead of.
    pub folder: PathBuf,
}

/// What the launcher decided.
#[derive(Debug, PartialEq)]
pub enum Choice {
    Open(PathBuf),
    Cancel,
    Pending,
}

impl Launcher {
    pub fn new(recent: Option<PathBuf>) -> Launcher {
        Launcher {
            naming: recent.is_none(),
            recent,
            unreadable: Vec::new(),
            name: LineEditor::proposed(DEFAULT_NAME),
            error: None,
            folder: PathBuf::from("."),
        }
    }

    /// The launcher for `folder`, proposing a name not yet taken there
    /// (`candidature-2.toml` next to `candidature.toml`).
    pub fn in_folder(recent: Option<PathBuf>, folder: &Path) -> Launcher {
        Launcher {
            name: LineEditor::proposed(&free_name(folder)),
            folder: folder.to_path_buf(),
            ..Launcher::new(recent)
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Choice {
        if key.kind != KeyEventKind::Press {
            return Choice::Pending;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(key.code, KeyCode::Char('q' | 'c')) {
            return Choice::Cancel;
        }
        if self.naming {
            match key.code {
                KeyCode::Enter => {
                    let mut name = self.name.text().trim().to_string();
                    if name.is_empty() {
                        self.error =
                            Some("Donnez un nom de fichier, par exemple candidature.toml".into());
                        return Choice::Pending;
                    }
                    if !name.ends_with(".toml") {
                        name.push_str(".toml");
                    }
                    if self.folder.join(&name).exists() {
                        self.error = Some(format!(
                            "{} existe déjà : tapez un autre nom pour la nouvelle candidature{}",
                            fiche::sanitize::terminal_line(&name),
                            if self.recent.is_some() {
                                ", ou Échap pour revenir au brouillon"
                            } else {
                                ""
                            }
                        ));
                        return Choice::Pending;
                    }
                    return Choice::Open(PathBuf::from(name));
                }
                KeyCode::Esc if self.recent.is_some() => self.naming = false,
                KeyCode::Esc => return Choice::Cancel,
                _ => {
                    self.name.handle_key(key);
                    self.error = None;
                }
            }
            return Choice::Pending;
        }
        match key.code {
            KeyCode::Enter | KeyCode::Char('r' | 'R') => {
                Choice::Open(self.recent.clone().unwrap_or_else(|| DEFAULT_NAME.into()))
            }
            KeyCode::Char('n' | 'N') => {
                self.naming = true;
                Choice::Pending
            }
            KeyCode::Esc | KeyCode::Char('q') => Choice::Cancel,
            _ => Choice::Pending,
        }
    }

    /// A paste while naming the new file goes into the name, on one line
    /// (the terminal sends a paste as one event, not as keys: it was lost).
    pub fn paste(&mut self, text: &str) {
        if self.naming {
            self.name.insert_str(text.trim());
            self.error = None;
        }
    }

    /// The choice box, with room for a few unreadable files (three lines
    /// each at 80 columns).
    fn top_height(&self) -> u16 {
        const BASE: u16 = 8;
        const PER_NOTE: u16 = 3;
        const MAX_NOTES: u16 = 3;
        BASE + PER_NOTE * (self.unreadable.len() as u16).min(MAX_NOTES)
    }

    /// Typing the new file's name; what Échap does.
    fn naming_lines(&self, theme: &Theme) -> Vec<Line<'static>> {
        // Échap goes back only when there is a draft to go back to.
        let esc = if self.recent.is_some() {
            "Échap : revenir au brouillon le plus récent"
        } else {
            "Échap : quitter sans rien créer"
        };
        vec![
            Line::from("Nouvelle candidature : nom du fichier des réponses (Entrée pour valider)"),
            Line::from(self.name.text().to_string()),
            Line::from(Span::styled(esc, theme.dim())),
        ]
    }

    pub fn draw(&self, frame: &mut Frame, form: &Form, theme: &Theme) {
        let area = frame.area();
        let [top, about] =
            Layout::vertical([Constraint::Length(self.top_height()), Constraint::Min(0)])
                .areas(area);
        let mut lines = match (&self.recent, self.naming) {
            (Some(recent), false) => recent_lines(recent, theme),
            _ => {
                let col = (self.name.cursor() as u16).min(top.width.saturating_sub(3));
                frame.set_cursor_position((top.x + 1 + col, top.y + 2));
                self.naming_lines(theme)
            }
        };
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(
                format!("erreur : {e}"),
                theme.error(),
            )));
        }
        for note in &self.unreadable {
            lines.push(Line::from(Span::styled(
                format!("illisible : {note}"),
                theme.error(),
            )));
        }
        frame.render_widget(
            paragraph(lines).block(
                Block::new()
                    .borders(Borders::ALL)
                    .title(" fiche : préparer une candidature All_Ia_nce "),
            ),
            top,
        );
        frame.render_widget(
            paragraph(form.description.clone()).block(
                Block::new()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", form.title)),
            ),
            about,
        );
    }
}

/// The most recent draft here, and the keys to take it up or start anew.
fn recent_lines(recent: &std::path::Path, theme: &Theme) -> Vec<Line<'static>> {
    vec![
        Line::from(format!(
            "Brouillon le plus récent dans ce dossier : {}",
            recent.display()
        )),
        Line::from(""),
        Line::from(vec![
            Span::styled("Entrée", theme.key()),
            Span::raw(" : le reprendre    "),
            Span::styled("n", theme.key()),
            Span::raw(" : nouvelle candidature    "),
            Span::styled("Échap", theme.key()),
            Span::raw(" : quitter"),
        ]),
    ]
}

/// How the launcher ended.
#[derive(Debug, PartialEq)]
pub enum Launched {
    File(PathBuf),
    /// The user left: nothing to open.
    Left,
    /// A signal (or a terminal that hung up): the caller gives the terminal
    /// back and exits with 128 + the signal.
    Interrupted(i32),
}

/// Asks which file to open. Signals are watched from here on, so that one
/// arriving while the launcher is shown still gives the terminal back.
pub fn choose_file(screen: &mut super::Screen, form: &Form) -> Result<Launched> {
    super::signals::install();
    let recent = most_recent_draft(form, Path::new("."));
    let mut launcher = Launcher::in_folder(recent, Path::new("."));
    launcher.unreadable = fiche::application::unreadable_drafts(Path::new("."))
        .into_iter()
        .map(|(_, error)| {
            fiche::sanitize::terminal_line(&fiche::application::unreadable_note(&error))
                .into_owned()
        })
        .collect();
    let theme = Theme::from_env();
    loop {
        if let Some(signal) = super::signals::pending() {
            return Ok(Launched::Interrupted(signal));
        }
        screen.terminal().draw(|f| launcher.draw(f, form, &theme))?;
        let input = super::signals::wait_for_input(Duration::from_millis(500));
        if let Some(signal) = super::signals::pending() {
            return Ok(Launched::Interrupted(signal));
        }
        if input == super::signals::Input::Gone {
            return Ok(Launched::Interrupted(super::signals::HANGUP));
        }
        while event::poll(Duration::ZERO)? {
            match event::read()? {
                Event::Key(k) => match launcher.handle_key(k) {
                    Choice::Open(p) => return Ok(Launched::File(p)),
                    Choice::Cancel => return Ok(Launched::Left),
                    Choice::Pending => {}
                },
                Event::Paste(text) => launcher.paste(&text),
                _ => {}
            }
        }
    }
}

/// `candidature.toml`, or the first `candidature-N.toml` not in `folder`.
fn free_name(folder: &Path) -> String {
    let stem = DEFAULT_NAME.trim_end_matches(".toml");
    std::iter::once(DEFAULT_NAME.to_string())
        .chain((2..).map(|n| format!("{stem}-{n}.toml")))
        .find(|name| !folder.join(name).exists())
        .expect("an unbounded sequence of names has a free one")
}
