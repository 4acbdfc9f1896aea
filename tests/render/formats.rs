//! Every format on the complete examples and the draft: sections, figures,
//! sources, budget lines, escaping, draft annex, strict mode, output paths.

use crate::common::*;
use crate::*;

#[test]
fn every_format_has_every_section_heading_in_order() {
    let form = fiche::form::builtin();
    for name in COMPLETE {
        for format in ["md", "html", "pdf"] {
            let text = spaces_read(&render_text(&example(name), format));
            let mut last = 0;
            for section in &form.sections {
                let heading = fiche::render::context::section_heading(section).to_string();
                let needle = match format {
                    "md" => format!("## {heading}"),
                    "html" => format!(
                        "<h2 id=\"titre-{}\">{}</h2>",
                        section.id,
                        html_escape(&heading)
                    ),
                    _ => heading,
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
            "## Le bilan économique",
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
    assert!(html.contains("<caption>Calendrier des itérations (plan à six mois)</caption>"));
}

/// An unbroken word longer than the page (a pasted link) made Chromium
/// shrink every page of the printed fiche to fit its width: long words wrap.
#[test]
fn long_words_wrap_in_the_html_fiche() {
    let html = render_text(&example("assistant-srdt.toml"), "html");
    let screen = &html[..html.find("@page").expect("a print style")];
    assert!(
        css_rules(screen, "body").contains(&("overflow-wrap", "anywhere")),
        "{screen}"
    );
}

/// The text nodes of `html`: what lies outside tags, comments and the
/// `<style>` element.
fn html_text_nodes(html: &str) -> Vec<&str> {
    let body = &html[html.find("</style>").expect("a style element")..];
    body.split('<')
        .filter_map(|part| part.split_once('>').map(|(_, text)| text))
        .collect()
}

#[test]
fn html_lines_never_start_with_a_high_sign_nor_end_with_an_opening_quote() {
    for name in COMPLETE {
        for format in ["html", "pitch-html"] {
            let html = render_text(&example(name), format);
            for text in html_text_nodes(&html) {
                for breaking in [" :", " ;", " !", " ?", " »", "« "] {
                    assert!(
                        !text.contains(breaking),
                        "{name} {format}: « {breaking} » with an ordinary space in {text:?}"
                    );
                }
            }
            assert!(
                html.contains("\u{a0};") || html.contains("\u{a0}:"),
                "{name} {format}: no no-break space before a sign"
            );
            let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
            assert!(!style.contains('\u{a0}'), "{name} {format}: CSS changed");
            assert!(
                !html.contains("mailto\u{a0}"),
                "{name} {format}: a link changed"
            );
        }
    }
}

/// Chromium's print of the SRDT fiche cut « 30 % des appels » before the
/// « % »: a figure typed in an answer keeps its unit and its digit groups
/// on one line in the HTML and OpenDocument documents, as the figures the
/// product writes do.
#[test]
fn a_figure_typed_in_an_answer_never_breaks_from_its_unit_or_its_groups() {
    for format in ["html", "pitch-html", "odt", "pitch-odt"] {
        let bytes = render_bytes(&example("assistant-srdt.toml"), format, &[]);
        let text = if format.ends_with("odt") {
            crate::odt::odt_text(&bytes)
        } else {
            String::from_utf8(bytes).unwrap()
        };
        for figure in ["30 % des appels", "90 000 appels", "1 200 réponses"] {
            let joined = figure.replacen(' ', "\u{a0}", 1);
            assert!(text.contains(&joined), "{format}: {figure}");
            assert!(!text.contains(figure), "{format}: {figure}");
        }
    }
}

/// The fiche's outline, as a screen reader or LibreOffice's navigator
/// walks it, never skips a level: an answer's heading sat two levels under
/// a section with no sub-heading (h2 then h4, outline level 1 then 3).
#[test]
fn the_fiches_headings_never_skip_a_level() {
    for name in ["assistant-srdt.toml", "brouillon-incomplet.toml"] {
        let html = render_text(&example(name), "html");
        let html_levels: Vec<usize> = html
            .match_indices("<h")
            .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10))
            .map(|level| level as usize)
            .collect();
        let odt = crate::odt::odt_part(&render_bytes(&example(name), "odt", &[]), "content.xml");
        let odt_levels: Vec<usize> = odt
            .split("text:outline-level=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
            .collect();
        for (format, levels) in [("html", html_levels), ("odt", odt_levels)] {
            assert!(levels.len() > 10, "{name} {format}: {levels:?}");
            for pair in levels.windows(2) {
                assert!(pair[1] <= pair[0] + 1, "{name} {format}: {levels:?}");
            }
        }
    }
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

/// The Markdown draft's annex gives the score `fiche check` gives: 3
/// answers in 43 scored 43/100 there; capped at the completeness now, and
/// it says so with `fiche check`'s words (the other formats: `annex`).
#[test]
fn a_drafts_annex_gives_the_capped_score_of_fiche_check() {
    let md = render_text(&example("brouillon-incomplet.toml"), "md");
    assert!(
        md.contains(&format!(
            "**Score de préparation : 7/100.** Plafonné à 7 au lieu de 43 : 7{NBSP}% des \
             réponses obligatoires données (le score ne dépasse pas la complétude)."
        )),
        "{md}"
    );
    let check = fiche(&["check", &example_str("brouillon-incomplet.toml")]);
    assert!(
        stdout(&check).contains("Score de préparation : 7/100\n"),
        "{}",
        stdout(&check)
    );
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

/// The screen style of an HTML document (before its print rules).
fn screen_of(html: &str) -> &str {
    &html[..html.find("@page").expect("a print style")]
}

/// Printed, the sources table of a complete fiche cut its words anywhere
/// (« Natur|e », « Image|s », « Donnée|s person|nelles »): table cells wrap
/// between words only. A word longer than a column (a file name) may break
/// anywhere instead, so it neither widens the table past the page nor loses
/// a character.
#[test]
fn table_cells_wrap_between_words_and_long_names_at_their_pieces() {
    let html = render_text(&example("assistant-srdt.toml"), "html");
    let cells = css_rules(screen_of(&html), "th, td");
    assert!(
        cells.contains(&("overflow-wrap", "break-word")),
        "{cells:?}"
    );
    assert!(!cells.contains(&("overflow-wrap", "anywhere")), "{cells:?}");

    let file_name = LONG_FILE_NAME;
    let (_dir, path) = with_long_file_name_source();
    let html = render_text(&path, "html");
    let cell = html
        .split("<td")
        .find(|c| c.contains("export_"))
        .expect("the source's cell");
    let cell = &cell[cell.find('>').unwrap() + 1..cell.find("</td>").unwrap()];
    assert_eq!(
        cell,
        format!("<span class=\"mot-long\">{file_name}</span>"),
        "the long name, whole, in a span that may break anywhere"
    );
    assert!(
        css_rules(screen_of(&html), ".mot-long").contains(&("overflow-wrap", "anywhere")),
        "the long name's rule"
    );
    // Ordinary words of a cell are left as they are.
    assert!(html.contains(">Tableur"), "nature cell");
}
