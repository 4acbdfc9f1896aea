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

/// What to say of a character a word processor or an e-mail brings into a
/// file, where the parser stopped on it: curly quotes look like quotes, a
/// no-break or zero-width space looks like a space or like nothing, and the
/// parser's own words (« un texte doit être écrit entre guillemets »,
/// « identifiant invalide ») then point at nothing the user can see.
pub(crate) fn unseen_character(c: char) -> Option<String> {
    match c {
        '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›' => {
            Some(format!(
                "guillemets typographiques « {c} » : TOML n’accepte que les guillemets droits ; écrivez la réponse entre \"…\""
            ))
        }
        '\u{a0}' | '\u{202f}' | '\u{2007}' => Some(format!(
            "espace insécable (U+{:04X}), qui ressemble à une espace ordinaire : remplacez-la par une espace ordinaire",
            c as u32
        )),
        ' ' | '\t' | '\n' | '\r' => None,
        c if crate::sanitize::shows_nothing(c.encode_utf8(&mut [0; 4])) => Some(format!(
            "caractère invisible U+{:04X} : supprimez-le (il ne se voit pas dans la plupart des éditeurs)",
            c as u32
        )),
        _ => None,
    }
}

/// The character the parser stopped on at byte `offset` of `text`, or the
/// one just before it on its line, when [`unseen_character`] has something
/// to say of it: where it stands and what to say.
pub(crate) fn unseen_at(text: &str, offset: usize) -> Option<(usize, String)> {
    let here = text.get(offset..)?.chars().next();
    let before = text
        .get(..offset)?
        .char_indices()
        .next_back()
        .filter(|(_, c)| *c != '\n');
    [here.map(|c| (offset, c)), before]
        .into_iter()
        .flatten()
        .find_map(|(at, c)| unseen_character(c).map(|said| (at, said)))
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
        "« _ » n’est permis qu’entre deux chiffres",
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
        "signe « = » manquant entre l’identifiant et la réponse",
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
    (
        "floating-point number overflowed",
        "nombre décimal trop grand",
    ),
    (
        "unexpected leading zero",
        "zéro en tête de nombre : écrivez 12, pas 012",
    ),
    ("redundant numeric sign", "signe en trop devant le nombre"),
    ("unexpected sign", "signe + ou - inattendu"),
    (
        "radix must be lowercase",
        "préfixe de nombre en majuscule : écrivez 0x, 0o ou 0b",
    ),
    (
        "integers with a radix cannot be signed",
        "un nombre écrit en 0x, 0o ou 0b ne peut pas porter de signe",
    ),
    (
        "redundant integer number prefix",
        "préfixe de nombre en double",
    ),
    ("invalid integer number", "nombre entier invalide"),
    ("invalid hexadecimal number", "nombre hexadécimal invalide"),
    ("invalid octal number", "nombre octal invalide"),
    ("invalid binary number", "nombre binaire invalide"),
    ("invalid mantissa", "nombre décimal invalide"),
    (
        "too few unicode value digits",
        "séquence « \\u » incomplète (4 chiffres hexadécimaux après \\u, 8 après \\U)",
    ),
    (
        "carriage return must be followed by newline",
        "retour chariot isolé (fin de ligne invalide)",
    ),
    ("invalid string", "texte invalide"),
    ("invalid value", "valeur invalide"),
    ("invalid date-time", "date ou heure invalide"),
    ("invalid unquoted key", "identifiant invalide"),
    (
        "invalid key-value pair",
        "ligne « identifiant = réponse » invalide",
    ),
    (
        "invalid inline table element",
        "élément de table { … } invalide",
    ),
    (
        "missing key for inline table element",
        "identifiant manquant dans la table { … }",
    ),
    (
        "keys cannot be multi-line basic strings",
        "un identifiant ne peut pas être un texte sur plusieurs lignes",
    ),
    (
        "keys cannot be multi-line literal strings",
        "un identifiant ne peut pas être un texte sur plusieurs lignes",
    ),
    (
        "unexpected `=` in array",
        "signe « = » inattendu dans la liste",
    ),
    ("missing opening quote", "guillemet ouvrant manquant"),
    ("missing array opening", "« [ » ouvrant manquant"),
    ("missing inline table opening", "« { » ouvrant manquant"),
    ("missing table open", "« [ » ouvrant manquant"),
    (
        "missing comment start",
        "« # » manquant au début du commentaire",
    ),
    ("invalid table", "section invalide"),
];

