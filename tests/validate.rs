//! Validation rules and `when` conditions on the built-in form.

use fiche::form::{self, Form};
use fiche::validate::{self, Severity};
use fiche::{Answers, answers::parse_input};

fn answers(text: &str) -> (Form, Answers) {
    let form = form::builtin();
    let a = Answers::parse(
        &format!("[meta]\nform = \"fiche-action\"\nform_version = 1\n{text}"),
        "t.toml",
    )
    .unwrap();
    (form, a)
}

fn errors_for(text: &str, id: &str) -> Vec<String> {
    let (form, a) = answers(text);
    validate::check(&form, &a)
        .findings
        .into_iter()
        .filter(|f| f.id == id && f.severity == Severity::Error && f.rule.is_none())
        .map(|f| f.message)
        .collect()
}

#[test]
fn text_length_limit() {
    let long = "x".repeat(81);
    let e = errors_for(
        &format!("[identite]\nnom_produit = \"{long}\"\n"),
        "identite.nom_produit",
    );
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("81 caractères pour 80"), "{e:?}");
    assert!(
        errors_for(
            "[identite]\nnom_produit = \"Éléonore\"\n",
            "identite.nom_produit"
        )
        .is_empty()
    );
}

#[test]
fn email_and_choice_keys() {
    assert!(
        !errors_for(
            "[identite]\nchef_produit_email = \"a@\"\n",
            "identite.chef_produit_email"
        )
        .is_empty()
    );
    assert!(
        errors_for(
            "[identite]\nchef_produit_email = \"a.b@travail.gouv.fr\"\n",
            "identite.chef_produit_email"
        )
        .is_empty()
    );
    let e = errors_for("[solution]\nrole_ia = \"tout\"\n", "solution.role_ia");
    assert!(
        e[0].contains("choix possibles") && e[0].contains("assiste"),
        "{e:?}"
    );
    let e = errors_for(
        "[probleme]\nirritants = [\"delais\", \"bof\"]\n",
        "probleme.irritants",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    // One choice without its brackets: the fix is said, not just the type.
    let e = errors_for("[probleme]\nirritants = \"delais\"\n", "probleme.irritants");
    assert!(
        e[0].contains("entre crochets") && e[0].contains("[\"delais\"]"),
        "{e:?}"
    );
}

#[test]
fn numbers_ranges_and_types() {
    assert!(!errors_for("[volume]\nvolume_annuel = 0\n", "volume.volume_annuel").is_empty());
    assert!(errors_for("[volume]\nvolume_annuel = 575000\n", "volume.volume_annuel").is_empty());
    assert!(
        !errors_for(
            "[tco]\npart_cofinancement = 120\n",
            "tco.part_cofinancement"
        )
        .is_empty()
    );
    assert!(!errors_for("[tco]\nbudget_annuel = -5\n", "tco.budget_annuel").is_empty());
    assert!(errors_for("[tco]\nbudget_annuel = 300000.5\n", "tco.budget_annuel").is_empty());
    assert!(
        !errors_for(
            "[pertinence]\nprocedure_a_simplifier = \"non\"\n",
            "pertinence.procedure_a_simplifier"
        )
        .is_empty()
    );
}

#[test]
fn list_items_are_checked_field_by_field() {
    let (form, a) = answers(
        "[[deploiement.plan_6_mois]]\nmois = 9\njalon = \"Lancement\"\n\n[[deploiement.plan_6_mois]]\nmois = 2\n",
    );
    let report = validate::check(&form, &a);
    let ids: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"deploiement.plan_6_mois[1].mois"), "{ids:?}");
    assert!(ids.contains(&"deploiement.plan_6_mois[2].jalon"), "{ids:?}");
    let f = report
        .findings
        .iter()
        .find(|f| f.id == "deploiement.plan_6_mois[1].mois")
        .unwrap();
    assert!(f.position.is_some());
}

