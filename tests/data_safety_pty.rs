//! « Vos données », end to end: the real `fiche` binary in a pseudo-terminal
//! (100×30), read back with a vt100 parser. Signals save what is being typed
//! and give the terminal back; `kill -9` loses at most the last second (the
//! recovery file); a second fiche on the same file says who has it; changes
//! made outside by another process are merged or asked about; read-only
//! files are never written. Waits are bounded polls, never fixed sleeps.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::pty::*;
use common::*;
use fiche::Answers;

fn answer(path: &Path, id: &str) -> Option<String> {
    Answers::load(path)
        .expect("valid TOML")
        .get(id)
        .and_then(|v| v.as_str().map(str::to_string))
}

fn recovery_file(answers: &Path) -> PathBuf {
    fiche::recovery::path_for(answers)
}

#[test]
fn sigterm_sighup_and_sigint_save_the_answer_being_typed_and_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let mut s = Session::start_past_intro(dir.path(), &["c.toml"], &[]);
        s.wait_for("Nom du produit");
        // Validated just before: still inside the autosave delay.
        s.send("Validé");
        s.send(ENTER);
        s.wait_for("Question 2 sur 8");
        s.send("Tapé sans valider");
        s.wait_for("Tapé sans valider");
        s.kill(signal);
        assert_eq!(s.wait_exit(), code, "SIG{signal}: {}", s.contents());
        s.assert_terminal_restored();
        assert_eq!(
            answer(&file, "identite.nom_produit").as_deref(),
            Some("Validé")
        );
        assert_eq!(
            answer(&file, "identite.slogan").as_deref(),
            Some("Tapé sans valider"),
            "SIG{signal}"
        );
        assert!(
            !recovery_file(&file).exists(),
            "SIG{signal}: everything saved"
        );
        assert!(
            !fiche::answers::lock::lock_path(&file).exists(),
            "lock released"
        );
    }
}

#[test]
fn tmux_kill_session_saves_the_answer_being_typed_and_keeps_an_unanswered_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let tmux = Tmux::new(dir.path());
    let command = fiche_command(dir.path(), &file, "");
    tmux.start(&command);
    tmux.past_intro();
    tmux.send_keys(&["-l", "Dans tmux"]);
    eventually("the text typed in tmux", || {
        tmux.screen().contains("Dans tmux")
    });
    tmux.kill_session();
    eventually("the typed answer saved", || {
        answer(&file, "identite.nom_produit").as_deref() == Some("Dans tmux")
    });
    // It ended cleanly: lock released, nothing left to recover.
    eventually("the lock released", || {
        !fiche::answers::lock::lock_path(&file).exists()
    });
    assert!(!recovery_file(&file).exists());

    // Killed while a recovery left by a `kill -9` is offered (the cursor is
    // hidden then, and the terminal is gone when fiche gives it back): the
    // offer was not answered, so it stays for the next start, and fiche
    // still ends with 128 + SIGHUP, its lock released. The shell around it
    // ignores SIGHUP to write down the exit code.
    fiche::recovery::Recovery::new("identite.slogan", "Pas encore repris".into())
        .write(&file)
        .unwrap();
    let code = dir.path().join("code");
    tmux.start(&format!(
        "trap '' HUP; {command}; echo $? > {}",
        code.display()
    ));
    eventually("the recovery offered in tmux", || {
        tmux.screen().contains("Pas encore repris")
    });
    tmux.kill_session();
    assert_eq!(exit_code_written(&code), "129\n");
    assert!(!fiche::answers::lock::lock_path(&file).exists());
    assert!(
        std::fs::read_to_string(recovery_file(&file))
            .is_ok_and(|t| t.contains("Pas encore repris"))
    );
    assert_eq!(answer(&file, "identite.slogan"), None);
}

