//! The parangonnage overlay, on `pertinence.solutions_existantes`: Ctrl+T
//! shows the initiatives of the State's shared table (an export the user
//! downloaded from Grist) closest to the application; the user ticks some
//! and they are appended to the answer (`fiche::parangonnage::cite`), never
//! over what was written. Without an export remembered in the profile, the
//! overlay first asks for its path.
//!
//! Keys only change state or ask the loop for [`InitiativesRequest`]s;
//! reading the export and the profile happens in [`App::open_initiatives`]
//! and [`App::load_initiatives`], which the loop calls.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

use fiche::parangonnage::{self, ANSWER_ID, ColumnSpec, Query, Ranked};
use fiche::sanitize;

use crate::tui::app::{App, Effect, Modal};
use crate::tui::editors::{Editor, LineEditor};
use crate::tui::keys::{self, Hints};
use crate::tui::text::truncate;
use crate::tui::theme::Theme;

/// Initiatives shown: the closest ones, as many as fit an 80×24 terminal.
pub const SHOWN: usize = 10;

/// What the overlay shows.
#[derive(Debug, Clone)]
pub enum Initiatives {
    /// Typing the path of an export, with why the last one was refused.
    AskPath(LineEditor, Option<String>),
    /// The closest initiatives of `export`, the line selected and the ticks.
    Pick {
        export: PathBuf,
        results: Vec<Ranked>,
        selected: usize,
        ticked: Vec<bool>,
    },
}

/// Work for the loop: it reads files, keys do not.
#[derive(Debug, Clone, PartialEq)]
pub enum InitiativesRequest {
    /// Ctrl+T: the export remembered in the profile, or ask for one.
    Open,
    /// Read this export and rank it (then remember it in the profile).
    Load(PathBuf),
}

impl Initiatives {
    pub fn hints(&self) -> Hints {
        match self {
            Initiatives::AskPath(..) => keys::INITIATIVES_PATH,
            Initiatives::Pick { .. } => keys::INITIATIVES,
        }
    }
}

impl App {
    /// Whether the question on screen is the one initiatives are cited in.
    pub fn cites_initiatives_here(&self) -> bool {
        self.question_id() == ANSWER_ID
    }

    /// Ctrl+T: on « Solutions existantes », asks the loop to open the
    /// overlay; elsewhere, says where it works.
    pub fn initiatives_key(&mut self) -> Effect {
        if self.screen == crate::tui::app::Screen::Question && self.cites_initiatives_here() {
            return Effect::Initiatives(InitiativesRequest::Open);
        }
        // Named as the user sees them: there is no section « Pertinence ».
        let place = match self.form.question(ANSWER_ID) {
            Some((section, q)) => format!("« {} » (section « {} »)", q.label, section.title),
            None => format!("« {ANSWER_ID} »"),
        };
        self.notice = Some(format!(
            "Ctrl+T montre les initiatives similaires sur la question {place}."
        ));
        Effect::None
    }

    /// Opens the overlay on the export the profile remembers, or asks for one.
    pub fn open_initiatives(&mut self, remembered: Option<PathBuf>) {
        match remembered {
            Some(export) => {
                self.load_initiatives(&export);
            }
            None => {
                self.modal = Some(Modal::Initiatives(Box::new(Initiatives::AskPath(
                    LineEditor::new(""),
                    None,
                ))))
            }
        }
    }

    /// Reads `export` and shows its initiatives closest to the answers;
    /// returns whether it could be read (an unreadable one is asked again,
    /// with the reason).
    pub fn load_initiatives(&mut self, export: &Path) -> bool {
        let _ = self.commit_if_touched();
        let query = Query::from_answers(&self.answers);
        match parangonnage::search(export, &ColumnSpec::default(), &query, SHOWN) {
            Ok((_, _, results)) => {
                self.modal = Some(Modal::Initiatives(Box::new(Initiatives::Pick {
                    export: export.to_path_buf(),
                    ticked: vec![false; results.len()],
                    results,
                    selected: 0,
                })));
                true
            }
            Err(e) => {
                self.modal = Some(Modal::Initiatives(Box::new(Initiatives::AskPath(
                    LineEditor::new(&export.display().to_string()),
                    Some(e.to_string()),
                ))));
                false
            }
        }
    }

    /// A key while the overlay is open (the overlay was taken out of
    /// `self.modal`; it is put back unless the key closes it).
    pub fn initiatives_modal_key(&mut self, overlay: Initiatives, key: KeyEvent) -> Effect {
        match overlay {
            Initiatives::AskPath(mut line, refused) => match key.code {
                KeyCode::Enter if !line.text().trim().is_empty() => {
                    let path = PathBuf::from(line.text().trim());
                    return Effect::Initiatives(InitiativesRequest::Load(path));
                }
                KeyCode::Esc => {}
                _ => {
                    line.handle_key(key);
                    let refused = refused.filter(|_| key.code == KeyCode::Enter);
                    self.modal = Some(Modal::Initiatives(Box::new(Initiatives::AskPath(
                        line, refused,
                    ))));
                }
            },
            Initiatives::Pick {
                export,
                results,
                mut selected,
                mut ticked,
            } => {
                let last = results.len().saturating_sub(1);
                match key.code {
                    KeyCode::Esc => return Effect::None,
                    KeyCode::Enter => {
                        self.cite_ticked(&results, &ticked);
                        return Effect::None;
                    }
                    KeyCode::Char('f' | 'F') => {
                        let line = LineEditor::new(&export.display().to_string());
                        self.modal = Some(Modal::Initiatives(Box::new(Initiatives::AskPath(
                            line, None,
                        ))));
                        return Effect::None;
                    }
                    KeyCode::Up => selected = selected.saturating_sub(1),
                    KeyCode::Down => selected = (selected + 1).min(last),
                    KeyCode::Char(' ') => {
                        if let Some(t) = ticked.get_mut(selected) {
                            *t = !*t;
                        }
                    }
                    _ => {}
                }
                self.modal = Some(Modal::Initiatives(Box::new(Initiatives::Pick {
                    export,
                    results,
                    selected,
                    ticked,
                })));
            }
        }
        Effect::None
    }

