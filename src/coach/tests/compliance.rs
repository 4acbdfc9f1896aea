//! Rules on the law and responsible AI, each with its exact French message:
//! a wrong legal sentence must fail a test, not slip through.

use super::*;
use crate::validate::Severity;

const CHECK: &str = "à vérifier avec votre DPO / service juridique";

/// The SRDT example's sources without the one marked personal, for
/// applications that truly process no personal data.
const NO_PERSONAL_SOURCE: (&str, &str) = (
    "donnees.sources",
    r#"[{ nom = "Code du travail", nature = "documents", acces = "ouverte", personnelles = false }]"#,
);

fn message(a: &Answers, rule: &str, question: &str, severity: Severity) -> String {
    assert_fires(a, rule, question, severity).message
}

#[test]
fn ai_deciding_alone_is_an_error_citing_article_47() {
    let a = with(&[("solution.role_ia", "\"decide\"")]);
    assert_eq!(
        message(
            &a,
            "decision-automatique",
            "solution.role_ia",
            Severity::Error
        ),
        format!(
            "l’IA décide seule : une décision administrative individuelle ne peut être entièrement automatisée que sous des conditions strictes (loi Informatique et Libertés, article 47 : jamais sur un recours administratif, jamais avec des données sensibles, un traitement maîtrisé et explicable, y compris ses évolutions, et la mention prévue à l’article L. 311-3-1 du code des relations entre le public et l’administration), qu’un système d’IA qui apprend seul ne peut pas remplir ; un agent doit décider : choisissez « recommande » ou « assiste » et décrivez le contrôle dans « Comment un agent vérifie-t-il ce que produit l’IA ? » ; {CHECK}"
        )
    );
    for role in ["\"assiste\"", "\"recommande\""] {
        assert_silent(&with(&[("solution.role_ia", role)]), "decision-automatique");
    }
}

#[test]
fn human_validation_is_asked_whatever_the_role() {
    let form = form::builtin();
    for role in ["\"assiste\"", "\"recommande\"", "\"decide\""] {
        let mut a = with(&[("solution.role_ia", role)]);
        a.set("solution.validation_humaine", None).unwrap();
        let report = validate::check(&form, &a);
        assert!(
            report
                .missing()
                .any(|f| f.id == "solution.validation_humaine"),
            "{role}"
        );
    }
}

/// « Aucune. » answers the required question while saying that no agent
/// checks the AI's output, which the fiche model asks for whatever the
/// role (even a drafting assistant): a warning that says what to write.
#[test]
fn no_human_check_is_a_warning_that_says_what_to_describe() {
    let q = "solution.validation_humaine";
    let describe = "aucun agent ne vérifierait ce que produit l’IA ; rien ne doit atteindre un usager ni fonder une décision sans qu’un agent l’ait vérifié, même avec un assistant de rédaction ; décrivez qui relit, à quelle étape, avec quelles informations (sources citées, score de confiance), et comment l’agent corrige ou écarte la proposition";
    for (role, then) in [
        (
            "\"recommande\"",
            " ; l’IA recommandant, c’est l’agent qui décide : dites ce qu’il voit pour le faire",
        ),
        (
            "\"decide\"",
            " ; l’IA décidant seule, voyez aussi la remarque sur son rôle : un agent doit décider",
        ),
        ("\"assiste\"", ""),
    ] {
        for answer in [
            "Aucune.",
            "  aucun ",
            "NÉANT !",
            "Non",
            "-",
            "« Néant »",
            "…",
            "Pas de contrôle humain.",
        ] {
            let a = with(&[("solution.role_ia", role), (q, &format!("{answer:?}"))]);
            assert_eq!(
                message(&a, "controle-humain-absent", q, Severity::Warning),
                format!(
                    "« Comment un agent vérifie-t-il ce que produit l’IA ? » répond « {} » : {describe}{then}",
                    answer.trim()
                ),
                "{role} {answer:?}"
            );
        }
    }
    // A described check, even a short one, is left alone.
    for answer in [
        "Aucune réponse n’est envoyée sans la relecture de l’agent.",
        "Relecture par l’agent",
    ] {
        assert_silent(
            &with(&[(q, &format!("{answer:?}"))]),
            "controle-humain-absent",
        );
    }
    assert_silent(&srdt(), "controle-humain-absent");
}

