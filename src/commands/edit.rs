//! `fiche`, `fiche FILE`, `fiche edit FILE`: open the terminal wizard. A
//! file that cannot be read is refused before the screen changes, untouched.
//! The file is locked while open: a second `fiche` on it says who has it and
//! offers to open it read-only; a read-only file opens read-only; an answer
//! a killed session typed but never saved is offered back.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::tui;
use fiche::answers::lock;
use fiche::recovery::Recovery;
use fiche::{Answers, Form, fs_util};

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
    clean_leftovers(&path);
    let (_lock, mut read_only) = match lock::acquire(&path) {
        Ok(Ok(lock)) => (Some(lock), None),
        Ok(Err(holder)) => {
            let who = holder.describe_fr();
            if !ask_yes_no(&format!(
                "{} est déjà ouvert par fiche ({who}).\nL'ouvrir en lecture seule (vos modifications pourront être enregistrées dans un autre fichier) ? [o/N] ",
                path.display()
            )) {
                eprintln!("{} n'a pas été ouvert.", path.display());
                return Ok(Outcome::Failed);
            }
            (None, Some(format!("ouvert ailleurs par {who}")))
        }
        // A folder where no lock can be written (read-only, full): the file
        // itself is then checked at each save as usual.
        Err(_) => (None, None),
    };
    if read_only.is_none() && fs_util::is_read_only(&path) {
        read_only = Some("le fichier est en lecture seule".to_string());
    }
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
    let offer = if read_only.is_none() {
        recovery_offer(&path, &answers, offer)
    } else {
        offer
    };
    match tui::run(form.clone(), answers, path, offer, read_only)? {
        tui::Ending::Saved(p) => {
            println!("Réponses enregistrées dans {}", p.display());
            Ok(Outcome::Ok)
        }
        tui::Ending::Unsaved(p, message) => {
            eprintln!(
                "attention : les dernières réponses n'ont pas pu être enregistrées dans {} ({message}).",
                p.display()
            );
            Ok(Outcome::Failed)
        }
        tui::Ending::Interrupted(p, signal, failure) => {
            // The terminal may be gone: never fail on writing this.
            let mut err = std::io::stderr();
            let _ = match failure {
                None => writeln!(
                    err,
                    "fiche arrêté par un signal ({signal}) : réponses enregistrées dans {}.",
                    p.display()
                ),
                Some(m) => writeln!(
                    err,
                    "fiche arrêté par un signal ({signal}) : dernières réponses non enregistrées dans {} ({m}).",
                    p.display()
                ),
            };
            Ok(Outcome::Interrupted(signal))
        }
    }
}

/// Removes what a killed fiche left next to the answers (temporary files).
fn clean_leftovers(path: &Path) {
    let target = fs_util::follow_links(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs_util::clean_leftovers(&dir);
}

/// Asks on the terminal before the wizard starts; only « o » or « oui » is yes.
fn ask_yes_no(question: &str) -> bool {
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    )
}

/// An answer a killed session typed but never saved: offered first, before
/// `then`. One already in the file is just removed.
fn recovery_offer(path: &Path, answers: &Answers, then: Option<tui::Offer>) -> Option<tui::Offer> {
    match Recovery::read(path) {
        Ok(Some(r)) if r.is_saved_in(answers) => {
            let _ = Recovery::remove(path);
            then
        }
        Ok(Some(r)) => Some(tui::Offer::Recovery(Box::new(r), then.map(Box::new))),
        Ok(None) => then,
        Err(e) => {
            eprintln!(
                "attention : {} : {} ; il est laissé tel quel.",
                fiche::recovery::path_for(path).display(),
                fs_util::io_error_fr(&e)
            );
            then
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
