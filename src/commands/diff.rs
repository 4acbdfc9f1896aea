//! `fiche diff A B`: the answers that differ, by section, old → new; long
//! texts line by line, lists item by item. Exit 0 when identical, 1 when not.

use std::path::Path;

use anyhow::Result;

use super::Outcome;
use super::labels::{describe, show_value};
use fiche::diff::{self, AnswerDiff, Line};
use fiche::form::{Kind, Question};
use fiche::{Form, application};

/// Beyond this many characters a one-line value is compared on two lines.
const INLINE_MAX: usize = 50;
const NONE: &str = "(sans réponse)";

pub fn run(form: &Form, before: &Path, after: &Path) -> Result<Outcome> {
    let a = application::read(form, before)?;
    let b = application::read(form, after)?;
    let sections = diff::compare(form, &a, &b);
    if sections.is_empty() {
        say!(
            "Aucune différence entre {} et {}.",
            before.display(),
            after.display()
        );
        return Ok(Outcome::Ok);
    }
    say!("--- {}\n+++ {}", before.display(), after.display());
    let count: usize = sections.iter().map(|s| s.answers.len()).sum();
    for section in &sections {
        say!("\n{}", section.title);
        for answer in &section.answers {
            say!("  {}", describe(form, &answer.id));
            let question = form.question(&answer.id).map(|(_, q)| q);
            for line in answer_lines(question, answer) {
                say!("    {line}");
            }
        }
    }
    say!(
        "\n{}.",
        fiche::format::count(count, "réponse différente", "réponses différentes")
    );
    Ok(Outcome::Problems)
}

fn answer_lines(q: Option<&Question>, d: &AnswerDiff) -> Vec<String> {
    let kind = q.map(|q| q.kind);
    match (kind, &d.before, &d.after) {
        (Some(Kind::List), before, after) => list_lines(q, before.as_ref(), after.as_ref()),
        (Some(Kind::Multi), before, after) => multi_lines(q, before.as_ref(), after.as_ref()),
        (_, Some(toml::Value::String(x)), Some(toml::Value::String(y)))
            if x.contains('\n') || y.contains('\n') =>
        {
            text_lines(x, y)
        }
        (_, before, after) => {
            let show = |v: Option<&toml::Value>| v.map_or(NONE.to_string(), |v| show_value(q, v));
            let (x, y) = (show(before.as_ref()), show(after.as_ref()));
            if x.chars().count() + y.chars().count() <= 2 * INLINE_MAX {
                vec![format!("{x} → {y}")]
            } else {
                vec![format!("avant : {x}"), format!("après : {y}")]
            }
        }
    }
}

/// A line diff; runs of two or more unchanged lines away from a change are
/// shortened to « … ».
fn text_lines(before: &str, after: &str) -> Vec<String> {
    let lines = diff::line_diff(before, after);
    let changed = |i: usize| lines.get(i).is_some_and(|l| !matches!(l, Line::Same(_)));
    let near = |i: usize| changed(i + 1) || (i > 0 && changed(i - 1));
    let mut out = Vec::new();
    let mut hidden: Vec<&str> = Vec::new();
    let flush = |hidden: &mut Vec<&str>, out: &mut Vec<String>| {
        match hidden.len() {
            0 => {}
            1 => out.push(format!("  {}", hidden[0])),
            _ => out.push("  …".to_string()),
        }
        hidden.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Same(t) if !near(i) => {
                hidden.push(t);
                continue;
            }
            _ => flush(&mut hidden, &mut out),
        }
        out.push(match line {
            Line::Removed(t) => format!("- {t}"),
            Line::Added(t) => format!("+ {t}"),
            Line::Same(t) => format!("  {t}"),
        });
    }
    flush(&mut hidden, &mut out);
    out
}

fn multi_lines(
    q: Option<&Question>,
    before: Option<&toml::Value>,
    after: Option<&toml::Value>,
) -> Vec<String> {
    let keys = |v: Option<&toml::Value>| -> Vec<toml::Value> {
        v.and_then(|v| v.as_array()).cloned().unwrap_or_default()
    };
    let (x, y) = (keys(before), keys(after));
    let label = |v: &toml::Value| match (q, v.as_str()) {
        (Some(q), Some(k)) => q.choice_label(k).unwrap_or(k).to_string(),
        _ => v.to_string(),
    };
    let mut out: Vec<String> = x
        .iter()
        .filter(|k| !y.contains(k))
        .map(|k| format!("- {}", label(k)))
        .collect();
    out.extend(
        y.iter()
            .filter(|k| !x.contains(k))
            .map(|k| format!("+ {}", label(k))),
    );
    if out.is_empty() {
        out.push("même choix, dans un autre ordre".to_string());
    }
    out
}

fn list_lines(
    q: Option<&Question>,
    before: Option<&toml::Value>,
    after: Option<&toml::Value>,
) -> Vec<String> {
    let items = |v: Option<&toml::Value>| v.and_then(|v| v.as_array()).cloned().unwrap_or_default();
    let (x, y) = (items(before), items(after));
    let mut out = Vec::new();
    for i in 0..x.len().max(y.len()) {
        let n = i + 1;
        match (x.get(i), y.get(i)) {
            (Some(a), Some(b)) if diff::same_value(a, b) => {}
            (Some(a), Some(b)) => {
                out.push(format!("n° {n} :"));
                let empty = toml::Table::new();
                let (ta, tb) = (
                    a.as_table().unwrap_or(&empty),
                    b.as_table().unwrap_or(&empty),
                );
                let mut keys: Vec<&String> = ta.keys().collect();
                keys.extend(tb.keys().filter(|k| !ta.contains_key(*k)));
                for key in keys {
                    let field = q.and_then(|q| q.field(key));
                    let (va, vb) = (ta.get(key), tb.get(key));
                    if va.zip(vb).is_some_and(|(va, vb)| diff::same_value(va, vb)) {
                        continue;
                    }
                    let show = |v: Option<&toml::Value>| {
                        v.map_or(NONE.to_string(), |v| show_value(field, v))
                    };
                    let name = field.map_or(key.as_str(), |f| f.label.as_ref());
                    out.push(format!("  {name} : {} → {}", show(va), show(vb)));
                }
            }
            (Some(a), None) => out.push(format!("- n° {n} : {}", item_summary(q, a))),
            (None, Some(b)) => out.push(format!("+ n° {n} : {}", item_summary(q, b))),
            (None, None) => {}
        }
    }
    out
}

/// `Nom : « Code du travail » ; Nature : Documents`.
fn item_summary(q: Option<&Question>, item: &toml::Value) -> String {
    let Some(table) = item.as_table() else {
        return item.to_string();
    };
    table
        .iter()
        .map(|(k, v)| {
            let field = q.and_then(|q| q.field(k));
            let name = field.map_or(k.as_str(), |f| f.label.as_ref());
            format!("{name} : {}", show_value(field, v))
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}
