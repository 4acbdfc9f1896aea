//! The readiness score and its explanation.

use super::*;
use crate::answers::Answers;
use crate::form;

#[test]
fn the_score_lists_what_costs_points() {
    let c = coach(&with(&[("solution.role_ia", "\"decide\"")]));
    assert_eq!(c.score.value, 90);
    assert_eq!(
        c.score.explanation,
        ["-10 : décision entièrement automatisée (decision-automatique)"]
    );
    assert_eq!(coach(&srdt()).score.explanation.len(), 1);
}

#[test]
fn a_rule_firing_twice_costs_once() {
    let a = with(&[
        ("identite.slogan", "\"À compléter\""),
        ("identite.nom_produit", "\"TODO\""),
    ]);
    let c = coach(&a);
    assert_eq!(fired(&c, "texte-provisoire").len(), 2);
    assert_eq!(c.score.value, 95);
}

#[test]
fn the_score_counts_missing_answers_and_never_goes_below_zero() {
    let form = form::builtin();
    let empty = Answers::new(&form);
    let c = coach_with(&form, &empty);
    assert!(
        c.score.explanation[0].starts_with("-50 : "),
        "{:?}",
        c.score.explanation
    );
    assert!(c.score.value <= 50);
    let weak = Answers::parse(
        include_str!("../../../examples/candidature-faible.toml"),
        "faible",
    )
    .unwrap();
    let mut worse = weak.clone();
    for id in [
        "statu_quo.impact_beneficiaires",
        "pari.pari_impact",
        "probleme.description",
    ] {
        worse.set(id, None).unwrap();
    }
    let c = coach_with(&form, &worse);
    assert!(c.score.value < coach_with(&form, &weak).score.value);
}
