//! Item 10: an answer is text in every document. The Markdown is read back
//! with a CommonMark parser (pulldown-cmark): the heading tree, the section
//! count, links, images, HTML and code blocks do not depend on the answers.
//! The HTML is checked the same way on its tags.

use fiche::render::{Format, Renderer};
use fiche::{Answers, Form};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Every trick of the issue, in one answer.
pub const HOSTILE: &str = "Nom\n\n<script>alert(1)</script>\n\n# Faux titre\n\
<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![p](https://evil.example/p.png)\n\
<https://evil.example> **gras** _it_ `code`\n\
| a | b |\n|---|---|\n| c | d |\n\
Titre\n===\n\nSous-titre\n---\n\n    indented code\n\n\
[ref]: https://evil.example\n[x][ref] [^1]\n\n[^1]: note\n\
<!-- commentaire\n<div>\n## dans html\n</div>\n\
> citation\n> # titre cité\n1. liste\n2) liste\n- puce\n+ plus\n* étoile\n\
~~~\nfence tilde\n$$\nmath\n$$\na\r# titre après CR\nTerme\n: définition\n\
\\# barre oblique \\\n```\nfence jamais fermée";

/// What a reader's Markdown tool makes of a document, minus its text.
#[derive(Debug, PartialEq)]
pub struct Structure {
    /// `(level, text)`; the H1's text (the product name) is replaced by `H1`.
    pub headings: Vec<(u8, String)>,
    pub links: Vec<String>,
    pub images: usize,
    pub html: Vec<String>,
    pub code_blocks: usize,
    pub tables: usize,
    pub footnotes: usize,
}

/// Headings of the drafts' annex and of its parts, present or not
/// depending on findings.
const ANNEXES: &[&str] = &[
    "Annexe : ce qui manque encore",
    "Réponses obligatoires manquantes",
    "Réponses à corriger",
    "Points relevés par le coach de pitch",
];

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_WIKILINKS
}

pub fn structure(markdown: &str) -> Structure {
    let mut s = Structure {
        headings: Vec::new(),
        links: Vec::new(),
        images: 0,
        html: Vec::new(),
        code_blocks: 0,
        tables: 0,
        footnotes: 0,
    };
    let mut heading: Option<(u8, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level_number(level), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    let text = if level == 1 { "H1".into() } else { text };
                    s.headings.push((level, text));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = heading.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => s.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { .. }) => s.images += 1,
            // fiche's own line breaks in table cells are the only HTML.
            Event::Html(h) | Event::InlineHtml(h) if h.as_ref() != "<br>" => {
                s.html.push(h.to_string())
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented)) => {
                s.code_blocks += 1
            }
            Event::Start(Tag::Table(_)) => s.tables += 1,
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => {
                s.footnotes += 1
            }
            _ => {}
        }
    }
    s
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// The structure without the annexes' headings, which depend on what the
/// coach finds; those present must be known annexes.
pub fn without_annexes(mut s: Structure) -> Structure {
    for (_, text) in &s.headings {
        assert!(
            !text.starts_with("Annexe") || ANNEXES.contains(&text.as_str()),
            "unknown annex heading: {text}"
        );
    }
    s.headings.retain(|(_, t)| !ANNEXES.contains(&t.as_str()));
    s
}

/// The example application with every text-like answer (texts, e-mails,
/// addresses, choices, list fields) replaced by `payload(id)`. Numbers and
/// yes/no answers are kept, so the business case keeps its shape.
pub fn with_every_text(form: &Form, payload: &dyn Fn(&str) -> String) -> Answers {
    use fiche::form::Kind;
    let path = common::example("assistant-srdt.toml");
    let mut answers = Answers::load(&path).unwrap();
    for (section, q) in form.questions() {
        let id = format!("{}.{}", section.id, q.id);
        let value = match q.kind {
            Kind::Text | Kind::Long | Kind::Email | Kind::Url | Kind::Choice => {
                toml::Value::String(payload(&id))
            }
            Kind::Multi => toml::Value::Array(vec![toml::Value::String(payload(&id))]),
            Kind::List => {
                let item: toml::Table = q
                    .fields
                    .iter()
                    .filter(|f| !f.kind.is_numeric() && f.kind != Kind::Bool)
                    .map(|f| {
                        let v = payload(&format!("{id}.{}", f.id));
                        (f.id.clone(), toml::Value::String(v))
                    })
                    .collect();
                toml::Value::Array(vec![
                    toml::Value::Table(item.clone()),
                    toml::Value::Table(item),
                ])
            }
            _ => continue,
        };
        answers.set(&id, Some(value)).unwrap();
    }
    answers
}

use super::common;

pub fn render(form: &Form, answers: &Answers, format: Format) -> String {
    Renderer::new(None)
        .render(form, answers, format, false)
        .unwrap_or_else(|e| panic!("{format:?}: {e}"))
}

/// The reference: the same shape of answers, ordinary text.
pub fn reference(form: &Form, format: Format) -> String {
    render(
        form,
        &with_every_text(form, &|_| "texte ordinaire".into()),
        format,
    )
}

