//! The comparison page (`fiche render --format html a.toml b.toml …`): the
//! summary rows, then one column per application for the five points of
//! the pitch and the business case. The page itself is a template
//! (`comparatif.html.j2`) that a user folder can override.

use serde::Serialize;

use super::row::{SummaryRow, summarize_answers};
use crate::answers::ReadOnly;
use crate::coach;
use crate::form::Form;
use crate::format;
use crate::render::context::{self, DocumentContext, FormInfo};
use crate::validate;

/// The template of the comparison page.
pub const TEMPLATE: &str = "comparatif.html.j2";

/// What `comparatif.html.j2` receives.
#[derive(Debug, Serialize)]
pub struct ComparisonContext {
    pub form: FormInfo,
    /// `29 novembre 2026`.
    pub generated_on: String,
    /// In the order the files were given.
    pub applications: Vec<Compared>,
}

/// One application of the comparison.
#[derive(Debug, Serialize)]
pub struct Compared {
    /// Its summary row (raw figures, as in `fiche check --format json`).
    pub summary: SummaryRow,
    /// The same figures as French texts (`300 000 €`, `85 %`), `—` when unknown.
    pub figures: Figures,
    /// Everything a fiche action document receives (`t`, `roi`, `coach`…).
    pub document: DocumentContext,
}

/// The summary row's figures, written for people.
#[derive(Debug, Serialize)]
pub struct Figures {
    /// The file's name without its folder (`candidature.toml`); the path
    /// given is `summary.file`.
    pub file_name: String,
    pub status: &'static str,
    pub completeness: String,
    pub readiness: String,
    pub coach: String,
    pub budget_per_year: String,
    pub amount_asked: String,
    pub savings_per_year: String,
}

/// Checks each application and builds the page's context.
pub fn comparison(form: &Form, applications: &[(String, ReadOnly)]) -> ComparisonContext {
    let mut compared = Vec::new();
    for (file, answers) in applications {
        let visibility = answers.condition_context(form);
        let report = validate::check_in(form, answers, &visibility);
        let review = coach::review_in(form, answers, &report, &visibility);
        let summary = summarize_answers(file, answers, &report, &review);
        let document = context::build_reviewed(form, answers, &report, &visibility, &review);
        compared.push(Compared {
            figures: Figures::from(&summary),
            summary,
            document,
        });
    }
    ComparisonContext {
        form: FormInfo {
            id: form.id.clone(),
            title: form.title.clone(),
            version: form.version,
            contact: form.contact.clone(),
        },
        generated_on: context::french_date(&crate::clock::now().date()),
        applications: compared,
    }
}

impl From<&SummaryRow> for Figures {
    fn from(row: &SummaryRow) -> Figures {
        let dash = || "—".to_string();
        let euros = |x: Option<f64>| x.map_or_else(dash, format::euros);
        let file_name = std::path::Path::new(&row.file)
            .file_name()
            .map_or_else(|| row.file.clone(), |n| n.to_string_lossy().into_owned());
        Figures {
            file_name,
            status: row.status.label_fr(),
            completeness: row
                .completeness
                .map_or_else(dash, |c| format::percent(f64::from(c))),
            readiness: row.readiness.map_or_else(dash, |r| format!("{r}/100")),
            coach: format!(
                "{}, {}",
                format::count(row.coach_errors, "erreur", "erreurs"),
                format::count(row.coach_warnings, "avertissement", "avertissements")
            ),
            budget_per_year: euros(row.budget_per_year),
            amount_asked: euros(row.amount_asked),
            savings_per_year: euros(row.savings_per_year),
        }
    }
}
