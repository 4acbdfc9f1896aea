//! The section list: each section with its progress (`3/5`, ✓, ✗ erreur),
//! the questions of the current section below it, and the completion bar.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{truncate, truncate_words};
use crate::tui::app::{App, At, Focus, Screen};

/// One clickable line of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Section(usize),
    Question(At),
}

/// The rows shown in a list `height` lines tall, and the first shown (the
/// list scrolls so the current line stays visible).
pub fn rows(app: &App, height: usize) -> (Vec<Row>, usize) {
    let mut rows = Vec::new();
    // Choosing a section shows them all; answering shows the current one's questions.
    let expand = app.screen == Screen::Question && app.focus == Focus::Editor;
    for s in 0..app.form.sections.len() {
        rows.push(Row::Section(s));
        if expand && s == app.at.section {
            for q in app.visible_in(s) {
                rows.push(Row::Question(At {
                    section: s,
                    question: q,
                }));
            }
        }
    }
    let current = match app.focus {
        Focus::Sections => Row::Section(app.sidebar),
        Focus::Editor => Row::Question(app.at),
    };
    let index = rows.iter().position(|r| *r == current).unwrap_or(0);
    let offset = if rows.len() <= height {
        0
    } else {
        index.saturating_sub(height / 2).min(rows.len() - height)
    };
    (rows, offset)
}

/// Lines of the completion figure and its bar, under the list.
const COMPLETION_LINES: u16 = 3;

/// Inner area of the list (inside the border, above the completion bar).
pub fn list_area(area: Rect) -> Rect {
    let inner = Block::new().borders(Borders::ALL).inner(area);
    let [list, _] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(COMPLETION_LINES)]).areas(inner);
    list
}

/// The width that shows every section title whole, with its mark and
/// progress, borders included.
pub fn wanted_width(app: &App) -> u16 {
    let longest = (0..app.form.sections.len())
        .map(|s| {
            let status = &app.report.sections[s];
            let progress = format!("{}/{} erreur", status.answered, status.required);
            app.form.sections[s].title.chars().count() + 1 + progress.chars().count()
        })
        .max()
        .unwrap_or(0);
    (longest + 4 + 2) as u16
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let focused = app.focus == Focus::Sections && app.screen == Screen::Question;
    let block = Block::new()
        .borders(Borders::ALL)
        .title(" Sections ")
        .border_style(if focused { t.focus_border() } else { t.dim() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let list = list_area(area);
    let width = list.width as usize;
    let (rows, offset) = rows(app, list.height as usize);
    let mut lines = Vec::new();
    for row in rows.iter().skip(offset).take(list.height as usize) {
        lines.push(match *row {
            Row::Section(s) => section_line(app, s, width, focused),
            Row::Question(at) => question_line(app, at, width),
        });
    }
    frame.render_widget(Paragraph::new(lines), list);
    let [_, bar] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(COMPLETION_LINES)]).areas(inner);
    frame.render_widget(Paragraph::new(completion(app, bar.width as usize)), bar);
}

fn section_line(app: &App, s: usize, width: usize, focused: bool) -> Line<'static> {
    let t = &app.theme;
    let status = &app.report.sections[s];
    let invalid = app.invalid_in(s);
    let (mark, suffix) = if invalid > 0 {
        ("✗", " erreur")
    } else if status.is_complete() {
        ("✓", "")
    } else {
        (" ", "")
    };
    let progress = format!("{}/{}{suffix}", status.answered, status.required);
    let title_room = width.saturating_sub(4 + progress.chars().count());
    let title = truncate_words(&app.form.sections[s].title, title_room);
    let pad = title_room.saturating_sub(title.chars().count());
    let selected = if focused {
        s == app.sidebar
    } else {
        app.screen == Screen::Question && s == app.at.section
    };
    let style = if selected && focused {
        t.selected()
    } else if s == app.at.section && app.screen == Screen::Question {
        t.title()
    } else {
        ratatui::style::Style::new()
    };
    let mark_style = if invalid > 0 { t.error() } else { t.ok() };
    // The pointer says which section is chosen, not only the reverse video.
    let pointer = if selected && focused { "›" } else { " " };
    Line::from(vec![
        Span::raw(pointer),
        Span::styled(format!("{mark} "), mark_style),
        Span::styled(format!("{title}{} {progress}", " ".repeat(pad)), style),
    ])
}

fn question_line(app: &App, at: At, width: usize) -> Line<'static> {
    let t = &app.theme;
    let state = app.question_state(at);
    let current = at == app.at && app.focus == Focus::Editor;
    let pointer = if current { "›" } else { " " };
    let label = &app.form.sections[at.section].questions[at.question].label;
    let text = truncate_words(label, width.saturating_sub(5));
    let style = if current { t.selected() } else { t.dim() };
    let mark_style = match state {
        crate::tui::nav::QuestionState::Error => t.error(),
        crate::tui::nav::QuestionState::Warning => t.warning(),
        crate::tui::nav::QuestionState::Answered => t.ok(),
        _ => t.dim(),
    };
    Line::from(vec![
        Span::raw(format!(" {pointer} ")),
        Span::styled(format!("{} ", state.mark()), mark_style),
        Span::styled(text, style),
    ])
}

/// What the completion counts, in words, then the figures and a bar; the
/// figures say it, the bar only repeats it.
fn completion(app: &App, width: usize) -> Vec<Line<'static>> {
    let r = &app.report;
    let pct = r.percent() as usize;
    let figures = format!(
        "{} sur {} · {}",
        r.required_answered,
        r.required_total,
        r.percent_fr()
    );
    let filled = width * pct / 100;
    vec![
        Line::from(truncate("Réponses obligatoires", width)),
        Line::from(truncate(&figures, width)),
        Line::from(format!(
            "{}{}",
            "█".repeat(filled),
            "░".repeat(width - filled)
        )),
    ]
}
