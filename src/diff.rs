//! Comparing two applications answer by answer (`fiche diff`), grouped by
//! section in form order; answers the form does not ask come last.

use crate::answers::{Answers, is_answered};
use crate::form::Form;
use crate::format;

/// One answer that differs. `None` means unanswered on that side.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerDiff {
    /// Full id (`identite.nom_produit`).
    pub id: String,
    pub before: Option<toml::Value>,
    pub after: Option<toml::Value>,
}

/// The differing answers of one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionDiff {
    pub id: String,
    /// The section title, or « Réponses hors formulaire ».
    pub title: String,
    pub answers: Vec<AnswerDiff>,
}

/// Title of the pseudo-section gathering answers the form does not ask.
pub const OUTSIDE_FORM: &str = "Réponses hors formulaire";

/// Every answer that differs between `a` and `b`; empty when they are the
/// same. `[meta]` (dates, origins) is not compared.
pub fn compare(form: &Form, a: &Answers, b: &Answers) -> Vec<SectionDiff> {
    let mut out = Vec::new();
    for section in &form.sections {
        let answers: Vec<AnswerDiff> = section
            .questions
            .iter()
            .filter_map(|q| differ(&section.full_id(q), a, b))
            .collect();
        if !answers.is_empty() {
            out.push(SectionDiff {
                id: section.id.clone(),
                title: section.title.to_string(),
                answers,
            });
        }
    }
    let mut extra = Vec::new();
    for id in outside_ids(form, a).into_iter().chain(outside_ids(form, b)) {
        if extra.iter().any(|d: &AnswerDiff| d.id == id) {
            continue;
        }
        extra.extend(differ(&id, a, b));
    }
    if !extra.is_empty() {
        out.push(SectionDiff {
            id: String::new(),
            title: OUTSIDE_FORM.to_string(),
            answers: extra,
        });
    }
    out
}

/// Whether two values are the same answer (`6` and `6.0` are).
pub fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    match (format::as_number(a), format::as_number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => match (a, b) {
            (toml::Value::Array(x), toml::Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
            }
            (toml::Value::Table(x), toml::Value::Table(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
            }
            _ => a == b,
        },
    }
}

fn differ(id: &str, a: &Answers, b: &Answers) -> Option<AnswerDiff> {
    let answered = |v: Option<toml::Value>| v.filter(|v| is_answered(Some(v)));
    let before = answered(a.get(id));
    let after = answered(b.get(id));
    let same = match (&before, &after) {
        (None, None) => true,
        (Some(x), Some(y)) => same_value(x, y),
        _ => false,
    };
    (!same).then(|| AnswerDiff {
        id: id.to_string(),
        before,
        after,
    })
}

/// `section.key` ids present in `answers` that the form does not ask.
fn outside_ids(form: &Form, answers: &Answers) -> Vec<String> {
    let mut out = Vec::new();
    for (section, item) in answers.to_table() {
        if section == "meta" {
            continue;
        }
        if let toml::Value::Table(table) = item {
            for key in table.keys() {
                let id = format!("{section}.{key}");
                if form.question(&id).is_none() {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// One line of a line-by-line text comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Same(String),
    Removed(String),
    Added(String),
}

/// A line-by-line comparison of two texts (longest common subsequence).
pub fn line_diff(before: &str, after: &str) -> Vec<Line> {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(Line::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removed lines first, as diff(1) shows them.
            out.push(Line::Removed(a[i].to_string()));
            i += 1;
        } else {
            out.push(Line::Added(b[j].to_string()));
            j += 1;
        }
    }
    out
}
