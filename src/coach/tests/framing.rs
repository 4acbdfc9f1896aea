//! Rules on the problem, scale, data, metric, relevance, plan and payback.

use super::*;
use crate::validate::Severity;

#[test]
fn irritant_without_figures() {
    let a = with(&[(
        "probleme.chiffres_irritant",
        "\"Les délais sont trop longs.\"",
    )]);
    let f = assert_fires(
        &a,
        "irritant-sans-chiffres",
        "probleme.chiffres_irritant",
        Severity::Warning,
    );
    assert!(f.message.contains("chiffre"));
    assert_silent(&srdt(), "irritant-sans-chiffres");
    let mut unanswered = srdt();
    unanswered.set("probleme.chiffres_irritant", None).unwrap();
    assert_silent(&unanswered, "irritant-sans-chiffres");
}

#[test]
fn a_figure_written_in_words_is_a_figure() {
    for text in [
        "Trois semaines d'attente en moyenne.",
        "La moitié des dossiers reviennent incomplets.",
        "Des centaines d'appels par jour.",
    ] {
        let a = with(&[("probleme.chiffres_irritant", &format!("{text:?}"))]);
        assert_silent(&a, "irritant-sans-chiffres");
    }
    // « un », « une » and « neuf » are read as words, not figures.
    let a = with(&[(
        "probleme.chiffres_irritant",
        "\"Une attente trop longue pour un outil neuf.\"",
    )]);
    assert_fires(
        &a,
        "irritant-sans-chiffres",
        "probleme.chiffres_irritant",
        Severity::Warning,
    );
}

#[test]
fn volume_missing_or_without_unit() {
    let mut a = srdt();
    a.set("volume.volume_annuel", None).unwrap();
    assert_fires(
        &a,
        "volume-manquant",
        "volume.volume_annuel",
        Severity::Warning,
    );
    let mut a = srdt();
    a.set("volume.unite_operation", None).unwrap();
    assert_fires(
        &a,
        "volume-manquant",
        "volume.unite_operation",
        Severity::Warning,
    );
    assert_silent(&srdt(), "volume-manquant");
    // A volume written but unusable is not « pas renseigné »: its field
    // error says what is wrong.
    for bad in ["\"beaucoup\"", "9223372036854775807"] {
        assert_silent(&with(&[("volume.volume_annuel", bad)]), "volume-manquant");
    }
}

#[test]
fn tiny_scale_needs_few_agents_and_few_operations() {
    let a = with(&[("volume.nb_agents", "3"), ("volume.volume_annuel", "120")]);
    let f = assert_fires(
        &a,
        "tres-petite-echelle",
        "volume.nb_agents",
        Severity::Warning,
    );
    assert!(f.message.contains("120"), "{}", f.message);
    assert_silent(
        &with(&[("volume.nb_agents", "3"), ("volume.volume_annuel", "5000")]),
        "tres-petite-echelle",
    );
    assert_silent(
        &with(&[("volume.nb_agents", "50"), ("volume.volume_annuel", "120")]),
        "tres-petite-echelle",
    );
}

#[test]
fn tiny_scale_threshold_comes_from_the_form_file() {
    let mut form = form::builtin();
    form.coach.insert("petite_echelle_volume".into(), v("100"));
    let a = with(&[("volume.nb_agents", "3"), ("volume.volume_annuel", "120")]);
    assert!(fired(&coach_with(&form, &a), "tres-petite-echelle").is_empty());
}

#[test]
fn no_reachable_data_source() {
    let a = with(&[(
        "donnees.sources",
        r#"[{ nom = "Archives papier", nature = "documents", acces = "inexistante" }]"#,
    )]);
    assert_fires(
        &a,
        "aucune-donnee-accessible",
        "donnees.sources",
        Severity::Warning,
    );
    let a = with(&[(
        "donnees.sources",
        r#"[{ nom = "A", nature = "documents", acces = "inexistante" }, { nom = "B", nature = "api", acces = "a_negocier" }]"#,
    )]);
    assert_silent(&a, "aucune-donnee-accessible");
}

#[test]
fn metric_without_figures() {
    let a = with(&[("indicateurs.valeur_cible", "\"Plus court\"")]);
    assert_fires(
        &a,
        "metrique-sans-reference",
        "indicateurs.valeur_cible",
        Severity::Warning,
    );
    assert_silent(&srdt(), "metrique-sans-reference");
}

