//! Drawing each editor inside a bordered box. Reads state only.

use fiche::form::{Kind, Question};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{ChoiceEditor, Editor, LineEditor, ListEditor, ListMode};
use crate::tui::text::{paragraph, truncate};
use crate::tui::theme::Theme;
use fiche::list_item;

/// The box title: what kind of answer is expected.
pub fn kind_label(q: &Question) -> &'static str {
    match q.kind {
        Kind::Text => "texte sur une ligne",
        Kind::Long => "texte long",
        Kind::Int => "nombre entier",
        Kind::Decimal => "nombre",
        Kind::Euros => "montant en euros",
        Kind::Percent => "pourcentage",
        Kind::Email => "adresse e-mail",
        Kind::Url => "adresse web",
        Kind::Bool => "oui ou non",
        Kind::Choice => "un choix",
        Kind::Multi => "plusieurs choix possibles",
        Kind::List => "liste d’éléments",
    }
}

/// How many lines the editor wants in a box `width` wide (the long text and
/// lists take the rest).
pub fn wanted_height(editor: &Editor, width: u16) -> Option<u16> {
    match editor {
        Editor::Line(_) => Some(3),
        Editor::Choice(c) => Some(option_rows(c, width.saturating_sub(2)).iter().sum::<u16>() + 2),
        Editor::Long(_) | Editor::List(_) => None,
    }
}

/// Columns before an option's text: the highlight mark.
const MARK_WIDTH: u16 = 2;

/// The rows each option takes, wrapped in `width` columns: a long label is
/// read whole, not cut.
fn option_rows(c: &ChoiceEditor, width: u16) -> Vec<u16> {
    c.lines()
        .iter()
        .map(|(text, _)| crate::tui::text::wrapped_height(text, width.saturating_sub(MARK_WIDTH)))
        .collect()
}

pub fn draw(
    editor: &Editor,
    q: &Question,
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    focused: bool,
) {
    let block = Block::new()
        .borders(Borders::ALL)
        .title(format!(" Votre réponse ({}) ", kind_label(q)))
        .border_style(if focused { t.focus_border() } else { t.dim() });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    match editor {
        Editor::Line(e) => draw_line(e, q, frame, inner, t, focused),
        Editor::Long(e) => frame.render_widget(e.widget(), inner),
        Editor::Choice(c) => draw_choice(c, frame, inner, t, focused),
        Editor::List(l) => draw_list(l, q, frame, inner, t, focused),
    }
}

fn draw_line(
    e: &LineEditor,
    q: &Question,
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    focused: bool,
) {
    if e.text().is_empty() {
        if let Some(p) = &q.placeholder {
            frame.render_widget(
                Paragraph::new(Span::styled(truncate(p, area.width as usize), t.dim())),
                area,
            );
        }
        if focused {
            frame.set_cursor_position(Position::new(area.x, area.y));
        }
        return;
    }
    let (shown, col) = e.visible(area.width.saturating_sub(1) as usize);
    frame.render_widget(Paragraph::new(shown), area);
    if focused {
        frame.set_cursor_position(Position::new(area.x + col as u16, area.y));
    }
}

