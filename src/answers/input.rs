//! Turning what a user types (in the wizard or `fiche set`) into a typed
//! answer, the French way: `575 000`, `1,5`, `45 000 €` (or `45 000 euros`), `oui`.

use crate::form::{Kind, Question};
use crate::sanitize::echo;

/// Parses typed text for `question`. Empty text means "no answer" (`Ok(None)`).
/// The error is a French sentence saying what is expected, with an example.
pub fn parse_input(question: &Question, text: &str) -> Result<Option<toml::Value>, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if let Some(why) = crate::limits::text_problem(text) {
        return Err(why);
    }
    let value = match question.kind {
        Kind::Text | Kind::Email | Kind::Url => toml::Value::String(trimmed.to_string()),
        Kind::Long => toml::Value::String(text.trim_end().trim_start_matches('\n').to_string()),
        Kind::Int => {
            let digits = strip_number(trimmed, &[]);
            match digits.parse::<i64>() {
                Ok(i) => number(i as f64, toml::Value::Integer(i), trimmed)?,
                Err(_) => {
                    return Err(format!(
                        "« {} » n’est pas un nombre entier (exemple : 575000 ou 575 000)",
                        echo(trimmed)
                    ));
                }
            }
        }
        Kind::Decimal | Kind::Euros | Kind::Percent => {
            let amount = match question.kind {
                Kind::Euros => without_currency_word(trimmed),
                _ => trimmed,
            };
            let digits = strip_number(amount, &['€', '%']).replace(',', ".");
            let example = match question.kind {
                Kind::Euros => "45 000 ou 1 250,50",
                Kind::Percent => "30 ou 12,5",
                _ => "6 ou 2,5",
            };
            if let Ok(i) = digits.parse::<i64>() {
                number(i as f64, toml::Value::Integer(i), trimmed)?
            } else {
                match digits.parse::<f64>() {
                    Ok(f) if f.is_finite() => number(f, toml::Value::Float(f), trimmed)?,
                    _ => {
                        return Err(format!(
                            "« {} » n’est pas un nombre (exemple : {example})",
                            echo(trimmed)
                        ));
                    }
                }
            }
        }
        Kind::Bool => match trimmed.to_lowercase().as_str() {
            "oui" | "o" | "true" | "vrai" | "1" | "yes" | "y" => toml::Value::Boolean(true),
            "non" | "n" | "false" | "faux" | "0" | "no" => toml::Value::Boolean(false),
            _ => return Err(format!("« {} » : répondez oui ou non", echo(trimmed))),
        },
        Kind::Choice => toml::Value::String(choice_key(question, trimmed)?),
        Kind::Multi => {
            if trimmed.starts_with('[') {
                parse_toml_value(trimmed)?
            } else {
                let mut keys = Vec::new();
                for typed in trimmed.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    // « 1,1 » ticks the first choice, once.
                    let key = toml::Value::String(choice_key(question, typed)?);
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
                toml::Value::Array(keys)
            }
        }
        Kind::List => {
            if trimmed.starts_with('[') {
                parse_toml_value(trimmed)?
            } else {
                return Err(
                    "une liste s’écrit en TOML, par exemple [{ nom = \"Code du travail\", nature = \"documents\", acces = \"ouverte\" }]"
                        .to_string(),
                );
            }
        }
    };
    Ok(Some(value))
}

/// The text to put back in an editor for an existing answer (inverse of
/// `parse_input` for one-line types).
pub fn format_for_input(question: &Question, value: &toml::Value) -> String {
    match (question.kind, value) {
        (_, toml::Value::String(s)) => s.clone(),
        (Kind::Bool, toml::Value::Boolean(b)) => if *b { "oui" } else { "non" }.to_string(),
        (_, toml::Value::Integer(i)) => i.to_string(),
        (_, toml::Value::Float(f)) => crate::format::decimal(*f).replace('\u{a0}', ""),
        (Kind::Multi, toml::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// A typed number, unless beyond the limits every answer shares.
fn number(n: f64, value: toml::Value, typed: &str) -> Result<toml::Value, String> {
    match crate::limits::number_problem(n) {
        Some(why) => Err(format!("« {} » : {why}", echo(typed))),
        None => Ok(value),
    }
}

/// « 8 000 euros », « 8000 EUR »: the amount, without the currency written
/// as a word, as « € » already is.
fn without_currency_word(text: &str) -> &str {
    for word in ["euros", "euro", "eur"] {
        let Some(start) = text.len().checked_sub(word.len()) else {
            continue;
        };
        if text.is_char_boundary(start) && text[start..].eq_ignore_ascii_case(word) {
            return text[..start].trim_end();
        }
    }
    text
}

fn strip_number(text: &str, units: &[char]) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '\u{202f}' && !units.contains(c))
        .collect()
}

fn choice_key(question: &Question, text: &str) -> Result<String, String> {
    let lower = text.to_lowercase();
    question
        .choices
        .iter()
        .find(|c| c.key == text || c.label.to_lowercase() == lower)
        .map(|c| c.key.clone())
        .ok_or_else(|| {
            let keys: Vec<&str> = question.choices.iter().map(|c| c.key.as_str()).collect();
            format!(
                "« {} » n’est pas un choix possible ; choix : {}",
                echo(text),
                keys.join(", ")
            )
        })
}

fn parse_toml_value(text: &str) -> Result<toml::Value, String> {
    let doc = format!("v = {text}");
    doc.parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .ok_or_else(|| format!("« {} » n’est pas une valeur TOML valide", echo(text)))
}
