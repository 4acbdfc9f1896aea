//! Render time of each document format on the complete example
//! (`examples/assistant-srdt.toml`): checking + context, then each template.
//! Run with `cargo bench --bench render` (or `--profile dev` for a quick look).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use fiche::render::{Format, Renderer};

fn render(c: &mut Criterion) {
    let form = fiche::form::builtin();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/assistant-srdt.toml");
    let answers = fiche::Answers::load(&path).expect("the example loads");
    let renderer = Renderer::new(None);

    c.bench_function("contexte (vérification + données)", |b| {
        b.iter(|| renderer.context(&form, &answers, false).unwrap())
    });
    let ctx = renderer.context(&form, &answers, false).unwrap();
    for (format, name) in [
        (Format::Markdown, "md"),
        (Format::Html, "html"),
        (Format::Pitch, "pitch"),
        (Format::Pdf, "pdf"),
    ] {
        // Fonts are parsed on first use; measure steady-state renders.
        renderer.export_context(format, &ctx).unwrap();
        c.bench_function(name, |b| {
            b.iter(|| black_box(renderer.export_context(format, black_box(&ctx)).unwrap()))
        });
    }
    // What `fiche render` does for a text format: check, context, and the
    // template reading the context lazily (`export_context` above
    // serializes a context given from outside).
    for (format, name) in [
        (
            Format::Markdown,
            "md de bout en bout (vérifié, contexte, modèle)",
        ),
        (
            Format::Html,
            "html de bout en bout (vérifié, contexte, modèle)",
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| black_box(renderer.export(&form, &answers, format, false).unwrap()))
        });
    }
    c.bench_function(
        "pdf de bout en bout (fichier lu, vérifié, compilé)",
        |b| {
            b.iter(|| {
                let answers = fiche::Answers::load(&path).unwrap();
                black_box(
                    renderer
                        .export(&form, &answers, Format::Pdf, false)
                        .unwrap(),
                )
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = render
}
criterion_main!(benches);
