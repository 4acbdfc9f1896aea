//! The fiche as a reviewer reads it: the model's headings verbatim and in
//! order, additions marked, document labels instead of questions, every
//! model prompt present, one business-case sentence, honest totals.

use crate::common::*;
use crate::*;

/// The fiche action model's headings and sub-headings, in its order.
const MODEL_HEADINGS: [&str; 15] = [
    "Intitulé du produit",
    "Quel est le problème à résoudre ?",
    "Coût du statu quo",
    "Solution (la bonne idée)",
    "Évaluation du coût (TCO)",
    "Ressources nécessaires",
    "Co-financements",
    "Amortissement",
    "Stratégie de déploiement et mise en marché",
    "Stade de développement",
    "Expérimentation et itérations",
    "Indicateurs de performance technique",
    "Impact attendu et retour sur investissement (ROI)",
    "Potentiel de mutualisation et réplicabilité",
    "Pari d’impact",
];

const SUB_HEADINGS: [&str; 5] = [
    "Ressources nécessaires",
    "Co-financements",
    "Amortissement",
    "Stade de développement",
    "Expérimentation et itérations",
];

fn needle(format: &str, heading: &str) -> String {
    let sub = SUB_HEADINGS.contains(&heading);
    match (format, sub) {
        ("md", false) => format!("\n## {heading}\n"),
        ("md", true) => format!("\n### {heading}\n"),
        ("html", false) => format!("\">{}</h2>", html_escape(heading)),
        ("html", true) => format!("<h3>{}</h3>", html_escape(heading)),
        _ => squash(heading),
    }
}

#[test]
fn the_models_headings_appear_verbatim_and_in_order() {
    for name in COMPLETE {
        for format in ["md", "html", "pdf"] {
            let text = render_text(&example(name), format);
            let text = if format == "pdf" {
                squash(&text)
            } else {
                spaces_read(&text)
            };
            let mut last = 0;
            for heading in MODEL_HEADINGS {
                let n = needle(format, heading);
                let at = text[last..].find(&n).unwrap_or_else(|| {
                    panic!("{name} {format}: « {heading} » missing or out of order")
                });
                last += at + n.len();
            }
        }
    }
}

#[test]
fn the_projects_additions_sit_between_the_model_sections_and_say_so() {
    let md = render_text(&example("assistant-srdt.toml"), "md");
    let order = [
        "## Quel est le problème à résoudre ?",
        "## Cible et volume d’opérations (complément au modèle)",
        "## Coût du statu quo",
        "## Pourquoi l’IA ? (éviter le solutionnisme ; complément au modèle)",
        "## Solution (la bonne idée)",
        "## Les données (complément au modèle)",
        "## Sécurité, juridique et IA responsable (complément au modèle)",
        "## Évaluation du coût (TCO)",
        "### Après les six mois (complément au modèle)",
        "## Indicateurs de performance technique",
    ];
    let mut last = 0;
    for heading in order {
        let at = md[last..]
            .find(heading)
            .unwrap_or_else(|| panic!("« {heading} » missing or out of order"));
        last += at;
    }
    let html = render_text(&example("assistant-srdt.toml"), "html");
    assert!(html.contains("Les données (complément au modèle)</h2>"));
}

#[test]
fn documents_print_labels_never_the_questions_asked() {
    let form = fiche::form::builtin();
    for (_, q) in form.questions() {
        assert!(
            !q.document_label.trim_end().ends_with('?'),
            "{}: the document label is a question",
            q.id
        );
        for f in &q.fields {
            assert!(
                !f.document_label.trim_end().ends_with('?'),
                "{}.{}",
                q.id,
                f.id
            );
        }
    }
    for name in COMPLETE {
        for format in ["md", "html"] {
            let text = render_text(&example(name), format);
            for (_, q) in form.questions() {
                if q.label.trim_end().ends_with('?') && q.label != q.document_label {
                    let label = if format == "html" {
                        html_escape(&q.label)
                    } else {
                        q.label.to_string()
                    };
                    assert!(
                        !text.contains(&label),
                        "{name} {format}: question printed: {}",
                        q.label
                    );
                }
            }
        }
    }
    let md = render_text(&example("assistant-srdt.toml"), "md");
    assert!(md.contains("**Slogan** : Des réponses"), "{md}");
}