fn draw_choice(c: &ChoiceEditor, frame: &mut Frame, area: Rect, t: &Theme, focused: bool) {
    let height = area.height;
    let rows = option_rows(c, area.width);
    // The first option shown: the highlighted one and those before it fit.
    let mut offset = 0;
    while offset < c.highlight && rows[offset..=c.highlight].iter().sum::<u16>() > height {
        offset += 1;
    }
    let text_width = area.width.saturating_sub(MARK_WIDTH) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (text, hl) in c.lines().into_iter().skip(offset) {
        for (n, part) in crate::tui::text::wrap(&text, text_width)
            .into_iter()
            .enumerate()
        {
            let mark = if hl && n == 0 { "› " } else { "  " };
            lines.push(if hl {
                Line::from(Span::styled(format!("{mark}{part}"), t.selected()))
            } else {
                Line::from(format!("{mark}{part}"))
            });
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
    // The terminal cursor follows the highlight, for screen readers and
    // magnifiers that track it.
    if focused && area.height > 0 {
        let row = rows[offset..c.highlight]
            .iter()
            .sum::<u16>()
            .min(area.height - 1);
        frame.set_cursor_position(Position::new(area.x + MARK_WIDTH, area.y + row));
    }
}

/// Fewest rows of the item's field summary kept under the field editor.
const MIN_FIELD_ROWS: u16 = 3;

/// The form of one list item: where we are, the field being edited (label,
/// help, editor, problem), then every field with its value. The editor gets
/// its room first, so a choice shows all its options whenever it can.
#[allow(clippy::too_many_arguments)]
fn draw_item_form(
    l: &ListEditor,
    q: &Question,
    field: usize,
    editor: &Editor,
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    focused: bool,
) {
    let f = &q.fields[field];
    let problem_lines = field_problem_lines(l, q, t);
    let problem_h = crate::tui::text::lines_height(&problem_lines, area.width).min(3);
    let fields_n = q.fields.len() as u16;
    let fixed = 2 + problem_h;
    let room = area.height.saturating_sub(fixed);
    let box_h = wanted_height(editor, area.width)
        .unwrap_or(room)
        .min(room.saturating_sub(fields_n.min(MIN_FIELD_ROWS)))
        .max(3)
        .min(room);
    let rest = room.saturating_sub(box_h);
    // The field's help, whole when there is room (two lines at most).
    let help_wanted = if f.help.is_empty() {
        0
    } else {
        crate::tui::text::wrapped_height(&f.help, area.width).min(2)
    };
    let help_h = help_wanted.min(rest.saturating_sub(fields_n.min(MIN_FIELD_ROWS)));
    let [head, label, help, box_area, problem_area, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(help_h),
        Constraint::Length(box_h),
        Constraint::Length(problem_h),
        Constraint::Fill(1),
    ])
    .areas(area);
    // Cut to one line when the whole help does not fit.
    let whole_help = help_h >= help_wanted;
    draw_field_heading(l, q, field, whole_help, frame, [head, label, help], t);
    draw(editor, f, frame, box_area, t, focused);
    frame.render_widget(paragraph(problem_lines), problem_area);
    draw_item_fields(l, q, field, frame, list, t);
}

/// What is wrong with the field being edited, and why Entrée stays when it
/// refused to move on.
fn field_problem_lines(l: &ListEditor, q: &Question, t: &Theme) -> Vec<Line<'static>> {
    let (problems, refused) = l.field_problems(q);
    let mut lines: Vec<Line> = problems
        .iter()
        .map(|m| Line::from(Span::styled(format!("✗ erreur : {m}"), t.error())))
        .collect();
    if refused {
        lines.push(Line::from(Span::styled(
            "Entrée ne passe au champ suivant qu’avec une valeur valide ; ↑ ↓ ou Échap pour la laisser.",
            t.warning(),
        )));
    }
    lines
}

/// Above the field's editor: « Élément n° · champ n° », the field's label
/// and its help (`whole_help`, or cut to one line).
fn draw_field_heading(
    l: &ListEditor,
    q: &Question,
    field: usize,
    whole_help: bool,
    frame: &mut Frame,
    [head, label, help]: [Rect; 3],
    t: &Theme,
) {
    let f = &q.fields[field];
    let width = head.width as usize;
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(
                &format!(
                    "Élément n° {} sur {} · champ {} sur {}",
                    l.cursor + 1,
                    l.items.len(),
                    field + 1,
                    q.fields.len()
                ),
                width,
            ),
            t.dim(),
        )),
        head,
    );
    let required = if f.required { " (obligatoire)" } else { "" };
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!("{}{required}", f.label), width),
            t.title(),
        )),
        label,
    );
    let help_text = if whole_help {
        f.help.to_string()
    } else {
        truncate(&f.help, width)
    };
    frame.render_widget(paragraph(help_text), help);
}

