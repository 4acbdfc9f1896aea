//! The one finding a reviewer should read first for an application.

use serde::Serialize;

use crate::coach::{CoachReport, rule_by_id};
use crate::ids::Rule;
use crate::validate::{Finding, Report, Severity};

/// The most serious finding of an application, in words short enough for a
/// table cell (`title`) and in full (`message`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopFinding {
    pub severity: Severity,
    /// Stable rule id (`decision-automatique`, `reponse-manquante`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// The question to look at (`solution.role_ia`).
    pub question: String,
    /// A few words: the rule's name, or how many answers are missing.
    pub title: String,
    pub message: String,
}

/// In order of seriousness: what a jury would reject outright (a coach
/// error), then missing answers, invalid answers, the coach's warnings,
/// other warnings and last advice. Within a kind, the first in form order.
pub fn top_finding(report: &Report, coach: &CoachReport) -> Option<TopFinding> {
    if let Some(f) = coach.errors().next() {
        return Some(from_coach(f));
    }
    let missing: Vec<&Finding> = report.missing().collect();
    if let Some(first) = missing.first() {
        // « 40 réponses obligatoires manquantes, dont « Slogan » », not
        // « …, dont réponse obligatoire manquante : « Slogan » ».
        let what = first
            .message
            .strip_prefix(crate::validate::MISSING_ANSWER)
            .unwrap_or(&first.message);
        let (title, message) = match missing.len() {
            1 => {
                let title = "1 réponse obligatoire manquante".to_string();
                let message = format!("{title} : {what}");
                (title, message)
            }
            n => {
                let title = format!("{n} réponses obligatoires manquantes");
                let message = format!("{title}, dont {what}");
                (title, message)
            }
        };
        return Some(TopFinding {
            severity: Severity::Error,
            rule: Some(Rule::MISSING),
            question: first.id.clone(),
            message,
            title,
        });
    }
    if let Some(f) = report.errors().next() {
        return Some(TopFinding {
            severity: f.severity,
            rule: f.rule.clone(),
            question: f.id.clone(),
            title: format!("réponse invalide ({})", f.id),
            message: f.message.clone(),
        });
    }
    let by = |severity: Severity| move |f: &&Finding| f.severity == severity;
    if let Some(f) = coach.findings.iter().find(by(Severity::Warning)) {
        return Some(from_coach(f));
    }
    if let Some(f) = report.findings.iter().find(by(Severity::Warning)) {
        return Some(TopFinding {
            severity: f.severity,
            rule: f.rule.clone(),
            question: f.id.clone(),
            title: format!("à vérifier ({})", f.id),
            message: f.message.clone(),
        });
    }
    coach
        .findings
        .iter()
        .find(by(Severity::Advice))
        .map(from_coach)
}

fn from_coach(f: &Finding) -> TopFinding {
    let rule = f.rule.clone();
    let title = rule
        .as_deref()
        .and_then(rule_by_id)
        .map_or_else(|| f.id.clone(), |r| r.title.to_string());
    TopFinding {
        severity: f.severity,
        rule,
        question: f.id.clone(),
        title,
        message: f.message.clone(),
    }
}
