//! The help overlay: every key, from the same tables as the footer, in one
//! or two columns that scroll. The other dialogs are in `dialogs.rs`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keys;

fn table_lines(app: &App, title: &str, hints: keys::Hints, key_w: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = vec![Line::from(Span::styled(title.to_string(), t.title()))];
    for (key, label) in hints {
        out.push(Line::from(vec![
            Span::styled(format!("  {key:<key_w$}"), t.key()),
            // The overlay says both ways of Ctrl+G; it names the editor.
            Span::raw(match *key {
                "Ctrl+G" => format!(" {label}"),
                _ => format!(" {}", super::hint_label(app, key, label)),
            }),
        ]));
    }
    out
}

/// Two columns when every line fits in half the overlay (inside its
/// borders, the columns one space apart): a cut label would hide what a
/// key does.
fn two_columns_fit(area: Rect, widest: usize) -> bool {
    let inner = usize::from(area.width.saturating_sub(2));
    inner.saturating_sub(1) / 2 >= widest
}

/// The overlay's box and its columns of lines, for a screen of `area`.
fn contents(app: &App, area: Rect) -> (Rect, Vec<Vec<Line<'static>>>) {
    let mut tables: Vec<(&str, keys::Hints)> = keys::all().to_vec();
    tables.push(("Signes de la liste des sections", keys::LEGEND));
    let key_w = 16;
    let blocks: Vec<Vec<Line>> = tables
        .iter()
        .map(|(title, hints)| table_lines(app, title, hints, key_w))
        .collect();
    let widest = blocks.iter().flatten().map(Line::width).max().unwrap_or(0);
    let two_columns = two_columns_fit(area, widest);
    let mut columns: Vec<Vec<Line>> = vec![Vec::new(); if two_columns { 2 } else { 1 }];
    let total: usize = blocks.iter().map(Vec::len).sum();
    let mut used = 0;
    for block in blocks {
        let col = usize::from(two_columns && used >= total / 2);
        used += block.len();
        columns[col].extend(block);
    }
    let last = columns.len() - 1;
    columns[last].push(Line::from(""));
    columns[last].extend(
        keys::COMPLETION_FR
            .iter()
            .map(|l| Line::from(Span::styled(l.to_string(), app.theme.dim()))),
    );
    // The whole screen: nothing of the form shows through at its edges.
    (area, columns)
}

/// How far the overlay scrolls on a screen of `area` (0: it all fits).
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let (popup, columns) = contents(app, area);
    let inner = Block::new().borders(Borders::ALL).inner(popup);
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    longest.saturating_sub(inner.height)
}

pub fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let (popup, columns) = contents(app, area);
    let inner_h = Block::new().borders(Borders::ALL).inner(popup).height;
    let longest = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let scroll = scroll.min(max_scroll(app, area));
    // The title says whether there is more, and where we are.
    let title = if longest > inner_h {
        format!(
            " Aide · lignes {}–{} sur {} · ↑ ↓ Pg↑ Pg↓ défiler · Échap fermer ",
            scroll + 1,
            (scroll + inner_h).min(longest),
            longest
        )
    } else {
        " Aide : toutes les touches · Échap fermer ".to_string()
    };
    let block = Block::new().borders(Borders::ALL).title(title);
    frame.render_widget(Clear, popup);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let constraints = vec![Constraint::Fill(1); columns.len()];
    let areas = Layout::horizontal(constraints).spacing(1).split(inner);
    for (column, rect) in columns.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(column).scroll((scroll, 0)), *rect);
    }
}
