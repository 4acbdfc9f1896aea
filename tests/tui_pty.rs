//! The wizard end to end, in a pseudo-terminal (the harness is in
//! `tests/common/pty.rs`).

mod common;

use std::path::Path;

use common::pty::*;

fn read_toml(path: &Path) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

#[test]
fn typed_answers_with_accents_and_lines_are_saved_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("candidature.toml");
    let mut s = Session::start(dir.path(), &["candidature.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    s.send("Éléonore");
    s.wait_for("Éléonore");
    s.send(ENTER);
    s.wait_for("Question 2 sur 8");
    s.send("Le côté « usagers » d'abord");
    s.send(ENTER);
    s.wait_for("Question 3 sur 8");
    s.send("Préfecture de l'Hérault");
    s.send(ENTER);
    s.wait_for("Question 4 sur 8");
    s.send(CTRL_N);
    s.wait_for("Qui subit le problème");
    s.send("2");
    s.wait_for("(•) 2.");
    s.send(TAB);
    s.wait_for("Décrivez le problème");
    s.send("Première ligne");
    s.send(ENTER);
    s.send("seconde ligne, côté agent");
    s.wait_for("seconde ligne, côté agent");
    s.send(TAB);
    s.wait_for("Quels types d");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());

    let t = read_toml(&file);
    let identite = t["identite"].as_table().unwrap();
    assert_eq!(identite.len(), 3, "{identite:?}");
    assert_eq!(identite["nom_produit"].as_str(), Some("Éléonore"));
    assert_eq!(
        identite["slogan"].as_str(),
        Some("Le côté « usagers » d'abord")
    );
    assert_eq!(
        identite["administration"].as_str(),
        Some("Préfecture de l'Hérault")
    );
    let probleme = t["probleme"].as_table().unwrap();
    assert_eq!(probleme.len(), 2, "{probleme:?}");
    assert_eq!(probleme["public_concerne"].as_str(), Some("usagers"));
    assert_eq!(
        probleme["description"].as_str(),
        Some("Première ligne\nseconde ligne, côté agent")
    );
    let sections: Vec<&String> = t.keys().collect();
    assert_eq!(sections, ["meta", "identite", "probleme"]);
}

#[test]
fn sigkill_after_the_saved_status_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brouillon.toml");
    let mut s = Session::start(dir.path(), &["edit", "brouillon.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    s.send("Côté jardin");
    s.send(ENTER);
    s.wait_for("Enregistré ");
    s.kill("KILL");
    s.wait_exit();
    let t = read_toml(&file);
    assert_eq!(t["identite"]["nom_produit"].as_str(), Some("Côté jardin"));
}

#[test]
fn a_malformed_or_newer_file_is_refused_in_french_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, original, message) in [
        (
            "casse.toml",
            "[meta]\nform = \"fiche-action\"\n[identite]\nnom_produit = \"sans fin\n",
            "ligne 4, colonne",
        ),
        (
            "futur.toml",
            "[meta]\nform = \"fiche-action\"\nform_version = 99\n",
            "plus récente",
        ),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, original).unwrap();
        let mut s = Session::start(dir.path(), &["edit", name]);
        assert_eq!(s.wait_exit(), 2, "{}", s.contents());
        s.wait_for(message);
        s.wait_for("n’a pas été modifié");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), original);
    }
}

#[test]
fn when_saving_fails_quitting_warns_and_offers_to_save_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("partage.toml");
    let mut s = Session::start(dir.path(), &["partage.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    // Someone breaks the file on disk: fiche must not overwrite it.
    let broken = "[identite\nnom_produit = 1\n";
    std::fs::write(&file, broken).unwrap();
    s.send("Éléonore");
    s.send(ENTER);
    s.wait_for("NON ENREGISTRÉ");
    s.wait_for("Enregistrement impossible");
    s.send(CTRL_Q);
    s.wait_for("Réponses non enregistrées");
    s.send("a");
    s.wait_for("Enregistrer ailleurs");
    // An existing file is never overwritten: the dialog says so.
    std::fs::write(dir.path().join("secours-partage.toml"), "# occupé\n").unwrap();
    s.send(ENTER);
    s.wait_for("existe déjà");
    std::fs::remove_file(dir.path().join("secours-partage.toml")).unwrap();
    s.send(ENTER);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);
    let backup = read_toml(&dir.path().join("secours-partage.toml"));
    assert_eq!(backup["identite"]["nom_produit"].as_str(), Some("Éléonore"));
}

