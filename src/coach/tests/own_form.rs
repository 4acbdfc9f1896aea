//! A form of one's own (`--form DIR`) may not ask the built-in form's
//! questions: `volume-manquant` fired on a form with no volume question and
//! cost 5 readiness points. A rule about a question the form does not ask
//! says nothing, a rule does not read an answer left in the file for such a
//! question (the check says it is ignored), and no message sends the user
//! to a question the form does not ask.

use super::*;

const WEAK: &str = include_str!("../../../examples/candidature-faible.toml");
const DRAFT: &str = include_str!("../../../examples/brouillon-incomplet.toml");

/// Applications that make most rules fire between them, including those
/// that speak of an empty answer or name another question.
fn applications() -> Vec<(&'static str, Answers)> {
    let mut apps = vec![
        ("srdt", srdt()),
        (
            "faible",
            Answers::parse(WEAK, "candidature-faible.toml").unwrap(),
        ),
        (
            "brouillon",
            Answers::parse(DRAFT, "brouillon-incomplet.toml").unwrap(),
        ),
    ];
    let mut empty = with(&[
        ("solution.role_ia", "\"recommande\""),
        ("probleme.public_concerne", "\"usagers\""),
        ("roi.minutes_economisees", "0"),
        ("identite.administration", "\"Mairie de Saint-Flour\""),
    ]);
    for id in [
        "ia_responsable.information_usagers",
        "ia_responsable.biais",
        "deploiement.apres_pilote",
        "indicateurs.evaluation_generative",
        "tco.type_porteur",
    ] {
        empty.set(id, None).unwrap();
    }
    apps.push(("réponses vides", empty));
    apps
}

/// `form` without the questions `keep` refuses.
fn without(keep: impl Fn(&str) -> bool) -> Form {
    let mut form = form::builtin();
    for section in &mut form.sections {
        let id = section.id.clone();
        section
            .questions
            .retain(|q| keep(&format!("{id}.{}", q.id)));
    }
    form.sections.retain(|s| !s.questions.is_empty());
    form
}

/// Every finding is about a question `form` asks and names none it does
/// not ask, by id or by label.
fn assert_only_asked(form: &Form, what: &str) {
    let builtin = form::builtin();
    let absent: Vec<(String, String)> = builtin
        .questions()
        .map(|(s, q)| (format!("{}.{}", s.id, q.id), format!("« {} »", q.label)))
        .filter(|(id, _)| form.question(id).is_none())
        .collect();
    for (name, answers) in applications() {
        let coach = coach_with(form, &answers);
        for f in &coach.findings {
            let rule = f.rule.as_deref().unwrap_or_default();
            assert!(
                form.question(&f.question_id()).is_some(),
                "{what}, {name}: {rule} fires on {}",
                f.id
            );
            for (id, label) in &absent {
                assert!(
                    !f.message.contains(id.as_str()) && !f.message.contains(label.as_str()),
                    "{what}, {name}: {rule} names {id} {label}: {}",
                    f.message
                );
            }
        }
    }
}

#[test]
fn no_rule_speaks_of_a_question_the_form_does_not_ask() {
    let builtin = form::builtin();
    // Without each section, then without each question, of the built-in
    // form: every rule meets a form without one of the questions it reads.
    for section in &builtin.sections {
        let form = without(|id| !id.starts_with(&format!("{}.", section.id)));
        assert_only_asked(&form, &format!("sans [{}]", section.id));
    }
    for (section, question) in builtin.questions() {
        let gone = format!("{}.{}", section.id, question.id);
        assert_only_asked(&without(|id| id != gone), &format!("sans {gone}"));
    }
}

/// The reported case: no volume question, no `volume-manquant`, and the 5
/// points it cost are back.
#[test]
fn a_form_without_the_volume_is_not_told_the_volume_is_missing() {
    let draft = Answers::parse(DRAFT, "brouillon-incomplet.toml").unwrap();
    let builtin = coach_with(&form::builtin(), &draft);
    assert_eq!(fired(&builtin, "volume-manquant").len(), 1);
    let form = without(|id| !id.starts_with("volume."));
    let own = coach_with(&form, &draft);
    assert!(
        fired(&own, "volume-manquant").is_empty(),
        "{:#?}",
        own.findings
    );
    assert!(
        !own.score.explanation.iter().any(|l| l.contains("volume")),
        "{:?}",
        own.score.explanation
    );
}

/// A form that asks the volume but not its unit asks for the volume alone.
#[test]
fn a_form_without_the_unit_asks_for_the_volume_alone() {
    let form = without(|id| id != "volume.unite_operation");
    let mut a = srdt();
    a.set("volume.volume_annuel", None).unwrap();
    let c = coach_with(&form, &a);
    let found = fired(&c, "volume-manquant");
    assert_eq!(found.len(), 1, "{:#?}", c.findings);
    assert_eq!(found[0].id, "volume.volume_annuel");
    assert!(
        found[0]
            .message
            .starts_with("« Volume d’opérations par an » n’est pas renseigné"),
        "{}",
        found[0].message
    );
    // Volume given: nothing to say, no unit to ask for.
    assert!(fired(&coach_with(&form, &srdt()), "volume-manquant").is_empty());
}

/// An answer left in the file for a question the form does not ask is
/// ignored by the coach as by the check: without `probleme.public_concerne`,
/// a stale « usagers » no longer asks how users are informed.
#[test]
fn an_answer_to_a_question_the_form_does_not_ask_is_ignored() {
    let mut a = with(&[("probleme.public_concerne", "\"usagers\"")]);
    a.set("ia_responsable.information_usagers", None).unwrap();
    assert_eq!(
        fired(&coach(&a), "information-usagers-manquante").len(),
        1,
        "the built-in form asks it"
    );
    let form = without(|id| id != "probleme.public_concerne");
    let c = coach_with(&form, &a);
    assert!(
        fired(&c, "information-usagers-manquante").is_empty(),
        "{:#?}",
        c.findings
    );
}