/// Optional prompts of the model, removed from a complete example.
const OPTIONAL_PROMPTS: [(&str, &str, &str); 5] = [
    ("tco", "ressources_techniques", "Infrastructures techniques"),
    ("tco", "amortissement", "Période d’amortissement"),
    (
        "indicateurs",
        "performance_technique",
        "Qualité des résultats",
    ),
    ("roi", "gains_quantifiables", "Gains quantifiables"),
    (
        "mutualisation",
        "offre_commune",
        "Intégration à une offre commune",
    ),
];

#[test]
fn every_prompt_of_the_model_is_answered_or_marked_not_answered() {
    let text = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let mut doc: toml::Table = toml::from_str(&text).unwrap();
    for (section, key, _) in OPTIONAL_PROMPTS {
        doc[section].as_table_mut().unwrap().remove(key);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sans-reponses.toml");
    std::fs::write(&path, toml::to_string(&doc).unwrap()).unwrap();
    let md = render_text(&path, "md");
    for (_, _, label) in OPTIONAL_PROMPTS {
        assert!(
            md.contains(&format!("**{label}** : *non renseigné*")),
            "{label}: {md}"
        );
    }
    let html = render_text(&path, "html");
    assert!(
        html.contains("<dt>Gains quantifiables</dt><dd><em>non renseigné</em></dd>"),
        "{html}"
    );
    let pdf = squash(&render_text(&path, "pdf"));
    assert!(pdf.contains(&squash("Gains quantifiables")));
    assert!(pdf.matches(&squash("non renseigné")).count() >= OPTIONAL_PROMPTS.len());
    // Every prompt of the model is a required question or is marked so.
    let form = fiche::form::builtin();
    let prompts = form.questions().filter(|(_, q)| q.model_prompt).count();
    assert!(prompts >= 25, "{prompts}");
}

#[test]
fn the_business_case_sentence_appears_once_per_document_at_full_scale() {
    for format in FORMATS {
        let text = render_text(&example("assistant-srdt.toml"), format);
        let text = if format == "pdf" { squash(&text) } else { text };
        let sentence = if format == "pdf" {
            squash("le budget annuel est couvert en")
        } else {
            "le budget annuel est couvert en".to_string()
        };
        assert_eq!(text.matches(&sentence).count(), 1, "{format}");
        assert!(!text.contains("retour sur investissement en"), "{format}");
        let pilot = "pas ceux du pilote, qui porte sur";
        let pilot = if format == "pdf" {
            squash(pilot)
        } else {
            pilot.to_string()
        };
        assert!(text.contains(&pilot), "{format}: full scale not said");
    }
    for format in FORMATS {
        let text = squash(&render_text(&example("assistant-srdt.toml"), format));
        let pilot = format!(
            "À l’échelle du pilote (60{NBSP}000 demandes de renseignement par an) : 6{NBSP}000{NBSP}heures de temps d’agent libéré par an, valorisé à 168{NBSP}015{NBSP}€ par an."
        );
        let pilot = if format == "html" {
            html_escape(&pilot)
        } else {
            pilot
        };
        assert!(
            text.contains(&squash(&pilot)),
            "{format}: the pilot's figures"
        );
    }
    let md = render_text(&example("assistant-srdt.toml"), "md");
    assert!(md.contains(&format!(
        "À pleine échelle (575{NBSP}000 demandes de renseignement par an) : 57{NBSP}500{NBSP}heures de temps d’agent libéré par an, soit 35,78{NBSP}ETP, valorisé à 1{NBSP}610{NBSP}143{NBSP}€ par an ; le budget annuel est couvert en 2,2{NBSP}mois d’économies ; gain net annuel : 1{NBSP}310{NBSP}143{NBSP}€ ; ratio bénéfice/coût : 5,4."
    )), "{md}");
}

/// The pilot's own figures used to be only in the Markdown, HTML and PDF
/// fiche and the Markdown pitch: a reader of the ODT fiche or of the other
/// pitches saw full-scale figures and no pilot figures. The e-mail said
/// « Ces chiffres ne sont pas ceux du pilote » and gave none either.
#[test]
fn the_pilots_figures_are_in_every_document() {
    let file = example("assistant-srdt.toml");
    let pilot = squash(&format!(
        "À l’échelle du pilote (60{NBSP}000 demandes de renseignement par an) : 6{NBSP}000{NBSP}heures de temps d’agent libéré par an, valorisé à 168{NBSP}015{NBSP}€ par an."
    ));
    for (format, text) in every_document(&file) {
        assert_eq!(squash(&text).matches(&pilot).count(), 1, "{format}");
    }
}

/// The text of the fiche and the pitch in every format, as a reader sees it
/// (PDF and ODT text extracted, HTML apostrophes unescaped).
pub fn document_texts(file: &Path) -> Vec<(&'static str, String)> {
    [
        "md",
        "html",
        "pdf",
        "odt",
        "pitch-md",
        "pitch-html",
        "pitch-pdf",
        "pitch-odt",
    ]
    .into_iter()
    .map(|format| {
        let bytes = render_bytes(file, format, &[]);
        let text = if format.ends_with("pdf") {
            pdf_text(&bytes)
        } else if format.ends_with("odt") {
            crate::odt::odt_text(&bytes)
        } else {
            String::from_utf8(bytes).unwrap().replace("&#x27;", "'")
        };
        (format, text)
    })
    .collect()
}

/// Every document's text as a reader sees it, the e-mail's body included
/// (prepared with `--brouillon`, which a complete application ignores).
fn every_document(file: &Path) -> Vec<(&'static str, String)> {
    let mut texts = document_texts(file);
    let out = fiche(&["envoyer", file.to_str().unwrap(), "--brouillon", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let message = mail_parser::MessageParser::default()
        .parse(&out.stdout)
        .expect("the .eml parses as MIME");
    texts.push(("courriel", message.body_text(0).unwrap().into_owned()));
    texts
}

/// « Ces chiffres sont à pleine échelle, pas ceux du pilote » was said of a
/// pilot that covers the whole annual volume, whose figures they are.
#[test]
fn a_pilot_on_the_whole_volume_owns_the_full_scale_figures() {
    let owned = squash("le pilote porte sur tout le volume annuel");
    let theirs = squash("ces chiffres sont aussi les siens");
    let not_theirs = squash("pas ceux du pilote");
    let pilot_scale = squash("échelle du pilote");

    let (_dir, whole) = edited_example(
        "assistant-srdt.toml",
        &[(
            "deploiement",
            "volume_pilote",
            toml::Value::Integer(575_000),
        )],
    );
    // The pitch says it in the words of the wizard and `fiche check`.
    let sentence = squash(fiche::coach::roi::PILOT_WHOLE_FR);
    for (format, text) in every_document(&whole) {
        if format.starts_with("pitch") {
            // Markdown writes the word in bold.
            assert!(
                squash(&text.replace("**", "")).contains(&sentence),
                "{format}: {text}"
            );
        }
        let text = squash(&text).to_lowercase();
        assert_eq!(text.matches(&owned).count(), 1, "{format}: {text}");
        assert!(text.contains(&theirs), "{format}: {text}");
        assert!(!text.contains(&not_theirs), "{format}: {text}");
        assert!(!text.contains(&pilot_scale), "{format}: {text}");
    }

    // A pilot on a fraction (60 000 of 575 000) keeps today's text.
    for (format, text) in every_document(&example("assistant-srdt.toml")) {
        let text = squash(&text).to_lowercase();
        assert_eq!(text.matches(&not_theirs).count(), 1, "{format}: {text}");
        assert!(!text.contains(&owned), "{format}: {text}");
        assert!(!text.contains(&theirs), "{format}: {text}");
        // The e-mail said « à pleine échelle » twice in one breath.
        if format == "courriel" {
            assert_eq!(
                text.matches(&squash("pleine échelle")).count(),
                1,
                "{format}: {text}"
            );
        }
    }
}

/// « …qui porte sur : Les trois agents du service insertion.. »: the
/// answer's own final period was followed by the sentence's.
#[test]
fn the_pilots_scope_ends_with_one_period_in_every_document() {
    let file = example("candidature-faible.toml");
    for (format, text) in document_texts(&file) {
        let text = squash(&text);
        assert!(
            text.contains(&squash(
                "qui porte sur : Les trois agents du service insertion."
            )),
            "{format}"
        );
        assert!(!text.contains("insertion.."), "{format}");
    }
}

#[test]
fn single_line_breaks_survive_in_markdown() {
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[(
            "probleme",
            "description",
            toml::Value::String("Première ligne\nDeuxième ligne\n\nNouveau paragraphe".into()),
        )],
    );
    let md = render_text(&path, "md");
    assert!(md.contains("Première ligne  \nDeuxième ligne\n"), "{md}");
}

#[test]
fn a_total_is_printed_only_when_it_is_the_sum_of_the_lines() {
    let srdt = render_text(&example("assistant-srdt.toml"), "md");
    assert!(
        srdt.contains(&format!(
            "| **Total (budget annuel)** | **300{NBSP}000{NBSP}€** |"
        )),
        "{srdt}"
    );
    let mut lines = toml::value::Array::new();
    for (poste, montant) in [("Développeurs", 150000), ("Hébergement", 100000)] {
        let mut t = toml::Table::new();
        t.insert("poste".into(), toml::Value::String(poste.into()));
        t.insert("montant".into(), toml::Value::Integer(montant));
        lines.push(toml::Value::Table(t));
    }
    let (_dir, path) = edited_example(
        "assistant-srdt.toml",
        &[("tco", "postes", toml::Value::Array(lines))],
    );
    for format in ["md", "html", "pdf"] {
        let text = squash(&render_text(&path, format));
        assert!(
            !text.contains(&squash("Total (budget annuel)")),
            "{format}: a false total"
        );
        assert!(
            text.contains(&squash(&format!("les postes totalisent 250{NBSP}000{NBSP}€, ce qui ne correspond pas au budget annuel total"))),
            "{format}"
        );
    }
}

/// « gain net annuel : - » at the end of a line and « 89 440 € » on the
/// next read as a gain: a negative figure takes the minus sign, which no
/// line breaks after.
#[test]
fn a_negative_net_gain_keeps_its_sign_in_every_document() {
    let file = example("candidature-faible.toml");
    for format in ["md", "html", "pdf", "odt", "pitch-md", "pitch-pdf"] {
        let bytes = render_bytes(&file, format, &[]);
        let text = if format.ends_with("pdf") {
            pdf_text(&bytes)
        } else if format.ends_with("odt") {
            crate::odt::odt_text(&bytes)
        } else {
            String::from_utf8(bytes).unwrap()
        };
        let text = squash(&text);
        assert!(text.contains("\u{2212}89440"), "{format}");
        assert!(!text.contains("-89"), "{format}");
    }
}

/// The draft banner says the same in every format (one macro,
/// `brouillon.j2`, and the two Typst templates): the fiche's HTML, PDF and
/// ODT said « 3 réponses obligatoires sur 43 » where its Markdown and every
/// pitch said « 3/43 réponses obligatoires ».
#[test]
fn the_draft_banner_is_the_same_sentence_in_every_format() {
    let file = example("brouillon-incomplet.toml");
    for (format, text) in document_texts(&file) {
        let document = if format.starts_with("pitch") {
            "pitch incomplet"
        } else {
            "fiche incomplète"
        };
        let sentence = squash(&format!(
            "BROUILLON : {document} (3/43 réponses obligatoires). Les éléments manquants sont listés en annexe."
        ));
        let read = without_bold(&text);
        assert!(squash(&read).contains(&sentence), "{format}: {text}");
    }
}

/// A complete application with one answer the form refuses was a draft
/// « incomplète (45/45 réponses obligatoires) » whose annex did not say
/// what to correct.
#[test]
fn a_draft_with_every_answer_but_one_invalid_says_what_to_correct() {
    let long_name = "Trieur ".repeat(12);
    let (_dir, file) = edited_example(
        "assistant-srdt.toml",
        &[("identite", "nom_produit", toml::Value::String(long_name))],
    );
    let banner = squash("à corriger : 1 réponse invalide, signalée en annexe.");
    let problem = squash("« Nom du produit » est trop long");
    for (format, text) in every_document(&file) {
        let text = squash(&text);
        assert!(!text.contains("incompl"), "{format}: {text}");
        if format == "courriel" {
            assert!(
                text.contains(&squash("candidature à corriger (1 réponse invalide)")),
                "{format}: {text}"
            );
            continue;
        }
        assert!(text.contains(&banner), "{format}: {text}");
        assert!(text.contains(&problem), "{format}: {text}");
    }

    // Two faults in one answer make one answer to correct.
    let (_dir, file) = edited_example(
        "assistant-srdt.toml",
        &[(
            "probleme",
            "irritants",
            toml::Value::Array(vec!["inconnu".into(), 3.into(), "delais".into()]),
        )],
    );
    let md = String::from_utf8(render_bytes(&file, "md", &[])).unwrap();
    assert!(md.contains("1 réponse invalide,"), "{md}");
    assert_eq!(md.matches("(`probleme.irritants`)").count(), 2, "{md}");

    // Missing answers as well: both are said, in one sentence.
    let (_dir, file) = edited_example(
        "brouillon-incomplet.toml",
        &[(
            "identite",
            "nom_produit",
            toml::Value::String("Trieur ".repeat(12)),
        )],
    );
    for (format, text) in document_texts(&file) {
        let text = squash(&text);
        assert!(
            text.contains(&squash("et 1 réponse invalide. Les éléments manquants et les réponses invalides sont listés en annexe.")),
            "{format}: {text}"
        );
        assert!(text.contains(&problem), "{format}: {text}");
    }
}

#[test]
fn a_budget_a_few_cents_off_its_lines_is_not_shown_equal_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("centimes.toml");
    let srdt = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let cents = srdt.replace("budget_annuel = 300000", "budget_annuel = 299999.6");
    assert_ne!(srdt, cents);
    std::fs::write(&file, cents).unwrap();
    let out = fiche(&[
        "render",
        file.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    // The lines total 300 000 €: the warning must not read « 300 000 €,
    // ce qui ne correspond pas au budget annuel total (300 000 €) ».
    assert!(
        md.contains("ne correspond pas au budget annuel total (299\u{a0}999,60\u{a0}€)"),
        "{md}"
    );
}

/// The documents' own words take the typographic apostrophe, as the model
/// and every other format write them: the Markdown fiche and pitch said
/// « Temps d'agent libéré par an », « coût d'un ETP » and « à l'incubateur »
/// with a typewriter one. The answers here are given with « ’ » too, so any
/// « ' » left would be the documents' own.
#[test]
fn the_documents_own_words_take_the_typographic_apostrophe() {
    let answers = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace('\'', "’");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("assistant-srdt.toml");
    std::fs::write(&file, answers).unwrap();
    for (format, text) in every_document(&file) {
        let typewriter: Vec<&str> = text.lines().filter(|l| l.contains('\'')).collect();
        assert!(typewriter.is_empty(), "{format}: {typewriter:#?}");
    }
}

/// Only the Markdown fiche said how the business case is computed: a
/// reviewer of the PDF, HTML or OpenDocument fiche saw the figures, or the
/// reasons they are missing, without the method.
#[test]
fn every_fiche_says_how_the_business_case_is_computed() {
    let method = squash(
        "Calcul : heures = volume annuel × minutes économisées ÷ 60 ; ETP = heures ÷ heures par ETP ; valeur = ETP × coût d’un ETP ; budget couvert en = budget annuel ÷ (valeur ÷ 12) mois",
    );
    for name in ["assistant-srdt.toml", "brouillon-incomplet.toml"] {
        for (format, text) in document_texts(&example(name)) {
            if format.starts_with("pitch") {
                continue;
            }
            assert_eq!(squash(&text).matches(&method).count(), 1, "{name} {format}");
        }
    }
}

/// An application with no co-funding read « avec un cofinancement de 0 % »
/// in the PDF pitch and nothing at all in the other pitches and the e-mail:
/// every one now says « sans cofinancement ».
#[test]
fn no_cofunding_is_said_plainly_in_every_pitch_and_the_email() {
    let file = example("candidature-faible.toml");
    for (format, text) in every_document(&file) {
        if !(format.starts_with("pitch") || format == "courriel") {
            continue;
        }
        let text = squash(&text);
        assert!(
            text.contains(&squash(
                "pour un budget annuel de 90 000 €, sans cofinancement."
            )),
            "{format}: {text}"
        );
        assert!(!text.contains(&squash("cofinancement de 0")), "{format}");
    }
}