/// A place where the copy cannot be written (a folder that does not exist)
/// leaves the path in its field with the reason, to correct: the dialog
/// went back to its one-key choices, where the path the user went on
/// typing (« /tmp/q… ») chose « q : quitter sans enregistrer » and lost
/// every unsaved answer.
#[test]
fn a_copy_that_cannot_be_written_keeps_its_path_to_correct() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("partage.toml");
    let mut s = Session::start(dir.path(), &["partage.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    let broken = "[identite\nnom_produit = 1\n";
    std::fs::write(&file, broken).unwrap();
    s.send("Éléonore");
    s.send(ENTER);
    s.wait_for("Enregistrement impossible");
    s.send(CTRL_Q);
    s.wait_for("Réponses non enregistrées");
    s.send("a");
    s.wait_for("Enregistrer ailleurs");
    s.send(&"\x7f".repeat(200));
    let missing = dir.path().join("absent");
    s.send(&format!("{}/copie.toml", missing.display()));
    s.send(ENTER);
    s.wait_for("n’existe pas");
    // Still in the path's field: the letters go into it.
    s.send("q");
    s.wait_for("copie.tomlq");
    s.send("\x7f");
    std::fs::create_dir(&missing).unwrap();
    s.send(ENTER);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let copy = read_toml(&missing.join("copie.toml"));
    assert_eq!(copy["identite"]["nom_produit"].as_str(), Some("Éléonore"));
}

#[test]
fn fiche_alone_offers_to_resume_the_latest_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("mon-brouillon.toml");
    std::fs::write(
        &draft,
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[identite]\nnom_produit = \"Signaux Faibles\"\n",
    )
    .unwrap();
    let mut s = Session::start(dir.path(), &[]);
    s.wait_for("mon-brouillon.toml");
    s.send(ENTER);
    // It opens at the first missing answer, the earlier one shown as done.
    s.wait_for("Slogan");
    s.send("Mieux cibler les interventions");
    s.send(ENTER);
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&draft);
    assert_eq!(
        t["identite"]["nom_produit"].as_str(),
        Some("Signaux Faibles")
    );
    assert_eq!(
        t["identite"]["slogan"].as_str(),
        Some("Mieux cibler les interventions")
    );
}

#[test]
fn fiche_alone_in_an_empty_folder_starts_a_new_named_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), &[]);
    s.wait_for("Nouvelle candidature");
    s.send(ENTER);
    s.wait_for("Nom du produit");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&dir.path().join("candidature.toml"));
    assert_eq!(t["meta"]["form"].as_str(), Some("fiche-action"));
}

/// The proposed « candidature.toml » is replaced by the name typed, as in
/// a selected field: typing « rh-2027 » made « candidature.tomlrh-2027.toml ».
#[test]
fn a_name_typed_on_the_first_screen_names_the_new_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), &[]);
    s.wait_for("Nouvelle candidature");
    s.send("rh-2027");
    s.wait_for("rh-2027");
    s.send(ENTER);
    s.wait_for("Nom du produit");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert!(dir.path().join("rh-2027.toml").exists());
    assert!(!dir.path().join("candidature.toml").exists());
}

/// A name pasted on the first screen (the terminal sends it as one
/// bracketed paste, not as keys) was dropped.
#[test]
fn a_name_pasted_on_the_first_screen_names_the_new_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), &[]);
    s.wait_for("Nouvelle candidature");
    s.send("\u{1b}[200~collee.toml\u{1b}[201~");
    s.wait_for("collee.toml");
    s.send(ENTER);
    s.wait_for("Nom du produit");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert!(dir.path().join("collee.toml").exists());
}

