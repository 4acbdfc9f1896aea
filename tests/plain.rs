//! The accessible mode through the real binary: answers typed on a pipe land
//! in the file exactly as typed; a broken or too new file is refused
//! untouched with exit 2.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;
use fiche::Answers;

/// Runs `fiche ARGS` in `dir` with `input` piped on stdin.
fn fiche_piped(dir: &Path, args: &[&str], envs: &[(&str, &str)], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config-test"))
        .env_remove("FICHE_ACCESSIBLE")
        .env_remove("ACCESSIBLE")
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the fiche binary runs");
    // fiche may exit before reading its input (a file it refuses): the
    // pipe is then closed, which is not a failure of the test.
    if let Err(e) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn get(path: &Path, id: &str) -> Option<toml::Value> {
    Answers::load(path).expect("valid TOML").get(id)
}

fn s(text: &str) -> Option<toml::Value> {
    Some(toml::Value::String(text.to_string()))
}

#[test]
fn identity_typed_with_accents_is_saved_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let input = "Bénévoles Éclairés\n\
                 Aider les bénévoles à s'orienter, « vite »\n\
                 Ministère de l'Intérieur\n\
                 \n\
                 Éléonore Dupré\n\
                 Cheffe de projet numérique\n\
                 eleonore.dupre@interieur.gouv.fr\n\
                 \n\
                 1\n\
                 Les agents passent une heure par dossier.\n\
                 \n\
                 Ils recopient à la main : « nom, prénom ».\n\
                 .\n\
                 :quitter\n";
    let out = fiche_piped(
        dir.path(),
        &["edit", "candidature.toml", "--accessible"],
        &[],
        input,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = dir.path().join("candidature.toml");
    assert_eq!(get(&path, "identite.nom_produit"), s("Bénévoles Éclairés"));
    assert_eq!(
        get(&path, "identite.slogan"),
        s("Aider les bénévoles à s'orienter, « vite »")
    );
    assert_eq!(
        get(&path, "identite.administration"),
        s("Ministère de l'Intérieur")
    );
    assert_eq!(get(&path, "identite.chef_produit_nom"), s("Éléonore Dupré"));
    assert_eq!(get(&path, "identite.direction"), None);
    assert_eq!(get(&path, "identite.sponsor"), None);
    assert_eq!(get(&path, "probleme.public_concerne"), s("agents"));
    assert_eq!(
        get(&path, "probleme.description"),
        s(
            "Les agents passent une heure par dossier.\n\nIls recopient à la main : « nom, prénom »."
        )
    );
    let text = stdout(&out);
    assert!(text.contains("Section 2 sur 14 : "), "{text}");
    assert!(
        text.contains("Vos réponses sont enregistrées dans candidature.toml"),
        "{text}"
    );
    // Plain text only: no escape sequences for colours or the cursor.
    assert!(!text.contains('\u{1b}'), "{text}");
}

#[test]
fn the_environment_variable_turns_the_mode_on() {
    let dir = tempfile::tempdir().unwrap();
    let out = fiche_piped(
        dir.path(),
        &["nouveau.toml"],
        &[("FICHE_ACCESSIBLE", "1")],
        "Assistant SRDT\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        get(&dir.path().join("nouveau.toml"), "identite.nom_produit"),
        s("Assistant SRDT")
    );
}

#[test]
fn a_malformed_file_exits_2_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casse.toml");
    let broken = "[identite]\nnom_produit = \"Assistant\nslogan = 3\n";
    std::fs::write(&path, broken).unwrap();
    let out = fiche_piped(
        dir.path(),
        &["casse.toml", "--accessible"],
        &[],
        "Autre nom\n:quitter\n",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("casse.toml, ligne 2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn a_file_from_a_newer_form_exits_2_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("futur.toml");
    let future =
        "[meta]\nform = \"fiche-action\"\nform_version = 99\n\n[identite]\nnom_produit = \"X\"\n";
    std::fs::write(&path, future).unwrap();
    let out = fiche_piped(
        dir.path(),
        &["edit", "futur.toml", "--accessible"],
        &[],
        "Y\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("version 99"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn without_a_file_the_accessible_mode_resumes_the_latest_draft() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.toml"),
        "titre = \"pas une candidature\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("brouillon.toml"),
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[identite]\nnom_produit = \"Tri\"\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
        .arg("--accessible")
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("cfg"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b":quitter\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Reprise du brouillon le plus récent du dossier : ./brouillon.toml"),
        "{text}"
    );
    assert!(!dir.path().join("candidature.toml").exists());
}

/// The command said on quitting resumes the same application with the same
/// form and templates: without `--form`, it would open the file with the
/// built-in form, which refuses an application of another questionnaire.
#[test]
fn the_resume_command_gives_back_the_form_and_the_templates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("mon formulaire")).unwrap();
    std::fs::write(
        dir.path().join("mon formulaire/form.toml"),
        "[form]\nid = \"essai\"\nversion = 1\ntitle = \"Essai\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n\
         [[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("modeles")).unwrap();
    let args = [
        "--form",
        "mon formulaire",
        "--templates",
        "modeles",
        "edit",
        "essai.toml",
        "--accessible",
    ];
    let out = fiche_piped(dir.path(), &args, &[], "réponse\n:quitter\n");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resume = "Pour reprendre : fiche --form 'mon formulaire' --templates modeles edit essai.toml --accessible";
    assert!(stdout(&out).contains(resume), "{}", stdout(&out));
    // Pasted (as a shell splits it), it opens the application again.
    let again = fiche_piped(dir.path(), &args, &[], ":quitter\n");
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(get(&dir.path().join("essai.toml"), "s.q"), s("réponse"));
}

