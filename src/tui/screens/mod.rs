//! Drawing: one module per screen, plus the shared frame (header, footer,
//! too-small notice). Drawing only reads the state.

pub mod dialogs;
pub mod help;
pub mod parangonnage;
pub mod question;
pub mod review;
pub mod sidebar;

pub use super::text::{lines_height, paragraph, truncate, wrapped_height};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, Modal, Offer, Screen};
use super::editors::{Editor, ListMode};
use super::keys::{self, Hints};

pub use super::text::{MIN_HEIGHT, MIN_WIDTH};

/// Where each part of the screen goes; shared by drawing and mouse clicks.
pub struct Areas {
    pub header: Rect,
    pub sidebar: Rect,
    pub main: Rect,
    pub footer: Rect,
}

/// Narrowest section list, and the share of the width it may take.
const SIDEBAR_MIN: u16 = 24;
const SIDEBAR_SHARE_PERCENT: u16 = 30;

pub fn areas(app: &App, area: Rect) -> Areas {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    // As wide as the longest section line needs, within its share of a wide
    // terminal: at 200 columns every title is whole.
    let side = (area.width * SIDEBAR_SHARE_PERCENT / 100)
        .min(sidebar::wanted_width(app))
        .max(SIDEBAR_MIN);
    let [sidebar, main] =
        Layout::horizontal([Constraint::Length(side), Constraint::Min(1)]).areas(body);
    Areas {
        header,
        sidebar,
        main,
        footer,
    }
}

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let a = areas(app, area);
    header(app, frame, a.header);
    sidebar::draw(app, frame, a.sidebar);
    match app.screen {
        Screen::Question => question::draw(app, frame, a.main),
        Screen::Review => review::draw(app, frame, a.main),
    }
    footer(app, frame, a.footer);
    match &app.modal {
        Some(Modal::Help(scroll)) => help::draw(app, *scroll, frame, area),
        Some(m) => dialogs::draw(app, m, frame, area),
        None => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Fenêtre trop petite ({}×{}). Agrandissez-la à au moins {MIN_WIDTH} colonnes sur {MIN_HEIGHT} lignes. Vos réponses sont enregistrées. En attendant, seul Ctrl+Q (quitter) agit : les autres touches sont ignorées.",
        area.width, area.height
    );
    frame.render_widget(paragraph(text), area);
}

