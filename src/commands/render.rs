//! `fiche render FILE --format …`: write the fiche action document (or,
//! for several files, the comparison page: `compare`).

pub mod compare;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::Outcome;
use crate::cli::DocFormat;
use fiche::render::{Export, ExportError, Format, RenderError, Renderer};
use fiche::{Form, application};

pub fn run(
    form: &'static Form,
    file: &Path,
    format: DocFormat,
    output: Option<&Path>,
    strict: bool,
    templates: Option<&Path>,
) -> Result<Outcome> {
    // Handed over to the document's context, which makes the coach's
    // review only if the template reads it.
    let answers = Arc::new(application::read(form, file)?);
    let format = Format::from(format);
    let export = Export {
        format,
        strict,
        output,
    };
    // None: standard output.
    let path = if output == Some(Path::new("-")) {
        if format.is_binary() && std::io::stdout().is_terminal() {
            bail!(
                "le format {0} est un fichier binaire, qui ne s’affiche pas dans le terminal (il le brouillerait) : écrivez-le dans un fichier avec -o (par exemple -o fiche.{1}), ou redirigez la sortie (-o - > fiche.{1})",
                format.short_name(),
                format.file_type().extension()
            );
        }
        None
    } else {
        Some(export.path(file)?)
    };
    let renderer = Renderer::new(templates);
    let document = match renderer.prepare_owned(form, answers, strict) {
        Ok(document) => document,
        Err(e @ RenderError::Incomplete { .. }) => return incomplete(file, &e),
        Err(e) => return Err(e.into()),
    };
    let outcome = match path {
        None => {
            let bytes = renderer.export_prepared(format, &document)?;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
            Ok(Outcome::Ok)
        }
        Some(path) => match renderer.write_prepared(&document, format, path) {
            Ok(done) => {
                say_err!("Document écrit : {}", done.path.display());
                Ok(Outcome::Ok)
            }
            Err(e @ ExportError::Write { .. }) => {
                Err(anyhow::Error::new(e).context("écriture du document"))
            }
            Err(e) => Err(e.into()),
        },
    };
    // The process ends with the document, like the questionnaire
    // (`commands::run`): its context is not freed allocation by allocation.
    std::mem::forget(document);
    std::mem::forget(renderer);
    outcome
}

/// `--strict` on an incomplete application: said, exit 1.
fn incomplete(file: &Path, e: &RenderError) -> Result<Outcome> {
    say_err!("{} : {e}", file.display());
    Ok(Outcome::Problems)
}
