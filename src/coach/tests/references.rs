//! What the coach reads and cites, checked against the built-in form:
//! - every question id and choice key the coach's rules refer to exists
//!   (renaming a question or a choice fails here instead of silently
//!   switching a rule off);
//! - every legal reference cited by the form's help and the coach's messages,
//!   listed in one place so a reviewer can check them all.

use crate::coach::RULES;
use crate::form::{self, Form, Question};

/// The coach's rule sources, read as text.
const SOURCES: [(&str, &str); 6] = [
    ("rules.rs", include_str!("../rules.rs")),
    ("compliance.rs", include_str!("../compliance.rs")),
    ("figures.rs", include_str!("../figures.rs")),
    ("reviewer.rs", include_str!("../reviewer.rs")),
    ("texts.rs", include_str!("../texts.rs")),
    ("roi/mod.rs", include_str!("../roi/mod.rs")),
];

const FORM_TEXT: &str = include_str!("../../../templates/fiche-action/form.toml");

/// Every article cited by the form (help, guidance) and the coach, with its
/// text. A reviewer checks this list; the test below keeps it complete.
pub const CITED_ARTICLES: &[(&str, &str)] = &[
    (
        "article 47",
        "loi n° 78-17 du 6 janvier 1978 dite Informatique et Libertés",
    ),
    (
        "article L. 311-3-1",
        "code des relations entre le public et l’administration",
    ),
    (
        "article L. 312-1-3",
        "code des relations entre le public et l’administration",
    ),
    (
        "article 31",
        "loi n° 2024-449 du 21 mai 2024 visant à sécuriser et à réguler l’espace numérique (SREN)",
    ),
    (
        "article 35",
        "règlement (UE) 2016/679 (RGPD), analyse d’impact",
    ),
    (
        "articles 44 à 49",
        "règlement (UE) 2016/679 (RGPD), chapitre V, transferts hors de l’Union",
    ),
    (
        "article L. 1111-8",
        "code de la santé publique, hébergement de données de santé (HDS)",
    ),
    (
        "article 4",
        "règlement (UE) 2024/1689 sur l’IA, maîtrise de l’IA",
    ),
    (
        "article 5",
        "règlement (UE) 2024/1689 sur l’IA, pratiques interdites",
    ),
    (
        "article 6, paragraphe 3",
        "règlement (UE) 2024/1689 sur l’IA, systèmes de l’annexe III qui ne sont pas à haut risque",
    ),
    (
        "article 26",
        "règlement (UE) 2024/1689 sur l’IA, obligations des déployeurs",
    ),
    (
        "articles 26 et 49",
        "règlement (UE) 2024/1689 sur l’IA, enregistrement par les déployeurs publics",
    ),
    (
        "article 27",
        "règlement (UE) 2024/1689 sur l’IA, analyse d’impact sur les droits fondamentaux",
    ),
    (
        "article 49",
        "règlement (UE) 2024/1689 sur l’IA, enregistrement",
    ),
    (
        "article 50",
        "règlement (UE) 2024/1689 sur l’IA, transparence",
    ),
];

/// Other texts cited by name (no article).
pub const CITED_TEXTS: &[&str] = &[
    "doctrine « cloud au centre »",
    "règlement (UE) 2024/1689",
    "annexe III",
    "référentiel général de sécurité",
    "politique de sécurité des systèmes d’information de l’État",
    "AFNOR Spec 2314",
    "recommandations de sécurité de l’ANSSI pour un système d’IA générative (2024)",
];

/// String literals of a Rust source, in order.
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let mut chars = line.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            let mut closed = false;
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => {
                        closed = true;
                        break;
                    }
                    _ => lit.push(c),
                }
            }
            if closed {
                out.push((n + 1, lit));
            }
        }
    }
    out
}

fn is_question_id(s: &str) -> bool {
    let Some((a, b)) = s.split_once('.') else {
        return false;
    };
    let id = |x: &str| {
        !x.is_empty()
            && x.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
    };
    id(a) && id(b) && !b.contains('.') && !s.ends_with(".rs")
}

/// Choice keys compared in a line: `Some("a" | "b")`, `== "a"`.
fn compared_keys(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for start in ["Some(\"", "== \""] {
        let mut rest = line;
        while let Some(at) = rest.find(start) {
            let after = &rest[at + start.len() - 1..];
            let end = if start == "Some(\"" {
                after.find(')').unwrap_or(after.len())
            } else {
                after[1..].find('"').map_or(after.len(), |e| e + 2)
            };
            for (_, lit) in literals(&after[..end]) {
                if !lit.is_empty() && lit.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.push(lit);
                }
            }
            rest = &after[end..];
        }
    }
    out
}

fn all_choice_keys(form: &Form) -> Vec<String> {
    fn keys(q: &Question, out: &mut Vec<String>) {
        out.extend(q.choices.iter().map(|c| c.key.clone()));
        for f in &q.fields {
            keys(f, out);
        }
    }
    let mut out = Vec::new();
    for (_, q) in form.questions() {
        keys(q, &mut out);
    }
    out
}

