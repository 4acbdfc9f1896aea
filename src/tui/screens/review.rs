//! The review screen (Ctrl+R): where the application stands (completeness,
//! readiness score, business case), every missing or invalid answer and
//! coach finding (each opens its question; the selected one is read in full
//! below the list), and the key that opens the export menu (`e`, drawn in
//! `dialogs.rs`).

use fiche::validate::Severity;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{paragraph, truncate};
use crate::tui::app::App;

use fiche::render::Target;

/// The review screen's texts and where they go; shared with mouse clicks.
pub struct Parts {
    pub inner: Rect,
    pub summary: (String, Rect),
    /// The findings list; its first line is a heading.
    pub list: Rect,
    pub detail: Option<(String, Rect)>,
    pub notice: Rect,
    pub exports: (Vec<String>, Rect),
}

/// Longest the notice (an export's path) may be, in lines.
const NOTICE_MAX_LINES: u16 = 3;
/// Lines the findings list keeps, heading included, when the selected
/// finding's detail is long: a few when it can, the selected one at least.
const LIST_ROWS_KEPT: u16 = 4;
const LIST_ROWS_MIN: u16 = 2;

pub fn parts(app: &App, area: Rect) -> Parts {
    let inner = Block::new().borders(Borders::ALL).inner(area);
    let summary = summary(app);
    let exports = vec![export_line()];
    let export_h = exports.len() as u16 + 1;
    let w = inner.width;
    // Where an export went, whole: a cut path would leave the user guessing.
    let notice_h = app
        .notice
        .as_ref()
        .map_or(0, |n| super::wrapped_height(n, w).min(NOTICE_MAX_LINES));
    let detail = detail(app);
    let summary_h = super::wrapped_height(&summary, w);
    // The detail is where a long remark (a legal one) is read in full — the
    // question screen sends here for « la suite » — so it takes the room the
    // list can spare, not a fixed four lines.
    let spare = |list_rows: u16| {
        inner
            .height
            .saturating_sub(summary_h + notice_h + export_h + list_rows + 1)
    };
    let detail_h = detail.as_ref().map_or(0, |d| {
        let wanted = super::wrapped_height(d, w);
        let room = if wanted <= spare(LIST_ROWS_KEPT) {
            spare(LIST_ROWS_KEPT)
        } else {
            spare(LIST_ROWS_MIN)
        };
        wanted.min(room) + 1
    });
    let [summary_area, list, detail_area, notice, export_area] = Layout::vertical([
        Constraint::Length(summary_h),
        Constraint::Min(1),
        Constraint::Length(detail_h),
        Constraint::Length(notice_h),
        Constraint::Length(export_h),
    ])
    .areas(inner);
    let [_, detail_text] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(detail_area);
    Parts {
        inner,
        summary: (summary, summary_area),
        list,
        detail: detail.map(|d| (d, detail_text)),
        notice,
        exports: (exports, export_area),
    }
}

/// The selected finding's detail in `main`: the lines shown and the lines
/// left below them, for paging it.
pub fn detail_lines(app: &App, main: Rect) -> Option<(u16, u16)> {
    let (detail, rect) = parts(app, main).detail?;
    let total = super::wrapped_height(&detail, rect.width);
    Some((rect.height, total.saturating_sub(rect.height)))
}

/// Where the application stands: complete or not, the score, the ROI.
fn summary(app: &App) -> String {
    let r = &app.report;
    let complete = r.sections.iter().filter(|s| s.is_complete()).count();
    let coach_errors = app.coach.errors().count();
    let state = if r.is_complete() && coach_errors == 0 {
        "✓ Candidature complète et valide : prête à exporter.".to_string()
    } else if r.is_complete() {
        format!(
            "Candidature complète, mais le coach relève {} qu’un jury refuserait.",
            fiche::format::count(coach_errors, "erreur", "erreurs")
        )
    } else {
        format!(
            "Complétude {} : {}/{} réponses obligatoires, {}/{} sections complètes, {} à voir.",
            r.percent_fr(),
            r.required_answered,
            r.required_total,
            complete,
            r.sections.len(),
            fiche::format::count(app.review_items().len(), "point", "points")
        )
    };
    let roi = &app.coach.roi;
    format!(
        "{state} Score de préparation : {}/100.{}",
        app.coach.score.value,
        if roi.is_computable() {
            format!(" {}", roi.summary_fr())
        } else {
            String::new()
        }
    )
}

