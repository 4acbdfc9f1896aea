//! The pitch in every file type (`--format pitch-md|pitch-html|pitch-pdf|
//! pitch-odt`, `pitch` kept as the Markdown's former name): the same five
//! points, the business case and the draft annex.

use crate::common::*;
use crate::odt::odt_text;
use crate::*;

pub const PITCH_FORMATS: [&str; 4] = ["pitch-md", "pitch-html", "pitch-pdf", "pitch-odt"];

/// What a reader of the pitch sees, whatever its file type.
fn pitch_text(file: &std::path::Path, format: &str) -> String {
    let bytes = render_bytes(file, format, &[]);
    match format {
        "pitch-pdf" => pdf_text(&bytes),
        "pitch-odt" => odt_text(&bytes),
        _ => String::from_utf8(bytes).unwrap(),
    }
}

#[test]
fn every_pitch_format_has_the_five_points_and_the_business_case() {
    for name in COMPLETE {
        for format in PITCH_FORMATS {
            let text = pitch_text(&example(name), format);
            let flat = squash(&text);
            for heading in [
                "1. Le problème, tel que le vivent",
                "2. L’irritant en chiffres",
                "3. Le volume",
                "4. Les données",
                "5. La métrique d’impact",
                "Le bilan économique",
            ] {
                assert!(
                    flat.contains(&squash(heading)),
                    "{name} {format}: « {heading} » missing"
                );
            }
            assert!(!text.contains("BROUILLON"), "{name} {format}");
        }
    }
    let text = pitch_text(&example("assistant-srdt.toml"), "pitch-html");
    assert!(text.contains("<h2>3. Le volume</h2>"));
    assert!(text.contains(&format!("<strong>575{NBSP}000</strong>")));
}

#[test]
fn pitch_is_still_the_markdown_pitch() {
    let file = example("assistant-srdt.toml");
    assert_eq!(
        render_bytes(&file, "pitch", &[]),
        render_bytes(&file, "pitch-md", &[])
    );
}

#[test]
fn a_draft_pitch_is_marked_in_every_format() {
    for format in PITCH_FORMATS {
        let text = pitch_text(&example("brouillon-incomplet.toml"), format);
        assert!(text.contains("BROUILLON"), "{format}");
        assert!(
            squash(&text).contains(&squash("Annexe : ce qui manque encore")),
            "{format}"
        );
        assert!(
            squash(&text).contains("identite.slogan"),
            "{format}: missing answers are named"
        );
    }
}

#[test]
fn pitch_documents_go_next_to_the_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("candidature.toml");
    std::fs::copy(example("assistant-srdt.toml"), &file).unwrap();
    for (format, name) in [
        ("pitch-html", "candidature-pitch.html"),
        ("pitch-odt", "candidature-pitch.odt"),
        ("odt", "candidature.odt"),
    ] {
        let out = fiche(&["render", file.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(dir.path().join(name).is_file(), "{name}");
    }
}

#[test]
fn the_pitch_of_an_application_with_short_answers_fits_on_one_page() {
    // « Le pitch d'une page »: the weak example's short answers and figures
    // used to spill three lines onto a second page.
    let bytes = render_bytes(&example("candidature-faible.toml"), "pitch-pdf", &[]);
    let doc = lopdf::Document::load_mem(&bytes).expect("valid PDF");
    assert_eq!(doc.get_pages().len(), 1);
}

/// The two complete examples' pitches used to run onto a second page (the
/// closing lines or the bet), though the README promises a one-page pitch.
#[test]
fn the_pitch_of_each_complete_example_fits_on_one_page() {
    for name in ["assistant-srdt.toml", "tri-courriels-prefecture.toml"] {
        let bytes = render_bytes(&example(name), "pitch-pdf", &[]);
        let doc = lopdf::Document::load_mem(&bytes).expect("valid PDF");
        assert_eq!(doc.get_pages().len(), 1, "{name}");
    }
}
