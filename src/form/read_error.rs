//! Why a form file could not be read, in French: the TOML parser's syntax
//! errors (worded as for answers files), and what serde says when the file
//! is TOML but not shaped like a form (a misspelt key, a missing one, a
//! value of the wrong type). Whoever writes a questionnaire reads « clé
//! « requis » inconnue », not « unknown field `requis` ».

/// The French wording of a `toml::de::Error` message read from a form file.
pub fn french(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return unknown_key(rest);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        match rest.trim_matches('`') {
            "sections" => return "le formulaire n'a aucune section ; ajoutez au moins un bloc [[sections]] avec ses questions".into(),
            "questions" => return "cette section n'a aucune question ; ajoutez-en au moins une ([[sections.questions]]) ou retirez la section".into(),
            _ => {}
        }
        return format!(
            "clé obligatoire {} manquante ; ajoutez-la (voir templates/README.md)",
            quoted(rest)
        );
    }
    for (prefix, what) in [
        ("invalid type: ", "valeur du mauvais type"),
        ("invalid value: ", "valeur refusée"),
        ("invalid length ", "nombre d'éléments refusé"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return match expected_fr(expected) {
                Some(expected) => format!("{what} ({}) ; attendu : {expected}", found_fr(found)),
                None => format!("{what} ({})", found_fr(found)),
            };
        }
    }
    crate::answers::syntax::french(message)
}

/// `` `requis`, expected one of `id`, `label` `` → the key and the keys
/// that would have been accepted there.
fn unknown_key(rest: &str) -> String {
    let (key, expected) = match rest.split_once(", expected ") {
        Some((key, expected)) => (key, expected),
        None => (rest, ""),
    };
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let keys: Vec<String> = expected
        .split(", ")
        .map(|k| k.trim().trim_matches('`'))
        .filter(|k| !k.is_empty() && !k.contains(' '))
        .map(str::to_string)
        .collect();
    let mut out = format!(
        "clé {} inconnue à cet endroit (faute de frappe ?)",
        quoted(key)
    );
    if !keys.is_empty() {
        out.push_str(&format!(" ; clés possibles : {}", keys.join(", ")));
    }
    out
}

/// `` `requis` `` → « requis ».
fn quoted(key: &str) -> String {
    format!(
        "« {} »",
        crate::sanitize::echo(key.trim().trim_matches('`'))
    )
}

/// serde's word for the value found: `string "1"`, `integer `-1``.
fn found_fr(found: &str) -> String {
    let found = found.trim();
    for (en, fr) in [
        ("string ", "texte "),
        ("integer ", "nombre entier "),
        ("floating point ", "nombre décimal "),
        ("boolean ", "booléen "),
    ] {
        if let Some(value) = found.strip_prefix(en) {
            return format!("{fr}{}", crate::sanitize::echo(value.trim_matches('`')));
        }
    }
    match found {
        "sequence" => "une liste [ … ]".to_string(),
        "map" => "une table".to_string(),
        other => crate::sanitize::echo(other),
    }
}

/// serde's word for what was expected, when it can be said simply.
fn expected_fr(expected: &str) -> Option<&'static str> {
    Some(match expected.trim() {
        "u32" | "u64" | "usize" => "un nombre entier positif ou nul, sans guillemets",
        "i64" => "un nombre entier, sans guillemets",
        "f64" | "a number" => "un nombre, sans guillemets",
        "a boolean" => "true ou false, sans guillemets",
        "a string" => "un texte entre guillemets",
        "a sequence" => "une liste [ … ]",
        e if e.starts_with("struct ") || e == "a map" || e == "a table" => "une table",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn shape_mistakes_read_in_french_with_no_english_left() {
        assert_eq!(
            french("unknown field `requis`, expected one of `id`, `label`, `type`"),
            "clé « requis » inconnue à cet endroit (faute de frappe ?) ; clés possibles : id, label, type"
        );
        assert_eq!(
            french("missing field `title`"),
            "clé obligatoire « title » manquante ; ajoutez-la (voir templates/README.md)"
        );
        assert_eq!(
            french("missing field `sections`"),
            "le formulaire n'a aucune section ; ajoutez au moins un bloc [[sections]] avec ses questions"
        );
        assert_eq!(
            french("invalid type: string \"1\", expected u32"),
            "valeur du mauvais type (texte \"1\") ; attendu : un nombre entier positif ou nul, sans guillemets"
        );
        assert_eq!(
            french("invalid type: string \"oui\", expected a boolean"),
            "valeur du mauvais type (texte \"oui\") ; attendu : true ou false, sans guillemets"
        );
        assert_eq!(
            french("invalid value: integer `-1`, expected u32"),
            "valeur refusée (nombre entier -1) ; attendu : un nombre entier positif ou nul, sans guillemets"
        );
        // Syntax errors keep the answers file's French wording.
        assert_eq!(
            french("invalid basic string, expected `\"`"),
            "texte entre guillemets \"…\" non fermé ou invalide ; attendu : « \" »"
        );
    }
}
