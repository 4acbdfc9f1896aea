//! The sizes fiche accepts, stated once: beyond them a file or an answer is
//! refused with a French message saying the limit, and nothing is written.
//!
//! They are far above any real application (the longest answer of the
//! examples is about 1 500 characters) and low enough that a hostile or
//! broken file cannot make a command take minutes or gigabytes.

/// An answers file (or a profile, a `--data` file): 10 Mo.
pub const MAX_ANSWERS_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A form file (`form.toml`) or a document template: 10 Mo.
pub const MAX_FORM_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// One answer (a text, or one field of a list item): 100 000 characters,
/// about forty pages.
pub const MAX_ANSWER_CHARS: usize = 100_000;

/// A number answer, in absolute value: a thousand billion (10¹²). Beyond
/// that a figure is a typo, and the business case would lose its meaning.
pub const MAX_ABS_NUMBER: f64 = 1e12;

/// A `when` condition of a form: 2 000 characters.
pub const MAX_CONDITION_CHARS: usize = 2_000;

/// Nesting depth of a `when` condition (parentheses, `not`, `and`/`or`
/// chains): 32 levels.
pub const MAX_CONDITION_DEPTH: usize = 32;

/// `1 000 000` → « 1 Mo », in the units users read.
pub fn bytes_fr(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} Mo", bytes / MIB)
    } else {
        format!("{} octets", crate::format::integer(bytes as i64))
    }
}

/// `100000` → « 100 000 ».
pub fn count_fr(n: usize) -> String {
    crate::format::integer(n as i64)
}

/// Why a number answer is refused, if it is: not finite, or beyond
/// [`MAX_ABS_NUMBER`]. Shared by typed input (`set`, the wizard) and
/// validation of a file, so both say the same.
pub fn number_problem(n: f64) -> Option<String> {
    if !n.is_finite() {
        return Some("ce n’est pas un nombre fini (inf et nan ne sont pas des montants)".into());
    }
    if n.abs() > MAX_ABS_NUMBER {
        return Some(
            "ce nombre dépasse la limite de fiche (mille milliards en valeur absolue) : vérifiez le nombre de zéros"
                .into(),
        );
    }
    None
}

/// Why a text answer is refused, if it is: longer than [`MAX_ANSWER_CHARS`].
pub fn text_problem(text: &str) -> Option<String> {
    let n = text.chars().count();
    (n > MAX_ANSWER_CHARS).then(|| {
        format!(
            "réponse trop longue : {} caractères, {} au plus par réponse ; gardez l’essentiel et mettez le reste en annexe de votre dossier",
            count_fr(n),
            count_fr(MAX_ANSWER_CHARS)
        )
    })
}
