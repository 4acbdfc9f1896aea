//! Applications on disk: the answers file, typed values, user input parsing.

mod bounds;
pub(crate) mod convert;
mod input;
mod origin;
mod store;

pub use input::{format_for_input, parse_input};
pub use origin::{ORIGIN_TABLE, Origin};
pub use store::{Answers, now_rfc3339};

use crate::position::Position;

/// Whether a value counts as an answer (an empty text or list does not).
pub fn is_answered(value: Option<&toml::Value>) -> bool {
    match value {
        None => false,
        Some(toml::Value::String(s)) => !s.trim().is_empty(),
        Some(toml::Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// An answers file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("{path} : {}", crate::fs_util::io_error_fr(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} existe déjà et n'a pas été modifié : choisissez un autre nom.")]
    Exists { path: String },
    #[error(
        "{file}, ligne {}, colonne {} : ce fichier n'est pas du TOML valide ({message}).\n  Corrigez cette ligne dans un éditeur de texte (guillemets, crochets, signe =) puis relancez ; le fichier n'a pas été modifié.",
        position.line, position.column
    )]
    Syntax {
        file: String,
        position: Position,
        message: String,
    },
    #[error(
        "{file}, ligne {} : la réponse « {id} » fait {} caractères, {} au plus par réponse.\n  Raccourcissez-la dans un éditeur de texte (gardez l'essentiel, le reste en annexe de votre dossier) ; le fichier n'a pas été modifié.",
        position.line,
        crate::limits::count_fr(*chars),
        crate::limits::count_fr(crate::limits::MAX_ANSWER_CHARS)
    )]
    AnswerTooLong {
        file: String,
        position: Position,
        id: String,
        chars: usize,
    },
    #[error(
        "{file} : le fichier sur le disque n'est plus du TOML valide (ligne {}, colonne {}) ; il n'a pas été écrasé.\n  Corrigez-le ou enregistrez sous un autre nom.",
        position.line, position.column
    )]
    RefuseOverwrite { file: String, position: Position },
    #[error(
        "{file} : ce fichier a été écrit pour la version {found} du formulaire « {form} », plus récente que celle que connaît ce programme (version {known}).\n  Mettez fiche à jour ; le fichier n'a pas été modifié."
    )]
    NewerVersion {
        file: String,
        form: String,
        found: i64,
        known: u32,
    },
    #[error(
        "{file} : ce fichier répond au formulaire « {found} », pas à « {expected} ».\n  Vérifiez le fichier ou choisissez le bon formulaire avec --form."
    )]
    OtherForm {
        file: String,
        found: String,
        expected: String,
    },
}

pub type Result<T, E = AnswersError> = std::result::Result<T, E>;
