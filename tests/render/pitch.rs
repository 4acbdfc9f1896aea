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

/// Long answers used to push the pitch onto a second page: its text now
/// gets smaller (down to 8 pt) so that it still fits on its one page, and
/// keeps every word. Answers too long even for that keep the normal size
/// and run onto a second page rather than lose anything.
#[test]
fn a_pitch_with_long_answers_still_fits_on_one_page_and_keeps_every_word() {
    let text = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let answers: toml::Table = toml::from_str(&text).unwrap();
    let description = answers["probleme"]["description"].as_str().unwrap();
    let added = " Les agents le disent chaque semaine : les demandes se ressemblent, les réponses aussi, et le temps passé à chercher les textes est perdu pour les usagers.";
    for (times, pages) in [(12, 1), (40, 2)] {
        let longer = format!(
            "{}{} Fin du récit.",
            description.trim_end(),
            added.repeat(times)
        );
        let (_dir, path) = edited_example(
            "assistant-srdt.toml",
            &[("probleme", "description", toml::Value::String(longer))],
        );
        let bytes = render_bytes(&path, "pitch-pdf", &[]);
        let doc = lopdf::Document::load_mem(&bytes).expect("valid PDF");
        assert_eq!(doc.get_pages().len(), pages, "{times} sentences added");
        assert!(
            squash(&pdf_text(&bytes)).contains(&squash("Fin du récit.")),
            "{times} sentences added: the end of the answer is missing"
        );
    }
}

/// The inside of `@media print { … }`.
fn print_block(html: &str) -> &str {
    let start = html.find("@media print {").expect("a print style") + "@media print {".len();
    let mut depth = 1;
    for (i, c) in html[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return &html[start..start + i];
        }
    }
    panic!("@media print is not closed");
}

/// A CSS length in points (`9pt`, `11mm`); `None` for other units.
fn css_points(value: &str) -> Option<f64> {
    let number = |unit: &str| value.strip_suffix(unit)?.parse::<f64>().ok();
    number("pt").or_else(|| number("mm").map(|mm| mm * 72.0 / 25.4))
}

/// Printed from a browser, the HTML pitch of each example holds on one A4
/// page (Chromium, DejaVu Sans, the widest of the usual fonts): body 9 pt,
/// lines 1.3, margins 11 × 14 mm. With the screen's 10.5 pt, 1.55 lines and
/// 18 mm margins it took two pages, and at 9.5 pt the Assistant SRDT's
/// footer still went over. No browser runs in the tests: this keeps that
/// print style, and long words that wrap (an unbroken link made Chromium
/// shrink the whole page to fit its width).
#[test]
fn the_printed_html_pitch_keeps_the_style_that_holds_on_one_page() {
    let html = String::from_utf8(render_bytes(
        &example("assistant-srdt.toml"),
        "pitch-html",
        &[],
    ))
    .unwrap();
    let print = print_block(&html);
    let value = |selector: &str, property: &str| {
        css_rules(print, selector)
            .into_iter()
            .find(|(p, _)| *p == property)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("print: no {property} for {selector}"))
    };
    let body_size = css_points(value("html", "font-size")).expect("a size in pt");
    assert!(
        (body_size - 9.0).abs() < 0.01,
        "printed body of {body_size} pt: under 9 pt is hard to read, over it spills onto a second page"
    );
    let line_height: f64 = value("body", "line-height").parse().unwrap();
    assert!(line_height <= 1.3, "line height {line_height}");

    let page = &html[html.find("@page {").expect("an @page rule")..];
    let margin: Vec<f64> = css_rules(page, "@page")
        .into_iter()
        .find(|(p, _)| *p == "margin")
        .expect("page margins")
        .1
        .split_whitespace()
        .map(|m| css_points(m).expect("margins in mm or pt"))
        .collect();
    let (vertical, horizontal) = (margin[0], *margin.get(1).unwrap_or(&margin[0]));
    assert!(
        vertical <= css_points("11mm").unwrap() + 0.01
            && horizontal <= css_points("14mm").unwrap() + 0.01,
        "page margins {margin:?} pt"
    );

    let screen_body = &html[..html.find("@page {").unwrap()];
    assert!(
        css_rules(screen_body, "body").contains(&("overflow-wrap", "anywhere")),
        "long words must wrap"
    );
}

/// « 1 minutes de travail agent » : in French the plural starts at 2.
#[test]
fn the_minutes_of_the_pitch_agree_with_their_number() {
    let dir = tempfile::tempdir().unwrap();
    let srdt = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    for (minutes, shown, unit) in [
        ("1", "1", "minute"),
        ("1.5", "1,5", "minute"),
        ("2", "2", "minutes"),
    ] {
        let file = dir.path().join("f.toml");
        let text = srdt.replace(
            "minutes_par_operation = 15",
            &format!("minutes_par_operation = {minutes}"),
        );
        assert_ne!(text, srdt, "the example's minutes were replaced");
        std::fs::write(&file, text).unwrap();
        for format in PITCH_FORMATS {
            let text = without_bold(&pitch_text(&file, format));
            let wanted = format!("{shown} {unit} de travail agent");
            let found = squash(&text).contains(&squash(&wanted));
            assert!(found, "{format}: « {wanted} » missing");
        }
    }
}

