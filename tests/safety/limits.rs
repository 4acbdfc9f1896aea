//! Item 12 (bounded work) and item 15 (messages): the stated limits are
//! enforced with a French error and nothing written; positions stay exact
//! in a large file; long echoes are cut.

use super::common::*;
use super::{fiche_piped, file_with, path_str};
use fiche::limits::{MAX_ANSWER_CHARS, MAX_ANSWERS_FILE_BYTES};

const HEAD: &str = "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n";

#[test]
fn a_file_over_the_size_limit_is_refused_untouched() {
    let filler =
        "# commentaire de remplissage\n".repeat((MAX_ANSWERS_FILE_BYTES as usize / 29) + 10);
    let text = format!("{HEAD}{filler}[identite]\nnom_produit = \"A\"\n");
    let (dir, path) = file_with("gros.toml", &text);
    for args in [
        vec!["check", path_str(&path)],
        vec!["set", path_str(&path), "identite.slogan=x"],
        vec!["render", path_str(&path), "--format", "md", "-o", "-"],
    ] {
        let out = fiche_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("dépasse la taille maximale de 10 Mo"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_refused_before_reading() {
    let out = fiche(&["check", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("n’est pas un fichier ordinaire"),
        "{}",
        stderr(&out)
    );
    let out = fiche(&["diff", "/dev/zero", "/dev/null"]);
    assert_eq!(out.status.code(), Some(2));
}

fn long_answer_file(chars: usize) -> String {
    format!(
        "{HEAD}[identite]\nnom_produit = \"A\"\n\n[probleme]\ndescription = \"{}\"\n",
        "é".repeat(chars)
    )
}

#[test]
fn an_answer_over_the_limit_is_refused_with_its_place() {
    let text = long_answer_file(MAX_ANSWER_CHARS + 1);
    let (dir, path) = file_with("long.toml", &text);
    let out = fiche_in(dir.path(), &["check", path_str(&path)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("long.toml, ligne 9 : la réponse « probleme.description » fait 100\u{a0}001 caractères, 100\u{a0}000 au plus par réponse"),
        "{err}"
    );
    assert!(
        err.len() < 1000,
        "the answer is not echoed: {} bytes",
        err.len()
    );
    let out = fiche_in(dir.path(), &["render", path_str(&path), "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("long.pdf").exists());
    // At the limit, the file is accepted.
    let (dir, path) = file_with("ok.toml", &long_answer_file(MAX_ANSWER_CHARS));
    let out = fiche_in(dir.path(), &["check", path_str(&path)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn set_refuses_an_answer_over_the_limit_and_writes_nothing() {
    let (dir, path) = file_with(
        "a.toml",
        &format!("{HEAD}[identite]\nnom_produit = \"A\"\n"),
    );
    let before = std::fs::read_to_string(&path).unwrap();
    let long = format!("probleme.description={}", "x".repeat(MAX_ANSWER_CHARS + 5));
    let out = fiche_in(dir.path(), &["set", path_str(&path), &long]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("réponse trop longue : 100\u{a0}005 caractères"),
        "{err}"
    );
    assert!(err.len() < 2000, "{} bytes", err.len());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn the_accessible_mode_refuses_a_huge_answer_without_echoing_it() {
    let (dir, path) = file_with(
        "a.toml",
        &format!("{HEAD}[identite]\nnom_produit = \"A\"\n"),
    );
    let before = std::fs::read_to_string(&path).unwrap();
    let huge = "y".repeat(5 * 1024 * 1024);
    let input = format!(":aller identite.slogan\n{huge}\n:quitter\n");
    let out = fiche_piped(dir.path(), &[path_str(&path), "--accessible"], &input);
    let text = stdout(&out);
    assert!(
        text.contains("réponse trop longue"),
        "{}",
        &text[..text.len().min(3000)]
    );
    assert!(text.len() < 20_000, "echoed back: {} bytes", text.len());
    let after = fiche::Answers::load(&path).unwrap();
    assert_eq!(after.get("identite.slogan"), None);
    assert_eq!(
        after.get("identite.nom_produit"),
        fiche::Answers::parse(&before, "x")
            .unwrap()
            .get("identite.nom_produit")
    );
}

#[test]
fn positions_stay_exact_in_a_file_with_forty_thousand_keys() {
    let mut text = String::from(HEAD);
    text.push_str("[inconnue]\n");
    for i in 0..40_000 {
        text.push_str(&format!("cle_{i} = \"valeur {i}\"\n"));
    }
    let answers = fiche::Answers::parse(&text, "gros.toml").unwrap();
    let last = answers.position("inconnue.cle_39999").unwrap();
    assert_eq!((last.line, last.column), (40_005, 1));
}

#[test]
fn a_deep_dotted_table_header_gets_a_real_position() {
    let header = (0..200)
        .map(|i| format!("t{i}"))
        .collect::<Vec<_>>()
        .join(".");
    let text = format!("{HEAD}[{header}]\nx = 1\n");
    let (dir, path) = file_with("profond.toml", &text);
    let out = fiche_in(dir.path(), &["check", path_str(&path)]);
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(!all.contains("ligne 0"), "{all}");
    assert!(all.len() < 5000, "{} bytes:\n{all}", all.len());
}

#[test]
fn the_wizards_editors_share_the_answer_limit() {
    // Every editor (wizard, accessible mode, `set`) turns text into an
    // answer through `parse_input`: the limit is there.
    let form = fiche::form::builtin();
    for id in ["probleme.description", "identite.nom_produit"] {
        let (_, q) = form.question(id).unwrap();
        let at_limit = "a".repeat(MAX_ANSWER_CHARS);
        assert!(fiche::answers::parse_input(q, &at_limit).is_ok(), "{id}");
        let over = "a".repeat(MAX_ANSWER_CHARS + 1);
        let e = fiche::answers::parse_input(q, &over).unwrap_err();
        assert!(
            e.starts_with("réponse trop longue : 100\u{a0}001 caractères"),
            "{e}"
        );
        assert!(e.len() < 300, "the text is not echoed");
    }
}