/// Asserts that `answers` give a Markdown document shaped like `reference`.
pub fn assert_same_markdown_structure(reference: &str, document: &str) {
    let expected = without_annexes(structure(reference));
    let got = without_annexes(structure(document));
    assert_eq!(
        got.headings.iter().filter(|(l, _)| *l == 1).count(),
        1,
        "one H1:\n{document}"
    );
    assert_eq!(got, expected, "document:\n{document}");
}

/// The opening tags of an HTML document, in order.
pub fn html_tags(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !name.is_empty() {
            out.push(name.to_ascii_lowercase());
        }
    }
    out
}

/// `<h1>`…`<h3>` of an HTML document with their text (the H1's replaced).
pub fn html_headings(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for level in ["h2", "h3"] {
        let open = format!("<{level}");
        let mut rest = html;
        while let Some(i) = rest.find(&open) {
            rest = &rest[i..];
            let end = rest.find(&format!("</{level}>")).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out.push(format!("h1 × {}", html.matches("<h1").count()));
    out
}

pub fn assert_same_html_structure(reference: &str, document: &str) {
    let allowed: std::collections::BTreeSet<String> = html_tags(reference).into_iter().collect();
    for tag in html_tags(document) {
        assert!(allowed.contains(&tag), "new tag <{tag}> in:\n{document}");
    }
    let strip = |hs: Vec<String>| -> Vec<String> {
        hs.into_iter()
            .filter(|h| !ANNEXES.iter().any(|a| h.contains(a)))
            .collect()
    };
    assert_eq!(
        strip(html_headings(document)),
        strip(html_headings(reference))
    );
}

#[test]
fn hostile_answers_do_not_change_the_markdown_documents() {
    let form = fiche::form::builtin();
    let answers = with_every_text(&form, &|_| HOSTILE.to_string());
    for format in [Format::Markdown, Format::Pitch] {
        let document = render(&form, &answers, format);
        assert_same_markdown_structure(&reference(&form, format), &document);
        let s = structure(&document);
        assert_eq!(s.images, 0, "{format:?}");
        assert!(s.html.is_empty(), "{format:?}: raw HTML {:?}", s.html);
        // The only link is the incubator's address, from the form.
        assert!(
            s.links
                .iter()
                .all(|l| Some(l.as_str()) == form.contact.as_deref()),
            "{:?}",
            s.links
        );
    }
}

#[test]
fn the_product_name_stays_in_the_h1() {
    let form = fiche::form::builtin();
    let mut answers = with_every_text(&form, &|_| "texte".into());
    answers
        .set(
            "identite.nom_produit",
            Some(toml::Value::String(
                "Nom\n\n<script>alert(1)</script>\n\n# Faux titre".into(),
            )),
        )
        .unwrap();
    let md = render(&form, &answers, Format::Markdown);
    let h1: Vec<String> = {
        let mut out = Vec::new();
        let mut inside = false;
        for event in Parser::new_ext(&md, options()) {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }) => {
                    inside = true;
                    out.push(String::new());
                }
                Event::End(TagEnd::Heading(HeadingLevel::H1)) => inside = false,
                Event::Text(t) if inside => out.last_mut().unwrap().push_str(&t),
                _ => {}
            }
        }
        out
    };
    assert_eq!(h1.len(), 1, "{md}");
    assert!(
        h1[0].starts_with("Nom <script>alert(1)</script> # Faux titre"),
        "{}",
        h1[0]
    );
}

#[test]
fn an_unclosed_fence_does_not_swallow_the_sections() {
    let form = fiche::form::builtin();
    let mut answers = Answers::load(&common::example("assistant-srdt.toml")).unwrap();
    let before = structure(&render(&form, &answers, Format::Markdown));
    answers
        .set(
            "probleme.description",
            Some(toml::Value::String("Voici :\n```\nrm -rf /".into())),
        )
        .unwrap();
    let after = structure(&render(&form, &answers, Format::Markdown));
    assert_eq!(after.headings, before.headings);
    assert_eq!(after.code_blocks, 0);
    assert!(before.headings.iter().filter(|(l, _)| *l == 2).count() >= 14);
}

#[test]
fn line_breaks_of_an_answer_are_kept() {
    let form = fiche::form::builtin();
    let mut answers = Answers::load(&common::example("assistant-srdt.toml")).unwrap();
    answers
        .set(
            "probleme.description",
            Some(toml::Value::String(
                "première ligne\ndeuxième ligne\n- un point\n- un autre".into(),
            )),
        )
        .unwrap();
    let md = render(&form, &answers, Format::Markdown);
    let html = {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, Parser::new_ext(&md, options()));
        out
    };
    assert!(
        html.contains("première ligne<br />\ndeuxième ligne"),
        "{html}"
    );
    // Lines starting with « - » are the list the user wrote.
    assert!(
        html.contains("<ul>\n<li>un point</li>\n<li>un autre</li>\n</ul>"),
        "{html}"
    );
}

#[test]
fn hostile_answers_do_not_change_the_html_document() {
    let form = fiche::form::builtin();
    let answers = with_every_text(&form, &|_| HOSTILE.to_string());
    let html = render(&form, &answers, Format::Html);
    assert_same_html_structure(&reference(&form, Format::Html), &html);
    assert!(!html.contains("<script"));
}