fn header(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let name = app
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let status = app.save.label();
    let status_style = match app.save.status {
        super::autosave::SaveStatus::Failed(_) => t.error(),
        _ => t.ok(),
    };
    // A file name (or a form's title) may hold controls or bidi overrides:
    // shown by their code point, as in the answers.
    let left = fiche::sanitize::terminal(&format!(" {} — {name}", app.form.title)).into_owned();
    let room = (area.width as usize).saturating_sub(status.chars().count() + 1);
    let left = truncate(&left, room);
    let pad = room.saturating_sub(left.chars().count());
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(" ".repeat(pad)),
        Span::styled(status, status_style),
        Span::raw(" "),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The key table of the current context.
pub fn current_hints(app: &App) -> Hints {
    // A dialog takes every key: the footer says its keys, not the form's
    // (the help overlay covers the footer and says its own keys).
    let dialog = match &app.modal {
        Some(Modal::Offer(Offer::Intro(None))) => Some(keys::INTRO),
        Some(Modal::Offer(Offer::Intro(Some(_)) | Offer::KeptRecovery(..))) => {
            Some(keys::INTRO_THEN_OFFER)
        }
        Some(Modal::Offer(Offer::ChangedOnly(ids, _))) if ids.is_empty() => Some(keys::NOTICE),
        Some(Modal::Offer(_)) => Some(keys::OFFER),
        Some(Modal::Conflict(_)) => Some(keys::CONFLICT),
        Some(Modal::QuitUnsaved(_)) => Some(keys::QUIT_UNSAVED),
        Some(Modal::SaveAs(..)) => Some(keys::SAVE_AS),
        Some(Modal::Export(_)) => Some(keys::EXPORT),
        Some(Modal::Initiatives(overlay)) => Some(overlay.hints()),
        Some(Modal::Help(_)) | None => None,
    };
    if let Some(hints) = dialog {
        return hints;
    }
    if app.screen == Screen::Review {
        return keys::REVIEW;
    }
    if app.focus == Focus::Sections {
        return keys::SECTIONS;
    }
    match &app.editor {
        Editor::Line(_) => keys::TEXT,
        Editor::Long(_) if app.cites_initiatives_here() => keys::LONG_SOLUTIONS,
        Editor::Long(_) => keys::LONG,
        Editor::Choice(_) => keys::CHOICE,
        Editor::List(l) => match &l.mode {
            ListMode::Item { editor, .. } => match editor.as_ref() {
                Editor::Choice(_) => keys::LIST_ITEM_CHOICE,
                Editor::Long(_) => keys::LIST_ITEM_LONG,
                _ => keys::LIST_ITEM,
            },
            ListMode::ConfirmDelete => keys::LIST_DELETE,
            _ => keys::LIST,
        },
    }
}

/// A hint's label as it applies now: keys that toggle say what they will do,
/// Ctrl+E names the editor it opens.
pub fn hint_label(app: &App, key: &str, label: &'static str) -> std::borrow::Cow<'static, str> {
    match key {
        "Ctrl+G" if app.guidance => "masquer les conseils".into(),
        "Ctrl+G" => "afficher les conseils".into(),
        "1-9" => match &app.editor {
            Editor::Choice(c) => match c.pending_hint() {
                Some(hint) => hint.into(),
                None if c.multi => "numéro seul ou 1,3 : cocher".into(),
                None => label.into(),
            },
            _ => label.into(),
        },
        "Ctrl+E" if app.screen == Screen::Question => {
            format!("ouvrir dans {}", app.editor_program).into()
        }
        _ => label.into(),
    }
}

fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let hints: Vec<(&str, String)> = current_hints(app)
        .iter()
        .map(|(k, l)| (*k, hint_label(app, k, l).into_owned()))
        .collect();
    let rows = footer_rows(&hints, area.width as usize, area.height as usize);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|row| {
            let mut spans = Vec::new();
            for (key, label) in row {
                if !spans.is_empty() {
                    spans.push(Span::styled("│", t.dim()));
                }
                spans.push(Span::styled(format!(" {key}"), t.key()));
                spans.push(Span::raw(format!(" {label} ")));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Lays the hints out in `rows` lines of `width`, in table order, never
/// cutting one in two; when they do not all fit, the help key is kept (it
/// lists the others).
pub fn footer_rows<'a>(
    hints: &'a [(&'a str, String)],
    width: usize,
    rows: usize,
) -> Vec<Vec<(&'a str, &'a str)>> {
    let size = |(k, l): &(&str, String)| k.chars().count() + l.chars().count() + 3;
    let is_help = |k: &str| matches!(k, "F1" | "?");
    let help = hints.iter().find(|(k, _)| is_help(k));
    let mut out: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    let mut used = 0;
    for h in hints.iter().filter(|(k, _)| !is_help(k)) {
        let w = size(h) + usize::from(used > 0);
        // On the last row, leave room for the help key.
        let reserve = if out.len() == rows {
            help.map_or(0, |h| size(h) + 1)
        } else {
            0
        };
        if used + w + reserve > width {
            if out.len() == rows {
                continue;
            }
            out.push(Vec::new());
            used = 0;
        }
        used += size(h) + usize::from(used > 0);
        out.last_mut().unwrap().push((h.0, h.1.as_str()));
    }
    if let Some(h) = help {
        if used + size(h) + 1 > width && out.len() < rows {
            out.push(Vec::new());
        }
        out.last_mut().unwrap().push((h.0, h.1.as_str()));
    }
    out
}
/// Cuts `text` to `width` characters between words, ending with `…`, so
/// the words kept are whole (« Le problème… »); a trailing small word
/// (« de », « et ») goes too. When that would keep less than half the room
/// (a very narrow column), the text is cut mid-word instead.
pub fn truncate_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    const SMALL: &[&str] = &[
        "de", "du", "des", "et", "ou", "la", "le", "les", "l’", "d’", "à", "en", "vu", "(", "?",
        ":", "·",
    ];
    let room: String = text.chars().take(width.saturating_sub(1)).collect();
    let cut_mid_word = !room.ends_with(char::is_whitespace)
        && text
            .chars()
            .nth(width.saturating_sub(1))
            .is_some_and(|c| !c.is_whitespace());
    let mut words: Vec<&str> = room.split_whitespace().collect();
    if cut_mid_word {
        words.pop();
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| SMALL.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let kept = words.join(" ");
    let kept = kept.trim_end_matches([',', ';', ' ']);
    if words.is_empty() || kept.chars().count() * 2 < width {
        return super::text::truncate(text, width);
    }
    format!("{kept}…")
}
