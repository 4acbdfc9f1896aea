//! Bounded property runs (proptest) for the three fuzz targets of issue #10:
//! the terminal sanitiser; answers parsing, validation and the save
//! round-trip; Markdown and HTML rendering of arbitrary answers. Each runs
//! `PROPTEST_CASES` cases (a few dozen by default, so `cargo test` stays
//! short); see the README to run them longer.

use fiche::render::Format;
use fiche::{Answers, sanitize};
use proptest::prelude::*;

use super::documents;

/// Cases per property: `PROPTEST_CASES`, else `default`.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text mixing ordinary words, Markdown/HTML syntax, terminal escapes and
/// any Unicode character.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Zéà0-9 ]{0,8}",
        1 => Just("\n".to_string()),
        1 => Just("\r".to_string()),
        1 => Just("\n\n".to_string()),
        1 => prop::sample::select(vec![
            "# ", "## ", "=== ", "--- ", "***", "___", "> ", "- ", "+ ", "* ", "1. ", "2) ",
            "```", "~~~", "    ", "\t", "|", "| --- |", "<script>", "</div>", "<!--", "<img src=x>",
            "[x](javascript:alert(1))", "![i](http://e/i.png)", "[r]: http://e", "[^1]", ": ",
            "<http://e>", "&amp;", "&#60;", "\\", "`", "_", "*", "$$", "{#id}", "[[w]]",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![
            "\x1b]52;c;cHduZWQ=\x07", "\x1b[2J", "\x1b]0;titre\x1b\\", "\u{9b}31m", "\u{202e}",
            "\u{2066}", "\u{7f}", "\0", "\u{2028}", "\u{feff}",
        ])
        .prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

/// The invisible format characters the sanitiser shows by code point.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{61c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_sanitiser_leaves_nothing_a_terminal_interprets(text in hostile_text()) {
        let safe = sanitize::terminal(&text);
        prop_assert!(super::raw_controls(&safe).is_empty(), "{safe:?}");
        let line = sanitize::terminal_line(&text);
        prop_assert!(super::raw_controls(&line).is_empty() && !line.contains('\n'), "{line:?}");
        // Nothing else changes: text without controls or invisible
        // format characters comes back as it was.
        if !text.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || is_invisible(c)) {
            prop_assert_eq!(safe.as_ref(), text.as_str());
        }
        let echoed = sanitize::echo(&text);
        prop_assert!(echoed.chars().count() <= sanitize::ECHO_MAX_CHARS * 9 + 40);
    }

    #[test]
    fn any_unicode_is_sanitised(text in any::<String>()) {
        prop_assert!(super::raw_controls(&sanitize::terminal(&text)).is_empty());
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn arbitrary_answers_cannot_reshape_the_documents(
        texts in prop::collection::vec(hostile_text(), 1..8)
    ) {
        let form = fiche::form::builtin();
        // Each answer gets one of the generated texts, in turn; an empty
        // one would make a question unanswered, which changes the document
        // legitimately, so a letter is added.
        let payload = |id: &str| {
            let i = id.len() % texts.len();
            format!("x{}", texts[i])
        };
        let answers = documents::with_every_text(&form, &payload);
        for format in [Format::Markdown, Format::Pitch] {
            let document = documents::render(&form, &answers, format);
            documents::assert_same_markdown_structure(
                &documents::reference(&form, format),
                &document,
            );
        }
        let html = documents::render(&form, &answers, Format::Html);
        documents::assert_same_html_structure(&documents::reference(&form, Format::Html), &html);
    }
}

/// A value of an answers file: texts, numbers of any size, booleans, lists.
fn toml_value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        hostile_text().prop_map(toml::Value::String),
        any::<i64>().prop_map(toml::Value::Integer),
        any::<f64>().prop_map(toml::Value::Float),
        any::<bool>().prop_map(toml::Value::Boolean),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(toml::Value::Array),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..4)
                .prop_map(|m| toml::Value::Table(m.into_iter().collect())),
        ]
    })
}

/// An id of the form, or a made-up one.
fn answer_id() -> impl Strategy<Value = String> {
    let form = fiche::form::builtin();
    let ids: Vec<String> = form
        .questions()
        .map(|(s, q)| format!("{}.{}", s.id, q.id))
        .collect();
    prop_oneof![
        3 => prop::sample::select(ids),
        1 => "[a-z]{1,5}\\.[a-z_]{1,6}",
        1 => ".{1,6}\\..{1,6}",
    ]
}

fn same(a: &toml::Value, b: &toml::Value) -> bool {
    match (a, b) {
        (toml::Value::Float(x), toml::Value::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (toml::Value::Array(x), toml::Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (toml::Value::Table(x), toml::Value::Table(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn answers_survive_validation_and_a_save_round_trip(
        entries in prop::collection::vec((answer_id(), toml_value()), 0..12)
    ) {
        let form = fiche::form::builtin();
        let mut answers = Answers::new(&form);
        for (id, value) in &entries {
            // An id the file cannot hold (a section that is a value) is refused.
            let _ = answers.set(id, Some(value.clone()));
        }
        // Validation and the coach never fail, whatever the values.
        let report = fiche::validate::check(&form, &answers);
        let _ = fiche::coach::review(&form, &answers, &report);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        answers.save(&path).unwrap();
        let back = Answers::load(&path).unwrap();
        let (before, after) = (answers.to_table(), back.to_table());
        for (section, table) in &before {
            let restored = after.get(section);
            prop_assert!(restored.is_some_and(|r| same(table, r)), "{section}");
        }
        let text = std::fs::read_to_string(&path).unwrap();
        prop_assert_eq!(back.to_toml_string(), text);
    }

    #[test]
    fn any_text_parses_or_is_refused_with_a_line(text in prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop_oneof![
                "\\[[a-z.\"]{0,12}\\]\n",
                "\\[\\[[a-z.]{0,12}\\]\\]\n",
                "[a-z.\"]{1,10} = [0-9a-z\"\\[\\]{}.,' ]{0,16}\n",
                ".{0,20}\n",
            ],
            0..20,
        ).prop_map(|lines| lines.concat()),
    ]) {
        match Answers::parse(&text, "f.toml") {
            Ok(answers) => {
                let form = fiche::form::builtin();
                let report = fiche::validate::check(&form, &answers);
                let _ = fiche::coach::review(&form, &answers, &report);
                let _ = fiche::render::Renderer::new(None).render(&form, &answers, Format::Markdown, false);
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.starts_with("f.toml"), "{message}");
                prop_assert!(!message.contains("ligne 0"), "{message}");
            }
        }
    }
}
