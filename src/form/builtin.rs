//! The built-in questionnaire as the build script read it: `build.rs` parses
//! `templates/fiche-action/form.toml` once and writes the Rust code that
//! builds the same [`RawForm`], so starting `fiche` allocates these values
//! instead of running a TOML parser over 73 kB; the loader's checks then run
//! as for any form file (`load::builtin`).

use toml::Spanned;

// Every raw type the generated code may name (`RawMigration` only when the
// form has migrations).
#[allow(unused_imports)]
use super::raw::{RawChoice, RawForm, RawMeta, RawMigration, RawQuestion, RawSection};

/// `templates/fiche-action/form.toml`, as written by `build.rs`.
pub(super) fn raw_form() -> RawForm {
    include!(concat!(env!("OUT_DIR"), "/builtin_form.rs"))
}

/// Where each line of the form file starts, as `build.rs` found them.
pub(super) static LINE_STARTS: &[usize] = &include!(concat!(env!("OUT_DIR"), "/builtin_lines.rs"));

fn s(text: &str) -> String {
    text.to_string()
}

/// A text of the form, borrowed from the binary.
fn t(text: &'static str) -> super::raw::Text {
    std::borrow::Cow::Borrowed(text)
}

/// A value with its byte range in the form file (for line numbers).
fn at<T>(start: usize, end: usize, value: T) -> Spanned<T> {
    Spanned::new(start..end, value)
}

fn table(entries: Vec<(String, toml::Value)>) -> toml::Table {
    entries.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::super::{BUILTIN_FORM, BUILTIN_SOURCE, builtin, parse};
    use super::{LINE_STARTS, raw_form};
    use crate::position::LineIndex;

    /// What the build script wrote is what the loader reads from the file
    /// itself: every field, line numbers and order included.
    #[test]
    fn the_precomputed_form_is_the_form_file() {
        let from_text = parse(BUILTIN_FORM, BUILTIN_SOURCE).expect("the built-in form is valid");
        assert_eq!(format!("{:#?}", builtin()), format!("{from_text:#?}"));
    }

    /// The loader's checks, which `builtin()` skips, pass on what the build
    /// script wrote, and give the same form.
    #[test]
    fn the_precomputed_form_passes_the_loaders_checks() {
        let checked = super::super::load::checked(raw_form(), BUILTIN_FORM, BUILTIN_SOURCE)
            .expect("the built-in form passes every check");
        assert_eq!(format!("{:#?}", builtin()), format!("{checked:#?}"));
    }

    #[test]
    fn the_precomputed_line_starts_are_the_form_files() {
        assert_eq!(LINE_STARTS, LineIndex::new(BUILTIN_FORM).starts());
    }

    #[test]
    fn the_precomputed_form_has_every_section_and_question() {
        let form = builtin();
        let sections = BUILTIN_FORM.matches("\n[[sections]]").count();
        let questions = BUILTIN_FORM.matches("\n[[sections.questions]]").count();
        assert_eq!(form.sections.len(), sections);
        assert_eq!(
            form.sections
                .iter()
                .map(|s| s.questions.len())
                .sum::<usize>(),
            questions
        );
    }
}
