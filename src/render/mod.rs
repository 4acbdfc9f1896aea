//! Documents: the fiche action and the pitch one-pager as Markdown,
//! print-ready HTML, PDF (Typst, compiled in) and OpenDocument text,
//! rendered from templates embedded in the binary; the e-mail that sends
//! them. A user folder (`--templates DIR`) overrides built-in templates by
//! file name.

mod blocks;
mod compiled;
pub mod context;
pub mod email;
mod export;
mod filters;
mod folder;
mod format;
mod live;
mod markdown;
mod markup_spacing;
pub mod odt;
#[cfg(feature = "pdf")]
mod pdf;
pub mod print_fit;
mod scan;
mod syntax;
mod target;
mod xml;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, Value};
use serde::Serialize;

use crate::answers::Answers;
use crate::form::Form;
use crate::validate;

pub use context::DocumentContext;
pub use export::{Export, ExportError, Exported, same_file};
pub use folder::TemplateFolder;
pub use format::{Document, FileType, Format};
pub use target::{Target, TargetError, email_coach_errors_fr};

/// Built-in minijinja templates, by name.
const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "fiche.md.j2",
        include_str!("../../templates/fiche-action/fiche.md.j2"),
    ),
    (
        "fiche.html.j2",
        include_str!("../../templates/fiche-action/fiche.html.j2"),
    ),
    (
        "fiche-annexes.md.j2",
        include_str!("../../templates/fiche-action/fiche-annexes.md.j2"),
    ),
    (
        "brouillon.j2",
        include_str!("../../templates/fiche-action/brouillon.j2"),
    ),
    (
        "pitch.md.j2",
        include_str!("../../templates/fiche-action/pitch.md.j2"),
    ),
    (
        "pitch.html.j2",
        include_str!("../../templates/fiche-action/pitch.html.j2"),
    ),
    (
        "fiche.odt.xml.j2",
        include_str!("../../templates/fiche-action/fiche.odt.xml.j2"),
    ),
    (
        "pitch.odt.xml.j2",
        include_str!("../../templates/fiche-action/pitch.odt.xml.j2"),
    ),
    (
        odt::STYLES_TEMPLATE,
        include_str!("../../templates/fiche-action/styles.odt.xml.j2"),
    ),
    (
        email::BODY_TEMPLATE,
        include_str!("../../templates/fiche-action/courriel.txt.j2"),
    ),
    (
        "comparatif.html.j2",
        include_str!("../../templates/fiche-action/comparatif.html.j2"),
    ),
];

/// The text of built-in template `name`.
fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template that does not render, described in French (file, line,
    /// cause): minijinja's and Typst's own errors are in English, so their
    /// text is worded here rather than kept as a source to print.
    #[error("{0}")]
    Template(String),
    /// A user template that cannot be read.
    #[error("{} : {}", path.display(), crate::fs_util::io_error_fr(source))]
    TemplateFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "le document est incomplet ({}, {}) : complétez-le ou retirez --strict pour produire un brouillon",
        crate::format::count(*missing, "réponse obligatoire manquante", "réponses obligatoires manquantes"),
        crate::format::count(*errors, "erreur", "erreurs")
    )]
    Incomplete { missing: usize, errors: usize },
    #[error(
        "cette version de fiche a été compilée sans l’export PDF : utilisez une version complète (fonction « pdf »), ou produisez le HTML (--format html) et imprimez-le en PDF depuis votre navigateur"
    )]
    PdfUnavailable,
    #[error(
        "le PDF est un format binaire : il ne peut pas être produit comme texte (utilisez Renderer::export)"
    )]
    NotText,
}

pub type Result<T, E = RenderError> = std::result::Result<T, E>;

/// A document context with its template value, which templates read
/// lazily (`live`: only what a template reads is converted). A command that
/// ends with the document may leave it unfreed (`std::mem::forget`): its
/// thousands of small allocations need not be freed one by one at exit.
pub struct Prepared {
    ctx: Arc<DocumentContext>,
    value: Value,
}