/// Answers piped from a file saved in Windows-1252 (Notepad's « ANSI »):
/// each line is read as such and lands on its own question. A line that is
/// not UTF-8 was refused with « retapez-la », which a pipe cannot do: the
/// next line was taken for that question, and every later answer landed
/// one question too early.
#[test]
fn a_piped_line_in_windows_1252_is_read_as_such_and_nothing_shifts() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(["a.toml", "--accessible"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.path().join(".config-test"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input: &[u8] = b"Caf\xe9 des b\xe9n\xe9voles\nUn slogan \x80 100\n:quitter\n";
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = dir.path().join("a.toml");
    assert_eq!(get(&path, "identite.nom_produit"), s("Café des bénévoles"));
    assert_eq!(get(&path, "identite.slogan"), s("Un slogan € 100"));
    assert_said(&stdout(&out), "Windows-1252");
}

#[test]
fn an_amount_typed_with_the_word_euros_is_saved_as_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let out = fiche_piped(
        dir.path(),
        &["edit", "candidature.toml", "--accessible"],
        &[],
        ":aller tco.budget_annuel\n12 000 euros\n:quitter\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("réponse refusée"), "{text}");
    assert_eq!(
        get(&dir.path().join("candidature.toml"), "tco.budget_annuel"),
        Some(toml::Value::Integer(12000))
    );
}

#[test]
fn a_question_with_a_default_gives_its_default_as_the_example() {
    // Hours worked a year were exemplified by « 575 000 », the generic
    // integer: more hours than a year holds, read aloud as advice.
    let dir = tempfile::tempdir().unwrap();
    let out = fiche_piped(
        dir.path(),
        &["edit", "candidature.toml", "--accessible"],
        &[],
        ":aller roi.heures_etp\n:quitter\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out).replace('\u{a0}', " ");
    let hint = text
        .lines()
        .find(|l| l.starts_with("Format : nombre entier, au moins 1."))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(hint, "Format : nombre entier, au moins 1. Exemple : 1 607.");
}

#[test]
fn an_empty_line_on_a_required_choice_of_a_list_item_says_it_is_required() {
    let dir = tempfile::tempdir().unwrap();
    let out = fiche_piped(
        dir.path(),
        &["edit", "candidature.toml", "--accessible"],
        &[],
        ":aller donnees.sources\na\nBase SIRH\n\n\n3\n2\n\n\n\n\n:quitter\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Ce champ est obligatoire pour cet élément"),
        "{text}"
    );
    assert!(!text.contains("«  »"), "{text}");
    let sources = get(&dir.path().join("candidature.toml"), "donnees.sources").unwrap();
    assert_eq!(sources[0]["nature"].as_str(), Some("base_de_donnees"));
    assert_eq!(sources[0]["acces"].as_str(), Some("interne_disponible"));
}
