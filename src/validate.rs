//! Field checks and completeness: what is missing or wrong in an application.
//!
//! Every finding names the question (`section.question`, or
//! `section.liste[2].champ` inside a repeatable block), says in French what to
//! fix, and carries the position in the file when it came from one.

use serde::Serialize;

use crate::answers::{Answers, is_answered};
use crate::form::{Form, Question};
use crate::ids::{FindingPath, Rule};
use crate::position::Position;
use crate::sanitize::echo;

/// Checks of one value, written with the question model (`form::check`).
pub use crate::form::{Problem, check_item, check_value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Advice,
}

impl Severity {
    /// The French word shown before a finding (never colour alone).
    pub fn label_fr(self) -> &'static str {
        match self {
            Severity::Error => "erreur",
            Severity::Warning => "attention",
            Severity::Advice => "conseil",
        }
    }
}

/// How a missing required answer's finding begins; the question's label,
/// in « », follows.
pub const MISSING_ANSWER: &str = "réponse obligatoire manquante : ";

/// One thing to fix or consider.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The question concerned (`section.question`, or `section.liste[2].champ`).
    pub id: String,
    pub section: String,
    pub severity: Severity,
    pub message: String,
    /// Stable rule id (`reponse-manquante`, a pitch-coach rule such as
    /// `irritant-sans-chiffres`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl Finding {
    pub fn new(id: &str, severity: Severity, message: impl Into<String>) -> Finding {
        let section = id.split('.').next().unwrap_or_default().to_string();
        Finding {
            id: id.to_string(),
            section,
            severity,
            message: message.into(),
            rule: None,
            position: None,
        }
    }

    /// The question id without any list index (`donnees.sources`).
    pub fn question_id(&self) -> String {
        self.path().question
    }

    /// What the finding points at, item and field included.
    pub fn path(&self) -> FindingPath {
        FindingPath::parse(&self.id)
    }

    /// A required answer is missing (not an answer to correct).
    pub fn is_missing(&self) -> bool {
        self.rule.as_ref() == Some(&Rule::MISSING)
    }
}

/// Progress of one section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionStatus {
    pub id: String,
    pub title: String,
    /// Visible required questions answered.
    pub answered: usize,
    /// Visible required questions.
    pub required: usize,
    pub errors: usize,
}

impl SectionStatus {
    pub fn is_complete(&self) -> bool {
        self.answered == self.required && self.errors == 0
    }
}

/// The result of checking an application against its form.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub sections: Vec<SectionStatus>,
    pub required_answered: usize,
    pub required_total: usize,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// Complete and valid: every visible required answer given, no error.
    pub fn is_complete(&self) -> bool {
        self.required_answered == self.required_total && self.errors().next().is_none()
    }

    /// Completion as a percentage of required answers, 0–100, rounded to
    /// the nearest (3 of 43 is 7 %, not 6 %), but never 100 while a
    /// required answer is missing nor 0 once one is given. Every screen
    /// and document shows this one.
    pub fn percent(&self) -> u8 {
        let (answered, total) = (self.required_answered, self.required_total);
        if total == 0 {
            return 100;
        }
        let answered = answered.min(total);
        let nearest = (answered * 200 + total) / (2 * total);
        let percent = match answered {
            0 => 0,
            a if a == total => 100,
            _ => nearest.clamp(1, 99),
        };
        percent as u8
    }

    /// [`Report::percent`] as a reader sees it: `6 %`, with the no-break
    /// space French typography puts before the sign.
    pub fn percent_fr(&self) -> String {
        crate::format::percent(f64::from(self.percent()))
    }

    /// Required answers missing, as findings.
    pub fn missing(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_missing())
    }
}

/// Whether `question` of `section` is shown given the other answers.
pub fn is_visible(question: &Question, context: &minijinja::Value) -> bool {
    question.when.as_ref().is_none_or(|c| c.holds(context))
}

/// Checks every answer and the completeness of an application.
pub fn check(form: &Form, answers: &Answers) -> Report {
    check_in(form, answers, &answers.condition_context(form))
}

