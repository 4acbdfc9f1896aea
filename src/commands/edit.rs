//! `fiche`, `fiche FILE`, `fiche edit FILE`: open the terminal wizard. A
//! file that cannot be read is refused before the screen changes, untouched.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Outcome;
use crate::tui;
use fiche::{Answers, Form};

pub fn run(form: &Form, file: Option<&Path>) -> Result<Outcome> {
    let path: PathBuf = match file {
        Some(p) => p.to_path_buf(),
        None => match tui::choose_file(form)? {
            Some(p) => p,
            None => return Ok(Outcome::Ok),
        },
    };
    let answers = if path.exists() {
        fiche::application::open(form, &path)?
    } else {
        let mut answers = Answers::new(form);
        answers
            .save(&path)
            .with_context(|| format!("création du brouillon {}", path.display()))?;
        answers
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
