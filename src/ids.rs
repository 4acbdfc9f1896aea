//! Ids with a type, parsed once where they come in: a question's full id, a
//! finding's rule and what a finding points at (a question, or one field of
//! one item of a list question). Their text forms are the public ones (`fiche check
//! --format json`, `:aller`), so they read and write exactly as before.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::Serialize;

/// A question's full id, `section.question`: how answers files, findings
/// and `fiche set` name a question (a public format).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId {
    pub section: String,
    pub question: String,
}

impl QuestionId {
    pub fn new(section: &str, question: &str) -> QuestionId {
        QuestionId {
            section: section.to_string(),
            question: question.to_string(),
        }
    }

    /// Reads `section.question`; `None` without a dot.
    pub fn parse(text: &str) -> Option<QuestionId> {
        let (section, question) = QuestionId::split(text)?;
        Some(QuestionId::new(section, question))
    }

    /// The two parts of `section.question` without copying them: the one
    /// place a full id is cut.
    pub fn split(text: &str) -> Option<(&str, &str)> {
        text.split_once('.')
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.question)
    }
}

/// The stable id of the rule behind a finding (`reponse-manquante`,
/// `irritant-sans-chiffres`…). Reads as a `str`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Rule(Cow<'static, str>);

impl Rule {
    /// A required answer is missing.
    pub const MISSING: Rule = Rule::known("reponse-manquante");
    pub const META_INVALID: Rule = Rule::known("meta-invalide");
    pub const OLD_ANSWERS: Rule = Rule::known("anciennes-reponses");
    pub const UNKNOWN_SECTION: Rule = Rule::known("section-inconnue");
    pub const MALFORMED_SECTION: Rule = Rule::known("section-mal-formee");
    pub const UNKNOWN_QUESTION: Rule = Rule::known("question-inconnue");
    /// An answer to a question that other answers make irrelevant.
    pub const HIDDEN_ANSWER: Rule = Rule::known("reponse-hors-sujet");

    const fn known(id: &'static str) -> Rule {
        Rule(Cow::Borrowed(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Rule {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Rule {
    fn from(id: &str) -> Rule {
        Rule(Cow::Owned(id.to_string()))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a finding points at: `section.question`, or inside a list
/// `section.liste[2].champ` (item numbers start at 1, as users read them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingPath {
    /// The full id of the question (`donnees.sources`).
    pub question: String,
    /// The item, numbered from 1, inside a list question.
    pub item: Option<usize>,
    /// The field of that item (`nom`).
    pub field: Option<String>,
}

impl FindingPath {
    /// Reads `section.question`, `section.liste[2]` or
    /// `section.liste[2].champ`; a section id alone stays as it is.
    pub fn parse(id: &str) -> FindingPath {
        let (question, rest) = match id.find('[') {
            Some(i) => (&id[..i], Some(&id[i + 1..])),
            None => (id, None),
        };
        let mut path = FindingPath {
            question: question.to_string(),
            item: None,
            field: None,
        };
        if let Some((n, after)) = rest.and_then(|r| r.split_once(']')) {
            path.item = n.trim().parse().ok();
            path.field = after
                .strip_prefix('.')
                .filter(|f| !f.is_empty())
                .map(str::to_string);
        }
        path
    }

    /// The section id (`donnees`).
    pub fn section(&self) -> &str {
        self.question.split('.').next().unwrap_or_default()
    }
}

/// Back to the text form it was read from.
impl fmt::Display for FindingPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.question)?;
        if let Some(n) = self.item {
            write!(f, "[{n}]")?;
        }
        if let Some(field) = &self.field {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_path_reads_list_items_and_fields() {
        let p = FindingPath::parse("donnees.sources[2].nom");
        assert_eq!(p.question, "donnees.sources");
        assert_eq!(p.item, Some(2));
        assert_eq!(p.field.as_deref(), Some("nom"));
        assert_eq!(p.section(), "donnees");
        assert_eq!(p.to_string(), "donnees.sources[2].nom");
        let q = FindingPath::parse("identite.nom_produit");
        assert_eq!((q.item, q.field.as_deref()), (None, None));
        assert_eq!(q.to_string(), "identite.nom_produit");
        assert_eq!(FindingPath::parse("budget.lignes[3]").item, Some(3));
        assert_eq!(FindingPath::parse("x.y[abc]").item, None);
    }

    #[test]
    fn a_question_id_reads_and_writes_section_dot_question() {
        let id = QuestionId::parse("volume.nb_agents").unwrap();
        assert_eq!(id, QuestionId::new("volume", "nb_agents"));
        assert_eq!(id.to_string(), "volume.nb_agents");
        assert_eq!(QuestionId::parse("volume"), None);
    }

    #[test]
    fn a_rule_reads_and_serialises_as_its_id() {
        assert_eq!(&*Rule::MISSING, "reponse-manquante");
        assert_eq!(Rule::from("reponse-manquante"), Rule::MISSING);
        assert_eq!(
            serde_json::to_string(&Rule::MISSING).unwrap(),
            "\"reponse-manquante\""
        );
    }
}
