//! Reading the business case's inputs from the answers, with the form's
//! defaults for the cost and hours of a full-time agent. Only the questions
//! the form asks are read ([`Asked`]); one it does not ask is named as such
//! where the business case says what it misses.

use rust_decimal::Decimal;

use super::reason::{Figure, Why};
use crate::answers::is_answered;
use crate::coach::answer::{self, Asked, Source};
use crate::form::{Form, Kind};
use crate::format;

/// A numeric answer, or why it cannot be used.
pub(super) fn input(form: &Form, answers: &Asked, id: &str) -> Figure {
    let value = answers.value(id);
    if !is_answered(value.as_deref()) {
        return Err(Why::Missing(vec![named(form, id)]));
    }
    let finite = value
        .as_deref()
        .and_then(format::as_number)
        .is_some_and(f64::is_finite);
    let value = answer::decimal(value.as_deref()).ok_or_else(|| {
        Why::Other(if finite {
            format!(
                "non calculable : {} est une valeur trop grande (plus de mille milliards) ; vérifiez-la",
                named(form, id)
            )
        } else {
            format!(
                "non calculable : {} n’est pas un nombre utilisable ; écrivez un nombre sans guillemets",
                named(form, id)
            )
        })
    })?;
    // Validation refuses « 12,5 » for a count; the business case does not
    // compute on an answer the check calls wrong.
    let whole_number = form.question(id).is_some_and(|(_, q)| q.kind == Kind::Int);
    if whole_number && !value.fract().is_zero() {
        return Err(Why::Other(format!(
            "non calculable : {} doit être un nombre entier ; corrigez-le",
            named(form, id)
        )));
    }
    if value.is_sign_negative() && !value.is_zero() {
        return Err(Why::Other(format!(
            "non calculable : {} est négatif ; corrigez-le",
            named(form, id)
        )));
    }
    Ok(value)
}

/// Like [`input`], falling back on the form's default (or the guide's).
pub(super) fn input_or_default(
    form: &Form,
    answers: &Asked,
    id: &str,
    builtin: i64,
    notes: &mut Vec<String>,
) -> Figure {
    if is_answered(answers.value(id).as_deref()) {
        return input(form, answers, id);
    }
    let question = form.question(id).map(|(_, q)| q);
    if question.is_none() {
        notes.push(format!(
            "{id} = {} ({NOT_ASKED})",
            format::decimal_exact(Decimal::from(builtin), 2)
        ));
        return Ok(Decimal::from(builtin));
    }
    let default = question
        .and_then(|q| answer::decimal(q.default.as_ref()))
        .unwrap_or_else(|| Decimal::from(builtin));
    let shown = match question.map(|q| q.kind) {
        Some(Kind::Euros) => format::euros_exact(default),
        _ => format::decimal_exact(default, 2),
    };
    notes.push(format!("{} = {shown} ({id})", label(form, id)));
    Ok(default)
}

fn label(form: &Form, id: &str) -> String {
    form.question(id)
        .map(|(_, q)| format!("« {} »", q.label))
        .unwrap_or_else(|| id.to_string())
}

/// Said of an input whose question the form does not ask (a form of
/// one's own): the user cannot answer it there.
const NOT_ASKED: &str = "question absente de ce questionnaire";

/// `« Label » (section.question)`, or the id and that the form does not
/// ask it.
pub(super) fn named(form: &Form, id: &str) -> String {
    match form.question(id) {
        Some(_) => format!("{} ({id})", label(form, id)),
        None => format!("{id} ({NOT_ASKED})"),
    }
}
