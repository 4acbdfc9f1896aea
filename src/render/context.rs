//! The data every document template receives, built once from the form and
//! the answers: sections in order, each answer with its French display text.
//!
//! Templates never format numbers or look up choice labels themselves, so the
//! fiche and the pitch say the same thing in Markdown, HTML, PDF and
//! OpenDocument, and so does the e-mail. What templates may read is listed
//! for template writers in `templates/README.md`.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::answers::{Answers, is_answered};
use crate::coach::{self, CoachView, Roi, RoiView};
use crate::form::{Form, Kind, Question, Section, Text};
use crate::format;
use crate::validate::{self, Finding, Report, Severity};

mod deferred;
mod groups;
mod texts;

pub use deferred::Deferred;
pub use texts::SectionTexts;

/// Serialized with `t` (the display texts, read from `sections`) after `a`.
#[derive(Debug)]
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
    pub a: Deferred<toml::Table>,
    /// Required answers still missing (drafts' final annex).
    pub missing: Vec<MissingAnswer>,
    /// Open validation findings (errors and warnings).
    pub findings: Vec<Finding>,
    /// The business case: French figures (`1 610 143 €`) or why they are missing.
    pub roi: RoiView,
    /// The pitch coach's findings and the readiness score.
    pub coach: Deferred<CoachView>,
    /// The budget lines' true sum, compared with the yearly budget.
    pub budget: BudgetView,
}

impl Serialize for DocumentContext {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("DocumentContext", 13)?;
        s.serialize_field("form", &self.form)?;
        s.serialize_field("product", &self.product)?;
        s.serialize_field("generated_on", &self.generated_on)?;
        s.serialize_field("draft", &self.draft)?;
        s.serialize_field("completeness", &self.completeness)?;
        s.serialize_field("sections", &self.sections)?;
        s.serialize_field("a", &self.a)?;
        s.serialize_field("t", &texts::Texts(&self.sections))?;
        s.serialize_field("missing", &self.missing)?;
        s.serialize_field("findings", &self.findings)?;
        s.serialize_field("roi", &self.roi)?;
        s.serialize_field("coach", &self.coach)?;
        s.serialize_field("budget", &self.budget)?;
        s.end()
    }
}

/// What documents print for an unanswered prompt of the fiche model.
pub const NOT_ANSWERED: &str = "non renseigné";

/// A section's heading in the documents: the fiche model's title, and for
/// a section the model does not have, « Les données (complément au
/// modèle) », or inside a title's own closing parenthesis « Pourquoi l’IA ?
/// (éviter le solutionnisme ; complément au modèle) » rather than two pairs
/// in a row.
pub fn section_heading(section: &Section) -> Text {
    let title = &section.document_title;
    if !section.addition {
        return title.clone();
    }
    Text::from(match title.strip_suffix(')') {
        Some(open) => format!("{open} ; complément au modèle)"),
        None => format!("{title} (complément au modèle)"),
    })
}

/// `budget` in templates: documents print a total only when it is the sum.
#[derive(Debug, Serialize)]
pub struct BudgetView {
    /// Sum of `tco.postes` amounts, in French (`300 000 €`); none without lines.
    pub lines_total: Option<String>,
    /// The lines add up to `tco.budget_annuel` (false when either is missing).
    pub lines_match: bool,
}

#[derive(Debug, Serialize)]
pub struct FormInfo {
    pub id: String,
    pub title: Text,
    pub version: u32,
    pub contact: Option<Text>,
}

#[derive(Debug, Serialize)]
pub struct Completeness {
    pub answered: usize,
    pub total: usize,
    pub percent: u8,
    /// Answers given but refused by the form (too long, out of range…),
    /// each counted once:
    /// a draft with every required answer can still have some.
    pub invalid: usize,
}

