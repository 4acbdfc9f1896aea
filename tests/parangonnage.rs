//! Parangonnage on a realistic export of some thirty made-up initiatives
//! (`tests/fixtures/parangonnage/`), in each format users download: Grist's
//! CSV, an Excel `;` CSV in UTF-8 with BOM and in Windows-1252, and XLSX.
//! The two example applications must find their own kind of project first.

mod common;

use std::path::{Path, PathBuf};

use common::{example, fiche, stderr, stdout};
use fiche::parangonnage::{
    ColumnSpec, Columns, Index, ParangonnageError, Query, Ranked, Table, read_bytes, read_path,
};

const LABOUR_LAW: [&str; 4] = [
    "Assistant réponse droit du travail",
    "Recherche dans les conventions collectives",
    "Calcul des indemnités de rupture expliqué",
    "Synthèse des rapports de contrôle",
];
const MAIL: [&str; 4] = [
    "Aiguilleur de courriels du service des étrangers",
    "Tri du courrier entrant",
    "Classement des messages de la messagerie sécurisée",
    "Réponses types aux courriels des allocataires",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parangonnage")
        .join(name)
}

fn fixture_str(name: &str) -> String {
    fixture(name).display().to_string()
}

fn columns(table: &Table) -> Columns {
    Columns::detect(table, &ColumnSpec::default()).expect("columns are recognised")
}

fn rank(table: &Table, query: &Query, limit: usize) -> Vec<Ranked> {
    Index::build(table, &columns(table)).rank(query, limit)
}

fn application(name: &str) -> Query {
    let answers = fiche::Answers::load(&example(name)).expect("the example loads");
    Query::from_answers(&answers)
}

fn names(results: &[Ranked]) -> Vec<&str> {
    results.iter().map(|r| r.initiative.name.as_str()).collect()
}

/// The XLSX variant, written the way a spreadsheet would: other headers,
/// and a contact column whose header (« Équipe ») says nothing.
fn xlsx_variant(dir: &Path) -> PathBuf {
    let table = read_path(&fixture("initiatives.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "Projet",
        "Ministère",
        "Présentation",
        "Thème",
        "Stade",
        "Données",
        "Équipe",
        "Lien",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
            }
        }
    }
    let path = dir.join("initiatives.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn grist_csv_is_read_with_its_line_breaks_quotes_and_empty_cells() {
    let table = read_path(&fixture("initiatives.csv")).unwrap();
    assert_eq!(table.headers.len(), 8);
    assert_eq!(table.rows.len(), 30);
    let c = columns(&table);
    assert_eq!(table.headers[c.name], "Nom de l'initiative");
    assert_eq!(
        table.headers[c.administration.unwrap()],
        "Administration porteuse"
    );
    assert_eq!(table.headers[c.description], "Description du cas d'usage");
    assert_eq!(table.headers[c.contact.unwrap()], "Contact référent");
    assert_eq!(
        c.links,
        [7],
        "the « Lien » column is left out of the search"
    );

    let mail = table
        .rows
        .iter()
        .find(|r| r.cells[0] == "Tri du courrier entrant")
        .unwrap();
    assert!(mail.cells[2].contains(
        "numérisé et des courriels des assurés.\nLa classification par motif \"remboursement\""
    ));
    let empty = table
        .rows
        .iter()
        .find(|r| r.cells[0] == "Projet sans description")
        .unwrap();
    assert_eq!(empty.cells[1], "Rectorat de Lyon");
    assert_eq!(empty.cells[2], "");
    // Lines count the line breaks inside quoted cells.
    assert_eq!(table.rows[5].line, 8);
}

#[test]
fn excel_variants_read_the_same_rows() {
    let grist = read_path(&fixture("initiatives.csv")).unwrap();
    for name in [
        "initiatives-point-virgule.csv",
        "initiatives-windows-1252.csv",
    ] {
        let table = read_path(&fixture(name)).unwrap();
        assert_eq!(table.headers[0], "Intitulé", "{name}");
        assert_eq!(table.rows.len(), 30, "{name}");
        for (a, b) in grist.rows.iter().zip(&table.rows) {
            assert_eq!(a.cells, b.cells, "{name}");
        }
        let c = columns(&table);
        let headers: Vec<&str> = [
            Some(c.name),
            c.administration,
            Some(c.description),
            c.contact,
        ]
        .map(|i| table.headers[i.unwrap()].as_str())
        .to_vec();
        assert_eq!(
            headers,
            ["Intitulé", "Structure", "Résumé", "Courriel"],
            "{name}"
        );
    }
}

