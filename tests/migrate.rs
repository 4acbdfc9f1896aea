//! Form versions: a version-1 file opened with a test form version 2 (one id
//! renamed, one removed) loses nothing; a newer file is refused untouched.

mod common;

use std::path::Path;

use common::*;
use fiche::migrate::{self, MigrationReport};
use fiche::{Answers, application, form};

const FORM_V2: &str = r#"
[form]
id = "fiche-action"
version = 2
title = "Formulaire de test"

[[sections]]
id = "identite"
title = "Intitulé du produit"

[[sections.questions]]
id = "nom_produit"
label = "Nom du produit"
type = "text"
required = true

[[sections.questions]]
id = "commanditaire"
label = "Commanditaire"
type = "text"
reusable = true

[[sections.questions]]
id = "financeur"
label = "Financeur"
type = "text"
since = 2

[[sections]]
id = "donnees"
title = "Les données"

[[sections.questions]]
id = "jeux"
label = "Jeux de données"
type = "list"

[[sections.questions.fields]]
id = "nom"
label = "Nom"
type = "text"
required = true

[[migrations]]
version = 2
renamed = { "identite.sponsor" = "identite.commanditaire", "donnees.sources" = "donnees.jeux" }
removed = ["probleme.preuves_terrain"]
"#;

const V1: &str = r#"[meta]
form = "fiche-action"
form_version = 1

[identite]
nom_produit = "Assistant SRDT"
# décideur côté DGT
sponsor = "La DGT" # confirmé
administration = "DGT"

[probleme]
preuves_terrain = """
Des agents notent
les questions sur papier."""

[[donnees.sources]]
nom = "Code du travail"

[[donnees.sources]]
nom = "Fiches pratiques"
"#;

fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("form2")).unwrap();
    std::fs::write(dir.path().join("form2/form.toml"), FORM_V2).unwrap();
    std::fs::write(dir.path().join("v1.toml"), V1).unwrap();
    (dir, "v1.toml".to_string())
}

fn test_form() -> fiche::Form {
    form::parse(FORM_V2, "form2/form.toml").unwrap()
}

#[test]
fn opening_migrates_in_memory_and_reports_moved_and_kept_ids() {
    let form = test_form();
    let mut answers = Answers::parse(V1, "v1.toml").unwrap();
    let report = migrate::migrate(&form, &mut answers).expect("a version-1 file migrates");
    assert_eq!(
        report,
        MigrationReport {
            from: 1,
            to: 2,
            moved: vec![
                ("identite.sponsor".into(), "identite.commanditaire".into()),
                ("donnees.sources".into(), "donnees.jeux".into()),
            ],
            kept: vec!["probleme.preuves_terrain".into()],
        }
    );
    assert_eq!(report.kept_table(), "anciennes_reponses.v1");
    assert_eq!(answers.form_version(), Some(2));
    assert_eq!(answers.get("identite.sponsor"), None);
    assert_eq!(
        answers.get("identite.commanditaire"),
        Some(toml::Value::String("La DGT".into()))
    );
    let jeux = answers.get("donnees.jeux").unwrap();
    assert_eq!(jeux.as_array().unwrap().len(), 2);
    assert_eq!(answers.get("donnees.sources"), None);
    let kept = &answers.to_table()["anciennes_reponses"]["v1"]["probleme.preuves_terrain"];
    assert_eq!(
        kept.as_str(),
        Some("Des agents notent\nles questions sur papier.")
    );
    // Already up to date: nothing more to do.
    assert_eq!(migrate::migrate(&form, &mut answers), None);
}

