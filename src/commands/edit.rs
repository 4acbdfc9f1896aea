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
            (answers, profile_offer(form)?)
        }
    };
    match tui::run(form.clone(), answers, path, offer)? {
        tui::Ending::Saved(p) => {
            say!("Réponses enregistrées dans {}", p.display());
            Ok(Outcome::Ok)
        }
        tui::Ending::Unsaved(p, message) => {
            say_err!(
                "attention : les dernières réponses n'ont pas pu être enregistrées dans {} ({message}).",
                p.display()
            );
            Ok(Outcome::Failed)
        }
    }
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
