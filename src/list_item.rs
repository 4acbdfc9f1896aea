//! Items of a repeatable block (`list` questions: data sources, budget
//! lines…), summarised and added the same way in every front end.
//!
//! The rule for adding an item: it is always kept (nothing typed is lost),
//! and what is wrong with it (a required field left empty, a value out of
//! its limits) is said at once and marked « incomplet » until fixed.
//! Problems of the whole list (too few items) are not the new item's fault
//! and never stop it from being added.

use std::fmt;

use crate::answers::is_answered;
use crate::form::{Kind, Question};
use crate::render::context::display;
use crate::validate::{Problem, check_item};

/// One item in a few words: the values of its first and required fields,
/// and the required fields still empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Values, in field order, as a reader sees them (choice labels,
    /// French numbers), each on one line.
    pub values: Vec<String>,
    /// Labels of the required fields left empty.
    pub missing: Vec<String>,
}

impl Summary {
    /// The item's name: its values, or « (vide) ».
    pub fn name(&self) -> String {
        if self.values.is_empty() {
            "(vide)".to_string()
        } else {
            self.values.join(" · ")
        }
    }

    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

/// `Code du travail · Documents — incomplet : Accès manquant`.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())?;
        if !self.is_complete() {
            write!(f, " — incomplet : {} manquant", self.missing.join(", "))?;
        }
        Ok(())
    }
}

/// Summarises item `item` of list question `q`.
pub fn summary(q: &Question, item: &toml::Table) -> Summary {
    let mut out = Summary {
        values: Vec::new(),
        missing: Vec::new(),
    };
    for (i, f) in q.fields.iter().enumerate() {
        match item.get(&f.id) {
            Some(v) if is_answered(Some(v)) && (i == 0 || f.required) => {
                let shown = one_line(&display(f, v));
                // A bare number says nothing (« 1. 1 · Données prêtes »):
                // it is named (« Mois 1 »).
                if matches!(f.kind, Kind::Int | Kind::Decimal) {
                    out.values.push(format!("{} {shown}", f.label));
                } else {
                    out.values.push(shown);
                }
            }
            Some(v) if is_answered(Some(v)) => {}
            _ if f.required => out.missing.push(f.label.to_string()),
            _ => {}
        }
    }
    out
}

/// Every field of an item, for reading it out in full:
/// `Nom de la source : Code du travail ; Nature : Documents`.
pub fn describe(q: &Question, item: &toml::Table) -> String {
    let parts: Vec<String> = q
        .fields
        .iter()
        .filter_map(|f| {
            let v = item.get(&f.id)?;
            Some(format!("{} : {}", f.label, one_line(&display(f, v))))
        })
        .collect();
    if parts.is_empty() {
        "(vide)".to_string()
    } else {
        parts.join(" ; ")
    }
}

/// Adds `item` at the end of `items` (always: see the module's rule) and
/// returns what is wrong with it, to say at once (a required field empty, a
/// value that does not fit its field; not the list's own limits).
pub fn add(q: &Question, items: &mut Vec<toml::Table>, item: toml::Table) -> Vec<Problem> {
    items.push(item);
    let n = items.len();
    check_item(q, n, &items[n - 1])
}

fn one_line(text: &str) -> String {
    text.replace('\n', " / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Question {
        let form = crate::form::builtin();
        form.question("donnees.sources")
            .expect("the built-in form has data sources")
            .1
            .clone()
    }

    fn item(pairs: &[(&str, &str)]) -> toml::Table {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), toml::Value::String(v.to_string())))
            .collect()
    }

    #[test]
    fn a_summary_names_the_item_and_what_is_missing() {
        let q = sources();
        let s = summary(&q, &item(&[("nom", "Code du travail")]));
        assert_eq!(s.name(), "Code du travail");
        assert!(!s.is_complete());
        assert!(
            s.to_string().starts_with("Code du travail — incomplet : "),
            "{s}"
        );
        let empty = summary(&q, &toml::Table::new());
        assert_eq!(empty.name(), "(vide)");
    }

    /// A milestone read « 1. 1 · Données prêtes » in both front ends.
    #[test]
    fn a_number_is_named_by_its_field() {
        let form = crate::form::builtin();
        let q = form.question("deploiement.plan_6_mois").unwrap().1.clone();
        let mut milestone = item(&[("jalon", "Données prêtes")]);
        milestone.insert("mois".into(), toml::Value::Integer(1));
        assert_eq!(summary(&q, &milestone).name(), "Mois 1 · Données prêtes");
        // Amounts already say what they are.
        let q = form.question("tco.postes").unwrap().1.clone();
        let mut line = item(&[("poste", "GPU")]);
        line.insert("montant".into(), toml::Value::Integer(40000));
        assert_eq!(summary(&q, &line).name(), "GPU · 40\u{a0}000\u{a0}€");
    }

    #[test]
    fn choice_values_are_read_as_their_labels() {
        let q = sources();
        let nature = q.field("nature").unwrap();
        let key = &nature.choices[0];
        let s = summary(&q, &item(&[("nom", "X"), ("nature", &key.key)]));
        assert_eq!(s.values, ["X".to_string(), key.label.to_string()]);
        assert!(describe(&q, &item(&[("nom", "X")])).starts_with("Nom"));
    }

    #[test]
    fn an_incomplete_item_is_added_and_its_problems_are_said() {
        let q = sources();
        let mut items = Vec::new();
        let problems = add(&q, &mut items, item(&[("nom", "FAQ")]));
        assert_eq!(items.len(), 1, "the item is kept");
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| p.message.contains("obligatoire")));
    }

    #[test]
    fn a_complete_item_has_no_problems() {
        let q = sources();
        let mut complete = toml::Table::new();
        for f in q.fields.iter().filter(|f| f.required) {
            let v = match f.choices.first() {
                Some(c) => c.key.clone(),
                None => "x".to_string(),
            };
            complete.insert(f.id.clone(), toml::Value::String(v));
        }
        let mut items = Vec::new();
        assert_eq!(add(&q, &mut items, complete), Vec::new());
    }
}
