//! Documents: the fiche action as Markdown (and later HTML, PDF, pitch),
//! rendered with minijinja from templates embedded in the binary. A user
//! folder (`--templates DIR`) overrides built-in templates by file name.

pub mod context;
mod filters;

use std::path::{Path, PathBuf};

use minijinja::Environment;

use crate::answers::Answers;
use crate::form::Form;
use crate::validate;

pub use context::DocumentContext;

/// Built-in templates, by name.
const BUILTIN_TEMPLATES: &[(&str, &str)] = &[(
    "fiche.md.j2",
    include_str!("../../templates/fiche-action/fiche.md.j2"),
)];

/// Output formats of `fiche render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
}

impl Format {
    pub fn template(self) -> &'static str {
        match self {
            Format::Markdown => "fiche.md.j2",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Template(String),
    #[error(
        "le document est incomplet ({missing} réponse(s) obligatoire(s) manquante(s), {errors} erreur(s)) : complétez-le ou retirez --strict pour produire un brouillon"
    )]
    Incomplete { missing: usize, errors: usize },
}

pub type Result<T, E = RenderError> = std::result::Result<T, E>;

/// Wraps the template environment: built-in templates plus user overrides.
pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// Built-in templates, overridden by same-named files in `user_dir`.
    pub fn new(user_dir: Option<&Path>) -> Renderer {
        let mut env = Environment::new();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .expect("default delimiters are valid"),
        );
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        filters::register(&mut env);
        let user_dir: Option<PathBuf> = user_dir.map(Path::to_path_buf);
        env.set_loader(move |name| {
            if let Some(dir) = &user_dir {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("{} : {}", path.display(), crate::fs_util::io_error_fr(&e)),
                        )
                    });
                }
            }
            Ok(BUILTIN_TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, src)| src.to_string()))
        });
        Renderer { env }
    }

    /// Renders one template with a context.
    pub fn render_template(&self, name: &str, ctx: &DocumentContext) -> Result<String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| RenderError::Template(describe(&e)))?;
        template
            .render(minijinja::value::Serde(ctx))
            .map_err(|e| RenderError::Template(describe(&e)))
    }

    /// Checks, builds the context and renders `format`. With `strict`, an
    /// incomplete application is refused.
    pub fn render(
        &self,
        form: &Form,
        answers: &Answers,
        format: Format,
        strict: bool,
    ) -> Result<String> {
        let report = validate::check(form, answers);
        if strict && !report.is_complete() {
            return Err(RenderError::Incomplete {
                missing: report.missing().count(),
                errors: report.errors().count() - report.missing().count(),
            });
        }
        let ctx = context::build(form, answers, &report);
        self.render_template(format.template(), &ctx)
    }
}

/// A template error as one French sentence: file, line, cause.
fn describe(e: &minijinja::Error) -> String {
    let mut out = String::from("erreur de modèle");
    if let Some(name) = e.name() {
        out.push_str(&format!(" dans « {name} »"));
    }
    if let Some(line) = e.line() {
        out.push_str(&format!(", ligne {line}"));
    }
    out.push_str(" : ");
    out.push_str(
        &e.detail()
            .map(str::to_string)
            .unwrap_or_else(|| e.kind().to_string()),
    );
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(&format!(" ({s})"));
        source = s.source();
    }
    out
}
