//! The answers file: one application, as TOML, loaded and saved without loss.
//!
//! The document is kept as a `toml_edit` tree so that comments, key order and
//! keys this version of the form does not know survive a load/save cycle.
//! What the file held when last read or written is remembered, so that a
//! save notices changes made outside meanwhile and merges them (see `merge`),
//! and writes the file back with its byte order mark and line endings.
//!
//! A file opened only to be read (`check`, `render`, `diff`…) is read
//! without its layout instead ([`super::ReadOnly`]): plain values, the
//! positions of its answers found only when a message asks for one.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table};

use super::bounds;
use super::convert::{item_to_value, table_to_map};
use super::disk::{self, Layout, Stamp};
use super::merge::{self, Conflict, Keep, Leaves};
use super::toml_reader::TomlValues;
use super::{AnswersError, Result};
use crate::form::Form;
use crate::fs_util;
use crate::ids::QuestionId;
use crate::position::{LineIndex, Position, deepest_line};

/// One application's answers.
#[derive(Debug, Clone)]
pub struct Answers {
    pub(super) tree: Tree,
    /// The file as last read or written; `None` for a document never saved
    /// and for one read only.
    disk: Option<Disk>,
}

/// The answers themselves.
#[derive(Debug, Clone)]
pub(super) enum Tree {
    /// With the file's layout, to edit and save.
    Edit(Edit),
    /// Plain values, read only: only [`super::ReadOnly`] makes one, and an
    /// edit (on a clone) first reads its text again with the layout.
    Values(TomlValues),
}

#[derive(Debug, Clone)]
pub(super) struct Edit {
    pub doc: DocumentMut,
    /// Where each answer stood in the file when it was read (`section.question`,
    /// `section.list[2].field`), for error messages.
    pub positions: BTreeMap<String, Position>,
}

/// What the file held when last read or written.
#[derive(Debug, Clone)]
struct Disk {
    stamp: Stamp,
    layout: Layout,
    /// Its answers, the common ancestor of a three-way merge.
    base: Leaves,
}

/// What a save did besides writing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    /// Answers changed outside since the file was read, kept from the file
    /// (dotted ids), because they were not changed here.
    pub merged: Vec<String>,
}

impl Saved {
    /// The merged answers a user wrote (not fiche's own `meta.` keys), to
    /// tell them which of theirs came from elsewhere.
    pub fn merged_answers(&self) -> Vec<&str> {
        self.merged
            .iter()
            .map(String::as_str)
            .filter(|id| !id.starts_with("meta."))
            .collect()
    }
}

impl Answers {
    /// A new empty draft for `form`, with its `[meta]` table.
    pub fn new(form: &Form) -> Answers {
        let mut doc = DocumentMut::new();
        let mut meta = Table::new();
        meta.insert("form", toml_edit::value(form.id.as_str()));
        meta.insert("form_version", toml_edit::value(i64::from(form.version)));
        let now = now_rfc3339();
        meta.insert("created", toml_edit::value(now.as_str()));
        meta.insert("updated", toml_edit::value(now.as_str()));
        doc.insert("meta", Item::Table(meta));
        Answers::edit_tree(doc, BTreeMap::new())
    }

    fn edit_tree(doc: DocumentMut, positions: BTreeMap<String, Position>) -> Answers {
        Answers {
            tree: Tree::Edit(Edit { doc, positions }),
            disk: None,
        }
    }

    /// Read-only answers from the layout-free TOML reader.
    pub(super) fn from_values(values: TomlValues) -> Answers {
        Answers {
            tree: Tree::Values(values),
            disk: None,
        }
    }

