//! The form loader: the built-in form is valid, bad form files are explained.

use fiche::form::{self, FormError, Kind};

#[test]
fn builtin_form_follows_the_domain_contract() {
    let form = form::builtin();
    let ids: Vec<&str> = form.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "identite",
            "probleme",
            "volume",
            "statu_quo",
            "pertinence",
            "solution",
            "donnees",
            "ia_responsable",
            "tco",
            "deploiement",
            "indicateurs",
            "roi",
            "mutualisation",
            "pari"
        ]
    );
    let (_, q) = form.question("volume.volume_annuel").unwrap();
    assert_eq!(q.kind, Kind::Int);
    assert!(q.required);
    let (_, q) = form.question("donnees.sources").unwrap();
    assert_eq!(q.kind, Kind::List);
    assert!(
        q.field("acces")
            .unwrap()
            .choices
            .iter()
            .any(|c| c.key == "inexistante")
    );
    // Asked whatever the AI's role (even a drafting assistant is checked).
    let (_, q) = form.question("solution.validation_humaine").unwrap();
    assert!(q.when.is_none() && q.required);
    let (_, q) = form.question("ia_responsable.information_usagers").unwrap();
    assert!(q.when.is_some() && q.required);
    let (_, q) = form.question("roi.cout_etp").unwrap();
    assert_eq!(q.default, Some(toml::Value::Integer(45000)));
}

fn bad(form_text: &str) -> FormError {
    form::parse(form_text, "mon-formulaire/form.toml").unwrap_err()
}

const HEAD: &str = "[form]\nid = \"test\"\nversion = 1\ntitle = \"Test\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n";

#[test]
fn syntax_error_names_file_line_and_column() {
    let e = bad("[form]\nid = \"test\nversion = 1\n");
    let msg = e.to_string();
    assert!(
        msg.starts_with("mon-formulaire/form.toml, ligne 2, colonne"),
        "{msg}"
    );
}

#[test]
fn unknown_type_names_the_question_and_its_line() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"texte\"\n"
    ));
    let msg = e.to_string();
    assert!(msg.contains("ligne 11"), "{msg}");
    assert!(msg.contains("« s.q »"), "{msg}");
    assert!(msg.contains("type « texte » inconnu"), "{msg}");
}

#[test]
fn choice_without_choices_is_refused() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"choice\"\n"
    ));
    assert!(e.to_string().contains("doit lister ses choix"), "{e}");
}

#[test]
fn duplicate_question_is_refused() {
    let q = "[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n\n";
    let e = bad(&format!("{HEAD}{q}{q}"));
    assert!(e.to_string().contains("déclarée deux fois"), "{e}");
    assert!(e.to_string().contains("ligne 16"), "{e}");
}

#[test]
fn condition_on_an_unknown_question_is_refused() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\nwhen = \"s.inconnue == true\"\n"
    ));
    assert!(e.to_string().contains("cite « s.inconnue »"), "{e}");
}

#[test]
fn unreadable_condition_is_refused() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\nwhen = \"s.q ==\"\n"
    ));
    assert!(
        e.to_string().contains("condition « when » illisible"),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("(s.q ==) : erreur de syntaxe (unexpected end of input"),
        "{e}"
    );
}

#[test]
fn unknown_key_in_a_question_is_refused_with_its_line() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\nrequis = true\n"
    ));
    let msg = e.to_string();
    assert!(msg.contains("ligne 14"), "{msg}");
    assert!(msg.contains("requis"), "{msg}");
}

#[test]
fn bad_id_is_refused() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"Nom Produit\"\nlabel = \"Q\"\ntype = \"text\"\n"
    ));
    assert!(
        e.to_string().contains("identifiant de question invalide"),
        "{e}"
    );
}

#[test]
fn form_dir_loads_a_second_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("form.toml"),
        format!("{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\nrequired = true\n"),
    )
    .unwrap();
    let form = form::load_dir(dir.path()).unwrap();
    assert_eq!(form.id, "test");
    assert_eq!(form.sections[0].questions[0].id, "q");
}