#[test]
fn the_words_of_no_human_check_are_the_forms_coach_list() {
    let mut form = form::builtin();
    form.coach.insert(
        "controle_humain_vide".into(),
        toml::Value::Array(vec![toml::Value::String("Plus tard".into())]),
    );
    let q = "solution.validation_humaine";
    let later = with(&[(q, "\"plus tard.\"")]);
    assert_eq!(
        fired(&coach_with(&form, &later), "controle-humain-absent").len(),
        1
    );
    let none = with(&[(q, "\"Aucune\"")]);
    assert!(fired(&coach_with(&form, &none), "controle-humain-absent").is_empty());
}

#[test]
fn sensitive_data_need_the_administration_or_secnumcloud_eu_or_not() {
    let rule = "donnees-sensibles-hors-ue";
    let q = "ia_responsable.hebergement";
    // Personal data outside the Union: the GDPR's transfer rules are said
    // too, and the DPO is one more person to check with.
    let transfer = " ; de plus, un transfert de données personnelles hors de l’Union n’est possible que dans les conditions du RGPD (chapitre V, articles 44 à 49)";
    for (host, text, more, dpo) in [
        (
            "\"hors_ue\"",
            "hébergement hors Union européenne",
            transfer,
            " et votre DPO",
        ),
        ("\"cloud_europeen\"", "cloud européen non qualifié", "", ""),
        ("\"non_choisi\"", "hébergeur pas encore choisi", "", ""),
    ] {
        let a = with(&[("ia_responsable.sensibilite", "\"sensible\""), (q, host)]);
        assert_eq!(
            message(&a, rule, q, Severity::Error),
            format!(
                "la sensibilité des données est « sensible » et l’hébergement n’est ni celui de l’administration ni un cloud qualifié SecNumCloud ({text}) : des données sensibles exigent un hébergement par l’administration ou sur un cloud qualifié SecNumCloud, et un cloud non qualifié, européen ou non, ne suffit pas (doctrine « cloud au centre » de l’État ; pour les services de l’État, loi n° 2024-449 du 21 mai 2024 dite SREN, article 31) ; choisissez l’un des deux{more} ; à vérifier avec votre RSSI{dpo}"
            ),
            "{host}"
        );
    }
    let a = with(&[
        (
            "donnees.sources",
            r#"[{ nom = "Dossiers", nature = "documents", acces = "ouverte", sensibles = true }]"#,
        ),
        (q, "\"cloud_europeen\""),
    ]);
    assert!(
        message(&a, rule, q, Severity::Error)
            .starts_with("une source de données est marquée sensible et l’hébergement")
    );
    // Without personal data, no transfer to speak of.
    let a = with(&[
        ("ia_responsable.sensibilite", "\"sensible\""),
        ("ia_responsable.donnees_personnelles", "false"),
        NO_PERSONAL_SOURCE,
        (q, "\"hors_ue\""),
    ]);
    assert!(!message(&a, rule, q, Severity::Error).contains("transfert"));
    for host in ["\"secnumcloud\"", "\"administration\""] {
        assert_silent(
            &with(&[("ia_responsable.sensibilite", "\"sensible\""), (q, host)]),
            rule,
        );
    }
}

/// This used to be silent: personal data outside the EU is an error.
#[test]
fn personal_data_hosted_outside_the_eu_is_an_error() {
    let q = "ia_responsable.hebergement";
    let a = with(&[
        ("ia_responsable.sensibilite", "\"interne\""),
        (q, "\"hors_ue\""),
    ]);
    assert_eq!(
        message(&a, "donnees-personnelles-hors-ue", q, Severity::Error),
        format!(
            "des données personnelles seraient hébergées hors de l’Union européenne : un transfert de données personnelles hors de l’Union n’est possible que dans les conditions du RGPD (chapitre V, articles 44 à 49) et expose aux lois d’accès extraterritoriales ; choisissez un hébergement dans l’Union, par l’administration ou qualifié SecNumCloud ; {CHECK}"
        )
    );
    assert_silent(
        &with(&[
            ("ia_responsable.sensibilite", "\"interne\""),
            ("ia_responsable.donnees_personnelles", "false"),
            NO_PERSONAL_SOURCE,
            (q, "\"hors_ue\""),
        ]),
        "donnees-personnelles-hors-ue",
    );
}

