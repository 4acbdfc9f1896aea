//! The pitch coach and the business case as users see them in `fiche check`
//! and in the rendered fiche.

mod common;

use common::*;

#[test]
fn complete_example_shows_the_business_case_and_exits_0() {
    let out = fiche(&["check", &example_str("assistant-srdt.toml")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    // `~` marks a no-break space (inside French figures).
    for figure in [
        "À pleine échelle (575~000 demandes de renseignement par an) :",
        "Temps d’agent libéré par an : 57~500~h",
        "Équivalent temps plein : 35,78~ETP",
        "Valeur de ce temps par an : 1~610~143~€",
        "Budget annuel couvert en : 2,2~mois d’économies",
        "Gain net annuel : 1~310~143~€",
        "Ratio bénéfice/coût : 5,4",
        // The pilot's share, next to the full-scale figures (it was only in
        // the documents).
        "  À l’échelle du pilote (60~000 demandes de renseignement par an) : 6~000~heures de temps d’agent libéré par an, valorisé à 168~015~€ par an.",
    ] {
        let figure = figure.replace('~', NBSP);
        assert!(text.contains(&figure), "{figure} missing from:\n{text}");
    }
    assert!(text.contains("Bilan économique"), "{text}");
    assert!(text.contains("Score de préparation : 100/100"), "{text}");
    let coach = text.find("Coach de pitch").expect("coach section");
    let completeness = text.find("Complétude").expect("completeness line");
    assert!(
        coach < completeness,
        "coach after the section findings, before the result"
    );
}

/// A pilot on the whole annual volume: `fiche check` says what the pitch
/// says, instead of a second « À l'échelle du pilote » line repeating the
/// full-scale figures as if they were another gain.
#[test]
fn check_says_the_figures_are_the_pilots_when_it_covers_the_whole_volume() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pilote-complet.toml");
    let text = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let whole = text.replace("volume_pilote = 60000", "volume_pilote = 575000");
    assert_ne!(whole, text, "the example's pilot volume moved");
    std::fs::write(&path, whole).unwrap();

    let out = fiche(&["check", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    let sentence = "Le pilote porte sur tout le volume annuel : ces chiffres sont aussi les siens.";
    assert_eq!(text.matches(sentence).count(), 1, "{text}");
    assert!(!text.contains("l’échelle du pilote"), "{text}");
    let summary = text.find("  À pleine échelle (575").expect("the summary");
    assert!(summary < text.find(sentence).unwrap(), "{text}");

    // The same words as the pitch.
    let out = fiche(&[
        "render",
        path.to_str().unwrap(),
        "--format",
        "pitch-md",
        "-o",
        "-",
    ]);
    assert!(stdout(&out).contains(sentence), "{}", stdout(&out));

    let out = fiche(&["check", "--format", "json", path.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json[0]["roi"]["pilot_whole"], true);
    assert!(json[0]["roi"]["pilot_summary"].is_null(), "{json}");
}

/// A draft with 3 of its 43 required answers scored 43/100 (100 minus at
/// most 50 for missing answers, minus the coach): read as « almost half
/// ready ». Its score is now capped at its completeness, and the lines say
/// why, after the deductions still to fix.
#[test]
fn a_draft_scores_no_more_than_its_completeness() {
    let path = example_str("brouillon-incomplet.toml");
    let out = fiche(&["check", &path]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    assert!(
        text.contains(&format!(
            "Complétude : 3/43 réponses obligatoires (7{NBSP}%)"
        )),
        "{text}"
    );
    let score = text
        .find("Score de préparation : 7/100\n")
        .unwrap_or_else(|| panic!("score missing from:\n{text}"));
    let lines: Vec<&str> = text[score..].lines().skip(1).take(4).collect();
    assert_eq!(
        lines[0], "  -47 : 40 réponses obligatoires manquantes sur 43",
        "{text}"
    );
    assert_eq!(
        lines[3],
        format!(
            "  Plafonné à 7 au lieu de 43 : 7{NBSP}% des réponses obligatoires données \
             (le score ne dépasse pas la complétude)"
        ),
        "{text}"
    );

    let out = fiche(&["check", "--format", "json", &path]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json[0]["coach"]["score"]["value"], 7);
    let explanation = json[0]["coach"]["score"]["explanation"].as_array().unwrap();
    assert!(
        explanation
            .last()
            .unwrap()
            .as_str()
            .unwrap()
            .starts_with("Plafonné à 7 "),
        "{explanation:?}"
    );
}

#[test]
fn both_complete_examples_pass_the_check_with_the_new_rules() {
    for name in ["assistant-srdt.toml", "tri-courriels-prefecture.toml"] {
        let out = fiche(&["check", &example_str(name)]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(0), "{name}: {text}{}", stderr(&out));
        assert!(
            text.contains("Score de préparation : 100/100"),
            "{name}: {text}"
        );
        assert!(!text.contains("attention ["), "{name}: {text}");
    }
}

#[test]
fn weak_application_lists_the_expected_rules_and_exits_1() {
    let out = fiche(&["check", &example_str("candidature-faible.toml")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    for (rule, question) in [
        ("irritant-sans-chiffres", "probleme.chiffres_irritant"),
        ("tres-petite-echelle", "volume.nb_agents"),
        ("aucune-donnee-accessible", "donnees.sources"),
        ("decision-automatique", "solution.role_ia"),
        ("donnees-sensibles-hors-ue", "ia_responsable.hebergement"),
        ("ai-act-haut-risque", "ia_responsable.risque_ai_act"),
        ("code-non-ouvert", "mutualisation.code_ouvert"),
        (
            "procedure-a-simplifier",
            "pertinence.procedure_a_simplifier",
        ),
        ("solutionnisme", "pertinence.alternatives_sans_ia"),
        ("plan-trop-court", "deploiement.plan_6_mois"),
        ("texte-provisoire", "identite.slogan"),
        ("texte-duplique", "solution.transformation"),
        ("retour-trop-long", "tco.budget_annuel"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(&format!("[{rule}]")))
            .unwrap_or_else(|| panic!("{rule} missing from:\n{text}"));
        assert!(line.contains(question), "{rule}: {line}");
    }
    let decision = text
        .lines()
        .find(|l| l.contains("[decision-automatique]"))
        .unwrap();
    assert!(decision.trim_start().starts_with("erreur"), "{decision}");
    assert!(
        text.contains("-10 : décision entièrement automatisée (decision-automatique)"),
        "{text}"
    );
    assert!(text.contains("Résultat : à corriger"), "{text}");
}

#[test]
fn dpia_obligation_shows_without_failing_the_check() {
    let out = fiche(&["check", &example_str("tri-courriels-prefecture.toml")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("[aipd-requise]"))
        .unwrap_or_else(|| panic!("no AIPD finding in:\n{text}"));
    assert!(
        line.contains("une AIPD est présumée nécessaire : le traitement de données personnelles remplit 3 critères de la CNIL"),
        "{line}"
    );
    assert!(line.contains("3 critères"), "{line}");
    assert!(!line.trim_start().starts_with("erreur"), "{line}");
}

#[test]
fn draft_says_why_the_business_case_is_not_computable() {
    let out = fiche(&["check", &example_str("brouillon-incomplet.toml")]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.contains("non calculable"), "{text}");
    assert!(
        text.contains("il manque « Volume d’opérations par an » (volume.volume_annuel)"),
        "{text}"
    );
    assert!(text.contains("[volume-manquant]"), "{text}");
    assert!(text.contains("valeur par défaut utilisée"), "{text}");
}

#[test]
fn json_includes_coach_findings_score_and_roi_numbers() {
    // Several files give the summary rows; --details the full reports.
    let out = fiche(&[
        "check",
        "--details",
        "--format",
        "json",
        &example_str("assistant-srdt.toml"),
        &example_str("candidature-faible.toml"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let srdt = &v[0];
    assert_eq!(srdt["roi"]["hours_per_year"], 57500.0);
    assert_eq!(srdt["roi"]["fte"], 35.78);
    assert_eq!(srdt["roi"]["euros_per_year"], 1610143.0);
    assert_eq!(srdt["roi"]["payback_months"], 2.2);
    assert_eq!(srdt["roi"]["payback_fr"], format!("2,2{NBSP}mois"));
    assert_eq!(srdt["coach"]["score"]["value"], 100);
    let weak = &v[1];
    assert_eq!(
        weak["complete"], true,
        "complete, but rejected by the coach"
    );
    let rules: Vec<&str> = weak["coach"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"decision-automatique"), "{rules:?}");
    assert!(
        weak["coach"]["score"]["explanation"]
            .as_array()
            .unwrap()
            .len()
            > 5
    );
}

#[test]
fn rendered_fiche_has_the_business_case_and_drafts_list_the_coach_findings() {
    let out = fiche(&["render", &example_str("assistant-srdt.toml"), "-o", "-"]);
    let md = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(md.contains("### Bilan économique"), "{md}");
    assert!(
        md.contains(&format!(
            "| 57{NBSP}500{NBSP}h | 35,78{NBSP}ETP | 1{NBSP}610{NBSP}143{NBSP}€ | 2,2{NBSP}mois | 1{NBSP}310{NBSP}143{NBSP}€ | 5,4 |"
        )),
        "{md}"
    );
    assert!(
        !md.contains("points relevés par le coach"),
        "complete: no annex"
    );

    let out = fiche(&[
        "render",
        &example_str("brouillon-incomplet.toml"),
        "-o",
        "-",
    ]);
    let md = stdout(&out);
    assert!(
        md.contains("### Points relevés par le coach de pitch"),
        "{md}"
    );
    assert!(md.contains("règle `volume-manquant`"), "{md}");
    assert!(
        md.contains("- il manque « Volume d’opérations par an » (volume.volume_annuel)"),
        "{md}"
    );
}

#[test]
fn document_context_has_the_agreed_roi_and_coach_shape() {
    let form = fiche::form::builtin();
    let answers = fiche::Answers::load(&example("candidature-faible.toml")).unwrap();
    let report = fiche::validate::check(&form, &answers);
    let ctx = fiche::render::context::build(&form, &answers, &report);
    let v = serde_json::to_value(&ctx).unwrap();
    let roi = v["roi"].as_object().unwrap();
    let keys: Vec<&str> = roi.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "computable",
            "hours_per_year",
            "fte",
            "euros_per_year",
            "payback",
            "coverage",
            "net_gain",
            "ratio",
            "scale",
            "pilot_summary",
            "pilot_whole",
            "summary",
            "missing"
        ]
    );
    assert_eq!(roi["computable"], true);
    assert_eq!(roi["euros_per_year"], format!("560{NBSP}€"));
    assert_eq!(roi["payback"], format!("1{NBSP}928,4{NBSP}mois"));
    let finding = &v["coach"]["findings"][0];
    let keys: Vec<&str> = finding
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["id", "rule", "severity", "message"]);
    assert_eq!(finding["id"], "identite.slogan");
    assert_eq!(finding["rule"], "texte-provisoire");
    assert_eq!(finding["severity"], "warning");
    // Its administration, a « Conseil départemental », also costs the
    // local-authority warning.
    assert_eq!(v["coach"]["score"]["value"], 5);
    assert!(
        v["coach"]["score"]["explanation"][0]
            .as_str()
            .unwrap()
            .starts_with("-10 : ")
    );
}

/// Every answer given, one of them unusable: the result said « à compléter
/// — 0 réponse obligatoire manquante », and the pilot's share was printed
/// under « Bilan économique non calculable ».
#[test]
fn a_complete_application_with_a_typing_error_is_to_correct() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace("volume_annuel = 575000", "volume_annuel = \"575 000\"");
    std::fs::write(dir.path().join("c.toml"), text).unwrap();
    let out = fiche_in(dir.path(), &["check", "c.toml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("Résultat : à corriger — 1 erreur de saisie."),
        "{text}"
    );
    assert!(!text.contains("à compléter"), "{text}");
    assert!(text.contains("Bilan économique non calculable"), "{text}");
    assert!(!text.contains("À l’échelle du pilote"), "{text}");
}

/// A minimal form of one's own: a project, its carrier and the AI's role;
/// no volume, no business case, no human check question.
const OWN_FORM: &str = r#"[form]
id = "appel-a-projets"
version = 1
title = "Appel à projets régional"

[[sections]]
id = "identite"
title = "Le projet"

[[sections.questions]]
id = "nom_produit"
label = "Nom du projet"
type = "text"
required = true

[[sections.questions]]
id = "administration"
label = "Structure porteuse"
type = "text"
required = true

[[sections]]
id = "solution"
title = "La solution"

[[sections.questions]]
id = "role_ia"
label = "Rôle de l’IA"
type = "choice"
required = true
choices = [
  { key = "assiste", label = "Elle assiste l’agent" },
  { key = "recommande", label = "Elle recommande, l’agent décide" },
  { key = "decide", label = "Elle décide seule" },
]
"#;

/// `volume-manquant` fired on a form with no volume question and cost 5
/// points; the messages sent the user to `tco.type_porteur` and
/// `solution.validation_humaine`, which the form does not ask; the answers
/// left for questions the form does not have (« conservées mais ignorées »)
/// were read by the coach. Now the rules speak only of what the form asks,
/// and the business case says which of its questions the form lacks.
#[test]
fn a_form_of_ones_own_is_coached_only_on_the_questions_it_asks() {
    let dir = tempfile::tempdir().unwrap();
    let form_dir = dir.path().join("formulaire");
    std::fs::create_dir(&form_dir).unwrap();
    std::fs::write(form_dir.join("form.toml"), OWN_FORM).unwrap();
    let file = dir.path().join("projet.toml");
    std::fs::write(
        &file,
        "[meta]\nform = \"appel-a-projets\"\nform_version = 1\n\n\
         [identite]\nnom_produit = \"Tri des courriers\"\nadministration = \"Mairie de Saint-Flour\"\n\n\
         [solution]\nrole_ia = \"decide\"\n\n\
         [volume]\nvolume_annuel = 120\nnb_agents = 3\n",
    )
    .unwrap();
    let args = ["check", "--form", form_dir.to_str().unwrap()];
    let out = fiche(&[&args[..], &[file.to_str().unwrap()]].concat());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    let json = fiche(&[&args[..], &["--format", "json", file.to_str().unwrap()]].concat());
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let coach = &report[0]["coach"];
    let rules: Vec<&str> = coach["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // No `volume-manquant`, and no `tres-petite-echelle` read from the
    // ignored [volume] answers.
    assert_eq!(
        rules,
        ["porteur-collectivite", "decision-automatique"],
        "{text}"
    );
    assert_eq!(coach["score"]["value"], 85, "{text}");
    assert!(text.contains("Score de préparation : 85/100\n"), "{text}");
    assert!(!text.contains("volume-manquant"), "{text}");
    for absent in ["tco.type_porteur", "solution.validation_humaine"] {
        assert!(!text.contains(absent), "{absent}: {text}");
    }
    assert!(
        text.contains("décrivez dans la candidature comment un agent contrôle ce que produit l’IA"),
        "{text}"
    );
    assert!(
        text.contains("il manque volume.volume_annuel (question absente de ce questionnaire)"),
        "{text}"
    );
    assert!(
        text.contains("la section « volume » n’existe pas dans le formulaire"),
        "the ignored answers are still pointed out: {text}"
    );
}