#[test]
fn a_missing_field_points_at_its_own_list_item() {
    // The items start on lines 4 and 9, after the three lines of [meta].
    let (form, a) = answers(
        "[[donnees.sources]]\nnom = \"A\"\nnature = \"documents\"\nacces = \"ouverte\"\n\n[[donnees.sources]]\nnature = \"documents\"\nacces = \"ouverte\"\n",
    );
    let report = validate::check(&form, &a);
    let f = report
        .findings
        .iter()
        .find(|f| f.id == "donnees.sources[2].nom")
        .expect("the second source has no name");
    assert_eq!(f.position.map(|p| p.line), Some(9), "{f:?}");
}

#[test]
fn when_condition_shows_and_hides_a_required_question() {
    let missing = |id: &str, text: &str| {
        let (form, a) = answers(text);
        validate::check(&form, &a).missing().any(|f| f.id == id)
    };
    // Human validation is asked whatever the AI's role.
    for role in ["assiste", "recommande", "decide"] {
        assert!(missing(
            "solution.validation_humaine",
            &format!("[solution]\nrole_ia = \"{role}\"\n")
        ));
    }
    // Informing people: required once the AI recommends on users' cases.
    let info = "ia_responsable.information_usagers";
    let usagers = "[probleme]\npublic_concerne = \"usagers\"\n";
    assert!(!missing(
        info,
        &format!("{usagers}[solution]\nrole_ia = \"assiste\"\n")
    ));
    assert!(missing(
        info,
        &format!("{usagers}[solution]\nrole_ia = \"recommande\"\n")
    ));
    assert!(!missing(
        info,
        "[probleme]\npublic_concerne = \"agents\"\n[solution]\nrole_ia = \"recommande\"\n"
    ));
    assert!(!missing(
        info,
        &format!(
            "{usagers}[solution]\nrole_ia = \"recommande\"\n[ia_responsable]\ninformation_usagers = \"Mention sur chaque courrier.\"\n"
        )
    ));
    // Conditions on booleans.
    let cond = |text: &str| {
        let (form, a) = answers(text);
        validate::check(&form, &a)
            .missing()
            .any(|f| f.id == "deploiement.conditions_reelles_quand")
    };
    assert!(cond("[deploiement]\nconditions_reelles = true\n"));
    assert!(!cond("[deploiement]\nconditions_reelles = false\n"));
    assert!(!cond(""));
}

#[test]
fn completeness_counts_only_visible_required_questions() {
    let usagers = "[probleme]\npublic_concerne = \"usagers\"\n";
    let (form, a) = answers(&format!("{usagers}[solution]\nrole_ia = \"assiste\"\n"));
    let r1 = validate::check(&form, &a);
    let (form, a) = answers(&format!("{usagers}[solution]\nrole_ia = \"decide\"\n"));
    let r2 = validate::check(&form, &a);
    // Informing people is required once the AI decides on users' cases.
    assert_eq!(r2.required_total, r1.required_total + 1);
    assert_eq!(r1.required_answered, 2);
    assert!(!r1.is_complete());
}

#[test]
fn unknown_answers_are_warnings_not_errors() {
    let (form, a) = answers("[identite]\nnom_prodiut = \"x\"\n");
    let r = validate::check(&form, &a);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "identite.nom_prodiut")
        .unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message
            .contains("vouliez-vous écrire « identite.nom_produit » ?"),
        "{}",
        f.message
    );
    assert_eq!(f.position.unwrap().line, 5);
}

