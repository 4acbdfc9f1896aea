//! French typography for text wrapped on screen: the space before « : ; ! ? »
//! and inside « » is a no-break space, so a line never starts with the sign
//! or the closing quote, nor ends with the opening quote; so is the space
//! of a legal reference (« article 31 », « article L. 312-1-3 »,
//! « art. 31 », « CRPA L. 311-3-1 », « paragraphe 3 », « § 3 »,
//! « loi n° 2024-449 »), so « L. » or « n° » never ends a line without its
//! number. So is the space inside a figure typed in an answer: before
//! « % » or « € » (« 30 % », « 45 000 € ») and between the digit groups of
//! a number (« 90 000 »), so « % » never starts a line nor « 000 » ends a
//! number cut in two (the figures the product writes already have them).
//! The form and the messages are written with ordinary spaces;
//! this is applied where text is wrapped, never to what is stored.

use std::borrow::Cow;

use crate::format::NBSP;

/// Signs that a French text separates from the word before with a space.
const AFTER_SPACE: [char; 5] = [':', ';', '!', '?', '»'];

/// Signs a French text separates from their number with a space.
const UNITS: [char; 2] = ['%', '€'];

/// Words a legal reference's number follows, compared ignoring case:
/// « article 31 », « art. 31 ».
const ARTICLE_WORDS: [&str; 3] = ["article", "articles", "art."];

/// Words only a number follows in a reference, compared ignoring case:
/// « paragraphe 3 », « § 3 », « alinéa 2 », « loi n° 2024-449 » (« nº »
/// with the masculine ordinal indicator is the same abbreviation).
const NUMBER_WORDS: [&str; 7] = [
    "paragraphe",
    "paragraphes",
    "alinéa",
    "alinéas",
    "§",
    "n°",
    "nº",
];

/// The part of a code an article number starts with (« L. 312-1-3 » of the
/// legislative part, « R. » and « D. » of the regulatory one), compared
/// with its case.
const CODE_PARTS: [&str; 3] = ["L.", "R.", "D."];

/// `text` with each ordinary space that must not break made a no-break
/// space: before « : ; ! ? » and », after «, inside a legal reference
/// (see [`reference_spacing`]) and inside a figure typed in an answer
/// (`in_figure`). Every other character is kept, so the text has as many
/// characters as before (and the same width).
pub fn french_spacing(text: &str) -> Cow<'_, str> {
    join_spaces(text, |before, after| {
        before.ends_with('«')
            || after.starts_with(|n| AFTER_SPACE.contains(&n))
            || in_reference(before, after)
            || in_figure(before, after)
    })
}

/// `text` with only the spaces inside a legal reference or a figure made
/// no-break: after « article », « articles », « art. » followed by a number
/// or a code part, after a code part « L. », « R. », « D. » or one of
/// « paragraphe », « § », « alinéa », « n° » followed by a number, and
/// inside a figure (`in_figure`).
/// For Typst, which already keeps « : » and « » » with their word but
/// would break « L. » or « n° » from its number, and « 30 » from « % ».
pub fn reference_spacing(text: &str) -> Cow<'_, str> {
    join_spaces(text, |before, after| {
        in_reference(before, after) || in_figure(before, after)
    })
}

/// `text` with each ordinary space for which `joins(before, after)` holds
/// made a no-break space.
fn join_spaces(text: &str, joins: impl Fn(&str, &str) -> bool) -> Cow<'_, str> {
    let joins = |(i, c): &(usize, char)| *c == ' ' && joins(&text[..*i], &text[i + 1..]);
    if !text.char_indices().any(|ic| joins(&ic)) {
        return Cow::Borrowed(text);
    }
    text.char_indices()
        .map(|ic| if joins(&ic) { NBSP } else { ic.1 })
        .collect()
}

/// Whether a space between `before` and `after` is inside a legal
/// reference: a number, or a code part and its number, follows an article
/// word; a number follows a code part or a [`NUMBER_WORDS`] word. Each
/// word must start a word of `before` (« URL. 3 » is no reference).
fn in_reference(before: &str, after: &str) -> bool {
    let number = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let code_part = |s: &str| {
        CODE_PARTS.iter().any(|p| {
            s.strip_prefix(p)
                .is_some_and(|r| number(r.trim_start_matches([' ', NBSP])))
        })
    };
    let ends_with_word = |word: &str, ignore_case: bool| {
        let Some(start) = before.len().checked_sub(word.len()) else {
            return false;
        };
        let Some(tail) = before.get(start..) else {
            return false;
        };
        let same = if ignore_case {
            tail.eq_ignore_ascii_case(word)
        } else {
            tail == word
        };
        same && !before[..start].ends_with(char::is_alphanumeric)
    };
    (number(after) || code_part(after)) && ARTICLE_WORDS.iter().any(|w| ends_with_word(w, true))
        || number(after)
            && (CODE_PARTS.iter().any(|p| ends_with_word(p, false))
                || NUMBER_WORDS.iter().any(|w| ends_with_word(w, true)))
}

