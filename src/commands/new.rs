//! `fiche new FILE`: an empty draft with its `[meta]` table.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Outcome;
use fiche::{Answers, Form};

pub fn run(form: &Form, file: &Path) -> Result<Outcome> {
    if file.exists() {
        bail!(
            "{} existe déjà : il n'a pas été modifié. Ouvrez-le avec « fiche edit {} » ou choisissez un autre nom.",
            file.display(),
            file.display()
        );
    }
    let mut answers = Answers::new(form);
    answers
        .save(file)
        .with_context(|| format!("création de {}", file.display()))?;
    println!(
        "Brouillon créé : {}\nPour le remplir : fiche edit {}",
        file.display(),
        file.display()
    );
    Ok(Outcome::Ok)
}
