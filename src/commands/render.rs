//! `fiche render FILE --format …`: write the fiche action document.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    };
    let renderer = Renderer::new(templates);
    let text = match renderer.render(form, &answers, format, strict) {
        Ok(text) => text,
        Err(e @ RenderError::Incomplete { .. }) => {
            eprintln!("{} : {e}", file.display());
            return Ok(Outcome::Problems);
        }
        Err(e) => return Err(e.into()),
    };
    let target = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_output(file, "md"));
    if target == Path::new("-") {
        std::io::stdout().write_all(text.as_bytes())?;
        return Ok(Outcome::Ok);
    }
    if same_file(&target, file) {
        bail!(
            "{} est la candidature elle-même : choisissez un autre fichier de sortie avec -o",
            target.display()
        );
    }
    fs_util::write_atomic(&target, text.as_bytes())
        .map_err(|e| anyhow::anyhow!("{} : {}", target.display(), fs_util::io_error_fr(&e)))
        .context("écriture du document")?;
    eprintln!("Document écrit : {}", target.display());
    Ok(Outcome::Ok)
}

/// `dossier/candidature.toml` → `dossier/candidature.md`.
fn default_output(file: &Path, extension: &str) -> PathBuf {
    file.with_extension(extension)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
