//! Non-interactive filling (`fiche set`, `fiche new --data`): turning
//! `section.question=value` texts or a data file into checked answers, all of
//! them checked before anything is written.

use crate::answers::{Answers, AnswersError, parse_input};
use crate::form::{Form, Kind, Question};
use crate::validate::check_value;

/// One answer to set (`None` erases it).
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub id: String,
    pub value: Option<toml::Value>,
}

/// Why an assignment is refused. `place` says where it was written
/// (« argument 2 », « data.toml, ligne 4 »).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FillError {
    #[error(
        "{place} : « {} » ne suit pas la forme section.question=valeur (exemple : identite.nom_produit=\"Assistant SRDT\")",
        crate::sanitize::echo(text)
    )]
    Malformed { place: String, text: String },
    #[error("{place} : « {} » n’est pas une question du formulaire{}", crate::sanitize::echo(id), suggestion.as_ref().map(|s| format!(" ; vouliez-vous dire « {s} » ?")).unwrap_or_default())]
    UnknownId {
        place: String,
        id: String,
        suggestion: Option<String>,
    },
    #[error("{place} : {id} : {message}\n  attendu : {expected} ; exemple : {example}")]
    BadValue {
        place: String,
        id: String,
        message: String,
        expected: String,
        example: String,
    },
}

/// Parses `section.question=value` typed on a command line. The value is read
/// the French way (`575 000`, `2,5`, `oui`, a choice's key or label, a TOML
/// array for lists); an empty value erases the answer.
pub fn parse_assignment(form: &Form, text: &str, place: &str) -> Result<Assignment, FillError> {
    let Some((id, raw)) = text.split_once('=') else {
        return Err(FillError::Malformed {
            place: place.to_string(),
            text: text.to_string(),
        });
    };
    let id = id.trim();
    let question = resolve(form, id, place)?;
    let value = parse_input(question, raw)
        .map_err(|m| bad_value(question, id, place, m, Written::OnCommandLine))?;
    checked(question, id, place, value, Written::OnCommandLine)
}

/// The answers of a data file (same format as an application; `[meta]` is
/// ignored) as assignments. Strings given for numbers, yes/no or choices are
/// read like typed text, so `volume_annuel = "575 000"` works. Every problem
/// is returned, with its line.
pub fn from_data(
    form: &Form,
    data: &Answers,
    source: &str,
) -> Result<Vec<Assignment>, Vec<FillError>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (section, item) in data.to_table() {
        if section == "meta" {
            continue;
        }
        let Some(table) = item.as_table() else {
            errors.push(FillError::Malformed {
                place: place_in(data, source, &section),
                text: format!("{section} = {item}"),
            });
            continue;
        };
        for (key, value) in table {
            let id = format!("{section}.{key}");
            let place = place_in(data, source, &id);
            let result = resolve(form, &id, &place).and_then(|q| {
                let value = from_data_value(q, value.clone())
                    .map_err(|m| bad_value(q, &id, &place, m, Written::InFile))?;
                checked(q, &id, &place, Some(value), Written::InFile)
            });
            match result {
                Ok(a) => out.push(a),
                Err(e) => errors.push(e),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Sets every assignment, in order (a later one wins for the same id). Stops
/// at the first answer that has no place in the file (see `Answers::set`).
pub fn apply(answers: &mut Answers, assignments: &[Assignment]) -> Result<(), AnswersError> {
    for a in assignments {
        answers.set(&a.id, a.value.clone())?;
    }
    Ok(())
}

/// The question `id` names, or an error suggesting the closest id.
pub fn resolve<'f>(form: &'f Form, id: &str, place: &str) -> Result<&'f Question, FillError> {
    form.question(id)
        .map(|(_, q)| q)
        .ok_or_else(|| FillError::UnknownId {
            place: place.to_string(),
            id: id.to_string(),
            suggestion: form.nearest_question(id),
        })
}

/// An example of what to type for `question`, shown after a refused value:
/// the form's own example for the question when it has one (a slogan's,
/// not a product name), else one for its type.
pub fn example(question: &Question) -> String {
    let own = question.example().filter(|e| !e.contains('"'));
    let own_number = own.filter(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_digit()));
    match question.kind {
        Kind::Text | Kind::Long => format!("\"{}\"", own.unwrap_or("Assistant SRDT")),
        Kind::Int | Kind::Euros | Kind::Percent if own_number.is_some() => {
            own_number.unwrap_or_default().to_string()
        }
        Kind::Int => "575000".to_string(),
        Kind::Decimal => "2,5".to_string(),
        Kind::Euros => "45000".to_string(),
        Kind::Percent => "30".to_string(),
        Kind::Email => own
            .filter(|e| e.contains('@'))
            .unwrap_or("prenom.nom@ministere.gouv.fr")
            .to_string(),
        Kind::Url => "https://www.exemple.gouv.fr".to_string(),
        Kind::Bool => "oui".to_string(),
        Kind::Choice => question
            .choices
            .first()
            .map(|c| c.key.clone())
            .unwrap_or_default(),
        Kind::Multi => question
            .choices
            .iter()
            .take(2)
            .map(|c| c.key.as_str())
            .collect::<Vec<_>>()
            .join(","),
        Kind::List => {
            let fields: Vec<String> = question
                .fields
                .iter()
                .filter(|f| f.required)
                .map(|f| format!("{} = {}", f.id, toml_example(f)))
                .collect();
            format!("'[{{ {} }}]'", fields.join(", "))
        }
    }
}

