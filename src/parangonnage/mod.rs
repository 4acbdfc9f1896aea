//! Parangonnage: reading the shared table of the State's AI initiatives (a
//! CSV or spreadsheet exported from Grist, LibreOffice or Excel), working out
//! which columns hold what, and ranking its rows by how close they are to an
//! application or to a few words.
//!
//! `reader` turns bytes into a [`Table`], `columns` finds the name,
//! administration, description and contact columns, `query` gathers the
//! words of an application, and `rank` scores the rows with BM25
//! (`tokens` stems the text, `postings` is the inverted index); `cite`
//! writes the chosen initiatives into the application's answer. Nothing
//! here knows about terminals: front ends sanitise what they print.

mod cite;
mod columns;
mod error;
mod postings;
mod query;
mod rank;
mod reader;
mod text;
mod tokens;

pub use cite::{ANSWER_ID, Citation, LEARNT_PLACEHOLDER, cite, entry};
pub use columns::{ColumnSpec, Columns, Role};
pub use error::{ParangonnageError, Result};
pub use query::{QUERY_FIELDS, Query};
pub use rank::{Index, Initiative, Ranked};
pub use reader::{Row, Table, read_bytes, read_path};

/// One call for the common case: read `path`, find its columns (`spec` says
/// some of them explicitly), rank its rows against `query`, keep `limit`.
pub fn search(
    path: &std::path::Path,
    spec: &ColumnSpec,
    query: &Query,
    limit: usize,
) -> Result<(Table, Columns, Vec<Ranked>)> {
    let table = read_path(path)?;
    let columns = Columns::detect(&table, spec)?;
    let results = Index::build(&table, &columns).rank(query, limit);
    Ok((table, columns, results))
}
