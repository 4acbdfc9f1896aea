//! Field checks and completeness: what is missing or wrong in an application.
//!
//! Every finding names the question (`section.question`, or
//! `section.liste[2].champ` inside a repeatable block), says in French what to
//! fix, and carries the position in the file when it came from one.

use serde::Serialize;
use validator::{ValidateEmail, ValidateUrl};

use crate::answers::{Answers, is_answered};
use crate::form::{Form, Kind, Question};
use crate::format;
use crate::ids::{FindingPath, Rule};
use crate::limits;
use crate::position::Position;
use crate::sanitize::echo;

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

    /// Completion as a percentage of required answers, 0–100.
    pub fn percent(&self) -> u8 {
        (self.required_answered * 100)
            .checked_div(self.required_total)
            .map_or(100, |p| p as u8)
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
    check_in(form, answers, &answers.context())
}

/// Like [`check`], with the answers' condition context already built
/// (`Answers::context`), for a caller that also needs it.
pub fn check_in(form: &Form, answers: &Answers, context: &minijinja::Value) -> Report {
    let mut findings = Vec::new();
    let mut sections = Vec::new();
    let (mut total_answered, mut total_required) = (0, 0);
    for section in &form.sections {
        let mut status = SectionStatus {
            id: section.id.clone(),
            title: section.title.clone(),
            answered: 0,
            required: 0,
            errors: 0,
        };
        let before = findings.len();
        for q in &section.questions {
            if !is_visible(q, context) {
                continue;
            }
            let id = section.full_id(q);
            let value = answers.get_in(&section.id, &q.id);
            if q.required {
                status.required += 1;
                if is_answered(value.as_ref()) {
                    status.answered += 1;
                } else {
                    let mut f = Finding::new(
                        &id,
                        Severity::Error,
                        format!("réponse obligatoire manquante : « {} »", q.label),
                    );
                    f.rule = Some(Rule::MISSING);
                    findings.push(f);
                }
            }
            if let Some(v) = &value {
                for problem in check_value(q, v) {
                    findings.push(located(answers, &id, problem));
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

/// A problem found in one value: `path` is relative to the question
/// (empty, or `[2].nom` inside a list).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

fn problem(message: impl Into<String>) -> Problem {
    Problem {
        path: String::new(),
        message: message.into(),
    }
}

fn located(answers: &Answers, question_id: &str, p: Problem) -> Finding {
    let id = format!("{question_id}{}", p.path);
    let mut f = Finding::new(&id, Severity::Error, p.message);
    f.position = answers
        .position(&id)
        .or_else(|| answers.position(question_id));
    f
}

/// Checks one value against its question's type and limits (not whether it is
/// required). Editors call this as the user types.
pub fn check_value(q: &Question, value: &toml::Value) -> Vec<Problem> {
    match q.kind {
        Kind::Text | Kind::Long | Kind::Email | Kind::Url => check_text(q, value),
        Kind::Int | Kind::Decimal | Kind::Euros | Kind::Percent => check_number(q, value),
        Kind::Bool => check_bool(q, value),
        Kind::Choice => match value.as_str() {
            Some(k) if q.choice_label(k).is_some() => Vec::new(),
            Some(k) => vec![unknown_choice(q, k)],
            None => vec![wrong_type(q, value)],
        },
        Kind::Multi => check_multi(q, value),
        Kind::List => check_list(q, value),
    }
}

/// « Label » attend un nombre ; la valeur "abc" n'en est pas.
fn wrong_type(q: &Question, value: &toml::Value) -> Problem {
    problem(format!(
        "« {} » attend {} ; la valeur {} n'en est pas",
        q.label,
        q.kind.expected_fr(),
        short(value)
    ))
}

fn check_text(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(s) = value.as_str() else {
        return vec![wrong_type(q, value)];
    };
    if let Some(why) = limits::text_problem(s) {
        return vec![problem(format!("« {} » : {why}", q.label))];
    }
    let mut out = Vec::new();
    if q.kind == Kind::Text && s.contains('\n') {
        out.push(problem(format!(
            "« {} » tient sur une ligne : retirez les retours à la ligne",
            q.label
        )));
    }
    if let Some(max) = q.max_length {
        let n = s.chars().count();
        if n > max {
            out.push(problem(format!(
                "« {} » est trop long : {n} caractères pour {max} au plus ; raccourcissez de {} caractères",
                q.label,
                n - max
            )));
        }
    }
    let s = s.trim();
    if !s.is_empty() && q.kind == Kind::Email && !s.validate_email() {
        out.push(problem(format!(
            "« {} » n'est pas une adresse e-mail valide (exemple : prenom.nom@ministere.gouv.fr)",
            echo(s)
        )));
    } else if !s.is_empty() && q.kind == Kind::Email && !has_public_domain(s) {
        out.push(problem(format!(
            "« {} » n'est pas une adresse e-mail valide : après le @, le domaine doit finir par un suffixe comme .fr ou .gouv.fr (exemple : prenom.nom@seine-et-marne.gouv.fr)",
            echo(s)
        )));
    }
    if !s.is_empty() && q.kind == Kind::Url && !(s.validate_url() && s.contains("://")) {
        out.push(problem(format!(
            "« {} » n'est pas une adresse web valide (exemple : https://www.exemple.gouv.fr)",
            echo(s)
        )));
    }
    out
}

/// The bounds a number must stay within: the form's, narrowed for euros
/// (never negative) and percentages (0 to 100).
fn number_bounds(q: &Question) -> (Option<f64>, Option<f64>) {
    match q.kind {
        Kind::Euros => (Some(q.min.unwrap_or(0.0).max(0.0)), q.max),
        Kind::Percent => (
            Some(q.min.unwrap_or(0.0).max(0.0)),
            Some(q.max.unwrap_or(100.0).min(100.0)),
        ),
        _ => (q.min, q.max),
    }
}

fn check_number(q: &Question, value: &toml::Value) -> Vec<Problem> {
    if q.kind == Kind::Int && value.as_integer().is_none() {
        return vec![wrong_type(q, value)];
    }
    let Some(n) = format::as_number(value) else {
        return vec![wrong_type(q, value)];
    };
    if let Some(why) = limits::number_problem(n) {
        return vec![problem(format!(
            "« {} » : {why} (valeur : {})",
            q.label,
            short(value)
        ))];
    }
    let mut out = Vec::new();
    let (min, max) = number_bounds(q);
    if let Some(min) = min
        && n < min
    {
        out.push(problem(format!(
            "« {} » doit être au moins {} (valeur : {})",
            q.label,
            format::decimal(min),
            format::decimal(n)
        )));
    }
    if let Some(max) = max
        && n > max
    {
        out.push(problem(format!(
            "« {} » doit être au plus {} (valeur : {})",
            q.label,
            format::decimal(max),
            format::decimal(n)
        )));
    }
    out
}

fn check_bool(q: &Question, value: &toml::Value) -> Vec<Problem> {
    if value.as_bool().is_some() {
        return Vec::new();
    }
    vec![problem(format!(
        "« {} » attend oui ou non : écrivez true ou false, sans guillemets (valeur : {})",
        q.label,
        short(value)
    ))]
}

fn check_multi(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(items) = value.as_array() else {
        return vec![wrong_type(q, value)];
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_str() {
            Some(k) if q.choice_label(k).is_some() => {}
            Some(k) => out.push(unknown_choice(q, k)),
            None => out.push(wrong_type(q, value)),
        }
    }
    if items.len() > 1
        && let Some(alone) = q
            .choices
            .iter()
            .find(|c| c.exclusive && items.iter().any(|i| i.as_str() == Some(&c.key)))
    {
        out.push(problem(format!(
            "« {} » : « {} » ne se coche pas avec d'autres choix ; gardez-le seul ou retirez-le",
            q.label, alone.label
        )));
    }
    check_min_items(q, items.len(), &mut out);
    out
}

/// Each item of a list question: a table whose fields are checked like
/// questions (`[2].nom` paths), then the number of items.
fn check_list(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(items) = value.as_array() else {
        return vec![wrong_type(q, value)];
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("[{}]", i + 1);
        let Some(table) = item.as_table() else {
            out.push(Problem {
                path,
                message: format!(
                    "l'élément n° {} de « {} » doit être une table ([[…]])",
                    i + 1,
                    q.label
                ),
            });
            continue;
        };
        out.extend(check_item(q, i + 1, table));
    }
    check_min_items(q, items.len(), &mut out);
    out
}

/// Item `n` (from 1) of list question `q`, alone: each field checked like a
/// question (`[n].champ` paths).
pub fn check_item(q: &Question, n: usize, item: &toml::Table) -> Vec<Problem> {
    q.fields
        .iter()
        .flat_map(|field| check_item_field(q, n, field, item.get(&field.id)))
        .collect()
}

/// One field of item `n` (from 1) of list question `q`.
fn check_item_field(
    q: &Question,
    n: usize,
    field: &Question,
    value: Option<&toml::Value>,
) -> Vec<Problem> {
    let path = format!("[{n}].{}", field.id);
    let mut out = Vec::new();
    if field.required && !is_answered(value) {
        out.push(Problem {
            path: path.clone(),
            message: format!(
                "« {} » n° {n} : « {} » est obligatoire",
                q.label, field.label
            ),
        });
    }
    if let Some(v) = value {
        for p in check_value(field, v) {
            out.push(Problem {
                path: path.clone(),
                message: format!("« {} » n° {n} : {}", q.label, p.message),
            });
        }
    }
    out
}

fn check_min_items(q: &Question, n: usize, out: &mut Vec<Problem>) {
    if let Some(min) = q.min_items
        && n < min
        && n > 0
    {
        out.push(problem(format!(
            "« {} » demande au moins {min} élément(s) ; il y en a {n}",
            q.label
        )));
    }
}

/// Whether an address's domain ends with a suffix such as `.fr` or
/// `.gouv.fr`: `claire.dupont@seine-et-marne` is a valid address for the
/// standard but reaches no one from outside a local network.
fn has_public_domain(address: &str) -> bool {
    let Some((_, domain)) = address.rsplit_once('@') else {
        return false;
    };
    match domain.rsplit_once('.') {
        Some((name, suffix)) => {
            !name.is_empty()
                && suffix.chars().count() >= 2
                && suffix.chars().all(|c| c.is_alphabetic())
        }
        None => false,
    }
}

fn unknown_choice(q: &Question, key: &str) -> Problem {
    let keys: Vec<String> = q
        .choices
        .iter()
        .map(|c| format!("{} ({})", c.key, c.label))
        .collect();
    problem(format!(
        "« {} » n'est pas un choix possible pour « {} » ; choix possibles : {}",
        echo(key),
        q.label,
        keys.join(", ")
    ))
}

fn short(value: &toml::Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
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
    let table = answers.to_table();
    for (section_id, item) in &table {
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
                format!(
                    "la section « {} » n'existe pas dans le formulaire : ses réponses sont conservées mais ignorées (vérifiez l'orthographe)",
                    echo(section_id)
                ),
            );
            f.rule = Some(Rule::UNKNOWN_SECTION);
            out.push(f);
            continue;
        };
        let Some(questions) = item.as_table() else {
            let mut f = Finding::new(
                section_id,
                Severity::Error,
                format!(
                    "« {0} » doit être une section (une ligne [{0}] suivie des réponses), pas une valeur : les réponses de cette section sont ignorées tant que ce n'est pas corrigé",
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
                format!(
                    "« {} » n'est pas une question du formulaire : la réponse est conservée mais ignorée (vérifiez l'orthographe de l'identifiant)",
                    echo(&id)
                ),
            );
            f.rule = Some(Rule::UNKNOWN_QUESTION);
            f.position = answers.position(&id);
            out.push(f);
        }
    }
    out
}