    /// The answers with their layout, to change them: read-only answers (a
    /// clone of read-only ones) are read again from their text first.
    fn edit(&mut self) -> &mut Edit {
        if let Tree::Values(values) = &self.tree {
            let edit = match Answers::parse(&values.text, "") {
                Ok(Answers {
                    tree: Tree::Edit(edit),
                    ..
                }) => edit,
                // The layout-free reader accepted the text, so this parser does
                // too; should it not, the values are kept, without comments.
                _ => {
                    let mut doc = DocumentMut::new();
                    for (k, v) in &values.values {
                        doc.insert(k, super::convert::value_to_item(v));
                    }
                    Edit {
                        doc,
                        positions: values.all_positions(),
                    }
                }
            };
            self.tree = Tree::Edit(edit);
        }
        match &mut self.tree {
            Tree::Edit(edit) => edit,
            Tree::Values(_) => unreachable!("read again above"),
        }
    }

    /// The document with its layout (read again for read-only answers).
    fn edit_doc(&self) -> Cow<'_, DocumentMut> {
        match &self.tree {
            Tree::Edit(edit) => Cow::Borrowed(&edit.doc),
            Tree::Values(_) => Cow::Owned(self.clone().edit().doc.clone()),
        }
    }

    /// Parses an answers file's text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Answers> {
        let index = LineIndex::new(text);
        let parsed = toml_edit::Document::parse(text.to_string()).map_err(|e| {
            let start = e.span().map(|s| s.start);
            if let Some((end, message)) =
                super::syntax::open_string_before(text, start.unwrap_or(text.len()))
            {
                return AnswersError::Syntax {
                    file: source.to_string(),
                    position: index.position(end),
                    message,
                };
            }
            if let Some((at, message)) =
                start.and_then(|start| super::syntax::unseen_at(text, start))
            {
                return AnswersError::Syntax {
                    file: source.to_string(),
                    position: index.position(at),
                    message,
                };
            }
            let position = start
                .map(|start| index.position(start))
                .unwrap_or_else(|| deepest_line(text));
            let line = text.lines().nth(position.line.saturating_sub(1));
            let message = line
                .and_then(super::syntax::french_number)
                .unwrap_or_else(|| super::syntax::french(e.message()));
            AnswersError::Syntax {
                file: source.to_string(),
                position,
                message,
            }
        })?;
        let root = parsed.as_table();
        if let Some((id, chars, offset)) = bounds::oversized_text(root) {
            return Err(AnswersError::AnswerTooLong {
                file: source.to_string(),
                position: index.position(offset),
                id: crate::sanitize::echo(&id),
                chars,
            });
        }
        let mut positions = BTreeMap::new();
        for (section, item) in root.iter() {
            let span = root
                .key(section)
                .and_then(|k| k.span())
                .or_else(|| item.span());
            if let Some(span) = span {
                positions.insert(section.to_string(), index.position(span.start));
            }
            if let Some(table) = item.as_table() {
                collect_positions(&index, section, table, &mut positions);
            }
        }
        Ok(Answers::edit_tree(parsed.into_mut(), positions))
    }

    /// Reads an answers file from disk (only a regular file: a FIFO or a
    /// device is refused before anything is read).
    pub fn load(path: &Path) -> Result<Answers> {
        let Some(on_disk) = disk::read(path).map_err(|e| io_error(path, e))? else {
            return Err(io_error(
                path,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        };
        let mut answers = Answers::parse(&on_disk.text, &path.display().to_string())?;
        let base = merge::leaves(&answers.edit().doc);
        answers.disk = Some(Disk {
            stamp: on_disk.stamp,
            layout: on_disk.layout,
            base,
        });
        Ok(answers)
    }

    /// Saves atomically, refreshing `meta.updated`, with the file's byte
    /// order mark and line endings. A file on disk that is not valid TOML is
    /// never replaced: it may be a hand edit in progress. A file changed
    /// outside since it was read is merged answer by answer: its changes are
    /// kept (listed in [`Saved::merged`]) and ours written into it; when the
    /// same answer changed on both sides nothing is written and the error
    /// lists the [`Conflict`]s, to settle with [`Answers::resolve`].
    pub fn save(&mut self, path: &Path) -> Result<Saved> {
        // Held until the new file is in place: another fiche saving now
        // waits, then sees this save as a change made outside.
        let _turn = fs_util::lock_exclusive(path).map_err(|e| io_error(path, e))?;
        let current = disk::read(path).map_err(|e| io_error(path, e))?;
        let mut saved = Saved::default();
        let mut layout = self.disk.as_ref().map(|d| d.layout).unwrap_or_default();
        if let Some(current) = current {
            let theirs = current
                .text
                .parse::<toml_edit::DocumentMut>()
                .map_err(|e| AnswersError::RefuseOverwrite {
                    file: path.display().to_string(),
                    position: e
                        .span()
                        .map(|s| Position::from_offset(&current.text, s.start))
                        .unwrap_or_else(|| deepest_line(&current.text)),
                })?;
            layout = current.layout;
            let changed_outside = self
                .disk
                .as_ref()
                .filter(|known| known.stamp != current.stamp)
                .map(|known| known.base.clone());
            if let Some(base) = changed_outside {
                saved.merged = self.merge_outside(path, &base, theirs, &current.text)?;
            }
        }
        self.set_meta("updated", toml::Value::String(now_rfc3339()))?;
        let text = layout.apply(&self.edit().doc.to_string());
        fs_util::write_atomic(path, text.as_bytes()).map_err(|e| io_error(path, e))?;
        self.disk = Some(Disk {
            stamp: Stamp::written(path, text.as_bytes()),
            layout,
            base: merge::leaves(&self.edit().doc),
        });
        Ok(saved)
    }

    /// Takes the file's document (`theirs`, changed outside since `base`)
    /// and writes our own changes into it; the ids kept from the file.
    fn merge_outside(
        &mut self,
        path: &Path,
        base: &Leaves,
        mut theirs: toml_edit::DocumentMut,
        text: &str,
    ) -> Result<Vec<String>> {
        let plan = merge::plan(
            base,
            &merge::leaves(&self.edit().doc),
            &merge::leaves(&theirs),
        );
        if !plan.conflicts.is_empty() {
            return Err(AnswersError::Conflict {
                file: path.display().to_string(),
                conflicts: plan.conflicts,
            });
        }
        for (p, value) in &plan.mine {
            merge::place(&mut theirs, p, value.as_ref())
                .map_err(|(at, found)| self.unplaceable(&merge::dotted(p), at, found))?;
        }
        self.replace_doc(theirs, text);
        Ok(plan.outside)
    }

    /// Takes in the changes made to the file outside since it was last read
    /// or written, so a front end shows them at once; returns the dotted ids
    /// that changed. Only when nothing changed here: otherwise the next save
    /// merges (and asks about a conflict). A file that vanished or no longer
    /// parses is left to the next save, which says so.
    pub fn reload_outside_changes(&mut self, path: &Path) -> Result<Vec<String>> {
        let Some(known) = &self.disk else {
            return Ok(Vec::new());
        };
        if known.stamp.same_size_and_time(path) {
            return Ok(Vec::new());
        }
        let Some(current) = disk::read(path).map_err(|e| io_error(path, e))? else {
            return Ok(Vec::new());
        };
        if current.stamp == known.stamp {
            return Ok(Vec::new());
        }
        let Ok(theirs) = current.text.parse::<toml_edit::DocumentMut>() else {
            return Ok(Vec::new());
        };
        let base = known.base.clone();
        let plan = merge::plan(
            &base,
            &merge::leaves(&self.edit().doc),
            &merge::leaves(&theirs),
        );
        if !plan.mine.is_empty() || !plan.conflicts.is_empty() {
            return Ok(Vec::new());
        }
        self.replace_doc(theirs, &current.text);
        self.disk = Some(Disk {
            stamp: current.stamp,
            layout: current.layout,
            base: merge::leaves(&self.edit().doc),
        });
        Ok(plan.outside)
    }

    /// Settles one conflict reported by [`Answers::save`]: keep our answer,
    /// or take the file's. The next save then merges without asking again.
    pub fn resolve(&mut self, conflict: &Conflict, keep: Keep) -> Result<()> {
        if keep == Keep::Theirs {
            merge::place(
                &mut self.edit().doc,
                &conflict.path,
                conflict.theirs.as_ref(),
            )
            .map_err(|(at, found)| self.unplaceable(&conflict.id, at, found))?;
        }
        if let Some(known) = &mut self.disk {
            match &conflict.theirs {
                Some(v) => known.base.insert(conflict.path.clone(), v.clone()),
                None => known.base.remove(&conflict.path),
            };
        }
        Ok(())
    }

    /// Saves to a new file, refreshing `meta.updated`: "save elsewhere".
    /// An existing file is never replaced, even one created a moment ago by
    /// someone else (the check and the write are one atomic step). The new
    /// file is then the one whose outside changes later saves look for.
    pub fn save_new(&mut self, path: &Path) -> Result<()> {
        self.set_meta("updated", toml::Value::String(now_rfc3339()))?;
        let layout = self.disk.as_ref().map(|d| d.layout).unwrap_or_default();
        let text = layout.apply(&self.edit().doc.to_string());
        fs_util::write_new(path, text.as_bytes()).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                AnswersError::Exists {
                    path: path.display().to_string(),
                }
            } else {
                io_error(path, source)
            }
        })?;
        self.disk = Some(Disk {
            stamp: Stamp::written(path, text.as_bytes()),
            layout,
            base: merge::leaves(&self.edit().doc),
        });
        Ok(())
    }

    /// The file's document taken in (`text` is what it was read from, for
    /// the positions).
    fn replace_doc(&mut self, doc: DocumentMut, text: &str) {
        let edit = self.edit();
        edit.doc = doc;
        if let Ok(Answers {
            tree: Tree::Edit(fresh),
            ..
        }) = Answers::parse(text, "")
        {
            edit.positions = fresh.positions;
        }
    }

    pub fn to_toml_string(&self) -> String {
        self.edit_doc().to_string()
    }

    /// The answer to `section.question`, if any.
    pub fn get(&self, full_id: &str) -> Option<toml::Value> {
        let (s, q) = QuestionId::split(full_id)?;
        self.get_in(s, q)
    }

    /// The answer to `section.question`, lent when the answers are read
    /// only (no copy of a long text), converted otherwise.
    pub fn value(&self, full_id: &str) -> Option<Cow<'_, toml::Value>> {
        let (s, q) = QuestionId::split(full_id)?;
        self.value_in(s, q)
    }

    pub fn value_in(&self, section: &str, question: &str) -> Option<Cow<'_, toml::Value>> {
        match &self.tree {
            Tree::Edit(_) => self.get_in(section, question).map(Cow::Owned),
            Tree::Values(values) => values
                .values
                .get(section)?
                .as_table()?
                .get(question)
                .map(Cow::Borrowed),
        }
    }

    pub fn get_in(&self, section: &str, question: &str) -> Option<toml::Value> {
        match &self.tree {
            Tree::Edit(edit) => {
                let item = edit.doc.get(section)?.as_table_like()?.get(question)?;
                item_to_value(item)
            }
            Tree::Values(values) => values
                .values
                .get(section)?
                .as_table()?
                .get(question)
                .cloned(),
        }
    }

    /// Sets (or with `None`, removes) the answer to `section.question`. A
    /// comment written next to the old value is kept. An edited answer is the
    /// user's own: its pre-fill origin (`[meta.origine]`) is forgotten. An
    /// answer that has no place in the file (its section is a value or an
    /// array of tables there) is an error, and nothing changes.
    pub fn set(&mut self, full_id: &str, value: Option<toml::Value>) -> Result<()> {
        let Some((s, q)) = QuestionId::split(full_id) else {
            return Err(AnswersError::NotAnId {
                id: full_id.to_string(),
            });
        };
        let path = [s.to_string(), q.to_string()];
        merge::place(&mut self.edit().doc, &path, value.as_ref())
            .map_err(|(at, found)| self.unplaceable(full_id, at, found))?;
        if s != "meta" {
            self.clear_origin(full_id);
        }
        self.edit().positions.remove(full_id);
        Ok(())
    }

    fn unplaceable(&self, id: &str, at: String, found: &'static str) -> AnswersError {
        let line = self
            .position(&at)
            .map(|p| format!(" (ligne {})", p.line))
            .unwrap_or_default();
        AnswersError::Unplaceable {
            id: id.to_string(),
            at,
            found,
            line,
        }
    }

    pub fn meta(&self, key: &str) -> Option<toml::Value> {
        self.get_in("meta", key)
    }

    pub fn set_meta(&mut self, key: &str, value: toml::Value) -> Result<()> {
        self.set(&format!("meta.{key}"), Some(value))
    }

    /// `meta.form`, the questionnaire this file answers.
    pub fn form_id(&self) -> Option<String> {
        self.meta("form")
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// `meta.form_version`, the questionnaire version it was written for.
    pub fn form_version(&self) -> Option<u32> {
        self.meta("form_version")
            .and_then(|v| v.as_integer())
            .and_then(|v| u32::try_from(v).ok())
    }

    /// Where an answer stood in the file as read.
    pub fn position(&self, id: &str) -> Option<Position> {
        match &self.tree {
            Tree::Edit(edit) => edit.positions.get(id).copied(),
            Tree::Values(values) => values.position(id),
        }
    }

    /// Every table of the file (sections and `meta`), as plain values.
    pub fn to_table(&self) -> toml::Table {
        match &self.tree {
            Tree::Edit(edit) => table_to_map(edit.doc.as_table()),
            Tree::Values(values) => values.values.clone(),
        }
    }

    /// Every table of the file as plain values, lent when the answers are
    /// read only.
    pub fn table(&self) -> Cow<'_, toml::Table> {
        match &self.tree {
            Tree::Edit(_) => Cow::Owned(self.to_table()),
            Tree::Values(values) => Cow::Borrowed(&values.values),
        }
    }

    /// The answers the `when` conditions of `form` read, as their context:
    /// the questions they name ([`Form::condition_ids`]; a whole section
    /// for a bare name, or when it is not a table), not the whole file. A
    /// condition evaluates the same on it as on [`Answers::context`];
    /// converting every long text does not.
    pub fn condition_context(&self, form: &Form) -> minijinja::Value {
        let table = self.table();
        let mut read = toml::Table::new();
        for id in &form.condition_ids {
            let (section, rest) = id.split_once('.').unwrap_or((id, ""));
            let Some(value) = table.get(section) else {
                continue;
            };
            let question = rest.split(['.', '[']).next().unwrap_or_default();
            let whole = rest.is_empty() || !value.is_table();
            let entry = read
                .entry(section)
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            match (whole, value.as_table().and_then(|t| t.get(question))) {
                (true, _) => *entry = value.clone(),
                (false, Some(answer)) => {
                    if let Some(t) = entry.as_table_mut() {
                        t.insert(question.to_string(), answer.clone());
                    }
                }
                (false, None) => {}
            }
        }
        minijinja::Value::from(minijinja::value::Serde(read))
    }

    /// The answers as a template/condition context: `section.question`.
    pub fn context(&self) -> minijinja::Value {
        use minijinja::value::Serde;
        match &self.tree {
            Tree::Edit(_) => minijinja::Value::from(Serde(self.to_table())),
            Tree::Values(values) => minijinja::Value::from(Serde(&values.values)),
        }
    }

    /// Section names present in the file, in file order.
    pub fn section_ids(&self) -> Vec<String> {
        match &self.tree {
            Tree::Edit(edit) => edit.doc.iter().map(|(k, _)| k.to_string()).collect(),
            Tree::Values(values) => values.values.keys().cloned().collect(),
        }
    }

    /// The underlying document, for migrations that move whole tables.
    pub fn document_mut(&mut self) -> &mut DocumentMut {
        &mut self.edit().doc
    }
}

