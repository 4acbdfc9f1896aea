//! The question screen: where we are, the French label and help, the
//! editor, then the counter, the figure as read and any problem in words.

use fiche::answers::parse_input;
use fiche::form::Kind;
use fiche::validate::Severity;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{lines_height, paragraph, wrapped_height};
use crate::tui::app::{App, Focus};
use crate::tui::autosave::SaveStatus;
use crate::tui::editors::{self, Editor, ListMode, french_figure};

/// Longest the section's introduction may be, in lines.
const INTRO_MAX_LINES: u16 = 4;
/// The introduction is shown only when the box is at least this tall.
const INTRO_MIN_HEIGHT: u16 = 16;
/// Longest the label and the help may be, in lines each.
const LABEL_MAX_LINES: u16 = 3;
/// Under the editor of a question that has advice, while it is hidden.
const GUIDANCE_REMINDER: &str = "Ctrl+G : afficher les conseils pour bien répondre";
/// Longest the notice may be, in lines.
const NOTICE_MAX_LINES: u16 = 6;

/// The texts around the editor whose length the layout depends on.
struct Texts<'a> {
    /// The section's introduction, on its first question when there is room.
    intro: Option<&'a str>,
    /// The advice, when shown (Ctrl+G).
    guidance: Option<String>,
    /// The remarks under the editor: counter, figure as read, problems.
    status: Vec<Line<'static>>,
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let inner = draw_box(app, frame, area);
    let texts = texts(app, inner);
    let (notice, notice_style) = notice_that_fits(app, inner, &texts);
    let notice_h = if notice.is_empty() {
        0
    } else {
        wrapped_height(&notice, inner.width).min(NOTICE_MAX_LINES)
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
    ] = Layout::vertical(heights(app, inner, &texts, notice_h)).areas(inner);
    frame.render_widget(
        paragraph(Span::styled(position_line(app), t.dim())),
        pos_area,
    );
    draw_texts(
        app,
        frame,
        [intro_area, label_area, help_area, guidance_area],
        texts.intro,
        texts.guidance.as_deref(),
    );
    let focused = app.focus == Focus::Editor && app.modal.is_none();
    editors::draw::draw(&app.editor, app.question(), frame, editor_area, t, focused);
    draw_status(app, frame, texts.status, status_area);
    let [_, notice_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(notice_h)]).areas(notice_area);
    frame.render_widget(paragraph(Span::styled(notice, notice_style)), notice_area);
}

/// The box titled « n/N · section », drawn; returns the room inside it.
fn draw_box(app: &App, frame: &mut Frame, area: Rect) -> Rect {
    let section = &app.form.sections[app.at.section];
    let block = Block::new().borders(Borders::ALL).title(Span::styled(
        format!(
            " {}/{} · {} ",
            app.at.section + 1,
            app.form.sections.len(),
            section.title
        ),
        app.theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// What is shown around the editor in a box of `inner`.
fn texts(app: &App, inner: Rect) -> Texts<'_> {
    let rank = app.walk.rank(app.at);
    let in_item = in_item(app);
    let intro = app.form.sections[app.at.section]
        .intro
        .as_deref()
        .filter(|_| rank.number == 1 && inner.height >= INTRO_MIN_HEIGHT && !in_item);
    // Editing one item of a list: its fields need the room, so the list
    // question's own remarks step aside until Échap.
    let status = if in_item {
        Vec::new()
    } else {
        status_lines(app)
    };
    Texts {
        intro,
        guidance: guidance_text(app),
        status,
    }
}

/// The notice and its style; the Ctrl+G reminder (also in the footer)
/// gives way to remarks that would otherwise be cut.
fn notice_that_fits(app: &App, inner: Rect, texts: &Texts) -> (String, ratatui::style::Style) {
    let (mut notice, style) = notice(app);
    if notice == GUIDANCE_REMINDER && status_cut(app, inner, texts, 0) {
        notice.clear();
    }
    (notice, style)
}

/// The section's introduction, the question's label and help, and the
/// advice when shown, each in its area.
fn draw_texts(
    app: &App,
    frame: &mut Frame,
    [intro_area, label_area, help_area, guidance_area]: [Rect; 4],
    intro: Option<&str>,
    guidance: Option<&str>,
) {
    let t = &app.theme;
    let q = app.question();
    if let Some(i) = intro {
        frame.render_widget(
            paragraph(Span::styled(
                i.to_string(),
                t.dim().add_modifier(ratatui::style::Modifier::ITALIC),
            )),
            intro_area,
        );
    }
    frame.render_widget(
        paragraph(Span::styled(q.label.clone(), t.title())),
        label_area,
    );
    frame.render_widget(paragraph(q.help.clone()), help_area);
    if let Some(g) = guidance {
        let lines: Vec<Line> = g
            .lines()
            .map(|l| Line::from(Span::styled(l.to_string(), t.warning())))
            .collect();
        frame.render_widget(paragraph(lines), guidance_area);
    }
}

/// The height of each part of the box, top to bottom: position, intro,
/// label, help, guidance, editor, status, notice.
fn heights(app: &App, inner: Rect, texts: &Texts, notice_h: u16) -> [Constraint; 8] {
    let (intro, guidance) = (texts.intro, texts.guidance.as_deref());
    let w = inner.width;
    let q = app.question();
    let in_item = in_item(app);
    // In a list item, « élément n° · champ n° » says where we are instead.
    let pos_h = if in_item {
        0
    } else {
        wrapped_height(&position_line(app), w).min(2)
    };
    let guidance_h = guidance.map_or(0, |g| wrapped_height(g, w).min(inner.height / 3));
    let intro_h = intro.map_or(0, |i| wrapped_height(i, w).min(INTRO_MAX_LINES) + 1);
    let label_h = wrapped_height(&q.label, w).min(LABEL_MAX_LINES);
    let help_h = if q.help.is_empty() || in_item {
        0
    } else {
        wrapped_height(&q.help, w).min(LABEL_MAX_LINES)
    };
    let editor_h = editors::draw::wanted_height(&app.editor, w);
    // Remarks and the business case take what the rest leaves (a third of
    // the box at least), so that at 80×24 they are not cut above blank lines.
    let rest = pos_h + intro_h + label_h + help_h + guidance_h + editor_h.unwrap_or(0) + notice_h;
    let room = match editor_h {
        Some(_) => inner.height.saturating_sub(rest).max(inner.height / 3),
        None => inner.height / 3,
    };
    let status_h = lines_height(&texts.status, w).min(room);
    [
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
    ]
}

/// Whether the remarks under the editor would be cut, with a notice of
/// `notice_h` lines.
fn status_cut(app: &App, inner: Rect, texts: &Texts, notice_h: u16) -> bool {
    let status_h = heights(app, inner, texts, notice_h)[6];
    status_h != Constraint::Length(lines_height(&texts.status, inner.width))
}

/// The remarks under the editor; when they do not all fit, the last line
/// says so instead of cutting a sentence silently.
fn draw_status(app: &App, frame: &mut Frame, lines: Vec<Line<'static>>, area: Rect) {
    let cut = lines_height(&lines, area.width) > area.height && area.height > 1;
    let [text_area, more_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(u16::from(cut))]).areas(area);
    frame.render_widget(paragraph(lines), text_area);
    if cut {
        let more = if area.width >= 50 {
            "… la suite : Ctrl+R (revue) ou fenêtre plus grande"
        } else {
            "… la suite : Ctrl+R (revue)"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(more, app.theme.dim())),
            more_area,
        );
    }
}

