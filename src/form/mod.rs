//! The questionnaire as data: `model` (sections, questions, types), `raw`
//! (a form file as written) read and checked by `load`, `condition` (the
//! `when` conditions), `check` (one value against its question, with
//! `email`), `coach_table` (the `[coach]` entries), `nearest` (the id a
//! misspelt one meant), `read_error` (why a form file cannot be read, in
//! French) and `builtin` (the built-in form, read at build time). The format is documented for form writers in
//! `templates/README.md`.

mod builtin;
mod check;
mod coach_table;
mod condition;
mod email;
mod load;
mod model;
mod nearest;
mod raw;
mod read_error;

pub use check::{Problem, check_item, check_value, is_answered};
pub use coach_table::check_coach_table;
pub use condition::Condition;
pub use load::{BUILTIN_FORM, BUILTIN_SOURCE, builtin, load_dir, parse};
pub use model::{Choice, Form, Kind, Migration, Question, Section, Text};

use crate::position::Position;

/// A form file that cannot be used, with where and why.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(
        "{path} : impossible de lire le formulaire : {}",
        crate::fs_util::io_error_fr(source)
    )]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}, ligne {}, colonne {} : formulaire illisible : {message}\n  Corrigez le fichier à cet endroit.",
        position.line, position.column
    )]
    Syntax {
        file: String,
        position: Position,
        message: String,
    },
    #[error("{file}, ligne {line} : {message}")]
    Structure {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}, ligne {line}, question « {question} » : {message}")]
    Invalid {
        file: String,
        line: usize,
        question: String,
        message: String,
    },
}

pub type Result<T, E = FormError> = std::result::Result<T, E>;
