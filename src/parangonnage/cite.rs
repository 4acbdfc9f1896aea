//! Citing initiatives in the application: the lines added to
//! `pertinence.solutions_existantes` (« - Nom (Administration) : ce que
//! nous en retenons : à compléter »), appended after what the user wrote,
//! never over it, never twice.

use super::rank::Initiative;

/// The question whose answer lists the initiatives looked at.
pub const ANSWER_ID: &str = "pertinence.solutions_existantes";
/// What the user still has to write after an initiative's name.
pub const LEARNT_PLACEHOLDER: &str = "ce que nous en retenons : à compléter";

/// What citing some initiatives does to an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The answer with the new lines (unchanged when nothing was added).
    pub text: String,
    /// The lines added, in order.
    pub added: Vec<String>,
    /// The names of the initiatives the answer already cited, left out.
    pub already: Vec<String>,
}

/// « - Nom (Administration) : ce que nous en retenons : à compléter ». The
/// contact is left out: the fiche is published, a person's address is not
/// for the public.
pub fn entry(initiative: &Initiative) -> String {
    let name = one_line(&initiative.name);
    let administration = one_line(&initiative.administration);
    if administration.is_empty() {
        format!("- {name} : {LEARNT_PLACEHOLDER}")
    } else {
        format!("- {name} ({administration}) : {LEARNT_PLACEHOLDER}")
    }
}

/// `existing` with a line for each initiative it does not cite yet (by
/// name): after a blank line, or right under the list when the answer ends
/// with one. What the user wrote is kept as it is.
pub fn cite(existing: &str, initiatives: &[&Initiative]) -> Citation {
    let mut text = existing.trim_end().to_string();
    let mut added = Vec::new();
    let mut already = Vec::new();
    for initiative in initiatives {
        let name = one_line(&initiative.name);
        if name.is_empty() {
            continue;
        }
        if cites(&text, &name) {
            if !already.contains(&name) {
                already.push(name);
            }
            continue;
        }
        let line = entry(initiative);
        let ends_with_list = text
            .lines()
            .last()
            .is_some_and(|l| l.trim_start().starts_with("- "));
        text.push_str(if text.is_empty() {
            ""
        } else if ends_with_list {
            "\n"
        } else {
            "\n\n"
        });
        text.push_str(&line);
        added.push(line);
    }
    if added.is_empty() {
        text = existing.to_string();
    }
    Citation {
        text,
        added,
        already,
    }
}

/// Whether `text` already has a list line citing `name`: « - name », then
/// the end of the line, « ( » or « : ».
fn cites(text: &str, name: &str) -> bool {
    text.lines().any(|line| {
        let Some(rest) = line.trim_start().strip_prefix("- ") else {
            return false;
        };
        let Some(after) = rest.trim_start().strip_prefix(name) else {
            return false;
        };
        let after = after.trim_start();
        after.is_empty() || after.starts_with('(') || after.starts_with(':')
    })
}

/// `text` from the export on one line, without the control and bidi
/// characters a spreadsheet cell may hide: the answer is published.
fn one_line(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|&c| c.is_whitespace() || !(c.is_control() || is_bidi_control(c)))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn initiative(name: &str, administration: &str, contact: &str) -> Initiative {
        Initiative {
            line: 2,
            name: name.to_string(),
            administration: administration.to_string(),
            description: String::new(),
            contact: contact.to_string(),
        }
    }

    #[test]
    fn entries_are_appended_after_what_the_user_wrote() {
        let a = initiative("Aiguilleur", "Préfecture de la Gironde", "a@b.fr");
        let b = initiative("Tri  du\ncourrier", "", "");
        let citation = cite("Nous avons parlé à la DGFiP.\n", &[&a, &b]);
        assert_eq!(
            citation.text,
            "Nous avons parlé à la DGFiP.\n\n\
             - Aiguilleur (Préfecture de la Gironde) : ce que nous en retenons : à compléter\n\
             - Tri du courrier : ce que nous en retenons : à compléter"
        );
        assert_eq!(citation.added.len(), 2);
        assert!(!citation.text.contains("a@b.fr"), "the contact stays out");
        // Citing again adds nothing and keeps what the user completed.
        let completed = citation.text.replace(
            "Aiguilleur (Préfecture de la Gironde) : ce que nous en retenons : à compléter",
            "Aiguilleur (Préfecture de la Gironde) : leur taxonomie des motifs",
        );
        let again = cite(&completed, &[&a, &b]);
        assert_eq!(again.text, completed);
        assert!(again.added.is_empty());
        assert_eq!(again.already, ["Aiguilleur", "Tri du courrier"]);
        // A later citation goes right under the list.
        let c = initiative("Cartes", "IGN", "");
        assert_eq!(
            cite(&completed, &[&c]).text,
            format!("{completed}\n- Cartes (IGN) : ce que nous en retenons : à compléter")
        );
    }

    #[test]
    fn an_empty_answer_gets_the_entries_alone() {
        let a = initiative("Aiguilleur", "Préfecture", "");
        assert_eq!(
            cite("", &[&a, &a]).text,
            "- Aiguilleur (Préfecture) : ce que nous en retenons : à compléter"
        );
    }

    #[test]
    fn a_longer_name_is_not_taken_for_a_citation_of_a_shorter_one() {
        let short = initiative("Tri du courrier", "DDFiP", "");
        let cited = "- Tri du courrier entrant (Préfecture) : leurs catégories";
        let citation = cite(cited, &[&short]);
        assert_eq!(citation.added.len(), 1, "{}", citation.text);
        assert!(cites(cited, "Tri du courrier entrant"));
        assert!(cites(
            "  -  Tri du courrier entrant",
            "Tri du courrier entrant"
        ));
        assert!(!cites("Tri du courrier entrant", "Tri du courrier entrant"));
    }

    #[test]
    fn control_and_bidi_characters_of_the_export_stay_out() {
        let a = initiative("Tri\u{1b}[2J des\u{202e} courriels", "Préfecture\u{7}", "");
        assert_eq!(
            entry(&a),
            "- Tri[2J des courriels (Préfecture) : ce que nous en retenons : à compléter"
        );
    }

    #[test]
    fn nothing_added_leaves_the_text_byte_for_byte() {
        let a = initiative("Aiguilleur", "", "");
        let text = "- Aiguilleur : oui\n\n";
        assert_eq!(cite(text, &[&a]).text, text);
    }
}