#[test]
fn a_misspelt_field_of_a_list_item_is_a_warning_not_a_silent_loss() {
    let (form, a) = answers(
        "[[donnees.sources]]\nnom = \"A\"\nnatur = \"documents\"\nacces = \"ouverte\"\ncouleur = \"bleu\"\n",
    );
    let r = validate::check(&form, &a);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "donnees.sources[1].natur")
        .expect("the misspelt field is reported");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(
        f.message,
        "« natur » n’est pas un champ de « Sources de données » : vouliez-vous écrire « nature » ? La réponse est conservée mais ignorée tant que le nom n’est pas corrigé"
    );
    assert_eq!(f.position.unwrap().line, 6);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "donnees.sources[1].couleur")
        .expect("an unknown field is reported");
    assert!(
        f.message.contains("les champs possibles sont : nom, "),
        "{}",
        f.message
    );
}

#[test]
fn an_answer_the_document_leaves_out_is_said_not_silently_dropped() {
    let (form, a) = answers(
        "[probleme]\npublic_concerne = \"usagers\"\n[solution]\nrole_ia = \"assiste\"\n[ia_responsable]\ninformation_usagers = \"Mention sur le site.\"\n",
    );
    let r = validate::check(&form, &a);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "ia_responsable.information_usagers")
        .expect("the hidden answer is reported");
    assert_eq!(f.severity, Severity::Advice);
    assert_eq!(f.rule.as_deref(), Some("reponse-hors-sujet"));
    assert!(
        f.message.contains("n’apparaît pas dans la fiche"),
        "{}",
        f.message
    );
    assert_eq!(f.position.unwrap().line, 9);
    // Once the question applies, nothing is said.
    let (form, a) = answers(
        "[probleme]\npublic_concerne = \"usagers\"\n[solution]\nrole_ia = \"recommande\"\n[ia_responsable]\ninformation_usagers = \"Mention sur le site.\"\n",
    );
    let r = validate::check(&form, &a);
    assert!(
        !r.findings
            .iter()
            .any(|f| f.id == "ia_responsable.information_usagers"),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_misspelt_section_is_placed_and_the_right_one_suggested() {
    let (form, a) = answers("[indentite]\nnom_produit = \"x\"\n");
    let r = validate::check(&form, &a);
    let f = r.findings.iter().find(|f| f.id == "indentite").unwrap();
    assert_eq!(f.severity, Severity::Warning);
    assert!(
        f.message.contains("vouliez-vous écrire [identite] ?"),
        "{}",
        f.message
    );
    assert_eq!(f.position.unwrap().line, 4);
}

#[test]
fn french_input_is_parsed() {
    let form = form::builtin();
    let q = |id: &str| form.question(id).unwrap().1;
    assert_eq!(
        parse_input(q("volume.volume_annuel"), "575 000").unwrap(),
        Some(toml::Value::Integer(575000))
    );
    assert_eq!(
        parse_input(q("roi.minutes_economisees"), "2,5").unwrap(),
        Some(toml::Value::Float(2.5))
    );
    assert_eq!(
        parse_input(q("tco.budget_annuel"), "300 000 €").unwrap(),
        Some(toml::Value::Integer(300000))
    );
    assert_eq!(
        parse_input(q("mutualisation.code_ouvert"), "Oui").unwrap(),
        Some(toml::Value::Boolean(true))
    );
    assert_eq!(
        parse_input(q("solution.role_ia"), "assiste").unwrap(),
        Some(toml::Value::String("assiste".into()))
    );
    assert!(
        parse_input(q("volume.volume_annuel"), "beaucoup")
            .unwrap_err()
            .contains("nombre entier")
    );
    assert_eq!(parse_input(q("identite.nom_produit"), "   ").unwrap(), None);
}

#[test]
fn an_amount_written_with_the_word_euros_is_an_amount() {
    // « 8 000 euros » is how a budget is written in a note; « € » was
    // already read, the word was refused as « n’est pas un nombre ».
    let form = form::builtin();
    let q = |id: &str| form.question(id).unwrap().1;
    for (typed, expected) in [
        ("8 000 euros", toml::Value::Integer(8000)),
        ("12000 EUR", toml::Value::Integer(12000)),
        ("1 250,50 Euros", toml::Value::Float(1250.5)),
        ("1 euro", toml::Value::Integer(1)),
    ] {
        assert_eq!(
            parse_input(q("tco.budget_annuel"), typed).unwrap(),
            Some(expected),
            "{typed}"
        );
    }
    assert!(
        parse_input(q("tco.budget_annuel"), "euros")
            .unwrap_err()
            .contains("n’est pas un nombre")
    );
    // Only an amount takes the word: minutes are not euros.
    assert!(parse_input(q("roi.minutes_economisees"), "6 euros").is_err());
}

#[test]
fn an_address_without_at_sign_says_the_at_sign_is_missing() {
    let form = form::builtin();
    let q = form.question("identite.chef_produit_email").unwrap().1;
    let said = |typed: &str| -> Vec<String> {
        fiche::validate::check_value(q, &toml::Value::String(typed.into()))
            .into_iter()
            .map(|p| p.message)
            .collect()
    };
    let missing = said("marie.dupont.interieur.gouv.fr");
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0].contains("il manque le « @ »"), "{missing:?}");
    // With its « @ », another slip is not blamed on the « @ ».
    let other = said("marie.dupont@");
    assert!(!other.is_empty());
    assert!(
        other.iter().all(|m| !m.contains("il manque le « @ »")),
        "{other:?}"
    );
    assert!(said("marie.dupont@interieur.gouv.fr").is_empty());
}

