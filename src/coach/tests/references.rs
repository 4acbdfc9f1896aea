//! What the coach reads and cites, checked against the built-in form:
//! - every question id and choice key the coach's rules refer to exists
//!   (renaming a question or a choice fails here instead of silently
//!   switching a rule off);
//! - every legal reference cited by the form's help and the coach's messages,
//!   listed in one place so a reviewer can check them all, and every article
//!   cited anywhere else a user reads (templates, README, examples, the
//!   program's messages) is in that list too.

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
    assert_reviewed_texts(&format!("{FORM_TEXT}{coach}"));
}

/// `all` (texts users read) still cites every reviewed text and none of
/// those the domain reference says must not be cited as a rule.
fn assert_reviewed_texts(all: &str) {
    let all = all.replace('\'', "’");
    for text in CITED_TEXTS {
        assert!(
            all.contains(&text.replace('\'', "’")),
            "« {text} » no longer cited"
        );
    }
    for wrong in [
        "Règle beta.gouv.fr",
        "article 22",
        "validée par votre DPO",
        "faites-la valider par votre DPO",
        // SecNumCloud or the administration's own hosting is what the
        // reference asks, not any cloud called sovereign.
        "hébergement souverain",
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

/// The number at the start of `s` (`47`, `l. 311-3-1`), its length in
/// bytes, 0 if none.
fn article_number(s: &str) -> usize {
    let part = ["l. ", "r. ", "d. "]
        .iter()
        .find(|p| s.starts_with(**p))
        .map_or(0, |p| p.len());
    let n = s[part..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .count();
    if n == 0 || !s[part..].starts_with(|c: char| c.is_ascii_digit()) {
        0
    } else {
        part + n
    }
}

/// Every article a text cites, one entry per number, written
/// `article 47`, `article L. 311-3-1`: after « article », « articles » or
/// « art. » (`articles 44 à 49`, `art. 26, 27, 49`, `article 6, paragraphe
/// 3`, `art. L. 311-3-1 et L. 312-1-3`), and a code's article standing alone
/// (`CRPA L. 311-3-1`, `(L. 1111-8)`). No-break spaces read as spaces.
fn article_numbers_in(text: &str) -> Vec<String> {
    let lower = text.replace('\u{a0}', " ").to_lowercase();
    let mut out: Vec<String> = Vec::new();
    let mut push = |number: &str| {
        let number = match number.split_once(". ") {
            Some((part, n)) => format!("{}. {n}", part.to_uppercase()),
            None => number.to_string(),
        };
        let article = format!("article {number}");
        if !out.contains(&article) {
            out.push(article);
        }
    };
    let mut at = 0;
    while at < lower.len() {
        let rest = &lower[at..];
        let word = ["articles ", "article ", "art. "]
            .iter()
            .find(|w| rest.starts_with(**w))
            .filter(|_| {
                // A word of its own: not « particle 3 ».
                !lower[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            });
        let code_part = ["l. ", "r. ", "d. "].iter().any(|p| rest.starts_with(*p))
            && lower[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c == ' ' || c == '(')
            && article_number(rest) > 0;
        if word.is_none() && !code_part {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut end = at + word.map_or(0, |w| w.len());
        let n = article_number(&lower[end..]);
        if n == 0 {
            at = end.max(at + 1);
            continue;
        }
        push(&lower[end..end + n]);
        end += n;
        // More numbers of the same list; a paragraph is not an article.
        loop {
            let rest = &lower[end..];
            if let Some(p) = rest.strip_prefix(", paragraphe ") {
                end += ", paragraphe ".len() + article_number(p).max(1);
                continue;
            }
            let joined = [" à ", " et ", ", "].iter().find_map(|j| {
                let m = rest.strip_prefix(*j).map(article_number).unwrap_or(0);
                (m > 0).then_some((j.len(), m))
            });
            let Some((j, m)) = joined else { break };
            push(&lower[end + j..end + j + m]);
            end += j + m;
        }
        at = end;
    }
    out
}

/// Where users read text: the files shipped with the program, read whole,
/// and the program's own sources without their tests (a test may quote any
/// article as a sample).
fn user_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let read = |path: &std::path::Path| std::fs::read_to_string(path).unwrap_or_default();
    for file in ["README.md", "templates/README.md"] {
        out.push((file.to_string(), read(&root.join(file))));
    }
    for dir in ["templates/fiche-action", "examples"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            out.push((path.display().to_string(), read(&path)));
        }
    }
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if name != "tests" && name != "snapshots" {
                    dirs.push(path);
                }
            } else if name.ends_with(".rs") && !name.starts_with("tests") {
                out.push((path.display().to_string(), without_tests(&read(&path))));
            }
        }
    }
    out
}