/// « n : nouvelle candidature » next to a draft named `candidature.toml`
/// proposed that name, and Entrée opened the draft instead of a new one.
#[test]
fn a_new_application_next_to_a_draft_gets_a_name_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("candidature.toml");
    std::fs::copy(common::example("assistant-srdt.toml"), &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    let mut s = Session::start(dir.path(), &[]);
    s.wait_for("Brouillon le plus récent");
    s.send("n");
    s.wait_for("candidature-2.toml");
    s.send(ENTER);
    s.wait_for("Nom du produit");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert!(dir.path().join("candidature-2.toml").exists());
    assert_eq!(std::fs::read(&draft).unwrap(), before);
}

#[test]
fn without_a_terminal_the_wizard_explains_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fiche"))
        .arg("nouveau.toml")
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("terminal interactif"), "{err}");
    assert!(!dir.path().join("nouveau.toml").exists());
}

/// A new application in `dir` whose `$EDITOR` is the shell `script`, at
/// the problem's description.
fn at_the_description_with_editor(dir: &Path, script: &str) -> Session {
    use std::os::unix::fs::PermissionsExt;
    let editor = dir.join("editeur.sh");
    std::fs::write(&editor, script).unwrap();
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut s = Session::start_with(dir, &["c.toml"], &[("EDITOR", editor.to_str().unwrap())]);
    s.past_intro();
    s.wait_for("Nom du produit");
    s.send(CTRL_N);
    s.wait_for("Qui subit le problème");
    s.send(TAB);
    s.wait_for("Décrivez le problème");
    s
}

#[test]
fn ctrl_e_edits_a_long_answer_in_the_users_editor() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let mut s = at_the_description_with_editor(
        dir.path(),
        "#!/bin/sh\nprintf 'ajouté dans l’éditeur\\n' >> \"$1\"\n",
    );
    s.send("écrit ici");
    s.send(ENTER);
    s.send("\x05"); // Ctrl+E
    s.wait_for("Texte repris depuis l’éditeur");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(
        t["probleme"]["description"].as_str(),
        Some("écrit ici\najouté dans l’éditeur")
    );
}

/// An editor that writes Latin-1 (an old Windows editor, a terminal in
/// ISO-8859-1): its text is taken and converted, not refused with the
/// temporary file's advice « enregistrez-le au codage UTF-8, puis relancez »
/// while that file, and what was typed in it, was deleted.
#[test]
fn ctrl_e_takes_the_text_of_an_editor_that_writes_latin1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let mut s = at_the_description_with_editor(
        dir.path(),
        "#!/bin/sh\nprintf 'D\\351lai r\\351el\\n' > \"$1\"\n",
    );
    s.send("\x05"); // Ctrl+E
    s.wait_for("converti depuis Windows-1252");
    s.send(TAB);
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(t["probleme"]["description"].as_str(), Some("Délai réel"));
}

#[test]
fn a_mouse_click_on_a_section_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), &["souris.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    // At 100×30 the list starts on screen row 3 (1-based): section 1, its
    // 8 questions, then section 2 on row 12. SGR mouse: press then release.
    s.send("\x1b[<0;5;12M\x1b[<0;5;12m");
    s.wait_for("Qui subit le problème");
    s.wait_for("2/14 · Le problème");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
}

#[test]
fn a_new_file_shows_the_introduction_once_an_existing_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path(), &["neuf.toml"]);
    s.wait_for("Bienvenue");
    s.wait_for("Ce questionnaire vous aide");
    s.send(ENTER);
    s.wait_gone("Bienvenue");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let mut again = Session::start(dir.path(), &["neuf.toml"]);
    again.wait_for("Nom du produit");
    assert!(
        !again.contents().contains("Bienvenue"),
        "{}",
        again.contents()
    );
    again.send(CTRL_Q);
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn keys_typed_under_a_too_small_window_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("petit.toml");
    let mut s = Session::start(dir.path(), &["petit.toml"]);
    s.past_intro();
    s.wait_for("Nom du produit");
    s.resize(50, 12);
    s.wait_for("Fenêtre trop petite");
    s.send(TAB);
    s.send("\x15"); // Ctrl+U
    s.send("EFFACE");
    s.send(ENTER);
    // Still too small: Ctrl+Q is the one key that acts.
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert!(!t.contains_key("identite"), "{t:?}");
}

