//! « Vos données » : what fiche guarantees about the answers file, through
//! the library and the `fiche set` command. Outside changes are merged or
//! asked about, never overwritten unseen; an answer with no place in the
//! file is an error; a read-only file, a FIFO or a device is never written;
//! a symbolic link is written through; the file's mode, byte order mark and
//! line endings are kept; leftovers of a killed fiche are cleaned.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use fiche::answers::{Keep, lock};
use fiche::{Answers, AnswersError};

const HEAD: &str = "[meta]\nform = \"fiche-action\"\nform_version = 1\n";

fn s(text: &str) -> Option<toml::Value> {
    Some(toml::Value::String(text.to_string()))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// `a.toml` holding `text`, in a fresh folder (kept while the folder lives).
fn a_toml(text: impl AsRef<str>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    write(&path, text.as_ref());
    (dir, path)
}

/// The answer to `id` in the file at `path`, as loaded from disk.
fn answer_in(path: &Path, id: &str) -> Option<toml::Value> {
    Answers::load(path).unwrap().get(id)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

// Item 1: outside changes.

#[test]
fn an_outside_change_to_another_answer_is_kept_and_ours_added() {
    let (_dir, path) = a_toml(format!("{HEAD}\n[identite]\nnom_produit = \"A\"\n"));
    let mut mine = Answers::load(&path).unwrap();
    // Another process (here: another Answers) changes the sponsor meanwhile,
    // and adds a comment by hand.
    let mut other = Answers::load(&path).unwrap();
    other.set("identite.sponsor", s("X")).unwrap();
    other.save(&path).unwrap();
    let edited = read(&path).replace("[identite]", "# relu par la DG\n[identite]");
    write(&path, &edited);
    mine.set("identite.nom_produit", s("B")).unwrap();
    let saved = mine.save(&path).unwrap();
    assert_eq!(saved.merged, ["identite.sponsor"]);
    let after = Answers::load(&path).unwrap();
    assert_eq!(after.get("identite.sponsor"), s("X"));
    assert_eq!(after.get("identite.nom_produit"), s("B"));
    assert!(read(&path).contains("# relu par la DG"), "{}", read(&path));
    // Saving again without outside change merges nothing.
    assert_eq!(mine.save(&path).unwrap().merged, Vec::<String>::new());
}

#[test]
fn the_same_answer_changed_on_both_sides_is_asked_and_nothing_written_until_settled() {
    let (_dir, path) = a_toml(format!("{HEAD}\n[identite]\nsponsor = \"A\"\n"));
    for (keep, expected) in [(Keep::Mine, "mienne"), (Keep::Theirs, "leur")] {
        let mut mine = Answers::load(&path).unwrap();
        let mut other = Answers::load(&path).unwrap();
        other.set("identite.sponsor", s("leur")).unwrap();
        other.save(&path).unwrap();
        let before = read(&path);
        mine.set("identite.sponsor", s("mienne")).unwrap();
        let err = mine.save(&path).unwrap_err();
        let AnswersError::Conflict { conflicts, .. } = &err else {
            panic!("{err}");
        };
        assert!(err.to_string().contains("identite.sponsor"), "{err}");
        assert!(err.to_string().contains("Rien n’a été écrit"), "{err}");
        assert_eq!(read(&path), before, "nothing written on a conflict");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].mine, s("mienne"));
        assert_eq!(conflicts[0].theirs, s("leur"));
        mine.resolve(&conflicts[0], keep).unwrap();
        mine.save(&path).unwrap();
        assert_eq!(answer_in(&path, "identite.sponsor"), s(expected));
        // Back to a common start for the next round.
        let mut reset = Answers::load(&path).unwrap();
        reset.set("identite.sponsor", s("A")).unwrap();
        reset.save(&path).unwrap();
    }
}