/// A bug that panics once the terminal is gone (a debug-build switch makes
/// the save after SIGHUP panic): the panic unwinds instead of aborting on a
/// print to the dead terminal, so fiche exits with Rust's 101, its lock
/// released, and the text being typed stays in the recovery file.
#[test]
fn a_panic_after_the_terminal_hung_up_exits_cleanly_and_keeps_the_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.toml");
    let tmux = Tmux::new(dir.path());
    let code = dir.path().join("code");
    // The shell around fiche ignores SIGHUP to write down the exit code.
    tmux.start(&format!(
        "trap '' HUP; {}; echo $? > {}",
        fiche_command(dir.path(), &file, "FICHE_TEST_PANIC_ON_INTERRUPT=1"),
        code.display()
    ));
    tmux.past_intro();
    tmux.send_keys(&["-l", "Avant la panique"]);
    eventually("the text in the recovery file", || {
        std::fs::read_to_string(recovery_file(&file)).is_ok_and(|t| t.contains("Avant la panique"))
    });
    tmux.kill_session();
    assert_eq!(exit_code_written(&code), "101\n", "not aborted");
    assert!(
        !fiche::answers::lock::lock_path(&file).exists(),
        "lock released"
    );
    assert!(
        std::fs::read_to_string(recovery_file(&file)).is_ok_and(|t| t.contains("Avant la panique")),
        "the recovery is kept"
    );
}

/// The shell command that runs fiche on `file` with a home of its own in
/// `dir`, and `env` (`NAME=value …`, may be empty).
fn fiche_command(dir: &Path, file: &Path, env: &str) -> String {
    format!(
        "env HOME={d} XDG_CONFIG_HOME={d}/.config TERM=xterm-256color {env} {bin} {f}",
        d = dir.display(),
        bin = env!("CARGO_BIN_EXE_fiche"),
        f = file.display()
    )
}

/// The exit code the shell wrote to `code` once fiche ended (with its
/// newline), waited for.
fn exit_code_written(code: &Path) -> String {
    eventually("the exit code written", || {
        std::fs::read_to_string(code).is_ok_and(|c| c.ends_with('\n'))
    });
    std::fs::read_to_string(code).unwrap()
}

/// A tmux server of the test's own (its socket in a test folder) running
/// fiche in a 100×30 session « fiche », which the test closes as a user
/// closing the window would. The server stops when this is dropped.
struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    fn new(dir: &Path) -> Tmux {
        Tmux {
            socket: dir.join("tmux.sock"),
        }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        std::process::Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/apt-packages)")
    }

    /// Starts the session « fiche » running the shell `command`.
    fn start(&self, command: &str) {
        let started = self.run(&[
            "new-session",
            "-d",
            "-s",
            "fiche",
            "-x",
            "100",
            "-y",
            "30",
            command,
        ]);
        assert!(started.status.success(), "{}", stderr(&started));
    }

    fn screen(&self) -> String {
        stdout(&self.run(&["capture-pane", "-p", "-t", "fiche"]))
    }

    /// `tmux send-keys` to the session with `args` (`-l` to type text).
    fn send_keys(&self, args: &[&str]) {
        let mut all = vec!["send-keys", "-t", "fiche"];
        all.extend_from_slice(args);
        assert!(self.run(&all).status.success(), "send-keys {args:?}");
    }

    /// Waits for the form's introduction and leaves it for the first
    /// question.
    fn past_intro(&self) {
        eventually("the form's introduction in tmux", || {
            self.screen().contains("Bienvenue")
        });
        self.send_keys(&["Enter"]);
        eventually("the wizard in tmux", || {
            let screen = self.screen();
            screen.contains("Nom du produit") && !screen.contains("Bienvenue")
        });
    }

    fn kill_session(&self) {
        assert!(self.run(&["kill-session", "-t", "fiche"]).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The same bug with the terminal still there: it is given back (main
/// screen, line editing, no mouse) before the message, said in French too.
#[test]
fn a_panic_gives_the_terminal_back_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_past_intro(
        dir.path(),
        &["p.toml"],
        &[
            ("FICHE_TEST_PANIC_ON_INTERRUPT", "1"),
            ("RUST_BACKTRACE", "0"),
        ],
    );
    s.wait_for("Nom du produit");
    s.send("Avant la panique");
    s.wait_for("Avant la panique");
    s.kill("TERM");
    assert_eq!(s.wait_exit(), 101, "{}", s.contents());
    s.wait_for("erreur interne de fiche");
    s.assert_terminal_restored();
    let settings = s.line_settings();
    assert!(
        settings.contains(" icanon") && settings.contains(" echo"),
        "{settings}"
    );
    assert!(!fiche::answers::lock::lock_path(&dir.path().join("p.toml")).exists());
}

#[test]
fn after_kill_9_the_text_being_typed_is_offered_back_then_removed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.toml");
    let recovery = recovery_file(&file);
    for accept in [true, false] {
        let mut s = Session::start_past_intro(dir.path(), &["r.toml"], &[]);
        s.wait_for("Nom du produit");
        s.send("Jamais validé");
        s.wait_for("Jamais validé");
        eventually("the recovery file holds the text", || {
            std::fs::read_to_string(&recovery).is_ok_and(|t| t.contains("Jamais validé"))
        });
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&recovery).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        s.kill("KILL");
        s.wait_exit();
        assert_eq!(answer(&file, "identite.nom_produit"), None);

        let mut s = Session::start_past_intro(dir.path(), &["r.toml"], &[]);
        s.wait_for("Réponse non enregistrée retrouvée");
        s.wait_for("Jamais validé");
        if accept {
            s.send("o");
            s.wait_for("Réponse reprise");
            eventually("the restored answer saved", || {
                answer(&file, "identite.nom_produit").as_deref() == Some("Jamais validé")
            });
        } else {
            s.send("n");
        }
        eventually("the recovery file removed", || !recovery.exists());
        s.send(CTRL_Q);
        assert_eq!(s.wait_exit(), 0, "{}", s.contents());
        if accept {
            // Start again without it for the decline round.
            let mut a = Answers::load(&file).unwrap();
            a.set("identite.nom_produit", None).unwrap();
            a.save(&file).unwrap();
        } else {
            assert_eq!(answer(&file, "identite.nom_produit"), None);
        }
    }
}