impl Prepared {
    fn new(ctx: DocumentContext) -> Prepared {
        let ctx = Arc::new(ctx);
        Prepared {
            value: live::document(ctx.clone()),
            ctx,
        }
    }

    /// The application is incomplete: the document is marked BROUILLON.
    pub fn draft(&self) -> bool {
        self.ctx.draft
    }
}

/// Wraps the template environment: built-in templates plus user overrides.
pub struct Renderer {
    env: Environment<'static>,
    user_dir: Option<TemplateFolder>,
}

impl Renderer {
    /// Built-in templates, overridden by same-named files in `user_dir`.
    pub fn new(user_dir: Option<&Path>) -> Renderer {
        let mut env = Environment::new();
        env.set_syntax(syntax::config());
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        env.set_auto_escape_callback(auto_escape);
        env.set_formatter(format_value);
        filters::register(&mut env);
        xml::register(&mut env);
        email::register(&mut env);
        let user_dir = user_dir.map(TemplateFolder::new);
        let loader_dir = user_dir.clone();
        env.set_loader(move |name| {
            let user_file = user_template(loader_dir.as_ref(), name).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
            })?;
            if let Some(path) = user_file {
                return read_template(&path).map(Some).map_err(|e| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("{} : {}", path.display(), crate::fs_util::io_error_fr(&e)),
                    )
                });
            }
            Ok(builtin_text(name).map(str::to_string))
        });
        Renderer { env, user_dir }
    }

    /// Renders one minijinja template with a context (a [`DocumentContext`],
    /// or any value of the same shape).
    pub fn render_template<C: Serialize>(&self, name: &str, ctx: &C) -> Result<String> {
        self.render_value(name, Value::from(minijinja::value::Serde(ctx)))
    }

    /// Renders one minijinja template with a context already made a
    /// template value.
    fn render_value(&self, name: &str, ctx: Value) -> Result<String> {
        let escape = auto_escape(name);
        // A built-in template is evaluated from the instructions the build
        // script compiled (`compiled`); a user's, or one the build script
        // left out, is compiled by minijinja.
        let ahead = self
            .builtin_source(name)
            .and_then(|source| compiled::instructions(name, source));
        let text = match ahead {
            Some(instructions) => compiled::render(&self.env, &instructions, ctx, escape.clone()),
            None => self.env.get_template(name).and_then(|t| t.render(ctx)),
        }
        .map_err(|e| RenderError::Template(self.describe(&e)))?;
        // HTML and OpenDocument text wrap at any space: French spacing.
        Ok(
            if escape == AutoEscape::Html || escape == xml::AUTO_ESCAPE {
                markup_spacing::french_spacing_markup(&text)
            } else {
                text
            },
        )
    }

    /// The text of built-in template `name`, unless the user's folder has
    /// a file of that name (or `name` leads outside it).
    fn builtin_source(&self, name: &str) -> Option<&'static str> {
        if !matches!(user_template(self.user_dir.as_ref(), name), Ok(None)) {
            return None;
        }
        builtin_text(name)
    }

    /// Checks the application and builds the document context. With
    /// `strict`, an incomplete application is refused.
    pub fn context(&self, form: &Form, answers: &Answers, strict: bool) -> Result<DocumentContext> {
        let (report, visibility) = checked(form, answers, strict)?;
        Ok(context::build_in(form, answers, &report, &visibility))
    }

    /// Like [`Renderer::context`], for an application handed over: the
    /// coach's review is made only if something reads it (a Markdown fiche
    /// reads it only for a draft).
    pub fn context_owned<A>(
        &self,
        form: &'static Form,
        answers: Arc<A>,
        strict: bool,
    ) -> Result<DocumentContext>
    where
        A: std::ops::Deref<Target = Answers> + Send + Sync + 'static,
    {
        let (report, visibility) = checked(form, &answers, strict)?;
        Ok(context::build_deferred(
            form,
            answers,
            Arc::new(report),
            visibility,
        ))
    }

    /// Renders a text format (Markdown, HTML, pitch). With `strict`, an
    /// incomplete application is refused.
    pub fn render(
        &self,
        form: &Form,
        answers: &Answers,
        format: Format,
        strict: bool,
    ) -> Result<String> {
        if format.is_binary() {
            return Err(RenderError::NotText);
        }
        let ctx = self.context(form, answers, strict)?;
        let value = live::document(Arc::new(ctx));
        self.render_format(format, || value.clone())
    }

    /// Renders a text format's template. The HTML pitch is told how
    /// densely to print (`print_density`): rendered first at the normal
    /// density, then again denser if its text would not hold on one
    /// printed page (see [`print_fit`]).
    fn render_format(&self, format: Format, value: impl Fn() -> Value) -> Result<String> {
        if format != Format::PitchHtml {
            return self.render_value(format.template(), value());
        }
        let render = |density: print_fit::PrintDensity| {
            let print_density = density.name();
            self.render_value(
                format.template(),
                minijinja::context! { print_density, ..value() },
            )
        };
        let page = render(print_fit::PrintDensity::Normal)?;
        match print_fit::pitch_density(&page) {
            print_fit::PrintDensity::Normal => Ok(page),
            denser => render(denser),
        }
    }

    /// Renders any format as the bytes of the file to write.
    pub fn export(
        &self,
        form: &Form,
        answers: &Answers,
        format: Format,
        strict: bool,
    ) -> Result<Vec<u8>> {
        let ctx = self.context(form, answers, strict)?;
        self.export_document(format, ctx)
    }

    /// Like [`Renderer::context_owned`], with the context's template value
    /// made, ready for [`Renderer::export_prepared`].
    pub fn prepare_owned<A>(
        &self,
        form: &'static Form,
        answers: Arc<A>,
        strict: bool,
    ) -> Result<Prepared>
    where
        A: std::ops::Deref<Target = Answers> + Send + Sync + 'static,
    {
        Ok(Prepared::new(self.context_owned(form, answers, strict)?))
    }

    /// Renders a prepared context in any format.
    pub fn export_prepared(&self, format: Format, document: &Prepared) -> Result<Vec<u8>> {
        self.export_with(format, &*document.ctx, || document.value.clone())
    }

    /// Renders an already built context (several formats from one check).
    pub fn export_context<C: Serialize>(&self, format: Format, ctx: &C) -> Result<Vec<u8>> {
        self.export_with(format, ctx, || Value::from(minijinja::value::Serde(ctx)))
    }

    /// Renders a document context of this renderer's own, which templates
    /// read lazily (`live`): only what a template reads is converted.
    fn export_document(&self, format: Format, ctx: DocumentContext) -> Result<Vec<u8>> {
        self.export_prepared(format, &Prepared::new(ctx))
    }

    /// Renders `format` from `ctx`, serialised for Typst and OpenDocument's
    /// metadata, and as `value()` for the minijinja templates.
    fn export_with<C: Serialize>(
        &self,
        format: Format,
        ctx: &C,
        value: impl Fn() -> Value,
    ) -> Result<Vec<u8>> {
        match format.file_type() {
            FileType::Pdf => self.pdf(format.template(), ctx),
            FileType::Odt => self.odt(format, ctx, value),
            FileType::Markdown | FileType::Html => {
                self.render_format(format, value).map(String::into_bytes)
            }
        }
    }

    /// An OpenDocument text: `content.xml` from the format's template,
    /// `styles.xml` from the shared one (told which `document` it styles:
    /// the pitch holds on one page), title and author in `meta.xml`.
    fn odt<C: Serialize>(
        &self,
        format: Format,
        ctx: &C,
        value: impl Fn() -> Value,
    ) -> Result<Vec<u8>> {
        let (document, title) = match format.document() {
            Document::Fiche => ("fiche", "Fiche action"),
            Document::Pitch => ("pitch", "Pitch"),
        };
        let content = self.render_value(format.template(), value())?;
        let styles = self.render_value(
            odt::STYLES_TEMPLATE,
            minijinja::context! { document, ..value() },
        )?;
        let data = serde_json::to_value(ctx)
            .map_err(|e| RenderError::Template(format!("données du document illisibles : {e}")))?;
        odt::package(&content, &styles, &odt::Meta::from_context(&data, title))
    }

    #[cfg(feature = "pdf")]
    fn pdf<C: Serialize>(&self, name: &str, ctx: &C) -> Result<Vec<u8>> {
        let user_file = user_template(self.user_dir.as_ref(), name)
            .map_err(|e| RenderError::Template(e.to_string()))?;
        let (template, origin) = match user_file {
            Some(path) => {
                let text = read_template(&path).map_err(|source| RenderError::TemplateFile {
                    path: path.clone(),
                    source,
                })?;
                let shown = self.user_dir.as_ref().map_or(path, |f| f.shown(name));
                (text, shown.display().to_string())
            }
            None => (pdf::builtin_template(name).to_string(), name.to_string()),
        };
        let data = pdf::data(ctx).map_err(|e| {
            RenderError::Template(format!("données du document illisibles pour Typst : {e}"))
        })?;
        pdf::compile(template, &origin, data, self.user_dir.as_ref())
    }

    #[cfg(not(feature = "pdf"))]
    fn pdf<C: Serialize>(&self, _name: &str, _ctx: &C) -> Result<Vec<u8>> {
        Err(RenderError::PdfUnavailable)
    }

    /// A template error as one French sentence: file, line, cause.
    fn describe(&self, e: &minijinja::Error) -> String {
        let mut out = String::from("erreur de modèle");
        if let Some(name) = e.name() {
            match (&self.user_dir, user_template(self.user_dir.as_ref(), name)) {
                (Some(folder), Ok(Some(_))) => {
                    out.push_str(&format!(" dans « {} »", folder.shown(name).display()))
                }
                _ => out.push_str(&format!(" dans « {} »", crate::sanitize::echo(name))),
            }
        }
        if let Some(line) = e.line() {
            out.push_str(&format!(", ligne {line}"));
        }
        out.push_str(" : ");
        out.push_str(&cause_fr(e));
        // A template including itself nests the same cause fifty times:
        // each distinct cause is said once.
        let mut said: Vec<String> = Vec::new();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            let text = s.to_string();
            if !said.contains(&text) {
                out.push_str(&format!(" ({})", crate::sanitize::shorten(&text, 300)));
                said.push(text);
            }
            source = s.source();
        }
        out
    }
}

