//! The document promises, format by format: every section, French figures,
//! data sources and budget lines, escaping, drafts, strict mode (`formats`),
//! the PDF itself (`pdf`), user templates and the business case
//! (`templates`), several applications side by side (`compare`), the
//! OpenDocument text (`odt`), the pitch in every file type (`pitch`) and the
//! e-mail draft (`email`). PDF text is read back with lopdf, OpenDocument
//! with zip and roxmltree, the e-mail with mail-parser.

mod annex;
mod cited;
#[path = "../common/mod.rs"]
mod common;
mod compare;
mod email;
mod formats;
mod model;
mod odt;
mod pdf;
mod pitch;
mod templates;

use std::path::{Path, PathBuf};

use common::*;

pub const COMPLETE: [&str; 2] = ["assistant-srdt.toml", "tri-courriels-prefecture.toml"];
pub const FORMATS: [&str; 4] = ["md", "html", "pdf", "pitch"];

/// `fiche render FILE --format F -o -` as bytes, asserting exit 0.
pub fn render_bytes(file: &Path, format: &str, extra: &[&str]) -> Vec<u8> {
    let mut args = vec![
        "render",
        file.to_str().unwrap(),
        "--format",
        format,
        "-o",
        "-",
    ];
    args.extend_from_slice(extra);
    let out = fiche(&args);
    assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
    out.stdout
}

/// The text a reader sees: UTF-8 for text formats, extracted text for PDF.
pub fn render_text(file: &Path, format: &str) -> String {
    let bytes = render_bytes(file, format, &[]);
    if format == "pdf" {
        pdf_text(&bytes)
    } else {
        String::from_utf8(bytes).expect("text formats are UTF-8")
    }
}

pub fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf loads the PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text extraction")
}

/// Text without line breaks, spaces and hyphens, so a name that Typst wrapped
/// or hyphenated inside a table cell is still found.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .collect()
}

/// A document's words without the bold around some of them: `**` in
/// Markdown, tags in HTML (other formats have neither).
pub fn without_bold(text: &str) -> String {
    text.replace("**", "")
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, after)| after))
        .collect()
}

/// The rules of `selector` inside `block` (CSS without nested braces), as
/// `property: value` pairs.
pub fn css_rules<'a>(block: &'a str, selector: &str) -> Vec<(&'a str, &'a str)> {
    let start = block
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no rule for {selector}"));
    let body = &block[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(p, v)| (p.trim(), v.trim()))
        .collect()
}

/// `text` with each no-break space read as a space: the HTML documents
/// join a French sign to the word before it (« Budget\u{a0}: »), a search
/// for the words as written takes it as the space it is.
pub fn spaces_read(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// A file name longer than any column of the documents.
pub const LONG_FILE_NAME: &str =
    "export_base_nationale_des_controles_sanitaires_2019_2025_v3_final.csv";

/// The complete example whose one data source is named [`LONG_FILE_NAME`].
pub fn with_long_file_name_source() -> (tempfile::TempDir, PathBuf) {
    let mut source = toml::Table::new();
    source.insert("nom".into(), toml::Value::String(LONG_FILE_NAME.into()));
    source.insert("nature".into(), toml::Value::String("tableur".into()));
    source.insert(
        "acces".into(),
        toml::Value::String("interne_disponible".into()),
    );
    edited_example(
        "assistant-srdt.toml",
        &[(
            "donnees",
            "sources",
            toml::Value::Array(vec![toml::Value::Table(source)]),
        )],
    )
}

/// A copy of an example in a temp dir, with some answers replaced.
pub fn edited_example(
    name: &str,
    edits: &[(&str, &str, toml::Value)],
) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(example(name)).unwrap();
    let mut doc: toml::Table = toml::from_str(&text).unwrap();
    for (section, key, value) in edits {
        doc.get_mut(*section)
            .and_then(|s| s.as_table_mut())
            .unwrap()
            .insert(key.to_string(), value.clone());
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, toml::to_string(&doc).unwrap()).unwrap();
    (dir, path)
}
