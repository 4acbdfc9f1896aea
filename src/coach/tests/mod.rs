//! Every coach rule, each with a case that fires and one that does not.
//! Cases start from the complete, clean SRDT example and change one answer;
//! this file holds the shared helpers and the checks across all rules.

use super::{CoachReport, RULES, review};
use crate::answers::Answers;
use crate::form::{self, Form};
use crate::validate::{self, Finding, Severity};

mod compliance;
mod figures;
mod framing;
mod own_form;
mod references;
mod reviewer;
mod score;
mod texts;

const SRDT: &str = include_str!("../../../examples/assistant-srdt.toml");

pub(super) fn srdt() -> Answers {
    Answers::parse(SRDT, "assistant-srdt.toml").expect("the example parses")
}

/// A TOML value written as in a file: `"decide"`, `3`, `false`, `["dpo"]`.
pub(super) fn v(text: &str) -> toml::Value {
    let t: toml::Table = toml::from_str(&format!("x = {text}")).expect("valid TOML value");
    t["x"].clone()
}

pub(super) fn with(changes: &[(&str, &str)]) -> Answers {
    let mut a = srdt();
    for (id, value) in changes {
        a.set(id, Some(v(value))).unwrap();
    }
    a
}

pub(super) fn coach_with(form: &Form, a: &Answers) -> CoachReport {
    let report = validate::check(form, a);
    review(form, a, &report)
}

pub(super) fn coach(a: &Answers) -> CoachReport {
    coach_with(&form::builtin(), a)
}

pub(super) fn fired<'a>(c: &'a CoachReport, rule: &str) -> Vec<&'a Finding> {
    c.findings
        .iter()
        .filter(|f| f.rule.as_deref() == Some(rule))
        .collect()
}

/// The single finding of `rule`, on `question`, at `severity`.
pub(super) fn assert_fires(a: &Answers, rule: &str, question: &str, severity: Severity) -> Finding {
    let c = coach(a);
    let found = fired(&c, rule);
    assert_eq!(found.len(), 1, "{rule}: {:#?}", c.findings);
    let f = found[0].clone();
    assert_eq!(f.id, question, "{rule}");
    assert_eq!(f.severity, severity, "{rule}");
    assert!(!f.message.is_empty());
    f
}

pub(super) fn assert_silent(a: &Answers, rule: &str) {
    let c = coach(a);
    assert!(
        fired(&c, rule).is_empty(),
        "{rule} fired: {:#?}",
        fired(&c, rule)
    );
}

#[test]
fn the_clean_examples_only_get_advice() {
    let tri = Answers::parse(
        include_str!("../../../examples/tri-courriels-prefecture.toml"),
        "tri",
    )
    .unwrap();
    let c = coach(&tri);
    assert!(
        c.findings.iter().all(|f| f.severity == Severity::Advice),
        "{:#?}",
        c.findings
    );
    assert_eq!(c.score.value, 100);
}

#[test]
fn the_clean_example_only_gets_the_dpia_reminder() {
    let c = coach(&srdt());
    let rules: Vec<&str> = c
        .findings
        .iter()
        .filter_map(|f| f.rule.as_deref())
        .collect();
    assert_eq!(rules, ["aipd-requise"]);
    assert_eq!(c.findings[0].severity, Severity::Advice);
    assert_eq!(c.score.value, 100);
}

#[test]
fn every_rule_has_a_unique_kebab_case_id() {
    for (i, r) in RULES.iter().enumerate() {
        assert!(
            r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            r.id
        );
        assert!(RULES[i + 1..].iter().all(|o| o.id != r.id), "{}", r.id);
    }
}

#[test]
fn findings_point_at_the_line_in_the_file() {
    let weak = Answers::parse(
        include_str!("../../../examples/candidature-faible.toml"),
        "faible",
    )
    .unwrap();
    let c = coach(&weak);
    let f = fired(&c, "irritant-sans-chiffres")[0];
    assert_eq!(f.position.map(|p| p.line), Some(30));
}

#[test]
fn findings_follow_the_form_order() {
    let a = with(&[
        ("mutualisation.code_ouvert", "false"),
        ("solution.role_ia", "\"decide\""),
    ]);
    let c = coach(&a);
    let ids: Vec<&str> = c.findings.iter().map(|f| f.id.as_str()).collect();
    let role = ids.iter().position(|i| *i == "solution.role_ia").unwrap();
    let code = ids
        .iter()
        .position(|i| *i == "mutualisation.code_ouvert")
        .unwrap();
    assert!(role < code, "{ids:?}");
}

#[test]
fn the_readme_lists_every_rule_with_its_id() {
    let readme = include_str!("../../../README.md");
    for r in RULES {
        assert!(
            readme.contains(&format!("| `{}` |", r.id)),
            "README: rule {} missing from the coach section",
            r.id
        );
    }
}
