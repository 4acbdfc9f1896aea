//! `fiche render --format html a.toml b.toml …`: one printable page that
//! puts the applications side by side.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::super::Outcome;
use crate::cli::DocFormat;
use fiche::render::{RenderError, Renderer};
use fiche::review::compare;
use fiche::{Form, application, fs_util};

/// Where the page goes without `-o`: the current folder.
const DEFAULT_OUTPUT: &str = "comparatif.html";

pub fn run(
    form: &Form,
    files: &[PathBuf],
    format: DocFormat,
    output: Option<&Path>,
    strict: bool,
    templates: Option<&Path>,
) -> Result<Outcome> {
    if !matches!(format, DocFormat::Html) {
        bail!(
            "plusieurs candidatures ne se comparent que sur une page HTML : ajoutez --format html (ou produisez les documents un par un)"
        );
    }
    let mut applications = Vec::new();
    for file in files {
        let answers = application::read(form, file)?;
        let report = fiche::validate::check(form, &answers);
        if strict && !report.is_complete() {
            let e = RenderError::Incomplete {
                missing: report.missing().count(),
                errors: report.errors().count() - report.missing().count(),
            };
            eprintln!("{} : {e}", file.display());
            return Ok(Outcome::Problems);
        }
        applications.push((file.display().to_string(), answers));
    }
    let target = output.unwrap_or(Path::new(DEFAULT_OUTPUT));
    let to_stdout = target == Path::new("-");
    if !to_stdout && let Some(file) = files.iter().find(|f| fiche::render::same_file(target, f)) {
        bail!(
            "{} est une des candidatures : choisissez un autre fichier de sortie avec -o",
            file.display()
        );
    }
    let context = compare::comparison(form, &applications);
    let page = Renderer::new(templates).render_template(compare::TEMPLATE, &context)?;
    if to_stdout {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(page.as_bytes())?;
        stdout.flush()?;
        return Ok(Outcome::Ok);
    }
    fs_util::write_atomic(target, page.as_bytes())
        .map_err(|e| anyhow::anyhow!("{} : {}", target.display(), fs_util::io_error_fr(&e)))
        .context("écriture du comparatif")?;
    eprintln!("Comparatif écrit : {}", target.display());
    Ok(Outcome::Ok)
}
