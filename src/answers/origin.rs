//! Where pre-filled answers came from (`[meta.origine]`), so a front end can
//! show « repris du profil » until the user edits the answer.
//!
//! The table maps a full question id to `"profil"` or the name of the previous
//! application it was copied from. `Answers::set` forgets an id's origin: once
//! edited, an answer is the user's own. [`Origin`] reads and writes these
//! strings in one place.

use std::fmt;

use toml_edit::{Item, Table};

use super::Answers;
use super::store::Tree;

/// Key of the provenance table inside `[meta]`.
pub const ORIGIN_TABLE: &str = "origine";

/// How the profile is written in `[meta.origine]`.
const PROFILE_TEXT: &str = "profil";

/// Where a pre-filled answer came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// The user's profile.
    Profile,
    /// A previous application, by file name.
    Application(String),
}

impl Origin {
    /// Reads an origin as written in the file.
    pub fn from_file(text: &str) -> Origin {
        match text {
            PROFILE_TEXT => Origin::Profile,
            other => Origin::Application(
                other
                    .strip_prefix("./")
                    .filter(|name| *name == PROFILE_TEXT)
                    .unwrap_or(other)
                    .to_string(),
            ),
        }
    }

    /// How it is written in the file: `profil`, or the file name (a file
    /// itself named `profil` is written `./profil`, so it is never taken
    /// for the profile).
    pub fn to_file(&self) -> String {
        match self {
            Origin::Profile => PROFILE_TEXT.to_string(),
            Origin::Application(name) if name == PROFILE_TEXT => format!("./{name}"),
            Origin::Application(name) => name.clone(),
        }
    }
}

/// In French, after « reprise de »: `votre profil`, or the file name.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Profile => f.write_str("votre profil"),
            Origin::Application(name) => f.write_str(name),
        }
    }
}

impl Answers {
    /// Where the answer to `full_id` was copied from, if it was pre-filled and
    /// not edited since.
    pub fn origin(&self, full_id: &str) -> Option<Origin> {
        self.origin_texts()
            .into_iter()
            .find(|(id, _)| *id == full_id)
            .map(|(_, origin)| Origin::from_file(origin))
    }

    /// Every pre-filled answer still unedited: `(full id, origin)`, in file order.
    pub fn origins(&self) -> Vec<(String, Origin)> {
        self.origin_texts()
            .into_iter()
            .map(|(id, origin)| (id.to_string(), Origin::from_file(origin)))
            .collect()
    }

    /// Records that the answer to `full_id` was copied from `origin`.
    pub fn set_origin(&mut self, full_id: &str, origin: &Origin) {
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
            table.insert(full_id, toml_edit::value(origin.to_file()));
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

    /// The `[meta.origine]` entries written as text, in file order.
    fn origin_texts(&self) -> Vec<(&str, &str)> {
        match &self.tree {
            Tree::Edit(edit) => edit
                .doc
                .get("meta")
                .and_then(Item::as_table_like)
                .and_then(|meta| meta.get(ORIGIN_TABLE))
                .and_then(Item::as_table_like)
                .map(|table| {
                    table
                        .iter()
                        .filter_map(|(k, v)| Some((k, v.as_str()?)))
                        .collect()
                })
                .unwrap_or_default(),
            Tree::Values(values) => values
                .values
                .get("meta")
                .and_then(toml::Value::as_table)
                .and_then(|meta| meta.get(ORIGIN_TABLE))
                .and_then(toml::Value::as_table)
                .map(|table| {
                    table
                        .iter()
                        .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_profil_is_not_the_profile() {
        let file = Origin::Application("profil".into());
        assert_eq!(file.to_file(), "./profil");
        assert_eq!(Origin::from_file(&file.to_file()), file);
        assert_eq!(Origin::from_file("profil"), Origin::Profile);
        assert_eq!(
            Origin::from_file("2026.toml"),
            Origin::Application("2026.toml".into())
        );
    }

    #[test]
    fn origins_round_trip_through_the_file() {
        let form = crate::form::builtin();
        let mut answers = Answers::new(&form);
        answers.set_origin("identite.administration", &Origin::Profile);
        answers.set_origin("identite.direction", &Origin::Application("profil".into()));
        let back = Answers::parse(&answers.to_toml_string(), "t").unwrap();
        assert_eq!(
            back.origin("identite.administration"),
            Some(Origin::Profile)
        );
        assert_eq!(
            back.origin("identite.direction"),
            Some(Origin::Application("profil".into()))
        );
    }
}