pub(super) fn io_error(path: &Path, source: std::io::Error) -> AnswersError {
    AnswersError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn collect_positions(
    index: &LineIndex,
    prefix: &str,
    table: &Table,
    out: &mut BTreeMap<String, Position>,
) {
    for (key, item) in table.iter() {
        let id = format!("{prefix}.{key}");
        let span = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span());
        if let Some(span) = span {
            out.insert(id.clone(), index.position(span.start));
        }
        if let Item::ArrayOfTables(aot) = item {
            for (i, t) in aot.iter().enumerate() {
                let item_id = format!("{id}[{}]", i + 1);
                if let Some(start) = t.span().map(|s| s.start).or_else(|| header_of(index, t)) {
                    out.insert(item_id.clone(), index.position(start));
                }
                collect_positions(index, &item_id, t, out);
            }
        }
    }
}

/// Where the `[[…]]` header of an array-of-tables item starts: the parser
/// keeps no span for the item itself, so it is the last header before the
/// item's first key. An item without keys has no place of its own.
fn header_of(index: &LineIndex, item: &Table) -> Option<usize> {
    let first_key = item
        .iter()
        .filter_map(|(key, _)| item.key(key).and_then(|k| k.span()))
        .map(|span| span.start)
        .min()?;
    let text = index.text();
    let before = &text[..first_key.min(text.len())];
    let header = before.rfind("[[")?;
    Some(before[..header].rfind('\n').map_or(0, |i| i + 1))
}

