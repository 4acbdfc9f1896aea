//! The command-line promises: exit codes, French messages, files untouched.

mod common;

use common::*;

#[test]
fn complete_examples_check_with_exit_0() {
    for name in ["assistant-srdt.toml", "tri-courriels-prefecture.toml"] {
        let out = fiche(&["check", &example_str(name)]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        assert!(
            stdout(&out).contains("candidature complète et valide"),
            "{}",
            stdout(&out)
        );
    }
}

#[test]
fn incomplete_draft_exits_1_and_names_each_missing_question() {
    let out = fiche(&["check", &example_str("brouillon-incomplet.toml")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for (id, label) in [
        ("identite.slogan", "Slogan"),
        ("identite.chef_produit_email", "e-mail"),
        ("volume.volume_annuel", "opérations"),
        ("donnees.sources", "source"),
        ("pari.pari_impact", "pari"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(id))
            .unwrap_or_else(|| panic!("{id} missing from:\n{text}"));
        assert!(line.contains("manquante"), "{line}");
        assert!(
            line.to_lowercase().contains(&label.to_lowercase()),
            "{id}: {line}"
        );
    }
    assert!(text.contains("Complétude : "), "{text}");
}

#[test]
fn check_json_is_machine_readable() {
    let out = fiche(&[
        "check",
        "--format",
        "json",
        &example_str("brouillon-incomplet.toml"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let report = &v[0];
    assert_eq!(report["complete"], false);
    let findings = report["report"]["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["id"] == "identite.slogan" && f["severity"] == "error")
    );
    assert!(report["report"]["required_total"].as_u64().unwrap() > 30);
}

#[test]
fn malformed_toml_gives_one_french_error_with_line_and_column_and_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cassé.toml");
    let text = "[meta]\nform = \"fiche-action\"\n\n[identite]\nnom_produit = \"Assistant\n";
    std::fs::write(&path, text).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec![
            "render",
            path.to_str().unwrap(),
            "--format",
            "md",
            "-o",
            "-",
        ],
    ] {
        let out = fiche(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("ligne 5, colonne"), "{err}");
        assert!(err.contains("n’est pas du TOML valide"), "{err}");
        assert!(err.contains("cassé.toml"), "{err}");
        // The parser's own words are translated, not shown in English.
        assert!(err.contains("texte entre guillemets"), "{err}");
        assert!(!err.contains("invalid basic"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn a_duplicate_answer_is_named_in_french_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doublon.toml");
    let text = "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[identite]\nnom_produit = \"A\"\nnom_produit = \"B\"\n";
    std::fs::write(&path, text).unwrap();
    let out = fiche(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("ligne 7"), "{err}");
    assert!(err.contains("identifiant en double"), "{err}");
    assert!(!err.contains("duplicate"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn wrong_types_are_reported_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("types.toml");
    std::fs::write(
        &path,
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[volume]\nvolume_annuel = \"beaucoup\"\nnb_agents = -3\n\n[identite]\nchef_produit_email = \"pas-une-adresse\"\n",
    )
    .unwrap();
    let out = fiche(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("volume.volume_annuel"))
        .unwrap();
    assert!(
        line.contains("ligne 6") && line.contains("nombre entier"),
        "{line}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("volume.nb_agents"))
        .unwrap();
    assert!(
        line.contains("ligne 7") && line.contains("au moins 0"),
        "{line}"
    );
    let line = text
        .lines()
        .find(|l| l.contains("identite.chef_produit_email") && l.contains("ligne"))
        .unwrap();
    assert!(line.contains("adresse e-mail valide"), "{line}");
}

#[test]
fn render_markdown_has_every_section_product_volume_and_sources() {
    let out = fiche(&[
        "render",
        &example_str("assistant-srdt.toml"),
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    let form = fiche::form::builtin();
    let heading = fiche::render::context::section_heading;
    for section in &form.sections {
        assert!(
            md.contains(&format!("## {}", heading(section))),
            "section {} missing",
            section.id
        );
    }
    let mut last = 0;
    for section in &form.sections {
        let at = md.find(&format!("## {}", heading(section))).unwrap();
        assert!(at > last, "section {} out of order", section.id);
        last = at;
    }
    assert!(md.contains("Assistant SRDT"));
    assert!(md.contains(&format!("575{NBSP}000")));
    let answers = fiche::Answers::load(&example("assistant-srdt.toml")).unwrap();
    let sources = answers.get("donnees.sources").unwrap();
    for s in sources.as_array().unwrap() {
        let name = s.get("nom").unwrap().as_str().unwrap();
        assert!(md.contains(name), "data source {name} missing");
    }
    assert!(
        !md.contains("None") && !md.contains("none"),
        "literal None in output"
    );
    assert!(!md.contains("BROUILLON"));
}

#[test]
fn render_of_a_draft_has_no_empty_heading() {
    let out = fiche(&[
        "render",
        &example_str("brouillon-incomplet.toml"),
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("BROUILLON"));
    let lines: Vec<&str> = md.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("## ") {
            let next = lines[i + 1..].iter().find(|l| !l.trim().is_empty());
            assert!(
                next.is_some_and(|n| !n.starts_with("## ")),
                "empty heading {l}"
            );
        }
    }
    assert!(!md.contains("None"));
}

#[test]
fn new_writes_a_draft_with_meta_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nouvelle.toml");
    let out = fiche(&["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("form = \"fiche-action\""));
    assert!(text.contains("form_version = 1"));
    assert!(text.contains("created = "));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let out = fiche(&["new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("existe déjà"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // A folder is not « déjà existant, ouvrez-le avec fiche edit ».
    let folder = dir.path().join("dossier.toml");
    std::fs::create_dir(&folder).unwrap();
    let out = fiche(&["new", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("dossier.toml est un dossier"), "{err}");
    assert!(err.contains("candidature.toml"), "{err}");
}

#[test]
fn help_is_in_french() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["render", "--help"],
        vec!["new", "--help"],
    ] {
        let out = fiche(&args);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.contains("Afficher cette aide"), "{args:?}: {text}");
        assert!(!text.contains("Print help"), "{args:?}: {text}");
    }
    let out = fiche(&["--help"]);
    let help = stdout(&out);
    // French puts a space before a colon, clap's headings included.
    for heading in ["Commandes :", "Arguments :", "Options générales :"] {
        assert!(
            help.contains(&format!("\n{heading}\n")),
            "{heading}: {help}"
        );
    }
    let render = stdout(&fiche(&["render", "--help"]));
    assert!(render.contains("\nOptions :\n"), "{render}");
    assert!(
        render
            .lines()
            .all(|l| !l.ends_with(':') || l.ends_with(" :")),
        "{render}"
    );

    // The words clap adds around values were English.
    for args in [
        vec!["render", "--help"],
        vec!["check", "--help"],
        vec!["parangonnage", "--help"],
        vec!["completions", "--help"],
    ] {
        let text = stdout(&fiche(&args));
        for english in [
            "Possible values",
            "possible values",
            "[default:",
            "aliases:",
        ] {
            assert!(!text.contains(english), "{args:?}: {text}");
        }
    }
    let render = stdout(&fiche(&["render", "--help"]));
    assert!(render.contains("Valeurs possibles :"), "{render}");
    assert!(render.contains("[par défaut : md]"), "{render}");
    let completions = stdout(&fiche(&["completions", "--help"]));
    assert!(
        completions.contains("[valeurs possibles : bash,"),
        "{completions}"
    );
}

#[test]
fn usage_errors_are_in_french_with_exit_2() {
    let out = fiche(&["check", "--nope", "x.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("option inconnue"), "{}", stderr(&out));
    let out = fiche(&["check", "/nonexistent/x.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("introuvable"), "{}", stderr(&out));
}

#[test]
fn strict_render_refuses_a_draft() {
    let out = fiche(&[
        "render",
        &example_str("brouillon-incomplet.toml"),
        "--strict",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("incomplet"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // More output than a pipe buffer holds (64 Kio), so the writer meets the
    // closed pipe, in one answer under the 100 000-character limit.
    let dir = tempfile::tempdir().unwrap();
    let long = "Une ligne de description assez longue pour remplir le tuyau.\n".repeat(1500);
    let a = dir.path().join("a.toml");
    let b = dir.path().join("b.toml");
    std::fs::write(&a, format!("[probleme]\ndescription = '''\n{long}'''\n")).unwrap();
    std::fs::write(&b, "[probleme]\ndescription = \"Courte.\"\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(["diff", a.to_str().unwrap(), b.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_draft_of_ones_own_form_is_followed_by_a_command_that_opens_it_with_that_form() {
    // Without --form, the suggested « fiche edit » would open it with the
    // built-in form, which refuses a file of another questionnaire.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("mon-formulaire")).unwrap();
    std::fs::write(
        dir.path().join("mon-formulaire/form.toml"),
        "[form]\nid = \"essai\"\nversion = 1\ntitle = \"Essai\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n\
         [[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n",
    )
    .unwrap();
    let args = [
        "--form",
        "mon-formulaire",
        "new",
        "essai.toml",
        "--sans-profil",
    ];
    let out = fiche_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Pour le remplir : fiche --form mon-formulaire edit essai.toml"),
        "{}",
        stdout(&out)
    );
    let out = fiche_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Ouvrez-le avec « fiche --form mon-formulaire edit essai.toml »"),
        "{}",
        stderr(&out)
    );
    // The built-in form's draft keeps the short command.
    let out = fiche_in(dir.path(), &["new", "a.toml", "--sans-profil"]);
    assert!(
        stdout(&out).contains("Pour le remplir : fiche edit a.toml"),
        "{}",
        stdout(&out)
    );
}

/// A choice written twice in a hand-edited file: `check` names the file,
/// the line, the question and the choice, says how to write the list, exits
/// 1, and leaves the file as it was.
#[test]
fn a_choice_given_twice_is_reported_where_it_is_and_the_file_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace(
            "irritants = [\"delais\",",
            "irritants = [\"delais\", \"delais\",",
        );
    let line = text
        .lines()
        .position(|l| l.starts_with("irritants"))
        .unwrap()
        + 1;
    assert!(text.contains("[\"delais\", \"delais\","));
    let path = dir.path().join("doublon.toml");
    std::fs::write(&path, &text).unwrap();
    let out = fiche_in(dir.path(), &["check", "doublon.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.starts_with("doublon.toml"), "{said}");
    assert_said(
        &said,
        &format!(
            "erreur    probleme.irritants (ligne {line}) : « Quels types d’irritant ? » : le choix « delais » est donné 2 fois ; gardez-le une seule fois, par exemple : [\"delais\","
        ),
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
