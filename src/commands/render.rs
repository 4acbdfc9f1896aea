//! `fiche render FILE --format …`: write the fiche action document (or,
//! for several files, the comparison page: `compare`).

pub mod compare;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;

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
    let renderer = Renderer::new(templates);
    if output == Some(Path::new("-")) {
        let bytes = match renderer.export_owned(form, answers, format, strict) {
            Ok(bytes) => bytes,
            Err(e @ RenderError::Incomplete { .. }) => return incomplete(file, &e),
            Err(e) => return Err(e.into()),
        };
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&bytes)?;
        stdout.flush()?;
        return Ok(Outcome::Ok);
    }
    let export = Export {
        format,
        strict,
        output,
    };
    match renderer.write_owned(form, answers, file, export) {
        Ok(done) => {
            say_err!("Document écrit : {}", done.path.display());
            Ok(Outcome::Ok)
        }
        Err(ExportError::Render(e @ RenderError::Incomplete { .. })) => incomplete(file, &e),
        Err(e @ ExportError::Write { .. }) => {
            Err(anyhow::Error::new(e).context("écriture du document"))
        }
        Err(e) => Err(e.into()),
    }
}

/// `--strict` on an incomplete application: said, exit 1.
fn incomplete(file: &Path, e: &RenderError) -> Result<Outcome> {
    say_err!("{} : {e}", file.display());
    Ok(Outcome::Problems)
}
