//! The lazy context gives templates what serde gives them.

use std::path::Path;
use std::sync::Arc;

use minijinja::Environment;
use minijinja::value::Serde;

use super::*;
use crate::render::{Format, Renderer};

fn context(example: &str) -> DocumentContext {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
    let form = crate::form::builtin();
    let answers = crate::Answers::load(&path).unwrap();
    Renderer::new(None).context(&form, &answers, false).unwrap()
}

const EXAMPLES: [&str; 4] = [
    "examples/assistant-srdt.toml",
    "examples/brouillon-incomplet.toml",
    "examples/candidature-faible.toml",
    "tests/bad_input/markdown.toml",
];

/// The keys serde writes for a value, in order.
fn keys(value: &impl serde::Serialize) -> Vec<String> {
    match serde_json::to_value(value).unwrap() {
        serde_json::Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not a map: {other}"),
    }
}

#[test]
fn fields_are_the_serialized_ones_in_order() {
    let ctx = context("examples/assistant-srdt.toml");
    assert_eq!(keys(&ctx), Document::FIELDS);
    let section = &ctx.sections[0];
    assert_eq!(keys(section), Section::FIELDS);
    let serialized = serde_json::to_value(section).unwrap();
    assert_eq!(keys(&serialized["groups"][0]), Group::FIELDS);
    assert_eq!(keys(&section.questions[0]), Question::FIELDS);
}

/// Template expressions reading every part of the context in the ways
/// templates do: printed, as JSON, iterated, filtered, counted, tested.
const PROBES: &str = r#"
{{ form }}|{{ form | tojson }}|{{ product }}|{{ generated_on }}|{{ draft }}|{{ completeness }}
{{ a | tojson }}|{{ t | tojson }}|{{ t.identite }}|{{ a.volume.volume_annuel }}
{{ t }}|{{ a }}|{{ a | length }}|{{ t | list }}|{{ a | items | list }}|{{ t | dictsort | tojson }}|{{ "identite" in t }}|{{ t.nope is undefined }}|{{ a[0] is undefined }}|{{ t.tco.budget_annuel or "x" }}|{{ a == a }}|{{ t is mapping }}|{{ t.identite | length }}
{% for name, section in a | items %}{{ name }}={{ section | tojson }};{% endfor %}{% for name in t %}{{ name }}:{{ t[name] }};{% endfor %}
{{ missing | tojson }}|{{ findings | tojson }}|{{ roi | tojson }}|{{ coach | tojson }}|{{ budget }}
{{ sections | length }}|{{ sections | tojson }}
{% for s in sections %}
{{ s }}|{{ s | length }}|{{ s | list }}|{{ s | items | list }}|{{ "id" in s }}|{{ s.nope is undefined }}|{{ s["heading"] }}|{{ s.intro is none }}
{% for g in s.groups %}{{ g }}|{{ g.title is none }}|{{ g.questions | selectattr("shown") | map(attribute="full_id") | join(",") }}
{% for q in g.questions %}{{ q }}|{{ q.rows | tojson }}|{{ q.labels | join(";") }}|{{ q.group is none }}|{{ q | dictsort | tojson }}{% endfor %}
{% endfor %}
{% for q in s.questions if q.answered %}{{ loop.index }}:{{ q.text }}:{{ q.columns }}{% endfor %}
{% endfor %}
{{ (sections | selectattr("id", "eq", "donnees") | first).questions | selectattr("id", "eq", "sources") | first }}
{{ sections[0] == sections[0] }}|{{ sections | map(attribute="groups") | map("length") | list }}
"#;

#[test]
fn templates_read_the_same_values_as_from_serde() {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env.add_template("probes", PROBES).unwrap();
    let template = env.get_template("probes").unwrap();
    for example in EXAMPLES {
        let ctx = Arc::new(context(example));
        let serde = template.render(Serde(&*ctx)).unwrap();
        let live = template.render(document(ctx.clone())).unwrap();
        assert!(serde.len() > 5_000, "{example}: {serde}");
        assert_eq!(live, serde, "{example}");
    }
}

#[test]
fn every_text_document_is_the_same_from_the_lazy_context() {
    let renderer = Renderer::new(None);
    for example in EXAMPLES {
        let ctx = Arc::new(context(example));
        for format in [
            Format::Markdown,
            Format::Html,
            Format::Pitch,
            Format::PitchHtml,
        ] {
            let serde = renderer.render_template(format.template(), &*ctx).unwrap();
            let live = renderer
                .render_value(format.template(), document(ctx.clone()))
                .unwrap();
            assert_eq!(live, serde, "{example} {format:?}");
        }
    }
}

/// A document's bytes, or for an OpenDocument text its parts with the
/// date left out of `meta.xml`: it is the time of the export, to the
/// second, and two exports a moment apart can straddle a second.
fn undated(bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())) else {
        return vec![(String::new(), bytes)];
    };
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            let name = entry.name().unwrap().to_string();
            if name == "meta.xml" {
                let text = String::from_utf8(data).unwrap();
                let start = text.find("<meta:creation-date>").unwrap();
                let end = text.find("</dc:date>").unwrap();
                data = format!("{}{}", &text[..start], &text[end..]).into_bytes();
            }
            (name, data)
        })
        .collect()
}

/// The context whose coach's review is made when first read gives every
/// document and the same serialized data as the one made at once.
#[test]
fn a_deferred_review_gives_the_same_documents() {
    let form: &'static crate::Form = Box::leak(Box::new(crate::form::builtin()));
    let renderer = Renderer::new(None);
    for example in EXAMPLES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        let answers = Arc::new(crate::application::read(form, &path).unwrap());
        let made = renderer.context(form, &answers, false).unwrap();
        for format in [
            Format::Markdown,
            Format::Html,
            Format::Pitch,
            Format::PitchHtml,
            Format::Odt,
        ] {
            let deferred = renderer
                .context_owned(form, answers.clone(), false)
                .unwrap();
            assert_eq!(
                undated(renderer.export_document(format, deferred).unwrap()),
                undated(renderer.export_context(format, &made).unwrap()),
                "{example} {format:?}"
            );
        }
        let deferred = renderer
            .context_owned(form, answers.clone(), false)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&deferred).unwrap(),
            serde_json::to_string(&made).unwrap(),
            "{example}"
        );
    }
}