/// The application checked, with the condition context the checks used.
/// With `strict`, an incomplete application is refused.
fn checked(form: &Form, answers: &Answers, strict: bool) -> Result<(validate::Report, Value)> {
    // Built once for the checks, the coach and the document's questions:
    // only the answers the `when` conditions read are converted, the
    // templates read the rest from the context (`live`).
    let visibility = answers.condition_context(form);
    let report = validate::check_in(form, answers, &visibility);
    if strict && !report.is_complete() {
        return Err(RenderError::Incomplete {
            missing: report.missing().count(),
            errors: report.errors().count() - report.missing().count(),
        });
    }
    Ok((report, visibility))
}

/// The user's file overriding template `name`, if there is one; an error
/// when `name` leads outside the template folder.
fn user_template(
    user_dir: Option<&TemplateFolder>,
    name: &str,
) -> std::result::Result<Option<PathBuf>, folder::Outside> {
    match user_dir {
        Some(folder) => folder.resolve(name),
        None => Ok(None),
    }
}

/// A user template's text, within the size limit of template files.
fn read_template(path: &Path) -> std::io::Result<String> {
    crate::fs_util::read_text_limited(path, crate::limits::MAX_FORM_FILE_BYTES)
}

/// The auto-escape of Markdown templates (see [`format_value`]).
const MARKDOWN: AutoEscape = AutoEscape::Custom(std::borrow::Cow::Borrowed("markdown"));

