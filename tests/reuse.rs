//! Reusing answers: the profile, `new --from/--all/--data`, `set`, and the
//! layering order profile < --from < --data < set.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;
use fiche::Answers;
use fiche::answers::Origin;

fn write(dir: &Path, name: &str, text: &str) -> String {
    std::fs::write(dir.join(name), text).unwrap();
    name.to_string()
}

fn load(dir: &Path, name: &str) -> Answers {
    Answers::load(&dir.join(name)).unwrap()
}

fn text_of(answers: &Answers, id: &str) -> Option<String> {
    answers.get(id).and_then(|v| v.as_str().map(str::to_string))
}

/// Fails unless the answer to `id` is the text `expected`.
#[track_caller]
fn assert_text(answers: &Answers, id: &str, expected: &str) {
    assert_eq!(text_of(answers, id).as_deref(), Some(expected), "{id}");
}

/// What the command said on stdout, once it is checked to have succeeded
/// (its stderr shown otherwise).
#[track_caller]
fn succeeded(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    stdout(out)
}

/// A fresh folder holding a new draft `c.toml` (`fiche new c.toml`).
fn with_new_draft() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        fiche_in(dir.path(), &["new", "c.toml"]).status.code(),
        Some(0)
    );
    dir
}

const OLD: &str = r#"[meta]
form = "fiche-action"
form_version = 1

[identite]
nom_produit = "Assistant SRDT"
administration = "Ministère du Travail"
chef_produit_nom = "Camille Durand"

[volume]
volume_annuel = 575000
"#;

