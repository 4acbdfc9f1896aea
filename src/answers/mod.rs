//! Applications on disk: the answers file (`store`, kept with its layout to
//! be edited; `read_only` and `toml_reader` to be only read), what a user types
//! turned into a typed value (`input`), and around them: `syntax` (the TOML
//! parser's errors in French), `bounds` (the size of one answer), `convert`
//! (editable document ↔ plain values), `origin` (where pre-filled answers
//! came from), and the safety net: `disk` (the file's layout and stamp),
//! `merge` (changes made outside meanwhile) and `lock` (who has the file
//! open).

mod bounds;
pub(crate) mod convert;
mod disk;
mod input;
pub mod lock;
mod merge;
mod origin;
mod read_only;
mod store;
pub(crate) mod syntax;
mod toml_reader;

pub use input::{format_for_input, parse_input};
pub use merge::{Conflict, Keep};
pub use origin::{ORIGIN_TABLE, Origin};
pub use read_only::ReadOnly;
pub use store::{Answers, Saved, now_rfc3339};

use crate::position::Position;

pub use crate::form::is_answered;

/// An answers file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("{path} : {}", crate::fs_util::io_error_fr(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} existe déjà et n’a pas été modifié : choisissez un autre nom.")]
    Exists { path: String },
    #[error(
        "{file}, ligne {}, colonne {} : ce fichier n’est pas du TOML valide ({message}).\n  Corrigez cette ligne dans un éditeur de texte (guillemets, crochets, signe =) puis relancez ; le fichier n’a pas été modifié.",
        position.line, position.column
    )]
    Syntax {
        file: String,
        position: Position,
        message: String,
    },
    #[error(
        "{file}, ligne {} : la réponse « {id} » fait {} caractères, {} au plus par réponse.\n  Raccourcissez-la dans un éditeur de texte (gardez l’essentiel, le reste en annexe de votre dossier) ; le fichier n’a pas été modifié.",
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
        "{file} : le fichier sur le disque n’est plus du TOML valide (ligne {}, colonne {}) ; il n’a pas été écrasé.\n  Corrigez-le ou enregistrez sous un autre nom.",
        position.line, position.column
    )]
    RefuseOverwrite { file: String, position: Position },
    #[error(
        "{id} : cette réponse n’a pas de place dans le fichier, car « {at} » y est {found}{line} et non une section [{at}].\n  Corrigez le fichier dans un éditeur de texte (remplacez « {at} » par une section [{at}]) ; rien n’a été enregistré."
    )]
    Unplaceable {
        id: String,
        at: String,
        found: &'static str,
        line: String,
    },
    #[error("« {id} » n’est pas un identifiant de question (attendu : section.question)")]
    NotAnId { id: String },
    #[error(
        "{file} a été modifié par ailleurs pendant que vous l’aviez ouvert, et {} y {} changé des deux côtés : {}.\n  Rien n’a été écrit ; choisissez pour chacune la version à garder.",
        if conflicts.len() > 1 { "ces réponses" } else { "cette réponse" },
        if conflicts.len() > 1 { "ont" } else { "a" },
        conflicts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
    )]
    Conflict {
        file: String,
        conflicts: Vec<Conflict>,
    },
    #[error(
        "{file} : ce fichier a été écrit pour la version {found} du formulaire « {form} », plus récente que celle que connaît ce programme (version {known}).\n  Mettez fiche à jour ; le fichier n’a pas été modifié."
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
