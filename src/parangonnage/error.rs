//! What can go wrong reading an export of the initiatives table. Each message
//! says which file, what was found and how to get a usable export.

use std::io;

/// How to get a file this module can read, repeated in several messages.
const HOW_TO_EXPORT: &str =
    "Téléchargez le tableau depuis Grist au format CSV ou XLSX (menu de la table), puis relancez.";

#[derive(Debug, thiserror::Error)]
pub enum ParangonnageError {
    #[error("{path} : impossible de lire le fichier")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("{path} : le fichier est vide.\n  {HOW_TO_EXPORT}")]
    Empty { path: String },
    #[error(
        "{path} : ce fichier n’est ni un CSV ni un classeur (XLSX, ODS, XLS) : il contient des données binaires.\n  {HOW_TO_EXPORT}"
    )]
    Binary { path: String },
    #[error(
        "{path} : classeur illisible.\n  Ouvrez-le dans votre tableur et enregistrez-le en XLSX ou en CSV, puis relancez"
    )]
    Spreadsheet {
        path: String,
        #[source]
        source: calamine::Error,
    },
    #[error(
        "{path}, ligne {line} : CSV illisible.\n  Ouvrez le fichier dans un tableur pour vérifier les guillemets de cette ligne, ou téléchargez-le à nouveau"
    )]
    Csv {
        path: String,
        line: u64,
        #[source]
        source: csv::Error,
    },
    #[error("{path} : aucune ligne d’initiative sous la ligne des en-têtes.\n  {HOW_TO_EXPORT}")]
    NoRows { path: String },
    #[error(
        "{path} : une seule colonne (« {header} ») : impossible de distinguer le nom d’une initiative de sa description.\n  Si le fichier vient d’un tableur, vérifiez le séparateur (virgule, point-virgule ou tabulation) ; sinon {}",
        lowercase_first(HOW_TO_EXPORT)
    )]
    OneColumn { path: String, header: String },
    #[error(
        "{path} : impossible de reconnaître {}.\n  En-têtes de la première ligne : {}.\n  La première ligne doit contenir les titres des colonnes. Sinon, dites lesquelles utiliser avec --colonnes, par exemple : --colonnes nom=\"{}\",description=\"{}\" (ou par numéro : --colonnes nom=1,description={})",
        missing_phrase(missing),
        quoted_list(headers),
        headers.first().map(String::as_str).unwrap_or("Nom"),
        headers.get(EXAMPLE_DESCRIPTION).or(headers.last()).map(String::as_str).unwrap_or("Description"),
        // The same column as the example by name, counted from 1.
        EXAMPLE_DESCRIPTION.min(headers.len().saturating_sub(1)).max(1) + 1
    )]
    Columns {
        path: String,
        /// What could not be found, in French ("du nom de l'initiative"…).
        missing: Vec<&'static str>,
        /// The headers as read, each cut to a readable length.
        headers: Vec<String>,
    },
    #[error("--colonnes : {message}")]
    ColumnSpec { message: String },
}

pub type Result<T, E = ParangonnageError> = std::result::Result<T, E>;

/// The column (from 0) the `--colonnes` example of [`ParangonnageError::Columns`]
/// gives as the description: the third, or the last of a narrower table.
const EXAMPLE_DESCRIPTION: usize = 2;

fn quoted_list(items: &[String]) -> String {
    if items.is_empty() {
        return "aucun".to_string();
    }
    items
        .iter()
        .map(|h| format!("« {h} »"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// « la colonne du nom », or « ni la colonne du nom ni la colonne de la description ».
fn missing_phrase(missing: &[&str]) -> String {
    let columns: Vec<String> = missing.iter().map(|m| format!("la colonne {m}")).collect();
    match columns.as_slice() {
        [one] => one.clone(),
        many => format!("ni {}", many.join(" ni ")),
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
