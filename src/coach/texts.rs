//! Rules on the texts themselves: placeholders left as written, and the same
//! paragraph pasted into several answers.

use super::Context;
use super::answer::normalized;
use crate::form::Kind;
use crate::parangonnage::{ANSWER_ID as EXISTING_SOLUTIONS, LEARNT_PLACEHOLDER};
use crate::validate::{self, Finding};

/// Shorter texts ("Oui", "Non communiqué") may legitimately repeat.
const MIN_DUPLICATE_CHARS: usize = 40;

/// Where a placeholder inside a longer text also counts.
const NAME_AND_SLOGAN: [&str; 2] = ["identite.nom_produit", "identite.slogan"];

pub(super) fn run(ctx: &Context, out: &mut Vec<Finding>) {
    // The long texts seen so far and their question, in form order: a few
    // dozen, compared by length first, which is cheaper than hashing them.
    let mut seen: Vec<(String, (&str, &str))> = Vec::new();
    for (section, q) in ctx.form.questions() {
        // A hidden question is not in the document: its old text does not count.
        if !matches!(q.kind, Kind::Text | Kind::Long) || !validate::is_visible(q, ctx.visibility) {
            continue;
        }
        let place = (section.id.as_str(), q.id.as_str());
        let Some(value) = ctx.answers.value_in(&section.id, &q.id) else {
            continue;
        };
        let Some(text) = value.as_str().map(normalized) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let placeholder = placeholder_in(ctx, place, &text)
            .map(str::to_string)
            .or_else(|| label_as_answer(q, &text).then(|| value_text(&value)));
        if let Some(placeholder) = placeholder {
            let id = section.full_id(q);
            out.push(ctx.finding(
                "texte-provisoire",
                &id,
                format!(
                    "{} contient encore le texte provisoire « {placeholder} » : remplacez-le par la réponse définitive avant d’envoyer la fiche",
                    ctx.label(&id)
                ),
            ));
        }
        if text.chars().count() < MIN_DUPLICATE_CHARS {
            continue;
        }
        match seen.iter().find(|(seen, _)| *seen == text) {
            Some((_, (first_section, first_question))) => {
                let id = section.full_id(q);
                let first = format!("{first_section}.{first_question}");
                out.push(ctx.finding(
                    "texte-duplique",
                    &id,
                    format!(
                        "{} reprend mot pour mot la réponse à {} ({first}) : chaque rubrique attend une information différente ; réécrivez l’une des deux",
                        ctx.label(&id),
                        ctx.label(&first)
                    ),
                ))
            }
            None => seen.push((text, place)),
        }
    }
}

/// The placeholder this (normalized) answer is, or contains for the product
/// name and slogan. Only those two are cut into words: the long answers are
/// compared whole, except the existing solutions, where `fiche parangonnage
/// --citer` and the wizard's Ctrl+T leave « ce que nous en retenons : à
/// compléter » after each initiative they cite.
fn placeholder_in<'a>(ctx: &'a Context, place: (&str, &str), text: &str) -> Option<&'a str> {
    let is = |id: &str| id.split_once('.') == Some(place);
    if is(EXISTING_SOLUTIONS) && text.contains(LEARNT_PLACEHOLDER) {
        return Some(LEARNT_PLACEHOLDER);
    }
    let bare = text.trim_end_matches(['.', '!', ' ', '…']);
    let words = NAME_AND_SLOGAN
        .iter()
        .any(|id| is(id))
        .then(|| format!(" {} ", words_only(text)));
    ctx.thresholds
        .placeholders
        .iter()
        .find(|p| {
            *p == text
                || *p == bare
                || words.as_deref().is_some_and(|words| {
                    let p_words = words_only(p);
                    !p_words.is_empty() && words.contains(&format!(" {p_words} "))
                })
        })
        .map(String::as_str)
}

/// Whether the (normalized) answer only repeats its question's wording
/// (« Slogan » for the slogan): what a template or a hurried copy leaves.
fn label_as_answer(q: &crate::form::Question, text: &str) -> bool {
    // Longer than the label: not a copy of it (and a long answer is not
    // cut into words for nothing).
    if text.len() > q.label.len().max(q.document_label.len()) {
        return false;
    }
    let answer = words_only(text);
    let label_head = q.label.split(" : ").next().unwrap_or_default();
    [&*q.label, label_head, &*q.document_label]
        .iter()
        .any(|label| words_only(&normalized(label)) == answer)
}

/// The answer as written, for the message.
fn value_text(value: &toml::Value) -> String {
    value.as_str().unwrap_or_default().trim().to_string()
}

/// Letters and digits only, single-spaced: `« À compléter ! »` → `à compléter`.
fn words_only(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