#[test]
fn after_kill_9_a_list_item_field_being_typed_is_offered_back_into_its_item() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("l.toml");
    let mut s = Session::start_past_intro(dir.path(), &["l.toml"], &[]);
    s.wait_for("Nom du produit");
    // « Données » is the seventh section; its first question is the list.
    for _ in 0..6 {
        s.send(CTRL_N);
    }
    s.wait_for("Sources de données");
    s.send("a");
    s.wait_for("Nom de la source");
    s.send("Fiches jamais validées");
    s.wait_for("Fiches jamais validées");
    eventually("the recovery file holds the field", || {
        fiche::recovery::Recovery::read(&file)
            .ok()
            .flatten()
            .is_some_and(|r| {
                r.question == "donnees.sources"
                    && r.value.as_array().is_some_and(|items| {
                        items.len() == 1
                            && items[0].get("nom").and_then(|v| v.as_str())
                                == Some("Fiches jamais validées")
                    })
            })
    });
    s.kill("KILL");
    s.wait_exit();

    let mut s = Session::start_past_intro(dir.path(), &["l.toml"], &[]);
    s.wait_for("Réponse non enregistrée retrouvée");
    s.wait_for("Fiches jamais validées");
    s.send("o");
    s.wait_for("Réponse reprise");
    eventually("the restored item saved", || {
        Answers::load(&file)
            .unwrap()
            .get("donnees.sources")
            .and_then(|v| v.as_array().cloned())
            .is_some_and(|items| {
                items.len() == 1
                    && items[0].get("nom").and_then(|v| v.as_str())
                        == Some("Fiches jamais validées")
            })
    });
    eventually("the recovery file removed", || {
        !recovery_file(&file).exists()
    });
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
}

#[test]
fn a_recovery_file_that_cannot_be_read_is_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("i.toml");
    std::fs::write(&file, "[meta]\nform = \"fiche-action\"\nform_version = 1\n").unwrap();
    let cut = "question = \"identite.slogan\"\nvaleur = \"texte coupé\n";
    std::fs::write(recovery_file(&file), cut).unwrap();
    let mut s = Session::start_past_intro(dir.path(), &["i.toml"], &[]);
    // Said as what it is: the file is UTF-8, its TOML is cut.
    s.wait_for("illisible");
    assert!(!s.contents().contains("UTF-8"), "{}", s.contents());
    s.send("Tapé ensuite");
    s.wait_for("Tapé ensuite");
    s.send(ENTER);
    s.wait_for("Enregistré ");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(
        answer(&file, "identite.nom_produit").as_deref(),
        Some("Tapé ensuite")
    );
    assert_eq!(std::fs::read_to_string(recovery_file(&file)).unwrap(), cut);
}