#[test]
fn xlsx_variant_is_read_and_its_contact_found_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = xlsx_variant(dir.path());
    let table = read_path(&path).unwrap();
    assert_eq!(table.rows.len(), 30);
    assert_eq!(table.rows[0].line, 2);
    let c = columns(&table);
    assert_eq!(table.headers[c.name], "Projet");
    assert_eq!(table.headers[c.administration.unwrap()], "Ministère");
    assert_eq!(table.headers[c.description], "Présentation");
    assert_eq!(table.headers[c.contact.unwrap()], "Équipe");
    let results = rank(&table, &application("tri-courriels-prefecture.toml"), 3);
    assert_eq!(names(&results)[0], MAIL[0]);
}

#[test]
fn labour_law_assistant_finds_the_labour_law_initiatives_first() {
    let table = read_path(&fixture("initiatives.csv")).unwrap();
    let results = rank(&table, &application("assistant-srdt.toml"), 10);
    let top: Vec<&str> = names(&results);
    assert_eq!(top[0], LABOUR_LAW[0], "{top:?}");
    for name in &top[..3] {
        assert!(LABOUR_LAW.contains(name), "top 3 {top:?}");
    }
    // Matched for labour-law reasons (the words shown are the top eight).
    for word in ["travail", "code", "convention"] {
        assert!(
            results[0].words.iter().any(|w| w == word),
            "{word}: {:?}",
            results[0].words
        );
    }
    assert!(results[0].score > results[3].score);
}

#[test]
fn mail_sorting_finds_the_mail_initiatives_first() {
    let table = read_path(&fixture("initiatives.csv")).unwrap();
    let results = rank(&table, &application("tri-courriels-prefecture.toml"), 10);
    let top: Vec<&str> = names(&results);
    assert_eq!(top[0], MAIL[0], "{top:?}");
    for name in &top[..3] {
        assert!(MAIL.contains(name), "top 3 {top:?}");
    }
    assert!(
        results[0].words.iter().any(|w| w.starts_with("courriel")),
        "{:?}",
        results[0].words
    );
}

#[test]
fn every_variant_ranks_alike() {
    let query = application("assistant-srdt.toml");
    let expected = names(&rank(
        &read_path(&fixture("initiatives.csv")).unwrap(),
        &query,
        5,
    ))
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    let dir = tempfile::tempdir().unwrap();
    for path in [
        fixture("initiatives-point-virgule.csv"),
        fixture("initiatives-windows-1252.csv"),
        xlsx_variant(dir.path()),
    ] {
        let table = read_path(&path).unwrap();
        assert_eq!(
            names(&rank(&table, &query, 5)),
            expected,
            "{}",
            path.display()
        );
    }
}

#[test]
fn a_few_words_are_enough() {
    let table = read_path(&fixture("initiatives.csv")).unwrap();
    let results = rank(&table, &Query::from_words("tri de courriels"), 3);
    let mut top2 = names(&results)[..2].to_vec();
    top2.sort();
    assert_eq!(top2, [MAIL[0], MAIL[1]]);
    let results = rank(&table, &Query::from_words("conventions collectives"), 10);
    assert_eq!(names(&results)[0], LABOUR_LAW[1]);
    assert!(rank(&table, &Query::from_words("astronomie"), 10).is_empty());
}

#[test]
fn garbled_exports_get_a_clear_french_error() {
    let binary: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
    let err = read_bytes(&binary, "export.csv").unwrap_err();
    assert_eq!(
        err.to_string(),
        "export.csv : ce fichier n’est ni un CSV ni un classeur (XLSX, ODS, XLS) : il contient des données binaires.\n  Téléchargez le tableau depuis Grist au format CSV ou XLSX (menu de la table), puis relancez."
    );

    let table = read_path(&fixture("sans-en-tete.csv")).unwrap();
    let err = Columns::detect(&table, &ColumnSpec::default()).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, ParangonnageError::Columns { .. }));
    assert!(text.contains("impossible de reconnaître ni la colonne du nom de l’initiative ni la colonne de la description"), "{text}");
    assert!(text.contains("« Assistant réponse droit du travail », « DREETS Occitanie », « Assistant conversationnel qui aide les c… »"), "{text}");
    assert!(text.contains("--colonnes nom="), "{text}");

    let table = read_path(&fixture("une-colonne.csv")).unwrap();
    let err = Columns::detect(&table, &ColumnSpec::default()).unwrap_err();
    assert!(
        err.to_string().contains(
            "une-colonne.csv : une seule colonne (« Initiatives ») : impossible de distinguer"
        ),
        "{err}"
    );
}

