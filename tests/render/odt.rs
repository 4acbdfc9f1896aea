//! The OpenDocument text: a valid package (mimetype first and stored, every
//! XML part well formed), true headings with outline levels, tables for
//! repeatable blocks and the business case, metadata, drafts, escaping and
//! user templates.

use std::io::Read;

use crate::common::*;
use crate::*;

const TEXT_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const STYLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

const PARTS: [&str; 5] = [
    "mimetype",
    "content.xml",
    "styles.xml",
    "meta.xml",
    "META-INF/manifest.xml",
];

/// The entries of an `.odt`, in archive order: name, stored?, bytes.
pub fn odt_entries(bytes: &[u8]) -> Vec<(String, bool, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the .odt unzips");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            let stored = entry.compression() == zip::CompressionMethod::Stored;
            (entry.name().unwrap().to_string(), stored, data)
        })
        .collect()
}

/// One part of an `.odt` as UTF-8 text.
pub fn odt_part(bytes: &[u8], name: &str) -> String {
    let (_, _, data) = odt_entries(bytes)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing"));
    String::from_utf8(data).expect("XML parts are UTF-8")
}

/// The text a reader sees in `content.xml`: one line per paragraph or
/// heading, line breaks kept.
pub fn odt_text(bytes: &[u8]) -> String {
    let xml = odt_part(bytes, "content.xml");
    let doc = roxmltree::Document::parse(&xml).expect("content.xml parses");
    let mut out = String::new();
    collect_text(doc.root(), &mut out);
    out
}

fn collect_text(node: roxmltree::Node, out: &mut String) {
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
            continue;
        }
        let tag = child.tag_name();
        if tag.namespace() == Some(TEXT_NS) {
            match tag.name() {
                "line-break" => out.push('\n'),
                "tab" => out.push('\t'),
                "s" => out.push(' '),
                _ => {}
            }
        }
        collect_text(child, out);
        if tag.namespace() == Some(TEXT_NS) && matches!(tag.name(), "p" | "h") {
            out.push('\n');
        }
    }
}