#[test]
fn an_unreadable_profile_is_said_and_the_new_draft_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join(".config").join("fiche");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("profil.toml"), "[identite\n").unwrap();
    let mut s = Session::start(dir.path(), &["nouveau.toml"]);
    s.past_intro();
    s.wait_for("profil n’est pas utilisé");
    s.wait_for("Nom du produit");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&dir.path().join("nouveau.toml"));
    assert_eq!(t["meta"]["form"].as_str(), Some("fiche-action"));
    assert_eq!(
        std::fs::read_to_string(config.join("profil.toml")).unwrap(),
        "[identite\n",
        "the broken profile is left as it is"
    );
}

// The accessible mode at a terminal: lines are edited like in a shell.

const LEFT: &str = "\x1b[D";
const UP: &str = "\x1b[A";
const HOME: &str = "\x1b[H";
const END: &str = "\x1b[F";
const BACKSPACE: &str = "\x7f";

#[test]
fn the_accessible_mode_edits_lines_with_arrows_and_recalls_answers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let mut s = Session::start(dir.path(), &["a.toml", "--accessible"]);
    s.wait_for_prompt_under("Nom du produit");
    // « bc », Début, « A », Fin, « d »: the keys move the cursor, no escape
    // code is typed into the answer.
    s.send(&format!("bc{HOME}A{END}d{ENTER}"));
    s.wait_for_prompt_under("Slogan");
    // ↑ brings back the answer typed earlier in the session.
    s.send(&format!("{UP}{ENTER}"));
    s.wait_for_prompt_under("Administration");
    s.send(&format!(":aller pertinence.criteres{ENTER}"));
    s.wait_for_prompt_under("Pourquoi automatiser");
    // « 1, 3 », ← ←, two backspaces erase « 1, » up to the cursor: « 2, 3 ».
    s.send(&format!("1, 3{LEFT}{LEFT}{BACKSPACE}{BACKSPACE}2,{ENTER}"));
    s.wait_for_prompt_under("plutôt être simplifiée");
    s.send("\x04"); // Ctrl+D: save and quit, as the introduction says
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(t["identite"]["nom_produit"].as_str(), Some("Abcd"));
    assert_eq!(t["identite"]["slogan"].as_str(), Some("Abcd"));
    let criteres: Vec<&str> = t["pertinence"]["criteres"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(criteres, ["grand_volume", "donnees_complexes"]);
}

#[test]
fn lines_typed_ahead_in_the_accessible_mode_answer_the_next_questions_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let mut s = Session::start(dir.path(), &["a.toml", "--accessible"]);
    s.wait_for_prompt_under("Nom du produit");
    // Everything at once, as a fast typist or `tmux send-keys`: the keys
    // after each Entrée arrive in the same read and must not be dropped.
    s.send(&format!(
        "Outil{ENTER}La promesse{ENTER}Préfecture{ENTER}\
         :aller probleme.description{ENTER}Ligne 1{ENTER}Ligne 2{ENTER}.{ENTER}\
         1,4{ENTER}\x04"
    ));
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(t["identite"]["nom_produit"].as_str(), Some("Outil"));
    assert_eq!(t["identite"]["slogan"].as_str(), Some("La promesse"));
    assert_eq!(t["identite"]["administration"].as_str(), Some("Préfecture"));
    let probleme = t["probleme"].as_table().unwrap();
    assert_eq!(
        probleme["description"].as_str(),
        Some("Ligne 1\nLigne 2"),
        "{probleme:?}"
    );
    let irritants: Vec<&str> = probleme["irritants"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(irritants, ["surcouts", "delais"], "after the long text");
}