#[test]
fn cli_table_shows_rank_name_administration_words_and_contact() {
    let out = fiche(&[
        "parangonnage",
        &example("assistant-srdt.toml").display().to_string(),
        &fixture_str("initiatives.csv"),
        "-n",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Initiatives les plus proches de « Assistant SRDT » dans "),
        "{text}"
    );
    assert!(text.contains("(30 initiatives lues)"), "{text}");
    assert!(text.contains("Colonnes : nom « Nom de l'initiative », administration « Administration porteuse », description « Description du cas d'usage », contact « Contact référent »"), "{text}");
    let first = text
        .lines()
        .find(|l| l.trim_start().starts_with("1  "))
        .unwrap();
    assert!(first.contains("Assistant réponse droit du tr"), "{first}");
    assert!(first.contains("DREETS Occitanie"), "{first}");
    assert!(first.contains("travail"), "{first}");
    assert!(first.ends_with("srdt-occitanie@exemple.gouv.fr"), "{first}");
    assert!(
        !text.lines().any(|l| l.trim_start().starts_with("4  ")),
        "-n 3 shows three: {text}"
    );
}

#[test]
fn cli_json_and_csv_are_machine_readable() {
    let export = fixture_str("initiatives-point-virgule.csv");
    let out = fiche(&[
        "parangonnage",
        &export,
        "tri de courriels",
        "--format",
        "json",
        "-n",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["query"], "tri de courriels");
    assert_eq!(json["rows"], 30);
    assert_eq!(json["columns"][0]["key"], "nom");
    assert_eq!(json["columns"][0]["header"], "Intitulé");
    let results = json["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["rank"], 1);
    let aiguilleur = results.iter().find(|r| r["name"] == MAIL[0]).unwrap();
    assert_eq!(aiguilleur["contact"], "bureau-etrangers@exemple.gouv.fr");
    assert!(
        aiguilleur["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "courriels")
    );

    let out = fiche(&[
        "parangonnage",
        &export,
        "tri de courriels",
        "--format",
        "csv",
        "-n",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("rang"));
    assert_eq!(headers.get(1), Some("nom"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].get(0), Some("2"));
    let tri = rows.iter().find(|r| r.get(1) == Some(MAIL[1])).unwrap();
    assert!(
        tri.get(7).unwrap().contains('\n'),
        "the description keeps its line break"
    );
}

#[test]
fn cli_errors_are_french_with_exit_2() {
    let out = fiche(&["parangonnage", &fixture_str("une-colonne.csv"), "courriels"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("une seule colonne (« Initiatives »)"),
        "{}",
        stderr(&out)
    );

    let out = fiche(&[
        "parangonnage",
        &fixture_str("initiatives.csv"),
        "courriels",
        "--colonnes",
        "nom=Titre",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--colonnes : aucune colonne « Titre »"),
        "{}",
        stderr(&out)
    );

    let out = fiche(&["parangonnage", &fixture_str("initiatives.csv"), "   "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("donnez des mots à chercher"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn cli_never_prints_escape_sequences_from_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piege.csv");
    std::fs::write(
        &path,
        "Nom,Description,Contact\n\"Tri\x1b]52;c;cGlyYXRl\x07 des courriels\",\"Tri des courriels \u{202e}reçus\",\"a@b.fr\x1b[2J\"\n",
    )
    .unwrap();
    for format in ["table", "json", "csv"] {
        let out = fiche(&[
            "parangonnage",
            &path.display().to_string(),
            "courriels",
            "--format",
            format,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("courriels"), "{format}: {text}");
        assert!(
            !text.contains('\x1b') && !text.contains('\x07') && !text.contains('\u{202e}'),
            "{format}: {text:?}"
        );
    }
}

/// The collaborative table is edited by many: a cell that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@` first) is written with a
/// leading apostrophe in `--format csv`, as `fiche check --format csv`
/// does, so that opening the ranking in Calc or Excel runs nothing.
#[test]
fn the_csv_ranking_runs_no_formula_a_cell_of_the_export_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piege.csv");
    std::fs::write(
        &path,
        "Nom,Administration,Description,Contact\n\"=HYPERLINK(\"\"http://x\"\";\"\"Tri\"\")\",+33 1 23,Tri des courriels,@SUM(A1)\n",
    )
    .unwrap();
    let out = fiche(&[
        "parangonnage",
        &path.display().to_string(),
        "courriels",
        "--format",
        "csv",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[1], "'=HYPERLINK(\"http://x\";\"Tri\")");
    assert_eq!(&row[2], "'+33 1 23");
    assert_eq!(&row[4], "'@SUM(A1)");
    assert_eq!(&row[0], "1", "numbers stay numbers");
}

/// A copy of the mail-sorting example, to cite initiatives into.
fn mail_application(dir: &Path) -> PathBuf {
    let path = dir.join("candidature.toml");
    std::fs::copy(example("tri-courriels-prefecture.toml"), &path).unwrap();
    path
}

fn cited(path: &Path) -> String {
    let answers = fiche::Answers::load(path).expect("the application still parses");
    match answers.get("pertinence.solutions_existantes") {
        Some(toml::Value::String(text)) => text,
        other => panic!("{other:?}"),
    }
}

#[test]
fn cli_citer_appends_the_chosen_initiatives_once_without_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let path = mail_application(dir.path());
    let before = cited(&path);
    let application = path.display().to_string();
    let export = fixture_str("initiatives.csv");
    let out = fiche(&["parangonnage", &application, &export, "--citer", "1,3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Ajouté à « Solutions existantes dans l’administration (parangonnage) » (pertinence.solutions_existantes) dans "), "{text}");
    assert!(text.contains("  - Aiguilleur de courriels du service des étrangers (Préfecture de la Gironde) : ce que nous en retenons : à compléter\n"), "{text}");
    assert!(text.contains("Les contacts ne sont pas recopiés"), "{text}");

    let after = cited(&path);
    let added = after
        .strip_prefix(before.trim_end())
        .expect("what was written is kept");
    let lines: Vec<&str> = added.trim_start().lines().collect();
    assert_eq!(lines.len(), 2, "{added:?}");
    assert_eq!(
        lines[0],
        "- Aiguilleur de courriels du service des étrangers (Préfecture de la Gironde) : ce que nous en retenons : à compléter"
    );
    assert!(lines[1].starts_with("- Classement des messages"), "{added}");
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(
        !file.contains("bureau-etrangers@exemple.gouv.fr"),
        "no contact in the fiche"
    );

    // Citing the same rank again writes nothing; a new rank goes under the list.
    let bytes = std::fs::read(&path).unwrap();
    let out = fiche(&["parangonnage", &application, &export, "--citer", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Rien à ajouter"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file untouched");
    let out = fiche(&["parangonnage", &application, &export, "--citer", "2,1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Déjà citée auparavant, non ajoutée : « Aiguilleur de courriels du service des étrangers »."),
        "{}",
        stdout(&out)
    );
    let last = cited(&path);
    assert!(last.starts_with(&after), "{last}");
    assert!(
        last[after.len()..].starts_with("\n- Tri du courrier entrant"),
        "{last}"
    );
}

#[test]
fn cli_citer_refuses_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = mail_application(dir.path());
    let application = path.display().to_string();
    let export = fixture_str("initiatives.csv");
    let bytes = std::fs::read(&path).unwrap();

    let out = fiche(&["parangonnage", &application, &export, "--citer", "99"]);
    assert_eq!(out.status.code(), Some(2));
    // The count depends on the ranking; the message names the rank and
    // the range that exists.
    let err = stderr(&out);
    let n = err
        .split("--citer 99 : seules ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!((1..99).contains(&n), "{err}");
    assert!(
        err.contains(&format!(
            "{n} initiatives partagent des mots avec la candidature (rangs 1 à {n}) ; la candidature n’a pas été modifiée."
        )),
        "{err}"
    );
    let out = fiche(&["parangonnage", &export, "courriels", "--citer", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("donnez-la en premier"),
        "{}",
        stderr(&out)
    );
    let out = fiche(&["parangonnage", &application, &export, "--citer", "0"]);
    assert_eq!(out.status.code(), Some(2), "ranks start at 1");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    // An answer that already fills the limit: nothing is cut, nothing written.
    let long = "x".repeat(1990);
    let out = fiche(&[
        "set",
        &application,
        &format!("pertinence.solutions_existantes={long}"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&path).unwrap();
    let out = fiche(&["parangonnage", &application, &export, "--citer", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("est trop long"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("n’a pas été modifié"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    // A file that does not parse is never overwritten.
    let broken = dir.path().join("casse.toml");
    std::fs::write(&broken, "[pertinence\nsolutions_existantes = \"a\"\n").unwrap();
    let out = fiche(&[
        "parangonnage",
        &broken.display().to_string(),
        &export,
        "--citer",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "[pertinence\nsolutions_existantes = \"a\"\n"
    );
}

#[cfg(unix)]
#[test]
fn cli_citer_leaves_a_read_only_application_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = mail_application(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let out = fiche(&[
        "parangonnage",
        &path.display().to_string(),
        &fixture_str("initiatives.csv"),
        "--citer",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("lecture seule"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
