//! The initiatives cited with `fiche parangonnage … --citer` appear as a
//! list under « Solutions existantes » in every document format: read back
//! as CommonMark (pulldown-cmark), HTML, OpenDocument (the list in
//! `content.xml` and its text) and PDF (the text lopdf extracts).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::common::*;
use crate::odt::{odt_part, odt_text};
use crate::*;

const LABEL: &str = "Solutions existantes dans l’administration (parangonnage)";
const FIRST: &str = "Aiguilleur de courriels du service des étrangers (Préfecture de la Gironde) : ce que nous en retenons : à compléter";
const SECOND: &str = "Classement des messages de la messagerie sécurisée (Direction générale des finances publiques) : ce que nous en retenons : à compléter";

/// The mail-sorting example with the first and third initiatives cited.
fn cited_application() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candidature.toml");
    std::fs::copy(example("tri-courriels-prefecture.toml"), &path).unwrap();
    let export = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parangonnage/initiatives.csv");
    let out = fiche(&[
        "parangonnage",
        path.to_str().unwrap(),
        export.to_str().unwrap(),
        "--citer",
        "1,3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (dir, path)
}

#[test]
fn markdown_lists_the_cited_initiatives_under_the_answer() {
    let (_dir, path) = cited_application();
    let md = render_text(&path, "md");
    // Text of each list item, and of the paragraphs, in document order.
    let mut blocks: Vec<(bool, String)> = Vec::new();
    let mut in_item = false;
    for event in Parser::new(&md) {
        match event {
            Event::Start(Tag::Item) => {
                in_item = true;
                blocks.push((true, String::new()));
            }
            Event::End(TagEnd::Item) => in_item = false,
            Event::Start(Tag::Paragraph) if !in_item => blocks.push((false, String::new())),
            Event::Text(t) => {
                if let Some(last) = blocks.last_mut() {
                    last.1.push_str(&t);
                }
            }
            _ => {}
        }
    }
    let label = blocks
        .iter()
        .position(|(item, text)| !item && text == LABEL)
        .unwrap_or_else(|| panic!("no « {LABEL} » paragraph in:\n{md}"));
    let after: Vec<&(bool, String)> = blocks[label + 1..].iter().collect();
    let first = after
        .iter()
        .position(|(item, text)| *item && text == FIRST)
        .unwrap_or_else(|| panic!("« {FIRST} » is not a list item in:\n{md}"));
    assert_eq!(after[first + 1], &(true, SECOND.to_string()), "{md}");
    // Between the label and the list, only the answer's own paragraph.
    assert!(after[..first].iter().all(|(item, _)| !item), "{md}");
    assert!(!md.contains("\\- Aiguilleur"), "not escaped as text: {md}");
}

#[test]
fn html_lists_the_cited_initiatives_under_the_answer() {
    let (_dir, path) = cited_application();
    let html = spaces_read(&render_text(&path, "html"));
    let start = html
        .find(&format!("<h3 class=\"question\">{LABEL}</h3>"))
        .unwrap_or_else(|| panic!("no heading in:\n{html}"));
    let block = &html[start..start + html[start..].find("</div>").unwrap()];
    let list = format!(
        "<ul>\n<li>{}</li>\n<li>{}</li>\n</ul>",
        html_escape(FIRST),
        html_escape(SECOND)
    );
    assert!(block.contains(&list), "{block}");
}

#[test]
fn odt_lists_the_cited_initiatives_under_the_answer() {
    let (_dir, path) = cited_application();
    let bytes = render_bytes(&path, "odt", &[]);
    let xml = odt_part(&bytes, "content.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let heading = doc
        .descendants()
        .find(|n| n.has_tag_name("h") && n.text() == Some(LABEL))
        .expect("the answer's heading");
    // `next_siblings` starts with the heading itself.
    let list = heading
        .next_siblings()
        .skip(1)
        .filter(|n| n.is_element())
        .take_while(|n| !n.has_tag_name("h"))
        .find(|n| n.has_tag_name("list"))
        .expect("a list under the heading");
    let items: Vec<String> = list
        .children()
        .filter(|n| n.has_tag_name("list-item"))
        .map(|item| {
            item.descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .map(spaces_read)
                .collect()
        })
        .collect();
    assert_eq!(items, [FIRST, SECOND]);
    let text = spaces_read(&odt_text(&bytes));
    assert!(text.contains(FIRST) && text.contains(SECOND), "{text}");
}

#[test]
fn pdf_shows_the_cited_initiatives_as_a_bulleted_list() {
    let (_dir, path) = cited_application();
    let text = pdf_text(&render_bytes(&path, "pdf", &[]));
    let flat = squash(&text);
    let label = flat.find(&squash(LABEL)).expect("the answer's heading");
    let first = flat[label..]
        .find(&squash(FIRST))
        .unwrap_or_else(|| panic!("« {FIRST} » after the heading in:\n{text}"));
    let second = flat[label..]
        .find(&squash(SECOND))
        .expect("the second entry");
    assert!(first < second);
    // Each entry follows a bullet, not a « - » typed as text.
    let before = &flat[label..label + first];
    assert!(
        before.ends_with('•'),
        "no bullet before the entry: …{}",
        &before[before.len().saturating_sub(80)..]
    );
}
