//! Item 9: text from a hostile answers file reaches no terminal raw. Every
//! surface the tester attacked: `check` (values, unknown keys, section
//! names), `diff`, `set`, the accessible mode (« Réponse actuelle »,
//! `:verifier`), `new --data` errors, `profile save` and `profile show`.

use super::common::*;
use super::{fiche_piped, file_with, path_str, raw_controls};

/// OSC 52 (clipboard), a title change, clear screen, a hyperlink, a C1 CSI
/// and a bidi override, in values, an unknown key and a section name.
pub const HOSTILE_FILE: &str = r#"[meta]
form = "fiche-action"
form_version = 1

[identite]
nom_produit = "Produit \u001b]52;c;cHduZWQ=\u0007 fin"
administration = "Admin \u001b]0;titre\u001b\\ \u001b[2J\u001b[H"
chef_produit_email = "x\u001b]8;;https://evil.example\u001b\\@clic\u001b]8;;\u001b\\"
sponsor = "\u202etxt.exe \u009b31m rouge"
"cle\u001b[31m" = "valeur"

["section\u001b[2J"]
a = "\u001b[5m"
"#;

fn assert_clean(what: &str, out: &std::process::Output) {
    for (stream, text) in [("stdout", stdout(out)), ("stderr", stderr(out))] {
        let raw = raw_controls(&text);
        assert!(raw.is_empty(), "{what} {stream}: raw {raw:?} in:\n{text}");
    }
    let code = out.status.code();
    assert!(matches!(code, Some(0..=2)), "{what}: exit {code:?}");
}

#[test]
fn check_shows_escapes_in_values_keys_and_section_names() {
    let (dir, path) = file_with("a.toml", HOSTILE_FILE);
    let out = fiche_in(dir.path(), &["check", path_str(&path)]);
    assert_clean("check", &out);
    let text = stdout(&out);
    assert!(text.contains("cle␛[31m"), "{text}");
    assert!(text.contains("section␛[2J"), "{text}");
    let out = fiche_in(dir.path(), &["check", "--format", "json", path_str(&path)]);
    assert_clean("check --format json", &out);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(
        json.to_string().contains("section\\u001b[2J"),
        "the data is kept"
    );
}

#[test]
fn diff_and_set_show_escapes() {
    let (dir, path) = file_with("a.toml", HOSTILE_FILE);
    let other = dir.path().join("b.toml");
    std::fs::write(&other, HOSTILE_FILE.replace("fin", "autre \\u001b[?1049h")).unwrap();
    let out = fiche_in(dir.path(), &["diff", path_str(&path), path_str(&other)]);
    assert_clean("diff", &out);
    assert!(stdout(&out).contains("␛]52;c;"), "{}", stdout(&out));
    let out = fiche_in(
        dir.path(),
        &["set", path_str(&path), "identite.slogan=a\u{1b}]0;x\u{7}b"],
    );
    assert_clean("set", &out);
}

#[test]
fn the_accessible_mode_shows_escapes_in_answers_and_checks() {
    let (dir, path) = file_with("a.toml", HOSTILE_FILE);
    let out = fiche_piped(
        dir.path(),
        &[path_str(&path), "--accessible"],
        ":aller identite.nom_produit\n:verifier\n:quitter\n",
    );
    assert_clean("accessible", &out);
    let text = stdout(&out);
    assert!(text.contains("Réponse actuelle"), "{text}");
    assert!(text.contains("␛]52;c;"), "{text}");
}

#[test]
fn new_data_errors_show_escapes() {
    let (dir, data) = file_with(
        "donnees.toml",
        "[identite]\n\"cle\\u001b]0;x\\u0007\" = \"v\"\n\n[volume]\nvolume_annuel = \"\\u001b[2J beaucoup\"\n",
    );
    let out = fiche_in(
        dir.path(),
        &[
            "new",
            "nouveau.toml",
            "--data",
            path_str(&data),
            "--sans-profil",
        ],
    );
    assert_clean("new --data", &out);
    assert!(stderr(&out).contains('␛'), "{}", stderr(&out));
}

#[test]
fn the_profile_shows_escapes_when_saved_and_shown() {
    let (dir, path) = file_with("a.toml", HOSTILE_FILE);
    let out = fiche_in(dir.path(), &["profile", "save", path_str(&path)]);
    assert_clean("profile save", &out);
    let out = fiche_in(dir.path(), &["profile", "show"]);
    assert_clean("profile show", &out);
    assert!(stdout(&out).contains("␛[2J"), "{}", stdout(&out));
}

#[test]
fn documents_printed_on_a_terminal_carry_no_escapes() {
    let (dir, path) = file_with("a.toml", HOSTILE_FILE);
    for format in ["md", "html", "pitch"] {
        let out = fiche_in(
            dir.path(),
            &["render", path_str(&path), "--format", format, "-o", "-"],
        );
        assert_clean(&format!("render {format}"), &out);
        assert!(stdout(&out).contains('␛'), "{format}: {}", stdout(&out));
    }
}
