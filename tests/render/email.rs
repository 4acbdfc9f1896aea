//! `fiche envoyer`: a MIME draft to the form's contact, from the product
//! lead, French subject and body, the fiche attached as PDF and ODT (the
//! same bytes as `fiche render`), marked unsent; an incomplete application,
//! or one the coach faults, is refused unless `--brouillon`, which marks
//! it BROUILLON and says what to fix and the readiness score.

use std::path::Path;
use std::process::{Command, Output};

use mail_parser::{Address, MessageParser, MimeHeaders};

use crate::common::*;
use crate::squash;

/// Runs fiche with a fixed document date, so that two runs give the same
/// OpenDocument bytes.
fn fiche_at_fixed_date(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fiche"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1793000000")
        .env(
            "XDG_CONFIG_HOME",
            Path::new(env!("CARGO_MANIFEST_DIR")).join(".config-test"),
        )
        .output()
        .expect("the fiche binary runs")
}

fn first_address(address: Option<&Address>) -> String {
    address
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_string()
}

/// How the points of the e-mail's body begin, in order.
const POINTS: [&str; 6] = [
    "1. Le problème :",
    "2. L’irritant en chiffres :",
    "3. Le volume :",
    "4. Les données :",
    "5. La métrique d’impact :",
    "Bilan économique :",
];

