//! The TOML parser's error messages, in French: a product lead who forgot a
//! quote reads « texte entre guillemets non fermé », not « invalid basic
//! string ».

/// The French wording of a `toml_edit` parse error message, e.g.
/// `invalid basic string, expected `"`` → `texte entre guillemets "…" non
/// fermé ou invalide ; attendu : « " »`. A message the table does not know keeps its
/// original words after a French lead.
pub(crate) fn french(message: &str) -> String {
    let message = message.trim();
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let Some(what_fr) = WHAT.iter().find(|(en, _)| *en == what).map(|(_, fr)| *fr) else {
        return format!("erreur de syntaxe : {message}");
    };
    match expected.and_then(expected_fr) {
        Some(hint) => format!("{what_fr} ; attendu : {hint}"),
        None => what_fr.to_string(),
    }
}

/// What went wrong, as `toml_parser` and `toml_edit` word it.
const WHAT: &[(&str, &str)] = &[
    (
        "invalid basic string",
        "texte entre guillemets \"…\" non fermé ou invalide",
    ),
    (
        "invalid literal string",
        "texte entre apostrophes '…' non fermé ou invalide",
    ),
    (
        "invalid multi-line basic string",
        "texte sur plusieurs lignes \"\"\"…\"\"\" non fermé ou invalide",
    ),
    (
        "invalid multi-line literal string",
        "texte sur plusieurs lignes '''…''' non fermé ou invalide",
    ),
    (
        "string values must be quoted",
        "un texte doit être écrit entre guillemets \"…\"",
    ),
    (
        "key with no value",
        "identifiant sans valeur : il manque « = » et la réponse",
    ),
    (
        "missing value for key",
        "identifiant sans valeur après « = »",
    ),
    ("missing value", "valeur manquante"),
    (
        "unquoted keys cannot be empty",
        "identifiant manquant avant « = »",
    ),
    ("invalid key", "identifiant invalide"),
    ("unclosed array", "liste [ … ] non fermée"),
    ("unclosed inline table", "table { … } non fermée"),
    ("unclosed table", "en-tête de section [ … ] non fermé"),
    ("unclosed array table", "en-tête [[ … ]] non fermé"),
    (
        "`_` may only go between digits",
        "« _ » n'est permis qu'entre deux chiffres",
    ),
    (
        "invalid fraction",
        "nombre décimal incomplet (écrivez 1.5, avec un point)",
    ),
    ("invalid exponent", "exposant de nombre invalide"),
    ("invalid integer", "nombre entier invalide"),
    ("invalid float", "nombre décimal invalide"),
    ("integer number overflowed", "nombre entier trop grand"),
    (
        "invalid boolean",
        "oui/non invalide : écrivez true ou false, sans guillemets",
    ),
    (
        "unexpected key or value",
        "contenu inattendu après la valeur (une seule réponse par ligne)",
    ),
    ("unexpected content", "contenu inattendu"),
    (
        "unexpected content between comment and newline",
        "contenu inattendu après le commentaire",
    ),
    (
        "missing escaped value",
        "séquence « \\ » invalide (écrivez \\\\ pour une barre oblique inverse)",
    ),
    (
        "invalid escape sequence",
        "séquence « \\ » invalide (écrivez \\\\ pour une barre oblique inverse)",
    ),
    ("invalid unicode escape", "séquence « \\u » invalide"),
    ("invalid date", "date invalide"),
    ("invalid time", "heure invalide"),
    (
        "invalid comment character",
        "caractère non imprimable dans un commentaire",
    ),
    ("extra comma in array", "virgule en trop dans la liste"),
    (
        "extra comma in inline table",
        "virgule en trop dans la table { … }",
    ),
    (
        "missing comma between array elements",
        "virgule manquante entre deux éléments de la liste",
    ),
    (
        "missing comma between key-value pairs",
        "virgule manquante entre deux réponses de la table { … }",
    ),
    (
        "missing assignment between key-value pairs",
        "signe « = » manquant entre l'identifiant et la réponse",
    ),
    (
        "extra assignment between key-value pairs",
        "signe « = » en trop",
    ),
    ("extra `=`", "signe « = » en trop"),
    (
        "duplicate key",
        "identifiant en double : la même question ou section apparaît deux fois ; gardez-en une seule",
    ),
    ("invalid table header", "en-tête de section invalide"),
    ("invalid array table header", "en-tête [[ … ]] invalide"),
];

/// What the parser expected instead, when it can be said simply.
fn expected_fr(expected: &str) -> Option<String> {
    let items: Vec<&str> = expected.split(", ").map(str::trim).collect();
    if items
        .iter()
        .all(|i| i.len() > 2 && i.starts_with('`') && i.ends_with('`'))
    {
        let tokens: Vec<String> = items
            .iter()
            .map(|i| format!("« {} »", &i[1..i.len() - 1]))
            .collect();
        return Some(tokens.join(" ou "));
    }
    match expected {
        "digits" => Some("des chiffres".to_string()),
        "value" => Some("une valeur".to_string()),
        "newline, `#`" | "newline" => Some("une fin de ligne".to_string()),
        "month between 01 and 12" => Some("un mois entre 01 et 12".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn common_mistakes_read_in_french() {
        assert_eq!(
            french("invalid basic string, expected `\"`"),
            "texte entre guillemets \"…\" non fermé ou invalide ; attendu : « \" »"
        );
        assert_eq!(
            french("duplicate key"),
            "identifiant en double : la même question ou section apparaît deux fois ; gardez-en une seule"
        );
        assert_eq!(
            french("string values must be quoted, expected literal string"),
            "un texte doit être écrit entre guillemets \"…\""
        );
        assert_eq!(
            french("unexpected key or value, expected newline, `#`"),
            "contenu inattendu après la valeur (une seule réponse par ligne) ; attendu : une fin de ligne"
        );
    }

    #[test]
    fn an_unknown_message_keeps_its_words_after_a_french_lead() {
        assert_eq!(
            french("something new, expected `x`"),
            "erreur de syntaxe : something new, expected `x`"
        );
    }
}
