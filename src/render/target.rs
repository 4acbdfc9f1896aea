//! Everything a front end can export, in one table: every document in every
//! file type ([`Format::ALL`]), then the e-mail draft that sends the fiche.
//! The wizard's export menu and the accessible mode's export question are
//! both built from [`Target::all`], so a new format shows up in both.

use std::path::{Path, PathBuf};

use super::email::{EmailError, EmailOptions};
use super::export::same_file;
use super::{Document, Export, ExportError, Exported, FileType, Format, Renderer};
use crate::answers::Answers;
use crate::form::Form;
use crate::fs_util;

/// One thing to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A document in one file type.
    Document(Format),
    /// The `.eml` draft sending the fiche (PDF and ODT attached) to the
    /// form's contact, as `fiche envoyer` writes it.
    Email,
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Email(#[from] EmailError),
    #[error("{} : {}", path.display(), fs_util::io_error_fr(source))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Target {
    /// Every export, in the order the menus show them.
    pub fn all() -> Vec<Target> {
        Format::ALL
            .into_iter()
            .map(Target::Document)
            .chain([Target::Email])
            .collect()
    }

    /// What the user picks, in French: « fiche en PDF », « courriel… ».
    pub fn label_fr(self) -> String {
        match self {
            Target::Document(f) => {
                let document = match f.document() {
                    Document::Fiche => "fiche",
                    Document::Pitch => "pitch",
                };
                let file_type = match f.file_type() {
                    FileType::Markdown => "Markdown",
                    FileType::Html => "HTML",
                    FileType::Pdf => "PDF",
                    FileType::Odt => "ODT, pour LibreOffice ou Word",
                };
                format!("{document} en {file_type}")
            }
            Target::Email => "courriel à envoyer, fiche jointe (PDF, ODT)".to_string(),
        }
    }

    /// The name typed to choose it: as in `fiche render --format`, `eml`.
    pub fn short_name(self) -> &'static str {
        match self {
            Target::Document(f) => f.short_name(),
            Target::Email => "eml",
        }
    }

    /// The export named `name` (short name, case ignored), if any.
    pub fn named(name: &str) -> Option<Target> {
        let name = name.trim().to_lowercase();
        Target::all()
            .into_iter()
            .find(|t| t.short_name() == name || (name == "markdown" && t.short_name() == "md"))
    }

    /// Where it is written: next to the answers file.
    pub fn default_output(self, answers_file: &Path) -> PathBuf {
        match self {
            Target::Document(f) => f.default_output(answers_file),
            Target::Email => answers_file.with_extension("eml"),
        }
    }

    /// Whether producing it takes seconds (a PDF is compiled).
    pub fn is_slow(self) -> bool {
        match self {
            Target::Document(f) => f.file_type() == FileType::Pdf,
            Target::Email => true,
        }
    }
}

impl Renderer {
    /// Writes `target` next to `answers_file`, atomically. An incomplete
    /// application gives documents marked BROUILLON (the e-mail's subject
    /// too, and the e-mail of one the coach faults), never a refusal: the
    /// front ends say so.
    pub fn write_target(
        &self,
        form: &Form,
        answers: &Answers,
        answers_file: &Path,
        target: Target,
    ) -> Result<Exported, TargetError> {
        if let Target::Document(format) = target {
            return Ok(self.write(form, answers, answers_file, Export::to_default(format))?);
        }
        let path = target.default_output(answers_file);
        if same_file(&path, answers_file) {
            return Err(ExportError::SameFile(path).into());
        }
        let stem = answers_file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "fiche".to_string());
        let options = EmailOptions {
            attachment_stem: &stem,
            allow_draft: true,
        };
        let email = self.email(form, answers, &options)?;
        fs_util::write_atomic(&path, &email.bytes).map_err(|source| TargetError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Exported {
            path,
            draft: email.draft.is_some(),
        })
    }
}

/// What the wizard and the accessible mode add after « Courriel prêt »
/// when the coach finds errors a jury would refuse: they write the e-mail
/// as `fiche envoyer --brouillon` does (marked BROUILLON), and `fiche
/// envoyer` alone refuses it.
pub fn email_coach_errors_fr(errors: usize) -> Option<String> {
    (errors > 0).then(|| {
        format!(
            "attention : le coach relève {} qu’un jury refuserait (voir la revue) : corrigez avant d’envoyer",
            crate::format::count(errors, "erreur", "erreurs")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_and_the_email_are_offered_once() {
        let all = Target::all();
        for f in Format::ALL {
            assert!(all.contains(&Target::Document(f)), "{f:?}");
        }
        assert_eq!(all.last(), Some(&Target::Email));
        let mut names: Vec<&str> = all.iter().map(|t| t.short_name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "short names are distinct");
    }

    #[test]
    fn a_target_is_found_by_its_short_name() {
        assert_eq!(Target::named(" ODT "), Some(Target::Document(Format::Odt)));
        assert_eq!(
            Target::named("markdown"),
            Some(Target::Document(Format::Markdown))
        );
        assert_eq!(Target::named("eml"), Some(Target::Email));
        assert_eq!(Target::named("docx"), None);
    }

    #[test]
    fn the_email_goes_next_to_the_answers_file() {
        assert_eq!(
            Target::Email.default_output(Path::new("d/candidature.toml")),
            PathBuf::from("d/candidature.eml")
        );
    }
}
