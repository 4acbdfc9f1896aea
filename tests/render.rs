//! The document promises, format by format: every section, French figures,
//! data sources and budget lines, escaping, drafts, strict mode, user
//! templates. PDF text is read back with lopdf.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use fiche::render::{Format, Renderer};

const COMPLETE: [&str; 2] = ["assistant-srdt.toml", "tri-courriels-prefecture.toml"];
const FORMATS: [&str; 4] = ["md", "html", "pdf", "pitch"];

/// `fiche render FILE --format F -o -` as bytes, asserting exit 0.
fn render_bytes(file: &Path, format: &str, extra: &[&str]) -> Vec<u8> {
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
fn render_text(file: &Path, format: &str) -> String {
    let bytes = render_bytes(file, format, &[]);
    if format == "pdf" {
        pdf_text(&bytes)
    } else {
        String::from_utf8(bytes).expect("text formats are UTF-8")
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf loads the PDF");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).expect("text extraction")
}

/// Text without line breaks, spaces and hyphens, so a name that Typst wrapped
/// or hyphenated inside a table cell is still found.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
        .collect()
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// A copy of an example in a temp dir, with some answers replaced.
fn edited_example(name: &str, edits: &[(&str, &str, toml::Value)]) -> (tempfile::TempDir, PathBuf) {
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

#[test]
fn every_format_has_every_section_heading_in_order() {
    let form = fiche::form::builtin();
    for name in COMPLETE {
        for format in ["md", "html", "pdf"] {
            let text = render_text(&example(name), format);
            let mut last = 0;
            for section in &form.sections {
                let needle = match format {
                    "md" => format!("## {}", section.title),
                    "html" => format!(
                        "<h2 id=\"titre-{}\">{}</h2>",
                        section.id,
                        html_escape(&section.title)
                    ),
                    _ => section.title.clone(),
                };
                let at = text[last..].find(&needle).unwrap_or_else(|| {
                    panic!("{name} {format}: « {needle} » missing or out of order")
                });
                last += at + needle.len();
            }
            assert!(!text.contains("BROUILLON"), "{name} {format}");
        }
        let pitch = render_text(&example(name), "pitch");
        for heading in [
            "## 1. Le problème, tel que le vivent",
            "## 2. L’irritant en chiffres",
            "## 3. Le volume",
            "## 4. Les données",
            "## 5. La métrique d’impact",
            "## Le retour sur investissement",
        ] {
            assert!(pitch.contains(heading), "{name} pitch: {heading}");
        }
    }
}

#[test]
fn figures_are_written_the_french_way_in_every_format() {
    for format in FORMATS {
        let text = render_text(&example("assistant-srdt.toml"), format);
        assert!(text.contains(&format!("575{NBSP}000")), "{format}: volume");
        assert!(
            text.contains(&format!("300{NBSP}000{NBSP}€")),
            "{format}: yearly budget"
        );
        assert!(!text.contains("575000"), "{format}: raw figure");
    }
    for format in ["md", "html", "pdf"] {
        let text = render_text(&example("assistant-srdt.toml"), format);
        assert!(text.contains(&format!("50{NBSP}%")), "{format}: co-funding");
        assert!(
            text.contains(&format!("150{NBSP}000{NBSP}€")),
            "{format}: budget line"
        );
    }
}

#[test]
fn data_sources_and_budget_lines_are_in_every_format() {
    for name in COMPLETE {
        let answers = fiche::Answers::load(&example(name)).unwrap();
        let sources: Vec<String> = answers
            .get("donnees.sources")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.get("nom").unwrap().as_str().unwrap().to_string())
            .collect();
        let postes: Vec<String> = answers
            .get("tco.postes")
            .and_then(|p| p.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|p| p.get("poste").unwrap().as_str().unwrap().to_string())
            .collect();
        for format in ["md", "html", "pdf"] {
            let text = squash(&render_text(&example(name), format));
            for source in &sources {
                let source = if format == "html" {
                    html_escape(source)
                } else {
                    source.clone()
                };
                assert!(
                    text.contains(&squash(&source)),
                    "{name} {format}: source {source}"
                );
            }
            for poste in &postes {
                let poste = if format == "html" {
                    html_escape(poste)
                } else {
                    poste.clone()
                };
                assert!(
                    text.contains(&squash(&poste)),
                    "{name} {format}: poste {poste}"
                );
            }
        }
        let pitch = render_text(&example(name), "pitch");
        for source in &sources {
            assert!(
                pitch.contains(source.as_str()),
                "{name} pitch: source {source}"
            );
        }
    }
    let html = render_text(&example("assistant-srdt.toml"), "html");
    assert!(html.contains("<caption>Sources de données</caption>"));
    assert!(html.contains("<caption>Postes de dépense</caption>"));
    assert!(html.contains("<caption>Plan à six mois</caption>"));
}

#[test]
fn html_is_self_contained_print_ready_and_escapes_answers() {
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[
            (
                "probleme",
                "description",
                toml::Value::String(
                    "Premier paragraphe <script>alert(\"x\")</script> & co.\n\nSecond paragraphe"
                        .into(),
                ),
            ),
            (
                "identite",
                "nom_produit",
                toml::Value::String("Outil \"</style><b>".into()),
            ),
        ],
    );
    let html = render_text(&path, "html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(!html.contains("<script"), "an answer became markup");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co."));
    assert!(
        html.contains("<p>Second paragraphe</p>"),
        "paragraphs are kept"
    );
    assert!(!html.contains("<b>"), "the product name became markup");
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "the style element was closed early"
    );
    assert!(html.contains("size: A4"));
    assert!(html.contains("break-after: avoid"));
    assert!(html.contains("alliance@mail.numerique.gouv.fr"));
    for external in ["http://", "https://", "@import", "url(", "<link", "<img"] {
        assert!(!html.contains(external), "external resource: {external}");
    }
}

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
fn a_draft_renders_in_every_format_marked_with_its_missing_annex() {
    for format in FORMATS {
        let text = render_text(&example("brouillon-incomplet.toml"), format);
        assert!(text.contains("BROUILLON"), "{format}");
        let flat = squash(&text);
        assert!(
            flat.contains(&squash("Annexe : ce qui manque encore")),
            "{format}"
        );
        assert!(
            flat.contains("identite.slogan"),
            "{format}: missing slogan not listed"
        );
        assert!(
            flat.contains("pari.pari_impact"),
            "{format}: missing bet not listed"
        );
    }
    let html = render_text(&example("brouillon-incomplet.toml"), "html");
    assert!(html.contains("class=\"watermark\""));
    assert!(html.contains("<title>BROUILLON"));
}

