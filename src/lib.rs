//! fiche: prepare an application to All_Ia_nce, the French State's AI
//! incubator, as a "fiche action".
//!
//! The library knows nothing about terminals: it loads the questionnaire
//! (`form`), reads and writes answers files (`answers`), checks them
//! (`validate`), coaches the pitch and computes the business case (`coach`),
//! reuses answers across applications (`profile`, `reuse`, `fill`,
//! `migrate`, `diff`), summarizes many applications side by side (`review`),
//! renders documents (`render`), makes file text safe to print
//! (`sanitize`) and ranks the State's existing AI initiatives against an
//! application (`parangonnage`). The TUI and the CLI in the
//! binary are thin front ends over it.

pub mod answers;
pub mod application;
pub mod clock;
pub mod coach;
pub mod diff;
pub mod fill;
pub mod form;
pub mod format;
pub mod fs_util;
pub mod ids;
pub mod limits;
pub mod list_item;
pub mod migrate;
pub mod parangonnage;
pub mod position;
pub mod profile;
pub mod recovery;
pub mod render;
pub mod reuse;
pub mod review;
pub mod sanitize;
pub mod typography;
pub mod validate;
pub mod walk;

pub use answers::{Answers, AnswersError};
pub use form::{Form, FormError};
pub use validate::{Finding, Report, Severity};
