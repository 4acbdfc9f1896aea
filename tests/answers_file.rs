//! The answers-file contract: lossless round-trips, atomic and careful saves.

mod common;

use fiche::{Answers, AnswersError, application, form};

#[test]
fn unknown_ids_and_comments_survive_load_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let text = "# Ma candidature (commentaire écrit à la main)\n[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[identite]\n# le nom définitif reste à valider\nnom_produit = \"Assistant\" # provisoire\nquestion_du_futur = \"gardée\"\n\n[section_future]\nx = 1\n";
    std::fs::write(&path, text).unwrap();
    let mut answers = Answers::load(&path).unwrap();
    answers
        .set(
            "identite.nom_produit",
            Some(toml::Value::String("Assistant SRDT".into())),
        )
        .unwrap();
    answers.save(&path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("# Ma candidature (commentaire écrit à la main)"),
        "{saved}"
    );
    assert!(
        saved.contains("# le nom définitif reste à valider"),
        "{saved}"
    );
    assert!(
        saved.contains("nom_produit = \"Assistant SRDT\" # provisoire"),
        "{saved}"
    );
    assert!(saved.contains("question_du_futur = \"gardée\""), "{saved}");
    assert!(saved.contains("[section_future]"), "{saved}");
    let again = Answers::load(&path).unwrap();
    assert_eq!(
        again.get("identite.question_du_futur"),
        Some(toml::Value::String("gardée".into()))
    );
}

#[test]
fn complete_example_round_trips_without_loss() {
    let text = std::fs::read_to_string(common::example("assistant-srdt.toml")).unwrap();
    let answers = Answers::parse(&text, "x").unwrap();
    assert_eq!(answers.to_toml_string(), text);
    let sources = answers.get("donnees.sources").unwrap();
    assert!(sources.as_array().unwrap().len() >= 3);
}

#[test]
fn lists_are_written_as_arrays_of_tables() {
    let form = form::builtin();
    let mut answers = Answers::new(&form);
    let source: toml::Value = toml::from_str::<toml::Table>(
        "v = [{ nom = \"Code du travail\", nature = \"documents\", acces = \"ouverte\" }]",
    )
    .unwrap()["v"]
        .clone();
    answers.set("donnees.sources", Some(source)).unwrap();
    let text = answers.to_toml_string();
    assert!(text.contains("[[donnees.sources]]"), "{text}");
    assert!(text.contains("nom = \"Code du travail\""), "{text}");
}

#[test]
fn a_file_that_no_longer_parses_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let form = form::builtin();
    let mut answers = Answers::new(&form);
    answers.save(&path).unwrap();
    std::fs::write(&path, "[identite\nnom = ").unwrap();
    let err = answers.save(&path).unwrap_err();
    assert!(matches!(err, AnswersError::RefuseOverwrite { .. }), "{err}");
    assert!(err.to_string().contains("n’a pas été écrasé"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "[identite\nnom = ");
}

#[test]
fn save_leaves_no_temporary_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let mut answers = Answers::new(&form::builtin());
    answers.save(&path).unwrap();
    answers.save(&path).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["a.toml".to_string()]);
}

#[test]
fn saving_into_a_missing_folder_is_a_clear_error() {
    let mut answers = Answers::new(&form::builtin());
    let err = answers
        .save(std::path::Path::new("/nonexistent-dir/x.toml"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("le dossier « /nonexistent-dir » n’existe pas"),
        "{err}"
    );
}

#[test]
fn newer_form_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let text = "[meta]\nform = \"fiche-action\"\nform_version = 99\n";
    std::fs::write(&path, text).unwrap();
    let err = application::open(&form::builtin(), &path).unwrap_err();
    assert!(
        matches!(err, AnswersError::NewerVersion { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("plus récente"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A paragraph pasted with its line break between "…" (not """…""") leaves
/// the string open on its line; the parser also stumbles on the next line
/// (« ligne" » reads as a key without « = »). The error names the line where
/// the quote is missing and says so, instead of asking to add « = » to the
/// line after.
#[test]
fn an_unclosed_quote_is_reported_on_its_own_line() {
    for newline in ["\n", "\r\n"] {
        let text = [
            "[identite]",
            "nom_produit = \"Tri Malin\"",
            "slogan = \"Une phrase",
            "collée sur deux lignes\"",
            "",
        ]
        .join(newline);
        let Err(AnswersError::Syntax {
            position, message, ..
        }) = Answers::parse(&text, "x.toml")
        else {
            panic!("a syntax error expected");
        };
        assert_eq!(position.line, 3, "{message}");
        assert!(message.contains("texte entre guillemets"), "{message}");
        assert!(
            message.contains("« \"\"\" »"),
            "the multi-line form: {message}"
        );
        assert!(!message.contains("« = »"), "{message}");
    }
    // An escaped quote does not close the string either.
    let text = "[identite]\nslogan = \"Une \\\"phrase\\\"\nsuite\"\n";
    let Err(AnswersError::Syntax { position, .. }) = Answers::parse(text, "x.toml") else {
        panic!("a syntax error expected");
    };
    assert_eq!(position.line, 2);
    // A closed string before the error changes nothing: the error stays
    // where the parser put it.
    let text = "[identite]\nslogan = \"Une phrase \\\\\"\nnom_produit\n";
    let Err(AnswersError::Syntax {
        position, message, ..
    }) = Answers::parse(text, "x.toml")
    else {
        panic!("a syntax error expected");
    };
    assert_eq!(position.line, 3, "{message}");
}

/// A file touched by a word processor or pasted from an e-mail: curly
/// quotes around an answer, a no-break space or a zero-width space where
/// TOML wants a plain one. The error names the character the user cannot
/// see or tell apart (« un texte doit être écrit entre guillemets » when
/// they did write quotes; « identifiant invalide » for an invisible space)
/// and what to type instead.
#[test]
fn a_typographic_quote_or_an_invisible_space_is_named() {
    for (line, column, said) in [
        (
            "nom_produit = “Tri Malin”",
            15,
            "guillemets typographiques « “ »",
        ),
        (
            "nom_produit = « Tri Malin »",
            15,
            "guillemets typographiques « « »",
        ),
        ("\u{a0}nom_produit = \"A\"", 1, "espace insécable (U+00A0)"),
        (
            "nom_produit\u{202f}= \"A\"",
            12,
            "espace insécable (U+202F)",
        ),
        (
            "\u{200b}nom_produit = \"A\"",
            1,
            "caractère invisible U+200B",
        ),
        ("\u{c}", 1, "caractère invisible U+000C"),
    ] {
        let text = format!("[identite]\n{line}\n");
        let Err(AnswersError::Syntax {
            position, message, ..
        }) = Answers::parse(&text, "x.toml")
        else {
            panic!("{line:?}: a syntax error expected");
        };
        assert_eq!(
            (position.line, position.column),
            (2, column),
            "{line:?}: {message}"
        );
        assert!(message.contains(said), "{line:?}: {message}");
    }
}
