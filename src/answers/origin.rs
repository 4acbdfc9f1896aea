//! Where pre-filled answers came from (`[meta.origine]`), so a front end can
//! show « repris du profil » until the user edits the answer.
//!
//! The table maps a full question id to `"profil"` or the name of the previous
//! application it was copied from. `Answers::set` forgets an id's origin: once
//! edited, an answer is the user's own.

use toml_edit::{Item, Table};

use super::Answers;

/// Key of the provenance table inside `[meta]`.
pub const ORIGIN_TABLE: &str = "origine";

/// Origin recorded for answers copied from the user profile.
pub const ORIGIN_PROFILE: &str = "profil";

impl Answers {
    /// Where the answer to `full_id` was copied from, if it was pre-filled and
    /// not edited since.
    pub fn origin(&self, full_id: &str) -> Option<String> {
        self.origin_table()?
            .get(full_id)?
            .as_str()
            .map(str::to_string)
    }

    /// Every pre-filled answer still unedited: `(full id, origin)`, in file order.
    pub fn origins(&self) -> Vec<(String, String)> {
        let Some(table) = self.origin_table() else {
            return Vec::new();
        };
        table
            .iter()
            .filter_map(|(k, v)| Some((k.to_string(), v.as_str()?.to_string())))
            .collect()
    }

    /// Records that the answer to `full_id` was copied from `origin`.
    pub fn set_origin(&mut self, full_id: &str, origin: &str) {
        let doc = self.document_mut();
        if !doc.contains_key("meta") {
            doc.insert("meta", Item::Table(Table::new()));
        }
        let Some(meta) = doc["meta"].as_table_like_mut() else {
            return;
        };
        if meta.get(ORIGIN_TABLE).is_none() {
            meta.insert(ORIGIN_TABLE, Item::Table(Table::new()));
        }
        if let Some(table) = meta.get_mut(ORIGIN_TABLE).and_then(Item::as_table_like_mut) {
            table.insert(full_id, toml_edit::value(origin));
        }
    }

    /// Forgets the origin of `full_id` (the table goes when it is empty).
    pub fn clear_origin(&mut self, full_id: &str) {
        let Some(meta) = self
            .document_mut()
            .get_mut("meta")
            .and_then(Item::as_table_like_mut)
        else {
            return;
        };
        let Some(table) = meta.get_mut(ORIGIN_TABLE).and_then(Item::as_table_like_mut) else {
            return;
        };
        table.remove(full_id);
        if table.is_empty() {
            meta.remove(ORIGIN_TABLE);
        }
    }

    fn origin_table(&self) -> Option<&dyn toml_edit::TableLike> {
        self.document()
            .get("meta")?
            .as_table_like()?
            .get(ORIGIN_TABLE)?
            .as_table_like()
    }
}
