//! The readiness score and its explanation.

use super::*;
use crate::answers::Answers;
use crate::coach::readiness;
use crate::form;
use crate::validate::Report;

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
    assert_eq!(c.score.value, 0);
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

/// What a reader of the explanation computes: 100 minus the deductions,
/// then the cap when a line names one (checking it names the uncapped
/// score the deductions give).
fn recomputed(explanation: &[String]) -> usize {
    let mut lost = 0;
    let mut capped = None;
    for line in explanation {
        if let Some(rest) = line.strip_prefix('-') {
            let (cost, _) = rest.split_once(" : ").expect("« -N : raison »");
            lost += cost.parse::<usize>().expect("a number of points");
        } else if let Some(rest) = line.strip_prefix("Plafonné à ") {
            let (cap, rest) = rest.split_once(" au lieu de ").expect("the uncapped score");
            let (uncapped, _) = rest.split_once(" : ").expect("the reason");
            assert_eq!(uncapped.parse::<usize>(), Ok(100usize.saturating_sub(lost)));
            capped = Some(cap.parse::<usize>().expect("a score"));
        } else {
            assert!(line.starts_with("Aucun point perdu"), "{line}");
        }
    }
    capped.unwrap_or(100usize.saturating_sub(lost))
}

fn assert_recomputable(c: &CoachReport) {
    let cap = c
        .score
        .explanation
        .iter()
        .find(|l| l.starts_with("Plafonné"));
    assert_eq!(c.score.cap_line(), cap.map(String::as_str));
    assert_eq!(
        recomputed(&c.score.explanation),
        usize::from(c.score.value),
        "{:?}",
        c.score.explanation
    );
}

/// A form of ten required text questions, `s.q0` to `s.q9`.
fn ten_questions() -> Form {
    let mut text = String::from(
        "[form]\nid = \"t\"\nversion = 1\ntitle = \"T\"\ndescription = \"\"\n\
         [[sections]]\nid = \"s\"\ntitle = \"S\"\n",
    );
    for i in 0..10 {
        text.push_str(&format!(
            "[[sections.questions]]\nid = \"q{i}\"\nlabel = \"Q{i}\"\ntype = \"text\"\nrequired = true\n"
        ));
    }
    form::parse(&text, "dix-questions").expect("test form")
}

#[test]
fn a_draft_scores_no_more_than_its_completeness() {
    let form = ten_questions();
    let mut a = Answers::new(&form);
    for id in ["s.q0", "s.q4", "s.q9"] {
        a.set(id, Some(v("\"Une réponse\""))).unwrap();
    }
    assert_eq!(validate::check(&form, &a).percent(), 30);
    let c = coach_with(&form, &a);
    assert_eq!(c.score.value, 30, "{:?}", c.score.explanation);
    // The deductions are still listed (the coach's own, if any, between),
    // the cap last.
    let lines = &c.score.explanation;
    assert_eq!(lines[0], "-35 : 7 réponses obligatoires manquantes sur 10");
    let cap = lines.last().unwrap();
    assert!(cap.starts_with("Plafonné à 30 au lieu de "), "{cap}");
    assert!(
        cap.ends_with(
            " : 30\u{a0}% des réponses obligatoires données \
             (le score ne dépasse pas la complétude)"
        ),
        "{cap}"
    );
    assert_recomputable(&c);

    // The SRDT example with some two thirds of its required answers
    // cleared: capped at its completeness too, its deductions still listed.
    let form = form::builtin();
    let mut draft = srdt();
    for (s, q) in form.questions().filter(|(_, q)| q.required).take(32) {
        draft.set(&s.full_id(q), None).unwrap();
    }
    let percent = validate::check(&form, &draft).percent();
    assert!((20..=40).contains(&percent), "{percent}");
    let c = coach_with(&form, &draft);
    assert_eq!(c.score.value, percent, "{:?}", c.score.explanation);
    assert!(
        c.score.explanation[0].contains("réponses obligatoires manquantes sur"),
        "{:?}",
        c.score.explanation
    );
    let cap = c.score.explanation.last().unwrap();
    assert!(
        cap.starts_with(&format!("Plafonné à {percent} au lieu de ")),
        "{cap}"
    );
    assert_recomputable(&c);
}

#[test]
fn thirty_percent_answered_is_capped_at_thirty_with_its_reason() {
    let report = Report {
        findings: Vec::new(),
        sections: Vec::new(),
        required_answered: 3,
        required_total: 10,
    };
    let score = readiness(&report, &[]);
    assert_eq!(score.value, 30);
    assert!(score.capped);
    assert_eq!(
        score.cap_line(),
        score.explanation.last().map(String::as_str)
    );
    assert_eq!(
        score.explanation,
        [
            "-35 : 7 réponses obligatoires manquantes sur 10",
            "Plafonné à 30 au lieu de 65 : 30\u{a0}% des réponses obligatoires données \
             (le score ne dépasse pas la complétude)",
        ]
    );
    // In the annexes' words, for the e-mail and `fiche envoyer`.
    assert_eq!(
        score.summary_fr(),
        "Score de préparation : 30/100. Plafonné à 30 au lieu de 65 : 30\u{a0}% des réponses \
         obligatoires données (le score ne dépasse pas la complétude)."
    );
}

