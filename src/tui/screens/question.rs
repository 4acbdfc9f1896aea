//! The question screen: where we are, the French label and help, the
//! editor, then the counter, the figure as read and any problem in words.

use fiche::answers::parse_input;
use fiche::form::Kind;
use fiche::validate::{MISSING, Severity};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::wrapped_height;
use crate::tui::app::{App, Focus};
use crate::tui::autosave::SaveStatus;
use crate::tui::editors::{self, Editor, ListMode, french_figure};

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let section = &app.form.sections[app.at.section];
    let status = &app.report.sections[app.at.section];
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        format!(
            " {}/{} · {} ",
            app.at.section + 1,
            app.form.sections.len(),
            section.title
        ),
        t.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let q = app.question();
    let visible = app.visible_in(app.at.section);
    let number = visible
        .iter()
        .position(|&i| i == app.at.question)
        .map_or(0, |p| p + 1);
    let invalid = app.invalid_in(app.at.section);
    // Each figure says what it counts: the question's place among the
    // section's questions, then the section's required answers.
    let section_words = if status.is_complete() && invalid == 0 {
        "section complète ✓".to_string()
    } else {
        let errors = if invalid > 0 {
            format!(", {invalid} erreur(s)")
        } else {
            String::new()
        };
        format!(
            "réponses obligatoires de la section : {} sur {}{errors}",
            status.answered, status.required
        )
    };
    let position = format!(
        "Question {number} sur {} de la section ({}) · {section_words}",
        visible.len(),
        if q.required {
            "obligatoire"
        } else {
            "facultative"
        }
    );
    let w = inner.width;
    // Editing one item of a list: its fields need the room, so the list
    // question's own help, advice and remarks step aside until Échap.
    let in_item = matches!(&app.editor, Editor::List(l) if matches!(l.mode, ListMode::Item { .. }));
    let guidance = match (&q.guidance, app.guidance && !in_item) {
        (Some(g), true) => Some(format!("Conseils : {}", g.trim())),
        (None, true) => Some("Pas de conseil particulier pour cette question.".to_string()),
        _ => None,
    };
    let guidance_h = guidance
        .as_ref()
        .map_or(0, |g| wrapped_height(g, w).min(inner.height / 3));
    let status_lines = if in_item {
        Vec::new()
    } else {
        status_lines(app)
    };
    let status_h = status_lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_height(&text, inner.width)
        })
        .sum::<u16>()
        .min(inner.height / 3);
    // The section's introduction, on its first question when there is room.
    let intro = section
        .intro
        .as_ref()
        .filter(|_| number == 1 && inner.height >= 16 && !in_item);
    let intro_h = intro.map_or(0, |i| wrapped_height(i, w).min(4) + 1);
    let label_h = wrapped_height(&q.label, w).min(3);
    let help_h = if q.help.is_empty() || in_item {
        0
    } else {
        wrapped_height(&q.help, w).min(3)
    };
    let editor_h = editors::draw::wanted_height(&app.editor);
    // A failed save is said in full here; the header only has room for a word.
    let (notice, notice_style) = match &app.save.status {
        SaveStatus::Failed(m) => (
            format!(
                "Enregistrement impossible : {} Vos réponses restent en mémoire ; nouvel essai automatique. Ctrl+Q propose d'enregistrer ailleurs.",
                m.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
            t.error(),
        ),
        _ => (
            app.notice.clone().unwrap_or_else(|| {
                if q.guidance.is_some() && !app.guidance && !in_item {
                    "Ctrl+G : afficher les conseils pour bien répondre à cette question".to_string()
                } else {
                    String::new()
                }
            }),
            t.dim(),
        ),
    };
    let notice_h = if notice.is_empty() {
        0
    } else {
        wrapped_height(&notice, w).min(6)
    };
    // In a list item, « élément n° · champ n° » says where we are instead.
    let pos_h = if in_item {
        0
    } else {
        wrapped_height(&position, w).min(2)
    };
    let [
        pos_area,
        intro_area,
        label_area,
        help_area,
        guidance_area,
        editor_area,
        status_area,
        notice_area,
    ] = Layout::vertical([
        Constraint::Length(pos_h),
        Constraint::Length(intro_h),
        Constraint::Length(label_h),
        Constraint::Length(help_h),
        Constraint::Length(guidance_h),
        editor_h.map_or(Constraint::Fill(1), Constraint::Length),
        Constraint::Length(status_h),
        if editor_h.is_some() {
            Constraint::Fill(1)
        } else {
            Constraint::Length(notice_h)
        },
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Span::styled(position, t.dim())).wrap(Wrap { trim: true }),
        pos_area,
    );
    if let Some(i) = intro {
        frame.render_widget(
            Paragraph::new(Span::styled(
                i.clone(),
                t.dim().add_modifier(ratatui::style::Modifier::ITALIC),
            ))
            .wrap(Wrap { trim: true }),
            intro_area,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(q.label.clone(), t.title())).wrap(Wrap { trim: true }),
        label_area,
    );
    frame.render_widget(
        Paragraph::new(q.help.clone()).wrap(Wrap { trim: true }),
        help_area,
    );
    if let Some(g) = guidance {
        let lines: Vec<Line> = g
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), t.warning())))
            .collect();
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }),
            guidance_area,
        );
    }
    let focused = app.focus == Focus::Editor && app.modal.is_none();
    editors::draw::draw(&app.editor, q, frame, editor_area, t, focused);
    frame.render_widget(
        Paragraph::new(status_lines).wrap(Wrap { trim: true }),
        status_area,
    );
    let [_, notice_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notice_h)]).areas(notice_area);
    frame.render_widget(
        Paragraph::new(Span::styled(notice, notice_style)).wrap(Wrap { trim: true }),
        notice_area,
    );
}