#[test]
fn the_email_is_a_mime_draft_with_both_documents_attached() {
    let file = example_str("assistant-srdt.toml");
    let out = fiche_at_fixed_date(&["envoyer", &file, "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = MessageParser::default()
        .parse(&out.stdout)
        .expect("the .eml parses as MIME");

    let contact = fiche::form::builtin()
        .contact
        .expect("the form has a contact");
    assert_eq!(contact, "alliance@mail.numerique.gouv.fr");
    assert_eq!(first_address(message.to()), contact);
    assert_eq!(
        first_address(message.from()),
        "camille.durand@travail.gouv.fr"
    );
    assert_eq!(
        message
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.name()),
        Some("Camille Durand")
    );
    assert_eq!(
        message.subject(),
        Some(
            "Candidature All_Ia_nce : Assistant SRDT — Ministère du Travail – Direction générale du travail (DGT)"
        )
    );
    assert_eq!(
        message.header("X-Unsent").and_then(|h| h.as_text()),
        Some("1")
    );

    let body = message.body_text(0).expect("a text body").into_owned();
    // The administration is named in parentheses, not as a subject without
    // its article (« Ministère du Travail souhaite… »).
    assert!(
        body.contains("Je souhaite présenter à l’incubateur All_Ia_nce notre projet Assistant SRDT (Ministère du Travail"),
        "{body}"
    );
    for expected in ["Bonjour,", "Camille Durand"].iter().chain(&POINTS) {
        assert!(body.contains(expected), "« {expected} » not in:\n{body}");
    }
    assert!(body.contains(&format!("575{NBSP}000")), "{body}");

    let attachments: Vec<_> = message.attachments().collect();
    assert_eq!(attachments.len(), 2);
    for (part, format, name, subtype) in [
        (&attachments[0], "pdf", "assistant-srdt.pdf", "pdf"),
        (
            &attachments[1],
            "odt",
            "assistant-srdt.odt",
            "vnd.oasis.opendocument.text",
        ),
    ] {
        assert_eq!(part.attachment_name(), Some(name));
        let content_type = part.content_type().expect("a content type");
        assert_eq!(content_type.ctype(), "application");
        assert_eq!(content_type.subtype(), Some(subtype));
        let rendered = fiche_at_fixed_date(&["render", &file, "--format", format, "-o", "-"]);
        assert_eq!(rendered.status.code(), Some(0));
        assert!(
            part.contents() == rendered.stdout.as_slice(),
            "{format}: the attachment differs from fiche render's document"
        );
    }
}

#[test]
fn an_incomplete_application_is_refused_unless_brouillon() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brouillon.toml");
    std::fs::copy(example("brouillon-incomplet.toml"), &file).unwrap();
    let path = file.to_str().unwrap();

    let out = fiche(&["envoyer", path]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("incomplète"), "{err}");
    for id in [
        "identite.slogan",
        "identite.chef_produit_email",
        "donnees.sources",
    ] {
        assert!(err.contains(id), "{id} not named in:\n{err}");
    }
    assert!(err.contains("--brouillon"), "{err}");
    assert!(!dir.path().join("brouillon.eml").exists());

    let out = fiche(&["envoyer", path, "--brouillon"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let eml = std::fs::read(dir.path().join("brouillon.eml")).expect("written next to the file");
    let message = MessageParser::default().parse(&eml).unwrap();
    let subject = message.subject().unwrap();
    assert!(
        subject.starts_with("BROUILLON – Candidature All_Ia_nce : Assistant de réponse"),
        "{subject}"
    );
    assert!(message.body_text(0).unwrap().contains("[BROUILLON"));
    assert_eq!(message.attachments().count(), 2);
    // No product lead's address yet: no From rather than a made-up one.
    assert!(message.from().is_none());
}

#[test]
fn a_complete_application_with_a_coach_error_is_refused_unless_brouillon() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("decide.toml");
    let srdt = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let decides = srdt.replace("role_ia = \"recommande\"", "role_ia = \"decide\"");
    assert_ne!(srdt, decides);
    std::fs::write(&file, decides).unwrap();
    let path = file.to_str().unwrap();

    // Complete and valid, but the AI decides alone: `fiche check` says 1.
    let out = fiche(&["envoyer", path]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("decision-automatique"), "{err}");
    assert!(err.contains("solution.role_ia"), "{err}");
    assert!(err.contains("--brouillon"), "{err}");
    assert!(!dir.path().join("decide.eml").exists());

    let out = fiche(&["envoyer", path, "--brouillon"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Sent as a draft, it does not look final: subject, body and both
    // documents say BROUILLON and why, though every answer is given.
    let err = stderr(&out);
    assert!(err.contains("marqué BROUILLON"), "{err}");
    assert!(err.contains("decision-automatique"), "{err}");
    assert!(err.contains("Score de préparation : 90/100."), "{err}");
    let eml = std::fs::read(dir.path().join("decide.eml")).unwrap();
    let message = MessageParser::default().parse(&eml).unwrap();
    let subject = message.subject().unwrap();
    assert!(subject.starts_with("BROUILLON – Candidature"), "{subject}");
    let body = message.body_text(0).unwrap();
    assert!(
        body.contains(
            "[BROUILLON : candidature à corriger (1 erreur relevée par le coach de pitch) ; \
             les documents joints sont marqués BROUILLON et signalent ce qu’il faut corriger. \
             Score de préparation : 90/100.]"
        ),
        "{body}"
    );
    let banner = "BROUILLON : fiche à corriger : 1 erreur relevée par le coach de pitch, \
                  signalée en annexe.";
    for part in message.attachments() {
        let name = part.attachment_name().unwrap_or_default();
        let text = if name.ends_with(".pdf") {
            let doc = lopdf::Document::load_mem(part.contents()).unwrap();
            let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
            doc.extract_text(&pages).unwrap()
        } else {
            crate::odt::odt_text(part.contents())
        };
        assert!(squash(&text).contains(&squash(banner)), "{name}: {text}");
        assert!(
            squash(&text).contains(&squash("decision-automatique")),
            "{name}"
        );
    }
}

/// `fiche check` and the draft annexes give the readiness score (with the
/// line saying it is capped at the completeness); the e-mail listed what
/// to fix without it. Refused or written as a draft, it now says the same.
#[test]
fn the_email_gives_the_readiness_score_in_the_annexes_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brouillon.toml");
    std::fs::copy(example("brouillon-incomplet.toml"), &file).unwrap();
    let path = file.to_str().unwrap();
    let facts = crate::annex::facts(&file);
    let cap = facts.cap.expect("a draft 3/43 complete is capped");
    let score = format!("{} {cap}.", facts.score);

    let refused = stderr(&fiche(&["envoyer", path]));
    let drafted = fiche(&["envoyer", path, "--brouillon", "-o", "-"]);
    assert_eq!(drafted.status.code(), Some(0), "{}", stderr(&drafted));
    for err in [refused, stderr(&drafted)] {
        assert!(err.contains("identite.slogan"), "{err}");
        assert!(
            err.contains(&format!("\n{score}\n")),
            "« {score} » not in:\n{err}"
        );
    }
    let message = MessageParser::default().parse(&drafted.stdout).unwrap();
    let body = message.body_text(0).unwrap();
    assert!(
        body.contains(&format!("et listent ce qui manque. {score}]")),
        "« {score} » not in:\n{body}"
    );
}

#[test]
fn the_contact_comes_from_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let form_dir = dir.path().join("formulaire");
    std::fs::create_dir(&form_dir).unwrap();
    let form = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/fiche-action/form.toml"),
    )
    .unwrap();
    let changed = form.replace(
        "contact = \"alliance@mail.numerique.gouv.fr\"",
        "contact = \"test@exemple.fr\"",
    );
    assert_ne!(form, changed);
    std::fs::write(form_dir.join("form.toml"), &changed).unwrap();
    // The e-mail of an example, to stdout, with the form in `form_dir`.
    let send = || {
        fiche(&[
            "envoyer",
            &example_str("tri-courriels-prefecture.toml"),
            "--form",
            form_dir.to_str().unwrap(),
            "-o",
            "-",
        ])
    };
    let out = send();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = MessageParser::default().parse(&out.stdout).unwrap();
    assert_eq!(first_address(message.to()), "test@exemple.fr");

    std::fs::write(
        form_dir.join("form.toml"),
        form.replace("contact = \"alliance@mail.numerique.gouv.fr\"\n", ""),
    )
    .unwrap();
    let out = send();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("contact"), "{}", stderr(&out));
}

