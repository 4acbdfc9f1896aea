//! Mouse: a click on a section or a question opens it; the wheel scrolls a
//! long answer or moves through the review list.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::app::{App, Screen};
use super::editors::Editor;
use super::screens::{self, sidebar};

pub fn handle(app: &mut App, m: MouseEvent, area: Rect) {
    if app.modal.is_some() || area.width < screens::MIN_WIDTH || area.height < screens::MIN_HEIGHT {
        return;
    }
    let a = screens::areas(app, area);
    let at = Position::new(m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            let list = sidebar::list_area(a.sidebar);
            if list.contains(at) {
                let (rows, offset) = sidebar::rows(app, list.height as usize);
                match rows.get(offset + (m.row - list.y) as usize) {
                    Some(sidebar::Row::Section(s)) => app.open_section(*s),
                    Some(sidebar::Row::Question(q)) => app.go_to(*q),
                    None => {}
                }
            } else if app.screen == Screen::Review {
                click_review(app, at, a.main);
            }
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if a.main.contains(at) => {
            let down = matches!(m.kind, MouseEventKind::ScrollDown);
            match (app.screen, &mut app.editor) {
                (Screen::Question, Editor::Long(e)) => e.scroll(if down { 3 } else { -3 }),
                (Screen::Review, _) => {
                    let n = app.review_items().len();
                    app.review = if down {
                        (app.review + 1).min(n.saturating_sub(1))
                    } else {
                        app.review.saturating_sub(1)
                    };
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// A click on a finding selects it; a click on the selected one opens it.
fn click_review(app: &mut App, at: Position, main: Rect) {
    let list = screens::review::parts(app, main).list;
    if !list.contains(at) || at.y == list.y {
        return;
    }
    let rows = list.height.saturating_sub(1) as usize;
    let index = screens::review::list_offset(app.review, rows) + (at.y - list.y - 1) as usize;
    let items = app.review_items();
    if items.get(index).is_none() {
        return;
    }
    if index == app.review {
        app.open_review_item(index);
    } else {
        app.review = index;
    }
}