/// The message for a line whose answer is a number written the French way,
/// `nb_agents = 575 000` or `minutes = 1,5`: the parser sees an unquoted
/// text or content after the value, and saying « write it between quotes »
/// would send the user to a second error. `None` for any other line.
pub(crate) fn french_number(line: &str) -> Option<String> {
    let (_, value) = line.split_once('=')?;
    let value = value.split('#').next()?.trim();
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let (whole, fraction) = match value.split_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (value, None),
    };
    let whole = whole.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = whole
        .split([' ', '\u{a0}', '\u{202f}'])
        .filter(|g| !g.is_empty())
        .collect();
    let spaced = groups.len() > 1;
    if groups.is_empty()
        || !groups.iter().all(|g| digits_only(g))
        || (!spaced && fraction.is_none())
    {
        return None;
    }
    if fraction.is_some_and(|f| !digits_only(f)) {
        return None;
    }
    let sign = if value.starts_with('-') { "-" } else { "" };
    let written = match fraction {
        Some(f) => format!("{sign}{}.{f}", groups.concat()),
        None => format!("{sign}{}", groups.concat()),
    };
    Some(format!(
        "un nombre s’écrit sans espaces, avec un point pour les décimales et sans guillemets : écrivez {written}"
    ))
}

const OPEN_BASIC_STRING: &str = "texte entre guillemets \"…\" non fermé sur sa ligne : fermez-le par « \" », ou, pour un texte sur plusieurs lignes, écrivez-le entre « \"\"\" » et « \"\"\" »";
const OPEN_LITERAL_STRING: &str = "texte entre apostrophes '…' non fermé sur sa ligne : fermez-le par « ' », ou, pour un texte sur plusieurs lignes, écrivez-le entre « \"\"\" » et « \"\"\" »";

/// Where the first one-line string left open starts its trouble, if it is
/// before `offset` (the parser's error): the byte offset of the end of the
/// line where its closing quote is missing, and the French message. A
/// paragraph pasted with its line break between `"…"` leaves the string
/// open at the end of its line; the parser first reports the line after
/// (« collée sur deux lignes" » reads as a key without « = »), which sends
/// the user to the wrong line for the wrong fix.
pub(crate) fn open_string_before(text: &str, offset: usize) -> Option<(usize, String)> {
    use toml_parser::lexer::TokenKind;
    let source = toml_parser::Source::new(text);
    source
        .lex()
        .take_while(|token| token.span().start() < offset)
        .find_map(|token| {
            let (quote, what) = match token.kind() {
                TokenKind::BasicString => ('"', OPEN_BASIC_STRING),
                TokenKind::LiteralString => ('\'', OPEN_LITERAL_STRING),
                _ => return None,
            };
            let raw = text.get(token.span().start()..token.span().end())?;
            let closed = raw.len() >= 2
                && raw.ends_with(quote)
                && (quote == '\''
                    || raw[..raw.len() - 1]
                        .bytes()
                        .rev()
                        .take_while(|&b| b == b'\\')
                        .count()
                        % 2
                        == 0);
            let end = token.span().start() + raw.trim_end_matches(['\r', '\n']).len();
            (!closed).then(|| (end, what.to_string()))
        })
}

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
        "unicode hexadecimal value" => Some("des chiffres hexadécimaux".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{french, french_number};

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
    fn number_mistakes_read_in_french_with_no_english_left() {
        for message in [
            "floating-point number overflowed",
            "unexpected leading zero, expected nothing",
            "redundant numeric sign, expected nothing",
            "radix must be lowercase, expected `0x`",
            "integers with a radix cannot be signed, expected nothing",
            "too few unicode value digits, expected unicode hexadecimal value",
        ] {
            let fr = french(message);
            assert!(!fr.starts_with("erreur de syntaxe"), "{message} → {fr}");
            assert!(
                !fr.contains("expected") && !fr.contains("nothing"),
                "{message} → {fr}"
            );
        }
        assert_eq!(
            french("unexpected leading zero, expected nothing"),
            "zéro en tête de nombre : écrivez 12, pas 012"
        );
    }

    #[test]
    fn a_number_written_the_french_way_is_answered_with_the_number_to_write() {
        assert_eq!(
            french_number("nb_agents = 575 000").as_deref(),
            Some(
                "un nombre s’écrit sans espaces, avec un point pour les décimales et sans guillemets : écrivez 575000"
            )
        );
        assert!(
            french_number("minutes_par_operation = 1,5")
                .unwrap()
                .ends_with("écrivez 1.5")
        );
        assert!(
            french_number("a = 1 200,75 # commentaire")
                .unwrap()
                .ends_with("écrivez 1200.75")
        );
        for not_a_number in [
            "a = dossiers",
            "a = 1,b",
            "a = 12",
            "a = \"1 000\"",
            "[volume",
            "a = 1, 2",
        ] {
            assert_eq!(french_number(not_a_number), None, "{not_a_number}");
        }
    }

    #[test]
    fn an_unknown_message_keeps_its_words_after_a_french_lead() {
        assert_eq!(
            french("something new, expected `x`"),
            "erreur de syntaxe : something new, expected `x`"
        );
    }
}
