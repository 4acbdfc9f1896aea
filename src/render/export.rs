//! Writing a document to disk, the same way for `fiche render`, the wizard
//! and the accessible mode: by default next to the answers file, atomically,
//! never over the answers file itself.

use std::io;
use std::path::{Path, PathBuf};

use super::{Format, Prepared, RenderError, Renderer};
use crate::answers::Answers;
use crate::form::Form;
use crate::fs_util;

/// What one export asks for.
#[derive(Debug, Clone, Copy)]
pub struct Export<'a> {
    pub format: Format,
    /// Refuse an incomplete application instead of writing a draft.
    pub strict: bool,
    /// Where to write; `None`: next to the answers file
    /// ([`Format::default_output`]).
    pub output: Option<&'a Path>,
}

impl Export<'_> {
    /// The default export of `format`: a draft allowed, next to the file.
    pub fn to_default(format: Format) -> Export<'static> {
        Export {
            format,
            strict: false,
            output: None,
        }
    }
}

/// A document written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    /// The application is incomplete: the document is marked BROUILLON.
    pub draft: bool,
}

/// Why a document was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error(
        "{} est la candidature elle-même : choisissez un autre fichier de sortie",
        .0.display()
    )]
    SameFile(PathBuf),
    #[error("{} : {}", path.display(), fs_util::io_error_fr(source))]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Renderer {
    /// Renders the application read from `answers_file` and writes the
    /// document atomically where `export` says.
    pub fn write(
        &self,
        form: &Form,
        answers: &Answers,
        answers_file: &Path,
        export: Export<'_>,
    ) -> Result<Exported, ExportError> {
        let path = export.path(answers_file)?;
        let ctx = self.context(form, answers, export.strict)?;
        let draft = ctx.draft;
        let bytes = self.export_document(export.format, ctx)?;
        write_document(path, &bytes, draft)
    }

    /// Like [`Renderer::write`], from a prepared context: `path` comes
    /// from [`Export::path`].
    pub fn write_prepared(
        &self,
        document: &Prepared,
        format: Format,
        path: PathBuf,
    ) -> Result<Exported, ExportError> {
        let bytes = self.export_prepared(format, document)?;
        write_document(path, &bytes, document.draft())
    }
}

impl Export<'_> {
    /// Where the document of the application read from `answers_file`
    /// goes; never the answers file itself.
    pub fn path(&self, answers_file: &Path) -> Result<PathBuf, ExportError> {
        let path = self
            .output
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.format.default_output(answers_file));
        if same_file(&path, answers_file) {
            return Err(ExportError::SameFile(path));
        }
        Ok(path)
    }
}

/// Writes a rendered document atomically.
fn write_document(path: PathBuf, bytes: &[u8], draft: bool) -> Result<Exported, ExportError> {
    fs_util::write_atomic(&path, bytes).map_err(|source| ExportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(Exported { path, draft })
}

/// Whether `a` and `b` name the same file, even through `..` or links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_next_to_the_answers_file_and_says_draft() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let form = crate::form::builtin();
        let answers = Answers::new(&form);
        let done = Renderer::new(None)
            .write(&form, &answers, &file, Export::to_default(Format::Markdown))
            .unwrap();
        assert_eq!(done.path, dir.path().join("c.md"));
        assert!(done.draft);
        let text = std::fs::read_to_string(&done.path).unwrap();
        assert!(text.contains("BROUILLON"), "{text}");
    }

    #[test]
    fn never_writes_over_the_answers_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.md");
        std::fs::write(&file, "x").unwrap();
        let form = crate::form::builtin();
        let answers = Answers::new(&form);
        let e = Renderer::new(None)
            .write(&form, &answers, &file, Export::to_default(Format::Markdown))
            .unwrap_err();
        assert!(matches!(e, ExportError::SameFile(_)), "{e}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }

    #[test]
    fn a_user_template_folder_is_used() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fiche.md.j2"), "perso {{ form.id }}").unwrap();
        let file = dir.path().join("c.toml");
        let form = crate::form::builtin();
        let answers = Answers::new(&form);
        let done = Renderer::new(Some(dir.path()))
            .write(&form, &answers, &file, Export::to_default(Format::Markdown))
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(done.path).unwrap(),
            format!("perso {}", form.id)
        );
    }

    #[test]
    fn a_folder_that_cannot_be_written_keeps_the_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("absent").join("c.toml");
        let form = crate::form::builtin();
        let answers = Answers::new(&form);
        let e = Renderer::new(None)
            .write(&form, &answers, &file, Export::to_default(Format::Markdown))
            .unwrap_err();
        let ExportError::Write { source, .. } = &e else {
            panic!("{e}");
        };
        assert_eq!(source.kind(), io::ErrorKind::NotFound);
        assert!(std::error::Error::source(&e).is_some());
    }
}