/// Serialized with each group's questions written out (`groups`).
#[derive(Debug)]
pub struct SectionView {
    pub id: String,
    /// The fiche model's heading, verbatim (`Quel est le problème à résoudre ?`).
    pub title: Text,
    /// The heading documents print: the title, followed by
    /// `(complément au modèle)` for a section the model does not have.
    pub heading: Text,
    /// The section is not in the fiche model.
    pub addition: bool,
    /// The wizard's title for the section.
    pub wizard_title: Text,
    pub intro: Option<Text>,
    /// Whether any question of the section has an answer.
    pub answered: bool,
    /// Whether documents print the section: an answer, or a model prompt
    /// to mark « non renseigné ».
    pub shown: bool,
    /// Visible questions, in form order.
    pub questions: Vec<QuestionView>,
    /// The same questions under the model's sub-headings
    /// (`Ressources nécessaires`); `title` is none before the first one.
    pub groups: Vec<GroupView>,
}

pub use groups::GroupView;

#[derive(Debug, Clone, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub full_id: String,
    /// The document label (`Slogan`), never the question asked.
    pub label: Text,
    /// The question the wizard asks (`Slogan : la promesse en une phrase`).
    pub question: Text,
    /// Sub-heading of the fiche model this question sits under.
    pub group: Option<Text>,
    /// A prompt of the fiche model: printed even unanswered.
    pub model_prompt: bool,
    /// Printed in documents: answered, or a model prompt (then `text` is
    /// `non renseigné` and `answered` false).
    pub shown: bool,
    pub kind: &'static str,
    pub required: bool,
    pub answered: bool,
    /// The answer as French text (numbers grouped, choice labels, Oui/Non);
    /// empty when unanswered. For lists, one line per item.
    pub text: String,
    /// Choice labels of a `multi` answer.
    pub labels: Vec<String>,
    /// Column labels of a `list` answer.
    pub columns: Vec<Text>,
    /// Rows of a `list` answer: one display text per column.
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct MissingAnswer {
    pub id: String,
    pub label: Text,
    pub section: Text,
}

/// Builds the context from a checked application.
pub fn build(form: &Form, answers: &Answers, report: &Report) -> DocumentContext {
    build_in(form, answers, report, &answers.condition_context(form))
}

/// Like [`build`], with the answers' condition context already built
/// (`Answers::condition_context` or `Answers::context`, as for
/// [`validate::check_in`]).
pub fn build_in(
    form: &Form,
    answers: &Answers,
    report: &Report,
    visibility: &minijinja::Value,
) -> DocumentContext {
    let review = coach::review_in(form, answers, report, visibility);
    build_reviewed(form, answers, report, visibility, &review)
}

/// Like [`build_in`], with the coach's review already made (the comparison
/// page needs it for its summary row too).
pub fn build_reviewed(
    form: &Form,
    answers: &Answers,
    report: &Report,
    visibility: &minijinja::Value,
    review: &coach::CoachReport,
) -> DocumentContext {
    let a = Deferred::made(answers.to_table());
    let coach = Deferred::made(CoachView::from(review));
    assemble(form, answers, report, visibility, &review.roi, a, coach)
}

/// Like [`build_in`], the coach's review made only when something reads
/// it: the context owns what the review reads.
pub fn build_deferred<A>(
    form: &'static Form,
    answers: std::sync::Arc<A>,
    report: std::sync::Arc<Report>,
    visibility: minijinja::Value,
) -> DocumentContext
where
    A: std::ops::Deref<Target = Answers> + Send + Sync + 'static,
{
    let roi = Roi::compute(form, &answers);
    let a = Deferred::later({
        let answers = answers.clone();
        move || answers.to_table()
    });
    let coach = Deferred::later({
        let (answers, report, visibility) = (answers.clone(), report.clone(), visibility.clone());
        move || CoachView::from(&coach::review_in(form, &answers, &report, &visibility))
    });
    assemble(form, &answers, &report, &visibility, &roi, a, coach)
}