#[test]
fn exclusive_is_read_from_the_form_and_only_on_a_multi_choice() {
    let form = form::builtin();
    let (_, q) = form.question("ia_responsable.referents_consultes").unwrap();
    let exclusive: Vec<&str> = q
        .choices
        .iter()
        .filter(|c| c.exclusive)
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(exclusive, ["aucun"]);
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"choice\"\nchoices = [{{ key = \"a\", label = \"A\", exclusive = true }}]\n"
    ));
    assert!(
        e.to_string()
            .contains("exclusive = true n’a de sens que dans une question à choix multiple"),
        "{e}"
    );
}

#[test]
fn a_misspelt_missing_or_mistyped_key_is_refused_in_french() {
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\nrequis = true\n"
    ))
    .to_string();
    assert!(
        e.contains("clé « requis » inconnue à cet endroit (faute de frappe ?) ; clés possibles : id, label,"),
        "{e}"
    );
    let e = bad("[form]\nid = \"test\"\nversion = 1\ntitle = \"Test\"\n").to_string();
    assert!(
        e.contains("le formulaire n'a aucune section ; ajoutez au moins un bloc [[sections]]"),
        "{e}"
    );
    let e = bad("[form]\nid = \"test\"\nversion = \"1\"\ntitle = \"Test\"\n").to_string();
    assert!(e.starts_with("mon-formulaire/form.toml, ligne 3,"), "{e}");
    assert!(
        e.contains("valeur du mauvais type (texte \"1\") ; attendu : un nombre entier positif ou nul, sans guillemets"),
        "{e}"
    );
    for english in ["unknown field", "missing field", "invalid type", "expected"] {
        assert!(!e.contains(english), "{e}");
    }
}

#[test]
fn a_condition_on_a_list_field_is_refused() {
    // Nothing would read it: the field would stay asked and required.
    let e = bad(&format!(
        "{HEAD}[[sections.questions]]\nid = \"l\"\nlabel = \"L\"\ntype = \"list\"\n\n\
         [[sections.questions.fields]]\nid = \"nom\"\nlabel = \"Nom\"\ntype = \"text\"\nrequired = true\nwhen = \"s.l == true\"\n"
    ))
    .to_string();
    assert!(e.contains("ligne 20, question « s.l.nom »"), "{e}");
    assert!(
        e.contains(
            "une condition « when » ne s'applique qu'à une question, pas à un champ de liste"
        ),
        "{e}"
    );
}

#[test]
fn a_misspelt_coach_threshold_is_refused() {
    // `jalon_min` would silently leave the guide's 3 milestones in force.
    let e = bad(
        "[form]\nid = \"test\"\nversion = 1\ntitle = \"Test\"\n\n[coach]\njalon_min = 2\n\n\
         [[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n",
    )
    .to_string();
    assert!(
        e.starts_with(
            "mon-formulaire/form.toml, ligne 6 : table [coach] : clé « jalon_min » inconnue"
        ),
        "{e}"
    );
    assert!(e.contains("jalons_min"), "{e}");
}

/// A `renamed` value that is not the new id as a text used to be left
/// out, so the old answers silently stayed behind at the next migration.
#[test]
fn a_migration_renamed_to_something_else_than_a_text_is_refused_with_its_line() {
    let form = |renamed: &str| {
        format!(
            "[form]\nid = \"test\"\nversion = 2\ntitle = \"Test\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n\
             [[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n\n\
             [[migrations]]\nversion = 2\nrenamed = {renamed}\n"
        )
    };
    assert_eq!(
        bad(&form("{ \"s.ancienne\" = 3 }")).to_string(),
        "mon-formulaire/form.toml, ligne 17 : [[migrations]] version 2 : dans « renamed », « s.ancienne » doit recevoir le nouvel identifiant entre guillemets (par exemple renamed = { \"identite.sponsor\" = \"identite.commanditaire\" }), pas 3"
    );
    assert_eq!(
        bad(&form("{ \"s.a\" = \"s.q\", s.ancienne = \"s.q\" }")).to_string(),
        "mon-formulaire/form.toml, ligne 17 : [[migrations]] version 2 : dans « renamed », l’ancien identifiant « s.ancienne » est écrit sans guillemets, et TOML le lit comme une table ; mettez-le entre guillemets : renamed = { \"s.ancienne\" = \"s.q\" }"
    );
    let good = form::parse(&form("{ \"s.ancienne\" = \"s.q\" }"), "f.toml").unwrap();
    assert_eq!(
        good.migrations[0].renamed,
        [("s.ancienne".to_string(), "s.q".to_string())]
    );
}
