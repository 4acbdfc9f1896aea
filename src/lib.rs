//! fiche: prepare an application to All_Ia_nce, the French State's AI
//! incubator, as a "fiche action".
//!
//! The library knows nothing about terminals; the wizard (`tui`), the
//! accessible mode (`plain`) and the commands (`commands`) in the binary are
//! thin front ends over it. Its modules, by what they are for:
//!
//! - the questionnaire: `form` (model, loader, `when` conditions; the
//!   built-in form is `templates/fiche-action/form.toml`);
//! - an application: `answers` (the answers file, read and saved without
//!   loss; its `toml_reader` reads it without layout for the commands that
//!   only read), `application` (opening a file for a form), `migrate` (files of
//!   an older form version), `ids` (typed question and finding ids),
//!   `position` (line and column in a file), `clock` (the local time of
//!   the dates written in files and documents);
//! - checking it: `validate` (fields and completeness), `coach` (the pitch
//!   coach, the business case, the readiness score), `review` (many
//!   applications side by side);
//! - documents: `render` (Markdown, HTML, PDF, OpenDocument, the e-mail),
//!   `format` (French numbers), `typography` (French no-break spaces);
//! - reusing answers: `profile`, `reuse`, `fill` (`fiche set`, `fiche new
//!   --data`), `diff`;
//! - what both interactive front ends share: `walk` (which question comes
//!   next), `list_item` (adding an item to a repeatable block), `recovery`
//!   (the text being typed, kept for after a crash), `invocation` (the
//!   commands suggested to reopen an application, global options included);
//! - safety: `fs_util` (regular files only, atomic writes), `limits` (the
//!   sizes accepted), `sanitize` (file text made safe to print), `decode`
//!   (text in whatever encoding an editor or a spreadsheet wrote);
//! - `parangonnage`: ranking the State's existing AI initiatives against an
//!   application.

pub mod answers;
pub mod application;
pub mod clock;
pub mod coach;
pub mod decode;
pub mod diff;
pub mod fill;
pub mod form;
pub mod format;
pub mod fs_util;
pub mod ids;
pub mod invocation;
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