#[test]
fn strict_refuses_a_draft_in_every_format() {
    for format in FORMATS {
        let dir = tempfile::tempdir().unwrap();
        let out_path = dir.path().join("sortie");
        let out = fiche(&[
            "render",
            &example_str("brouillon-incomplet.toml"),
            "--format",
            format,
            "--strict",
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            stderr(&out).contains("incomplet"),
            "{format}: {}",
            stderr(&out)
        );
        assert!(!out_path.exists(), "{format}: a document was written");
    }
}

#[test]
fn default_output_sits_next_to_the_answers_and_never_replaces_them() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("candidature.toml");
    std::fs::copy(example("assistant-srdt.toml"), &answers).unwrap();
    let original = std::fs::read(&answers).unwrap();
    for (format, file) in [
        ("md", "candidature.md"),
        ("html", "candidature.html"),
        ("pdf", "candidature.pdf"),
        ("pitch", "candidature-pitch.md"),
    ] {
        let out = fiche(&["render", answers.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(
            dir.path().join(file).is_file(),
            "{format}: {file} not written"
        );
    }
    let out = fiche(&[
        "render",
        answers.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        answers.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("la candidature elle-même"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&answers).unwrap(), original);
}

#[test]
fn user_templates_override_the_built_in_ones_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fiche.md.j2"),
        "Mon modèle : {{ product }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fiche.typ"),
        "#let d = json(\"/fiche.json\")\n#import \"commun.typ\": titre\n#titre(d.product)\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("commun.typ"),
        "#let titre(t) = [Ma fiche : #t]\n",
    )
    .unwrap();
    let templates = dir.path().to_str().unwrap();
    let md = render_bytes(
        &example("assistant-srdt.toml"),
        "md",
        &["--templates", templates],
    );
    assert_eq!(
        String::from_utf8(md).unwrap(),
        "Mon modèle : Assistant SRDT\n"
    );
    let pdf = render_bytes(
        &example("assistant-srdt.toml"),
        "pdf",
        &["--templates", templates],
    );
    assert!(pdf_text(&pdf).contains("Ma fiche : Assistant SRDT"));
    // Formats without a user file keep the built-in template.
    let html = render_text(&example("assistant-srdt.toml"), "html");
    assert!(html.contains("<!DOCTYPE html>"));
}

