//! Wording shared by the commands that copy or compare answers: a question
//! named by its French label and its id, a value shown the French way.

use fiche::Form;
use fiche::form::{Kind, Question};
use fiche::migrate::MigrationReport;
use fiche::render::context::display;

/// `Administration porteuse (identite.administration)`, or the bare id for
/// an answer the form does not ask.
pub fn describe(form: &Form, id: &str) -> String {
    match form.question(id) {
        Some((_, q)) => format!("{} ({id})", q.label),
        None => id.to_string(),
    }
}

/// A value as a reader expects it: labels for choices, French numbers, texts
/// between « ».
pub fn show_value(question: Option<&Question>, value: &toml::Value) -> String {
    match question {
        Some(q) if matches!(q.kind, Kind::Text | Kind::Email | Kind::Url | Kind::Long) => {
            format!("« {} »", display(q, value))
        }
        Some(q) => display(q, value),
        None => value.to_string(),
    }
}

/// Prints a list of ids, one per line, under a heading.
pub fn print_ids(form: &Form, heading: &str, ids: &[String]) {
    if ids.is_empty() {
        return;
    }
    say!("{heading} ({}) :", ids.len());
    for id in ids {
        say!("  - {}", describe(form, id));
    }
}

/// Tells the user that a file was brought up to date with the form.
pub fn print_migration(file: &str, report: &MigrationReport) {
    say!("{file} :");
    for line in report.lines_fr() {
        say!("  {line}");
    }
}