#[test]
fn a_second_wizard_on_the_same_file_says_who_has_it_and_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.toml");
    let mut first = Session::start_past_intro(dir.path(), &["f.toml"], &[]);
    first.wait_for("Nom du produit");
    let who = format!("le processus {}", first.pid());

    let mut refused = Session::start_past_intro(dir.path(), &["f.toml"], &[]);
    refused.wait_for("est déjà ouvert par fiche");
    refused.wait_for(&who);
    refused.send("n\r");
    assert_eq!(refused.wait_exit(), 2);
    refused.wait_for("n’a pas été ouvert");

    let mut second = Session::start_past_intro(dir.path(), &["f.toml"], &[]);
    second.wait_for(&who);
    second.send("o\r");
    second.wait_for("Lecture seule");
    second.send("Pas ici");
    second.send(ENTER);
    second.wait_for("NON ENREGISTRÉ");
    second.send(CTRL_Q);
    second.wait_for("Réponses non enregistrées");
    second.send("q");
    assert_eq!(second.wait_exit(), 2);
    assert_eq!(answer(&file, "identite.nom_produit"), None);

    first.send("Ici");
    first.send(ENTER);
    first.wait_for("Enregistré ");
    first.send(CTRL_Q);
    assert_eq!(first.wait_exit(), 0);
    assert_eq!(
        answer(&file, "identite.nom_produit").as_deref(),
        Some("Ici")
    );
    assert!(!fiche::answers::lock::lock_path(&file).exists());
}

