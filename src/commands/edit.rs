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
        Some(p) if p.exists() => Some(fiche::application::open(form, p)?),
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
    let answers = match existing {
        Some(a) => a,
        None if path.exists() => fiche::application::open(form, &path)?,
        None => {
            let mut answers = Answers::new(form);
            answers
                .save(&path)
                .with_context(|| format!("création du brouillon {}", path.display()))?;
            answers
        }
    };
    match tui::run(form.clone(), answers, path)? {
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
    }
}
