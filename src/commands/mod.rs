//! One module per command; each returns whether the application checked is
//! fine (`Outcome`) or an error (I/O, usage) that `main` reports with exit 2.

mod check;
mod completions;
mod diff;
mod edit;
mod envoyer;
mod labels;
mod man;
mod new;
mod parangonnage;
mod profile;
mod render;
mod set;

use std::path::Path;

use anyhow::Result;

use crate::cli::{Cli, Command, GlobalArgs};
use fiche::form::{self, Form};
use fiche::invocation::Invocation;

pub enum Outcome {
    /// Everything checked is complete and valid (exit 0).
    Ok,
    /// The application has problems the user must fix (exit 1).
    Problems,
    /// A file could not be read; the error was already printed (exit 2).
    Failed,
    /// Ended by this signal after a last save (exit 128 + the signal).
    Interrupted(i32),
}

/// Ctrl+C's signal number (the same on every platform fiche runs on).
const SIGINT: i32 = 2;

pub fn run(cli: Cli) -> Result<Outcome> {
    // The process ends with the command: the questionnaire is never freed
    // (freeing its thousand small allocations one by one would only delay
    // the exit), so a document's context may keep it
    // (`Renderer::context_owned`).
    let form: &'static Form = Box::leak(Box::new(load_form(&cli.global)?));
    let accessible = crate::plain::requested(cli.global.accessible);
    let templates = cli.global.templates.as_deref();
    let invocation = Invocation {
        form: cli.global.form.clone(),
        templates: cli.global.templates.clone(),
    };
    match cli.command {
        Some(Command::New { file, prefill }) => new::run(form, &invocation, &file, &prefill),
        Some(Command::Set { file, assignments }) => set::run(form, &file, &assignments),
        Some(Command::Diff { before, after }) => diff::run(form, &before, &after),
        Some(Command::Profile { action }) => profile::run(form, action),
        Some(Command::Check(args)) => check::run(form, &args),
        Some(Command::Render {
            file,
            others,
            format,
            output,
            strict,
        }) if !others.is_empty() => render::compare::run(
            form,
            &[&[file], &others[..]].concat(),
            format,
            output.as_deref(),
            strict,
            templates,
        ),
        Some(Command::Render {
            file,
            format,
            output,
            strict,
            ..
        }) => render::run(form, &file, format, output.as_deref(), strict, templates),
        Some(Command::Envoyer {
            file,
            output,
            brouillon,
        }) => envoyer::run(form, &file, output.as_deref(), brouillon, &invocation),
        Some(Command::Completions { shell }) => completions::run(shell),
        Some(Command::Man) => man::run(),
        Some(Command::Parangonnage {
            inputs,
            limit,
            colonnes,
            format,
            citer,
        }) => parangonnage::run(
            form,
            &inputs,
            limit as usize,
            colonnes.as_deref(),
            format,
            &citer,
        ),
        Some(Command::Edit { file }) => edit(form, Some(&file), accessible, &invocation),
        None => edit(form, cli.file.as_deref(), accessible, &invocation),
    }
}

/// The questionnaire: `--form DIR` or the built-in one.
pub fn load_form(global: &GlobalArgs) -> Result<Form> {
    Ok(match &global.form {
        Some(dir) => form::load_dir(dir)?,
        None => form::builtin(),
    })
}

/// The wizard, or its line-by-line accessible twin for screen readers.
fn edit(
    form: &Form,
    file: Option<&Path>,
    accessible: bool,
    invocation: &Invocation,
) -> Result<Outcome> {
    if accessible {
        return Ok(match crate::plain::run(form, file, invocation)? {
            crate::plain::Ending::Saved => Outcome::Ok,
            crate::plain::Ending::Unsaved => Outcome::Failed,
            crate::plain::Ending::Interrupted => Outcome::Interrupted(SIGINT),
        });
    }
    edit::run(form, file, invocation.templates.as_deref())
}
