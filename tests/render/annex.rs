//! A draft's annex says the same in every file type, for the fiche and the
//! pitch: the missing answers, the answers to correct, the coach's remarks
//! and the readiness score (with the line saying when the completeness caps
//! it), the facts `fiche check --format json` gives. Only the Markdown
//! fiche gave the score; the others left it out.

use std::path::Path;

use serde_json::Value;

use crate::common::*;
use crate::*;

const FICHE: [&str; 4] = ["md", "html", "pdf", "odt"];
const PITCH: [&str; 4] = ["pitch-md", "pitch-html", "pitch-pdf", "pitch-odt"];

/// What `fiche check` says of a draft, as the annex must say it (and the
/// e-mail: see `email`).
pub(crate) struct Facts {
    missing: Vec<String>,
    /// Id and message of each answer the form refuses.
    to_correct: Vec<(String, String)>,
    /// Id, rule and message of each coach remark.
    coach: Vec<(String, String, String)>,
    /// `Score de préparation : 6/100.`
    pub(crate) score: String,
    /// The line saying the score is capped at the completeness, if it is.
    pub(crate) cap: Option<String>,
}

pub(crate) fn facts(file: &Path) -> Facts {
    let out = fiche(&["check", "--format", "json", file.to_str().unwrap()]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("check --format json");
    let one = &json[0];
    let text = |v: &Value| v.as_str().unwrap().to_string();
    let findings = one["report"]["findings"].as_array().unwrap();
    let missing = findings
        .iter()
        .filter(|f| f["rule"] == "reponse-manquante")
        .map(|f| text(&f["id"]))
        .collect();
    let to_correct = findings
        .iter()
        .filter(|f| f["rule"] != "reponse-manquante" && f["severity"] != "advice")
        .map(|f| (text(&f["id"]), text(&f["message"])))
        .collect();
    let coach = one["coach"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (text(&f["id"]), text(&f["rule"]), text(&f["message"])))
        .collect();
    let score = &one["coach"]["score"];
    Facts {
        missing,
        to_correct,
        coach,
        score: format!("Score de préparation : {}/100.", score["value"]),
        cap: (score["capped"] == true)
            .then(|| text(score["explanation"].as_array().unwrap().last().unwrap())),
    }
}

/// The annex as a reader sees it, squashed (see [`squash`]): from its
/// heading to the end of the document, escapes undone.
fn annex(file: &Path, format: &str) -> String {
    let bytes = render_bytes(file, format, &[]);
    let text = if format.ends_with("pdf") {
        pdf_body_text(&bytes)
    } else if format.ends_with("odt") {
        crate::odt::odt_text(&bytes)
    } else {
        without_tags(&String::from_utf8(bytes).unwrap())
            .replace("&#x27;", "'")
            .replace("&#x2f;", "/")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
            .replace('\\', "")
    };
    // Markdown's emphasis and code spans are markup, not words.
    let text = if format.ends_with("md") {
        text.replace(['*', '`'], "")
    } else {
        text
    };
    let flat = squash(&text);
    let start = flat
        .rfind(&squash("Annexe : ce qui manque encore"))
        .unwrap_or_else(|| panic!("{format}: no annex in {text}"));
    flat[start..].to_string()
}

/// A PDF's text without what each page repeats (the « BROUILLON » drawn
/// behind it, the footer), which would cut a remark running onto the next
/// page.
fn pdf_body_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf loads the PDF");
    let mut text = String::new();
    for page in doc.get_pages().keys() {
        let page_text = doc.extract_text(&[*page]).expect("text extraction");
        let mut lines: Vec<&str> = page_text.lines().collect();
        if lines.first().is_some_and(|l| l.trim() == "BROUILLON") {
            lines.remove(0);
        }
        let page_number = |l: &str| l.trim().starts_with("page ") && l.contains(" sur ");
        if lines.last().is_some_and(|l| page_number(l)) {
            lines.pop();
            if lines.last().is_some_and(|l| l.contains(" le ")) {
                lines.pop();
            }
        }
        text.push_str(&lines.join("\n"));
        text.push('\n');
    }
    text
}

/// An HTML page's text (Markdown has no tags: it is kept as is).
fn without_tags(page: &str) -> String {
    let mut text = String::with_capacity(page.len());
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// `part` is in `annex`, after `from`; returns where it ends.
fn said_after(annex: &str, from: usize, part: &str, format: &str) -> usize {
    let part = squash(part);
    match annex[from..].find(&part) {
        Some(at) => from + at + part.len(),
        None => panic!("{format}: « {part} » missing (or out of order) in the annex: {annex}"),
    }
}

fn assert_same_annex(file: &Path, fiche: bool) {
    let facts = facts(file);
    for format in if fiche { FICHE } else { PITCH } {
        let annex = annex(file, format);
        let mut at = 0;
        if fiche && !facts.missing.is_empty() {
            at = said_after(&annex, at, "Réponses obligatoires manquantes", format);
        }
        for id in &facts.missing {
            at = said_after(&annex, at, id, format);
        }
        if fiche && !facts.to_correct.is_empty() {
            at = said_after(&annex, at, "Réponses à corriger", format);
        }
        for (id, message) in &facts.to_correct {
            at = said_after(&annex, at, message, format);
            at = said_after(&annex, at, id, format);
        }
        if fiche && !facts.coach.is_empty() {
            at = said_after(&annex, at, "Points relevés par le coach de pitch", format);
        }
        for (id, rule, message) in &facts.coach {
            at = said_after(&annex, at, message, format);
            at = said_after(&annex, at, id, format);
            if fiche {
                at = said_after(&annex, at, &format!("règle {rule}"), format);
            }
        }
        at = said_after(&annex, at, &facts.score, format);
        match &facts.cap {
            Some(cap) => {
                said_after(&annex, at, &format!("{cap}."), format);
            }
            None => assert!(!annex.contains("Plafonné"), "{format}: {annex}"),
        }
        assert_eq!(
            annex.matches(&squash("Score de préparation")).count(),
            1,
            "{format}: {annex}"
        );
    }
}

/// The example draft: 3 answers in 43, two coach remarks, the score capped
/// at the completeness.
#[test]
fn a_drafts_annex_says_the_same_in_every_format() {
    let file = example("brouillon-incomplet.toml");
    let facts = facts(&file);
    assert!(facts.cap.is_some() && !facts.coach.is_empty());
    assert_same_annex(&file, true);
    assert_same_annex(&file, false);
}

/// A weak application one answer short of complete, with an answer out of
/// bounds: every part of the annex, a coach advice among the remarks, and
/// a score its deductions bring under the completeness (no cap line).
#[test]
fn a_weak_drafts_annex_says_the_same_in_every_format() {
    let (_dir, file) = edited_example(
        "candidature-faible.toml",
        &[
            ("pari", "pari_impact", toml::Value::String(String::new())),
            ("tco", "part_cofinancement", toml::Value::Integer(150)),
        ],
    );
    let facts = facts(&file);
    assert_eq!(facts.missing, ["pari.pari_impact"]);
    assert_eq!(facts.to_correct.len(), 1);
    assert!(facts.cap.is_none());
    assert_same_annex(&file, true);
    assert_same_annex(&file, false);
}