#[test]
fn every_question_and_choice_key_the_coach_reads_exists_in_the_form() {
    let form = form::builtin();
    for rule in RULES {
        for id in rule.questions {
            assert!(
                form.question(id).is_some(),
                "rule {}: no question {id}",
                rule.id
            );
        }
    }
    let keys = all_choice_keys(&form);
    let mut ids = 0;
    let mut compared = 0;
    for (file, source) in SOURCES {
        for (line, lit) in literals(source) {
            if is_question_id(&lit) {
                ids += 1;
                assert!(
                    form.question(&lit).is_some(),
                    "{file}:{line}: « {lit} » is not a question of the built-in form"
                );
            }
        }
        for (n, line) in source.lines().enumerate() {
            for key in compared_keys(line) {
                compared += 1;
                assert!(
                    keys.contains(&key),
                    "{file}:{}: « {key} » is not a choice key of the built-in form",
                    n + 1
                );
            }
        }
    }
    // The scan found what the rules read (it cannot pass by finding nothing).
    assert!(ids > 30, "{ids} question ids found");
    assert!(compared > 20, "{compared} choice keys found");
}

/// `article 47`, `article L. 311-3-1`, `articles 44 à 49`,
/// `article 6, paragraphe 3`, `articles 26 et 49` in a text, their
/// no-break spaces (if a text was written with them) read as spaces.
fn articles_in(text: &str) -> Vec<String> {
    let text = &text.replace('\u{a0}', " ");
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("article") {
        let start = from + at;
        let mut end = start + "article".len();
        if lower[end..].starts_with('s') {
            end += 1;
        }
        if !lower[end..].starts_with(' ') {
            from = end;
            continue;
        }
        end += 1;
        let number = |s: &str| -> usize {
            let t = if s.starts_with("l. ") { 3 } else { 0 };
            let n = s[t..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .count();
            if n == 0 { 0 } else { t + n }
        };
        let n = number(&lower[end..]);
        if n == 0 {
            from = end;
            continue;
        }
        end += n;
        for joiner in [" à ", " et ", ", paragraphe "] {
            if lower[end..].starts_with(joiner) {
                let m = number(&lower[end + joiner.len()..]);
                if m > 0 {
                    end += joiner.len() + m;
                }
            }
        }
        out.push(text[start..end].to_string());
        from = end;
    }
    out
}

#[test]
fn every_legal_reference_cited_is_in_the_reviewed_list() {
    let coach: String = SOURCES.iter().map(|(_, s)| *s).collect();
    let cited: Vec<String> = articles_in(FORM_TEXT)
        .into_iter()
        .chain(articles_in(&coach))
        .collect();
    assert!(cited.len() > 15, "{cited:?}");
    for article in &cited {
        assert!(
            CITED_ARTICLES
                .iter()
                .any(|(a, _)| a.eq_ignore_ascii_case(article)),
            "« {article} » is cited but not in CITED_ARTICLES: add it with its text, after checking it"
        );
    }
    for (article, _) in CITED_ARTICLES {
        assert!(
            cited.iter().any(|c| c.eq_ignore_ascii_case(article)),
            "« {article} » is listed but no longer cited: remove it"
        );
    }
    let all = format!("{FORM_TEXT}{coach}").replace('\'', "’");
    for text in CITED_TEXTS {
        assert!(
            all.contains(&text.replace('\'', "’")),
            "« {text} » no longer cited"
        );
    }
    // Texts the domain reference says must not be cited as a rule.
    for wrong in [
        "Règle beta.gouv.fr",
        "article 22",
        "validée par votre DPO",
        "faites-la valider par votre DPO",
    ] {
        assert!(!all.contains(wrong), "« {wrong} » is still cited");
    }
}

#[test]
fn articles_are_read_with_their_paragraph_or_range() {
    assert_eq!(
        articles_in(
            "RGPD (chapitre V, articles 44 à 49) ; article 6, paragraphe 3 ; Article L. 311-3-1 ; article\u{a0}L.\u{a0}312-1-3."
        ),
        [
            "articles 44 à 49",
            "article 6, paragraphe 3",
            "Article L. 311-3-1",
            "article L. 312-1-3"
        ]
    );
}

/// The examples are what new users copy: the tri-courriels plan had an
/// « AIPD validée par le DPO », which the domain reference says is wrong
/// (the controller carries out and validates it, with the DPO's advice).
#[test]
fn the_examples_do_not_have_the_dpo_validate_the_dpia() {
    for (name, text) in [
        (
            "assistant-srdt",
            include_str!("../../../examples/assistant-srdt.toml"),
        ),
        (
            "tri-courriels-prefecture",
            include_str!("../../../examples/tri-courriels-prefecture.toml"),
        ),
        (
            "candidature-faible",
            include_str!("../../../examples/candidature-faible.toml"),
        ),
        (
            "brouillon-incomplet",
            include_str!("../../../examples/brouillon-incomplet.toml"),
        ),
    ] {
        let lower = text.to_lowercase();
        for wrong in [
            "validée par le dpo",
            "validée par votre dpo",
            "valider par le dpo",
        ] {
            assert!(!lower.contains(wrong), "{name}: « {wrong} »");
        }
    }
}

/// The domain reference: freed agent time is « temps d'agent libéré,
/// valorisé à » so many euros, not cash saved. The form's help said « euros
/// économisés = ETP économisés × coût d'un ETP ».
#[test]
fn freed_time_is_never_called_money_saved() {
    let coach: String = SOURCES.iter().map(|(_, s)| *s).collect();
    let all = format!("{FORM_TEXT}{coach}").to_lowercase();
    for wrong in [
        "euros économisés",
        "etp économisés",
        "heures économisées",
        "économies réalisées",
    ] {
        assert!(!all.contains(wrong), "« {wrong} »");
    }
}