#[test]
fn personal_data_of_a_state_service_on_a_non_qualified_cloud_is_an_error() {
    let q = "ia_responsable.hebergement";
    let rule = "donnees-personnelles-cloud-non-qualifie";
    let a = with(&[(q, "\"cloud_europeen\"")]);
    assert_eq!(
        message(&a, rule, q, Severity::Error),
        "des données personnelles seraient hébergées sur un cloud européen non qualifié : pour un service de l’État, la doctrine « cloud au centre » demande un hébergement par l’administration ou un cloud qualifié SecNumCloud pour les données d’une sensibilité particulière, dont les données personnelles des citoyens (voir aussi la loi SREN, article 31) ; prévoyez l’un des deux ; à vérifier avec votre RSSI et votre DPO"
    );
    let a = with(&[(q, "\"non_choisi\"")]);
    assert!(message(&a, rule, q, Severity::Error).starts_with(
        "des données personnelles seraient hébergées chez un hébergeur pas encore choisi :"
    ));
    // Not a State service: the doctrine does not apply.
    assert_silent(
        &with(&[
            (q, "\"cloud_europeen\""),
            ("tco.type_porteur", "\"collectivite\""),
        ]),
        rule,
    );
    assert_silent(
        &with(&[
            (q, "\"cloud_europeen\""),
            ("ia_responsable.donnees_personnelles", "false"),
            NO_PERSONAL_SOURCE,
        ]),
        rule,
    );
}

#[test]
fn a_provider_outside_the_eu_with_personal_or_internal_data_is_a_warning() {
    let q = "solution.fournisseur";
    let a = with(&[(q, "\"hors_ue\"")]);
    assert_eq!(
        message(&a, "fournisseur-hors-ue", q, Severity::Warning),
        "le fournisseur du modèle est établi hors de l’Union européenne et le produit traite des données personnelles : les outils commerciaux ne conviennent qu’à des données non sensibles, et un fournisseur hors Union peut être soumis à des lois d’accès extraterritoriales ; préférez l’API Albert, un modèle auto-hébergé ou un fournisseur européen, ou ne lui transmettez que des données publiques ; à vérifier avec votre RSSI et votre DPO"
    );
    let internal = with(&[
        (q, "\"hors_ue\""),
        ("ia_responsable.donnees_personnelles", "false"),
        NO_PERSONAL_SOURCE,
    ]);
    assert!(
        message(&internal, "fournisseur-hors-ue", q, Severity::Warning)
            .contains("traite des données internes à l’administration :")
    );
    assert_silent(
        &with(&[
            (q, "\"hors_ue\""),
            ("ia_responsable.donnees_personnelles", "false"),
            NO_PERSONAL_SOURCE,
            ("ia_responsable.sensibilite", "\"publique\""),
        ]),
        "fournisseur-hors-ue",
    );
}

/// The domain reference: a provider outside the EU with personal or internal
/// data is a warning. Sensitive data are at least internal: a source marked
/// sensitive used to count for nothing when the overall sensitivity said
/// « publique », and « sensible » was called « internes ».
#[test]
fn a_provider_outside_the_eu_with_sensitive_data_is_a_warning_that_says_so() {
    let q = "solution.fournisseur";
    let sensitive_source = (
        "donnees.sources",
        r#"[{ nom = "Dossiers", nature = "documents", acces = "ouverte", personnelles = false, sensibles = true }]"#,
    );
    for sensitive in [
        with(&[
            (q, "\"hors_ue\""),
            ("ia_responsable.donnees_personnelles", "false"),
            ("ia_responsable.sensibilite", "\"publique\""),
            sensitive_source,
        ]),
        with(&[
            (q, "\"hors_ue\""),
            ("ia_responsable.donnees_personnelles", "false"),
            ("ia_responsable.sensibilite", "\"sensible\""),
            NO_PERSONAL_SOURCE,
        ]),
    ] {
        assert!(
            message(&sensitive, "fournisseur-hors-ue", q, Severity::Warning)
                .starts_with("le fournisseur du modèle est établi hors de l’Union européenne et le produit traite des données sensibles : les outils commerciaux ne conviennent qu’à des données non sensibles")
        );
    }
    // The same source with a provider in the Union: nothing to say.
    assert_silent(
        &with(&[
            (q, "\"cloud_europeen\""),
            ("ia_responsable.donnees_personnelles", "false"),
            ("ia_responsable.sensibilite", "\"publique\""),
            sensitive_source,
        ]),
        "fournisseur-hors-ue",
    );
}