#[test]
fn lines_pasted_in_the_accessible_mode_answer_the_next_questions_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let mut s = Session::start(dir.path(), &["a.toml", "--accessible"]);
    s.wait_for_prompt_under("Nom du produit");
    // A paste is read as typed lines, not as one answer holding them all.
    s.paste("Outil\nLa promesse\nPréfecture\n");
    s.wait_for_prompt_under("Direction ou service");
    s.send("\x04");
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(t["identite"]["nom_produit"].as_str(), Some("Outil"));
    assert_eq!(t["identite"]["slogan"].as_str(), Some("La promesse"));
    assert_eq!(t["identite"]["administration"].as_str(), Some("Préfecture"));
}

#[test]
fn ctrl_c_in_the_accessible_mode_keeps_the_answers_and_exits_as_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let mut s = Session::start(dir.path(), &["a.toml", "--accessible"]);
    s.wait_for_prompt_under("Nom du produit");
    s.send(&format!("Outil{ENTER}"));
    s.wait_for_prompt_under("Slogan");
    s.send("pas fini\x03"); // Ctrl+C
    s.wait_for("Vos réponses sont enregistrées");
    assert_eq!(s.wait_exit(), 130, "{}", s.contents());
    let t = read_toml(&file);
    assert_eq!(t["identite"]["nom_produit"].as_str(), Some("Outil"));
    assert!(!t["identite"].as_table().unwrap().contains_key("slogan"));
}

#[test]
fn ctrl_t_cites_initiatives_and_remembers_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tri-courriels-prefecture.toml"),
        &file,
    )
    .unwrap();
    let export =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parangonnage/initiatives.csv");
    let open_solutions = |s: &mut Session| {
        s.wait_for("Fiche action");
        for _ in 0..4 {
            s.send(CTRL_N);
        }
        s.wait_for("5/14");
        for _ in 0..3 {
            s.send(TAB);
        }
        s.wait_for("Solutions existantes dans l");
        s.send("\x14"); // Ctrl+T
    };
    let mut s = Session::start(dir.path(), &["c.toml"]);
    open_solutions(&mut s);
    // Nothing remembered yet: the path is asked.
    s.wait_for("Chemin de l’export");
    s.send(export.to_str().unwrap());
    s.send(ENTER);
    s.wait_for("Aiguilleur de courriels");
    s.send(" ");
    s.send(ENTER);
    s.wait_for("1 initiative ajoutée");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    let t = read_toml(&file);
    let answer = t["pertinence"]["solutions_existantes"].as_str().unwrap();
    assert!(
        answer.ends_with("\n\n- Aiguilleur de courriels du service des étrangers (Préfecture de la Gironde) : ce que nous en retenons : à compléter"),
        "{answer}"
    );
    let profile = std::fs::read_to_string(dir.path().join(".config/fiche/profil.toml")).unwrap();
    assert!(profile.contains("export_parangonnage"), "{profile}");

    // The next session opens the remembered export at once.
    let mut s = Session::start(dir.path(), &["c.toml"]);
    open_solutions(&mut s);
    s.wait_for("Aiguilleur de courriels");
    s.send(" ");
    s.send(ENTER);
    s.wait_for("déjà citées");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
}

#[test]
fn a_binary_document_is_not_written_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::copy(common::example("assistant-srdt.toml"), &file).unwrap();
    for format in ["pdf", "odt", "pitch-pdf", "pitch-odt"] {
        let mut s = Session::start(
            dir.path(),
            &["render", "c.toml", "--format", format, "-o", "-"],
        );
        assert_eq!(s.wait_exit(), 2, "{format}: {}", s.contents());
        s.wait_for("fichier binaire");
        let screen = s.contents();
        assert!(
            !screen.contains("%PDF") && !screen.contains("mimetype"),
            "{format}: {screen}"
        );
    }
}
