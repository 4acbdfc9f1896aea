//! `fiche check` on many applications: folders, skipped files, the summary
//! table and its CSV and JSON twins, the sort orders.

mod common;

use std::path::Path;

use common::*;

const EXAMPLES: [&str; 4] = [
    "assistant-srdt.toml",
    "tri-courriels-prefecture.toml",
    "brouillon-incomplet.toml",
    "candidature-faible.toml",
];

/// A folder of applications as a ministry collects them: examples in
/// sub-folders, a tool's configuration and a note that are not applications.
fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("nord/lille")).unwrap();
    std::fs::create_dir_all(root.join("sud")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    copy("assistant-srdt.toml", &root.join("nord/srdt.toml"));
    copy(
        "tri-courriels-prefecture.toml",
        &root.join("nord/lille/tri.toml"),
    );
    copy("brouillon-incomplet.toml", &root.join("sud/brouillon.toml"));
    copy("candidature-faible.toml", &root.join("faible.toml"));
    std::fs::write(root.join("sud/rustfmt.toml"), "edition = \"2024\"\n").unwrap();
    std::fs::write(
        root.join("autre-formulaire.toml"),
        "[meta]\nform = \"appel-a-projets\"\n",
    )
    .unwrap();
    std::fs::write(root.join("notes.txt"), "pas du TOML").unwrap();
    copy("assistant-srdt.toml", &root.join(".git/cache.toml"));
    dir
}

fn copy(example_name: &str, to: &Path) {
    std::fs::copy(example(example_name), to).unwrap();
}

fn text_width(line: &str) -> usize {
    line.chars()
        .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

fn csv_rows(out: &std::process::Output) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = out
        .stdout
        .strip_prefix("\u{feff}".as_bytes())
        .expect("UTF-8 BOM first");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn one_skipped_file_is_counted_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    copy("assistant-srdt.toml", &dir.path().join("srdt.toml"));
    copy("candidature-faible.toml", &dir.path().join("faible.toml"));
    std::fs::write(dir.path().join("rustfmt.toml"), "edition = \"2024\"\n").unwrap();
    let out = fiche(&["check", dir.path().to_str().unwrap()]);
    let text = stdout(&out);
    assert!(
        text.contains("Ignorés : 1 fichier qui n’est pas une candidature"),
        "{text}"
    );
}