/// HTML templates are escaped (an answer `<script>` shows as text), and so
/// are Markdown ones (an answer `# Titre` or `![x](…)` shows as text) and
/// the OpenDocument XML ones (an answer `</text:p>` shows as text). The
/// Typst template gets its data as JSON, never as source; the e-mail body
/// is plain text.
fn auto_escape(name: &str) -> AutoEscape {
    if name.ends_with(".html.j2") || name.ends_with(".html") {
        AutoEscape::Html
    } else if name.ends_with(".md.j2") || name.ends_with(".md") {
        MARKDOWN
    } else if name.ends_with(".xml.j2") {
        xml::AUTO_ESCAPE
    } else {
        AutoEscape::None
    }
}

/// Writes a `{{ value }}`: in a Markdown template, as escaped text (the
/// `md_*` filters return values already escaped for their place, marked
/// safe); in an OpenDocument template, as XML text; elsewhere minijinja's
/// own escaping. Terminal controls are shown visibly in Markdown and HTML.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &minijinja::Value,
) -> std::result::Result<(), minijinja::Error> {
    if *state.auto_escape() == MARKDOWN && !value.is_safe() {
        if value.is_undefined() {
            return Ok(());
        }
        let mut text = String::new();
        match value.as_str() {
            Some(s) => markdown::text_into(&mut text, s),
            None => markdown::text_into(&mut text, &value.to_string()),
        }
        return out.write_str(&text).map_err(minijinja::Error::from);
    }
    if *state.auto_escape() == xml::AUTO_ESCAPE {
        return xml::format_value(out, value);
    }
    // HTML: escaped by minijinja, terminal controls shown first.
    if let Some(text) = value.as_str().filter(|_| !value.is_safe())
        && let std::borrow::Cow::Owned(shown) = scan::terminal(text)
    {
        return minijinja::escape_formatter(out, state, &minijinja::Value::from(shown));
    }
    minijinja::escape_formatter(out, state, value)
}

