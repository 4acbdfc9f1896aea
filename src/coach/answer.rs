//! Typed reads of the answers the coach looks at; an unanswered or mistyped
//! answer reads as `None`, so rules stay silent on it (completeness and field
//! checks already report it).

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::answers::{Answers, is_answered};

/// A non-empty text answer, trimmed.
pub fn text(answers: &Answers, id: &str) -> Option<String> {
    answers
        .get(id)
        .and_then(|v| v.as_str().map(str::trim).map(str::to_string))
        .filter(|s| !s.is_empty())
}

/// The key of a `choice` answer.
pub fn choice(answers: &Answers, id: &str) -> Option<String> {
    text(answers, id)
}

pub fn boolean(answers: &Answers, id: &str) -> Option<bool> {
    answers.get(id).and_then(|v| v.as_bool())
}

/// The keys of a `multi` answer (empty when unanswered).
pub fn keys(answers: &Answers, id: &str) -> Vec<String> {
    answers
        .get(id)
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The items of a `list` answer, `None` when unanswered.
pub fn items(answers: &Answers, id: &str) -> Option<Vec<toml::Table>> {
    let value = answers.get(id);
    if !is_answered(value.as_ref()) {
        return None;
    }
    let items = value?.as_array()?.clone();
    Some(
        items
            .into_iter()
            .filter_map(|i| i.as_table().cloned())
            .collect(),
    )
}

/// A numeric answer as an exact decimal: `6` and `6.0` both read 6, `2.5`
/// reads 2.5 exactly (from the float's shortest decimal writing).
pub fn number(answers: &Answers, id: &str) -> Option<Decimal> {
    decimal(answers.get(id).as_ref())
}

/// A TOML number as an exact decimal; `None` for non-numbers, NaN,
/// infinities and numbers beyond fiche's limit (validation refuses them, so
/// the business case does not compute with them either).
pub fn decimal(value: Option<&toml::Value>) -> Option<Decimal> {
    let n = crate::format::as_number(value?)?;
    if crate::limits::number_problem(n).is_some() {
        return None;
    }
    match value? {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => Decimal::from_str(&f.to_string()).ok(),
        _ => None,
    }
}

/// Whether a text holds at least one figure.
pub fn has_digit(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// Lowercase, single-spaced, trimmed: for comparing texts.
pub fn normalized(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced.to_lowercase()
}
