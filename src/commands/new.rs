//! `fiche new FILE [--from OLD [--all]] [--data DATA] [--sans-profil]`: a
//! draft with its `[meta]` table, pre-filled in layers: profile < --from <
//! --data, each answer recording where it came from.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};

use super::Outcome;
use super::labels::{print_ids, print_migration};
use crate::cli::NewPrefillArgs;
use fiche::answers::Origin;
use fiche::invocation::Invocation;
use fiche::reuse::{self, Copy};
use fiche::{Answers, Form, application, fill, profile};

/// `invocation` holds the `--form` folder, if any: the commands suggested
/// next name it, or the draft would be opened with the built-in form.
pub fn run(
    form: &Form,
    invocation: &Invocation,
    file: &Path,
    prefill: &NewPrefillArgs,
) -> Result<Outcome> {
    refuse_existing(invocation, file)?;
    let mut answers = Answers::new(form);
    let has_profile = !prefill.no_profile && prefill_from_profile(form, &mut answers)?;
    if let Some(old) = &prefill.from {
        prefill_from_application(form, &mut answers, old, prefill.all)?;
    }
    let mut from_data = Vec::new();
    if let Some(data_path) = &prefill.data {
        match prefill_from_data(form, &mut answers, data_path)? {
            Some(ids) => from_data = ids,
            None => return Ok(Outcome::Failed),
        }
    }
    // Never over a file created meanwhile (the check above only says it early).
    answers
        .save_new(file)
        .with_context(|| format!("création de {}", file.display()))?;
    say!("Brouillon créé : {}", file.display());
    print_origins(form, &answers);
    if let Some(data_path) = &prefill.data {
        print_ids(
            form,
            &format!("Lu dans {}", data_path.display()),
            &from_data,
        );
    }
    if !has_profile && !prefill.no_profile {
        say!(
            "Astuce : « fiche profile save {} », une fois l’identité remplie, pré-remplira vos prochaines candidatures.",
            file.display()
        );
    }
    say!("Pour le remplir : {}", invocation.edit(file));
    Ok(Outcome::Ok)
}

/// `fiche new` never writes over anything: a folder or an existing file is
/// an error that says what to do instead.
fn refuse_existing(invocation: &Invocation, file: &Path) -> Result<()> {
    if file.is_dir() {
        bail!(
            "{} est un dossier : donnez le nom du fichier à créer, par exemple « fiche new {} ».",
            file.display(),
            file.join("candidature.toml").display()
        );
    }
    if file.exists() {
        bail!(
            "{} existe déjà : il n’a pas été modifié. Ouvrez-le avec « {} » ou choisissez un autre nom.",
            file.display(),
            invocation.edit(file)
        );
    }
    Ok(())
}

/// `--from OLD`: copies the reusable answers of an earlier application
/// (every answer with `all`), each marked as coming from that file.
fn prefill_from_application(
    form: &Form,
    answers: &mut Answers,
    old: &Path,
    all: bool,
) -> Result<()> {
    let (previous, migration) = application::open_migrating(form, old)?;
    if let Some(report) = migration {
        print_migration(&old.display().to_string(), &report);
    }
    let copy = if all { Copy::All } else { Copy::Reusable };
    let origin = Origin::Application(old.file_name().map_or_else(
        || old.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ));
    reuse::prefill(form, answers, &previous, copy, Some(&origin))?;
    Ok(())
}

/// `--data DATA`: sets the answers the data file gives; returns their ids.
/// `None` when the data file has errors: they are said, and nothing is to
/// be created.
fn prefill_from_data(
    form: &Form,
    answers: &mut Answers,
    data_path: &Path,
) -> Result<Option<Vec<String>>> {
    let data = Answers::load(data_path)?;
    match fill::from_data(form, &data, &data_path.display().to_string()) {
        Ok(assignments) => {
            fill::apply(answers, &assignments)?;
            Ok(Some(assignments.into_iter().map(|a| a.id).collect()))
        }
        Err(errors) => {
            for e in errors {
                say_err!("erreur : {e}");
            }
            say_err!(
                "Aucun fichier créé : corrigez {} puis relancez.",
                data_path.display()
            );
            Ok(None)
        }
    }
}

/// What was copied from where: the profile first, then each file.
fn print_origins(form: &Form, answers: &Answers) {
    let mut by_origin: BTreeMap<Origin, Vec<String>> = BTreeMap::new();
    for (id, origin) in answers.origins() {
        by_origin.entry(origin).or_default().push(id);
    }
    // `Origin::Profile` sorts first.
    for (origin, ids) in &by_origin {
        print_ids(form, &format!("Repris de {origin}"), ids);
    }
}

/// Copies the profile's reusable answers; whether there was a profile.
/// Unlike the wizard, a command asked to use the profile stops when it
/// cannot read it: `--sans-profil` is the way to do without.
fn prefill_from_profile(form: &Form, answers: &mut Answers) -> Result<bool> {
    let found = profile::load().map_err(|e| {
        anyhow!("{e}\n  Corrigez votre profil avec « fiche profile edit », ou créez le brouillon sans lui avec --sans-profil.")
    })?;
    let Some(p) = found else {
        return Ok(false);
    };
    reuse::prefill(form, answers, &p, Copy::Reusable, Some(&Origin::Profile))?;
    Ok(true)
}