/// The cause of a minijinja error in French.
fn cause_fr(e: &minijinja::Error) -> String {
    use minijinja::ErrorKind::*;
    let kind = match e.kind() {
        SyntaxError => "erreur de syntaxe",
        TemplateNotFound => "modèle introuvable",
        UnknownFilter => "filtre inconnu",
        UnknownFunction => "fonction inconnue",
        UnknownTest => "test inconnu",
        UnknownMethod => "méthode inconnue",
        InvalidOperation => "opération impossible",
        MissingArgument => "argument manquant",
        TooManyArguments => "trop d’arguments",
        UndefinedError => "valeur indéfinie",
        BadInclude => "inclusion impossible",
        _ => "erreur",
    };
    match e.detail() {
        Some(detail) => format!("{kind} ({detail})"),
        None => kind.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_markdown_templates_are_escaped() {
        assert_eq!(auto_escape("fiche.html.j2"), AutoEscape::Html);
        assert_eq!(auto_escape("fiche.md.j2"), MARKDOWN);
        assert_eq!(auto_escape("pitch.md.j2"), MARKDOWN);
        assert_eq!(auto_escape("fiche.typ"), AutoEscape::None);
        assert_eq!(auto_escape("pitch.html.j2"), AutoEscape::Html);
        assert_eq!(auto_escape("fiche.odt.xml.j2"), xml::AUTO_ESCAPE);
        assert_eq!(auto_escape("styles.odt.xml.j2"), xml::AUTO_ESCAPE);
        assert_eq!(auto_escape("courriel.txt.j2"), AutoEscape::None);
    }

    #[test]
    fn the_pdf_cannot_be_rendered_as_text() {
        let form = crate::form::builtin();
        let answers = Answers::new(&form);
        let renderer = Renderer::new(None);
        for format in [Format::Pdf, Format::Odt, Format::PitchPdf, Format::PitchOdt] {
            assert!(matches!(
                renderer.render(&form, &answers, format, false),
                Err(RenderError::NotText)
            ));
        }
    }
}
