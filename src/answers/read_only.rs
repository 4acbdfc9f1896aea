//! Answers opened only to be read (`check`, `render`, `diff`…): the file is
//! read without its layout (see `toml_reader`), no save base is kept, and the
//! positions of its answers are found only when a message asks for one.
//!
//! [`ReadOnly`] gives the answers as `&Answers` (everything that reads them
//! takes it) and nothing else: it cannot be saved, changed or turned back
//! into an `Answers` that could be.

use std::ops::Deref;
use std::path::Path;

use super::store::io_error;
use super::{Answers, Result, disk, toml_reader};
use crate::form::Form;

/// One application's answers, to read only.
///
/// ```
/// let answers = fiche::answers::ReadOnly::parse("[identite]\nnom_produit = \"A\"\n", "f.toml").unwrap();
/// assert!(answers.get("identite.nom_produit").is_some());
/// ```
///
/// Saving one does not compile:
///
/// ```compile_fail
/// let mut answers = fiche::answers::ReadOnly::parse("[identite]\nnom_produit = \"A\"\n", "f.toml").unwrap();
/// answers.save(std::path::Path::new("f.toml"));
/// ```
#[derive(Debug, Clone)]
pub struct ReadOnly(Answers);

impl Deref for ReadOnly {
    type Target = Answers;

    fn deref(&self) -> &Answers {
        &self.0
    }
}

impl ReadOnly {
    /// Reads an answers file, with the same refusals and the same errors as
    /// [`Answers::load`] (only a regular file, at most 10 Mo, UTF-8).
    pub fn load(path: &Path) -> Result<ReadOnly> {
        let Some(text) = disk::read_text(path).map_err(|e| io_error(path, e))? else {
            return Err(io_error(
                path,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        };
        ReadOnly::from_text(text, &path.display().to_string())
    }

    /// Parses an answers file's text, as [`Answers::parse`] does.
    pub fn parse(text: &str, source: &str) -> Result<ReadOnly> {
        ReadOnly::from_text(text.to_string(), source)
    }

    /// The layout-free TOML reader when it can say what `Answers::parse` says of the
    /// text, `Answers::parse` itself otherwise (its errors, worded as ever).
    fn from_text(text: String, source: &str) -> Result<ReadOnly> {
        match toml_reader::read(text) {
            Ok(values) => Ok(ReadOnly(Answers::from_values(values))),
            Err(text) => Answers::parse(&text, source).map(ReadOnly),
        }
    }

    /// Brought up to `form`'s version in memory when written for an older
    /// one (as [`crate::migrate::migrate`] does; nothing is written).
    pub fn migrated(self, form: &Form) -> ReadOnly {
        if self.form_version().is_none_or(|v| v >= form.version) {
            return self;
        }
        let mut answers = self.0;
        crate::migrate::migrate(form, &mut answers);
        ReadOnly(answers)
    }
}
