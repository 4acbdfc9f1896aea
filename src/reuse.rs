//! Carrying answers over into another application: from the user profile or
//! from a previous application, recording where each copied answer came from.

use crate::answers::{Answers, AnswersError, Origin, is_answered};
use crate::form::Form;

/// Which answers to carry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copy {
    /// Only the questions the form marks `reusable` (administration, product
    /// lead, sponsor…): what stays true from one application to the next.
    Reusable,
    /// Every answer to a question of the form (`meta` is never copied).
    All,
}

/// Copies the answers of `source` selected by `copy` into `target`, replacing
/// what `target` had for those ids. With `origin`, each copied answer is marked in `[meta.origine]` until edited.
/// Returns the full ids copied, in form order. Unanswered questions and
/// answers to questions the form does not ask are not copied.
pub fn prefill(
    form: &Form,
    target: &mut Answers,
    source: &Answers,
    copy: Copy,
    origin: Option<&Origin>,
) -> Result<Vec<String>, AnswersError> {
    let mut copied = Vec::new();
    for (section, question) in form.questions() {
        if copy == Copy::Reusable && !question.reusable {
            continue;
        }
        let value = source.get_in(&section.id, &question.id);
        if !is_answered(value.as_ref()) {
            continue;
        }
        let id = section.full_id(question);
        target.set(&id, value)?;
        if let Some(origin) = origin {
            target.set_origin(&id, origin);
        }
        copied.push(id);
    }
    Ok(copied)
}

/// The full ids of the reusable questions of `form`, in form order.
pub fn reusable_ids(form: &Form) -> Vec<String> {
    form.questions()
        .filter(|(_, q)| q.reusable)
        .map(|(s, q)| s.full_id(q))
        .collect()
}