/// The context, from its parts.
fn assemble(
    form: &Form,
    answers: &Answers,
    report: &Report,
    visibility: &minijinja::Value,
    roi: &Roi,
    a: Deferred<toml::Table>,
    coach: Deferred<CoachView>,
) -> DocumentContext {
    let sections = section_views(form, answers, visibility);
    let missing = missing_answers(form, report);
    let product = answers
        .get("identite.nom_produit")
        .and_then(|v| v.as_str().map(str::trim).map(str::to_string))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Produit sans nom".to_string());
    DocumentContext {
        form: FormInfo {
            id: form.id.clone(),
            title: form.title.clone(),
            version: form.version,
            contact: form.contact.clone(),
        },
        product,
        generated_on: french_date(&crate::clock::now().date()),
        draft: !report.is_complete(),
        completeness: Completeness {
            answered: report.required_answered,
            total: report.required_total,
            percent: report.percent(),
            invalid: invalid_answers(report),
        },
        sections,
        a,
        missing,
        findings: report
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Advice && !f.is_missing())
            .cloned()
            .collect(),
        roi: RoiView::from(roi),
        coach,
        budget: budget(answers),
    }
}

/// Every section as the documents show it (the answers as texts, `t`, are
/// read from them: see `texts`).
fn section_views(form: &Form, answers: &Answers, context: &minijinja::Value) -> Vec<SectionView> {
    let mut sections = Vec::with_capacity(form.sections.len());
    for section in &form.sections {
        let mut questions = Vec::with_capacity(section.questions.len());
        for q in &section.questions {
            if !validate::is_visible(q, context) {
                continue;
            }
            let value = answers.value_in(&section.id, &q.id);
            let mut view = question_view(&section.id, q, value.as_deref());
            if !view.answered && view.model_prompt {
                view.text = NOT_ANSWERED.to_string();
            }
            questions.push(view);
        }
        sections.push(section_view(section, questions));
    }
    sections
}

fn section_view(section: &Section, questions: Vec<QuestionView>) -> SectionView {
    let heading = section_heading(section);
    SectionView {
        id: section.id.clone(),
        title: section.document_title.clone(),
        heading,
        addition: section.addition,
        wizard_title: section.title.clone(),
        intro: section.intro.clone(),
        answered: questions.iter().any(|q| q.answered),
        shown: questions.iter().any(|q| q.shown),
        groups: groups::of(&questions),
        questions,
    }
}

/// How many answers the form refuses (one answer can break two rules).
fn invalid_answers(report: &Report) -> usize {
    let ids: std::collections::BTreeSet<&str> = report
        .errors()
        .filter(|f| !f.is_missing())
        .map(|f| f.id.as_str())
        .collect();
    ids.len()
}

/// The required answers still missing, for a draft's annex.
fn missing_answers(form: &Form, report: &Report) -> Vec<MissingAnswer> {
    report
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
        .collect()
}

fn budget(answers: &Answers) -> BudgetView {
    let total = coach::budget_lines_total(answers);
    let budget = coach::answer_number(answers, coach::roi::BUDGET);
    BudgetView {
        lines_total: total.and_then(|t| t.to_f64()).map(format::euros_answer),
        lines_match: matches!((total, budget), (Some(t), Some(b)) if t == b),
    }
}

fn question_view(section: &str, q: &Question, value: Option<&toml::Value>) -> QuestionView {
    let answered = is_answered(value);
    let mut view = QuestionView {
        id: q.id.clone(),
        full_id: [section, ".", &q.id].concat(),
        label: q.document_label.clone(),
        question: q.label.clone(),
        group: q.document_group.clone(),
        model_prompt: q.model_prompt,
        shown: answered || q.model_prompt,
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
            view.columns = q.fields.iter().map(|f| f.document_label.clone()).collect();
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
    // A number beyond the limits is refused by validation (and listed as an
    // error): shown as written (`1e300`), not as three hundred digits.
    let numeric = matches!(
        q.kind,
        Kind::Int | Kind::Decimal | Kind::Euros | Kind::Percent
    );
    if numeric
        && format::as_number(value)
            .is_some_and(|x| !x.is_finite() || x.abs() > crate::limits::MAX_ABS_NUMBER)
    {
        return match value {
            toml::Value::Float(x) => format!("{x:e}"),
            other => other.to_string(),
        };
    }
    match (q.kind, value) {
        (Kind::Int, toml::Value::Integer(i)) => format::integer(*i),
        (Kind::Euros, v) if format::as_number(v).is_some() => {
            format::euros_answer(format::as_number(v).unwrap_or_default())
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
