//! `fiche envoyer FILE`: write the e-mail draft (`.eml`) that sends the
//! application to the All_Ia_nce contact, fiche attached as PDF and ODT.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Outcome;
use fiche::invocation::Invocation;
use fiche::render::email::{EmailError, EmailOptions, Unready};
use fiche::render::{Renderer, same_file};
use fiche::{Form, application, fs_util};

pub fn run(
    form: &Form,
    file: &Path,
    output: Option<&Path>,
    allow_draft: bool,
    invocation: &Invocation,
) -> Result<Outcome> {
    let templates = invocation.templates.as_deref();
    let answers = application::read(form, file)?;
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| file.with_extension("eml"));
    let to_stdout = target == Path::new("-");
    if !to_stdout && same_file(&target, file) {
        bail!(
            "{} est la candidature elle-même : choisissez un autre fichier de sortie avec -o",
            target.display()
        );
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fiche".to_string());
    let options = EmailOptions {
        attachment_stem: &stem,
        allow_draft,
    };
    let email = match Renderer::new(templates).email(form, &answers, &options) {
        Ok(email) => email,
        Err(EmailError::Incomplete(unready)) => {
            eprintln!(
                "{} : candidature incomplète ou à corriger, courriel non préparé. À régler d’abord :",
                file.display()
            );
            list(&unready);
            // With the session's --form and --templates, or the commands
            // would open the file with the built-in form.
            eprintln!(
                "Complétez ou corrigez la candidature ({}), ou préparez un brouillon avec : {} --brouillon",
                invocation.edit(file),
                invocation.command("envoyer", file)
            );
            return Ok(Outcome::Problems);
        }
        Err(e) => return Err(e.into()),
    };
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&email.bytes)?;
        stdout.flush()?;
    } else {
        fs_util::write_atomic(&target, &email.bytes)
            .map_err(|e| anyhow::anyhow!("{} : {}", target.display(), fs_util::io_error_fr(&e)))
            .context("écriture du courriel")?;
    }
    match (&email.draft, to_stdout) {
        (Some(unready), _) => {
            let written = if to_stdout {
                String::new()
            } else {
                format!(" : {}", target.display())
            };
            eprintln!(
                "Courriel prêt{written}, marqué BROUILLON (objet et pièces jointes). À régler avant de l’envoyer :"
            );
            list(unready);
        }
        (None, true) => {}
        (None, false) => eprintln!(
            "Courriel prêt : {} (ouvrez-le dans votre messagerie, relisez-le et envoyez-le)",
            target.display()
        ),
    }
    Ok(Outcome::Ok)
}

/// What is missing or to correct, then the readiness score, on stderr.
fn list(unready: &Unready) {
    for p in &unready.problems {
        eprintln!("  - {} ({})", p.text, p.id);
    }
    eprintln!("{}", unready.score);
}