/// Headings of `content.xml`: (outline level, text).
fn headings(bytes: &[u8]) -> Vec<(u32, String)> {
    let xml = odt_part(bytes, "content.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((TEXT_NS, "h")))
        .map(|h| {
            let level = h
                .attribute((TEXT_NS, "outline-level"))
                .unwrap_or_else(|| panic!("heading without outline level: {h:?}"))
                .parse()
                .unwrap();
            let mut text = String::new();
            collect_text(h, &mut text);
            (level, text)
        })
        .collect()
}

#[test]
fn the_odt_is_a_valid_package_with_mimetype_first_and_stored() {
    for name in COMPLETE.iter().chain(&["brouillon-incomplet.toml"]) {
        for format in ["odt", "pitch-odt"] {
            let bytes = render_bytes(&example(name), format, &[]);
            let entries = odt_entries(&bytes);
            let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
            assert_eq!(names, PARTS, "{name} {format}");
            let (_, stored, mimetype) = &entries[0];
            assert!(*stored, "{name} {format}: mimetype is compressed");
            assert_eq!(mimetype, b"application/vnd.oasis.opendocument.text");
            // The mimetype's bytes sit at a fixed offset, as OpenDocument
            // requires for detection by magic number.
            assert_eq!(&bytes[30..38], b"mimetype", "{name} {format}");
            assert_eq!(&bytes[38..77], b"application/vnd.oasis.opendocument.text");
            for (part, _, data) in &entries[1..] {
                let xml = std::str::from_utf8(data).unwrap();
                if let Err(e) = roxmltree::Document::parse(xml) {
                    panic!("{name} {format}: {part} does not parse: {e}\n{xml}");
                }
            }
            let manifest = odt_part(&bytes, "META-INF/manifest.xml");
            for part in &PARTS[1..4] {
                assert!(
                    manifest.contains(&format!("manifest:full-path=\"{part}\"")),
                    "{part}"
                );
            }
        }
    }
}

#[test]
fn headings_carry_outline_levels_and_follow_the_sections() {
    let form = fiche::form::builtin();
    for name in COMPLETE {
        let bytes = render_bytes(&example(name), "odt", &[]);
        let headings = headings(&bytes);
        let level_one: Vec<String> = headings
            .iter()
            .filter(|(level, _)| *level == 1)
            .map(|(_, text)| spaces_read(text.trim()))
            .collect();
        // The fiche model's own headings, the project's additions said so.
        let sections: Vec<String> = form
            .sections
            .iter()
            .map(|s| fiche::render::context::section_heading(s).to_string())
            .collect();
        assert_eq!(level_one, sections, "{name}");
        for level in [2, 3] {
            assert!(
                headings.iter().any(|(l, _)| *l == level),
                "{name}: no heading of level {level}"
            );
        }
        // The model's sub-headings (Ressources nécessaires…) are level 2.
        assert!(
            headings.contains(&(2, "Ressources nécessaires".to_string())),
            "{name}: {headings:?}"
        );
        // The heading styles are declared with the same outline levels, so
        // the navigator and a table of contents pick them up.
        let styles = odt_part(&bytes, "styles.xml");
        let doc = roxmltree::Document::parse(&styles).unwrap();
        for level in 1..=3 {
            let style = doc
                .descendants()
                .find(|n| n.attribute((STYLE_NS, "name")) == Some(&format!("Heading_20_{level}")))
                .unwrap_or_else(|| panic!("Heading_20_{level} not declared"));
            assert_eq!(
                style.attribute((STYLE_NS, "default-outline-level")),
                Some(level.to_string().as_str())
            );
        }
    }
}

#[test]
fn repeatable_blocks_and_the_business_case_are_tables() {
    let bytes = render_bytes(&example("assistant-srdt.toml"), "odt", &[]);
    let xml = odt_part(&bytes, "content.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let table = |name: &str| {
        doc.descendants()
            .find(|n| {
                n.has_tag_name((TABLE_NS, "table")) && n.attribute((TABLE_NS, "name")) == Some(name)
            })
            .unwrap_or_else(|| panic!("table {name} missing"))
    };
    let rows = |t: roxmltree::Node| {
        t.descendants()
            .filter(|n| n.has_tag_name((TABLE_NS, "table-row")))
            .count()
    };
    let answers = fiche::Answers::load(&example("assistant-srdt.toml")).unwrap();
    let sources = answers.get("donnees.sources").unwrap();
    assert_eq!(
        rows(table("donnees.sources")),
        sources.as_array().unwrap().len() + 1,
        "a header row and one row per source"
    );
    assert_eq!(
        rows(table("deploiement.plan_6_mois")),
        answers
            .get("deploiement.plan_6_mois")
            .unwrap()
            .as_array()
            .unwrap()
            .len()
            + 1
    );
    let mut budget = String::new();
    collect_text(table("tco.postes"), &mut budget);
    assert!(budget.contains("Total (budget annuel)"), "{budget}");
    assert!(budget.contains(&format!("300{NBSP}000{NBSP}€")), "{budget}");
    let mut business_case = String::new();
    collect_text(table("Bilan"), &mut business_case);
    for figure in [
        format!("57{NBSP}500{NBSP}h"),
        format!("1{NBSP}610{NBSP}143{NBSP}€"),
        format!("1{NBSP}310{NBSP}143{NBSP}€"),
    ] {
        assert!(
            business_case.contains(&figure),
            "{figure} in {business_case}"
        );
    }
}

#[test]
fn meta_gives_the_title_and_the_author() {
    let bytes = render_bytes(&example("assistant-srdt.toml"), "odt", &[]);
    let xml = odt_part(&bytes, "meta.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let field = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name((DC_NS, name)))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("title"), "Fiche action – Assistant SRDT");
    assert_eq!(field("creator"), "Camille Durand");
    assert_eq!(field("language"), "fr-FR");
    let pitch = render_bytes(&example("assistant-srdt.toml"), "pitch-odt", &[]);
    assert!(odt_part(&pitch, "meta.xml").contains("<dc:title>Pitch – Assistant SRDT</dc:title>"));
}

#[test]
fn a_draft_odt_is_marked_and_lists_what_is_missing() {
    let bytes = render_bytes(&example("brouillon-incomplet.toml"), "odt", &[]);
    let text = spaces_read(&odt_text(&bytes));
    assert!(text.contains("BROUILLON – Assistant de réponse"), "{text}");
    assert!(text.contains("BROUILLON : fiche incomplète"));
    assert!(headings(&bytes).contains(&(1, "Annexe\u{a0}: ce qui manque encore".to_string())));
    for id in [
        "identite.slogan",
        "identite.chef_produit_email",
        "donnees.sources",
    ] {
        assert!(text.contains(id), "{id} not in the annex");
    }
    // Every page's header says so too.
    assert!(odt_part(&bytes, "styles.xml").contains(">BROUILLON</text:p></style:header>"));
    assert!(odt_part(&bytes, "meta.xml").contains("<dc:title>BROUILLON – Fiche action"));

    let complete = render_bytes(&example("assistant-srdt.toml"), "odt", &[]);
    assert!(!odt_text(&complete).contains("BROUILLON"));
    assert!(!odt_part(&complete, "styles.xml").contains("BROUILLON"));
}

#[test]
fn a_hostile_answer_stays_text_in_every_part() {
    let hostile = "</text:p></office:text> <![CDATA[x]]> & &amp; ]]> <text:h text:outline-level=\"1\">faux titre</text:h>\u{0}\u{7}\u{1b}[31m\u{8}\u{b}\u{c}\u{fffe}fin";
    // Shown as in the HTML and Markdown documents: controls by their symbol.
    let shown = "</text:p></office:text> <![CDATA[x]]> & &amp; ]]> <text:h text:outline-level=\"1\">faux titre</text:h>␀␇␛[31m␈␋␌fin";
    // Metadata nobody reads character by character: controls left out.
    let in_metadata = "</text:p></office:text> <![CDATA[x]]> & &amp; ]]> <text:h text:outline-level=\"1\">faux titre</text:h>[31mfin";
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[
            (
                "identite",
                "nom_produit",
                toml::Value::String(hostile.into()),
            ),
            (
                "identite",
                "chef_produit_nom",
                toml::Value::String(hostile.into()),
            ),
            (
                "probleme",
                "description",
                toml::Value::String(hostile.into()),
            ),
            ("volume", "perimetre", toml::Value::String(hostile.into())),
        ],
    );
    for format in ["odt", "pitch-odt"] {
        let bytes = render_bytes(&path, format, &[]);
        for part in ["content.xml", "styles.xml", "meta.xml"] {
            let xml = odt_part(&bytes, part);
            if let Err(e) = roxmltree::Document::parse(&xml) {
                panic!("{format}: {part} broken by an answer: {e}");
            }
        }
        let text = odt_text(&bytes);
        assert!(
            text.matches(shown).count() >= 3,
            "{format}: the answer is not shown as text:\n{text}"
        );
        assert!(
            !headings(&bytes).iter().any(|(_, h)| h == "faux titre"),
            "{format}: an answer made a heading"
        );
        let meta = odt_part(&bytes, "meta.xml");
        let doc = roxmltree::Document::parse(&meta).unwrap();
        let creator = doc
            .descendants()
            .find(|n| n.has_tag_name((DC_NS, "creator")))
            .and_then(|n| n.text())
            .unwrap();
        assert_eq!(creator, in_metadata);
    }
}

#[test]
fn a_user_template_replaces_content_xml_and_styles_xml() {
    let dir = tempfile::tempdir().unwrap();
    let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"><office:body><office:text><text:p>Ma fiche : {{ product }}</text:p></office:text></office:body></office:document-content>\n";
    std::fs::write(dir.path().join("fiche.odt.xml.j2"), content).unwrap();
    let templates = dir.path().to_str().unwrap();
    let bytes = render_bytes(
        &example("assistant-srdt.toml"),
        "odt",
        &["--templates", templates],
    );
    assert_eq!(
        spaces_read(&odt_text(&bytes)),
        "Ma fiche : Assistant SRDT\n"
    );
    // The built-in styles are kept until the folder has its own.
    assert!(odt_part(&bytes, "styles.xml").contains("Heading_20_1"));

    std::fs::write(
        dir.path().join("styles.odt.xml.j2"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:version=\"1.3\">{% if true %}\n</office:document-styles>\n",
    )
    .unwrap();
    let out = fiche(&[
        "render",
        &example_str("assistant-srdt.toml"),
        "--format",
        "odt",
        "-o",
        "-",
        "--templates",
        templates,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("styles.odt.xml.j2"), "{err}");
    assert!(err.contains("ligne"), "{err}");
}

#[test]
fn lines_kept_as_written_are_not_stretched_by_justification() {
    // A justified line ending in a manual break is spread across the page
    // by LibreOffice and Word: such a paragraph uses the left-aligned body
    // style, which styles.xml declares.
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[(
            "probleme",
            "description",
            toml::Value::String("Constat :\nles agents attendent\net relancent".into()),
        )],
    );
    let bytes = render_bytes(&path, "odt", &[]);
    let content = odt_part(&bytes, "content.xml");
    let doc = roxmltree::Document::parse(&content).unwrap();
    let paragraph = doc
        .descendants()
        .find(|n| n.has_tag_name((TEXT_NS, "p")) && n.text() == Some("Constat\u{a0}:"))
        .expect("the description's paragraph");
    let style = paragraph.attribute((TEXT_NS, "style-name")).unwrap();
    assert_eq!(style, "Text_20_body_20_lines");
    let styles = odt_part(&bytes, "styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let declared = styles
        .descendants()
        .find(|n| n.attribute((STYLE_NS, "name")) == Some(style))
        .expect("the style is declared");
    let align = declared.descendants().find_map(|n| {
        n.attribute((
            "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
            "text-align",
        ))
    });
    assert_eq!(align, Some("start"));
}

const FO_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

/// An OpenDocument length in points (`9.5pt`, `1.2cm`).
fn points(length: &str) -> f64 {
    let number = |unit: &str| {
        length
            .strip_suffix(unit)
            .and_then(|n| n.parse::<f64>().ok())
    };
    number("pt")
        .or_else(|| number("cm").map(|cm| cm * 72.0 / 2.54))
        .unwrap_or_else(|| panic!("« {length} » is not a length in pt or cm"))
}

/// The `fo:` attribute `name` of the first element under the style (or page
/// layout) called `style` in `styles.xml`; for the default paragraph style,
/// `style` is `default`.
fn fo_property(styles: &roxmltree::Document, style: &str, name: &str) -> String {
    let node = styles
        .descendants()
        .find(|n| match style {
            "default" => n.has_tag_name((STYLE_NS, "default-style")),
            _ => n.attribute((STYLE_NS, "name")) == Some(style),
        })
        .unwrap_or_else(|| panic!("style {style} missing"));
    node.descendants()
        .find_map(|n| n.attribute((FO_NS, name)))
        .unwrap_or_else(|| panic!("{style}: no fo:{name}"))
        .to_string()
}

/// Opened in LibreOffice, the OpenDocument pitch of each example holds on
/// one A4 page: body 9.5 pt at 110 % line height, 12 pt headings set
/// closer, 1 × 1.7 cm margins. With the fiche's styles (10.5 pt, 125 %,
/// 15 pt headings 0.8 cm apart, 1.5 × 2 cm margins) it took two. No office
/// suite runs in the tests: this keeps the pitch's own styles, and the
/// fiche's.
#[test]
fn the_odt_pitch_keeps_the_styles_that_hold_on_one_page() {
    let file = example("assistant-srdt.toml");
    let pitch_bytes = render_bytes(&file, "pitch-odt", &[]);
    let pitch_xml = odt_part(&pitch_bytes, "styles.xml");
    let pitch = roxmltree::Document::parse(&pitch_xml).unwrap();
    let size = |style: &str, name: &str| points(&fo_property(&pitch, style, name));

    let body = size("default", "font-size");
    assert!(
        (9.0..=9.5).contains(&body),
        "pitch body of {body} pt: under 9 pt is hard to read, over 9.5 pt spills onto a second page"
    );
    assert_eq!(fo_property(&pitch, "Text_20_body", "line-height"), "110%");
    assert!(size("Heading_20_1", "font-size") <= 12.0);
    assert!(size("Heading_20_1", "margin-top") <= points("0.3cm") + 0.01);
    let margins =
        ["margin-top", "margin-bottom", "margin-left", "margin-right"].map(|m| size("A4", m));
    assert!(
        margins[0] + margins[1] <= points("2cm") + 0.01
            && margins[2] + margins[3] <= points("3.4cm") + 0.01,
        "pitch page margins {margins:?} pt"
    );
    // The pitch is masculine: « généré le » in its footer.
    assert!(spaces_read(&pitch_xml).contains("Pitch : Assistant SRDT – généré le"));

    // The fiche, many pages long anyway, keeps its larger type.
    let fiche_bytes = render_bytes(&file, "odt", &[]);
    let fiche_xml = odt_part(&fiche_bytes, "styles.xml");
    let fiche = roxmltree::Document::parse(&fiche_xml).unwrap();
    assert_eq!(fo_property(&fiche, "default", "font-size"), "10.5pt");
    assert_eq!(fo_property(&fiche, "Text_20_body", "line-height"), "125%");
    assert!(fiche_xml.contains("Assistant SRDT – générée le"));
}

#[test]
fn meta_leaves_out_bidi_controls_and_zero_width_characters() {
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[(
            "identite",
            "nom_produit",
            toml::Value::String("Assis\u{202e}tant\u{200b} SRDT\u{2066}\u{feff}".into()),
        )],
    );
    for (format, title) in [
        ("odt", "Fiche action – Assistant SRDT"),
        ("pitch-odt", "Pitch – Assistant SRDT"),
    ] {
        let bytes = render_bytes(&path, format, &[]);
        let meta = odt_part(&bytes, "meta.xml");
        assert!(
            meta.contains(&format!("<dc:title>{title}</dc:title>")),
            "{format}: {meta}"
        );
    }
}

#[test]
fn lines_never_start_with_a_high_sign_nor_end_with_an_opening_quote() {
    for name in COMPLETE {
        for format in ["odt", "pitch-odt"] {
            let text = odt_text(&render_bytes(&example(name), format, &[]));
            for breaking in [" :", " ;", " !", " ?", " »", "« "] {
                assert!(
                    !text.contains(breaking),
                    "{name} {format}: « {breaking} » with an ordinary space in {text}"
                );
            }
            assert!(
                text.contains("\u{a0}:"),
                "{name} {format}: no no-break space before a colon"
            );
        }
    }
}