/// Local time as RFC 3339 with its offset, e.g. `2026-11-29T10:42:00+01:00`.
pub fn now_rfc3339() -> String {
    crate::clock::now()
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_new_writes_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("autre.toml");
        let form = crate::form::builtin();
        let mut answers = Answers::new(&form);
        answers
            .set(
                "identite.nom_produit",
                Some(toml::Value::String("X".into())),
            )
            .unwrap();
        answers.save_new(&path).unwrap();
        let back = Answers::load(&path).unwrap();
        assert_eq!(
            back.get("identite.nom_produit"),
            Some(toml::Value::String("X".into()))
        );
    }

    #[test]
    fn save_new_never_replaces_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pris.toml");
        std::fs::write(&path, "ancien").unwrap();
        let form = crate::form::builtin();
        let mut answers = Answers::new(&form);
        let e = answers.save_new(&path).unwrap_err();
        assert!(matches!(e, AnswersError::Exists { .. }), "{e}");
        assert!(e.to_string().contains("existe déjà"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "ancien");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn each_list_item_is_placed_at_its_own_header() {
        let text = "[meta]\nform = \"fiche-action\"\n\n[[donnees.sources]]\nnom = \"A\"\n\n# deuxième\n  [[donnees.sources]]\nnature = \"documents\"\n";
        let answers = Answers::parse(text, "x.toml").unwrap();
        let line = |id: &str| answers.position(id).map(|p| p.line);
        assert_eq!(line("donnees.sources[1]"), Some(4));
        assert_eq!(line("donnees.sources[2]"), Some(8));
        assert_eq!(line("donnees.sources[2].nature"), Some(9));
    }

    #[test]
    fn an_unreadable_file_keeps_its_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = Answers::load(&dir.path().join("absent.toml")).unwrap_err();
        let source = std::error::Error::source(&e).expect("io error kept");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert!(e.to_string().contains("introuvable"), "{e}");
    }
}
