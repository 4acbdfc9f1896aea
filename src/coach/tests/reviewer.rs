//! The questions a reviewer asks beyond the model, each with its exact message.

use super::*;
use crate::validate::Severity;

#[test]
fn a_shared_state_tool_not_considered_is_a_warning() {
    let q = "pertinence.outil_etat";
    let f = assert_fires(
        &with(&[(q, "\"non_etudie\"")]),
        "outil-etat-non-etudie",
        q,
        Severity::Warning,
    );
    assert_eq!(
        f.message,
        "aucun outil mutualisé de l’État n’a été étudié : le jury demandera pourquoi ne pas réutiliser l’existant (API Albert, assistants Albert, briques recensées par la communauté beta.gouv) ; regardez ce qui existe et dites pourquoi cela ne suffit pas"
    );
    for answer in ["\"reutilise\"", "\"ecarte\""] {
        assert_silent(&with(&[(q, answer)]), "outil-etat-non-etudie");
    }
}

#[test]
fn a_generative_system_needs_a_quality_evaluation() {
    let q = "indicateurs.evaluation_generative";
    let mut a = srdt();
    a.set(q, None).unwrap();
    let f = assert_fires(&a, "evaluation-generative-manquante", q, Severity::Warning);
    assert_eq!(
        f.message,
        "le produit génère du texte ou des images mais « Comment évaluerez-vous la qualité de ce que génère l’IA ? » est vide : le jury attend un jeu de test validé par des agents, un taux de réponses erronées ou inventées (hallucinations) mesuré, et la façon dont l’IA s’abstient quand elle ne sait pas ; décrivez-les"
    );
    assert_silent(&srdt(), "evaluation-generative-manquante");
    a.set("solution.ia_generative", Some(v("false"))).unwrap();
    assert_silent(&a, "evaluation-generative-manquante");
}

#[test]
fn what_happens_after_six_months_is_asked() {
    let q = "deploiement.apres_pilote";
    let mut a = srdt();
    a.set(q, None).unwrap();
    let f = assert_fires(&a, "apres-pilote-non-prevu", q, Severity::Advice);
    assert_eq!(
        f.message,
        "« Après les six mois, qui fera fonctionner le produit et qui le paiera ? » est vide : le jury demandera qui fera fonctionner et paiera le produit après les six mois, et quelle est l’étape suivante pour passer à l’échelle ; dites-le en quelques lignes"
    );
    assert_silent(&srdt(), "apres-pilote-non-prevu");
}
