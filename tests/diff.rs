//! `fiche diff`: answers that differ, by section, old → new, lists item by
//! item; exit 0 when identical, 1 when different, 2 on errors.

mod common;

use common::*;
use fiche::diff::{self, Line};

const A: &str = r#"[meta]
form = "fiche-action"
form_version = 1
created = "2026-01-01T00:00:00+01:00"

[identite]
nom_produit = "Assistant"
sponsor = "La DGT"

[probleme]
public_concerne = "agents"
irritants = ["surcouts", "delais"]
description = """
Ligne un.
Ligne deux.
Ligne trois.
Ligne quatre.
Ligne cinq.
Ligne six."""

[volume]
volume_annuel = 575000
minutes_par_operation = 6

[[donnees.sources]]
nom = "Code du travail"
nature = "documents"
acces = "ouverte"

[[donnees.sources]]
nom = "FAQ"
nature = "documents"
acces = "ouverte"
"#;

const B: &str = r#"[meta]
form = "fiche-action"
form_version = 1
created = "2026-02-02T00:00:00+01:00"

[identite]
nom_produit = "Assistant SRDT"
slogan = "Répondre plus vite"

[probleme]
public_concerne = "agents_et_usagers"
irritants = ["delais", "non_recours"]
description = """
Ligne un.
Ligne deux.
Ligne trois.
Ligne quatre.
Ligne cinq.
Ligne 6 modifiée."""

[volume]
volume_annuel = 600000
minutes_par_operation = 6.0

[[donnees.sources]]
nom = "Code du travail"
nature = "documents"
acces = "ouverte"

[[donnees.sources]]
nom = "FAQ interne"
nature = "documents"
acces = "interne_disponible"

[[donnees.sources]]
nom = "Fiches pratiques"
nature = "documents"
acces = "ouverte"

[brouillon]
note = "à revoir"
"#;

fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), A).unwrap();
    std::fs::write(dir.path().join("b.toml"), B).unwrap();
    dir
}

/// The lines printed under the question `id`, up to the next question.
fn block(text: &str, id: &str) -> Vec<String> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.contains(&format!("({id})")) && l.trim() != id);
    lines
        .next()
        .unwrap_or_else(|| panic!("{id} missing from:\n{text}"));
    lines
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[test]
fn diff_shows_changed_added_and_removed_answers_by_section() {
    let dir = files();
    let out = fiche_in(dir.path(), &["diff", "a.toml", "b.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("--- a.toml\n+++ b.toml\n"), "{text}");
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing from:\n{text}"))
    };
    assert!(at("\nIntitulé du produit\n") < at("\nLe problème, vu de l’agent"));
    assert!(at("\nLe problème, vu de l’agent") < at("\nLes données\n"));
    assert!(at("\nLes données\n") < at("\nRéponses hors formulaire\n"));

    // What each question shows, old → new.
    let shown: [(&str, &[&str]); 7] = [
        (
            "identite.nom_produit",
            &["    « Assistant » → « Assistant SRDT »"],
        ),
        (
            "identite.slogan",
            &["    (sans réponse) → « Répondre plus vite »"],
        ),
        ("identite.sponsor", &["    « La DGT » → (sans réponse)"]),
        (
            "probleme.public_concerne",
            &["    Les agents → Les agents et les usagers"],
        ),
        (
            "probleme.irritants",
            &[
                "    - Surcoûts (temps agent, dépenses)",
                "    + Non-recours aux droits",
            ],
        ),
        (
            "probleme.description",
            &[
                "      …",
                "      Ligne cinq.",
                "    - Ligne six.",
                "    + Ligne 6 modifiée.",
            ],
        ),
        ("volume.volume_annuel", &["    575\u{a0}000 → 600\u{a0}000"]),
    ];
    for (id, lines) in shown {
        assert_eq!(block(&text, id), lines, "{id}");
    }
    // 6 and 6.0 are the same answer.
    assert_not_said(&text, "minutes_par_operation");
    // Meta (dates) is not an answer.
    assert_not_said(&text, "created");
    let sources = block(&text, "donnees.sources");
    assert_eq!(sources[0], "    n° 2 :");
    assert_eq!(
        sources[1],
        "      Nom de la source : « FAQ » → « FAQ interne »"
    );
    assert!(sources[2].contains("Accès : Donnée ouverte"), "{sources:?}");
    assert!(
        sources[3].starts_with("    + n° 3 : Nom de la source : « Fiches pratiques »"),
        "{sources:?}"
    );
    assert!(
        !text.contains("n° 1"),
        "unchanged items are not shown: {text}"
    );
    assert_eq!(
        block(&text, "brouillon.note"),
        ["    (sans réponse) → \"à revoir\""]
    );
    assert!(
        text.trim_end().ends_with("9 réponses différentes."),
        "{text}"
    );
}

#[test]
fn diff_the_other_way_shows_removed_list_items() {
    let dir = files();
    let out = fiche_in(dir.path(), &["diff", "b.toml", "a.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let sources = block(&stdout(&out), "donnees.sources");
    assert!(
        sources
            .iter()
            .any(|l| l.starts_with("    - n° 3 : Nom de la source : « Fiches pratiques »")),
        "{sources:?}"
    );
}

#[test]
fn identical_answers_exit_0_and_errors_exit_2() {
    let dir = files();
    let d = dir.path();
    let same = A.replace("2026-01-01", "2027-03-03") + "\n# un commentaire\n";
    std::fs::write(d.join("same.toml"), same).unwrap();
    let out = fiche_in(d, &["diff", "a.toml", "same.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_said(&stdout(&out), "Aucune différence entre a.toml et same.toml");
    let out = fiche_in(d, &["diff", "a.toml", "absent.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_said(
        &stderr(&out),
        "absent.toml : fichier ou dossier introuvable",
    );
}

#[test]
fn line_diff_keeps_common_lines_and_puts_removals_first() {
    let lines = diff::line_diff("a\nb\nc", "a\nB\nc\nd");
    assert_eq!(
        lines,
        [
            Line::Same("a".into()),
            Line::Removed("b".into()),
            Line::Added("B".into()),
            Line::Same("c".into()),
            Line::Added("d".into()),
        ]
    );
}