#[test]
fn a_section_written_as_a_value_is_an_error_with_its_line() {
    let form = form::builtin();
    let a = Answers::parse("# brouillon\nidentite = \"Assistant\"\n", "t.toml").unwrap();
    let r = validate::check(&form, &a);
    let f = r.findings.iter().find(|f| f.id == "identite").unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert!(f.message.contains("[identite]"), "{}", f.message);
    assert_eq!(f.position.unwrap().line, 2);
    assert!(!r.is_complete());
}

#[test]
fn a_form_version_in_quotes_is_an_error() {
    let form = form::builtin();
    let a = Answers::parse(
        "[meta]\nform = \"fiche-action\"\nform_version = \"1\"\n",
        "t.toml",
    )
    .unwrap();
    let r = validate::check(&form, &a);
    let f = r
        .findings
        .iter()
        .find(|f| f.id == "meta.form_version")
        .unwrap();
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.position.unwrap().line, 3);
}

#[test]
fn an_email_domain_needs_a_suffix() {
    let e = errors_for(
        "[identite]\nchef_produit_email = \"claire.dupont@seine-et-marne\"\n",
        "identite.chef_produit_email",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("le domaine doit finir par un suffixe"),
        "{e:?}"
    );
    for ok in [
        "claire.dupont@seine-et-marne.fr",
        "c.d@interieur.gouv.fr",
        "c.d@départements.fr",
    ] {
        assert!(
            errors_for(
                &format!("[identite]\nchef_produit_email = \"{ok}\"\n"),
                "identite.chef_produit_email"
            )
            .is_empty(),
            "{ok}"
        );
    }
    assert!(
        !errors_for(
            "[identite]\nchef_produit_email = \"c.d@travail.f1\"\n",
            "identite.chef_produit_email"
        )
        .is_empty()
    );
}

#[test]
fn an_exclusive_choice_is_not_ticked_with_others() {
    let e = errors_for(
        "[ia_responsable]\nreferents_consultes = [\"dpo\", \"aucun\", \"rssi\"]\n",
        "ia_responsable.referents_consultes",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("« Aucun pour l’instant » ne se coche pas avec d’autres choix"),
        "{e:?}"
    );
    for alone in ["[\"aucun\"]", "[\"dpo\", \"rssi\"]"] {
        assert!(
            errors_for(
                &format!("[ia_responsable]\nreferents_consultes = {alone}\n"),
                "ia_responsable.referents_consultes"
            )
            .is_empty(),
            "{alone}"
        );
    }
}

