//! Changes made to the answers file outside this program while it was open
//! (a colleague, `fiche set`, a text editor): merged answer by answer when
//! they touch other answers than ours, reported as conflicts when the same
//! answer changed on both sides. Nothing written outside is lost unseen.

use std::collections::{BTreeMap, BTreeSet};

use toml_edit::{DocumentMut, Item, Table, TableLike};

use super::convert::{item_to_value, value_to_item};
use crate::form::Form;

/// Where an answer sits in the document: `["identite", "sponsor"]`, or one
/// level deeper inside `[meta]` (`["meta", "origine", "identite.sponsor"]`).
pub(crate) type Path = Vec<String>;

/// Every answer of a document, by path. `meta.updated` is left out: it
/// changes at every save, and ours wins.
pub(crate) type Leaves = BTreeMap<Path, toml::Value>;

/// One answer changed both here and in the file since it was last read or
/// written: the user chooses which to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// `section.question` (dotted path), for messages.
    pub id: String,
    pub(crate) path: Path,
    /// The answer in this program (`None`: removed here).
    pub mine: Option<toml::Value>,
    /// The answer now in the file (`None`: removed there).
    pub theirs: Option<toml::Value>,
}

/// Which side of a conflict to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

impl Conflict {
    /// « Nom du produit (identite.nom_produit) », or the id alone.
    pub fn label(&self, form: &Form) -> String {
        match form.question(&self.id) {
            Some((_, q)) => format!("{} ({})", q.label, self.id),
            None => self.id.clone(),
        }
    }

    /// One side of the conflict as the user would type it.
    pub fn show(&self, form: &Form, side: Keep) -> String {
        let value = match side {
            Keep::Mine => &self.mine,
            Keep::Theirs => &self.theirs,
        };
        match (value, form.question(&self.id)) {
            (None, _) => "(pas de réponse)".to_string(),
            (Some(v), Some((_, q))) => super::format_for_input(q, v),
            (Some(v), None) => v.to_string(),
        }
    }
}

/// The answers of `doc`, flattened to paths.
pub(crate) fn leaves(doc: &DocumentMut) -> Leaves {
    let mut out = Leaves::new();
    for (section, item) in doc.iter() {
        let Some(table) = item.as_table_like() else {
            if let Some(v) = item_to_value(item) {
                out.insert(vec![section.to_string()], v);
            }
            continue;
        };
        for (key, item) in table.iter() {
            let path = vec![section.to_string(), key.to_string()];
            match item.as_table_like() {
                // `[meta.origine]` is keyed by question: merge it per key.
                Some(inner) if section == "meta" => {
                    for (k, i) in inner.iter() {
                        if let Some(v) = item_to_value(i) {
                            let mut p = path.clone();
                            p.push(k.to_string());
                            out.insert(p, v);
                        }
                    }
                }
                _ => {
                    if section == "meta" && key == "updated" {
                        continue;
                    }
                    if let Some(v) = item_to_value(item) {
                        out.insert(path, v);
                    }
                }
            }
        }
    }
    out
}