/// Like [`check`], with the answers' condition context already built
/// (`Answers::condition_context`, or the whole `Answers::context`), for a
/// caller that also needs it.
pub fn check_in(form: &Form, answers: &Answers, context: &minijinja::Value) -> Report {
    let mut findings = Vec::new();
    let mut sections = Vec::new();
    let (mut total_answered, mut total_required) = (0, 0);
    for section in &form.sections {
        let mut status = SectionStatus {
            id: section.id.clone(),
            title: section.title.to_string(),
            answered: 0,
            required: 0,
            errors: 0,
        };
        let before = findings.len();
        for q in &section.questions {
            if !is_visible(q, context) {
                if is_answered(answers.value_in(&section.id, &q.id).as_deref()) {
                    findings.push(hidden_answer(answers, &section.full_id(q), q));
                }
                continue;
            }
            // Written out only for a finding.
            let id = || section.full_id(q);
            let value = answers.value_in(&section.id, &q.id);
            if q.required {
                status.required += 1;
                if is_answered(value.as_deref()) {
                    status.answered += 1;
                } else {
                    let mut f = Finding::new(
                        &id(),
                        Severity::Error,
                        format!("{MISSING_ANSWER}« {} »", q.label),
                    );
                    f.rule = Some(Rule::MISSING);
                    findings.push(f);
                }
            }
            if let Some(v) = &value {
                let problems = check_value(q, v);
                if !problems.is_empty() {
                    let id = id();
                    for problem in problems {
                        findings.push(located(answers, &id, problem));
                    }
                }
            }
        }
        status.errors = findings[before..]
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        total_answered += status.answered;
        total_required += status.required;
        sections.push(status);
    }
    findings.extend(unknown_answers(form, answers));
    Report {
        findings,
        sections,
        required_answered: total_answered,
        required_total: total_required,
    }
}

/// An answer the document leaves out, because other answers make its
/// question irrelevant (« Information des usagers » when the AI only
/// assists): said, so that the text is not thought lost.
fn hidden_answer(answers: &Answers, id: &str, q: &Question) -> Finding {
    let mut f = Finding::new(
        id,
        Severity::Advice,
        format!(
            "« {} » ne s’applique pas avec vos autres réponses : sa réponse est gardée dans le fichier mais n’apparaît pas dans la fiche ; si elle compte, revoyez les réponses dont elle dépend, sinon effacez-la",
            q.label
        ),
    );
    f.rule = Some(Rule::HIDDEN_ANSWER);
    f.position = answers.position(id);
    f
}

fn located(answers: &Answers, question_id: &str, p: Problem) -> Finding {
    let id = format!("{question_id}{}", p.path);
    let mut f = Finding::new(&id, Severity::Error, p.message);
    // A missing field of a list item is placed at its item's `[[…]]` header.
    let item = id.rfind(']').map(|end| &id[..=end]);
    f.position = answers
        .position(&id)
        .or_else(|| item.and_then(|item| answers.position(item)))
        .or_else(|| answers.position(question_id));
    f
}

/// Answers the form does not ask: kept in the file, but worth a warning in
/// case of a typo in an id.
/// `meta.form_version` must be a whole number: it decides migrations.
fn meta_findings(answers: &Answers) -> Vec<Finding> {
    match answers.meta("form_version") {
        Some(v) if v.as_integer().is_none_or(|n| n < 1) => {
            let mut f = Finding::new(
                "meta.form_version",
                Severity::Error,
                format!(
                    "meta.form_version doit être un nombre entier sans guillemets (ex. form_version = 1), pas {v}"
                ),
            );
            f.rule = Some(Rule::META_INVALID);
            f.position = answers.position("meta.form_version");
            vec![f]
        }
        _ => Vec::new(),
    }
}