/// A number written in quotes, the French way, in a file written by hand:
/// the message used to be « la valeur "575 000" n'en est pas », which reads
/// as nonsense; it now says what to write.
#[test]
fn a_number_written_as_text_says_how_to_write_it() {
    for (text, id, expected) in [
        (
            "[volume]\nvolume_annuel = \"575 000\"\n",
            "volume.volume_annuel",
            "« Volume d’opérations par an » attend un nombre entier : écrivez 575000, sans guillemets ni espaces (valeur : \"575 000\")",
        ),
        (
            "[tco]\nbudget_annuel = \"300 000 €\"\n",
            "tco.budget_annuel",
            "écrivez 300000, sans guillemets ni espaces",
        ),
        (
            "[tco]\npart_cofinancement = \"50 %\"\n",
            "tco.part_cofinancement",
            "écrivez 50, sans guillemets ni espaces",
        ),
    ] {
        let e = errors_for(text, id);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains(expected), "{e:?}");
    }
    // Text that is no number keeps the plain message.
    let e = errors_for(
        "[volume]\nvolume_annuel = \"beaucoup\"\n",
        "volume.volume_annuel",
    );
    assert!(
        e[0].contains("la valeur \"beaucoup\" n’en est pas"),
        "{e:?}"
    );
}

/// The condition context (only the answers the form's conditions name)
/// shows and hides the same questions as the whole answers, on every
/// example and every readable file of the bad-input corpus, and with
/// each condition's answers changed.
#[test]
fn the_condition_context_decides_as_the_whole_answers() {
    let form = form::builtin();
    assert!(
        !form.condition_ids.is_empty(),
        "the built-in form has conditions"
    );
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = ["examples", "tests/bad_input"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter_map(|p| Answers::load(&p).ok())
        .collect();
    // Each condition's question answered otherwise, to flip it.
    for changed in [
        "[solution]\nrole_ia = \"decide\"\n",
        "[solution]\nrole_ia = \"assiste\"\nia_generative = true\n",
        "[probleme]\npublic_concerne = \"usagers\"\n[ia_responsable]\ndonnees_personnelles = true\n",
        "[probleme]\npublic_concerne = \"agents\"\n",
        "[deploiement]\nconditions_reelles = true\n[mutualisation]\ngenerique = true\n",
        "[deploiement]\nconditions_reelles = false\n[mutualisation]\ngenerique = \"oui\"\n",
        "solution = \"pas une table\"\n",
    ] {
        files.push(answers(changed).1);
    }
    let (mut shown, mut hidden) = (0, 0);
    for a in &files {
        let whole = a.context();
        let conditions = a.condition_context(&form);
        for (_, q) in form.questions().filter(|(_, q)| q.when.is_some()) {
            let visible = validate::is_visible(q, &whole);
            assert_eq!(visible, validate::is_visible(q, &conditions), "{}", q.id);
            shown += usize::from(visible);
            hidden += usize::from(!visible);
        }
    }
    assert!(shown > 0 && hidden > 0, "{shown} shown, {hidden} hidden");
}

/// The complete examples are what a new user runs first: the mail-sorting
/// one answered « Information des usagers » with the AI only assisting, and
/// `fiche check` advised to erase it.
#[test]
fn the_complete_examples_have_no_answer_left_out_of_the_fiche() {
    let form = form::builtin();
    for name in ["assistant-srdt.toml", "tri-courriels-prefecture.toml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name);
        let a = Answers::load(&path).unwrap();
        let report = validate::check(&form, &a);
        let hidden: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.message.contains("ne s’applique pas"))
            .collect();
        assert!(hidden.is_empty(), "{name}: {hidden:#?}");
    }
}