#[test]
fn check_and_render_see_migrated_answers_and_never_write() {
    let (dir, file) = setup();
    let d = dir.path();
    let before = std::fs::metadata(d.join(&file))
        .unwrap()
        .modified()
        .unwrap();
    let out = fiche_in(d, &["check", "--form", "form2", &file]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(
        !text.contains("identite.sponsor"),
        "the renamed answer is at its new id: {text}"
    );
    assert!(text.contains("anciennes_reponses"), "{text}");
    let out = fiche_in(d, &["render", "--form", "form2", &file, "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("**Commanditaire** : La DGT"), "{md}");
    assert!(md.contains("Fiches pratiques"), "{md}");
    assert_eq!(std::fs::read_to_string(d.join(&file)).unwrap(), V1);
    assert_eq!(
        std::fs::metadata(d.join(&file))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
}

#[test]
fn saving_a_migrated_file_keeps_every_answer_and_comment() {
    let (dir, file) = setup();
    let d = dir.path();
    let out = fiche_in(
        d,
        &["set", "--form", "form2", &file, "identite.financeur=DINUM"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("version 1 du formulaire"), "{said}");
    assert!(
        said.contains("identite.sponsor → identite.commanditaire"),
        "{said}"
    );
    assert!(
        said.contains("probleme.preuves_terrain est conservée dans [anciennes_reponses.v1]"),
        "{said}"
    );
    let text = std::fs::read_to_string(d.join(&file)).unwrap();
    assert!(text.contains("form_version = 2"), "{text}");
    assert!(
        text.contains("# décideur côté DGT\ncommanditaire = \"La DGT\" # confirmé\nadministration"),
        "comments follow the renamed answer, which keeps its place: {text}"
    );
    assert!(text.contains("[anciennes_reponses.v1]"), "{text}");
    assert!(text.contains("[[donnees.jeux]]"), "{text}");
    let saved = Answers::parse(&text, &file).unwrap();
    let original = Answers::parse(V1, &file).unwrap();
    let table = saved.to_table();
    assert_eq!(
        table["anciennes_reponses"]["v1"]["probleme.preuves_terrain"],
        original.get("probleme.preuves_terrain").unwrap()
    );
    assert_eq!(saved.get("donnees.jeux"), original.get("donnees.sources"));
    assert_eq!(
        saved.get("identite.nom_produit"),
        original.get("identite.nom_produit")
    );
    assert_eq!(
        saved.get("identite.financeur"),
        Some(toml::Value::String("DINUM".into()))
    );
    // Opening the saved file again changes nothing more.
    let form = test_form();
    let (_, report) = application::open_migrating(&form, &d.join(&file)).unwrap();
    assert_eq!(report, None);
}

#[test]
fn a_renamed_answer_never_overwrites_one_already_at_its_new_id() {
    let form = test_form();
    let text = V1.replace(
        "sponsor = \"La DGT\" # confirmé",
        "sponsor = \"La DGT\"\ncommanditaire = \"Le cabinet\"",
    );
    let mut answers = Answers::parse(&text, "x").unwrap();
    let report = migrate::migrate(&form, &mut answers).unwrap();
    assert!(report.kept.contains(&"identite.sponsor".to_string()));
    assert_eq!(
        answers.get("identite.commanditaire"),
        Some(toml::Value::String("Le cabinet".into()))
    );
    assert_eq!(
        answers.to_table()["anciennes_reponses"]["v1"]["identite.sponsor"].as_str(),
        Some("La DGT")
    );
}

#[test]
fn migrations_chain_across_versions() {
    let v3 = FORM_V2
        .replace("version = 2\ntitle", "version = 3\ntitle")
        .replace("id = \"commanditaire\"", "id = \"decideur\"")
        + "\n[[migrations]]\nversion = 3\nrenamed = { \"identite.commanditaire\" = \"identite.decideur\" }\n";
    let form = form::parse(&v3, "v3").unwrap();
    let mut answers = Answers::parse(V1, "x").unwrap();
    let report = migrate::migrate(&form, &mut answers).unwrap();
    assert_eq!((report.from, report.to), (1, 3));
    assert_eq!(
        answers.get("identite.decideur"),
        Some(toml::Value::String("La DGT".into()))
    );
    assert_eq!(answers.form_version(), Some(3));
}

#[test]
fn changed_since_lists_new_or_changed_questions() {
    let form = test_form();
    assert_eq!(
        migrate::changed_since(&form, 1),
        vec!["identite.financeur".to_string()]
    );
    assert!(migrate::changed_since(&form, 2).is_empty());
    assert!(migrate::changed_since(&form::builtin(), 1).is_empty());
}

#[test]
fn a_file_from_a_newer_form_version_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "[meta]\nform = \"fiche-action\"\nform_version = 99\n\n[identite]\nnom_produit = \"Du futur\" # gardé\n";
    let path = d.join("futur.toml");
    std::fs::write(&path, text).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    for args in [
        vec!["check", "futur.toml"],
        vec!["render", "futur.toml", "-o", "-"],
        vec!["set", "futur.toml", "identite.nom_produit=X"],
        vec!["diff", "futur.toml", "futur.toml"],
        vec!["profile", "save", "futur.toml"],
    ] {
        let out = fiche_in(d, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("version 99"), "{args:?}: {err}");
        assert!(err.contains("plus récente"), "{args:?}: {err}");
        assert!(err.contains("n’a pas été modifié"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), text.as_bytes());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
    assert!(!Path::new(&d.join(".config-test/fiche/profil.toml")).exists());
}