#[test]
fn no_alternative_without_ai() {
    let q = "pertinence.alternatives_sans_ia";
    for text in ["\"Aucune\"", "\"Néant.\"", "\"On verra\""] {
        assert_fires(&with(&[(q, text)]), "solutionnisme", q, Severity::Warning);
    }
    assert_silent(&srdt(), "solutionnisme");
}

/// A whole sentence saying there is no alternative used to pass.
#[test]
fn a_short_sentence_saying_there_is_no_alternative_is_solutionism() {
    let q = "pertinence.alternatives_sans_ia";
    for text in [
        "\"Aucune alternative sans IA n'a été étudiée.\"",
        "\"Nous n’avons pas étudié d'autre solution.\"",
        "\"Il n'y a pas d'autre solution possible.\"",
        "\"Pas encore étudié, ce sera fait pendant le pilote.\"",
    ] {
        assert_fires(&with(&[(q, text)]), "solutionnisme", q, Severity::Warning);
    }
    for text in [
        // An alternative described, even when it starts with « aucune ».
        "\"Aucune des pistes étudiées ne suffit : une foire aux questions ne couvre pas les cas complexes, et recruter 36 conseillers n'est pas finançable.\"",
        "\"Recruter des conseillers supplémentaires n'est pas finançable.\"",
    ] {
        assert_silent(&with(&[(q, text)]), "solutionnisme");
    }
}

#[test]
fn procedure_to_simplify() {
    let q = "pertinence.procedure_a_simplifier";
    assert_fires(
        &with(&[(q, "true")]),
        "procedure-a-simplifier",
        q,
        Severity::Warning,
    );
    assert_silent(&srdt(), "procedure-a-simplifier");
}

#[test]
fn payback_longer_than_three_years() {
    // 1 610 143 € a year: 36 months is 4 830 429 €.
    let a = with(&[("tco.budget_annuel", "5000000")]);
    let f = assert_fires(
        &a,
        "retour-trop-long",
        "tco.budget_annuel",
        Severity::Warning,
    );
    assert!(f.message.contains("37,3"), "{}", f.message);
    assert_silent(
        &with(&[("tco.budget_annuel", "4800000")]),
        "retour-trop-long",
    );
}

#[test]
fn a_budget_covered_in_what_shows_as_36_months_is_not_more_than_36() {
    // 4 830 500 € against 1 610 143 € a year: 36,0008 months, shown « 36 mois ».
    let a = with(&[("tco.budget_annuel", "4830500"), ("tco.postes", "[]")]);
    assert_eq!(coach(&a).roi.payback_fr().as_deref(), Some("36\u{a0}mois"));
    assert_silent(&a, "retour-trop-long");
    // 4 840 000 €: 36,07 months, shown « 36,1 mois »: more than 36.
    let f = assert_fires(
        &with(&[("tco.budget_annuel", "4840000")]),
        "retour-trop-long",
        "tco.budget_annuel",
        Severity::Warning,
    );
    assert!(f.message.contains("36,1"), "{}", f.message);
}

#[test]
fn no_time_saved() {
    let q = "roi.minutes_economisees";
    let a = with(&[(q, "0")]);
    assert_fires(&a, "aucun-gain-de-temps", q, Severity::Warning);
    assert_silent(&a, "retour-trop-long");
    assert_silent(&srdt(), "aucun-gain-de-temps");
}

#[test]
fn six_month_plan_with_too_few_milestones() {
    let q = "deploiement.plan_6_mois";
    let two = r#"[{ mois = 1, jalon = "Données" }, { mois = 6, jalon = "Bilan" }]"#;
    let f = assert_fires(&with(&[(q, two)]), "plan-trop-court", q, Severity::Warning);
    assert!(f.message.contains("2 jalon"), "{}", f.message);
    assert!(
        f.message
            .starts_with("le plan à six mois ne compte que 2 jalons :"),
        "{}",
        f.message
    );
    // « ne compte que 1 jalon » was not French.
    let one = r#"[{ mois = 1, jalon = "Données" }]"#;
    let f = assert_fires(&with(&[(q, one)]), "plan-trop-court", q, Severity::Warning);
    assert!(
        f.message
            .starts_with("le plan à six mois ne compte qu’un jalon :"),
        "{}",
        f.message
    );
    let three = r#"[{ mois = 1, jalon = "Données" }, { mois = 3, jalon = "Test" }, { mois = 6, jalon = "Bilan" }]"#;
    assert_silent(&with(&[(q, three)]), "plan-trop-court");
}
