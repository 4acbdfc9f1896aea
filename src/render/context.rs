//! The data every document template receives, built once from the form and
//! the answers: sections in order, each answer with its French display text.
//!
//! Templates never format numbers or look up choice labels themselves, so the
//! Markdown, HTML, PDF and pitch documents all say the same thing.

use serde::Serialize;

use crate::answers::{Answers, is_answered};
use crate::coach::{self, CoachView, RoiView};
use crate::form::{Form, Kind, Question};
use crate::format;
use crate::validate::{self, Finding, Report, Severity};

#[derive(Debug, Serialize)]
pub struct DocumentContext {
    pub form: FormInfo,
    /// Product name, or a French placeholder when missing.
    pub product: String,
    /// `29 novembre 2026`.
    pub generated_on: String,
    /// Incomplete or invalid: the documents are marked `BROUILLON`.
    pub draft: bool,
    pub completeness: Completeness,
    pub sections: Vec<SectionView>,
    /// Raw answers: `a.volume.volume_annuel` → `575000`.
    pub a: toml::Table,
    /// Display texts: `t.volume.volume_annuel` → `575 000`.
    pub t: toml::Table,
    /// Required answers still missing (drafts' final annex).
    pub missing: Vec<MissingAnswer>,
    /// Open validation findings (errors and warnings).
    pub findings: Vec<Finding>,
    /// The business case: French figures (`1 610 143 €`) or why they are missing.
    pub roi: RoiView,
    /// The pitch coach's findings and the readiness score.
    pub coach: CoachView,
}

#[derive(Debug, Serialize)]
pub struct FormInfo {
    pub id: String,
    pub title: String,
    pub version: u32,
    pub contact: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Completeness {
    pub answered: usize,
    pub total: usize,
    pub percent: u8,
}

#[derive(Debug, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub intro: Option<String>,
    /// Whether any question of the section has an answer.
    pub answered: bool,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub full_id: String,
    pub label: String,
    pub kind: &'static str,
    pub required: bool,
    pub answered: bool,
    /// The answer as French text (numbers grouped, choice labels, Oui/Non);
    /// empty when unanswered. For lists, one line per item.
    pub text: String,
    /// Choice labels of a `multi` answer.
    pub labels: Vec<String>,
    /// Column labels of a `list` answer.
    pub columns: Vec<String>,
    /// Rows of a `list` answer: one display text per column.
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct MissingAnswer {
    pub id: String,
    pub label: String,
    pub section: String,
}

/// Builds the context from a checked application.
pub fn build(form: &Form, answers: &Answers, report: &Report) -> DocumentContext {
    let context = answers.context();
    let mut sections = Vec::new();
    let mut t = toml::Table::new();
    for section in &form.sections {
        let mut questions = Vec::new();
        let mut texts = toml::Table::new();
        for q in &section.questions {
            if !validate::is_visible(q, &context) {
                continue;
            }
            let value = answers.get_in(&section.id, &q.id);
            let view = question_view(&section.id, q, value.as_ref());
            texts.insert(q.id.clone(), toml::Value::String(view.text.clone()));
            questions.push(view);
        }
        t.insert(section.id.clone(), toml::Value::Table(texts));
        sections.push(SectionView {
            id: section.id.clone(),
            title: section.title.clone(),
            intro: section.intro.clone(),
            answered: questions.iter().any(|q| q.answered),
            questions,
        });
    }
    let missing = report
        .missing()
        .map(|f| {
            let (section, label) = form
                .question(&f.question_id())
                .map(|(s, q)| (s.title.clone(), q.label.clone()))
                .unwrap_or_default();
            MissingAnswer {
                id: f.id.clone(),
                label,
                section,
            }
        })
        .collect();
    let product = answers
        .get("identite.nom_produit")
        .and_then(|v| v.as_str().map(str::trim).map(str::to_string))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Produit sans nom".to_string());
    let review = coach::review(form, answers, report);
    DocumentContext {
        form: FormInfo {
            id: form.id.clone(),
            title: form.title.clone(),
            version: form.version,
            contact: form.contact.clone(),
        },
        product,
        generated_on: french_date(&jiff::ZonedDateTime::now().date()),
        draft: !report.is_complete(),
        completeness: Completeness {
            answered: report.required_answered,
            total: report.required_total,
            percent: report.percent(),
        },
        sections,
        a: answers.to_table(),
        t,
        missing,
        findings: report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Advice && !f.is_missing())
            .cloned()
            .collect(),
        roi: RoiView::from(&review.roi),
        coach: CoachView::from(&review),
    }
}

fn question_view(section: &str, q: &Question, value: Option<&toml::Value>) -> QuestionView {
    let answered = is_answered(value);
    let mut view = QuestionView {
        id: q.id.clone(),
        full_id: format!("{section}.{}", q.id),
        label: q.label.clone(),
        kind: q.kind.name(),
        required: q.required,
        answered,
        text: String::new(),
        labels: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
    };
    let Some(value) = value.filter(|_| answered) else {
        return view;
    };
    match q.kind {
        Kind::Multi => {
            view.labels = value
                .as_array()
                .map(|a| a.iter().map(|v| choice_text(q, v)).collect())
                .unwrap_or_default();
            view.text = view.labels.join(", ");
        }
        Kind::List => {
            view.columns = q.fields.iter().map(|f| f.label.clone()).collect();
            let items = value.as_array().cloned().unwrap_or_default();
            for item in &items {
                let row: Vec<String> = q
                    .fields
                    .iter()
                    .map(|f| {
                        item.get(&f.id)
                            .filter(|v| is_answered(Some(v)))
                            .map(|v| display(f, v))
                            .unwrap_or_default()
                    })
                    .collect();
                view.rows.push(row);
            }
            view.text = view
                .rows
                .iter()
                .map(|r| {
                    r.iter()
                        .filter(|c| !c.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" — ")
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        _ => view.text = display(q, value),
    }
    view
}

/// The French display text of one answer.
pub fn display(q: &Question, value: &toml::Value) -> String {
    match (q.kind, value) {
        (Kind::Int, toml::Value::Integer(i)) => format::integer(*i),
        (Kind::Euros, v) if format::as_number(v).is_some() => {
            format::euros(format::as_number(v).unwrap_or_default())
        }
        (Kind::Percent, v) if format::as_number(v).is_some() => {
            format::percent(format::as_number(v).unwrap_or_default())
        }
        (Kind::Decimal | Kind::Int, v) if format::as_number(v).is_some() => {
            format::decimal(format::as_number(v).unwrap_or_default())
        }
        (Kind::Bool, toml::Value::Boolean(b)) => if *b { "Oui" } else { "Non" }.to_string(),
        (Kind::Choice, v) => choice_text(q, v),
        (Kind::Multi, toml::Value::Array(a)) => a
            .iter()
            .map(|v| choice_text(q, v))
            .collect::<Vec<_>>()
            .join(", "),
        (_, toml::Value::String(s)) => s.trim_end().to_string(),
        (_, other) => other.to_string(),
    }
}

fn choice_text(q: &Question, v: &toml::Value) -> String {
    match v.as_str() {
        Some(k) => q.choice_label(k).unwrap_or(k).to_string(),
        None => v.to_string(),
    }
}

/// `29 novembre 2026`.
pub fn french_date(date: &jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = if date.day() == 1 {
        "1er".to_string()
    } else {
        date.day().to_string()
    };
    format!(
        "{day} {} {}",
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}