/// Every field of the item with its value; the list scrolls to keep field
/// `field` in view.
fn draw_item_fields(
    l: &ListEditor,
    q: &Question,
    field: usize,
    frame: &mut Frame,
    list: Rect,
    t: &Theme,
) {
    let width = list.width as usize;
    let Some(item) = l.items.get(l.cursor) else {
        return;
    };
    let rows = list.height as usize;
    let offset = if q.fields.len() <= rows {
        0
    } else {
        (field + 1)
            .saturating_sub(rows.div_ceil(2))
            .min(q.fields.len() - rows)
    };
    let lines: Vec<Line> = q
        .fields
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, f)| {
            let value = field_value(f, item.get(&f.id));
            let pointer = if i == field { "›" } else { " " };
            let text = truncate(&format!("{pointer} {} : {value}", f.label), width);
            if i == field {
                Line::from(Span::styled(text, t.selected()))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_list(
    l: &ListEditor,
    q: &Question,
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    focused: bool,
) {
    match &l.mode {
        ListMode::Item { field, editor, .. } => {
            draw_item_form(l, q, *field, editor, frame, area, t, focused)
        }
        _ => draw_items(l, q, frame, area, t),
    }
}

/// Room for an item's name in the delete question.
const DELETE_NAME_WIDTH: usize = 30;

/// A field's value in the item form, or what its emptiness means.
fn field_value(f: &Question, value: Option<&toml::Value>) -> String {
    let Some(v) = value else {
        return if f.required {
            "(obligatoire, vide)"
        } else {
            "(vide)"
        }
        .to_string();
    };
    match (f.kind, v) {
        (Kind::Choice, toml::Value::String(k)) => f.choice_label(k).unwrap_or(k).to_string(),
        (Kind::Bool, toml::Value::Boolean(b)) => if *b { "oui" } else { "non" }.to_string(),
        _ => super::initial_text(f, v).replace('\n', " "),
    }
}

/// The items, one line each (summarised by the library), scrolled so that
/// the selected one is shown, and under them the delete question when one
/// is asked (always in view: it is what the keys answer).
fn draw_items(l: &ListEditor, q: &Question, frame: &mut Frame, area: Rect, t: &Theme) {
    let width = area.width as usize;
    let question = matches!(l.mode, ListMode::ConfirmDelete).then(|| {
        let name = l
            .items
            .get(l.cursor)
            .map(|i| list_item::summary(q, i).name())
            .unwrap_or_default();
        format!(
            "Supprimer l’élément n° {} « {} » ? o : oui, n : non",
            l.cursor + 1,
            truncate(&name, DELETE_NAME_WIDTH)
        )
    });
    let question_h = question
        .as_deref()
        .map_or(0, |text| crate::tui::text::wrapped_height(text, area.width));
    let [list_area, question_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(question_h)]).areas(area);
    let mut lines: Vec<Line> = Vec::new();
    if l.items.is_empty() {
        lines.push(Line::from("Aucun élément pour l’instant."));
        lines.push(Line::from("Appuyez sur « a » pour en ajouter un."));
    }
    let rows = list_area.height as usize;
    let offset = (l.cursor + 1).saturating_sub(rows.max(1));
    for (i, item) in l.items.iter().enumerate().skip(offset).take(rows) {
        let text = truncate(
            &format!("{}. {}", i + 1, list_item::summary(q, item)),
            width.saturating_sub(2),
        );
        lines.push(if i == l.cursor {
            Line::from(Span::styled(format!("› {text}"), t.selected()))
        } else {
            Line::from(format!("  {text}"))
        });
    }
    frame.render_widget(Paragraph::new(lines), list_area);
    if let Some(text) = question {
        frame.render_widget(paragraph(Span::styled(text, t.warning())), question_area);
    }
}
