//! Small text helpers shared by column detection and ranking: comparing
//! headers without caring about case or accents, splitting words.

/// `text` lower-cased, accents removed (« Intitulé » → « intitule »), spaces
/// trimmed and collapsed: the form in which headers are compared.
pub fn fold(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `text` as written (letters and digits; apostrophes, hyphens
/// and punctuation separate words).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The folded words of `text` (« Nom de l'initiative » → nom, de, l, initiative).
pub fn folded_words(text: &str) -> Vec<String> {
    words(&fold(text)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Intitulé   du PROJET "), "intitule du projet");
        assert_eq!(fold("État d’avancement"), "etat d'avancement");
    }

    #[test]
    fn folded_words_split_on_apostrophes_and_punctuation() {
        assert_eq!(
            folded_words("Nom de l'initiative / e-mail"),
            ["nom", "de", "l", "initiative", "e", "mail"]
        );
    }
}
