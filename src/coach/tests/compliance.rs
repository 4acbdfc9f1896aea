//! Rules on the law and responsible AI.

use super::*;
use crate::validate::Severity;

#[test]
fn ai_deciding_alone_is_an_error() {
    let a = with(&[("solution.role_ia", "\"decide\"")]);
    assert_fires(
        &a,
        "decision-automatique",
        "solution.role_ia",
        Severity::Error,
    );
    assert_silent(
        &with(&[("solution.role_ia", "\"assiste\"")]),
        "decision-automatique",
    );
}

#[test]
fn sensitive_data_needs_sovereign_hosting() {
    let rule = "donnees-sensibles-hors-ue";
    let q = "ia_responsable.hebergement";
    for host in ["\"hors_ue\"", "\"non_choisi\""] {
        let a = with(&[("ia_responsable.sensibilite", "\"sensible\""), (q, host)]);
        assert_fires(&a, rule, q, Severity::Error);
    }
    let a = with(&[
        (
            "donnees.sources",
            r#"[{ nom = "Dossiers", nature = "documents", acces = "ouverte", sensibles = true }]"#,
        ),
        (q, "\"hors_ue\""),
    ]);
    assert_fires(&a, rule, q, Severity::Error);
    assert_silent(
        &with(&[
            ("ia_responsable.sensibilite", "\"sensible\""),
            (q, "\"secnumcloud\""),
        ]),
        rule,
    );
    assert_silent(
        &with(&[
            ("ia_responsable.sensibilite", "\"interne\""),
            (q, "\"hors_ue\""),
        ]),
        rule,
    );
}

#[test]
fn dpia_obligation_is_spelt_out() {
    let rule = "aipd-requise";
    let q = "ia_responsable.criteres_aipd";
    // Two criteria, DPO not consulted: a warning.
    let a = with(&[("ia_responsable.referents_consultes", "[\"rssi\"]")]);
    let f = assert_fires(&a, rule, q, Severity::Warning);
    assert!(
        f.message
            .contains("Une AIPD est obligatoire : faites-la valider par votre DPO avant le pilote"),
        "{}",
        f.message
    );
    // One criterion with personal data.
    let a = with(&[
        (q, "[\"grande_echelle\"]"),
        ("ia_responsable.donnees_personnelles", "true"),
    ]);
    assert_fires(&a, rule, q, Severity::Advice);
    // One criterion without personal data, or personal data without criteria.
    assert_silent(
        &with(&[
            (q, "[\"grande_echelle\"]"),
            ("ia_responsable.donnees_personnelles", "false"),
        ]),
        rule,
    );
    assert_silent(
        &with(&[(q, "[]"), ("ia_responsable.donnees_personnelles", "true")]),
        rule,
    );
}

#[test]
fn ai_act_categories() {
    let q = "ia_responsable.risque_ai_act";
    let f = assert_fires(
        &with(&[(q, "\"haut_risque\"")]),
        "ai-act-haut-risque",
        q,
        Severity::Warning,
    );
    assert!(
        f.message.contains(
            "analyse d'impact sur les droits fondamentaux et contrôle humain obligatoires"
        )
    );
    assert_fires(
        &with(&[(q, "\"interdit\"")]),
        "ai-act-interdit",
        q,
        Severity::Error,
    );
    assert_fires(
        &with(&[(q, "\"a_determiner\"")]),
        "ai-act-a-determiner",
        q,
        Severity::Advice,
    );
    for rule in [
        "ai-act-haut-risque",
        "ai-act-interdit",
        "ai-act-a-determiner",
    ] {
        assert_silent(&with(&[(q, "\"limite\"")]), rule);
    }
}

#[test]
fn closed_code() {
    let q = "mutualisation.code_ouvert";
    assert_fires(
        &with(&[(q, "false")]),
        "code-non-ouvert",
        q,
        Severity::Warning,
    );
    assert_silent(&srdt(), "code-non-ouvert");
}
