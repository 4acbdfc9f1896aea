//! `fiche set FILE section.question=value…`: answers given on the command
//! line, all checked before the file is written (all or nothing).
//!
//! On a file open in the wizard or the accessible mode, `set` still writes
//! (scripts keep working) and says so: the open session notices the change
//! at its next save and merges it, asking only if the user changed the same
//! answer there. A read-only file is refused, untouched.

use std::path::Path;

use anyhow::{Context, Result};

use super::Outcome;
use super::labels::{describe, print_migration, show_value};
use fiche::answers::lock;
use fiche::fill::Assignment;
use fiche::migrate::MigrationReport;
use fiche::{Answers, Form, application, fill, fs_util};

pub fn run(form: &Form, file: &Path, texts: &[String]) -> Result<Outcome> {
    let (mut answers, migration) = application::open_migrating(form, file)?;
    let mut assignments = Vec::new();
    let mut errors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        match fill::parse_assignment(form, text, &format!("argument {}", i + 1)) {
            Ok(a) => assignments.push(a),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            say_err!("erreur : {e}");
        }
        say_err!(
            "{} n’a pas été modifié : corrigez {} puis relancez.",
            file.display(),
            if errors.len() > 1 {
                "ces réponses"
            } else {
                "cette réponse"
            }
        );
        return Ok(Outcome::Failed);
    }
    if write(file, &mut answers, migration.as_ref(), &assignments)? == Written::Refused {
        return Ok(Outcome::Failed);
    }
    say!("Enregistré dans {} :", file.display());
    for a in &assignments {
        let question = form.question(&a.id).map(|(_, q)| q);
        match &a.value {
            Some(v) => say!("  {} = {}", describe(form, &a.id), show_value(question, v)),
            None => say!("  {} : réponse effacée", describe(form, &a.id)),
        }
    }
    say_left_out(form, &answers, &assignments);
    Ok(Outcome::Ok)
}

/// An answer given to a question the other answers make irrelevant is kept,
/// but left out of the fiche: said at once, with what it depends on (the
/// wizard and the accessible mode do not ask it; `check` says it later).
fn say_left_out(form: &Form, answers: &Answers, assignments: &[Assignment]) {
    let context = answers.context();
    for a in assignments.iter().filter(|a| a.value.is_some()) {
        let Some((_, q)) = form.question(&a.id) else {
            continue;
        };
        if fiche::validate::is_visible(q, &context) {
            continue;
        }
        let depends_on = form.depends_on(q);
        say!(
            "note : « {} » ne s’applique pas avec vos autres réponses{} : sa réponse est enregistrée mais n’apparaît pas dans la fiche.",
            q.label,
            if depends_on.is_empty() {
                String::new()
            } else {
                format!(" (elle dépend de {})", depends_on.join(", "))
            }
        );
    }
}

/// Whether [`write`] saved the file.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Written {
    Saved,
    /// Nothing was written; the reason was printed.
    Refused,
}

/// Writes `assignments` into `file` (opened as `answers`, with the migration
/// `open_migrating` reported) the way every command does: a read-only file
/// is refused, the save merges changes made outside meanwhile and never
/// replaces a file that does not parse, and a session that has the file
/// open is told about (it merges at its next save).
pub(super) fn write(
    file: &Path,
    answers: &mut Answers,
    migration: Option<&MigrationReport>,
    assignments: &[Assignment],
) -> Result<Written> {
    if let Some(report) = migration {
        print_migration(&file.display().to_string(), report);
    }
    if fs_util::is_read_only(file) {
        say_err!(
            "erreur : {} est en lecture seule : il n’a pas été modifié.\n  Rendez-le modifiable (chmod u+w {}) ou travaillez sur une copie : fiche new copie.toml --from {} --all, puis fiche set copie.toml …",
            file.display(),
            file.display(),
            file.display()
        );
        return Ok(Written::Refused);
    }
    if let Err(e) = fill::apply(answers, assignments) {
        say_err!("erreur : {} : {e}", file.display());
        say_err!("{} n’a pas été modifié.", file.display());
        return Ok(Written::Refused);
    }
    let holder = lock::holder(file);
    answers
        .save(file)
        .with_context(|| format!("enregistrement de {}", file.display()))?;
    if let Some(holder) = holder {
        say_err!(
            "note : {} est ouvert dans fiche par {} ; cette session reprendra vos réponses à son prochain enregistrement (et demandera laquelle garder si la même réponse y a été modifiée).",
            file.display(),
            holder.describe_fr()
        );
    }
    Ok(Written::Saved)
}
