//! The document formats of `fiche render`, their templates and where each
//! document is written by default.

use std::path::{Path, PathBuf};

/// Output formats of `fiche render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Pdf,
    Pitch,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Pdf, Format::Pitch];

    /// File name of the template, also the name a user template overrides.
    pub fn template(self) -> &'static str {
        match self {
            Format::Markdown => "fiche.md.j2",
            Format::Html => "fiche.html.j2",
            Format::Pdf => "fiche.typ",
            Format::Pitch => "pitch.md.j2",
        }
    }

    /// The format's short name, as in `fiche render --format`.
    pub fn short_name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Pitch => "pitch",
        }
    }

    /// PDF is bytes; the others are UTF-8 text.
    pub fn is_binary(self) -> bool {
        self == Format::Pdf
    }

    /// Where the document goes by default: next to the answers file,
    /// `dossier/x.toml` → `dossier/x.md`, `x.html`, `x.pdf`, `x-pitch.md`.
    pub fn default_output(self, answers_file: &Path) -> PathBuf {
        let stem = answers_file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "fiche".to_string());
        let name = match self {
            Format::Markdown => format!("{stem}.md"),
            Format::Html => format!("{stem}.html"),
            Format::Pdf => format!("{stem}.pdf"),
            Format::Pitch => format!("{stem}-pitch.md"),
        };
        answers_file.with_file_name(name)
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
                "dossier/candidature-pitch.md",
            ]
            .map(PathBuf::from)
        );
    }
}