/// Health data are sensitive data: on a cloud that is neither the
/// administration's nor SecNumCloud, it is the sensitive-data error, even
/// when the overall sensitivity was left at « interne » and the applicant
/// is not a State service (the State's personal-data rule then says
/// nothing). This used to be only the HDS warning.
#[test]
fn health_data_are_sensitive_data_for_hosting() {
    let rule = "donnees-sensibles-hors-ue";
    let q = "ia_responsable.hebergement";
    let health = |host: &str| {
        with(&[
            ("ia_responsable.donnees_sante", "true"),
            ("ia_responsable.sensibilite", "\"interne\""),
            ("tco.type_porteur", "\"autre\""),
            (q, host),
        ])
    };
    assert_eq!(
        message(&health("\"cloud_europeen\""), rule, q, Severity::Error),
        "le produit traite des données de santé et l’hébergement n’est ni celui de l’administration ni un cloud qualifié SecNumCloud (cloud européen non qualifié) : des données sensibles exigent un hébergement par l’administration ou sur un cloud qualifié SecNumCloud, et un cloud non qualifié, européen ou non, ne suffit pas (doctrine « cloud au centre » de l’État ; pour les services de l’État, loi n° 2024-449 du 21 mai 2024 dite SREN, article 31) ; choisissez l’un des deux ; à vérifier avec votre RSSI"
    );
    assert_silent(
        &health("\"cloud_europeen\""),
        "donnees-personnelles-cloud-non-qualifie",
    );
    for host in ["\"secnumcloud\"", "\"administration\""] {
        assert_silent(&health(host), rule);
    }
    // Without health data, the same answers are no error.
    let mut none = health("\"cloud_europeen\"");
    none.set("ia_responsable.donnees_sante", Some(v("false")))
        .unwrap();
    assert_silent(&none, rule);
}

#[test]
fn health_data_need_an_hds_host() {
    let q = "ia_responsable.donnees_sante";
    let a = with(&[
        (q, "true"),
        ("ia_responsable.hebergement", "\"secnumcloud\""),
    ]);
    assert_eq!(
        message(&a, "donnees-sante-hds", q, Severity::Warning),
        "le produit traite des données de santé : quand elles ont été recueillies à l’occasion d’activités de prévention, de diagnostic, de soins ou de suivi social et médico-social, l’hébergeur qui les conserve sur support numérique pour le compte de l’administration doit être certifié « hébergeur de données de santé » (HDS, code de la santé publique, article L. 1111-8) ; vérifiez avec votre DPO si vos données en relèvent et, si oui, la certification de l’hébergeur choisi avec votre RSSI"
    );
    assert_silent(&with(&[(q, "true")]), "donnees-sante-hds");
    assert_silent(
        &with(&[
            (q, "false"),
            ("ia_responsable.hebergement", "\"secnumcloud\""),
        ]),
        "donnees-sante-hds",
    );
}

#[test]
fn two_criteria_make_a_dpia_presumed_necessary_validated_by_the_controller() {
    let rule = "aipd-requise";
    let q = "ia_responsable.criteres_aipd";
    let a = with(&[("ia_responsable.referents_consultes", "[\"rssi\"]")]);
    assert_eq!(
        message(&a, rule, q, Severity::Warning),
        "une AIPD est présumée nécessaire : le traitement de données personnelles remplit 2 critères de la CNIL (deux ou plus) ; le responsable du traitement la mène et la valide avant la mise en œuvre, après avoir demandé l’avis du DPO (RGPD, article 35) ; votre DPO n’est pas encore consulté : demandez son avis dès maintenant et cochez-le dans « Référents déjà consultés »"
    );
    // The DPO already consulted: a reminder.
    assert!(message(&srdt(), rule, q, Severity::Advice).ends_with(
        "votre DPO est consulté : inscrivez l’AIPD et sa validation dans le plan à six mois"
    ));
}

