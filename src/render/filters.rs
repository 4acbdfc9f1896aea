//! Template filters: French figures and safe Markdown.

use minijinja::{Environment, Value};

use crate::format;

pub fn register(env: &mut Environment<'static>) {
    env.add_filter("fr_int", |v: Value| {
        number(&v).map(|n| format::integer(n.round() as i64))
    });
    env.add_filter("fr_decimal", |v: Value| number(&v).map(format::decimal));
    env.add_filter("fr_euros", |v: Value| number(&v).map(format::euros));
    env.add_filter("fr_percent", |v: Value| number(&v).map(format::percent));
    env.add_filter("md_cell", md_cell);
    env.add_filter("md_text", md_text);
}

fn number(v: &Value) -> Result<f64, minijinja::Error> {
    f64::try_from(v.clone()).map_err(|_| {
        minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("« {v} » n'est pas un nombre"),
        )
    })
}

/// Text inside a Markdown table cell: no line breaks, pipes escaped.
fn md_cell(text: &str) -> String {
    text.trim()
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// A free-text answer as Markdown paragraphs: a line that would turn into a
/// heading, a rule or HTML is escaped, so an answer cannot reshape the document.
fn md_text(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            let t = line.trim_start();
            if t.starts_with('#')
                || t.starts_with("---")
                || t.starts_with("===")
                || t.starts_with('<')
            {
                format!("\\{t}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