/// Whether one item of a list is being edited.
fn in_item(app: &App) -> bool {
    matches!(&app.editor, Editor::List(l) if matches!(l.mode, ListMode::Item { .. }))
}

/// « Question 2 sur 8 de la section (obligatoire) · réponses obligatoires
/// de la section : 3 sur 5 »: each figure says what it counts.
fn position_line(app: &App) -> String {
    let status = &app.report.sections[app.at.section];
    let invalid = app.invalid_in(app.at.section);
    let section_words = if status.is_complete() && invalid == 0 {
        "section complète ✓".to_string()
    } else {
        let errors = if invalid > 0 {
            format!(", {}", fiche::format::count(invalid, "erreur", "erreurs"))
        } else {
            String::new()
        };
        format!(
            "réponses obligatoires de la section : {} sur {}{errors}",
            status.answered, status.required
        )
    };
    let required = if app.question().required {
        "obligatoire"
    } else {
        "facultative"
    };
    format!(
        "{} de la section ({required}) · {section_words}",
        app.walk.rank(app.at)
    )
}

/// The advice shown with Ctrl+G, if it is on (not while editing a list
/// item: the item's fields need the room).
fn guidance_text(app: &App) -> Option<String> {
    match (&app.question().guidance, app.guidance && !in_item(app)) {
        (Some(g), true) => Some(format!("Conseils : {}", g.trim())),
        (None, true) => Some("Pas de conseil particulier pour cette question.".to_string()),
        _ => None,
    }
}

/// The line under the editor: a failed save in full (the header only has
/// room for a word), else the last message, else the Ctrl+G reminder.
fn notice(app: &App) -> (String, ratatui::style::Style) {
    let t = &app.theme;
    if let SaveStatus::Failed(m) = &app.save.status {
        let reason = m.split_whitespace().collect::<Vec<_>>().join(" ");
        // Some reasons end their last sentence, others (an I/O error's
        // words) do not: the next sentence needs its full stop either way.
        let stop = if reason.ends_with(['.', '!', '?', '…']) {
            ""
        } else {
            "."
        };
        return (
            format!(
                "Enregistrement impossible : {reason}{stop} Vos réponses restent en mémoire ; nouvel essai automatique. Ctrl+Q propose d’enregistrer ailleurs."
            ),
            t.error(),
        );
    }
    let text = app.notice.clone().unwrap_or_else(|| {
        if app.question().guidance.is_some() && !app.guidance && !in_item(app) {
            GUIDANCE_REMINDER.to_string()
        } else {
            String::new()
        }
    });
    (text, t.dim())
}

