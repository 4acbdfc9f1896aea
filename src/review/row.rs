//! One application reduced to the figures a reviewer compares.

use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::discover::Input;
use super::finding::{TopFinding, top_finding};
use crate::answers::{Answers, AnswersError, ReadOnly};
use crate::coach::{self, CoachReport};
use crate::form::Form;
use crate::format;
use crate::validate::{self, Report, Severity};

/// Where an application stands, in the words of `fiche check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Complete, valid, and no coach error.
    Ready,
    /// Complete and valid, but the coach found what a jury would reject.
    ToCorrect,
    /// Required answers missing or invalid.
    ToComplete,
    /// The file could not be read (the row's `error` says why).
    Unreadable,
}

impl Status {
    pub fn label_fr(self) -> &'static str {
        match self {
            Status::Ready => "prête",
            Status::ToCorrect => "à corriger",
            Status::ToComplete => "à compléter",
            Status::Unreadable => "illisible",
        }
    }
}

/// One line of the summary table, the CSV and the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRow {
    /// The file as named or found (`candidatures/nord/srdt.toml`).
    pub file: String,
    pub status: Status,
    /// `identite.nom_produit`, trimmed; `None` when unanswered.
    pub product: Option<String>,
    pub administration: Option<String>,
    /// Required answers given, 0–100.
    pub completeness: Option<u8>,
    /// The coach's readiness score, 0–100.
    pub readiness: Option<u8>,
    pub coach_errors: usize,
    pub coach_warnings: usize,
    /// `tco.budget_annuel`, in euros.
    pub budget_per_year: Option<f64>,
    /// `tco.montant_demande`, in euros.
    pub amount_asked: Option<f64>,
    /// Agent time freed, valued in euros per year (the business case), to
    /// the euro.
    pub savings_per_year: Option<f64>,
    pub top_finding: Option<TopFinding>,
    /// Why the file could not be read (`status` is `unreadable`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl SummaryRow {
    /// A file that could not be read, with the French reason.
    pub fn unreadable(file: &str, error: String) -> SummaryRow {
        SummaryRow {
            file: file.to_string(),
            status: Status::Unreadable,
            product: None,
            administration: None,
            completeness: None,
            readiness: None,
            coach_errors: 0,
            coach_warnings: 0,
            budget_per_year: None,
            amount_asked: None,
            savings_per_year: None,
            top_finding: None,
            error: Some(error),
        }
    }

    /// Complete, valid and without coach error (exit code 0 for it).
    pub fn passes(&self) -> bool {
        self.status == Status::Ready
    }
}

/// What checking one file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    /// An application (readable or not: an unreadable named file is a row).
    Row(Box<SummaryRow>),
    /// A file found in a folder that is not an application of this form,
    /// with the French reason.
    Skipped(String),
}

/// A file opened for checking.
#[derive(Debug)]
pub enum Opened {
    /// An application of the form, migrated in memory to its current version.
    Application(Box<ReadOnly>),
    /// A file found in a folder that is not an application, and why.
    Skipped(String),
}

/// Opens one file to check. A file found in a folder that is not an
/// application of `form` is skipped rather than reported as an error; a
/// file the user named must be one (as [`crate::application::open`] says).
pub fn open(form: &Form, input: &Input) -> Result<Opened, AnswersError> {
    let answers = ReadOnly::load(&input.path)?;
    if !input.named
        && let Some(reason) = not_an_application(form, &answers)
    {
        return Ok(Opened::Skipped(reason));
    }
    crate::application::check_compatible(form, &answers, &input.path.display().to_string())?;
    Ok(Opened::Application(Box::new(answers.migrated(form))))
}

/// Opens and checks one file, down to its summary row.
pub fn summarize(form: &Form, input: &Input) -> Checked {
    let file = input.path.display().to_string();
    match open(form, input) {
        Ok(Opened::Application(answers)) => {
            // Built once for both: the sections the conditions read.
            let context = answers.condition_context(form);
            let report = validate::check_in(form, &answers, &context);
            let coach = coach::review_in(form, &answers, &report, &context);
            Checked::Row(Box::new(summarize_answers(
                &file, &answers, &report, &coach,
            )))
        }
        Ok(Opened::Skipped(reason)) => Checked::Skipped(reason),
        Err(e) => Checked::Row(Box::new(SummaryRow::unreadable(&file, e.to_string()))),
    }
}

/// Why a TOML file found in a folder is not an application of `form`: it
/// names another form, or has no `[meta] form` and none of the form's
/// sections (a tool's configuration, say).
fn not_an_application(form: &Form, answers: &Answers) -> Option<String> {
    match answers.form_id() {
        Some(id) if id == form.id => None,
        Some(id) => Some(format!(
            "répond au formulaire « {id} », pas à « {} »",
            form.id
        )),
        None => {
            let sections = answers.section_ids();
            let known = form.sections.iter().any(|s| sections.contains(&s.id));
            (!known).then(|| {
                "pas une candidature (ni [meta] form, ni section du formulaire)".to_string()
            })
        }
    }
}

