//! What to look for: the words of an application's problem, solution, data
//! and public, or a few words typed by the user.

use crate::answers::Answers;

/// The answers whose words describe what the application is about. Figures,
/// budget and legal answers say little about what the product does;
/// `pertinence.solutions_existantes` is left out so that initiatives already
/// cited do not push themselves up.
pub const QUERY_FIELDS: &[&str] = &[
    "identite.nom_produit",
    "identite.slogan",
    "probleme.description",
    "probleme.public_concerne",
    "volume.unite_operation",
    "solution.approche",
    "solution.singularite",
    "solution.transformation",
    "donnees.sources",
];

/// In a list answer (data sources), the fields worth searching.
const LIST_FIELDS: &[&str] = &["nom", "producteur"];

/// The text searched for, and how to name it to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// « Assistant SRDT », or the words typed.
    pub title: String,
    text: String,
}

impl Query {
    /// A search for the words typed by the user.
    pub fn from_words(words: &str) -> Query {
        let words = words.trim();
        Query {
            title: words.to_string(),
            text: words.to_string(),
        }
    }

    /// A search for what `answers` is about (see [`QUERY_FIELDS`]).
    pub fn from_answers(answers: &Answers) -> Query {
        let mut text = String::new();
        for id in QUERY_FIELDS {
            if let Some(value) = answers.get(id) {
                push_value(&mut text, &value);
            }
        }
        let title = match answers.get("identite.nom_produit") {
            Some(toml::Value::String(name)) if !name.trim().is_empty() => name.trim().to_string(),
            _ => "votre candidature".to_string(),
        };
        Query { title, text }
    }

    /// Everything searched for, as one text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Nothing to search for (an empty application, blank words).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

fn push_value(text: &mut String, value: &toml::Value) {
    match value {
        // Choice keys such as `agents_et_usagers` read as words.
        toml::Value::String(s) => {
            text.push_str(&s.replace('_', " "));
            text.push('\n');
        }
        toml::Value::Array(items) => items.iter().for_each(|item| push_value(text, item)),
        toml::Value::Table(fields) => LIST_FIELDS
            .iter()
            .filter_map(|f| fields.get(*f))
            .for_each(|v| push_value(text, v)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_application_is_searched_by_its_problem_solution_data_and_public() {
        let answers = Answers::parse(
            r#"
[identite]
nom_produit = "Trieur"
chef_produit_email = "a@b.fr"
[probleme]
description = "Les courriels s'accumulent."
public_concerne = "agents_et_usagers"
[pertinence]
solutions_existantes = "Gironde"
[[donnees.sources]]
nom = "Archives des courriels"
nature = "documents"
"#,
            "t.toml",
        )
        .unwrap();
        let query = Query::from_answers(&answers);
        assert_eq!(query.title, "Trieur");
        assert_eq!(
            query.text(),
            "Trieur\nLes courriels s'accumulent.\nagents et usagers\nArchives des courriels\n"
        );
    }

    #[test]
    fn words_are_searched_as_typed() {
        let query = Query::from_words("  tri de courriels ");
        assert_eq!(
            (query.title.as_str(), query.text()),
            ("tri de courriels", "tri de courriels")
        );
        assert!(Query::from_words("  ").is_empty());
    }
}
