//! French typography for text wrapped on screen: the space before « : ; ! ? »
//! and inside « » is a no-break space, so a line never starts with the sign
//! or the closing quote, nor ends with the opening quote. The form and the
//! messages are written with ordinary spaces; this is applied where text is
//! wrapped, never to what is stored.

use std::borrow::Cow;

use crate::format::NBSP;

/// Signs that a French text separates from the word before with a space.
const AFTER_SPACE: [char; 5] = [':', ';', '!', '?', '»'];

/// `text` with each ordinary space that must not break made a no-break
/// space: before « : ; ! ? » and », after «. Every other character is kept,
/// so the text has as many characters as before (and the same width).
pub fn french_spacing(text: &str) -> Cow<'_, str> {
    let joins = |(i, c): &(usize, char)| {
        *c == ' '
            && (text[..*i].ends_with('«')
                || text[i + 1..].starts_with(|n| AFTER_SPACE.contains(&n)))
    };
    if !text.char_indices().any(|ic| joins(&ic)) {
        return Cow::Borrowed(text);
    }
    text.char_indices()
        .map(|ic| if joins(&ic) { NBSP } else { ic.1 })
        .collect()
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
    fn the_text_keeps_its_number_of_characters() {
        let text = "« x » : y ; z ! ? «  »";
        assert_eq!(french_spacing(text).chars().count(), text.chars().count());
    }
}
