//! `fiche`, `fiche FILE`, `fiche edit FILE`: open the terminal wizard. A
//! file that cannot be read is refused before the screen changes, untouched.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::tui;
use fiche::profile::ForNewDraft;
use fiche::{Answers, Form};

pub fn run(form: &Form, file: Option<&Path>, templates: Option<&Path>) -> Result<Outcome> {
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
    // Started once for the launcher and the wizard; given back (dropped)
    // before anything is printed.
    let mut screen = tui::Screen::start()?;
    let path: PathBuf = match file {
        Some(p) => p.to_path_buf(),
        None => match tui::choose_file(&mut screen, form)? {
            Some(p) => p,
            None => return Ok(Outcome::Ok),
        },
    };
    let opened: Result<(Answers, tui::Start)> = match existing {
        Some(opened) => Ok(migrated(form, opened)),
        None if path.exists() => fiche::application::open_migrating(form, &path)
            .map(|o| migrated(form, o))
            .map_err(Into::into),
        None => new_draft(form, &path, fiche::profile::load()),
    };
    let ending = opened.and_then(|(answers, mut start)| {
        start.templates = templates.map(Path::to_path_buf);
        tui::run(&mut screen, form.clone(), answers, path, start)
    });
    drop(screen);
    match ending? {
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
) -> (Answers, tui::Start) {
    let offer = report.map(|r| {
        tui::Offer::ChangedOnly(fiche::migrate::changed_since(form, r.from), r.lines_fr())
    });
    let start = tui::Start {
        offer,
        ..tui::Start::default()
    };
    (answers, start)
}

/// A new draft, saved at once so the file exists from the first minute. The
/// profile's reusable answers are offered; a profile that cannot be read is
/// said on the first screen and the draft goes on without it, as in the
/// accessible mode.
fn new_draft(
    form: &Form,
    path: &Path,
    profile: fiche::profile::Result<Option<Answers>>,
) -> Result<(Answers, tui::Start)> {
    let mut start = tui::Start::default();
    match fiche::profile::for_new_draft(form, profile) {
        ForNewDraft::Nothing => {}
        ForNewDraft::Offer(profile, questions) => {
            let labels = questions.into_iter().map(|(_, label)| label).collect();
            start.offer = Some(tui::Offer::Profile(profile, labels));
        }
        ForNewDraft::Unreadable(warning) => start.notice = Some(format!("attention : {warning}")),
    }
    let mut answers = Answers::new(form);
    answers
        .save(path)
        .with_context(|| format!("création du brouillon {}", path.display()))?;
    Ok((answers, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_profile_is_said_and_the_new_draft_goes_on() {
        let form = fiche::form::builtin();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        let (_, start) = new_draft(&form, &path, Err(fiche::profile::ProfileError::NoConfigDir))
            .expect("the draft is created");
        let notice = start.notice.expect("the wizard says why");
        assert!(notice.contains("profil n'est pas utilisé"), "{notice}");
        assert!(start.offer.is_none());
        assert!(path.exists());
    }
}
