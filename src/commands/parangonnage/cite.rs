//! `fiche parangonnage CANDIDATURE.toml EXPORT --citer 1,3`: the initiatives
//! of those ranks are added to `pertinence.solutions_existantes`, after what
//! the answer already says, through the same save as `fiche set` (locks,
//! changes made elsewhere merged, a file that does not parse left alone).

use std::path::Path;

use anyhow::{Result, bail};

use super::super::Outcome;
use super::super::set::{Written, write};
use fiche::fill::Assignment;
use fiche::form::check_value;
use fiche::parangonnage::{self, ANSWER_ID, Citation, LEARNT_PLACEHOLDER, Ranked};
use fiche::{Form, application, sanitize};

/// Adds the results of `ranks` (as numbered in `results`) to `file`.
pub fn run(form: &Form, file: &Path, results: &[Ranked], ranks: &[u32]) -> Result<Outcome> {
    let chosen = chosen(results, ranks)?;
    let (mut answers, migration) = application::open_migrating(form, file)?;
    let existing = current_answer(file, &answers)?;
    let initiatives: Vec<_> = chosen.iter().map(|r| &r.initiative).collect();
    let citation = parangonnage::cite(&existing, &initiatives);
    let label = form
        .question(ANSWER_ID)
        .map_or(ANSWER_ID.to_string(), |(_, q)| {
            format!("« {} » ({ANSWER_ID})", q.label)
        });
    if citation.added.is_empty() {
        say!(
            "Rien à ajouter : {label} cite déjà {} ; {} n’a pas été modifié.",
            names(&citation.already),
            file.display()
        );
        return Ok(Outcome::Ok);
    }
    if !fits_the_question(form, file, &citation.text) {
        return Ok(Outcome::Failed);
    }
    let assignment = Assignment {
        id: ANSWER_ID.to_string(),
        value: Some(toml::Value::String(citation.text.clone())),
    };
    if write(file, &mut answers, migration.as_ref(), &[assignment])? == Written::Refused {
        return Ok(Outcome::Failed);
    }
    print_added(&label, file, &citation);
    Ok(Outcome::Ok)
}

/// The answer the initiatives are added to, as written so far (empty when
/// unanswered); one that is not a text is an error naming its line.
fn current_answer(file: &Path, answers: &fiche::Answers) -> Result<String> {
    match answers.get(ANSWER_ID) {
        None => Ok(String::new()),
        Some(toml::Value::String(text)) => Ok(text),
        Some(other) => bail!(
            "{} : {ANSWER_ID} n’est pas un texte (valeur {}{}) : corrigez cette réponse, puis relancez ; la candidature n’a pas été modifiée.",
            file.display(),
            other.type_str(),
            answers
                .position(ANSWER_ID)
                .map(|p| format!(", ligne {}", p.line))
                .unwrap_or_default()
        ),
    }
}

/// Whether the answer with the citations is still a valid answer (not too
/// long); if not, says so and that `file` was left as it was.
fn fits_the_question(form: &Form, file: &Path, text: &str) -> bool {
    let Some((_, question)) = form.question(ANSWER_ID) else {
        return true;
    };
    let value = toml::Value::String(text.to_string());
    let Some(problem) = check_value(question, &value).into_iter().next() else {
        return true;
    };
    say_err!(
        "erreur : {} : {}{} ; citez moins d’initiatives ou raccourcissez la réponse, puis relancez.",
        file.display(),
        problem.path,
        problem.message
    );
    say_err!("{} n’a pas été modifié.", file.display());
    false
}

/// What was added to `label`, what was already there, and what to do next.
fn print_added(label: &str, file: &Path, citation: &Citation) {
    say!("Ajouté à {label} dans {} :", file.display());
    for line in &citation.added {
        say!("  {line}");
    }
    if !citation.already.is_empty() {
        say!(
            "{} : {}.",
            if citation.already.len() >= 2 {
                "Déjà citées auparavant, non ajoutées"
            } else {
                "Déjà citée auparavant, non ajoutée"
            },
            names(&citation.already)
        );
    }
    say!(
        "Remplacez « {LEARNT_PLACEHOLDER} » par ce que vous retenez de chacune (fiche {}). Les contacts ne sont pas recopiés : la fiche est publiée.",
        file.display()
    );
}

/// The results of `ranks`, in the order given, each once; a rank that is not
/// among the results is an error before anything is read or written.
fn chosen<'r>(results: &'r [Ranked], ranks: &[u32]) -> Result<Vec<&'r Ranked>> {
    let mut chosen: Vec<&Ranked> = Vec::new();
    for &rank in ranks {
        let Some(result) = results.iter().find(|r| r.rank == rank as usize) else {
            bail!(
                "--citer {rank} : {} ; la candidature n’a pas été modifiée. Lancez d’abord la recherche sans --citer pour voir les rangs.",
                match results.len() {
                    0 => "aucune initiative ne partage de mots avec la candidature".to_string(),
                    1 => "une seule initiative partage des mots avec la candidature (rang 1)"
                        .to_string(),
                    n => format!(
                        "seules {n} initiatives partagent des mots avec la candidature (rangs 1 à {n})"
                    ),
                }
            );
        };
        if !chosen.iter().any(|c| c.rank == result.rank) {
            chosen.push(result);
        }
    }
    Ok(chosen)
}

/// « « A », « B » » with each name on one line, sanitised.
fn names(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("« {} »", sanitize::terminal_line(n)))
        .collect::<Vec<_>>()
        .join(", ")
}