#[test]
fn profile_round_trip_in_a_temporary_config_dir() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = fiche_in(d, &["profile", "show"]);
    assert_eq!(out.status.code(), Some(0));
    assert_said(&stdout(&out), "pas encore de profil");
    assert_said(&stdout(&out), "fiche profile save");

    let old = write(d, "2026.toml", OLD);
    let out = fiche_in(d, &["profile", "save", &old]);
    let said = succeeded(&out);
    assert_said(&said, "identite.administration");
    assert_said(&said, "identite.chef_produit_nom");
    assert_not_said(&said, "identite.nom_produit");

    let profile_path = d.join(".config-test/fiche/profil.toml");
    let profile = Answers::load(&profile_path).unwrap();
    assert_text(&profile, "identite.administration", "Ministère du Travail");
    assert_eq!(profile.get("identite.nom_produit"), None);
    assert_eq!(profile.get("volume.volume_annuel"), None);

    let out = fiche_in(d, &["profile", "show"]);
    assert_eq!(out.status.code(), Some(0));
    let shown = stdout(&out);
    assert_said(&shown, "Administration porteuse : « Ministère du Travail »");
    assert_said(&shown, "Camille Durand");

    // A new draft is pre-filled from the profile, and says so.
    let out = fiche_in(d, &["new", "2027.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_said(&stdout(&out), "Repris de votre profil (2)");
    let new = load(d, "2027.toml");
    assert_text(&new, "identite.administration", "Ministère du Travail");
    assert_eq!(new.origin("identite.administration"), Some(Origin::Profile));

    // … unless asked not to.
    let out = fiche_in(d, &["new", "vierge.toml", "--sans-profil"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(load(d, "vierge.toml").get("identite.administration"), None);
    let out = fiche_in(d, &["new", "vierge2.toml", "--no-profile"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(load(d, "vierge2.toml").get("identite.administration"), None);
}

/// The profile pre-fills every later application: an answer the form
/// refuses (an e-mail address that is not one, a number as a name) is not
/// copied into it, and the command says which and why; the valid ones are
/// saved, a valid one already in the profile is kept.
#[test]
fn profile_save_leaves_out_an_answer_the_form_refuses_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "bon.toml", OLD);
    succeeded(&fiche_in(d, &["profile", "save", &good]));
    let bad = write(
        d,
        "mauvais.toml",
        &OLD.replace(
            "chef_produit_nom = \"Camille Durand\"",
            "chef_produit_nom = 42\nchef_produit_email = \"pas-une-adresse\"\nsponsor = \"La DGT\"",
        ),
    );
    let out = fiche_in(d, &["profile", "save", &bad]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert_said(&said, "identite.sponsor");
    assert_said(&said, "Non repris");
    assert_said(&said, "mauvais.toml, ligne 8");
    assert_said(
        &said,
        "« pas-une-adresse » n’est pas une adresse e-mail valide",
    );
    let profile = Answers::load(&d.join(".config-test/fiche/profil.toml")).unwrap();
    assert_text(&profile, "identite.sponsor", "La DGT");
    assert_text(&profile, "identite.chef_produit_nom", "Camille Durand");
    assert_eq!(profile.get("identite.chef_produit_email"), None);
}

#[test]
fn editing_an_answer_forgets_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = write(d, "2026.toml", OLD);
    let out = fiche_in(d, &["new", "2027.toml", "--from", &old]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = load(d, "2027.toml");
    assert_eq!(
        before.origin("identite.chef_produit_nom"),
        Some(Origin::Application("2026.toml".into()))
    );
    let out = fiche_in(
        d,
        &["set", "2027.toml", "identite.chef_produit_nom=Lou Martin"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = load(d, "2027.toml");
    assert_eq!(after.origin("identite.chef_produit_nom"), None);
    assert_eq!(
        after.origin("identite.administration"),
        Some(Origin::Application("2026.toml".into()))
    );
}

#[test]
fn profile_edit_reports_a_broken_profile_with_its_line_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = |editor: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_fiche"))
            .args(["profile", "edit"])
            .current_dir(d)
            .env("XDG_CONFIG_HOME", d.join(".config-test"))
            .env_remove("VISUAL")
            .env("EDITOR", editor)
            .output()
            .unwrap()
    };
    let out = run("printf '\\n[identite]\\nadministration = \"DGT\"\\n' >>");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = d.join(".config-test/fiche/profil.toml");
    let good = std::fs::read_to_string(&path).unwrap();
    assert!(
        good.contains("# chef_produit_nom = \"\""),
        "the new profile lists reusable questions: {good}"
    );
    assert_eq!(
        text_of(&Answers::load(&path).unwrap(), "identite.administration").as_deref(),
        Some("DGT")
    );

    let out = run("printf 'sponsor = [\\n' >>");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_said(&err, "ligne");
    assert_said(&err, "conservé tel quel");
    let broken = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        broken,
        format!("{good}sponsor = [\n"),
        "the user's text is never lost"
    );

    // A broken profile stops `new` with advice rather than being ignored.
    let out = fiche_in(d, &["new", "x.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_said(&stderr(&out), "--sans-profil");
    assert!(!d.join("x.toml").exists());
}

#[test]
fn new_from_copies_only_reusable_answers_and_all_copies_everything() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = write(d, "2026.toml", OLD);
    let out = fiche_in(d, &["new", "reuse.toml", "--from", &old]);
    let said = succeeded(&out);
    assert_said(&said, "Repris de 2026.toml (2)");
    assert_said(&said, "Administration porteuse (identite.administration)");
    let new = load(d, "reuse.toml");
    assert_text(&new, "identite.administration", "Ministère du Travail");
    assert_eq!(new.get("identite.nom_produit"), None);
    assert_eq!(new.get("volume.volume_annuel"), None);

    let out = fiche_in(d, &["new", "tout.toml", "--from", &old, "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_said(&stdout(&out), "Repris de 2026.toml (4)");
    let all = load(d, "tout.toml");
    assert_text(&all, "identite.nom_produit", "Assistant SRDT");
    assert_eq!(
        all.get("volume.volume_annuel"),
        Some(toml::Value::Integer(575000))
    );
    // meta is the new file's own, never copied.
    assert_ne!(all.meta("created"), None);
    assert_eq!(all.form_version(), Some(1));

    let out = fiche_in(d, &["new", "x.toml", "--all"]);
    assert_eq!(out.status.code(), Some(2), "--all needs --from");
}

#[test]
fn layering_is_profile_then_from_then_data_then_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let profile = write(
        d,
        "profil-source.toml",
        "[identite]\nadministration = \"du profil\"\ndirection = \"du profil\"\nsponsor = \"du profil\"\nchef_produit_nom = \"du profil\"\n",
    );
    assert_eq!(
        fiche_in(d, &["profile", "save", &profile]).status.code(),
        Some(0)
    );
    let old = write(
        d,
        "ancienne.toml",
        "[identite]\ndirection = \"de l'ancienne\"\nsponsor = \"de l'ancienne\"\nchef_produit_nom = \"de l'ancienne\"\n",
    );
    let data = write(
        d,
        "donnees.toml",
        "[identite]\nsponsor = \"des données\"\nchef_produit_nom = \"des données\"\n\n[volume]\nvolume_annuel = \"575 000\"\n\n[probleme]\npublic_concerne = \"Les agents\"\nirritants = [\"delais\", \"Non-recours aux droits\"]\n",
    );
    let out = fiche_in(d, &["new", "c.toml", "--from", &old, "--data", &data]);
    let said = succeeded(&out);
    assert_said(&said, "Repris de votre profil (1)");
    assert_said(&said, "Repris de ancienne.toml (1)");
    assert_said(&said, "Lu dans donnees.toml (5)");
    let out = fiche_in(d, &["set", "c.toml", "identite.chef_produit_nom=de set"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let c = load(d, "c.toml");
    assert_text(&c, "identite.administration", "du profil");
    assert_text(&c, "identite.direction", "de l'ancienne");
    assert_text(&c, "identite.sponsor", "des données");
    assert_text(&c, "identite.chef_produit_nom", "de set");
    assert_eq!(
        c.get("volume.volume_annuel"),
        Some(toml::Value::Integer(575000))
    );
    assert_text(&c, "probleme.public_concerne", "agents");
    assert_eq!(
        c.get("probleme.irritants"),
        Some(toml::Value::Array(vec![
            "delais".into(),
            "non_recours".into()
        ]))
    );
    // Provenance: only the still-unedited copies carry an origin.
    assert_eq!(c.origin("identite.administration"), Some(Origin::Profile));
    assert_eq!(
        c.origin("identite.direction"),
        Some(Origin::Application("ancienne.toml".into()))
    );
    assert_eq!(c.origin("identite.sponsor"), None);
}

#[test]
fn bad_data_file_creates_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = write(
        d,
        "donnees.toml",
        "[volume]\nvolume_anuel = 12\nnb_agents = \"beaucoup\"\n",
    );
    let out = fiche_in(d, &["new", "c.toml", "--data", &data, "--sans-profil"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_said(&err, "donnees.toml, ligne 2");
    assert_said(&err, "vouliez-vous dire « volume.volume_annuel »");
    assert_said(&err, "donnees.toml, ligne 3");
    assert_said(&err, "nombre entier");
    // The fix as the data file writes it, not as `fiche set` would.
    assert_said(&err, "exemple : nb_agents = 300");
    assert!(!err.contains("volume.nb_agents=300"), "{err}");
    assert!(!d.join("c.toml").exists());
}

#[test]
fn set_reads_french_numbers_choice_labels_and_lists() {
    let dir = with_new_draft();
    let d = dir.path();
    let out = fiche_in(
        d,
        &[
            "set",
            "c.toml",
            "volume.volume_annuel=575 000",
            "roi.minutes_economisees=2,5",
            "tco.budget_annuel=300 000 €",
            "probleme.public_concerne=Les agents et les usagers",
            "pertinence.procedure_a_simplifier=non",
            "probleme.irritants=delais, surcouts",
            "deploiement.plan_6_mois=[{ mois = 1, jalon = \"Prototype\" }]",
        ],
    );
    let said = succeeded(&out);
    assert_said(&said, &format!("volume.volume_annuel) = 575{NBSP}000"));
    let c = load(d, "c.toml");
    assert_eq!(
        c.get("volume.volume_annuel"),
        Some(toml::Value::Integer(575000))
    );
    assert_eq!(
        c.get("roi.minutes_economisees"),
        Some(toml::Value::Float(2.5))
    );
    assert_eq!(
        c.get("tco.budget_annuel"),
        Some(toml::Value::Integer(300000))
    );
    assert_text(&c, "probleme.public_concerne", "agents_et_usagers");
    assert_eq!(
        c.get("pertinence.procedure_a_simplifier"),
        Some(toml::Value::Boolean(false))
    );
    assert_eq!(
        c.get("probleme.irritants"),
        Some(toml::Value::Array(vec!["delais".into(), "surcouts".into()]))
    );
    let plan = c.get("deploiement.plan_6_mois").unwrap();
    assert_eq!(
        plan.as_array().unwrap()[0]["jalon"].as_str(),
        Some("Prototype")
    );
    let text = std::fs::read_to_string(d.join("c.toml")).unwrap();
    assert_said(&text, "[[deploiement.plan_6_mois]]");

    // An empty value erases the answer.
    let out = fiche_in(d, &["set", "c.toml", "roi.minutes_economisees="]);
    assert_said(&succeeded(&out), "réponse effacée");
    assert_eq!(load(d, "c.toml").get("roi.minutes_economisees"), None);
}

/// An answer to a question that does not apply was saved without a word:
/// the user learnt only from `check` that it is left out of the fiche.
#[test]
fn set_says_when_an_answer_is_left_out_of_the_fiche() {
    let dir = with_new_draft();
    let d = dir.path();
    let out = fiche_in(
        d,
        &[
            "set",
            "c.toml",
            "solution.role_ia=assiste",
            "ia_responsable.information_usagers=Mention sur le site.",
        ],
    );
    let text = succeeded(&out);
    assert_said(
        &text,
        "note : « Information des usagers » ne s’applique pas avec vos autres réponses (elle dépend de « Qui subit le problème ? » (probleme.public_concerne), « Rôle de l’IA dans la décision » (solution.role_ia)) : sa réponse est enregistrée mais n’apparaît pas dans la fiche.",
    );
    // An answer that applies gets no note.
    let out = fiche_in(d, &["set", "c.toml", "identite.nom_produit=Trieur"]);
    assert_not_said(&stdout(&out), "note :");
}

/// The path of a list field was glued to the message:
/// « deploiement.plan_6_mois : [1].mois« Plan à six mois » n° 1… ».
#[test]
fn a_bad_field_of_a_list_item_is_named_once_in_words() {
    let dir = with_new_draft();
    let d = dir.path();
    let out = fiche_in(
        d,
        &[
            "set",
            "c.toml",
            "deploiement.plan_6_mois=[{mois = 7, jalon = \"Bilan\"}]",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_said(
        &err,
        "deploiement.plan_6_mois : « Plan à six mois » n° 1 : « Mois » doit être au plus 6 (valeur : 7)",
    );
}

#[test]
fn set_refuses_unknown_ids_and_bad_values_and_changes_nothing() {
    let dir = with_new_draft();
    let d = dir.path();
    let before = std::fs::read(d.join("c.toml")).unwrap();
    let cases: [(&[&str], &[&str]); 4] = [
        (
            &["identite.nom_produit=Bon", "identite.nom_produt=Assistant"],
            &[
                "« identite.nom_produt » n’est pas une question",
                "vouliez-vous dire « identite.nom_produit »",
            ],
        ),
        (
            &["nom_produit=Assistant"],
            &["vouliez-vous dire « identite.nom_produit »"],
        ),
        (
            &["identite.nom_produit=Bon", "volume.volume_annuel=beaucoup"],
            &[
                "volume.volume_annuel",
                "n’est pas un nombre entier",
                "attendu : un nombre entier",
                "exemple : volume.volume_annuel=575000",
            ],
        ),
        (
            &[
                "probleme.public_concerne=tout le monde",
                "identite.chef_produit_email=pas-une-adresse",
                "sans-egal",
            ],
            &[
                "choix possible",
                "agents_et_usagers",
                "adresse e-mail valide",
                "« sans-egal » ne suit pas la forme section.question=valeur",
            ],
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["set", "c.toml"];
        all.extend_from_slice(args);
        let out = fiche_in(d, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        for e in expected {
            assert!(err.contains(e), "{args:?}: missing {e} in {err}");
        }
        assert_said(&err, "c.toml n’a pas été modifié");
        assert_eq!(std::fs::read(d.join("c.toml")).unwrap(), before, "{args:?}");
    }
    let out = fiche_in(d, &["set", "absent.toml", "identite.nom_produit=X"]);
    assert_eq!(out.status.code(), Some(2));
    assert_said(&stderr(&out), "introuvable");
    assert!(!d.join("absent.toml").exists());
}

#[test]
fn reuse_help_is_in_french() {
    for args in [
        vec!["set", "--help"],
        vec!["diff", "--help"],
        vec!["profile", "--help"],
        vec!["profile", "edit", "--help"],
    ] {
        let out = fiche(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = stdout(&out);
        assert!(text.contains("Afficher cette aide"), "{args:?}: {text}");
        assert!(!text.contains("Print help"), "{args:?}: {text}");
    }
    let text = stdout(&fiche(&["new", "--help"]));
    assert!(
        text.contains("--sans-profil") && text.contains("--from"),
        "{text}"
    );
    let text = stdout(&fiche(&["set", "--help"]));
    assert!(
        text.contains("Tout ou rien") && text.contains("2 si une réponse est refusée"),
        "{text}"
    );
}

#[test]
fn library_prefill_records_origins_that_survive_a_save_and_go_on_edit() {
    use fiche::reuse::{Copy, prefill};
    let form = fiche::form::builtin();
    let source = Answers::parse(OLD, "2026.toml").unwrap();
    let mut target = Answers::new(&form);
    let copied = prefill(
        &form,
        &mut target,
        &source,
        Copy::Reusable,
        Some(&Origin::Application("2026.toml".into())),
    )
    .unwrap();
    assert_eq!(
        copied,
        ["identite.administration", "identite.chef_produit_nom"]
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    target.save(&path).unwrap();
    let mut again = Answers::load(&path).unwrap();
    assert_eq!(
        again.origins(),
        [
            (
                "identite.administration".to_string(),
                Origin::Application("2026.toml".into())
            ),
            (
                "identite.chef_produit_nom".to_string(),
                Origin::Application("2026.toml".into())
            ),
        ]
    );
    again
        .set("identite.administration", Some("DGT".into()))
        .unwrap();
    again.set("identite.chef_produit_nom", None).unwrap();
    assert!(again.origins().is_empty());
    assert!(
        !again.to_toml_string().contains("origine"),
        "an empty table is removed"
    );
    assert_eq!(
        form.nearest_question("identite.chef_produit_mail")
            .as_deref(),
        Some("identite.chef_produit_email")
    );
    assert_eq!(form.nearest_question("zzz.qqqqqqqq"), None);
}

/// A refused value's example is the question's own (its placeholder in the
/// form), not one example per type: a slogan is not shown as
/// `identite.slogan="Assistant SRDT"` (a product name), nor a number of
/// agents as 575 000.
#[test]
fn a_refused_value_is_followed_by_the_question_s_own_example() {
    let dir = with_new_draft();
    for (assignment, example) in [
        (
            "identite.slogan=une phrase\nsur deux lignes",
            "exemple : identite.slogan=\"Aider les agents des SRDT à répondre plus vite et plus juste en droit du travail\"",
        ),
        (
            "identite.chef_produit_fonction=a\nb",
            "exemple : identite.chef_produit_fonction=\"Cheffe de projet numérique\"",
        ),
        (
            "volume.nb_agents=beaucoup",
            "exemple : volume.nb_agents=300",
        ),
        (
            "identite.chef_produit_email=pas-une-adresse",
            "exemple : identite.chef_produit_email=prenom.nom@travail.gouv.fr",
        ),
    ] {
        let out = fiche_in(dir.path(), &["set", "c.toml", assignment]);
        assert_eq!(out.status.code(), Some(2), "{assignment}");
        assert_said(&stderr(&out), example);
    }
}
