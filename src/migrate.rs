//! Form versions: bringing an answers file written for an older version of
//! the form up to date, in memory, without losing a single answer.
//!
//! Renamed ids move to their new place (with the comments written above them);
//! answers to removed questions are set aside under
//! `[anciennes_reponses.v<N>]`, keyed by their old id, where N is the version
//! the file was written for. The caller decides when to save: `check` and
//! `render` never write.

use toml_edit::{DocumentMut, Item, Key, Table};

use crate::answers::convert::item_to_value;
use crate::answers::{Answers, is_answered};
use crate::form::{Form, Migration};

/// Top-level table holding answers to questions a newer form no longer asks.
pub const OLD_ANSWERS_TABLE: &str = "anciennes_reponses";

/// What a migration did, for front ends to tell the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationReport {
    /// Form version the file was written for.
    pub from: u32,
    /// Form version it now answers.
    pub to: u32,
    /// `(old id, new id)` of answers moved to their new place.
    pub moved: Vec<(String, String)>,
    /// Old ids of answers set aside under [`MigrationReport::kept_table`].
    pub kept: Vec<String>,
}

impl MigrationReport {
    /// The table the set-aside answers live in, e.g. `anciennes_reponses.v1`.
    pub fn kept_table(&self) -> String {
        format!("{OLD_ANSWERS_TABLE}.v{}", self.from)
    }

    /// French lines describing the migration, ready to print.
    pub fn lines_fr(&self) -> Vec<String> {
        let mut out = vec![format!(
            "Ce fichier a été écrit pour la version {} du formulaire ; ses réponses sont reprises dans la version {} :",
            self.from, self.to
        )];
        for (old, new) in &self.moved {
            out.push(format!("  réponse déplacée : {old} → {new}"));
        }
        for id in &self.kept {
            out.push(format!(
                "  question retirée : la réponse à {id} est conservée dans [{}]",
                self.kept_table()
            ));
        }
        out
    }
}

/// Migrates `answers` to `form.version` when it was written for an older
/// version; `None` when there was nothing to do. `meta.form_version` is bumped.
pub fn migrate(form: &Form, answers: &mut Answers) -> Option<MigrationReport> {
    let from = answers.form_version()?;
    if from >= form.version {
        return None;
    }
    let mut report = MigrationReport {
        from,
        to: form.version,
        ..MigrationReport::default()
    };
    let mut steps: Vec<&Migration> = form
        .migrations
        .iter()
        .filter(|m| m.version > from && m.version <= form.version)
        .collect();
    steps.sort_by_key(|m| m.version);
    let doc = answers.document_mut();
    for step in steps {
        for (old, new) in &step.renamed {
            let new_section = new.split_once('.').map_or("", |(s, _)| s);
            if !can_hold(doc, new_section) || !can_hold(doc, OLD_ANSWERS_TABLE) {
                continue;
            }
            let same_section = old.split_once('.').map(|(s, _)| s) == Some(new_section);
            let order = if same_section {
                key_order(doc, old)
            } else {
                Vec::new()
            };
            let Some((key, item)) = take(doc, old) else {
                continue;
            };
            if target_is_answered(doc, new) {
                // Never overwrite: the old answer is set aside instead.
                set_aside(doc, from, old, key, item);
                report.kept.push(old.clone());
            } else {
                put(doc, new, key, item, &order);
                report.moved.push((old.clone(), new.clone()));
            }
        }
        for id in &step.removed {
            if !can_hold(doc, OLD_ANSWERS_TABLE) {
                continue;
            }
            if let Some((key, item)) = take(doc, id) {
                set_aside(doc, from, id, key, item);
                report.kept.push(id.clone());
            }
        }
    }
    // A `meta` that is not a table (`meta = "x"`) cannot take the version:
    // the next save fails on `meta.updated` with the same error, worded for
    // the user, so nothing is dropped unseen.
    let _ = answers.set_meta(
        "form_version",
        toml::Value::Integer(i64::from(form.version)),
    );
    Some(report)
}

