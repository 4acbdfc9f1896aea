//! One question in words: its header (label, « obligatoire », help, current
//! answer, expected format with an example, numbered choices) and turning
//! what was typed into a checked value.

use fiche::answers::{Origin, parse_input};
use fiche::form::{Kind, Question};
use fiche::render::context::display;
use fiche::validate::check_value;

/// Lines introducing `q`. `position` is « Question 2 sur 8 » or a field name.
/// `origin` says where a pre-filled answer came from (`profil`, a file name).
pub fn header(
    position: &str,
    q: &Question,
    current: Option<&toml::Value>,
    origin: Option<&Origin>,
) -> Vec<String> {
    let mut out = Vec::new();
    let required = if q.required { " (obligatoire)" } else { "" };
    out.push(format!("{position} : {}{required}", q.label));
    if !q.help.trim().is_empty() {
        out.push(q.help.trim().to_string());
    }
    if q.kind == Kind::Choice || q.kind == Kind::Multi {
        for (i, c) in q.choices.iter().enumerate() {
            out.push(format!("  {}. {}", i + 1, c.label));
        }
    }
    out.push(format_hint(q));
    if let Some(value) = current.filter(|v| fiche::answers::is_answered(Some(v))) {
        let shown = display(q, value);
        let from = match origin {
            Some(origin) => format!(", reprise de {origin}"),
            None => String::new(),
        };
        if q.kind == Kind::Long && shown.contains('\n') {
            out.push(format!("Réponse actuelle{from} (Entrée pour la garder) :"));
            out.extend(shown.lines().map(|l| format!("  {l}")));
        } else {
            out.push(format!(
                "Réponse actuelle{from} : {shown} (Entrée pour la garder)"
            ));
        }
    } else if let Some(default) = &q.default {
        out.push(format!(
            "Sans réponse, la valeur par défaut est utilisée : {}",
            display(q, default)
        ));
    }
    out
}

/// What to type, with an example.
pub fn format_hint(q: &Question) -> String {
    // A question without its own example but with a default is best shown
    // by its default (1 607 hours a year), not by a generic number.
    let default = q.default.as_ref().map(|d| display(q, d));
    let example = q.example().or(default.as_deref());
    let example_or = |fallback: &str| format!(" Exemple : {}.", example.unwrap_or(fallback));
    let range = bounds(q);
    match q.kind {
        Kind::Text => {
            let max = q
                .max_length
                .map(|m| {
                    let most = fiche::format::count(m, "caractère", "caractères");
                    format!(", {most} au plus")
                })
                .unwrap_or_default();
            let ex = example.map(|e| format!(" Exemple : {e}.")).unwrap_or_default();
            format!("Format : texte sur une ligne{max}.{ex}")
        }
        Kind::Long => {
            let ex = example.map(|e| format!(" Exemple : {e}.")).unwrap_or_default();
            format!(
                "Format : texte sur plusieurs lignes ; terminez par une ligne contenant seulement un point.{ex}"
            )
        }
        Kind::Int => format!("Format : nombre entier{range}.{}", example_or("575 000")),
        Kind::Decimal => format!(
            "Format : nombre, avec une virgule pour les décimales{range}.{}",
            example_or("2,5")
        ),
        Kind::Euros => format!("Format : montant en euros{range}.{}", example_or("45 000")),
        Kind::Percent => format!(
            "Format : pourcentage entre 0 et 100.{}",
            example_or("30")
        ),
        Kind::Email => format!(
            "Format : adresse e-mail.{}",
            example_or("prenom.nom@ministere.gouv.fr")
        ),
        Kind::Url => format!(
            "Format : adresse web.{}",
            example_or("https://www.exemple.gouv.fr")
        ),
        Kind::Bool => "Format : oui ou non.".to_string(),
        Kind::Choice => {
            "Format : un seul choix ; tapez son numéro, sa clé ou son libellé. Exemple : 1."
                .to_string()
        }
        Kind::Multi => {
            "Format : un ou plusieurs choix ; tapez leurs numéros séparés par des virgules. Exemple : 1, 3."
                .to_string()
        }
        Kind::List => "Format : liste d’éléments.".to_string(),
    }
}

fn bounds(q: &Question) -> String {
    let n = |v: f64| fiche::format::decimal(v);
    match (q.min, q.max) {
        (Some(min), Some(max)) => format!(", entre {} et {}", n(min), n(max)),
        (Some(min), None) if min > 0.0 => format!(", au moins {}", n(min)),
        (None, Some(max)) => format!(", au plus {}", n(max)),
        _ => String::new(),
    }
}

/// Turns typed text into a checked value for `q` (`None`: no answer). The
/// error says what was typed, what is wrong and how to fix it.
pub fn interpret(q: &Question, typed: &str) -> Result<Option<toml::Value>, String> {
    // Nothing typed is no answer, for a choice too: not « «  » n’est pas un
    // des choix », read aloud as two quotation marks.
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let text = match q.kind {
        Kind::Choice => choice_by_number(q, typed.trim()).map_err(|e| refused(typed, &e))?,
        Kind::Multi => typed
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| choice_by_number(q, s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| refused(typed, &e))?
            .join(","),
        _ => typed.to_string(),
    };
    let value = parse_input(q, &text).map_err(|e| refused(typed, &e))?;
    let Some(value) = value else {
        return Ok(None);
    };
    let problems = check_value(q, &value);
    if problems.is_empty() {
        Ok(Some(value))
    } else {
        let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        Err(refused(typed, &messages.join(" ; ")))
    }
}

/// A choice typed as its number, its key or its label becomes its key;
/// anything else is refused with the numbers and labels the user was read.
fn choice_by_number(q: &Question, text: &str) -> Result<String, String> {
    let numbered = || {
        q.choices
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}. {}", i + 1, c.label))
            .collect::<Vec<_>>()
            .join(" ; ")
    };
    if let Ok(n) = text.parse::<usize>() {
        return match n.checked_sub(1).and_then(|i| q.choices.get(i)) {
            Some(c) => Ok(c.key.clone()),
            None => Err(format!(
                "le numéro {n} ne correspond à aucun choix ; tapez un numéro entre 1 et {} ({})",
                q.choices.len(),
                numbered()
            )),
        };
    }
    let wanted = text.to_lowercase();
    q.choices
        .iter()
        .find(|c| c.key == text || c.label.to_lowercase() == wanted)
        .map(|c| c.key.clone())
        .ok_or_else(|| {
            format!(
                "« {text} » n’est pas un des choix ; tapez un numéro entre 1 et {} ({})",
                q.choices.len(),
                numbered()
            )
        })
}

fn refused(typed: &str, why: &str) -> String {
    let why = why.trim_start_matches("erreur : ");
    if why.contains(&format!("« {} »", typed.trim())) {
        format!("erreur : réponse refusée : {why}")
    } else if fiche::limits::text_problem(typed).is_some() {
        // Too long to ever be accepted: not echoed back in full.
        format!(
            "erreur : réponse refusée : {why}\nDébut de votre texte : {}",
            fiche::sanitize::echo(typed)
        )
    } else if typed.contains('\n') {
        format!(
            "erreur : réponse refusée : {why}\nVotre texte n’est pas enregistré ; le voici pour le reprendre :\n{typed}\n(fin du texte)"
        )
    } else {
        format!(
            "erreur : réponse refusée, vous aviez tapé « {} » : {why}",
            fiche::sanitize::echo(typed)
        )
    }
}