/// How to export, on one line, so the findings keep the room at 80×24;
/// the menu (`e`) lists every export and the file each one writes.
fn export_line() -> String {
    format!(
        "e : exporter ({} choix : fiche, pitch, courriel)",
        Target::all().len()
    )
}

/// The selected finding in full: the list lines may be cut.
fn detail(app: &App) -> Option<String> {
    let items = app.review_items();
    let (at, f) = items.get(app.review)?;
    let section = &app.form.sections[at.section];
    let q = &section.questions[at.question];
    Some(format!(
        "{} › {} — {} : {}",
        section.title,
        q.label,
        f.severity.label_fr(),
        f.message
    ))
}

/// First finding shown in a list `rows` lines tall (below its heading), so
/// the selection stays visible.
pub fn list_offset(selected: usize, rows: usize) -> usize {
    (selected + 1).saturating_sub(rows.max(1))
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = Block::new()
        .borders(Borders::ALL)
        .title(Span::styled(" Revue de la candidature ", t.title()));
    frame.render_widget(block, area);
    let p = parts(app, area);
    let w = p.inner.width;
    if let Some((d, rect)) = p.detail {
        draw_detail(app, frame, p.inner, d, rect);
    }
    let style = if app.report.is_complete() {
        t.ok()
    } else {
        ratatui::style::Style::new()
    };
    frame.render_widget(paragraph(Span::styled(p.summary.0, style)), p.summary.1);
    frame.render_widget(Paragraph::new(finding_lines(app, p.list)), p.list);
    if let Some(n) = &app.notice {
        frame.render_widget(paragraph(Span::styled(n.clone(), t.ok())), p.notice);
    }
    let (exports, export_area) = p.exports;
    let mut export_lines = vec![Line::from(Span::styled("Exporter :", t.title()))];
    export_lines.extend(
        exports
            .into_iter()
            .map(|e| Line::from(truncate(&e, w as usize))),
    );
    frame.render_widget(Paragraph::new(export_lines), export_area);
}

/// The selected finding's whole text in `rect`, scrolled by Pg↓ Pg↑; a
/// remark longer than the room says so in the line above it, with the keys
/// that move it: Pg↓ to read on until its end is shown, then only Pg↑.
fn draw_detail(app: &App, frame: &mut Frame, inner: Rect, detail: String, rect: Rect) {
    let total = super::wrapped_height(&detail, rect.width);
    let hidden = total.saturating_sub(rect.height);
    let scroll = app.review_detail_scroll().min(hidden);
    frame.render_widget(paragraph(detail).scroll((scroll, 0)), rect);
    if hidden > 0 && rect.y > inner.y {
        let above = Rect {
            y: rect.y - 1,
            height: 1,
            ..rect
        };
        let (first, last) = (scroll + 1, scroll + rect.height);
        let hint = if scroll < hidden {
            format!("Pg↓ Pg↑ : lire la suite (lignes {first}–{last} sur {total})")
        } else {
            format!("Pg↑ : remonter (fin, lignes {first}–{last} sur {total})")
        };
        frame.render_widget(Paragraph::new(Span::styled(hint, app.theme.dim())), above);
    }
}

/// The findings list for `area`: a heading, then as many findings as fit,
/// scrolled to keep the selected one (marked ›) in view.
fn finding_lines(app: &App, area: Rect) -> Vec<Line<'static>> {
    let t = &app.theme;
    let items = app.review_items();
    let mut lines = vec![Line::from(Span::styled(
        if items.is_empty() {
            "Rien à corriger.".to_string()
        } else {
            format!("À voir ({}) — Entrée : aller à la question", items.len())
        },
        t.dim(),
    ))];
    let rows = (area.height as usize).saturating_sub(1);
    let offset = list_offset(app.review, rows);
    for (i, (at, finding)) in items.iter().enumerate().skip(offset).take(rows) {
        let question = &app.form.sections[at.section].questions[at.question];
        let text = if finding.is_missing() {
            format!("manquante : {}", question.label)
        } else {
            format!("{} : {}", finding.severity.label_fr(), finding.message)
        };
        let text = truncate(&text, (area.width as usize).saturating_sub(2));
        let style = match finding.severity {
            Severity::Error => t.error(),
            _ => t.warning(),
        };
        lines.push(if i == app.review {
            Line::from(Span::styled(format!("› {text}"), t.selected()))
        } else {
            Line::from(vec![Span::raw("  "), Span::styled(text, style)])
        });
    }
    lines
}
