//! The readiness score: 100 minus what the jury would hold against the
//! application, each deduction listed with its reason, and never above the
//! share of required answers given: a draft 30 % complete scores at most 30,
//! however clean its few answers are.

use serde::Serialize;

use super::rule_by_id;
use crate::validate::{Finding, Report, Severity};

/// What missing answers can cost at most (all of them missing).
const COMPLETENESS_POINTS: usize = 50;
/// Per field error (a wrong type, a value out of range), capped.
const FIELD_ERROR_POINTS: usize = 5;
const FIELD_ERROR_CAP: usize = 20;
/// Per coach rule that fired (once per rule, however many answers it names).
const COACH_ERROR_POINTS: usize = 10;
const COACH_WARNING_POINTS: usize = 5;

/// A score from 0 to 100 and the lines that explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    pub value: u8,
    /// One line per deduction (`-10 : décision entièrement automatisée
    /// (decision-automatique)`), then, when the completeness cap lowered the
    /// score, the line saying so with the score the deductions alone gave;
    /// or a single line saying nothing was lost.
    pub explanation: Vec<String>,
    /// The completeness capped the value: the last explanation line says so.
    pub capped: bool,
}

impl Readiness {
    /// The line saying the score is capped at the completeness, if it is.
    pub fn cap_line(&self) -> Option<&str> {
        self.explanation
            .last()
            .filter(|_| self.capped)
            .map(String::as_str)
    }

    /// The score in the words of the draft annexes, on one line, with the
    /// cap line when the completeness caps it: « Score de préparation :
    /// 30/100. Plafonné à 30 au lieu de 65 : … (le score ne dépasse pas la
    /// complétude). »
    pub fn summary_fr(&self) -> String {
        let mut summary = format!("Score de préparation : {}/100.", self.value);
        if let Some(cap) = self.cap_line() {
            summary.push_str(&format!(" {cap}."));
        }
        summary
    }
}

/// Combines completeness and field errors (`report`) with coach findings.
///
/// The value is `min(100 − deductions, completeness %)`. Missing answers
/// still cost their share of [`COMPLETENESS_POINTS`], so a draft always
/// scores below a complete application with the same other deductions, and
/// one whose deductions already bring it under its completeness is not
/// raised; the cap takes over when they are not enough, and its line names
/// the uncapped score so the reader can recompute both.
pub fn readiness(report: &Report, coach: &[Finding]) -> Readiness {
    let mut lines: Vec<(usize, String)> = Vec::new();
    let missing = report.required_total - report.required_answered.min(report.required_total);
    if missing > 0 {
        let cost = (COMPLETENESS_POINTS * missing).div_ceil(report.required_total.max(1));
        lines.push((
            cost,
            format!(
                "{} sur {}",
                crate::format::count(
                    missing,
                    "réponse obligatoire manquante",
                    "réponses obligatoires manquantes"
                ),
                report.required_total
            ),
        ));
    }
    let field_errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !f.is_missing())
        .count();
    if field_errors > 0 {
        lines.push((
            (field_errors * FIELD_ERROR_POINTS).min(FIELD_ERROR_CAP),
            format!(
                "{} à corriger",
                crate::format::count(field_errors, "erreur de saisie", "erreurs de saisie")
            ),
        ));
    }
    let mut rules: Vec<(&str, Severity)> = Vec::new();
    for f in coach {
        let Some(rule) = f.rule.as_deref() else {
            continue;
        };
        match rules.iter_mut().find(|(r, _)| *r == rule) {
            Some((_, severity)) => *severity = (*severity).min(f.severity),
            None => rules.push((rule, f.severity)),
        }
    }
    rules.sort_by_key(|(_, s)| *s);
    for (rule, severity) in rules {
        let cost = match severity {
            Severity::Error => COACH_ERROR_POINTS,
            Severity::Warning => COACH_WARNING_POINTS,
            Severity::Advice => continue,
        };
        let title = rule_by_id(rule).map_or(rule, |r| r.title);
        lines.push((cost, format!("{title} ({rule})")));
    }
    let lost: usize = lines.iter().map(|(c, _)| c).sum();
    let deducted = 100usize.saturating_sub(lost);
    let percent = report.percent().min(100);
    let value = deducted.min(usize::from(percent));
    let mut explanation: Vec<String> = lines
        .into_iter()
        .map(|(cost, why)| format!("-{cost} : {why}"))
        .collect();
    let capped = value < deducted;
    if capped {
        explanation.push(format!(
            "Plafonné à {value} au lieu de {deducted} : {} des réponses obligatoires données \
             (le score ne dépasse pas la complétude)",
            crate::format::percent(f64::from(percent))
        ));
    }
    if explanation.is_empty() {
        explanation.push("Aucun point perdu : candidature complète, sans alerte du coach.".into());
    }
    Readiness {
        value: value as u8,
        explanation,
        capped,
    }
}