#[test]
fn the_cap_is_the_completeness_shown_rounded_to_the_nearest() {
    // 2 of 3: 66,7 %, shown as 67 % everywhere, and the cap says the same.
    let report = Report {
        findings: Vec::new(),
        sections: Vec::new(),
        required_answered: 2,
        required_total: 3,
    };
    let score = readiness(&report, &[]);
    assert_eq!(score.value, 67);
    assert_eq!(
        score.explanation[0],
        "-17 : 1 réponse obligatoire manquante sur 3"
    );
    assert!(
        score.explanation[1].starts_with("Plafonné à 67 au lieu de 83 : 67\u{a0}% "),
        "{:?}",
        score.explanation
    );
}

#[test]
fn an_empty_application_scores_zero() {
    let form = form::builtin();
    let c = coach_with(&form, &Answers::new(&form));
    assert_eq!(c.score.value, 0);
    let cap = c.score.explanation.last().unwrap();
    assert!(cap.starts_with("Plafonné à 0 au lieu de "), "{cap}");
    assert!(
        cap.contains(" : 0\u{a0}% des réponses obligatoires"),
        "{cap}"
    );
    assert_recomputable(&c);
}

#[test]
fn a_complete_application_is_not_capped() {
    for a in [srdt(), with(&[("solution.role_ia", "\"decide\"")])] {
        let c = coach(&a);
        assert_eq!(validate::check(&form::builtin(), &a).percent(), 100);
        assert!(!c.score.capped);
        assert!(
            c.score.explanation.iter().all(|l| !l.contains("Plafonné")),
            "{:?}",
            c.score.explanation
        );
        assert_recomputable(&c);
    }
    assert_eq!(coach(&srdt()).score.value, 100);
    assert_eq!(
        coach(&with(&[("solution.role_ia", "\"decide\"")]))
            .score
            .value,
        90
    );
}

#[test]
fn a_draft_already_under_its_completeness_is_not_raised() {
    // Nine answers in ten and two coach errors: 100 − 5 − 20 = 75, under
    // the cap of 90, so the deductions decide and no cap line is shown.
    let report = Report {
        findings: Vec::new(),
        sections: Vec::new(),
        required_answered: 9,
        required_total: 10,
    };
    let coach_errors: Vec<Finding> = ["decision-automatique", "texte-provisoire"]
        .into_iter()
        .map(|rule| {
            let mut f = Finding::new("solution.role_ia", Severity::Error, "…");
            f.rule = Some(crate::ids::Rule::from(rule));
            f
        })
        .collect();
    let score = readiness(&report, &coach_errors);
    assert_eq!(score.value, 75, "{:?}", score.explanation);
    assert!(!score.capped);
    assert_eq!(score.cap_line(), None);
    assert_eq!(score.summary_fr(), "Score de préparation : 75/100.");
    assert_eq!(score.explanation.len(), 3, "{:?}", score.explanation);
    assert!(score.explanation.iter().all(|l| l.starts_with('-')));

    // The same on the real form: the weak example, complete but with many
    // coach alerts, loses a few answers; its score stays what its
    // deductions give, below its completeness.
    let form = form::builtin();
    let mut weak = Answers::parse(
        include_str!("../../../examples/candidature-faible.toml"),
        "faible",
    )
    .unwrap();
    for id in ["pari.pari_impact", "probleme.description"] {
        weak.set(id, None).unwrap();
    }
    let report = validate::check(&form, &weak);
    assert!(report.percent() < 100);
    let c = coach_with(&form, &weak);
    assert!(
        c.score.value < report.percent(),
        "{:?}",
        c.score.explanation
    );
    assert!(
        c.score.explanation.iter().all(|l| !l.contains("Plafonné")),
        "{:?}",
        c.score.explanation
    );
    assert_recomputable(&c);
}

#[test]
fn the_explanation_adds_up_for_the_examples() {
    for (name, text) in [
        (
            "srdt",
            include_str!("../../../examples/assistant-srdt.toml"),
        ),
        (
            "faible",
            include_str!("../../../examples/candidature-faible.toml"),
        ),
        (
            "brouillon",
            include_str!("../../../examples/brouillon-incomplet.toml"),
        ),
        (
            "tri",
            include_str!("../../../examples/tri-courriels-prefecture.toml"),
        ),
    ] {
        let a = Answers::parse(text, name).unwrap();
        let report = validate::check(&form::builtin(), &a);
        let c = coach(&a);
        assert!(c.score.value <= report.percent(), "{name}");
        assert_recomputable(&c);
    }
}