/// The row of an application already checked.
pub fn summarize_answers(
    file: &str,
    answers: &Answers,
    report: &Report,
    coach: &CoachReport,
) -> SummaryRow {
    let status = if !report.is_complete() {
        Status::ToComplete
    } else if coach.errors().next().is_some() {
        Status::ToCorrect
    } else {
        Status::Ready
    };
    let count = |severity: Severity| {
        coach
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    SummaryRow {
        file: file.to_string(),
        status,
        product: text(answers, "identite.nom_produit"),
        administration: text(answers, "identite.administration"),
        completeness: Some(report.percent()),
        readiness: Some(coach.score.value),
        coach_errors: count(Severity::Error),
        coach_warnings: count(Severity::Warning),
        budget_per_year: amount(answers, report, coach::roi::BUDGET),
        amount_asked: amount(answers, report, "tco.montant_demande"),
        savings_per_year: coach
            .roi
            .euros_per_year()
            .ok()
            .and_then(|d| d.round().to_f64()),
        top_finding: top_finding(report, coach),
        error: None,
    }
}

fn text(answers: &Answers, id: &str) -> Option<String> {
    answers
        .get(id)
        .and_then(|v| v.as_str().map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
}

/// An amount the summary can show: a refused one (negative, beyond the
/// limits, not a number) is left out, as it is from the business case,
/// rather than printed as « -5 € » or thirty digits.
fn amount(answers: &Answers, report: &Report, id: &str) -> Option<f64> {
    if report
        .findings
        .iter()
        .any(|f| f.id == id && f.severity == Severity::Error)
    {
        return None;
    }
    answers
        .get(id)
        .as_ref()
        .and_then(format::as_number)
        .filter(|x| x.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn example(name: &str) -> Input {
        Input {
            path: Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(name),
            named: true,
        }
    }

    fn row(checked: Checked) -> SummaryRow {
        match checked {
            Checked::Row(row) => *row,
            other => panic!("expected a row, got {other:?}"),
        }
    }

    #[test]
    fn a_complete_application_gives_its_figures() {
        let form = crate::form::builtin();
        let row = row(summarize(&form, &example("assistant-srdt.toml")));
        assert_eq!(row.status, Status::Ready);
        assert_eq!(row.product.as_deref(), Some("Assistant SRDT"));
        assert_eq!(row.completeness, Some(100));
        assert_eq!(row.coach_errors, 0);
        assert!(row.readiness.is_some_and(|r| r > 50), "{row:?}");
        assert!(row.budget_per_year.is_some_and(|b| b > 0.0));
        assert!(row.savings_per_year.is_some_and(|s| s > 0.0));
        assert!(row.error.is_none());
    }

    #[test]
    fn refused_amounts_are_left_out_of_the_row() {
        let form = crate::form::builtin();
        let answers = Answers::parse(
            "[meta]\nform = \"fiche-action\"\nform_version = 1\n[tco]\nbudget_annuel = -5\nmontant_demande = 1e30\n",
            "t.toml",
        )
        .unwrap();
        let report = validate::check(&form, &answers);
        let coach = coach::review(&form, &answers, &report);
        let row = summarize_answers("t.toml", &answers, &report, &coach);
        assert_eq!(row.budget_per_year, None, "{row:?}");
        assert_eq!(row.amount_asked, None, "{row:?}");
    }

    #[test]
    fn a_draft_names_its_missing_answers_first() {
        let form = crate::form::builtin();
        let row = row(summarize(&form, &example("brouillon-incomplet.toml")));
        assert_eq!(row.status, Status::ToComplete);
        assert!(row.completeness.is_some_and(|c| c < 100));
        let top = row.top_finding.expect("a draft has a finding");
        if row.coach_errors == 0 {
            assert_eq!(top.rule.as_deref(), Some("reponse-manquante"));
            assert!(top.title.contains("manquante"), "{}", top.title);
            // The comparison's « Préparation » row read « 40 réponses
            // obligatoires manquantes, dont réponse obligatoire manquante :
            // « Slogan… » »: the first one is named once, by its label.
            assert_eq!(
                top.message,
                "40 réponses obligatoires manquantes, dont « Slogan : la promesse en une phrase »"
            );
        } else {
            assert_eq!(top.severity, Severity::Error);
        }
    }

    #[test]
    fn other_toml_files_found_in_a_folder_are_skipped_but_named_ones_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outil.toml");
        std::fs::write(&path, "[package]\nname = \"x\"\n").unwrap();
        let form = crate::form::builtin();
        let found = Input {
            path: path.clone(),
            named: false,
        };
        assert!(matches!(summarize(&form, &found), Checked::Skipped(_)));
        let other = dir.path().join("autre.toml");
        std::fs::write(&other, "[meta]\nform = \"autre-formulaire\"\n").unwrap();
        let Checked::Skipped(reason) = summarize(
            &form,
            &Input {
                path: other.clone(),
                named: false,
            },
        ) else {
            panic!("another form is skipped");
        };
        assert!(reason.contains("autre-formulaire"), "{reason}");
        let named = row(summarize(
            &form,
            &Input {
                path: other,
                named: true,
            },
        ));
        assert_eq!(named.status, Status::Unreadable);
        assert!(named.error.unwrap().contains("autre-formulaire"));
    }
}