/// Counter, figure as read, and problems, each in words.
fn status_lines(app: &App) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = counter_line(app).into_iter().collect();
    let problems = problem_lines(app);
    if problems.is_empty() {
        out.extend(answer_state_line(app));
    }
    out.extend(problems);
    if let Some(origin) = app.answers.origin(&app.question_id())
        && !app.touched
    {
        out.push(Line::from(Span::styled(
            format!("↺ Réponse reprise de {origin} : vérifiez-la ; elle devient la vôtre dès que vous la modifiez."),
            app.theme.warning(),
        )));
    }
    if let Some(line) = reusable_line(app) {
        out.push(Line::from(Span::styled(line, app.theme.dim())));
    }
    out.extend(business_case(app));
    out
}

/// The length counter of a text, or a number as the program read it.
fn counter_line(app: &App) -> Option<Line<'static>> {
    let t = &app.theme;
    let q = app.question();
    // « 3 001 / 3 000 », as the messages and the accessible mode write them.
    let figure = |n: usize| fiche::format::integer(i64::try_from(n).unwrap_or(i64::MAX));
    match &app.editor {
        Editor::Long(e) => {
            let n = e.chars();
            Some(Line::from(match q.max_length {
                Some(max) if n > max => Span::styled(
                    format!(
                        "{} / {} caractères : trop long de {}",
                        figure(n),
                        figure(max),
                        figure(n - max)
                    ),
                    t.error(),
                ),
                Some(max) => Span::styled(
                    format!("{} / {} caractères", figure(n), figure(max)),
                    t.dim(),
                ),
                None => Span::styled(fiche::format::count(n, "caractère", "caractères"), t.dim()),
            }))
        }
        Editor::Line(e) if q.kind.is_numeric() => {
            let v = parse_input(q, e.text()).ok().flatten()?;
            let figure = french_figure(q, &v)?;
            (figure.replace(fiche::format::NBSP, " ") != e.text().trim())
                .then(|| Line::from(Span::styled(format!("Lu : {figure}"), t.dim())))
        }
        Editor::Line(e) if q.kind == Kind::Text => {
            let max = q.max_length?;
            let n = e.text().chars().count();
            Some(Line::from(Span::styled(
                format!("{} / {} caractères", figure(n), figure(max)),
                t.dim(),
            )))
        }
        _ => None,
    }
}

/// What is wrong with the answer: as typed while editing, else the
/// findings (validation and coach) about it.
fn problem_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let q = app.question();
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
            .filter(|f| !f.is_missing())
            .map(|f| (f.severity, f.message.clone()))
            .collect()
    };
    problems
        .into_iter()
        .map(|(severity, message)| {
            let (mark, style) = match severity {
                Severity::Error => ("✗", t.error()),
                Severity::Warning => ("!", t.warning()),
                Severity::Advice => ("i", t.warning()),
            };
            Line::from(Span::styled(
                format!("{mark} {} : {message}", severity.label_fr()),
                style,
            ))
        })
        .collect()
}

/// With no problem: valid, still to answer, or a default to keep.
fn answer_state_line(app: &App) -> Option<Line<'static>> {
    let t = &app.theme;
    let q = app.question();
    let answered = app.editor.value(q).is_some();
    let stored = fiche::answers::is_answered(app.answers.get(&app.question_id()).as_ref());
    if stored && !app.touched {
        Some(Line::from(Span::styled("✓ réponse valide", t.ok())))
    } else if q.required && !answered {
        Some(Line::from(Span::styled(
            "○ obligatoire : pas encore de réponse",
            t.dim(),
        )))
    } else if q.default.is_some() && !stored && !app.touched {
        Some(Line::from(Span::styled(
            "Valeur proposée par défaut : Entrée pour la garder, ou tapez la vôtre",
            t.dim(),
        )))
    } else {
        None
    }
}

/// On a reusable answer, exactly how it reaches the next applications: the
/// wizard does not write the profile itself.
pub fn reusable_line(app: &App) -> Option<String> {
    let value = app.answers.get(&app.question_id());
    let stored = fiche::answers::is_answered(value.as_ref());
    if !app.question().reusable || !stored || app.touched {
        return None;
    }
    // `profile save` leaves out an answer the form refuses: promising it
    // next to its error would be wrong.
    if value.is_some_and(|v| !fiche::validate::check_value(app.question(), &v).is_empty()) {
        return None;
    }
    let name = app
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(format!(
        "Réponse réutilisable : « fiche profile save {name} » l’enregistre dans votre profil pour vos prochaines candidatures."
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
        // Next to the full-scale figures, what they are for the pilot.
        let pilot = roi
            .pilot_note_fr()
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        format!("Bilan économique{typing} : {}{pilot}", roi.summary_fr())
    } else {
        format!(
            "Bilan économique non calculable : {}",
            roi.missing().join(" ; ")
        )
    };
    Some(Line::from(Span::styled(text, app.theme.title())))
}