/// « 1 agents concernés, 1 usagers par an » in the pitch and the e-mail.
#[test]
fn one_agent_is_concerned_not_one_agents() {
    let dir = tempfile::tempdir().unwrap();
    let srdt = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let file = dir.path().join("f.toml");
    let text = srdt
        .replace("nb_agents = 650", "nb_agents = 1")
        .replace("nb_usagers = 400000", "nb_usagers = 1");
    assert!(
        text.contains("nb_agents = 1\n") && text.contains("nb_usagers = 1\n"),
        "the example's counts were replaced"
    );
    std::fs::write(&file, text).unwrap();
    for format in PITCH_FORMATS {
        let text = without_bold(&pitch_text(&file, format));
        let wanted = "1 agent concerné, 1 usager par an";
        assert!(
            squash(&text).contains(&squash(wanted)),
            "{format}: « {wanted} » missing"
        );
    }
    let out = fiche(&["envoyer", file.to_str().unwrap(), "--brouillon", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = mail_parser::MessageParser::default()
        .parse(&out.stdout)
        .unwrap();
    let body = message.body_text(0).unwrap();
    assert!(body.contains(", 1 agent concerné."), "{body}");
}

/// A tool for agents only answers « 0 » users a year: the pitch says how
/// many agents are concerned and leaves the users out, instead of printing
/// « 0 usager par an » to the committee, which reads as nobody served.
#[test]
fn no_user_a_year_is_left_out_of_the_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let srdt = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let file = dir.path().join("f.toml");
    let text = srdt.replace("nb_usagers = 400000", "nb_usagers = 0");
    assert!(
        text.contains("nb_usagers = 0\n"),
        "the example's count was replaced"
    );
    std::fs::write(&file, text).unwrap();
    for format in PITCH_FORMATS {
        let text = squash(&without_bold(&pitch_text(&file, format)));
        assert!(
            text.contains(&squash("650 agents concernés")),
            "{format}: the agents are still counted"
        );
        assert!(
            !text.contains("usagerparan"),
            "{format}: « 0 usager par an » shown"
        );
    }
}

/// The `print_density` of an HTML pitch, from the class of its page.
fn print_density(html: &str) -> &str {
    let start = html
        .find(r#"<html lang="fr" class="print-"#)
        .expect("a density class")
        + r#"<html lang="fr" class="print-"#.len();
    &html[start..start + html[start..].find('"').unwrap()]
}

/// Printed from a browser, the HTML pitch holds on one A4 page like the PDF
/// one: long answers get a denser print (8.5 pt, then 8 pt, tighter lines),
/// answers too long even for that keep the normal print over two pages,
/// nothing cut. Printed by Chromium (DejaVu Sans), the example takes one
/// page; with a description of 1 500 or 3 000 characters it took two, and
/// now takes one; with the three long answers it takes two, as in PDF.
#[test]
fn the_html_pitch_of_long_answers_is_printed_denser_to_hold_on_one_page() {
    let sentence = "Les conseillers des services de renseignement recherchent chaque jour les articles applicables dans plusieurs outils, puis rédigent une réponse qu'ils vérifient avec soin avant de l'envoyer à l'usager concerné. ";
    let text = |chars: usize| {
        let body: String = sentence.chars().cycle().take(chars - 14).collect();
        toml::Value::String(format!("{} Fin du récit.", body.trim_end()))
    };
    let srdt = render_text(&example("assistant-srdt.toml"), "pitch-html");
    assert_eq!(print_density(&srdt), "normal", "a pitch that fits as it is");
    for (edits, density) in [
        (vec![("probleme", "description", text(1_500))], "compact"),
        (vec![("probleme", "description", text(3_000))], "tight"),
        (
            vec![
                ("probleme", "description", text(3_000)),
                ("probleme", "chiffres_irritant", text(2_000)),
                ("pari", "pari_impact", text(1_500)),
            ],
            "normal",
        ),
    ] {
        let (_dir, path) = edited_example("assistant-srdt.toml", &edits);
        let html = render_text(&path, "pitch-html");
        assert_eq!(print_density(&html), density, "{} answers", edits.len());
        assert!(!html.contains("BROUILLON"), "the long answers are valid");
        assert_eq!(
            html.matches("Fin du récit.").count(),
            edits.len(),
            "every answer is there to its end"
        );
    }
}
