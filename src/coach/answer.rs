//! Typed reads of the answers the coach looks at; an unanswered or mistyped
//! answer reads as `None`, so rules stay silent on it (completeness and field
//! checks already report it). The rules and the business case read through
//! [`Asked`], which sees only the questions of the form: an answer to a
//! question the form does not have is « conservée mais ignorée », by the
//! coach too.

use std::borrow::Cow;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::answers::{Answers, is_answered};
use crate::form::Form;

/// Where answers are read from: the answers file as it is, or as the form
/// sees it (the coach's [`Context`](super::Context)).
pub trait Source {
    /// The raw answer to `section.question`, if any.
    fn value(&self, id: &str) -> Option<Cow<'_, toml::Value>>;
}

impl Source for Answers {
    fn value(&self, id: &str) -> Option<Cow<'_, toml::Value>> {
        Answers::value(self, id)
    }
}

/// The answers to the questions `form` asks: an answer left in the file for
/// a question the form does not have reads as unanswered.
pub struct Asked<'a> {
    pub form: &'a Form,
    pub answers: &'a Answers,
}

impl Source for Asked<'_> {
    fn value(&self, id: &str) -> Option<Cow<'_, toml::Value>> {
        asked(self.form, self.answers, id)
    }
}

/// The answer to `id` if `form` asks it.
pub fn asked<'a>(form: &Form, answers: &'a Answers, id: &str) -> Option<Cow<'a, toml::Value>> {
    answers.value(id).filter(|_| form.question(id).is_some())
}

/// A non-empty text answer, trimmed.
pub fn text(answers: &impl Source, id: &str) -> Option<String> {
    answers
        .value(id)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The key of a `choice` answer.
pub fn choice(answers: &impl Source, id: &str) -> Option<String> {
    text(answers, id)
}

pub fn boolean(answers: &impl Source, id: &str) -> Option<bool> {
    answers.value(id)?.as_bool()
}

/// The keys of a `multi` answer (empty when unanswered).
pub fn keys(answers: &impl Source, id: &str) -> Vec<String> {
    let Some(value) = answers.value(id) else {
        return Vec::new();
    };
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// The items of a `list` answer, `None` when unanswered.
pub fn items(answers: &impl Source, id: &str) -> Option<Vec<toml::Table>> {
    let value = answers.value(id);
    if !is_answered(value.as_deref()) {
        return None;
    }
    Some(
        value?
            .as_array()?
            .iter()
            .filter_map(|i| i.as_table().cloned())
            .collect(),
    )
}

/// A numeric answer as an exact decimal: `6` and `6.0` both read 6, `2.5`
/// reads 2.5 exactly (from the float's shortest decimal writing).
pub fn number(answers: &impl Source, id: &str) -> Option<Decimal> {
    decimal(answers.value(id).as_deref())
}

/// A TOML number as an exact decimal; `None` for non-numbers, NaN,
/// infinities and numbers beyond fiche's limit (validation refuses them, so
/// the business case does not compute with them either).
pub fn decimal(value: Option<&toml::Value>) -> Option<Decimal> {
    let n = crate::format::as_number(value?)?;
    if crate::limits::number_problem(n).is_some() {
        return None;
    }
    match value? {
        toml::Value::Integer(i) => Some(Decimal::from(*i)),
        toml::Value::Float(f) => Decimal::from_str(&f.to_string()).ok(),
        _ => None,
    }
}

/// Whether a text holds at least one figure: a digit, or a number written
/// in French words (« trois semaines », « la moitié des dossiers »).
pub fn has_figure(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphabetic())
            .any(|word| NUMBER_WORDS.contains(&word.to_lowercase().as_str()))
}

/// French words that state a quantity. Left out: « un », « une » (mostly
/// articles) and « neuf » (mostly "new").
const NUMBER_WORDS: &[&str] = &[
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "vingts",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
    "million",
    "millions",
    "milliard",
    "milliards",
    "dizaine",
    "dizaines",
    "douzaine",
    "douzaines",
    "quinzaine",
    "quinzaines",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "centaine",
    "centaines",
    "millier",
    "milliers",
    "moitié",
    "tiers",
    "quart",
    "quarts",
    "double",
    "triple",
];

/// Lowercase, single-spaced, trimmed: for comparing texts.
///
/// The coach compares every long answer, so this is one pass that copies
/// runs of ASCII words at once (`split_whitespace` then `to_lowercase` went
/// through the text twice, character by character); a text with a capital
/// sigma, whose lowercase depends on its neighbours, takes the standard
/// library's way.
pub fn normalized(text: &str) -> String {
    if text.contains('Σ') {
        return normalized_std(text);
    }
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut space = false;
    let mut rest = text;
    while let Some(&b) = rest.as_bytes().first() {
        if is_ascii_space(b) {
            space = !out.is_empty();
            rest = &rest[1..];
            continue;
        }
        if b.is_ascii() {
            if space {
                out.push(b' ');
                space = false;
            }
            let run = ascii_run(rest.as_bytes());
            let start = out.len();
            out.extend_from_slice(&rest.as_bytes()[..run]);
            out[start..].make_ascii_lowercase();
            rest = &rest[run..];
            continue;
        }
        let c = rest.chars().next().expect("a character starts here");
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        let mut buf = [0; 4];
        for lower in c.to_lowercase() {
            out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
        }
    }
    String::from_utf8(out).expect("made of whole characters")
}

/// ASCII whitespace as `char::is_whitespace` counts it (vertical tab
/// included).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// How many bytes from the start (an ASCII character that is not a space)
/// read the same once normalized, but for case: ASCII words with single
/// spaces between them.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            match bytes.get(i + 1) {
                Some(&next) if next.is_ascii() && !is_ascii_space(next) => i += 2,
                _ => break,
            }
        } else if b.is_ascii() && !is_ascii_space(b) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// [`normalized`] as the standard library writes it.
fn normalized_std(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    spaced.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{normalized, normalized_std};

    #[test]
    fn normalized_is_the_standard_lowercase_of_the_single_spaced_text() {
        let texts = [
            "",
            "   ",
            "À compléter !",
            "  Plusieurs   ESPACES\tet\nLIGNES\r\n ",
            "ÉTÉ Œuvre ÇA İstanbul ß ẞ",
            "insécables\u{a0}et\u{202f}fines\u{2003}espaces\u{85}fin",
            "tab\u{0b}vertical\u{0c}saut",
            "ΣΟΦΊΑ Σ σ ΟΔΟΣ",
            "mixte ABC123 déf GHI",
            "\u{1F600} emoji Ünïcödé",
        ];
        for text in texts {
            assert_eq!(normalized(text), normalized_std(text), "{text:?}");
        }
        let pool: Vec<char> = "aZ é\tÉ\n\u{a0}\u{b}ΣσİßẞŒ.!1_\u{85}\u{2028}\u{1F600}"
            .chars()
            .collect();
        let mut seed: u64 = 7;
        for _ in 0..2000 {
            let text: String = (0..(seed % 23))
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    pool[(seed >> 33) as usize % pool.len()]
                })
                .collect();
            assert_eq!(normalized(&text), normalized_std(&text), "{text:?}");
        }
    }
}
