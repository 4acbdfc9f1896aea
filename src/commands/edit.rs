//! `fiche`, `fiche FILE`, `fiche edit FILE`: open the terminal wizard. A
//! file that cannot be read is refused before the screen changes, untouched.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::tui;
use fiche::{Answers, Form};

pub fn run(form: &Form, file: Option<&Path>) -> Result<Outcome> {
    // A file that exists is checked first: its error is the useful one.
    let existing = match file {
        Some(p) if p.exists() => Some(fiche::application::open_migrating(form, p)?),
        _ => None,
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "l'assistant a besoin d'un terminal interactif (clavier et écran) ; dans un script, utilisez fiche check et fiche render"
        );
    }
    let path: PathBuf = match file {
        Some(p) => p.to_path_buf(),
        None => match tui::choose_file(form)? {
            Some(p) => p,
            None => return Ok(Outcome::Ok),
        },
    };
    let (answers, offer) = match existing {
        Some(opened) => migrated(form, opened),
        None if path.exists() => migrated(form, fiche::application::open_migrating(form, &path)?),
        None => {
            let mut answers = Answers::new(form);
            answers
                .save(&path)
                .with_context(|| format!("création du brouillon {}", path.display()))?;
            // Named on the command line: the launcher did not introduce the form.
            let profile = profile_offer(form)?;
            let offer = match file {
                Some(_) => Some(tui::Offer::Intro(profile.map(Box::new))),
                None => profile,
            };
            (answers, offer)
        }
    };
    match tui::run(form.clone(), answers, path, offer)? {
        tui::Ending::Saved(p) => {
            println!("Réponses enregistrées dans {}", p.display());
            // The wizard never writes the profile: say how, when it matters.
            if let Ok((answers, _)) = fiche::application::open_migrating(form, &p)
                && let Ok(profile) = fiche::profile::load()
                && let Some(hint) = profile_hint(form, &answers, profile.as_ref(), &p)
            {
                println!("{hint}");
            }
            Ok(Outcome::Ok)
        }
        tui::Ending::Unsaved(p, message) => {
            eprintln!(
                "attention : les dernières réponses n'ont pas pu être enregistrées dans {} ({message}).",
                p.display()
            );
            Ok(Outcome::Failed)
        }
    }
}

/// When reusable answers of `answers` are not in the profile yet (or differ),
/// the exact command that puts them there.
fn profile_hint(
    form: &Form,
    answers: &Answers,
    profile: Option<&Answers>,
    path: &Path,
) -> Option<String> {
    let missing = fiche::reuse::reusable_ids(form)
        .into_iter()
        .filter(|id| {
            let value = answers.get(id);
            fiche::answers::is_answered(value.as_ref()) && profile.and_then(|p| p.get(id)) != value
        })
        .count();
    (missing > 0).then(|| {
        format!(
            "{missing} réponse(s) réutilisable(s) ne sont pas dans votre profil : « fiche profile save {} » les y enregistre pour pré-remplir vos prochaines candidatures.",
            path.display()
        )
    })
}

/// A file migrated from an older form version: say what moved and offer to
/// walk only the questions new or changed since.
fn migrated(
    form: &Form,
    (answers, report): (Answers, Option<fiche::migrate::MigrationReport>),
) -> (Answers, Option<tui::Offer>) {
    let offer = report.map(|r| {
        tui::Offer::ChangedOnly(fiche::migrate::changed_since(form, r.from), r.lines_fr())
    });
    (answers, offer)
}

/// On a new draft, offer the profile's reusable answers when there are any.
/// A profile that cannot be read is reported, not silently skipped.
fn profile_offer(form: &Form) -> Result<Option<tui::Offer>> {
    let Some(profile) = fiche::profile::load().context("lecture de votre profil")? else {
        return Ok(None);
    };
    let labels: Vec<String> = fiche::reuse::reusable_ids(form)
        .into_iter()
        .filter(|id| fiche::answers::is_answered(profile.get(id).as_ref()))
        .filter_map(|id| form.question(&id).map(|(_, q)| q.label.clone()))
        .collect();
    Ok((!labels.is_empty()).then(|| tui::Offer::Profile(Box::new(profile), labels)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quitting_says_how_to_keep_reusable_answers_until_the_profile_has_them() {
        let form = fiche::form::builtin();
        let mut answers = Answers::new(&form);
        let path = Path::new("candidature.toml");
        assert_eq!(profile_hint(&form, &answers, None, path), None);
        answers.set(
            "identite.administration",
            Some(toml::Value::String("Préfecture du Rhône".into())),
        );
        answers.set(
            "identite.nom_produit",
            Some(toml::Value::String("pas réutilisable".into())),
        );
        assert_eq!(
            profile_hint(&form, &answers, None, path).as_deref(),
            Some(
                "1 réponse(s) réutilisable(s) ne sont pas dans votre profil : « fiche profile save candidature.toml » les y enregistre pour pré-remplir vos prochaines candidatures."
            )
        );
        let profile = answers.clone();
        assert_eq!(profile_hint(&form, &answers, Some(&profile), path), None);
    }
}
