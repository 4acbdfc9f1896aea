//! Reading many applications side by side, as the incubator's reviewers and
//! the ministries that collect their services' applications do: find the
//! applications under folders (`discover`), reduce each to one summary row
//! (`row`), order the rows (`sort`) and write them for a spreadsheet or a
//! script (`csv`, JSON through serde); or put them side by side on one
//! printable page (`compare`).
//!
//! ```no_run
//! let form = fiche::form::builtin();
//! let found = fiche::review::discover(&["candidatures".into()]);
//! fiche::review::summarize_all(&form, &found.files, |input, checked| match checked {
//!     fiche::review::Checked::Row(row) => println!("{} {:?}", row.file, row.readiness),
//!     fiche::review::Checked::Skipped(why) => println!("{} ignoré : {why}", input.path.display()),
//! });
//! ```

pub mod compare;
pub mod csv;
mod discover;
mod finding;
mod parallel;
mod row;
mod sort;

pub use discover::{Discovered, Input, discover};
pub use finding::TopFinding;
pub use parallel::summarize_all;
pub use row::{Checked, Opened, Status, SummaryRow, open, summarize, summarize_answers};
pub use sort::SortKey;
