//! User templates (`--templates`), their errors, and the business-case and
//! coach blocks the templates show when the context carries them.

use crate::common::*;
use crate::*;
use fiche::render::{FileType, Format, Renderer};

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

/// The PDF templates import their draft banner and long-word cutting from
/// `mise-en-page.typ`: a folder's own `fiche.typ` can import the built-in
/// one, and a folder's `mise-en-page.typ` replaces it.
#[test]
fn the_pdf_templates_shared_module_is_built_in_and_replaceable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fiche.typ"),
        "#import \"mise-en-page.typ\": bandeau\n#let d = json(\"/fiche.json\")\n#bandeau(d, none, \"fiche\", \"incomplète\")\n",
    )
    .unwrap();
    let templates = ["--templates", dir.path().to_str().unwrap()];
    let draft = example("brouillon-incomplet.toml");
    let text = squash(&pdf_text(&render_bytes(&draft, "pdf", &templates)));
    assert!(
        text.contains(&squash("BROUILLON : fiche incomplète (")),
        "{text}"
    );
    std::fs::write(
        dir.path().join("mise-en-page.typ"),
        "#let bandeau(d, coach, document, incomplet) = [Mon bandeau]\n",
    )
    .unwrap();
    let text = pdf_text(&render_bytes(&draft, "pdf", &templates));
    assert!(text.contains("Mon bandeau"), "{text}");
}

/// The draft banner's sentence is one macro (`brouillon.j2`) that the
/// Markdown fiche and pitch import, and the fiche's annexes a template
/// included only for a draft: a folder's file of the same name replaces
/// each, and a complete application reads neither.
#[test]
fn the_draft_banner_and_annexes_are_templates_a_folder_can_replace() {
    let draft = example("brouillon-incomplet.toml");
    let md = String::from_utf8(render_bytes(&draft, "md", &[])).unwrap();
    assert!(
        md.starts_with("> **BROUILLON** : fiche incomplète ("),
        "{md}"
    );
    assert!(md.contains("## Annexe : ce qui manque encore"), "{md}");
    let pitch = String::from_utf8(render_bytes(&draft, "pitch-md", &[])).unwrap();
    assert!(
        pitch.starts_with("> **BROUILLON** : pitch incomplet ("),
        "{pitch}"
    );

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("brouillon.j2"),
        "{% macro bandeau(document, incomplet, completeness) %}{{ document }} en cours, {{ completeness.answered }} réponses{% endmacro %}",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("fiche-annexes.md.j2"),
        "Annexes du service\n",
    )
    .unwrap();
    let templates = ["--templates", dir.path().to_str().unwrap()];
    let md = String::from_utf8(render_bytes(&draft, "md", &templates)).unwrap();
    assert!(
        md.starts_with("> **BROUILLON** : fiche en cours, 3 réponses.\n"),
        "{md}"
    );
    assert!(md.ends_with("Annexes du service\n"), "{md}");
    let pitch = String::from_utf8(render_bytes(&draft, "pitch-md", &templates)).unwrap();
    assert!(
        pitch.starts_with("> **BROUILLON** : pitch en cours, 3 réponses.\n"),
        "{pitch}"
    );

    // A complete application does not read them: broken ones do not matter.
    std::fs::write(dir.path().join("brouillon.j2"), "{% macro").unwrap();
    std::fs::write(dir.path().join("fiche-annexes.md.j2"), "{% if").unwrap();
    let complete = example("assistant-srdt.toml");
    let md = String::from_utf8(render_bytes(&complete, "md", &templates)).unwrap();
    assert!(md.starts_with("# Assistant SRDT"), "{md}");
    let out = fiche(&[
        "render",
        draft.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        "-",
        templates[0],
        templates[1],
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("brouillon.j2"), "{}", stderr(&out));
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

/// The ROI calculator and the pitch coach fill `roi` and `coach` in the
/// context; every format shows the business case.
#[test]
fn business_case_and_coach_findings_show_when_the_context_has_them() {
    let form = fiche::form::builtin();
    let renderer = Renderer::new(None);
    let answers = fiche::Answers::load(&example("assistant-srdt.toml")).unwrap();
    let ctx = renderer.context(&form, &answers, false).unwrap();
    let value = serde_json::to_value(&ctx).unwrap();
    for format in Format::ALL {
        let bytes = renderer.export_context(format, &value).unwrap();
        let text = match format.file_type() {
            FileType::Pdf => pdf_text(&bytes),
            FileType::Odt => crate::odt::odt_text(&bytes),
            FileType::Markdown | FileType::Html => String::from_utf8(bytes).unwrap(),
        };
        assert!(
            text.contains("1\u{a0}610\u{a0}143\u{a0}€"),
            "{format:?}: yearly savings"
        );
        assert!(
            squash(&text).contains(&squash("2,2\u{a0}mois")),
            "{format:?}: payback"
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
        "score": { "value": 20, "explanation": ["Peu de réponses."], "capped": false },
    });
    for format in Format::ALL {
        let bytes = renderer.export_context(format, &value).unwrap();
        let text = match format.file_type() {
            FileType::Pdf => pdf_text(&bytes),
            FileType::Odt => crate::odt::odt_text(&bytes),
            FileType::Markdown | FileType::Html => String::from_utf8(bytes).unwrap(),
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