#[test]
fn an_answer_set_by_another_process_meanwhile_is_kept_or_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.toml");
    let mut s = Session::start_past_intro(dir.path(), &["a.toml"], &[]);
    s.wait_for("Nom du produit");
    // Another process answers another question while the wizard is open.
    let out = fiche_in(dir.path(), &["set", "a.toml", "identite.sponsor=Mme X"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("est ouvert dans fiche"),
        "{}",
        stderr(&out)
    );
    s.send("Assistant Alpha");
    s.send(ENTER);
    s.wait_for("modifié ailleurs");
    eventually("both answers in the file", || {
        answer(&file, "identite.nom_produit").as_deref() == Some("Assistant Alpha")
            && answer(&file, "identite.sponsor").as_deref() == Some("Mme X")
    });
    // The same answer changed on both sides: asked, nothing lost meanwhile.
    s.send("Mon slogan");
    let out = fiche_in(
        dir.path(),
        &["set", "a.toml", "identite.slogan=Leur slogan"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    s.send(ENTER);
    s.wait_for("Modifié ailleurs");
    s.wait_for("Leur slogan");
    assert_eq!(
        answer(&file, "identite.slogan").as_deref(),
        Some("Leur slogan")
    );
    s.send("m");
    eventually("our answer kept after choosing it", || {
        answer(&file, "identite.slogan").as_deref() == Some("Mon slogan")
    });
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(answer(&file, "identite.sponsor").as_deref(), Some("Mme X"));
}

#[test]
fn the_wizard_shows_an_answer_set_outside_without_waiting_for_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start_past_intro(dir.path(), &["a.toml"], &[]);
    s.wait_for("Nom du produit");
    let out = fiche_in(
        dir.path(),
        &["set", "a.toml", "identite.nom_produit=Posé ailleurs"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    s.wait_for("Fichier modifié ailleurs : réponses mises à jour");
    s.wait_for("(identite.nom_produit)");
    // The open question shows the new answer.
    s.wait_for("Posé ailleurs");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
}

#[cfg(unix)]
#[test]
fn a_read_only_file_opens_read_only_and_changes_can_be_saved_elsewhere() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lu.toml");
    let text = "[meta]\nform = \"fiche-action\"\nform_version = 1\n";
    std::fs::write(&file, text).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let mut s = Session::start_past_intro(dir.path(), &["lu.toml"], &[]);
    s.wait_for("Lecture seule");
    s.send("Gardé ailleurs");
    s.send(ENTER);
    s.wait_for("NON ENREGISTRÉ");
    s.send(CTRL_Q);
    s.wait_for("Réponses non enregistrées");
    s.send("a");
    s.wait_for("Enregistrer ailleurs");
    s.send(ENTER);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
    assert_eq!(
        answer(&dir.path().join("secours-lu.toml"), "identite.nom_produit").as_deref(),
        Some("Gardé ailleurs")
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_shows_the_kept_recovery_and_offers_it_once_writable() {
    use std::os::unix::fs::PermissionsExt;
    let chmod = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lu.toml");
    let text = "[meta]\nform = \"fiche-action\"\nform_version = 1\n";
    std::fs::write(&file, text).unwrap();
    fiche::recovery::Recovery::new("identite.nom_produit", "Tapé avant l'arrêt".into())
        .write(&file)
        .unwrap();
    let kept = std::fs::read_to_string(recovery_file(&file)).unwrap();
    chmod(&file, 0o444);
    // Read-only: it cannot be restored now; it is shown and kept.
    let mut s = Session::start(dir.path(), &["lu.toml"]);
    s.wait_for("Réponse non enregistrée gardée");
    s.wait_for("Tapé avant l'arrêt");
    s.wait_for("Le fichier est en lecture seule");
    s.wait_for("Elle est gardée dans .lu.toml.fiche-recup");
    s.send(ENTER);
    s.wait_gone("Réponse non enregistrée gardée");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    // Said once the terminal is given back: what is true, not « enregistrées ».
    s.wait_for("Rien n’a été écrit dans lu.toml (le fichier est en lecture seule).");
    s.wait_for("est gardée dans");
    assert!(
        !s.contents().contains("Réponses enregistrées"),
        "{}",
        s.contents()
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(std::fs::read_to_string(recovery_file(&file)).unwrap(), kept);
    // Writable again: offered back as after any crash.
    chmod(&file, 0o644);
    let mut s = Session::start(dir.path(), &["lu.toml"]);
    s.wait_for("Réponse non enregistrée retrouvée");
    s.send("o");
    s.wait_gone("Réponse non enregistrée retrouvée");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(
        answer(&file, "identite.nom_produit").as_deref(),
        Some("Tapé avant l'arrêt")
    );
    assert!(!recovery_file(&file).exists());
}

#[test]
fn an_answer_with_no_place_in_the_file_is_refused_in_the_wizard() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.toml");
    let text = "identite = \"x\"\n[meta]\nform = \"fiche-action\"\n";
    std::fs::write(&file, text).unwrap();
    let mut s = Session::start_past_intro(dir.path(), &["s.toml"], &[]);
    s.wait_for("Nom du produit");
    s.send("A");
    s.send(ENTER);
    s.wait_for("Réponse non enregistrée");
    s.wait_for("est un texte");
    s.send(CTRL_Q);
    s.wait_for("Réponses non enregistrées");
    s.send("q");
    s.wait_exit();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn leftovers_are_cleaned_at_start_and_ctrl_e_edits_next_to_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let leftover = dir.path().join(format!(".fiche-{dead}-AbC123.tmp"));
    std::fs::write(&leftover, "[identite]\n").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&leftover)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    // An editor that notes where its file is and with which mode.
    let editor = dir.path().join("editeur.sh");
    let note = dir.path().join("note.txt");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$1\" > '{n}'\nstat -c %a \"$1\" >> '{n}'\necho 'Écrit dans l éditeur' > \"$1\"\n",
            n = note.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let editor_cmd = editor.display().to_string();
    let mut s =
        Session::start_past_intro(dir.path(), &["e.toml"], &[("EDITOR", editor_cmd.as_str())]);
    s.wait_for("Nom du produit");
    assert!(!leftover.exists(), "stale temporary file removed at start");
    s.send(CTRL_N);
    s.wait_for("Qui subit le problème");
    s.send(TAB);
    s.wait_for("Décrivez le problème");
    s.send(CTRL_E);
    s.wait_for("Texte repris depuis l’éditeur");
    let noted = std::fs::read_to_string(&note).unwrap();
    let mut lines = noted.lines();
    let used = PathBuf::from(lines.next().unwrap());
    assert_eq!(
        used.parent().unwrap().canonicalize().unwrap(),
        dir.path().canonicalize().unwrap(),
        "{noted}"
    );
    assert!(
        used.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".fiche-"),
        "{noted}"
    );
    assert_eq!(lines.next(), Some("600"), "{noted}");
    assert!(!used.exists(), "removed after use");
    s.send(CTRL_Q);
    assert_eq!(s.wait_exit(), 0, "{}", s.contents());
    assert_eq!(
        answer(&dir.path().join("e.toml"), "probleme.description").as_deref(),
        Some("Écrit dans l éditeur")
    );
}

#[test]
fn the_accessible_mode_saves_the_list_item_being_added_on_a_signal_and_restores_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("c.toml");
        let mut s = Session::start(dir.path(), &["c.toml", "--accessible"]);
        s.wait_for_prompt_under("Nom du produit");
        s.send(&format!(":aller donnees.sources{ENTER}"));
        s.wait_for("Entrée pour continuer :");
        s.send(&format!("a{ENTER}"));
        s.wait_for_prompt_under("Champ 1 sur");
        s.send(&format!("Fiches internes{ENTER}"));
        s.wait_for_prompt_under("Champ 2 sur");
        s.send(&format!("DGT{ENTER}"));
        s.wait_for_prompt_under("Champ 3 sur");
        // The line editor has the terminal in raw mode while it reads.
        assert!(s.line_settings().contains("-icanon"), "raw mode");
        s.kill(signal);
        assert_eq!(s.wait_exit(), code, "SIG{signal}: {}", s.contents());
        s.wait_for("Interruption");
        let after = s.line_settings();
        assert!(
            after.contains(" icanon") && after.contains(" echo"),
            "SIG{signal}: terminal not restored: {after}"
        );
        let t: toml::Table = std::fs::read_to_string(&file).unwrap().parse().unwrap();
        let item = &t["donnees"]["sources"][0];
        assert_eq!(item["nom"].as_str(), Some("Fiches internes"), "SIG{signal}");
        assert_eq!(item["producteur"].as_str(), Some("DGT"), "SIG{signal}");
        assert!(!recovery_file(&file).exists(), "SIG{signal}: all saved");
        assert!(
            !fiche::answers::lock::lock_path(&file).exists(),
            "SIG{signal}: lock released"
        );
    }
}