#[test]
fn a_broken_user_template_is_reported_in_french_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("fiche.html.j2");
    std::fs::write(
        &html,
        "<h1>{{ product }}</h1>\n<p>ok</p>\n{% if draft %}\n<p>jamais fermé</p>\n",
    )
    .unwrap();
    let typ = dir.path().join("fiche.typ");
    std::fs::write(
        &typ,
        "#let d = json(\"/fiche.json\")\n\n#text(d.product, taille_inconnue)\n",
    )
    .unwrap();
    for (format, path, line, cause) in [
        ("html", &html, "ligne 4", "erreur de syntaxe"),
        (
            "pdf",
            &typ,
            "ligne 3",
            "variable inconnue : taille_inconnue",
        ),
    ] {
        let out = fiche(&[
            "render",
            &example_str("assistant-srdt.toml"),
            "--format",
            format,
            "-o",
            "-",
            "--templates",
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = stderr(&out);
        assert!(err.contains("erreur de modèle"), "{format}: {err}");
        assert!(err.contains(&path.display().to_string()), "{format}: {err}");
        assert!(err.contains(line), "{format}: {err}");
        assert!(err.contains(cause), "{format}: {err}");
    }
}

/// The ROI calculator and the pitch coach add `roi` and `coach` to the
/// context; the templates show them when present.
#[test]
fn business_case_and_coach_findings_show_when_the_context_has_them() {
    let form = fiche::form::builtin();
    let renderer = Renderer::new(None);
    let answers = fiche::Answers::load(&example("assistant-srdt.toml")).unwrap();
    let ctx = renderer.context(&form, &answers, false).unwrap();
    let mut value = serde_json::to_value(&ctx).unwrap();
    value["roi"] = serde_json::json!({
        "computable": true,
        "hours_per_year": "57\u{a0}500\u{a0}h",
        "fte": "35,78\u{a0}ETP",
        "euros_per_year": "1\u{a0}610\u{a0}143\u{a0}€",
        "payback": "2,2\u{a0}mois",
        "summary": "6 minutes gagnées sur 575 000 demandes libèrent 35,78 ETP.",
        "missing": [],
    });
    for format in Format::ALL {
        let bytes = renderer.export_context(format, &value).unwrap();
        let text = if format.is_binary() {
            pdf_text(&bytes)
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert!(
            text.contains("1\u{a0}610\u{a0}143\u{a0}€"),
            "{format:?}: yearly savings"
        );
        assert!(
            squash(&text).contains(&squash("libèrent 35,78 ETP")),
            "{format:?}: summary"
        );
    }

    let draft = fiche::Answers::load(&example("brouillon-incomplet.toml")).unwrap();
    let ctx = renderer.context(&form, &draft, false).unwrap();
    let mut value = serde_json::to_value(&ctx).unwrap();
    value["roi"] = serde_json::json!({
        "computable": false,
        "hours_per_year": null, "fte": null, "euros_per_year": null, "payback": null,
        "summary": "",
        "missing": ["Indiquez le volume d’opérations par an."],
    });
    value["coach"] = serde_json::json!({
        "findings": [{
            "id": "probleme.chiffres_irritant",
            "rule": "irritant-sans-chiffres",
            "severity": "warning",
            "message": "Chiffrez l’irritant : un délai, un coût, un taux.",
        }],
        "score": { "value": 20, "explanation": ["Peu de réponses."] },
    });
    for format in Format::ALL {
        let bytes = renderer.export_context(format, &value).unwrap();
        let text = if format.is_binary() {
            pdf_text(&bytes)
        } else {
            String::from_utf8(bytes).unwrap()
        };
        let flat = squash(&text);
        assert!(
            flat.contains(&squash("Indiquez le volume d’opérations par an.")),
            "{format:?}: ROI reason"
        );
        if format != Format::Markdown {
            assert!(
                flat.contains(&squash("Chiffrez l’irritant")),
                "{format:?}: coach finding"
            );
        }
    }
}

#[test]
fn pdf_goes_to_stdout_as_bytes() {
    let bytes = render_bytes(&example("tri-courriels-prefecture.toml"), "pdf", &[]);
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.ends_with(b"%%EOF") || bytes.ends_with(b"%%EOF\n"));
}
