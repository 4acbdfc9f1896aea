//! One value against its question: type, limits, choices, the fields of a
//! list item. Written with the question model so the form loader can check
//! a default value, and `validate` builds its findings on it; neither
//! imports the other.

use validator::ValidateUrl;

use super::{Kind, Question};
use crate::format;
use crate::limits;
use crate::sanitize::echo;

/// Whether a value counts as an answer (an empty text or list does not, nor
/// a text that shows nothing: spaces, zero-width characters).
pub fn is_answered(value: Option<&toml::Value>) -> bool {
    match value {
        None => false,
        Some(toml::Value::String(s)) => !crate::sanitize::shows_nothing(s),
        Some(toml::Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    }
}

/// A problem found in one value: `path` is relative to the question
/// (empty, or `[2].nom` inside a list).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

fn problem(message: impl Into<String>) -> Problem {
    Problem {
        path: String::new(),
        message: message.into(),
    }
}

/// Checks one value against its question's type and limits (not whether it is
/// required). Editors call this as the user types.
pub fn check_value(q: &Question, value: &toml::Value) -> Vec<Problem> {
    match q.kind {
        Kind::Text | Kind::Long | Kind::Email | Kind::Url => check_text(q, value),
        Kind::Int | Kind::Decimal | Kind::Euros | Kind::Percent => check_number(q, value),
        Kind::Bool => check_bool(q, value),
        Kind::Choice => match value.as_str() {
            Some(k) if q.choice_label(k).is_some() => Vec::new(),
            Some(k) => vec![unknown_choice(q, k)],
            None => vec![wrong_type(q, value)],
        },
        Kind::Multi => check_multi(q, value),
        Kind::List => check_list(q, value),
    }
}

/// « Label » attend un nombre ; la valeur "abc" n'en est pas.
fn wrong_type(q: &Question, value: &toml::Value) -> Problem {
    problem(format!(
        "« {} » attend {} ; la valeur {} n’en est pas",
        q.label,
        q.kind.expected_fr(),
        short(value)
    ))
}

fn check_text(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(s) = value.as_str() else {
        return vec![wrong_type(q, value)];
    };
    if let Some(why) = limits::text_problem(s) {
        return vec![problem(format!("« {} » : {why}", q.label))];
    }
    let mut out = Vec::new();
    if q.kind == Kind::Text && s.contains('\n') {
        out.push(problem(format!(
            "« {} » tient sur une ligne : retirez les retours à la ligne",
            q.label
        )));
    }
    if let Some(max) = q.max_length {
        let n = s.chars().count();
        if n > max {
            out.push(problem(format!(
                "« {} » est trop long : {} caractères pour {} au plus ; raccourcissez de {}",
                q.label,
                limits::count_fr(n),
                limits::count_fr(max),
                format::count(n - max, "caractère", "caractères")
            )));
        }
    }
    let s = s.trim();
    if !s.is_empty() && q.kind == Kind::Email && !s.contains('@') {
        // The commonest slip (« prenom.nom.ministere.gouv.fr »), said as such.
        out.push(problem(format!(
            "« {} » n’est pas une adresse e-mail valide : il manque le « @ » entre le nom et le domaine (exemple : prenom.nom@ministere.gouv.fr)",
            echo(s)
        )));
    } else if !s.is_empty() && q.kind == Kind::Email && !super::email::is_valid(s) {
        out.push(problem(format!(
            "« {} » n’est pas une adresse e-mail valide (exemple : prenom.nom@ministere.gouv.fr)",
            echo(s)
        )));
    } else if !s.is_empty() && q.kind == Kind::Email && !has_public_domain(s) {
        out.push(problem(format!(
            "« {} » n’est pas une adresse e-mail valide : après le @, le domaine doit finir par un suffixe comme .fr ou .gouv.fr (exemple : prenom.nom@seine-et-marne.gouv.fr)",
            echo(s)
        )));
    }
    if !s.is_empty() && q.kind == Kind::Url && !(s.validate_url() && s.contains("://")) {
        out.push(problem(format!(
            "« {} » n’est pas une adresse web valide (exemple : https://www.exemple.gouv.fr)",
            echo(s)
        )));
    }
    out
}

/// The bounds a number must stay within: the form's, narrowed for euros
/// (never negative) and percentages (0 to 100).
fn number_bounds(q: &Question) -> (Option<f64>, Option<f64>) {
    match q.kind {
        Kind::Euros => (Some(q.min.unwrap_or(0.0).max(0.0)), q.max),
        Kind::Percent => (
            Some(q.min.unwrap_or(0.0).max(0.0)),
            Some(q.max.unwrap_or(100.0).min(100.0)),
        ),
        _ => (q.min, q.max),
    }
}

fn check_number(q: &Question, value: &toml::Value) -> Vec<Problem> {
    if q.kind == Kind::Int && value.as_integer().is_none() {
        return vec![number_as_text(q, value).unwrap_or_else(|| wrong_type(q, value))];
    }
    let Some(n) = format::as_number(value) else {
        return vec![number_as_text(q, value).unwrap_or_else(|| wrong_type(q, value))];
    };
    if let Some(why) = limits::number_problem(n) {
        return vec![problem(format!(
            "« {} » : {why} (valeur : {})",
            q.label,
            short(value)
        ))];
    }
    let mut out = Vec::new();
    let (min, max) = number_bounds(q);
    if let Some(min) = min
        && n < min
    {
        out.push(problem(format!(
            "« {} » doit être au moins {} (valeur : {})",
            q.label,
            format::decimal(min),
            format::decimal(n)
        )));
    }
    if let Some(max) = max
        && n > max
    {
        out.push(problem(format!(
            "« {} » doit être au plus {} (valeur : {})",
            q.label,
            format::decimal(max),
            format::decimal(n)
        )));
    }
    out
}

/// A number written in a file as typed text (`volume_annuel = "575 000"`):
/// says how to write it, as the yes/no questions do, instead of « la valeur
/// "575 000" n'en est pas », which a reader takes for a number.
fn number_as_text(q: &Question, value: &toml::Value) -> Option<Problem> {
    let typed = crate::answers::parse_input(q, value.as_str()?).ok()??;
    Some(problem(format!(
        "« {} » attend {} : écrivez {typed}, sans guillemets ni espaces (valeur : {})",
        q.label,
        q.kind.expected_fr(),
        short(value)
    )))
}

fn check_bool(q: &Question, value: &toml::Value) -> Vec<Problem> {
    if value.as_bool().is_some() {
        return Vec::new();
    }
    vec![problem(format!(
        "« {} » attend oui ou non : écrivez true ou false, sans guillemets (valeur : {})",
        q.label,
        short(value)
    ))]
}

fn check_multi(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(items) = value.as_array() else {
        // `irritants = "delais"`: one choice written without its brackets.
        if let Some(key) = value.as_str() {
            return vec![problem(format!(
                "« {} » attend une liste entre crochets, même pour un seul choix : écrivez [\"{}\"]",
                q.label,
                echo(key)
            ))];
        }
        return vec![wrong_type(q, value)];
    };
    let mut out = Vec::new();
    for item in items {
        match item.as_str() {
            Some(k) if q.choice_label(k).is_some() => {}
            Some(k) => out.push(unknown_choice(q, k)),
            None => out.push(wrong_type(q, value)),
        }
    }
    out.extend(repeated_choices(q, items));
    if items.len() > 1
        && let Some(alone) = q
            .choices
            .iter()
            .find(|c| c.exclusive && items.iter().any(|i| i.as_str() == Some(&c.key)))
    {
        out.push(problem(format!(
            "« {} » : « {} » ne se coche pas avec d’autres choix ; gardez-le seul ou retirez-le",
            q.label, alone.label
        )));
    }
    check_min_items(q, items.len(), &mut out);
    out
}

/// `["delais", "delais"]`: a choice ticked more than once, said once per
/// choice, with the list as it should be written.
fn repeated_choices(q: &Question, items: &[toml::Value]) -> Vec<Problem> {
    let keys: Vec<&str> = items.iter().filter_map(toml::Value::as_str).collect();
    let mut once: Vec<&str> = Vec::with_capacity(keys.len());
    for k in &keys {
        if !once.contains(k) {
            once.push(k);
        }
    }
    if once.len() == keys.len() {
        return Vec::new();
    }
    let fixed = once
        .iter()
        .map(|k| format!("\"{}\"", echo(k)))
        .collect::<Vec<_>>()
        .join(", ");
    once.iter()
        .filter_map(|k| {
            let times = keys.iter().filter(|other| *other == k).count();
            (times > 1).then(|| {
                problem(format!(
                    "« {} » : le choix « {} » est donné {times} fois ; gardez-le une seule fois, par exemple : [{fixed}]",
                    q.label,
                    echo(k)
                ))
            })
        })
        .collect()
}

/// Each item of a list question: a table whose fields are checked like
/// questions (`[2].nom` paths), then the number of items.
fn check_list(q: &Question, value: &toml::Value) -> Vec<Problem> {
    let Some(items) = value.as_array() else {
        return vec![wrong_type(q, value)];
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("[{}]", i + 1);
        let Some(table) = item.as_table() else {
            out.push(Problem {
                path,
                message: format!(
                    "l’élément n° {} de « {} » doit être une table ([[…]])",
                    i + 1,
                    q.label
                ),
            });
            continue;
        };
        out.extend(check_item(q, i + 1, table));
    }
    check_min_items(q, items.len(), &mut out);
    out
}

/// Item `n` (from 1) of list question `q`, alone: each field checked like a
/// question (`[n].champ` paths).
pub fn check_item(q: &Question, n: usize, item: &toml::Table) -> Vec<Problem> {
    q.fields
        .iter()
        .flat_map(|field| check_item_field(q, n, field, item.get(&field.id)))
        .collect()
}

/// One field of item `n` (from 1) of list question `q`.
fn check_item_field(
    q: &Question,
    n: usize,
    field: &Question,
    value: Option<&toml::Value>,
) -> Vec<Problem> {
    // Written out only for a problem.
    let path = || format!("[{n}].{}", field.id);
    let mut out = Vec::new();
    if field.required && !is_answered(value) {
        out.push(Problem {
            path: path(),
            message: format!(
                "« {} » n° {n} : « {} » est obligatoire",
                q.label, field.label
            ),
        });
    }
    if let Some(v) = value {
        for p in check_value(field, v) {
            out.push(Problem {
                path: path(),
                message: format!("« {} » n° {n} : {}", q.label, p.message),
            });
        }
    }
    out
}

fn check_min_items(q: &Question, n: usize, out: &mut Vec<Problem>) {
    if let Some(min) = q.min_items
        && n < min
        && n > 0
    {
        out.push(problem(format!(
            "« {} » demande au moins {} ; il y en a {n}",
            q.label,
            crate::format::count(min, "élément", "éléments")
        )));
    }
}

fn unknown_choice(q: &Question, key: &str) -> Problem {
    let keys: Vec<String> = q
        .choices
        .iter()
        .map(|c| format!("{} ({})", c.key, c.label))
        .collect();
    problem(format!(
        "« {} » n’est pas un choix possible pour « {} » ; choix possibles : {}",
        echo(key),
        q.label,
        keys.join(", ")
    ))
}

fn short(value: &toml::Value) -> String {
    let s = value.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

/// Whether an address's domain ends with a suffix such as `.fr` or
/// `.gouv.fr`: `claire.dupont@seine-et-marne` is a valid address for the
/// standard but reaches no one from outside a local network.
fn has_public_domain(address: &str) -> bool {
    let Some((_, domain)) = address.rsplit_once('@') else {
        return false;
    };
    match domain.rsplit_once('.') {
        Some((name, suffix)) => {
            !name.is_empty()
                && suffix.chars().count() >= 2
                && suffix.chars().all(|c| c.is_alphabetic())
        }
        None => false,
    }
}
