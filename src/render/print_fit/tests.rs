use super::*;

const TEMPLATE: &str = include_str!("../../../templates/fiche-action/pitch.html.j2");

/// A pitch-like page: a title, five headings, `paragraphs` paragraphs of
/// `chars` characters each and a short list.
fn page(paragraphs: usize, chars: usize) -> String {
    let words = "Les conseillers recherchent les textes applicables. ";
    let text: String = words.chars().cycle().take(chars).collect();
    let mut html = String::from("<html><head><style>p { margin: 0 }</style></head><body>");
    html.push_str("<header><h1>Assistant SRDT</h1></header><main>");
    for point in 1..=5 {
        html.push_str(&format!("<h2>{point}. Un point du pitch</h2>"));
    }
    for _ in 0..paragraphs {
        html.push_str(&format!("<p>{text}</p>\n"));
    }
    html.push_str("<ul><li>575 000 demandes par an</li><li>650 agents</li></ul>");
    html.push_str("</main><footer><p>Pitch généré avec fiche.</p></footer></body></html>");
    html
}

/// The densities chosen as the text grows, each once, in order.
fn densities_as_text_grows(paragraphs: usize) -> Vec<(usize, PrintDensity)> {
    let mut seen: Vec<(usize, PrintDensity)> = Vec::new();
    for chars in (100..=4_000).step_by(50) {
        let density = pitch_density(&page(paragraphs, chars));
        if seen.last().is_none_or(|(_, d)| *d != density) {
            seen.push((chars, density));
        }
    }
    seen
}

#[test]
fn long_text_is_printed_smaller_short_text_is_not_and_too_long_text_keeps_its_size() {
    for paragraphs in [3, 6] {
        let seen = densities_as_text_grows(paragraphs);
        let order: Vec<PrintDensity> = seen.iter().map(|(_, d)| *d).collect();
        assert_eq!(
            order,
            [
                PrintDensity::Normal,
                PrintDensity::Compact,
                PrintDensity::Tight,
                PrintDensity::Normal
            ],
            "{paragraphs} paragraphs: {seen:?}"
        );
    }
}

/// Only the text counts: styles, scripts, attributes and inline tags take
/// no room on the printed page.
#[test]
fn markup_is_not_text() {
    for chars in [500, 800, 1_100, 1_400] {
        let plain = page(6, chars);
        let marked = plain
            .replace(
                "<p>",
                r#"<p class="une-classe-au-nom-long" data-x="0123456789">"#,
            )
            .replace(
                "</style>",
                &format!("{}</style>", "p { color: black } ".repeat(500)),
            )
            .replace(
                "</body>",
                &format!("<script>{}</script></body>", "x = 1; ".repeat(500)),
            )
            .replace(
                "Les conseillers",
                "<strong>Les</strong> <em>conseillers</em>",
            );
        assert_eq!(pitch_density(&marked), pitch_density(&plain), "{chars}");
    }
}

#[test]
fn an_empty_page_is_printed_normally() {
    assert_eq!(pitch_density(""), PrintDensity::Normal);
    assert_eq!(pitch_density(&page(0, 0)), PrintDensity::Normal);
}

/// The declarations of the first rule `selector { … }` of `css`.
fn rule<'a>(css: &'a str, selector: &str) -> Vec<(&'a str, &'a str)> {
    let start = css
        .find(&format!("\n  {selector} {{"))
        .unwrap_or_else(|| panic!("no print rule for « {selector} »"));
    let body = &css[start..];
    let body = &body[body.find('{').unwrap() + 1..body.find('}').unwrap()];
    body.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(p, v)| (p.trim(), v.trim()))
        .collect()
}

/// The estimate is made for the sizes the template prints with: each
/// density's body size and line height are those of `pitch.html.j2`'s
/// print stylesheet, on the page its `@page` rule sets.
#[test]
fn the_template_prints_each_density_as_the_estimate_assumes() {
    let print = &TEMPLATE[TEMPLATE.find("@media print {").expect("a print style")..];
    for style in PITCH_PRINT_STYLES {
        let (html, body) = match style.density {
            PrintDensity::Normal => ("html".to_string(), "body".to_string()),
            density => (
                format!("html.print-{}", density.name()),
                format!(".print-{} body", density.name()),
            ),
        };
        assert!(
            rule(print, &html).contains(&("font-size", &format!("{}pt", style.font_size_pt))),
            "{html}"
        );
        assert!(
            rule(print, &body).contains(&("line-height", &style.line_height.to_string())),
            "{body}"
        );
    }
    assert!(TEMPLATE.contains("@page { size: A4; margin: 11mm 14mm; }"));
    assert!(TEMPLATE.contains("h1, h2 { line-height: 1.25;"));
    assert!(TEMPLATE.contains(r#"class="print-{{ print_density }}""#));
}
