//! `fiche render FILE --format …`: write the fiche action document (or,
//! for several files, the comparison page: `compare`).

pub mod compare;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Outcome;
use crate::cli::DocFormat;
use fiche::render::{Format, RenderError, Renderer};
use fiche::{Form, application, fs_util};

pub fn run(
    form: &Form,
    file: &Path,
    format: DocFormat,
    output: Option<&Path>,
    strict: bool,
    templates: Option<&Path>,
) -> Result<Outcome> {
    let answers = application::open(form, file)?;
    let format = match format {
        DocFormat::Md => Format::Markdown,
        DocFormat::Html => Format::Html,
        DocFormat::Pdf => Format::Pdf,
        DocFormat::Pitch => Format::Pitch,
    };
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| format.default_output(file));
    let to_stdout = target == Path::new("-");
    if !to_stdout && same_file(&target, file) {
        bail!(
            "{} est la candidature elle-même : choisissez un autre fichier de sortie avec -o",
            target.display()
        );
    }
    let renderer = Renderer::new(templates);
    let bytes = match renderer.export(form, &answers, format, strict) {
        Ok(bytes) => bytes,
        Err(e @ RenderError::Incomplete { .. }) => {
            eprintln!("{} : {e}", file.display());
            return Ok(Outcome::Problems);
        }
        Err(e) => return Err(e.into()),
    };
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&bytes)?;
        stdout.flush()?;
        return Ok(Outcome::Ok);
    }
    fs_util::write_atomic(&target, &bytes)
        .map_err(|e| anyhow::anyhow!("{} : {}", target.display(), fs_util::io_error_fr(&e)))
        .context("écriture du document")?;
    eprintln!("Document écrit : {}", target.display());
    Ok(Outcome::Ok)
}

/// Whether `a` and `b` name the same file, even through `..` or links.
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
