//! `fiche check` in-process: one application (open, validate, coach), the
//! two ways of reading an answers file (kept with its layout to be edited,
//! or read only as `check`, `render` and `diff` do), and the summary of
//! 1 000 applications checked in parallel (the examples copied 250 times
//! each into a temporary folder).
//! Run with `cargo bench --bench check`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use fiche::review::{self, Checked, Input, SortKey};

const EXAMPLES: [&str; 4] = [
    "assistant-srdt.toml",
    "tri-courriels-prefecture.toml",
    "brouillon-incomplet.toml",
    "candidature-faible.toml",
];

fn check(c: &mut Criterion) {
    let form = fiche::form::builtin();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let one = examples.join("assistant-srdt.toml");

    c.bench_function("formulaire intégré (analyse)", |b| {
        b.iter(|| black_box(fiche::form::builtin()))
    });
    c.bench_function("lecture pour modifier (mise en page gardée)", |b| {
        b.iter(|| black_box(fiche::Answers::load(&one).unwrap()))
    });
    c.bench_function("lecture seule", |b| {
        b.iter(|| black_box(fiche::answers::ReadOnly::load(&one).unwrap()))
    });
    c.bench_function(
        "check d'une candidature (lecture, vérification, coach)",
        |b| {
            b.iter(|| {
                let answers = fiche::application::read(&form, &one).unwrap();
                let report = fiche::validate::check(&form, &answers);
                black_box(fiche::coach::review(&form, &answers, &report))
            })
        },
    );

    let dir = tempfile::tempdir().unwrap();
    for i in 0..1_000 {
        let name = EXAMPLES[i % EXAMPLES.len()];
        let sub = dir.path().join(format!("service-{:02}", i % 40));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::copy(
            examples.join(name),
            sub.join(format!("candidature-{i:04}.toml")),
        )
        .unwrap();
    }
    let folder = [dir.path().to_path_buf()];
    c.bench_function(
        "récapitulatif de 1 000 candidatures (dossier, parallèle, tri)",
        |b| {
            b.iter(|| {
                let found = review::discover(&folder);
                let mut rows = Vec::with_capacity(found.files.len());
                review::summarize_all(&form, &found.files, |_: &Input, checked| {
                    if let Checked::Row(row) = checked {
                        rows.push(*row);
                    }
                });
                SortKey::Readiness.sort(&mut rows);
                black_box(rows.iter().map(review::csv::record).count())
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5));
    targets = check
}
criterion_main!(benches);