/// What merging the file's current answers (`theirs`) with ours, both
/// descended from `base`, gives.
pub(crate) struct Plan {
    /// Answers changed only here, to write into the file's document.
    pub mine: Vec<(Path, Option<toml::Value>)>,
    /// Answers changed only in the file (kept from it), as dotted ids.
    pub outside: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

pub(crate) fn plan(base: &Leaves, mine: &Leaves, theirs: &Leaves) -> Plan {
    let paths: BTreeSet<&Path> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    let mut plan = Plan {
        mine: Vec::new(),
        outside: Vec::new(),
        conflicts: Vec::new(),
    };
    for path in paths {
        let (b, m, t) = (base.get(path), mine.get(path), theirs.get(path));
        if m == t {
            continue;
        }
        if m == b {
            plan.outside.push(dotted(path));
        } else if t == b {
            plan.mine.push((path.clone(), m.cloned()));
        } else {
            plan.conflicts.push(Conflict {
                id: dotted(path),
                path: path.clone(),
                mine: m.cloned(),
                theirs: t.cloned(),
            });
        }
    }
    plan
}

pub(crate) fn dotted(path: &[String]) -> String {
    path.join(".")
}

/// Sets (or removes) the value at `path`, creating the tables on the way. A
/// replaced value keeps the comments around it. Fails, changing nothing,
/// with the dotted path and what stands there, when a step is not a table
/// (`identite = "x"` or `[[identite]]` where `[identite]` is needed).
pub(crate) fn place(
    doc: &mut DocumentMut,
    path: &[String],
    value: Option<&toml::Value>,
) -> Result<(), (String, &'static str)> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table: &mut dyn TableLike = doc.as_table_mut();
    for (depth, key) in parents.iter().enumerate() {
        if !table.contains_key(key) {
            if value.is_none() {
                return Ok(());
            }
            table.insert(key, Item::Table(Table::new()));
        }
        let item = table.get_mut(key).expect("inserted above");
        if item.as_table_like().is_none() {
            return Err((dotted(&path[..=depth]), describe(item)));
        }
        table = item.as_table_like_mut().expect("checked above");
    }
    match value {
        None => {
            table.remove(last);
        }
        Some(v) => {
            let mut new = value_to_item(v);
            match table.get_mut(last) {
                // Replace in place so the key keeps the comment above it,
                // and the value keeps its trailing comment.
                Some(old) => {
                    if let (Some(old_value), Some(new_value)) = (old.as_value(), new.as_value_mut())
                    {
                        *new_value.decor_mut() = old_value.decor().clone();
                    }
                    *old = new;
                }
                None => {
                    table.insert(last, new);
                }
            }
        }
    }
    Ok(())
}

/// What stands in the file where a table was expected, in French.
fn describe(item: &Item) -> &'static str {
    use toml_edit::Value as V;
    match item {
        Item::ArrayOfTables(_) => "un tableau de tables ([[…]])",
        Item::Value(V::String(_)) => "un texte",
        Item::Value(V::Integer(_) | V::Float(_)) => "un nombre",
        Item::Value(V::Boolean(_)) => "un booléen",
        Item::Value(V::Datetime(_)) => "une date",
        Item::Value(V::Array(_)) => "un tableau de valeurs",
        _ => "une valeur",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    #[test]
    fn changes_on_different_answers_merge_and_the_same_answer_conflicts() {
        let base = leaves(&doc(
            "[meta]\nupdated = 1\n[identite]\nnom = \"A\"\nsponsor = \"S\"\n",
        ));
        let mine = leaves(&doc(
            "[meta]\nupdated = 2\n[identite]\nnom = \"B\"\nsponsor = \"S\"\n",
        ));
        let theirs = leaves(&doc(
            "[meta]\nupdated = 3\n[identite]\nnom = \"A\"\nsponsor = \"X\"\n",
        ));
        let p = plan(&base, &mine, &theirs);
        assert_eq!(p.outside, ["identite.sponsor"]);
        assert_eq!(p.mine.len(), 1);
        assert!(p.conflicts.is_empty());
        let theirs = leaves(&doc("[identite]\nnom = \"C\"\nsponsor = \"S\"\n"));
        let p = plan(&base, &mine, &theirs);
        assert_eq!(p.conflicts.len(), 1);
        assert_eq!(p.conflicts[0].id, "identite.nom");
        assert_eq!(p.conflicts[0].theirs, Some(toml::Value::String("C".into())));
    }

    #[test]
    fn placing_under_a_value_or_an_array_of_tables_fails_unchanged() {
        for text in ["identite = \"x\"\n", "[[identite]]\nnom = 1\n"] {
            let mut d = doc(text);
            let path = vec!["identite".to_string(), "nom_produit".to_string()];
            let err = place(&mut d, &path, Some(&toml::Value::Integer(1))).unwrap_err();
            assert_eq!(err.0, "identite");
            assert_eq!(d.to_string(), text);
        }
    }
}
