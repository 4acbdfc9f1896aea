//! A form file as written, before any check: the shape `toml` reads it
//! into, with the position of what error messages point at.
//!
//! This file is also compiled into the build script (`build.rs`), which
//! reads the built-in form with it and writes it out as Rust code, so that
//! the binary does not parse its own questionnaire at every start. It may
//! therefore only use `serde` and `toml`.

use std::borrow::Cow;

use serde::Deserialize;
use toml::Spanned;

/// A text of the form: borrowed from the binary for the built-in form
/// (written out by `build.rs`), owned for a form read from a file.
pub type Text = Cow<'static, str>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForm {
    pub form: RawMeta,
    pub coach: Option<Spanned<toml::Table>>,
    pub sections: Vec<RawSection>,
    #[serde(default)]
    pub migrations: Vec<RawMigration>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: String,
    pub version: u32,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    pub contact: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: Text,
    pub intro: Option<Text>,
    pub document_title: Option<Text>,
    #[serde(default)]
    pub addition: bool,
    pub questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    pub label: Text,
    pub document_label: Option<Text>,
    pub document_group: Option<Text>,
    #[serde(default)]
    pub model_prompt: bool,
    #[serde(default)]
    pub help: Text,
    pub guidance: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    #[serde(default)]
    pub required: bool,
    pub when: Option<Spanned<String>>,
    pub max_length: Option<usize>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_items: Option<usize>,
    pub default: Option<toml::Value>,
    #[serde(default)]
    pub reusable: bool,
    pub placeholder: Option<Text>,
    #[serde(default)]
    pub choices: Vec<RawChoice>,
    #[serde(default)]
    pub fields: Vec<RawQuestion>,
    pub since: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub key: String,
    pub label: Text,
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMigration {
    pub version: u32,
    /// Old id → new id; spanned for the line of a value that is not an id.
    pub renamed: Option<Spanned<toml::Table>>,
    #[serde(default)]
    pub removed: Vec<String>,
}
