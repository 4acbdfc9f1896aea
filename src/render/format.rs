//! The document formats of `fiche render`, their templates and where each
//! document is written by default.
//!
//! Two documents (the fiche action and the one-page pitch) each come in the
//! same four file types (Markdown, HTML, PDF, OpenDocument text): a format is
//! one document in one file type.

use std::path::{Path, PathBuf};

/// Output formats of `fiche render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Pdf,
    Odt,
    /// The pitch in Markdown (`--format pitch-md`, formerly `pitch`).
    Pitch,
    PitchHtml,
    PitchPdf,
    PitchOdt,
}

/// Which document a format renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The full fiche action.
    Fiche,
    /// The one-page pitch for the partners' committee.
    Pitch,
}

/// The kind of file a format produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Markdown,
    Html,
    Pdf,
    Odt,
}

impl FileType {
    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Markdown => "md",
            FileType::Html => "html",
            FileType::Pdf => "pdf",
            FileType::Odt => "odt",
        }
    }
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Markdown,
        Format::Html,
        Format::Pdf,
        Format::Odt,
        Format::Pitch,
        Format::PitchHtml,
        Format::PitchPdf,
        Format::PitchOdt,
    ];

    /// The format rendering `document` as `file_type`.
    pub fn new(document: Document, file_type: FileType) -> Format {
        match (document, file_type) {
            (Document::Fiche, FileType::Markdown) => Format::Markdown,
            (Document::Fiche, FileType::Html) => Format::Html,
            (Document::Fiche, FileType::Pdf) => Format::Pdf,
            (Document::Fiche, FileType::Odt) => Format::Odt,
            (Document::Pitch, FileType::Markdown) => Format::Pitch,
            (Document::Pitch, FileType::Html) => Format::PitchHtml,
            (Document::Pitch, FileType::Pdf) => Format::PitchPdf,
            (Document::Pitch, FileType::Odt) => Format::PitchOdt,
        }
    }

    pub fn document(self) -> Document {
        match self {
            Format::Markdown | Format::Html | Format::Pdf | Format::Odt => Document::Fiche,
            Format::Pitch | Format::PitchHtml | Format::PitchPdf | Format::PitchOdt => {
                Document::Pitch
            }
        }
    }

    pub fn file_type(self) -> FileType {
        match self {
            Format::Markdown | Format::Pitch => FileType::Markdown,
            Format::Html | Format::PitchHtml => FileType::Html,
            Format::Pdf | Format::PitchPdf => FileType::Pdf,
            Format::Odt | Format::PitchOdt => FileType::Odt,
        }
    }

    /// File name of the template, also the name a user template overrides.
    /// For OpenDocument, the template of the document's `content.xml`.
    pub fn template(self) -> &'static str {
        match self {
            Format::Markdown => "fiche.md.j2",
            Format::Html => "fiche.html.j2",
            Format::Pdf => "fiche.typ",
            Format::Odt => "fiche.odt.xml.j2",
            Format::Pitch => "pitch.md.j2",
            Format::PitchHtml => "pitch.html.j2",
            Format::PitchPdf => "pitch.typ",
            Format::PitchOdt => "pitch.odt.xml.j2",
        }
    }

    /// The format's short name, as in `fiche render --format`.
    pub fn short_name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Odt => "odt",
            Format::Pitch => "pitch",
            Format::PitchHtml => "pitch-html",
            Format::PitchPdf => "pitch-pdf",
            Format::PitchOdt => "pitch-odt",
        }
    }

    /// PDF and OpenDocument are bytes; the others are UTF-8 text.
    pub fn is_binary(self) -> bool {
        matches!(self.file_type(), FileType::Pdf | FileType::Odt)
    }

    /// Where the document goes by default: next to the answers file,
    /// `dossier/x.toml` → `dossier/x.md`, `x.odt`, `x-pitch.md`, `x-pitch.pdf`…
    pub fn default_output(self, answers_file: &Path) -> PathBuf {
        let stem = answers_file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "fiche".to_string());
        let suffix = match self.document() {
            Document::Fiche => "",
            Document::Pitch => "-pitch",
        };
        answers_file.with_file_name(format!("{stem}{suffix}.{}", self.file_type().extension()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_go_next_to_the_answers_file() {
        let answers = Path::new("dossier/candidature.toml");
        let names: Vec<PathBuf> = Format::ALL
            .iter()
            .map(|f| f.default_output(answers))
            .collect();
        assert_eq!(
            names,
            [
                "dossier/candidature.md",
                "dossier/candidature.html",
                "dossier/candidature.pdf",
                "dossier/candidature.odt",
                "dossier/candidature-pitch.md",
                "dossier/candidature-pitch.html",
                "dossier/candidature-pitch.pdf",
                "dossier/candidature-pitch.odt",
            ]
            .map(PathBuf::from)
        );
    }

    #[test]
    fn every_document_exists_in_every_file_type() {
        for format in Format::ALL {
            assert_eq!(Format::new(format.document(), format.file_type()), format);
        }
    }
}
