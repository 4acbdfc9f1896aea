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