#[test]
fn one_criterion_means_checking_the_cnil_list() {
    let q = "ia_responsable.criteres_aipd";
    let a = with(&[(q, "[\"grande_echelle\"]")]);
    assert_eq!(
        message(&a, "aipd-a-verifier", q, Severity::Advice),
        format!(
            "un seul critère de la CNIL est coché : une AIPD n’est pas présumée nécessaire, mais vérifiez si le traitement figure sur la liste de la CNIL des traitements pour lesquels une AIPD est toujours requise, et demandez l’avis de votre DPO ; {CHECK}"
        )
    );
    assert_silent(&a, "aipd-requise");
}

#[test]
fn no_dpia_without_personal_data_and_the_criteria_are_hidden() {
    let q = "ia_responsable.criteres_aipd";
    for criteria in [
        "[\"grande_echelle\"]",
        "[\"grande_echelle\", \"croisement\", \"usage_innovant\"]",
    ] {
        let a = with(&[
            (q, criteria),
            ("ia_responsable.donnees_personnelles", "false"),
            NO_PERSONAL_SOURCE,
        ]);
        assert_silent(&a, "aipd-requise");
        assert_silent(&a, "aipd-a-verifier");
        let form = form::builtin();
        let (_, question) = form.question(q).unwrap();
        assert!(!validate::is_visible(question, &a.context()));
    }
}

#[test]
fn users_must_be_told_when_the_ai_recommends_on_their_case() {
    let q = "ia_responsable.information_usagers";
    let mut a = srdt();
    a.set(q, None).unwrap();
    assert_eq!(
        message(&a, "information-usagers-manquante", q, Severity::Warning),
        format!(
            "l’IA intervient dans des décisions sur la situation d’usagers et « Information des usagers » est vide : une décision individuelle prise sur le fondement d’un traitement algorithmique comporte une mention explicite qui en informe l’intéressé (code des relations entre le public et l’administration, article L. 311-3-1), et une administration d’au moins 50 agents publie en ligne les règles de ses principaux traitements algorithmiques qui fondent des décisions individuelles (article L. 312-1-3 ; seuil fixé par décret) ; dites où et comment les personnes sont informées ; {CHECK}"
        )
    );
    // Required for a complete application in that case, hidden otherwise.
    let form = form::builtin();
    assert!(validate::check(&form, &a).missing().any(|f| f.id == q));
    let mut agents = a.clone();
    agents
        .set("probleme.public_concerne", Some(v("\"agents\"")))
        .unwrap();
    assert_silent(&agents, "information-usagers-manquante");
    assert!(!validate::check(&form, &agents).missing().any(|f| f.id == q));
    let mut assists = a.clone();
    assists
        .set("solution.role_ia", Some(v("\"assiste\"")))
        .unwrap();
    assert_silent(&assists, "information-usagers-manquante");
}

#[test]
fn bias_is_asked_when_the_ai_weighs_on_users_cases() {
    let q = "ia_responsable.biais";
    let mut a = srdt();
    a.set(q, None).unwrap();
    assert_eq!(
        message(&a, "biais-non-etudies", q, Severity::Advice),
        "l’IA intervient dans des décisions sur la situation d’usagers et « Comment vérifiez-vous que le système ne discrimine pas ? » est vide : le jury demandera comment vous vérifiez que le système ne traite pas différemment des publics comparables (tests par catégorie d’usagers, revue des erreurs) ; décrivez votre démarche"
    );
    assert_silent(&srdt(), "biais-non-etudies");
}