/// Counter, figure as read, and problems, each in words.
fn status_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = app.question();
    let mut out = Vec::new();
    match &app.editor {
        Editor::Long(e) => {
            let n = e.chars();
            out.push(Line::from(match q.max_length {
                Some(max) if n > max => Span::styled(
                    format!("{n} / {max} caractères : trop long de {}", n - max),
                    t.error(),
                ),
                Some(max) => Span::styled(format!("{n} / {max} caractères"), t.dim()),
                None => Span::styled(format!("{n} caractères"), t.dim()),
            }));
        }
        Editor::Line(e) if q.kind.is_numeric() => {
            if let Ok(Some(v)) = parse_input(q, e.text())
                && let Some(figure) = french_figure(q, &v)
                && figure.replace(fiche::format::NBSP, " ") != e.text().trim()
            {
                out.push(Line::from(Span::styled(format!("Lu : {figure}"), t.dim())));
            }
        }
        Editor::Line(e) if q.kind == Kind::Text => {
            if let Some(max) = q.max_length {
                let n = e.text().chars().count();
                out.push(Line::from(Span::styled(
                    format!("{n} / {max} caractères"),
                    t.dim(),
                )));
            }
        }
        _ => {}
    }
    let problems: Vec<(Severity, String)> = if let Editor::Choice(c) = &app.editor
        && let Some(m) = c.stray_text()
    {
        vec![(Severity::Warning, m)]
    } else if app.touched {
        app.editor
            .problems(q)
            .into_iter()
            .map(|m| (Severity::Error, m))
            .collect()
    } else {
        app.findings_here()
            .into_iter()
            .filter(|f| f.rule.as_deref() != Some(MISSING))
            .map(|f| (f.severity, f.message.clone()))
            .collect()
    };
    for (severity, message) in &problems {
        let style = if *severity == Severity::Error {
            t.error()
        } else {
            t.warning()
        };
        out.push(Line::from(Span::styled(
            format!(
                "{} {} : {message}",
                match severity {
                    Severity::Error => "✗",
                    Severity::Warning => "!",
                    Severity::Advice => "i",
                },
                severity.label_fr()
            ),
            style,
        )));
    }
    if problems.is_empty() {
        let answered = app.editor.value(q).is_some();
        let stored = fiche::answers::is_answered(app.answers.get(&app.question_id()).as_ref());
        if stored && !app.touched {
            out.push(Line::from(Span::styled("✓ réponse valide", t.ok())));
        } else if q.required && !answered {
            out.push(Line::from(Span::styled(
                "○ obligatoire : pas encore de réponse",
                t.dim(),
            )));
        } else if q.default.is_some() && !stored && !app.touched {
            out.push(Line::from(Span::styled(
                "Valeur proposée par défaut : Entrée pour la garder",
                t.dim(),
            )));
        }
    }
    if let Some(origin) = app.answers.origin(&app.question_id())
        && !app.touched
    {
        let from = if origin == fiche::answers::ORIGIN_PROFILE {
            "de votre profil".to_string()
        } else {
            format!("de {origin}")
        };
        out.push(Line::from(Span::styled(
            format!("↺ Réponse reprise {from} : vérifiez-la ; elle devient la vôtre dès que vous la modifiez."),
            t.warning(),
        )));
    }
    if let Some(line) = reusable_line(app) {
        out.push(Line::from(Span::styled(line, t.dim())));
    }
    out.extend(business_case(app));
    out
}

/// On a reusable answer, exactly how it reaches the next applications: the
/// wizard does not write the profile itself.
pub fn reusable_line(app: &App) -> Option<String> {
    let stored = fiche::answers::is_answered(app.answers.get(&app.question_id()).as_ref());
    if !app.question().reusable || !stored || app.touched {
        return None;
    }
    let name = app
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(format!(
        "Réponse réutilisable : « fiche profile save {name} » l'enregistre dans votre profil pour vos prochaines candidatures."
    ))
}

/// Sections whose answers feed the business case show it live.
const BUSINESS_CASE_SECTIONS: &[&str] = &["volume", "tco", "roi"];

/// The ROI figures as they stand with the committed answers, or why they
/// cannot be computed yet.
fn business_case(app: &App) -> Option<Line<'static>> {
    let section = &app.form.sections[app.at.section].id;
    if !BUSINESS_CASE_SECTIONS.contains(&section.as_str()) {
        return None;
    }
    // While a number is being typed, the figures already use it.
    let (roi, typing) = match &app.live_roi {
        Some(live) => (live, " (avec la valeur en cours de saisie)"),
        None => (&app.coach.roi, ""),
    };
    let text = if roi.is_computable() {
        format!("Bilan économique{typing} : {}", roi.summary_fr())
    } else {
        format!(
            "Bilan économique non calculable : {}",
            roi.missing().join(" ; ")
        )
    };
    Some(Line::from(Span::styled(text, app.theme.title())))
}
