//! The PDF: valid, paginated, fonts embedded, answers shown literally.

use crate::common::*;
use crate::*;

#[test]
fn typst_markup_characters_in_answers_appear_literally_in_the_pdf() {
    let tricky =
        "Test #strong[gras] $x^2$ *étoile* _souligné_ @reference <label> [crochet] \\antislash";
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[
            (
                "probleme",
                "description",
                toml::Value::String(tricky.into()),
            ),
            ("identite", "slogan", toml::Value::String(tricky.into())),
            ("volume", "perimetre", toml::Value::String(tricky.into())),
        ],
    );
    let text = pdf_text(&render_bytes(&path, "pdf", &[]));
    let flat = squash(&text);
    for literal in [
        "#strong[gras]",
        "$x^2$",
        "*étoile*",
        "_souligné_",
        "@reference",
        "<label>",
        "[crochet]",
        "\\antislash",
    ] {
        assert!(
            flat.matches(&squash(literal)).count() >= 3,
            "« {literal} » is not shown literally three times in:\n{text}"
        );
    }
}

#[test]
fn pdf_of_a_complete_example_is_valid_multipage_with_embedded_fonts() {
    for name in COMPLETE {
        let bytes = render_bytes(&example(name), "pdf", &[]);
        assert!(bytes.starts_with(b"%PDF-"), "{name}");
        let doc = lopdf::Document::load_mem(&bytes).expect("valid PDF");
        assert!(
            doc.get_pages().len() >= 2,
            "{name}: {} page(s)",
            doc.get_pages().len()
        );
        let embedded = doc.objects.values().any(|o| {
            let dict = match o {
                lopdf::Object::Dictionary(d) => d,
                lopdf::Object::Stream(s) => &s.dict,
                _ => return false,
            };
            dict.has(b"FontFile2") || dict.has(b"FontFile3")
        });
        assert!(embedded, "{name}: fonts are not embedded");
        let text = pdf_text(&bytes);
        assert!(text.contains("page 1 sur"), "{name}: page numbers");
        assert!(text.contains("fiche générée le"), "{name}: footer");
    }
}

#[test]
fn pdf_goes_to_stdout_as_bytes() {
    let bytes = render_bytes(&example("tri-courriels-prefecture.toml"), "pdf", &[]);
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
}

/// The `ToUnicode` map of the embedded font whose name ends with `family`,
/// upper-case: which characters that font's glyphs draw.
fn font_to_unicode(doc: &lopdf::Document, family: &str) -> Option<String> {
    doc.objects.values().find_map(|o| {
        let lopdf::Object::Dictionary(d) = o else {
            return None;
        };
        let name = d.get(b"BaseFont").ok()?.as_name().ok()?;
        if !String::from_utf8_lossy(name).ends_with(family) {
            return None;
        }
        let id = d.get(b"ToUnicode").ok()?.as_reference().ok()?;
        let map = doc.get_object(id).ok()?.as_stream().ok()?;
        let bytes = map.decompressed_content().ok()?;
        Some(String::from_utf8_lossy(&bytes).to_uppercase())
    })
}

/// Emoji in answers used to print as empty boxes: none of Typst's fonts has
/// them (the text layer had the emoji, the page an empty box). They are
/// drawn with the embedded Noto Emoji, whose glyphs map back to the emoji
/// (U+1F680 is D83D DE80 in UTF-16).
#[test]
fn emoji_in_answers_are_drawn_with_an_emoji_font() {
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[
            (
                "identite",
                "nom_produit",
                toml::Value::String("Assistant SRDT 🚀".into()),
            ),
            (
                "probleme",
                "description",
                toml::Value::String("Des usagers déçus 😞, des idées 💡.".into()),
            ),
        ],
    );
    for format in ["pdf", "pitch-pdf"] {
        let bytes = render_bytes(&path, format, &[]);
        let doc = lopdf::Document::load_mem(&bytes).expect("valid PDF");
        let map = font_to_unicode(&doc, "NotoEmoji")
            .unwrap_or_else(|| panic!("{format}: no emoji font embedded"));
        for (emoji, utf16) in [('🚀', "D83DDE80"), ('😞', "D83DDE1E"), ('💡', "D83DDCA1")] {
            assert!(
                map.contains(utf16),
                "{format}: {emoji} not drawn by the emoji font"
            );
        }
        let text = pdf_text(&bytes);
        assert!(
            squash(&text).contains("AssistantSRDT🚀"),
            "{format}: {text}"
        );
    }
    // Text without emoji does not embed the font.
    let bytes = render_bytes(&example("assistant-srdt.toml"), "pitch-pdf", &[]);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert_eq!(font_to_unicode(&doc, "NotoEmoji"), None);
}

/// A bidi override in an answer reversed the rest of its line in the PDF
/// and the ODT, while the HTML and Markdown showed it as `<U+202E>`; an
/// escape character was dropped there and shown as `␛` here (`<ESC>` in
/// the PDF, whose fonts have no `␛`).
#[test]
fn controls_in_answers_are_shown_alike_in_every_format() {
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[(
            "volume",
            "perimetre",
            toml::Value::String("Lyon \u{202e}exe.txt \u{1b}[31m fin".into()),
        )],
    );
    for (format, text) in crate::model::document_texts(&path) {
        // As a reader sees it: without the Markdown's or the HTML's escapes.
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace('\\', "");
        assert!(text.contains("Lyon <U+202E>exe.txt "), "{format}: {text}");
        // The PDF's fonts have no glyph for ␛ (it printed as an empty box):
        // the PDF names it.
        if format.ends_with("pdf") {
            assert!(text.contains("exe.txt <ESC>[31m fin"), "{format}: {text}");
            assert!(!text.contains('␛'), "{format}: {text}");
        } else {
            assert!(text.contains("exe.txt ␛[31m fin"), "{format}: {text}");
        }
        assert!(!text.contains('\u{202e}'), "{format}");
        assert!(!text.contains('\u{1b}'), "{format}");
    }
}

/// A word longer than its column (a file name, an identifier, a web address
/// without a slash for a while) is cut into pieces that wrap, in the sources
/// table of the fiche and in the pitch: drawn whole, it ran past its column
/// over the next one, or off the page. The text read back from the PDF
/// keeps every character, with no invisible character added.
#[test]
fn a_word_longer_than_its_column_wraps_instead_of_running_over() {
    let file_name = LONG_FILE_NAME;
    let (_dir, path) = with_long_file_name_source();
    for format in ["pdf", "pitch-pdf"] {
        let text = pdf_text(&render_bytes(&path, format, &[]));
        assert!(
            squash(&text).contains(file_name),
            "{format}: the file name lost characters:\n{text}"
        );
        assert!(
            !text.lines().any(|line| line.contains(file_name)),
            "{format}: the file name is drawn on one line, past its column:\n{text}"
        );
        assert!(
            !text.contains('\u{200B}'),
            "{format}: invisible characters added"
        );
    }
}