/// A Rust source up to its first inline test module (`#[cfg(test)]` then
/// `mod tests {`); `#[cfg(test)] mod tests;` in another file is skipped
/// above.
fn without_tests(source: &str) -> String {
    let mut kept = String::new();
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines.peek().is_some_and(|next| {
                next.trim_start().starts_with("mod ") && next.trim_end().ends_with('{')
            })
        {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    kept
}

#[test]
fn every_article_cited_anywhere_a_user_reads_is_in_the_reviewed_list() {
    // The reviewed list, one entry per number (« articles 26 et 49 » gives
    // 26 and 49).
    let reviewed: Vec<String> = CITED_ARTICLES
        .iter()
        .flat_map(|(a, _)| article_numbers_in(a))
        .collect();
    let texts = user_texts();
    assert!(texts.len() > 100, "{} files", texts.len());
    let mut cited: Vec<String> = Vec::new();
    for (file, text) in &texts {
        for article in article_numbers_in(text) {
            assert!(
                reviewed.contains(&article),
                "{file}: « {article} » is cited but not in CITED_ARTICLES: add it with its text, after checking it"
            );
            cited.push(article);
        }
    }
    for article in &reviewed {
        assert!(
            cited.contains(article),
            "« {article} » is listed but cited nowhere a user reads: remove it"
        );
    }
    assert_reviewed_texts(&texts.iter().map(|(_, t)| t.as_str()).collect::<String>());
}

/// Each help text that cites an article also says whom to check with.
#[test]
fn the_form_s_help_citing_an_article_sends_to_the_dpo_or_legal_service() {
    let form = form::builtin();
    let mut citing = 0;
    for (section, q) in form.questions() {
        let text = format!("{} {}", q.help, q.guidance.as_deref().unwrap_or_default());
        if article_numbers_in(&text).is_empty() {
            continue;
        }
        citing += 1;
        assert!(
            text.to_lowercase().contains("à vérifier avec votre"),
            "{}: cites {:?} without « à vérifier avec votre … »",
            section.full_id(q),
            article_numbers_in(&text)
        );
    }
    assert!(citing >= 4, "{citing}");
}

/// The form's help on the law says what the domain reference says, with its
/// articles: automated decisions (loi Informatique et Libertés art. 47, CRPA
/// L. 311-3-1), informing people (CRPA L. 311-3-1, and L. 312-1-3 from 50
/// agents), hosting (« cloud au centre », SREN art. 31 for State services,
/// GDPR transfers, HDS), the AIPD (two criteria or more, carried out and
/// validated by the controller with the DPO's advice), the AI Act's
/// high-risk duties.
#[test]
fn the_form_s_legal_help_says_what_the_domain_reference_says() {
    let form = form::builtin();
    let guidance = |id: &str| {
        let (_, q) = form.question(id).unwrap();
        format!("{} {}", q.help, q.guidance.as_deref().unwrap_or_default()).replace('\n', " ")
    };
    for (id, sayings) in [
        (
            "solution.role_ia",
            &[
                "(loi Informatique et Libertés, article 47)",
                "jamais sur un recours administratif, jamais avec des données sensibles",
                "l’article L. 311-3-1",
                "« L’IA décide seule » est signalé comme une erreur",
                "À vérifier avec votre DPO / service juridique.",
            ][..],
        ),
        (
            "ia_responsable.information_usagers",
            &[
                "(code des relations entre le public et l’administration, article L. 311-3-1)",
                "Une administration d’au moins 50 agents publie en ligne",
                "(article L. 312-1-3 ; seuil fixé par décret)",
                "À vérifier avec votre service juridique.",
            ][..],
        ),
        (
            "ia_responsable.hebergement",
            &[
                "Les données sensibles, et pour un service de l’État les données personnelles des citoyens, sont hébergées par l’administration ou sur un cloud qualifié SecNumCloud par l’ANSSI (doctrine « cloud au centre » de l’État ; pour les services de l’État, loi SREN du 21 mai 2024, article 31).",
                "n’est possible que dans les conditions du RGPD (chapitre V, articles 44 à 49)",
                "(code de la santé publique, article L. 1111-8)",
                "À vérifier avec votre RSSI et votre DPO.",
            ][..],
        ),
        (
            "ia_responsable.criteres_aipd",
            &[
                "(RGPD, article 35)",
                "à partir de deux, une AIPD est présumée nécessaire",
                "Avec un seul critère, vérifiez si le traitement figure sur la liste de la CNIL",
                "C’est le responsable du traitement qui mène et valide l’AIPD, après avoir demandé l’avis du DPO.",
            ][..],
        ),
        (
            "ia_responsable.risque_ai_act",
            &[
                "Règlement (UE) 2024/1689",
                "(dont l’éligibilité et le tri des appels d’urgence)",
                "ne pas être à haut risque (article 6, paragraphe 3), sauf s’il profile des personnes",
                "mener une analyse d’impact sur les droits fondamentaux (article 27)",
                "organiser le contrôle humain, informer les personnes (article 26) et enregistrer l’utilisation (article 49)",
                "Pratiques interdites : article 5.",
                "à vérifier avec votre service juridique",
            ][..],
        ),
    ] {
        let help = guidance(id);
        for said in sayings {
            assert!(help.contains(said), "{id}: « {said} » in {help}");
        }
    }
    // The CNIL's criteria as the CNIL words them: « avec effet juridique »
    // alone left out decisions with a similar significant effect, and
    // « exclusion du bénéfice d'un droit » services and contracts.
    let (_, criteria) = form.question("ia_responsable.criteres_aipd").unwrap();
    let label = |key: &str| {
        criteria
            .choices
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.label.to_string())
            .unwrap()
    };
    assert_eq!(criteria.choices.len(), 9);
    assert_eq!(
        label("decision_automatique"),
        "Décision automatisée avec effet juridique ou effet similaire"
    );
    assert_eq!(
        label("evaluation_scoring"),
        "Évaluation ou notation (y compris le profilage)"
    );
    assert_eq!(
        label("exclusion_droit"),
        "Exclusion du bénéfice d’un droit, d’un service ou d’un contrat"
    );
}

#[test]
fn articles_are_read_one_by_one_from_lists_ranges_and_codes() {
    assert_eq!(
        article_numbers_in(
            "RGPD (chapitre V, articles 44 à 49) ; article 6, paragraphe 3 ; Article L. 311-3-1 ; article\u{a0}L.\u{a0}312-1-3."
        ),
        [
            "article 44",
            "article 49",
            "article 6",
            "article L. 311-3-1",
            "article L. 312-1-3"
        ]
    );
    assert_eq!(
        article_numbers_in(
            "(CRPA, art. L. 311-3-1 et L. 312-1-3) ; déployeur (art. 26, 27, 49) ; santé publique (L. 1111-8)"
        ),
        [
            "article L. 311-3-1",
            "article L. 312-1-3",
            "article 26",
            "article 27",
            "article 49",
            "article L. 1111-8"
        ]
    );
    // Not articles: a word ending in « article », « l’article premier »,
    // an initial, a number of something else.
    assert!(
        article_numbers_in(
            "particle 3 ; l’article premier ; M. L. Martin ; les articles de presse ; 2024"
        )
        .is_empty()
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
