//! Parangonnage on a large export: 10 000 rows (the fixture's thirty
//! initiatives repeated with varied names), ranked against the complete
//! example application. Reading + column detection, indexing, and one
//! search are measured separately, then the whole command's work.
//! Run with `cargo bench --bench parangonnage` (or `--profile dev`).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use fiche::parangonnage::{ColumnSpec, Columns, Index, Query, read_bytes, read_path};

const ROWS: usize = 10_000;

/// The fixture's rows repeated to `ROWS`, each with a distinct name, as CSV.
fn large_export() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parangonnage");
    let table = read_path(&dir.join("initiatives.csv")).expect("the fixture reads");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&table.headers).unwrap();
    for i in 0..ROWS {
        let row = &table.rows[i % table.rows.len()];
        let mut cells = row.cells.clone();
        cells[0] = format!("{} n° {i}", cells[0]);
        writer.write_record(&cells).unwrap();
    }
    writer.into_inner().unwrap()
}

fn parangonnage(c: &mut Criterion) {
    let bytes = large_export();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/assistant-srdt.toml");
    let answers = fiche::Answers::load(&path).expect("the example loads");
    let query = Query::from_answers(&answers);
    let spec = ColumnSpec::default();

    c.bench_function("lecture et colonnes (10 000 lignes)", |b| {
        b.iter(|| {
            let table = read_bytes(black_box(&bytes), "export.csv").unwrap();
            Columns::detect(&table, &spec).unwrap()
        })
    });
    let table = read_bytes(&bytes, "export.csv").unwrap();
    let columns = Columns::detect(&table, &spec).unwrap();
    c.bench_function("index BM25 (10 000 lignes)", |b| {
        b.iter(|| Index::build(black_box(&table), &columns))
    });
    let index = Index::build(&table, &columns);
    c.bench_function("classement d'une candidature (10 000 lignes)", |b| {
        b.iter(|| black_box(index.rank(black_box(&query), 10)))
    });
    c.bench_function(
        "de bout en bout : lire, indexer, classer (10 000 lignes)",
        |b| {
            b.iter(|| {
                let table = read_bytes(black_box(&bytes), "export.csv").unwrap();
                let columns = Columns::detect(&table, &spec).unwrap();
                black_box(Index::build(&table, &columns).rank(&query, 10))
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = parangonnage
}
criterion_main!(benches);