fn toml_example(field: &Question) -> String {
    match field.kind {
        Kind::Choice => format!(
            "\"{}\"",
            field.choices.first().map_or("", |c| c.key.as_str())
        ),
        Kind::Int | Kind::Decimal | Kind::Euros | Kind::Percent => "1".to_string(),
        Kind::Bool => "true".to_string(),
        _ => "\"…\"".to_string(),
    }
}

fn from_data_value(q: &Question, value: toml::Value) -> Result<toml::Value, String> {
    let typed_text = !matches!(q.kind, Kind::Text | Kind::Long | Kind::Email | Kind::Url);
    match (q.kind, value) {
        (_, toml::Value::String(s)) if typed_text => {
            Ok(parse_input(q, &s)?.unwrap_or(toml::Value::String(String::new())))
        }
        (Kind::Multi, toml::Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                toml::Value::String(s) => parse_input(q, &s).map(|v| match v {
                    Some(toml::Value::Array(mut a)) if a.len() == 1 => a.remove(0),
                    _ => toml::Value::String(s),
                }),
                other => Ok(other),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(toml::Value::Array),
        (_, other) => Ok(other),
    }
}

/// Where an answer was written, for an example of how to write it there.
#[derive(Clone, Copy)]
enum Written {
    /// `fiche set f.toml volume.volume_annuel=575000`.
    OnCommandLine,
    /// A data file's `volume_annuel = 575000` under `[volume]`.
    InFile,
}

fn checked(
    q: &Question,
    id: &str,
    place: &str,
    value: Option<toml::Value>,
    written: Written,
) -> Result<Assignment, FillError> {
    if let Some(v) = &value
        && let Some(problem) = check_value(q, v).into_iter().next()
    {
        return Err(bad_value(
            q,
            id,
            place,
            // The message names the item and field itself (« Plan à six
            // mois » n° 1 : « Mois »…); the path glued in front was noise.
            problem.message,
            written,
        ));
    }
    Ok(Assignment {
        id: id.to_string(),
        value,
    })
}

fn bad_value(q: &Question, id: &str, place: &str, message: String, written: Written) -> FillError {
    let example = match written {
        Written::OnCommandLine => format!("{id}={}", example(q)),
        Written::InFile => format!(
            "{} = {}",
            id.rsplit('.').next().unwrap_or(id),
            file_example(q)
        ),
    };
    FillError::BadValue {
        place: place.to_string(),
        id: id.to_string(),
        message,
        expected: q.kind.expected_fr().to_string(),
        example,
    }
}

/// The example of [`example`] as a data file writes it (TOML: quotes around
/// texts, a point for decimals, brackets around a multiple choice).
fn file_example(q: &Question) -> String {
    match q.kind {
        Kind::Decimal => "2.5".to_string(),
        Kind::Email | Kind::Url => format!("\"{}\"", example(q)),
        Kind::Bool => "true".to_string(),
        Kind::Choice => format!("\"{}\"", example(q)),
        Kind::Multi => format!(
            "[{}]",
            q.choices
                .iter()
                .take(2)
                .map(|c| format!("\"{}\"", c.key))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Kind::List => example(q).trim_matches('\'').to_string(),
        _ => example(q),
    }
}

fn place_in(data: &Answers, source: &str, id: &str) -> String {
    match data.position(id) {
        Some(p) => format!("{source}, ligne {}", p.line),
        None => source.to_string(),
    }
}