/// The e-mail (`envoyer --brouillon`) of the SRDT example whose product
/// name is written `name` in the answers file (TOML escapes kept).
fn sent_with_product_name(name: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nom.toml");
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace(
            "nom_produit = \"Assistant SRDT\"",
            &format!("nom_produit = \"{name}\""),
        );
    assert!(text.contains(name), "the example's name was replaced");
    std::fs::write(&file, text).unwrap();
    let out = fiche(&["envoyer", file.to_str().unwrap(), "--brouillon", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    out.stdout
}

#[test]
fn a_product_name_with_line_breaks_gives_a_one_line_subject() {
    let eml = sent_with_product_name("Assistant\\r\\nBcc: pirate@example.com");
    let message = MessageParser::default().parse(&eml).unwrap();
    let subject = message.subject().unwrap();
    assert!(
        subject.contains("Candidature All_Ia_nce : Assistant Bcc: pirate@example.com —"),
        "{subject:?}"
    );
    assert!(
        !subject.contains('\n') && !subject.contains('\r'),
        "{subject:?}"
    );
    assert!(message.bcc().is_none());
}

/// The body showed a bidi override as `<U+202E>`, the subject and the
/// sender's name kept it raw: the mail client then reversed the subject.
#[test]
fn control_characters_in_the_subject_and_sender_are_shown_not_applied() {
    let eml = sent_with_product_name("Assistant \\u202Egnp.exe SRDT\\u0007");
    let message = MessageParser::default().parse(&eml).unwrap();
    let subject = message.subject().unwrap();
    assert!(
        subject.contains("Assistant <U+202E>gnp.exe SRDT␇"),
        "{subject:?}"
    );
    assert!(!subject.contains('\u{202e}') && !subject.contains('\u{7}'));
}

/// Points 3 to 5 and the business case used to run together, while points 1
/// and 2 were separated by a blank line: a line ending in a template tag
/// lost its line break.
#[test]
fn the_points_of_the_email_are_separate_paragraphs() {
    let file = example_str("assistant-srdt.toml");
    let out = fiche_at_fixed_date(&["envoyer", &file, "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = MessageParser::default().parse(&out.stdout).unwrap();
    let body = message.body_text(0).unwrap().replace("\r\n", "\n");
    for start in POINTS
        .iter()
        .chain(&["Nous demandons", "Je me tiens à votre disposition"])
    {
        assert!(
            body.contains(&format!("\n\n{start}")),
            "« {start} » does not start a paragraph:\n{body}"
        );
    }
    // The access is not a parenthesis inside a parenthesis.
    assert!(
        body.contains("4. Les données : Code du travail : donnée ouverte (open data) ; "),
        "{body}"
    );
}

/// A slogan typed with its final period gave « …des SRDT.. » in the body.
#[test]
fn a_slogan_ending_with_a_period_ends_the_sentence_once() {
    let (_dir, path) = crate::edited_example(
        "assistant-srdt.toml",
        &[(
            "identite",
            "slogan",
            toml::Value::String("Répondre plus vite aux usagers.".into()),
        )],
    );
    let out = fiche_at_fixed_date(&["envoyer", path.to_str().unwrap(), "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = MessageParser::default().parse(&out.stdout).unwrap();
    let body = message.body_text(0).unwrap().into_owned();
    assert!(
        body.contains(" : Répondre plus vite aux usagers.\r\n")
            || body.contains(" : Répondre plus vite aux usagers.\n"),
        "{body}"
    );
    assert!(!body.contains("usagers.."), "{body}");
}

/// The commands suggested on a refusal keep the session's --form and
/// --templates: without them, they would open the file with the built-in
/// form and templates.
#[test]
fn the_commands_suggested_on_a_refusal_keep_the_form_and_the_templates() {
    let dir = tempfile::tempdir().unwrap();
    let form_dir = dir.path().join("formulaire");
    std::fs::create_dir(&form_dir).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/fiche-action/form.toml"),
        form_dir.join("form.toml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("modeles")).unwrap();
    std::fs::copy(
        example("brouillon-incomplet.toml"),
        dir.path().join("b.toml"),
    )
    .unwrap();
    let args = [
        "--form",
        "formulaire",
        "--templates",
        "modeles",
        "envoyer",
        "b.toml",
    ];
    let out = fiche_in(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "Complétez ou corrigez la candidature (fiche --form formulaire --templates modeles edit b.toml), ou préparez un brouillon avec : fiche --form formulaire --templates modeles envoyer b.toml --brouillon"
        ),
        "{}",
        stderr(&out)
    );
}

/// The draft of an application with no amount asked had two blank lines
/// before « Je me tiens à votre disposition »: the blank line after the
/// amount's paragraph was written even without it.
#[test]
fn the_body_never_has_two_blank_lines_in_a_row() {
    for name in [
        "assistant-srdt.toml",
        "tri-courriels-prefecture.toml",
        "candidature-faible.toml",
        "brouillon-incomplet.toml",
    ] {
        let file = example_str(name);
        let out = fiche_at_fixed_date(&["envoyer", &file, "--brouillon", "-o", "-"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let message = MessageParser::default().parse(&out.stdout).unwrap();
        let body = message.body_text(0).unwrap().replace("\r\n", "\n");
        assert!(!body.contains("\n\n\n"), "{name}:\n{body}");
        assert!(
            body.contains("\n\nJe me tiens à votre disposition"),
            "{name}:\n{body}"
        );
    }
}
