//! `fiche profile save|show|edit`: the reusable answers kept in the user's
//! config folder and used to pre-fill new drafts.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Outcome;
use super::labels::{describe, print_ids, print_migration, show_value};
use crate::cli::ProfileCommand;
use fiche::answers::is_answered;
use fiche::validate::check_value;
use fiche::{Answers, Form, application, fill, profile, reuse};

pub fn run(form: &Form, action: ProfileCommand) -> Result<Outcome> {
    match action {
        ProfileCommand::Save { file } => save(form, &file),
        ProfileCommand::Show => show(form),
        ProfileCommand::Edit => edit(form),
    }
}

fn save(form: &Form, file: &Path) -> Result<Outcome> {
    let (answers, migration) = application::open_migrating(form, file)?;
    if let Some(report) = migration {
        print_migration(&file.display().to_string(), &report);
    }
    let saved = profile::save_from(form, &answers)?;
    let outcome = if saved.refused.is_empty() {
        Outcome::Ok
    } else {
        say_err!(
            "Non repris (réponses que le formulaire refuse ; corrigez-les dans {} puis relancez) :",
            file.display()
        );
        for r in &saved.refused {
            let place = match r.line {
                Some(line) => format!("{}, ligne {line}", file.display()),
                None => file.display().to_string(),
            };
            say_err!("  - {place} : {} : {}", describe(form, &r.id), r.message);
        }
        Outcome::Problems
    };
    if saved.copied.is_empty() {
        say!(
            "{} ne contient aucune réponse réutilisable valide ; le profil n’a pas changé ({}).",
            file.display(),
            saved.path.display()
        );
        print_ids(form, "Questions réutilisables", &reuse::reusable_ids(form));
        return Ok(outcome);
    }
    say!("Profil enregistré : {}", saved.path.display());
    print_ids(
        form,
        &format!("Repris de {}", file.display()),
        &saved.copied,
    );
    say!("Ces réponses pré-rempliront vos prochaines candidatures (fiche new).");
    Ok(outcome)
}

fn show(form: &Form) -> Result<Outcome> {
    let path = profile::path()?;
    let Some(p) = profile::load()? else {
        say!(
            "Vous n’avez pas encore de profil ({} n’existe pas).",
            path.display()
        );
        say!("Pour le créer à partir d’une candidature : fiche profile save CANDIDATURE.toml");
        say!("Pour l’écrire vous-même : fiche profile edit");
        return Ok(Outcome::Ok);
    };
    say!("Profil : {}", path.display());
    let mut empty = Vec::new();
    let mut current = "";
    for (section, q) in form.questions() {
        let id = section.full_id(q);
        let value = p.get(&id);
        if !is_answered(value.as_ref()) {
            if q.reusable {
                empty.push(id);
            }
            continue;
        }
        if section.id != current {
            say!("\n{}", section.title);
            current = &section.id;
        }
        if let Some(v) = value {
            say!("  {} : {}", q.label, show_value(Some(q), &v));
        }
    }
    if !empty.is_empty() {
        say!();
        print_ids(form, "Questions réutilisables sans réponse", &empty);
    }
    Ok(Outcome::Ok)
}

fn edit(form: &Form) -> Result<Outcome> {
    let path = profile::create_if_missing(form)?;
    run_editor(&path)?;
    let profile = match profile::load_from(&path) {
        Ok(Some(p)) => p,
        Ok(None) => bail!("{} a disparu pendant la modification", path.display()),
        Err(e) => {
            say_err!("erreur : {e}");
            say_err!(
                "Votre profil est conservé tel quel : relancez « fiche profile edit » pour le corriger."
            );
            return Ok(Outcome::Failed);
        }
    };
    let problems = profile_problems(form, &profile, &path);
    for p in &problems {
        say_err!("attention : {p}");
    }
    say!("Profil enregistré : {}", path.display());
    Ok(if problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// Values that would be refused in an application, and ids the form does not know.
fn profile_problems(form: &Form, profile: &Answers, path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (section, item) in profile.to_table() {
        let Some(table) = item.as_table().filter(|_| section != "meta") else {
            continue;
        };
        for (key, value) in table {
            let id = format!("{section}.{key}");
            let place = match profile.position(&id) {
                Some(p) => format!("{}, ligne {}", path.display(), p.line),
                None => path.display().to_string(),
            };
            match form.question(&id) {
                None => out.push(
                    fill::resolve(form, &id, &place)
                        .err()
                        .map_or_else(|| id.clone(), |e| e.to_string()),
                ),
                Some((_, q)) => {
                    for problem in check_value(q, value) {
                        out.push(format!(
                            "{place} : {} : {}",
                            describe(form, &id),
                            problem.message
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Opens `path` in `$VISUAL` or `$EDITOR` (through the shell, like git, so
/// `EDITOR="code --wait"` works) and waits for it to close.
fn run_editor(path: &Path) -> Result<()> {
    let editor = crate::external_editor::program();
    let status = crate::external_editor::run(&editor, path).with_context(|| {
        format!("impossible de lancer l’éditeur « {editor} » (réglez VISUAL ou EDITOR)")
    })?;
    if !status.success() {
        bail!(
            "l’éditeur « {editor} » s’est terminé en erreur ; votre profil est dans {}",
            path.display()
        );
    }
    Ok(())
}