/// Full ids of the questions new or changed since `version` (their `since` is
/// greater), in form order: what to walk through after a migration. A list
/// counts as changed when one of its fields is.
pub fn changed_since(form: &Form, version: u32) -> Vec<String> {
    form.questions()
        .filter(|(_, q)| q.since > version || q.fields.iter().any(|f| f.since > version))
        .map(|(s, q)| s.full_id(q))
        .collect()
}

/// Whether a top-level `name` is absent or a table: a hand-written value
/// there is never replaced, so the answers that would go in stay where they are.
fn can_hold(doc: &DocumentMut, name: &str) -> bool {
    !name.is_empty() && doc.get(name).is_none_or(Item::is_table)
}

/// Removes `section.question` from the document, with its key (and the
/// comments above it). An emptied section table without comments goes too.
fn take(doc: &mut DocumentMut, full_id: &str) -> Option<(Key, Item)> {
    let (section, question) = full_id.split_once('.')?;
    let table = doc.get_mut(section)?.as_table_mut()?;
    let entry = table.remove_entry(question)?;
    let has_comment = table
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .is_some_and(|p| p.contains('#'));
    if table.is_empty() && !has_comment {
        doc.remove(section);
    }
    Some(entry)
}

fn target_is_answered(doc: &DocumentMut, full_id: &str) -> bool {
    let Some((section, question)) = full_id.split_once('.') else {
        return false;
    };
    let value = doc
        .get(section)
        .and_then(Item::as_table_like)
        .and_then(|t| t.get(question))
        .and_then(item_to_value);
    is_answered(value.as_ref())
}

/// Inserts `item` at `full_id` under its new name, keeping the old key's
/// decor; renamed inside its own section, it keeps its place among the others.
fn put(doc: &mut DocumentMut, full_id: &str, old_key: Key, item: Item, order: &[String]) {
    let (section, question) = full_id.split_once('.').unwrap_or((full_id, ""));
    let table = ensure_table(doc.as_table_mut(), section, false);
    let key = renamed_key(&old_key, question);
    table.insert_formatted(&key, item);
    if !order.is_empty() {
        let rank = |k: &Key| {
            let name = if k.get() == question {
                old_key.get()
            } else {
                k.get()
            };
            order.iter().position(|o| o == name).unwrap_or(usize::MAX)
        };
        table.sort_values_by(|k1, _, k2, _| rank(k1).cmp(&rank(k2)));
    }
}

/// The keys of the section of `full_id`, in file order (to keep a renamed
/// answer in its place).
fn key_order(doc: &DocumentMut, full_id: &str) -> Vec<String> {
    let section = full_id.split_once('.').map_or(full_id, |(s, _)| s);
    doc.get(section)
        .and_then(Item::as_table)
        .map(|t| t.iter().map(|(k, _)| k.to_string()).collect())
        .unwrap_or_default()
}

fn set_aside(doc: &mut DocumentMut, from: u32, old_id: &str, old_key: Key, item: Item) {
    let root = ensure_table(doc.as_table_mut(), OLD_ANSWERS_TABLE, true);
    let table = ensure_table(root, &format!("v{from}"), false);
    let key = renamed_key(&old_key, old_id);
    table.insert_formatted(&key, item);
}

fn renamed_key(old: &Key, name: &str) -> Key {
    let mut key = Key::new(name);
    *key.leaf_decor_mut() = old.leaf_decor().clone();
    key
}

fn ensure_table<'a>(parent: &'a mut Table, name: &str, implicit: bool) -> &'a mut Table {
    if !parent.get(name).is_some_and(Item::is_table) {
        let mut table = Table::new();
        table.set_implicit(implicit);
        parent.insert(name, Item::Table(table));
    }
    parent[name]
        .as_table_mut()
        .expect("just ensured to be a table")
}
