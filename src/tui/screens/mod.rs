//! Drawing: one module per screen, plus the shared frame (header, footer,
//! too-small notice). Drawing only reads the state.

pub mod help;
pub mod question;
pub mod review;
pub mod sidebar;

pub use super::text::{truncate, wrapped_height};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Focus, Modal, Screen};
use super::editors::{Editor, ListMode};
use super::keys::{self, Hints};

/// Below this size the wizard explains instead of drawing.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Where each part of the screen goes; shared by drawing and mouse clicks.
pub struct Areas {
    pub header: Rect,
    pub sidebar: Rect,
    pub main: Rect,
    pub footer: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let side = (area.width * 30 / 100).clamp(24, 38);
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
    let a = areas(area);
    header(app, frame, a.header);
    sidebar::draw(app, frame, a.sidebar);
    match app.screen {
        Screen::Question => question::draw(app, frame, a.main),
        Screen::Review => review::draw(app, frame, a.main),
    }
    footer(app, frame, a.footer);
    match &app.modal {
        Some(Modal::Help(scroll)) => help::draw(app, *scroll, frame, area),
        Some(m) => help::draw_dialog(app, m, frame, area),
        None => {}
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Fenêtre trop petite ({}×{}). Agrandissez-la à au moins {MIN_WIDTH} colonnes sur {MIN_HEIGHT} lignes. Vos réponses sont enregistrées ; Ctrl+Q pour quitter.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
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
    let left = format!(" {} — {name}", app.form.title);
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
    if app.screen == Screen::Review {
        return keys::review();
    }
    if app.focus == Focus::Sections {
        return keys::SECTIONS;
    }
    match &app.editor {
        Editor::Line(_) => keys::TEXT,
        Editor::Long(_) => keys::LONG,
        Editor::Choice(_) => keys::CHOICE,
        Editor::List(l) => match l.mode {
            ListMode::Item { .. } => keys::LIST_ITEM,
            _ => keys::LIST,
        },
    }
}

fn footer(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let mut spans = Vec::new();
    for (key, label) in current_hints(app) {
        spans.push(Span::styled(format!(" {key}"), t.key()));
        spans.push(Span::raw(format!(" {label} ")));
        spans.push(Span::styled("│", t.dim()));
    }
    spans.pop();
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        area,
    );
}
