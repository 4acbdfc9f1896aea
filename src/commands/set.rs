//! `fiche set FILE section.question=value…`: answers given on the command
//! line, all checked before the file is written (all or nothing).

use std::path::Path;

use anyhow::{Context, Result};

use super::Outcome;
use super::labels::{describe, print_migration, show_value};
use fiche::{Form, application, fill};

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
            "{} n'a pas été modifié : corrigez {} puis relancez.",
            file.display(),
            if errors.len() > 1 {
                "ces réponses"
            } else {
                "cette réponse"
            }
        );
        return Ok(Outcome::Failed);
    }
    if let Some(report) = &migration {
        print_migration(&file.display().to_string(), report);
    }
    fill::apply(&mut answers, &assignments);
    answers
        .save(file)
        .with_context(|| format!("enregistrement de {}", file.display()))?;
    say!("Enregistré dans {} :", file.display());
    for a in &assignments {
        let question = form.question(&a.id).map(|(_, q)| q);
        match &a.value {
            Some(v) => say!("  {} = {}", describe(form, &a.id), show_value(question, v)),
            None => say!("  {} : réponse effacée", describe(form, &a.id)),
        }
    }
    Ok(Outcome::Ok)
}