/// Whether a space between `before` and `after` is inside a figure: a
/// number then « % » or « € » (« 30 % », « 45 000 € »), or a group of one
/// to three digits then exactly three (« 90 000 », « 1 200 000 »), not
/// a year then a count (« en 2025 300 demandes ») nor a phone number's
/// pairs (« 01 23 45 »).
fn in_figure(before: &str, after: &str) -> bool {
    let digit = |c: char| c.is_ascii_digit();
    if !before.ends_with(digit) {
        return false;
    }
    if after.starts_with(UNITS) {
        return true;
    }
    let group = before.len() - before.trim_end_matches(digit).len();
    let next = after.len() - after.trim_start_matches(digit).len();
    group <= 3 && next == 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_space_before_a_high_sign_and_inside_quotes_does_not_break() {
        assert_eq!(
            french_spacing("Format : « texte » ; oui ! Vraiment ?"),
            "Format\u{a0}: «\u{a0}texte\u{a0}»\u{a0}; oui\u{a0}! Vraiment\u{a0}?"
        );
    }

    #[test]
    fn other_spaces_times_and_addresses_are_left_alone() {
        for text in [
            "Enregistré 10:42",
            "https://alliance.numerique.gouv.fr",
            "Ctrl+R la revue, F1 l’aide",
            "«déjà collé»",
            "",
        ] {
            assert!(matches!(french_spacing(text), Cow::Borrowed(_)), "{text}");
        }
        assert_eq!(french_spacing("a :b  »"), "a\u{a0}:b \u{a0}»");
    }

    #[test]
    fn a_legal_reference_does_not_break_after_its_code_part_or_article_word() {
        assert_eq!(
            french_spacing("l’article L. 312-1-3 ; CRPA L. 311-3-1, art. 31, R. 5 et D. 6"),
            "l’article\u{a0}L.\u{a0}312-1-3\u{a0}; CRPA L.\u{a0}311-3-1, art.\u{a0}31, R.\u{a0}5 et D.\u{a0}6"
        );
        assert_eq!(
            french_spacing("Article 6, paragraphe 3 ; articles 26 et 49"),
            "Article\u{a0}6, paragraphe\u{a0}3\u{a0}; articles\u{a0}26 et 49"
        );
        assert_eq!(
            reference_spacing("(RGPD, article 35) : L. 1111-8 ?"),
            "(RGPD, article\u{a0}35) : L.\u{a0}1111-8 ?"
        );
    }

    #[test]
    fn a_number_does_not_break_from_its_n_or_paragraph_sign() {
        assert_eq!(
            french_spacing("loi n° 2024-449, N° 78-17, nº 5 ; § 3, paragraphes 1 et 2, alinéa 4"),
            "loi n°\u{a0}2024-449, N°\u{a0}78-17, nº\u{a0}5\u{a0}; §\u{a0}3, paragraphes\u{a0}1 et 2, alinéa\u{a0}4"
        );
        // The PDF's pass joins them too, and only them.
        assert_eq!(
            reference_spacing("(loi n° 2024-449, article 6, paragraphe 3, § 2) : oui"),
            "(loi n°\u{a0}2024-449, article\u{a0}6, paragraphe\u{a0}3, §\u{a0}2) : oui"
        );
    }

    #[test]
    fn words_that_only_look_like_a_reference_are_left_alone() {
        for text in [
            "les articles de presse",
            "l’article premier",
            "URL. 3 essais",
            "Jean L. Dupont",
            "particle 3",
            "cet art. moderne",
            "un n° de téléphone",
            "le paragraphe suivant",
            "Ce § dit",
            "un° 3",
        ] {
            assert!(matches!(french_spacing(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn a_typed_figure_does_not_break_from_its_unit_nor_between_its_groups() {
        assert_eq!(
            french_spacing("30 % des appels, soit 90 000 appels et 1 200 000 € ; 45 000 €"),
            "30\u{a0}% des appels, soit 90\u{a0}000 appels et 1\u{a0}200\u{a0}000\u{a0}€\u{a0}; 45\u{a0}000\u{a0}€"
        );
        assert_eq!(
            reference_spacing("8 % : 60 000 € (article 6)"),
            "8\u{a0}% : 60\u{a0}000\u{a0}€ (article\u{a0}6)"
        );
        for text in [
            "en 2025 300 demandes",
            "01 23 45 67 89",
            "3 agents",
            "de 12 à 15 minutes",
        ] {
            assert!(matches!(french_spacing(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn the_text_keeps_its_number_of_characters() {
        let text = "« x » : y ; z ! ? «  »";
        assert_eq!(french_spacing(text).chars().count(), text.chars().count());
    }
}
