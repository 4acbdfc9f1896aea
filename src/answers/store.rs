//! The answers file: one application, as TOML, loaded and saved without loss.
//!
//! The document is kept as a `toml_edit` tree so that comments, key order and
//! keys this version of the form does not know survive a load/save cycle.

use std::collections::BTreeMap;
use std::path::Path;

use toml_edit::{DocumentMut, Item, Table};

use super::bounds;
use super::convert::{item_to_value, table_to_map, value_to_item};
use super::{AnswersError, Result};
use crate::form::Form;
use crate::fs_util;
use crate::ids::QuestionId;
use crate::limits::MAX_ANSWERS_FILE_BYTES;
use crate::position::{LineIndex, Position, deepest_line};

/// One application's answers.
#[derive(Debug, Clone)]
pub struct Answers {
    doc: DocumentMut,
    /// Where each answer stood in the file when it was read (`section.question`,
    /// `section.list[2].field`), for error messages.
    positions: BTreeMap<String, Position>,
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
        Answers {
            doc,
            positions: BTreeMap::new(),
        }
    }

    /// Parses an answers file's text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Answers> {
        let index = LineIndex::new(text);
        let parsed = toml_edit::Document::parse(text.to_string()).map_err(|e| {
            let position = e
                .span()
                .map(|s| index.position(s.start))
                .unwrap_or_else(|| deepest_line(text));
            AnswersError::Syntax {
                file: source.to_string(),
                position,
                message: e.message().trim().to_string(),
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
        Ok(Answers {
            doc: parsed.into_mut(),
            positions,
        })
    }

    /// Reads an answers file from disk.
    pub fn load(path: &Path) -> Result<Answers> {
        let text = read_text(path)?;
        Answers::parse(&text, &path.display().to_string())
    }

    /// Saves atomically, refreshing `meta.updated`. A file on disk that is not
    /// valid TOML is never replaced: it may be a hand edit in progress.
    pub fn save(&mut self, path: &Path) -> Result<()> {
        if path.exists() {
            let current = read_text(path)?;
            if let Err(e) = current.parse::<toml_edit::DocumentMut>() {
                let position = e
                    .span()
                    .map(|s| Position::from_offset(&current, s.start))
                    .unwrap_or_else(|| deepest_line(&current));
                return Err(AnswersError::RefuseOverwrite {
                    file: path.display().to_string(),
                    position,
                });
            }
        }
        self.set_meta("updated", toml::Value::String(now_rfc3339()));
        fs_util::write_atomic(path, self.to_toml_string().as_bytes()).map_err(|source| {
            AnswersError::Io {
                path: path.display().to_string(),
                source,
            }
        })
    }

    /// Saves to a new file, refreshing `meta.updated`: "save elsewhere".
    /// An existing file is never replaced, even one created a moment ago by
    /// someone else (the check and the write are one atomic step).
    pub fn save_new(&mut self, path: &Path) -> Result<()> {
        self.set_meta("updated", toml::Value::String(now_rfc3339()));
        fs_util::write_new(path, self.to_toml_string().as_bytes()).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AlreadyExists {
                AnswersError::Exists {
                    path: path.display().to_string(),
                }
            } else {
                AnswersError::Io {
                    path: path.display().to_string(),
                    source,
                }
            }
        })
    }

    pub fn to_toml_string(&self) -> String {
        self.doc.to_string()
    }

    /// The answer to `section.question`, if any.
    pub fn get(&self, full_id: &str) -> Option<toml::Value> {
        let (s, q) = QuestionId::split(full_id)?;
        self.get_in(s, q)
    }

    pub fn get_in(&self, section: &str, question: &str) -> Option<toml::Value> {
        let item = self.doc.get(section)?.as_table_like()?.get(question)?;
        item_to_value(item)
    }

    /// Sets (or with `None`, removes) the answer to `section.question`. A
    /// comment written next to the old value is kept. An edited answer is the
    /// user's own: its pre-fill origin (`[meta.origine]`) is forgotten.
    pub fn set(&mut self, full_id: &str, value: Option<toml::Value>) {
        let Some((s, q)) = QuestionId::split(full_id) else {
            return;
        };
        if s != "meta" {
            self.clear_origin(full_id);
        }
        match value {
            None => {
                if let Some(t) = self.doc.get_mut(s).and_then(|i| i.as_table_like_mut()) {
                    t.remove(q);
                }
            }
            Some(v) => {
                if !self.doc.contains_key(s) {
                    self.doc.insert(s, Item::Table(Table::new()));
                }
                let Some(table) = self.doc[s].as_table_like_mut() else {
                    return;
                };
                let mut new = value_to_item(&v);
                match table.get_mut(q) {
                    // Replace in place so the key keeps the comment above it,
                    // and the value keeps its trailing comment.
                    Some(old) => {
                        if let (Some(old_value), Some(new_value)) =
                            (old.as_value(), new.as_value_mut())
                        {
                            *new_value.decor_mut() = old_value.decor().clone();
                        }
                        *old = new;
                    }
                    None => {
                        table.insert(q, new);
                    }
                }
            }
        }
        self.positions.remove(full_id);
    }

    pub fn meta(&self, key: &str) -> Option<toml::Value> {
        self.get_in("meta", key)
    }

    pub fn set_meta(&mut self, key: &str, value: toml::Value) {
        self.set(&format!("meta.{key}"), Some(value));
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
        self.positions.get(id).copied()
    }

    /// Every table of the file (sections and `meta`), as plain values.
    pub fn to_table(&self) -> toml::Table {
        table_to_map(self.doc.as_table())
    }

    /// The answers as a template/condition context: `section.question`.
    pub fn context(&self) -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(self.to_table()))
    }

    /// Section names present in the file, in file order.
    pub fn section_ids(&self) -> Vec<String> {
        self.doc.iter().map(|(k, _)| k.to_string()).collect()
    }

    /// The underlying document, for migrations that move whole tables.
    pub fn document_mut(&mut self) -> &mut DocumentMut {
        &mut self.doc
    }

    pub fn document(&self) -> &DocumentMut {
        &self.doc
    }
}

fn read_text(path: &Path) -> Result<String> {
    fs_util::read_text_limited(path, MAX_ANSWERS_FILE_BYTES).map_err(|source| AnswersError::Io {
        path: path.display().to_string(),
        source,
    })
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
                if let Some(span) = t.span() {
                    out.insert(item_id.clone(), index.position(span.start));
                }
                collect_positions(index, &item_id, t, out);
            }
        }
    }
}

/// Local time as RFC 3339 with its offset, e.g. `2026-11-29T10:42:00+01:00`.
pub fn now_rfc3339() -> String {
    jiff::ZonedDateTime::now()
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
        answers.set(
            "identite.nom_produit",
            Some(toml::Value::String("X".into())),
        );
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
    fn an_unreadable_file_keeps_its_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = Answers::load(&dir.path().join("absent.toml")).unwrap_err();
        let source = std::error::Error::source(&e).expect("io error kept");
        let io = source.downcast_ref::<std::io::Error>().unwrap();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        assert!(e.to_string().contains("introuvable"), "{e}");
    }
}