#[test]
fn two_set_processes_on_one_file_keep_both_answers() {
    let (dir, path) = a_toml(HEAD);
    // Many rounds of two real processes writing different answers at once.
    for round in 0..5 {
        let spawn = |arg: String| {
            Command::new(env!("CARGO_BIN_EXE_fiche"))
                .args(["set", "a.toml", &arg])
                .current_dir(dir.path())
                .env("XDG_CONFIG_HOME", dir.path().join(".config"))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let a = spawn(format!("identite.sponsor=S{round}"));
        let b = spawn(format!("identite.direction=D{round}"));
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        assert!(a.status.success(), "{}", stderr(&a));
        assert!(b.status.success(), "{}", stderr(&b));
        let after = Answers::load(&path).unwrap();
        assert_eq!(after.get("identite.sponsor"), s(&format!("S{round}")));
        assert_eq!(after.get("identite.direction"), s(&format!("D{round}")));
    }
}

#[test]
fn set_on_a_file_open_elsewhere_writes_and_says_the_session_will_merge() {
    let (dir, path) = a_toml(HEAD);
    hold_lock_elsewhere(&path);
    let out = fiche_in(dir.path(), &["set", "a.toml", "identite.sponsor=X"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_said(&stderr(&out), "est ouvert dans fiche par le processus");
    assert_said(&stderr(&out), "prochain enregistrement");
    assert_eq!(answer_in(&path, "identite.sponsor"), s("X"));
}

// Item 2: an answer with no place in the file.

#[test]
fn an_answer_with_no_place_in_the_file_is_an_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (text, found) in [
        (
            format!("identite = \"x\"\n{HEAD}"),
            "« identite » y est un texte (ligne 1)",
        ),
        (
            format!("{HEAD}[[identite]]\nnom = \"a\"\n"),
            "« identite » y est un tableau de tables",
        ),
    ] {
        let path = dir.path().join("s.toml");
        write(&path, &text);
        let mut answers = Answers::load(&path).unwrap();
        let err = answers.set("identite.nom_produit", s("A")).unwrap_err();
        assert!(matches!(err, AnswersError::Unplaceable { .. }), "{err}");
        let out = fiche_in(dir.path(), &["set", "s.toml", "identite.nom_produit=A"]);
        assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
        let message = stderr(&out);
        assert_said(&message, "identite.nom_produit");
        assert_said(&message, found);
        assert_said(&message, "n’a pas été modifié");
        assert_not_said(&stdout(&out), "Enregistré");
        assert_eq!(read(&path), text);
    }
}

// Item 4: read-only files and modes.

#[cfg(unix)]
#[test]
fn a_read_only_file_is_never_written_and_a_save_keeps_the_mode() {
    let (dir, path) = a_toml(HEAD);
    chmod(&path, 0o444);
    let out = fiche_in(dir.path(), &["set", "a.toml", "identite.sponsor=X"]);
    assert_eq!(out.status.code(), Some(2));
    assert_said(&stderr(&out), "est en lecture seule");
    assert_said(&stderr(&out), "fiche new copie.toml --from");
    assert_eq!(read(&path), HEAD);
    assert_eq!(mode(&path), 0o444);
    // The library refuses too (even for root, who may write anything).
    let mut answers = Answers::load(&path).unwrap();
    answers.set("identite.sponsor", s("X")).unwrap();
    let err = answers.save(&path).unwrap_err();
    assert!(
        err.to_string().contains("lecture seule (droits r--r--r--)"),
        "{err}"
    );
    assert_eq!(read(&path), HEAD);
    // A writable file keeps its own mode; a new file is private.
    chmod(&path, 0o664);
    answers.save(&path).unwrap();
    assert_eq!(mode(&path), 0o664);
    let new = dir.path().join("nouveau.toml");
    answers.save(&new).unwrap();
    assert_eq!(mode(&new), 0o600);
}

// Item 5: symbolic links.

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("partage");
    std::fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("vrai.toml");
    write(&target, HEAD);
    let link = dir.path().join("lien.toml");
    std::os::unix::fs::symlink("partage/vrai.toml", &link).unwrap();
    let out = fiche_in(dir.path(), &["set", "lien.toml", "identite.sponsor=X"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        Answers::load(&target).unwrap().get("identite.sponsor"),
        s("X")
    );
    // The temporary file lived next to the target, and is gone.
    let names: Vec<String> = std::fs::read_dir(&real_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["vrai.toml"]);
}

// Item 7: byte order mark and line endings.

#[test]
fn a_bom_and_crlf_endings_are_kept_and_multiline_answers_survive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.toml");
    let text = format!(
        "\u{feff}{}\r\n[identite]\r\nnom_produit = \"A\"\r\n",
        HEAD.replace('\n', "\r\n")
    );
    write(&path, &text);
    let out = fiche_in(
        dir.path(),
        &[
            "set",
            "w.toml",
            "identite.sponsor=X",
            "probleme.description=ligne 1\nligne 2",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = read(&path);
    assert!(after.starts_with('\u{feff}'), "{after:?}");
    assert_eq!(
        after.matches('\n').count(),
        after.matches("\r\n").count(),
        "{after:?}"
    );
    let answers = Answers::load(&path).unwrap();
    assert_eq!(answers.get("identite.sponsor"), s("X"));
    assert_eq!(answers.get("probleme.description"), s("ligne 1\nligne 2"));
    // A plain file stays plain.
    let plain = dir.path().join("p.toml");
    write(&plain, HEAD);
    let out = fiche_in(dir.path(), &["set", "p.toml", "identite.sponsor=X"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = read(&plain);
    assert!(
        !after.contains('\r') && !after.starts_with('\u{feff}'),
        "{after:?}"
    );
}

// Item 8: only regular files.

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_before_reading_and_left_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("tube.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid path; creates a FIFO.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    for args in [
        vec!["set", "tube.toml", "identite.sponsor=X"],
        vec!["check", "tube.toml"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fiche"))
            .args(&args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join(".config"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!("fiche {args:?} hangs on a FIFO");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_said(
            &stderr(&out),
            "pas un fichier ordinaire (un tube nommé (FIFO))",
        );
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_before_reading() {
    // Only commands that read: a device must never be at risk here.
    for args in [
        vec!["check", "/dev/zero"],
        vec!["render", "/dev/zero", "--format", "md", "-o", "-"],
        vec!["diff", "/dev/null", "/dev/zero"],
    ] {
        let out = fiche(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("pas un fichier ordinaire (un périphérique)"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

// Item 6: leftovers of a killed fiche.

#[test]
fn leftovers_of_a_dead_fiche_are_cleaned_and_a_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let old = std::time::SystemTime::now() - Duration::from_secs(3600);
    let make = |name: &str| {
        let path = dir.path().join(name);
        write(&path, "[identite]\nnom_produit = \"moitié\"\n");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        path
    };
    let stale_tmp = make(&format!(".fiche-{dead}-AbC123.tmp"));
    let stale_txt = make(&format!(".fiche-{dead}-XyZ789.txt"));
    let live = make(&format!(".fiche-{}-LiVe00.tmp", std::process::id()));
    let other = make("fiche-notes.txt");
    let removed = fiche::fs_util::clean_leftovers(dir.path());
    assert_eq!(removed.len(), 2, "{removed:?}");
    assert!(!stale_tmp.exists() && !stale_txt.exists());
    assert!(live.exists() && other.exists());
}

/// A full disk, as the process sees it: a file-size limit of 0 makes every
/// write fail (with the signal it would send ignored), no mount needed.
#[cfg(unix)]
#[test]
fn a_disk_that_takes_no_byte_leaves_the_file_as_it_was_and_no_lock_behind() {
    use std::io::Write;
    let text = format!("{HEAD}\n[identite]\nnom_produit = \"Avant\"\n");
    let (dir, path) = a_toml(&text);
    let mut child = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_fiche"))
        .args(["a.toml", "--accessible"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.path().join(".config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let _ = input.write_all("Après\n:quitter\n\n".as_bytes());
    drop(input);
    let out = child.wait_with_output().unwrap();
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert_said(&said, "fichier trop gros pour ce disque");
    assert_not_said(&said, "os error");
    assert_eq!(read(&path), text);
    assert!(
        !lock::lock_path(&path).exists(),
        "a lock that could not be written is not left behind"
    );
}

// The accessible mode (piped, as a screen-reader user or a script drives it).

fn accessible(dir: &Path, file: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args([file, "--accessible"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn accessible_with(dir: &Path, file: &str, input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = accessible(dir, file);
    // fiche may refuse the file and exit before reading its input.
    if let Err(e) = child.stdin.take().unwrap().write_all(input.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

/// The accessible mode on `file` in `dir`, once it asks its first question:
/// the process, its input and what it says.
fn accessible_at_first_question(
    dir: &Path,
    file: &str,
) -> (std::process::Child, std::process::ChildStdin, Transcript) {
    let mut child = accessible(dir, file);
    let input = child.stdin.take().unwrap();
    let out = Transcript::follow(child.stdout.take().unwrap());
    out.wait_for("Réponse : ", 1);
    (child, input, out)
}

/// What the accessible mode has printed so far, read on a thread.
struct Transcript(std::sync::Arc<std::sync::Mutex<String>>);

impl Transcript {
    fn follow(out: std::process::ChildStdout) -> Transcript {
        use std::io::Read;
        let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let feed = std::sync::Arc::clone(&text);
        std::thread::spawn(move || {
            let mut out = out;
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Transcript(text)
    }

    /// Waits until `text` appears `times` times in all.
    fn wait_for(&self, text: &str, times: usize) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.0.lock().unwrap().matches(text).count() >= times {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "« {text} » ×{times} never appeared:\n{}",
            self.0.lock().unwrap()
        );
    }
}

#[test]
fn accessible_mode_merges_an_outside_change_and_asks_about_the_same_answer() {
    use std::io::Write;
    let (dir, path) = a_toml(HEAD);
    let (child, mut input, out) = accessible_at_first_question(dir.path(), "a.toml");
    let set = fiche_in(dir.path(), &["set", "a.toml", "identite.sponsor=Mme X"]);
    assert!(set.status.success(), "{}", stderr(&set));
    input.write_all("Mon produit\n".as_bytes()).unwrap();
    out.wait_for("ces réponses ont été gardées (identite.sponsor)", 1);
    out.wait_for("Réponse : ", 2);
    let set = fiche_in(
        dir.path(),
        &["set", "a.toml", "identite.slogan=Leur slogan"],
    );
    assert!(set.status.success(), "{}", stderr(&set));
    input.write_all("Mon slogan\n".as_bytes()).unwrap();
    out.wait_for("Dans le fichier : Leur slogan", 1);
    out.wait_for("Garder votre réponse ?", 1);
    input.write_all(b"n\n").unwrap();
    drop(input);
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
    let after = Answers::load(&path).unwrap();
    assert_eq!(after.get("identite.nom_produit"), s("Mon produit"));
    assert_eq!(after.get("identite.sponsor"), s("Mme X"));
    assert_eq!(after.get("identite.slogan"), s("Leur slogan"));
}

#[test]
fn accessible_mode_on_a_file_open_elsewhere_offers_read_only() {
    let (dir, path) = a_toml(HEAD);
    hold_lock_elsewhere(&path);
    let out = accessible_with(dir.path(), "a.toml", "n\n");
    assert_eq!(out.status.code(), Some(2));
    assert_said(&stdout(&out), "est déjà ouvert par fiche (le processus");
    assert_said(&stderr(&out), "il n’a pas été ouvert ici");
    let out = accessible_with(dir.path(), "a.toml", "o\nPas ici\n");
    assert_said(&stdout(&out), "Lecture seule");
    assert_eq!(read(&path), HEAD);
}

#[test]
fn accessible_mode_offers_back_an_answer_a_killed_session_typed() {
    let (dir, path) = a_toml(HEAD);
    fiche::recovery::Recovery::new("identite.nom_produit", "Repris".into())
        .write(&path)
        .unwrap();
    let out = accessible_with(dir.path(), "a.toml", "o\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_said(&stdout(&out), "s’est arrêtée sans enregistrer");
    assert_said(&stdout(&out), "  Repris");
    assert_eq!(answer_in(&path, "identite.nom_produit"), s("Repris"));
    assert!(!fiche::recovery::path_for(&path).exists());
}

#[cfg(unix)]
#[test]
fn accessible_mode_on_a_read_only_file_says_a_kept_recovery_and_offers_it_once_writable() {
    let (dir, path) = a_toml(HEAD);
    fiche::recovery::Recovery::new("identite.nom_produit", "Tapé avant l'arrêt".into())
        .write(&path)
        .unwrap();
    let recovery = fiche::recovery::path_for(&path);
    let kept = read(&recovery);
    chmod(&path, 0o444);
    let out = accessible_with(dir.path(), "a.toml", "");
    let said = stdout(&out);
    assert_said(&said, "Lecture seule");
    assert!(
        said.contains("(« Nom du produit », ")
            && said.contains("vous sera proposée dès que le fichier pourra être modifié"),
        "{said}"
    );
    assert_said(
        &said,
        "Rien n’a été écrit dans a.toml (le fichier est en lecture seule).",
    );
    assert_not_said(&said, "Vos réponses sont enregistrées");
    assert_eq!(read(&path), HEAD);
    assert_eq!(read(&recovery), kept, "the recovery is left as it is");

    chmod(&path, 0o644);
    let out = accessible_with(dir.path(), "a.toml", "o\n");
    assert_said(&stdout(&out), "s’est arrêtée sans enregistrer");
    assert_eq!(
        answer_in(&path, "identite.nom_produit"),
        s("Tapé avant l'arrêt")
    );
}

#[test]
fn accessible_mode_refuses_an_answer_with_no_place_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let text = format!("identite = \"x\"\n{HEAD}");
    write(&path, &text);
    let out = accessible_with(dir.path(), "s.toml", "A\n");
    assert_said(
        &stdout(&out),
        "erreur : réponse non enregistrée. identite.nom_produit",
    );
    assert_not_said(&stdout(&out), "Enregistré.");
    assert_eq!(read(&path), text);
}

#[test]
fn outside_changes_are_taken_in_at_once_only_when_nothing_here_waits() {
    let (_dir, path) = a_toml(format!("{HEAD}\n[identite]\nnom_produit = \"A\"\n"));
    let mut mine = Answers::load(&path).unwrap();
    assert!(mine.reload_outside_changes(&path).unwrap().is_empty());
    let mut other = Answers::load(&path).unwrap();
    other.set("identite.sponsor", s("X")).unwrap();
    other.save(&path).unwrap();
    assert_eq!(
        mine.reload_outside_changes(&path).unwrap(),
        ["identite.sponsor"]
    );
    assert_eq!(mine.get("identite.sponsor"), s("X"));
    // With a change of ours waiting, the file is left to the next save.
    mine.set("identite.nom_produit", s("B")).unwrap();
    other.set("identite.direction", s("D")).unwrap();
    other.save(&path).unwrap();
    assert!(mine.reload_outside_changes(&path).unwrap().is_empty());
    assert_eq!(mine.get("identite.nom_produit"), s("B"));
    assert_eq!(mine.save(&path).unwrap().merged, ["identite.direction"]);
}

#[test]
fn accessible_mode_reads_an_answer_set_outside_before_asking_it() {
    use std::io::Write;
    let (dir, path) = a_toml(HEAD);
    let (child, mut input, out) = accessible_at_first_question(dir.path(), "a.toml");
    let set = fiche_in(
        dir.path(),
        &["set", "a.toml", "identite.slogan=Posé ailleurs"],
    );
    assert!(set.status.success(), "{}", stderr(&set));
    // Skip the first question: the next one is read from the file again.
    input.write_all(b">\n").unwrap();
    out.wait_for(
        "Le fichier a été modifié ailleurs : réponses mises à jour (identite.slogan).",
        1,
    );
    out.wait_for("Posé ailleurs", 1);
    drop(input);
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{}", stderr(&done));
    assert_eq!(answer_in(&path, "identite.slogan"), s("Posé ailleurs"));
}

#[test]
fn accessible_mode_keeps_each_line_of_a_long_answer_for_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let recovery = fiche::recovery::path_for(&path);
    killed_once_recovered(
        &path,
        ":aller probleme.description\nPremière ligne\nseconde ligne\n",
        "seconde ligne",
    );
    assert_eq!(answer_in(&path, "probleme.description"), None);
    let out = accessible_with(dir.path(), "a.toml", "o\n");
    assert_said(&stdout(&out), "  seconde ligne");
    assert_eq!(
        answer_in(&path, "probleme.description"),
        s("Première ligne\nseconde ligne")
    );
    assert!(!recovery.exists());
}

#[test]
fn accessible_mode_keeps_the_fields_of_an_item_being_added_for_after_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.toml");
    let recovery = fiche::recovery::path_for(&path);
    killed_once_recovered(
        &path,
        ":aller donnees.sources\na\nFiches internes\nDGT\n",
        "DGT",
    );
    assert_eq!(answer_in(&path, "donnees.sources"), None);
    // The next session offers the item back.
    let out = accessible_with(dir.path(), "a.toml", "o\n");
    assert_said(&stdout(&out), "Fiches internes");
    let sources = Answers::load(&path)
        .unwrap()
        .get("donnees.sources")
        .unwrap();
    let item = &sources.as_array().unwrap()[0];
    assert_eq!(item["nom"].as_str(), Some("Fiches internes"));
    assert_eq!(item["producteur"].as_str(), Some("DGT"));
    assert!(!recovery.exists());
}

/// Writes the lock file of `path` as a live fiche session would: the pid is
/// our parent's (the test runner's), so the lock is not stale.
fn hold_lock_elsewhere(path: &Path) {
    let holder = format!(
        "pid = {}\nmachine = \"{}\"\ndepuis = \"2026-11-29T10:42:00+01:00\"\n",
        std::os::unix::process::parent_id(),
        lock::hostname()
    );
    write(&lock::lock_path(path), &holder);
}

/// Writes the draft `path`, types `keys` into the accessible mode on it,
/// and kills it (`kill -9`) once its recovery file holds `kept`.
fn killed_once_recovered(path: &Path, keys: &str, kept: &str) {
    use std::io::Write;
    write(path, HEAD);
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let recovery = fiche::recovery::path_for(path);
    let (mut child, mut input, _said) = accessible_at_first_question(dir, name);
    input.write_all(keys.as_bytes()).unwrap();
    let start = Instant::now();
    while !std::fs::read_to_string(&recovery).is_ok_and(|t| t.contains(kept)) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no recovery file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
}
