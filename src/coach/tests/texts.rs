//! Rules on placeholders and pasted text.

use super::*;
use crate::validate::Severity;

#[test]
fn placeholder_left_in_name_or_slogan() {
    assert_fires(
        &with(&[("identite.slogan", "\"À compléter\"")]),
        "texte-provisoire",
        "identite.slogan",
        Severity::Warning,
    );
    assert_fires(
        &with(&[("identite.nom_produit", "\"TODO\"")]),
        "texte-provisoire",
        "identite.nom_produit",
        Severity::Warning,
    );
    assert_fires(
        &with(&[("identite.nom_produit", "\"Nom du produit (à compléter)\"")]),
        "texte-provisoire",
        "identite.nom_produit",
        Severity::Warning,
    );
    assert_fires(
        &with(&[("pari.pari_impact", "\"à définir\"")]),
        "texte-provisoire",
        "pari.pari_impact",
        Severity::Warning,
    );
    // The name a newcomer types first.
    assert_fires(
        &with(&[("identite.nom_produit", "\"Mon projet IA\"")]),
        "texte-provisoire",
        "identite.nom_produit",
        Severity::Warning,
    );
    assert_fires(
        &with(&[("indicateurs.valeur_cible", "\"à préciser\"")]),
        "texte-provisoire",
        "indicateurs.valeur_cible",
        Severity::Warning,
    );
    // An initiative cited by `--citer` or Ctrl+T and never written about.
    assert_fires(
        &with(&[(
            "pertinence.solutions_existantes",
            "\"Nous avons regardé :\\n\\n- Tri du courrier entrant (CPAM) : ce que nous en retenons : à compléter\"",
        )]),
        "texte-provisoire",
        "pertinence.solutions_existantes",
        Severity::Warning,
    );
    // A word that merely starts like a placeholder is not one.
    assert_silent(
        &with(&[("identite.nom_produit", "\"Todolist des agents\"")]),
        "texte-provisoire",
    );
    assert_silent(&srdt(), "texte-provisoire");
}

#[test]
fn an_answer_that_only_repeats_its_question_is_a_placeholder() {
    // The slogan's label is « Slogan : la promesse en une phrase ».
    for slogan in [
        "\"Slogan\"",
        "\"slogan.\"",
        "\"Slogan : la promesse en une phrase\"",
    ] {
        assert_fires(
            &with(&[("identite.slogan", slogan)]),
            "texte-provisoire",
            "identite.slogan",
            Severity::Warning,
        );
    }
    assert_fires(
        &with(&[("identite.nom_produit", "\"Nom du produit\"")]),
        "texte-provisoire",
        "identite.nom_produit",
        Severity::Warning,
    );
    // A slogan that uses the word is one.
    assert_silent(
        &with(&[("identite.slogan", "\"Un slogan pour les agents\"")]),
        "texte-provisoire",
    );
}

#[test]
fn same_text_pasted_twice() {
    let text = "\"L'outil permettra de gagner du temps et d'améliorer la qualité du service.\"";
    let a = with(&[
        ("solution.approche", text),
        ("solution.transformation", text),
    ]);
    let f = assert_fires(
        &a,
        "texte-duplique",
        "solution.transformation",
        Severity::Warning,
    );
    assert!(f.message.contains("solution.approche"), "{}", f.message);
    // Short answers may repeat.
    assert_silent(
        &with(&[
            ("solution.approche", "\"Voir plus bas\""),
            ("solution.transformation", "\"Voir plus bas\""),
        ]),
        "texte-duplique",
    );
    assert_silent(&srdt(), "texte-duplique");
}