/// Counts of characters are written the French way, like every other
/// number the user reads: « 20 000 caractères pour 2 000 au plus ».
#[test]
fn a_long_answer_counts_its_characters_in_french() {
    let long = "x".repeat(20_000);
    let e = errors_for(
        &format!("[probleme]\nchiffres_irritant = \"{long}\"\n"),
        "probleme.chiffres_irritant",
    );
    assert_eq!(e.len(), 1);
    assert!(
        e[0].contains("20\u{a0}000 caractères pour 2\u{a0}000 au plus ; raccourcissez de 18\u{a0}000 caractères"),
        "{e:?}"
    );
}

/// `["delais", "delais"]` written by hand: an error per repeated choice,
/// with the list as it should be written; typed « delais, delais » ticks it once.
#[test]
fn a_choice_given_twice_is_an_error_that_says_how_to_write_the_list() {
    let e = errors_for(
        "[probleme]\nirritants = [\"delais\", \"surcouts\", \"delais\", \"surcouts\", \"delais\"]\n",
        "probleme.irritants",
    );
    assert_eq!(
        e,
        [
            "« Quels types d’irritant ? » : le choix « delais » est donné 3 fois ; gardez-le une seule fois, par exemple : [\"delais\", \"surcouts\"]",
            "« Quels types d’irritant ? » : le choix « surcouts » est donné 2 fois ; gardez-le une seule fois, par exemple : [\"delais\", \"surcouts\"]",
        ]
    );
    assert!(
        errors_for(
            "[probleme]\nirritants = [\"delais\", \"surcouts\"]\n",
            "probleme.irritants"
        )
        .is_empty()
    );
    let form = form::builtin();
    let (_, q) = form.question("probleme.irritants").unwrap();
    assert_eq!(
        parse_input(q, "delais, delais,delais").unwrap(),
        Some(toml::Value::Array(vec![toml::Value::String(
            "delais".into()
        )]))
    );
}

/// Completeness is rounded to the nearest percent (3 of 43 used to show
/// 6 %), but a missing required answer never shows 100 % and one given
/// never 0 %.
#[test]
fn completeness_rounds_to_the_nearest_percent_without_lying_at_the_ends() {
    let percent = |answered, total| {
        validate::Report {
            findings: Vec::new(),
            sections: Vec::new(),
            required_answered: answered,
            required_total: total,
        }
        .percent()
    };
    for (answered, total, shown) in [
        (3, 43, 7),
        (42, 43, 98),
        (1, 8, 13),
        (1, 2, 50),
        (1, 300, 1),
        (299, 300, 99),
        (0, 43, 0),
        (43, 43, 100),
        (0, 0, 100),
    ] {
        assert_eq!(percent(answered, total), shown, "{answered}/{total}");
    }
}

/// An answer of characters that show nothing (zero-width spaces, word
/// joiners, a byte order mark pasted from a web page or Word, controls) is
/// not an answer: « \u200b\u200b » made the product name given and the
/// application complete, with an empty title on every document.
#[test]
fn an_answer_that_shows_nothing_is_missing() {
    for invisible in [
        "\\u200b\\u200b",
        "\\u2060\\ufeff",
        "\\u00a0\\u3000 ",
        "\\u0000",
        "\\u200d\\u00ad",
    ] {
        let (form, a) = answers(&format!(
            "[identite]\nnom_produit = \"{invisible}\"\n[[donnees.sources]]\nnom = \"{invisible}\"\nnature = \"documents\"\nacces = \"ouverte\"\n"
        ));
        let report = validate::check(&form, &a);
        for id in ["identite.nom_produit", "donnees.sources[1].nom"] {
            assert!(
                report.findings.iter().any(|f| f.id == id
                    && (f.message.contains("manquante") || f.message.contains("obligatoire"))),
                "{invisible} {id} is not said missing"
            );
        }
    }
    // A visible character among them is an answer.
    let (form, a) = answers("[identite]\nnom_produit = \"\\u200bA\"\n");
    assert!(
        !validate::check(&form, &a)
            .findings
            .iter()
            .any(|f| f.id == "identite.nom_produit")
    );
}