#[test]
fn a_folder_is_walked_recursively_and_other_toml_files_are_skipped() {
    let dir = collection();
    let out = fiche(&["check", dir.path().to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    for file in ["srdt.toml", "tri.toml", "brouillon.toml", "faible.toml"] {
        let lines = text.lines().filter(|l| l.contains(file)).count();
        assert_eq!(lines, 1, "{file} once in:\n{text}");
    }
    assert!(text.contains("Assistant SRDT"), "{text}");
    assert!(text.contains("4 candidatures"), "{text}");
    assert!(
        text.contains("Ignorés : 2 fichiers qui ne sont pas des candidatures"),
        "{text}"
    );
    assert!(
        text.contains("rustfmt.toml") && text.contains("appel-a-projets"),
        "{text}"
    );
    assert!(
        !text.contains("cache.toml"),
        "hidden folders are not entered: {text}"
    );
    assert!(!text.contains("notes.txt"), "{text}");
    for line in text.lines().filter(|l| !l.starts_with("  ")) {
        assert!(
            text_width(line) <= 120,
            "{} columns: {line}",
            text_width(line)
        );
    }
}

#[test]
fn one_table_line_per_application_sorted_by_readiness() {
    let files: Vec<String> = EXAMPLES.iter().map(|n| example_str(n)).collect();
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let out = fiche(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let header = text.lines().next().unwrap();
    for column in [
        "Fichier",
        "Produit",
        "Administration",
        "Compl.",
        "Score",
        "E/A",
        "Budget",
        "Demandé",
        "Écon.",
        "Remarque principale",
    ] {
        assert!(header.contains(column), "{column} missing: {header}");
    }
    let rows: Vec<&str> = text.lines().skip(1).take_while(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    let json = fiche(&[&args[..], &["--format", "json"]].concat());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    let scores: Vec<u64> = rows
        .iter()
        .map(|r| r["readiness"].as_u64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // No score above its completeness: the 7 % draft is no longer ranked
    // as « 43/100 », above half ready.
    for r in &rows {
        assert!(r["readiness"].as_u64() <= r["completeness"].as_u64(), "{r}");
    }
    let draft = rows
        .iter()
        .find(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .ends_with("brouillon-incomplet.toml")
        })
        .unwrap();
    assert_eq!(draft["completeness"], 7);
    assert_eq!(draft["readiness"], 7);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .contains(rows[0]["product"].as_str().unwrap_or("—")),
        "the table and the JSON agree on the first row:\n{text}"
    );
}

/// The completeness is written « 7 % » with a no-break space, as the
/// score's cap line and the documents write it (it was an ordinary space
/// here), and the right-aligned « Compl. » column still ends at the same
/// column on every line: 100 % and 7 % under their header.
#[test]
fn the_completeness_column_keeps_the_sign_with_its_figure_and_aligned() {
    let files: Vec<String> = EXAMPLES.iter().map(|n| example_str(n)).collect();
    let mut args = vec!["check", "--sort", "fichier"];
    args.extend(files.iter().map(String::as_str));
    let text = stdout(&fiche(&args));
    let lines: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
    let header = lines[0];
    let column_end = |line: &str, cell: &str| {
        let at = line
            .find(cell)
            .unwrap_or_else(|| panic!("{cell} in {line}"));
        text_width(&line[..at + cell.len()])
    };
    let end = column_end(header, "Compl.");
    let mut percents = Vec::new();
    for row in &lines[1..] {
        assert!(!row.contains(" %"), "ordinary space before %: {row}");
        let cell_end = column_end(row, "\u{a0}%");
        assert_eq!(cell_end, end, "« Compl. » misaligned:\n{header}\n{row}");
        let figure = row[..row.find("\u{a0}%").unwrap()]
            .rsplit(' ')
            .next()
            .unwrap();
        percents.push(figure.to_string());
    }
    assert_eq!(percents, ["100", "100", "7", "100"], "{text}");
}

#[test]
fn json_rows_carry_the_figures_of_each_application() {
    let srdt = example_str("assistant-srdt.toml");
    let draft = example_str("brouillon-incomplet.toml");
    let out = fiche(&[
        "check", "--format", "json", "--sort", "fichier", &srdt, &draft,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(rows.len(), 2);
    let ready = &rows[0];
    assert_eq!(ready["file"], srdt.as_str());
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["product"], "Assistant SRDT");
    assert_eq!(ready["completeness"], 100);
    assert_eq!(ready["coach_errors"], 0);
    assert!(ready["budget_per_year"].as_f64().unwrap() > 0.0);
    assert!(ready["savings_per_year"].as_f64().unwrap() > 0.0);
    let incomplete = &rows[1];
    assert_eq!(incomplete["status"], "to_complete");
    assert!(incomplete["completeness"].as_u64().unwrap() < 100);
    let top = &incomplete["top_finding"];
    assert!(top["question"].as_str().unwrap().contains('.'), "{top}");
    assert!(!top["title"].as_str().unwrap().is_empty());
}

#[test]
fn csv_has_a_header_semicolons_and_quotes_what_needs_it() {
    let dir = tempfile::tempdir().unwrap();
    let tricky = dir.path().join("point;virgule.toml");
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace(
            "nom_produit = \"Assistant SRDT\"",
            "nom_produit = \"Assistant; \\\"SRDT\\\"\\nsur deux lignes\"",
        );
    assert!(
        text.contains("sur deux lignes"),
        "the example names its product"
    );
    std::fs::write(&tricky, text).unwrap();
    copy(
        "brouillon-incomplet.toml",
        &dir.path().join("brouillon.toml"),
    );
    let out = fiche(&[
        "check",
        "--format",
        "csv",
        "--sort",
        "fichier",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let raw = stdout(&out);
    let first_line = raw.lines().next().unwrap();
    assert!(
        first_line.starts_with("\u{feff}fichier;état;produit;administration;"),
        "{first_line}"
    );
    let (header, rows) = csv_rows(&out);
    assert_eq!(header.len(), 15, "{header:?}");
    assert!(header.contains(&"économies par an (€)".to_string()));
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let row = rows
        .iter()
        .find(|r| r[0].ends_with("point;virgule.toml"))
        .expect("the file with a ; in its name");
    assert_eq!(row[2], "Assistant; \"SRDT\"\nsur deux lignes");
    assert_ne!(
        row[1], "illisible",
        "a line break is an answer, not a broken file"
    );
    let savings: f64 = row[10].parse().expect("amounts are plain numbers");
    assert!(savings > 0.0);
    assert!(
        raw.contains("\"Assistant; \"\"SRDT\"\"\nsur deux lignes\""),
        "{raw}"
    );
}

/// Written to a file or a pipe (not a terminal), the CSV shows an answer's
/// escape and bidi characters as every document does, and keeps the cents
/// of an amount answered with some.
#[test]
fn csv_to_a_file_shows_control_characters_and_keeps_cents() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace(
            "nom_produit = \"Assistant SRDT\"",
            "nom_produit = \"Assistant \\u001b]52;c;eA==\\u0007\\u202eTDRS\"",
        )
        .replace("budget_annuel = 300000", "budget_annuel = 999999999999.99")
        .replace("montant_demande = 150000", "montant_demande = 149999.5");
    assert!(text.contains("999999999999.99") && text.contains("149999.5"));
    let file = dir.path().join("a.toml");
    std::fs::write(&file, text).unwrap();
    let out = fiche(&["check", "--format", "csv", file.to_str().unwrap()]);
    let raw = stdout(&out);
    assert!(!raw.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{raw:?}");
    let (header, rows) = csv_rows(&out);
    assert_eq!(rows.len(), 1, "{raw}");
    assert_eq!(rows[0].len(), header.len());
    assert_eq!(rows[0][2], "Assistant ␛]52;c;eA==␇<U+202E>TDRS");
    assert_eq!(header[8], "budget annuel (€)");
    assert_eq!(rows[0][8], "999999999999,99");
    assert_eq!(rows[0][9], "149999,50");
    let json = fiche(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let raw = stdout(&json);
    assert!(!raw.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{raw:?}");
    assert!(
        raw.contains("\\u001b]52;c;eA==\\u0007\\u202eTDRS"),
        "JSON keeps the data, escaped: {raw}"
    );
}

#[test]
fn csv_and_json_give_the_same_rows() {
    let dir = collection();
    let path = dir.path().to_str().unwrap();
    let csv = fiche(&["check", "--format", "csv", path]);
    let json = fiche(&["check", "--format", "json", path]);
    assert_eq!(csv.status.code(), json.status.code());
    let (_, rows) = csv_rows(&csv);
    let json: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows.len(), json.len());
    for (c, j) in rows.iter().zip(&json) {
        assert_eq!(c[0], j["file"].as_str().unwrap());
        assert_eq!(c[5], j["readiness"].to_string());
    }
    assert!(
        stderr(&csv).contains("Ignorés : 2"),
        "skipped files go to stderr: {}",
        stderr(&csv)
    );
}

#[test]
fn each_sort_order() {
    let files: Vec<String> = EXAMPLES.iter().map(|n| example_str(n)).collect();
    let rows = |sort: &str| -> Vec<serde_json::Value> {
        let mut args = vec!["check", "--format", "json", "--sort", sort];
        args.extend(files.iter().map(String::as_str));
        let out = fiche(&args);
        assert_eq!(out.status.code(), Some(1), "{sort}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let by_file: Vec<String> = rows("fichier")
        .iter()
        .map(|r| r["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        by_file, files,
        "--sort fichier keeps the order of the arguments"
    );
    let descending = |key: &str, sort: &str| {
        let values: Vec<f64> = rows(sort)
            .iter()
            .map(|r| r[key].as_f64().unwrap_or(f64::NEG_INFINITY))
            .collect();
        assert!(
            values.windows(2).all(|w| w[0] >= w[1]),
            "{sort}: {values:?}"
        );
    };
    descending("readiness", "score");
    descending("completeness", "completude");
    descending("savings_per_year", "economies");
    descending("budget_per_year", "budget");
    descending("amount_asked", "montant");
    let products: Vec<String> = rows("produit")
        .iter()
        .filter_map(|r| r["product"].as_str().map(str::to_lowercase))
        .collect();
    let mut sorted = products.clone();
    sorted.sort();
    assert_eq!(products, sorted);
    let out = fiche(&["check", "--sort", "n-importe", &files[0], &files[1]]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn one_file_and_details_keep_the_full_report() {
    let srdt = example_str("assistant-srdt.toml");
    let draft = example_str("brouillon-incomplet.toml");
    let out = fiche(&["check", &srdt]);
    assert!(
        stdout(&out).contains("Score de préparation"),
        "{}",
        stdout(&out)
    );
    let out = fiche(&["check", "--details", &srdt, &draft]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.matches("Score de préparation").count(), 2, "{text}");
    assert!(!text.contains("Remarque principale"));
    let out = fiche(&["check", "--details", "--format", "csv", &srdt]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--details"), "{}", stderr(&out));
}

#[test]
fn a_broken_file_in_a_folder_is_a_row_and_exit_2_and_an_empty_folder_is_an_error() {
    let dir = collection();
    std::fs::write(
        dir.path().join("sud/cassé.toml"),
        "[identite]\nnom_produit = \"ouvert\n",
    )
    .unwrap();
    let out = fiche(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("cassé.toml"))
        .expect("a row for the broken file");
    assert!(line.contains("illisible"), "{line}");
    assert!(stderr(&out).contains("ligne 2"), "{}", stderr(&out));
    assert!(
        text.contains("4 candidatures") || text.contains("5 candidatures"),
        "{text}"
    );

    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("rustfmt.toml"), "edition = \"2024\"\n").unwrap();
    let out = fiche(&["check", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("aucune candidature"),
        "{}",
        stderr(&out)
    );

    // A folder with no .toml at all, even one named like an application,
    // is named in the error with what to do.
    let folder = empty.path().join("dossier.toml");
    std::fs::create_dir(&folder).unwrap();
    let out = fiche(&["check", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("dossier.toml » ne contient aucun fichier .toml"),
        "{err}"
    );
    assert!(err.contains("fiche new candidature.toml"), "{err}");
}

#[test]
fn all_ready_applications_exit_0() {
    let out = fiche(&[
        "check",
        &example_str("assistant-srdt.toml"),
        &example_str("tri-courriels-prefecture.toml"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("2 prêtes"), "{}", stdout(&out));
}