#[test]
fn ai_act_categories_name_the_regulation_and_the_deployers_duties() {
    let q = "ia_responsable.risque_ai_act";
    assert_eq!(
        message(
            &with(&[(q, "\"haut_risque\"")]),
            "ai-act-haut-risque",
            q,
            Severity::Warning
        ),
        "système d’IA à haut risque au sens du règlement (UE) 2024/1689 sur l’IA (annexe III) : une administration qui le déploie doit notamment mener une analyse d’impact sur les droits fondamentaux (article 27), organiser un contrôle humain et informer les personnes concernées (article 26), et enregistrer son utilisation dans la base de données de l’UE (articles 26 et 49) ; prévoyez-les dans le plan et décrivez le contrôle dans « Comment un agent vérifie-t-il ce que produit l’IA ? » ; à vérifier avec votre service juridique"
    );
    assert_eq!(
        message(
            &with(&[(q, "\"interdit\"")]),
            "ai-act-interdit",
            q,
            Severity::Error
        ),
        "pratique interdite par le règlement (UE) 2024/1689 sur l’IA (article 5) : ce projet ne peut pas être financé en l’état ; revoyez l’usage avec votre service juridique, ou corrigez la catégorie si elle a été mal choisie"
    );
    let undetermined = message(
        &with(&[(q, "\"a_determiner\"")]),
        "ai-act-a-determiner",
        q,
        Severity::Advice,
    );
    assert_eq!(
        undetermined,
        format!(
            "la catégorie de risque au sens du règlement (UE) 2024/1689 sur l’IA n’est pas déterminée : qualifiez-la avec votre service juridique ; l’annexe III classe à haut risque huit domaines : biométrie, infrastructures critiques, éducation et formation professionnelle, emploi et gestion des travailleurs, accès aux services publics et privés essentiels et aux prestations (dont l’éligibilité et le tri des appels d’urgence), répression, migration, asile et contrôle aux frontières, administration de la justice et processus démocratiques ; un système de ces domaines qui n’accomplit qu’une tâche procédurale étroite ou préparatoire peut, sous conditions, échapper au haut risque (article 6, paragraphe 3), sauf profilage, à condition de documenter cette appréciation ; {CHECK}"
        )
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
fn a_local_authority_as_applicant_is_warned() {
    let q = "tco.type_porteur";
    assert_eq!(
        message(
            &with(&[(q, "\"collectivite\"")]),
            "porteur-collectivite",
            q,
            Severity::Warning
        ),
        "le porteur est une collectivité territoriale : le financement d’All_Ia_nce (FTAP) s’adresse aux services de l’État et à ses opérateurs ; une collectivité peut être partenaire, pas porteuse ; vérifiez avec l’incubateur (alliance@mail.numerique.gouv.fr) et cherchez un service de l’État pour porter le projet avec vous"
    );
    for kind in [
        "\"administration_centrale\"",
        "\"service_deconcentre\"",
        "\"operateur\"",
    ] {
        assert_silent(&with(&[(q, kind)]), "porteur-collectivite");
    }
}

#[test]
fn a_local_authority_named_as_administration_is_warned_without_type_porteur() {
    // The public answers-file contract has no tco.type_porteur: a judge's
    // « Mairie de … » must still be warned.
    let mut a = with(&[("identite.administration", "\"Mairie de Saint-Flour\"")]);
    a.set("tco.type_porteur", None).unwrap();
    assert_eq!(
        message(
            &a,
            "porteur-collectivite",
            "identite.administration",
            Severity::Warning
        ),
        "« Mairie de Saint-Flour » semble être une collectivité territoriale : le financement d’All_Ia_nce (FTAP) s’adresse aux services de l’État et à ses opérateurs ; une collectivité peut être partenaire, pas porteuse ; vérifiez avec l’incubateur (alliance@mail.numerique.gouv.fr) et cherchez un service de l’État pour porter le projet avec vous ; si un service de l’État porte le projet, nommez-le ici, ou répondez à « Quel type de structure porte le projet et demande le financement ? » (tco.type_porteur)"
    );
    // The State's hosting doctrine is then not asserted as if it applied.
    a.set("ia_responsable.donnees_personnelles", Some(v("true")))
        .unwrap();
    a.set("ia_responsable.sensibilite", Some(v("\"interne\"")))
        .unwrap();
    a.set("ia_responsable.hebergement", Some(v("\"cloud_europeen\"")))
        .unwrap();
    assert_silent(&a, "donnees-personnelles-cloud-non-qualifie");
    // Saying a State service carries it silences the guess.
    a.set("tco.type_porteur", Some(v("\"service_deconcentre\"")))
        .unwrap();
    assert_silent(&a, "porteur-collectivite");
    assert_fires(
        &a,
        "donnees-personnelles-cloud-non-qualifie",
        "ia_responsable.hebergement",
        Severity::Error,
    );
    // A State service's name is not taken for a local authority.
    let mut a = with(&[(
        "identite.administration",
        "\"Direction départementale des territoires du Cantal\"",
    )]);
    a.set("tco.type_porteur", None).unwrap();
    assert_silent(&a, "porteur-collectivite");
}

#[test]
fn accreditation_comes_before_production() {
    let q = "ia_responsable.homologation";
    assert_eq!(
        message(
            &with(&[(q, "\"non_prevue\"")]),
            "homologation-non-prevue",
            q,
            Severity::Warning
        ),
        "l’homologation de sécurité n’est pas prévue : un système d’information de l’administration doit en principe être homologué avant sa mise en production (référentiel général de sécurité, politique de sécurité des systèmes d’information de l’État) ; inscrivez-la dans le plan avec votre RSSI ; à vérifier avec votre RSSI"
    );
    assert_eq!(
        message(
            &with(&[(q, "\"prevue\""), ("deploiement.stade", "\"production\"")]),
            "homologation-non-prevue",
            q,
            Severity::Warning
        ),
        "le produit est déjà en production mais son homologation de sécurité n’est que prévue : elle doit en principe précéder la mise en production ; voyez au plus vite avec votre RSSI comment régulariser"
    );
    assert_silent(&srdt(), "homologation-non-prevue");
    assert_silent(
        &with(&[(q, "\"obtenue\""), ("deploiement.stade", "\"production\"")]),
        "homologation-non-prevue",
    );
}

#[test]
fn closed_code() {
    let q = "mutualisation.code_ouvert";
    assert_eq!(
        message(
            &with(&[(q, "false")]),
            "code-non-ouvert",
            q,
            Severity::Warning
        ),
        "le code ne sera pas publié : All_Ia_nce finance des produits dont le code est ouvert ; prévoyez une publication sous licence libre (MIT, EUPL-1.2…) ou expliquez ce qui l’empêche"
    );
    assert_silent(&srdt(), "code-non-ouvert");
}

/// A source marked personal used to count for nothing when the product said
/// « no personal data »: personal data could be hosted outside the EU
/// without a word from the coach.
#[test]
fn a_source_marked_personal_counts_and_contradicting_it_is_a_warning() {
    let q = "ia_responsable.donnees_personnelles";
    let a = with(&[
        (q, "false"),
        ("ia_responsable.sensibilite", "\"publique\""),
        ("ia_responsable.hebergement", "\"hors_ue\""),
    ]);
    assert_eq!(
        message(
            &a,
            "donnees-personnelles-incoherentes",
            q,
            Severity::Warning
        ),
        format!(
            "la source de données « Historique anonymisé des questions-réponses des conseillers » est marquée comme contenant des données personnelles, mais vous répondez Non à « Le produit traite-t-il des données personnelles ? » : corrigez l’une des deux réponses ; avec des données personnelles, le RGPD s’applique et le coach vérifie l’hébergement et l’analyse d’impact (AIPD) ; {CHECK}"
        )
    );
    assert_fires(
        &a,
        "donnees-personnelles-hors-ue",
        "ia_responsable.hebergement",
        Severity::Error,
    );
    // The contract: no personal data declared, nothing said about the AIPD.
    assert_silent(&a, "aipd-requise");
    assert_silent(&a, "aipd-a-verifier");
    // Consistent answers either way: no contradiction.
    assert_silent(&srdt(), "donnees-personnelles-incoherentes");
    assert_silent(
        &with(&[(q, "false"), NO_PERSONAL_SOURCE]),
        "donnees-personnelles-incoherentes",
    );
}