    /// Appends the ticked initiatives to the answer being edited, commits
    /// it and says what was added.
    fn cite_ticked(&mut self, results: &[Ranked], ticked: &[bool]) {
        let chosen: Vec<_> = results
            .iter()
            .zip(ticked)
            .filter(|(_, t)| **t)
            .map(|(r, _)| &r.initiative)
            .collect();
        if chosen.is_empty() {
            self.notice = Some("Aucune initiative cochée : rien n’a été ajouté.".to_string());
            return;
        }
        let Editor::Long(editor) = &mut self.editor else {
            return;
        };
        let citation = parangonnage::cite(&editor.text(), &chosen);
        if citation.added.is_empty() {
            self.notice = Some("Ces initiatives sont déjà citées : rien n’a été ajouté.".into());
            return;
        }
        editor.set_text(&citation.text);
        self.touched = true;
        if self.commit().is_ok() {
            self.notice = Some(format!(
                "{} à la réponse : remplacez « à compléter » par ce que vous en retenez.",
                fiche::format::count(
                    citation.added.len(),
                    "initiative ajoutée",
                    "initiatives ajoutées"
                )
            ));
        }
    }
}

/// The overlay as a dialog box: its title and lines.
pub fn dialog(app: &App, overlay: &Initiatives, width: u16) -> (&'static str, Vec<Line<'static>>) {
    let t = &app.theme;
    match overlay {
        Initiatives::AskPath(line, refused) => (
            " Initiatives similaires : export ",
            ask_path_lines(t, line, refused.as_deref()),
        ),
        Initiatives::Pick {
            export,
            results,
            selected,
            ticked,
        } => {
            let room = width.saturating_sub(2) as usize;
            let name = export
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut lines = vec![Line::from(truncate(
                &format!(
                    "Les plus proches de votre candidature dans {}",
                    sanitize::terminal_line(&name)
                ),
                room,
            ))];
            if results.is_empty() {
                lines.push(Line::from(
                    "Aucune initiative ne partage de mots avec votre candidature : décrivez d’abord le problème et la solution, ou choisissez un autre export (f).",
                ));
            }
            for (i, r) in results.iter().enumerate() {
                let is_ticked = ticked.get(i).copied().unwrap_or(false);
                let text = truncate(&result_text(r, is_ticked, i == *selected), room);
                lines.push(if i == *selected {
                    Line::from(Span::styled(text, t.selected()))
                } else {
                    Line::from(text)
                });
            }
            if let Some(r) = results.get(*selected) {
                lines.push(Line::from(""));
                lines.push(Line::from(format!(
                    "Mots en commun (n° {}) : {}",
                    r.rank,
                    sanitize::terminal_line(&r.words.join(", "))
                )));
            }
            lines.push(Line::from(""));
            lines.push(Line::from(
                "Espace : cocher   Entrée : ajouter les cochées à la réponse",
            ));
            lines.push(Line::from("f : autre export   Échap : fermer"));
            (" Initiatives similaires (parangonnage) ", lines)
        }
    }
}

/// Asking for the export's path, with why the last one was `refused`.
fn ask_path_lines(t: &Theme, line: &LineEditor, refused: Option<&str>) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from("Chemin de l’export du tableau des initiatives IA de l’État"),
        Line::from("(téléchargé depuis Grist en CSV ou XLSX) :"),
        Line::from(Span::styled(line.text().to_string(), t.selected())),
    ];
    if let Some(why) = refused {
        lines.push(Line::from(Span::styled(
            format!("erreur : {}", sanitize::terminal(why)),
            t.error(),
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(
        "fiche s’en souviendra (profil). Entrée : ouvrir   Échap : annuler",
    ));
    lines
}

/// One initiative of the list: its tick box, the cursor when `selected`
/// (a mark, not only a colour), its rank, name and administration.
fn result_text(r: &Ranked, ticked: bool, selected: bool) -> String {
    let mark = if ticked { "[x]" } else { "[ ]" };
    let cursor = if selected { "›" } else { " " };
    let who = &r.initiative.administration;
    format!(
        "{mark}{cursor}{:>2}. {}{}",
        r.rank,
        sanitize::terminal_line(&r.initiative.name),
        if who.is_empty() {
            String::new()
        } else {
            format!(" ({})", sanitize::terminal_line(who))
        },
    )
}