#[test]
fn the_accessible_mode_saves_the_lines_of_a_long_answer_on_sighup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    let mut s = Session::start(dir.path(), &["c.toml", "--accessible"]);
    s.wait_for_prompt_under("Nom du produit");
    s.send(&format!(":aller probleme.description{ENTER}"));
    s.wait_for_prompt_under("Décrivez le problème");
    // Each line reaches the recovery file once validated (the next is sent
    // once the first is in, to see each on its own).
    s.send(&format!("Première ligne{ENTER}"));
    eventually("the first line in the recovery file", || {
        std::fs::read_to_string(recovery_file(&file)).is_ok_and(|t| t.contains("Première"))
    });
    s.send(&format!("Deuxième ligne{ENTER}"));
    eventually("the second line in the recovery file", || {
        std::fs::read_to_string(recovery_file(&file)).is_ok_and(|t| t.contains("Deuxième"))
    });
    s.kill("HUP");
    assert_eq!(s.wait_exit(), 129, "{}", s.contents());
    assert_eq!(
        answer(&file, "probleme.description").as_deref(),
        Some("Première ligne\nDeuxième ligne")
    );
    assert!(!recovery_file(&file).exists());
}

#[test]
fn a_signal_while_the_launcher_is_shown_gives_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::start(dir.path(), &[]);
        s.wait_for("Nouvelle candidature");
        s.send("mon-proj");
        s.kill(signal);
        assert_eq!(s.wait_exit(), code, "SIG{signal}: {}", s.contents());
        s.assert_terminal_restored();
        let settings = s.line_settings();
        assert!(
            settings.contains(" icanon") && settings.contains(" echo"),
            "SIG{signal}: still in raw mode: {settings}"
        );
        assert!(
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter_map(Result::ok)
                .all(|e| e.file_name().to_string_lossy().starts_with('.')),
            "SIG{signal}: no file created"
        );
    }
}