fn unknown_answers(form: &Form, answers: &Answers) -> Vec<Finding> {
    let mut out = Vec::new();
    let table = answers.table();
    for (section_id, item) in table.iter() {
        if section_id == "meta" {
            out.extend(meta_findings(answers));
            continue;
        }
        if section_id.starts_with('_') {
            continue;
        }
        if section_id == crate::migrate::OLD_ANSWERS_TABLE {
            let mut f = Finding::new(
                section_id,
                Severity::Advice,
                "cette table garde vos réponses à des questions retirées du formulaire : reprenez ce qui reste utile dans les nouvelles questions, puis supprimez cette table",
            );
            f.rule = Some(Rule::OLD_ANSWERS);
            out.push(f);
            continue;
        }
        let Some(section) = form.section(section_id) else {
            let mut f = Finding::new(
                section_id,
                Severity::Warning,
                match form.nearest_section(section_id) {
                    Some(meant) => format!(
                        "la section « {} » n’existe pas dans le formulaire : vouliez-vous écrire [{meant}] ? Ses réponses sont conservées mais ignorées tant que le nom n’est pas corrigé",
                        echo(section_id)
                    ),
                    None => format!(
                        "la section « {} » n’existe pas dans le formulaire : ses réponses sont conservées mais ignorées (vérifiez l’orthographe)",
                        echo(section_id)
                    ),
                },
            );
            f.rule = Some(Rule::UNKNOWN_SECTION);
            f.position = answers.position(section_id);
            out.push(f);
            continue;
        };
        let Some(questions) = item.as_table() else {
            let mut f = Finding::new(
                section_id,
                Severity::Error,
                format!(
                    "« {0} » doit être une section (une ligne [{0}] suivie des réponses), pas une valeur : les réponses de cette section sont ignorées tant que ce n’est pas corrigé",
                    echo(section_id)
                ),
            );
            f.rule = Some(Rule::MALFORMED_SECTION);
            f.position = answers.position(section_id);
            out.push(f);
            continue;
        };
        for key in questions.keys() {
            if section.questions.iter().any(|q| &q.id == key) {
                continue;
            }
            let id = format!("{section_id}.{key}");
            let mut f = Finding::new(
                &id,
                Severity::Warning,
                match form.nearest_question(&id) {
                    Some(meant) => format!(
                        "« {} » n’est pas une question du formulaire : vouliez-vous écrire « {meant} » ? La réponse est conservée mais ignorée tant que l’identifiant n’est pas corrigé",
                        echo(&id)
                    ),
                    None => format!(
                        "« {} » n’est pas une question du formulaire : la réponse est conservée mais ignorée (vérifiez l’orthographe de l’identifiant)",
                        echo(&id)
                    ),
                },
            );
            f.rule = Some(Rule::UNKNOWN_QUESTION);
            f.position = answers.position(&id);
            out.push(f);
        }
        for q in section.questions.iter().filter(|q| !q.fields.is_empty()) {
            let Some(items) = questions.get(&q.id).and_then(|v| v.as_array()) else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let Some(item) = item.as_table() else {
                    continue;
                };
                for key in item
                    .keys()
                    .filter(|k| !q.fields.iter().any(|f| &f.id == *k))
                {
                    out.push(unknown_field(answers, section_id, q, i + 1, key));
                }
            }
        }
    }
    out
}

/// A field of a list item the form does not have (`natur` for `nature`):
/// kept in the file, but its answer is otherwise silently lost.
fn unknown_field(
    answers: &Answers,
    section_id: &str,
    q: &Question,
    number: usize,
    key: &str,
) -> Finding {
    let item = format!("{section_id}.{}[{number}]", q.id);
    let id = format!("{item}.{key}");
    let known = q
        .fields
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let hint = match q.nearest_field(key) {
        Some(meant) => format!("vouliez-vous écrire « {meant} » ?"),
        None => format!("les champs possibles sont : {known}."),
    };
    let mut f = Finding::new(
        &id,
        Severity::Warning,
        format!(
            "« {} » n’est pas un champ de « {} » : {hint} La réponse est conservée mais ignorée tant que le nom n’est pas corrigé",
            echo(key),
            q.label
        ),
    );
    f.rule = Some(Rule::UNKNOWN_QUESTION);
    f.position = answers.position(&id).or_else(|| answers.position(&item));
    f
}
