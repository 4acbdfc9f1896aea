//! The questionnaire model: sections, questions, their types and limits.
//!
//! A `Form` is data loaded from `templates/<form>/form.toml`; nothing here
//! knows about one particular questionnaire.

use super::condition::Condition;
pub use super::raw::Text;

/// A whole questionnaire (e.g. the All_Ia_nce fiche action).
#[derive(Debug, Clone)]
pub struct Form {
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub description: Text,
    /// Where the finished document is sent (shown in the documents' footer).
    pub contact: Option<Text>,
    pub sections: Vec<Section>,
    /// Thresholds and word lists for the pitch coach, as written in the form file.
    pub coach: toml::Table,
    /// Ids renamed or removed by each form version, used to migrate old answers files.
    pub migrations: Vec<Migration>,
    /// File the form was read from (`<intégré>` for the built-in one).
    pub source: String,
    /// What the `when` conditions read (`section.question`, or a bare name),
    /// in order: all a condition context needs
    /// ([`crate::Answers::condition_context`]).
    pub condition_ids: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    /// Title in the wizard.
    pub title: Text,
    /// Heading in documents: the fiche model's own heading, verbatim
    /// (`document_title`, the wizard title when absent).
    pub document_title: Text,
    pub intro: Option<Text>,
    /// Not a section of the fiche model: documents say it is an addition.
    pub addition: bool,
    pub questions: Vec<Question>,
}

/// One question, or one field of a repeatable block.
#[derive(Debug, Clone)]
pub struct Question {
    /// Local id inside the section (`nom_produit`).
    pub id: String,
    /// What the wizard asks (`Slogan : la promesse en une phrase`).
    pub label: Text,
    /// What documents print before the answer (`Slogan`): a short noun
    /// phrase, never the question (`document_label`, the label when absent).
    pub document_label: Text,
    /// Sub-heading of the fiche model under which documents group this
    /// question with its neighbours (`Ressources nécessaires`).
    pub document_group: Option<Text>,
    /// A prompt of the fiche model: documents show it even unanswered,
    /// marked « non renseigné », so a reviewer sees what is missing.
    pub model_prompt: bool,
    pub help: Text,
    pub guidance: Option<Text>,
    pub kind: Kind,
    pub required: bool,
    /// Visibility condition; a hidden question is neither asked nor required.
    pub when: Option<Condition>,
    pub max_length: Option<usize>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub min_items: Option<usize>,
    pub default: Option<toml::Value>,
    /// Answer carried over to the next application (profile, `--from`).
    pub reusable: bool,
    pub placeholder: Option<Text>,
    pub choices: Vec<Choice>,
    /// Item fields of a `list` question.
    pub fields: Vec<Question>,
    /// Form version in which this question appeared or last changed meaning.
    pub since: u32,
    /// Line of the question in its form file (for error messages).
    pub line: usize,
}

/// The answer types of the answers-file contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Long,
    Int,
    Decimal,
    Euros,
    Percent,
    Email,
    Url,
    Bool,
    Choice,
    Multi,
    List,
}

impl Kind {
    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "text" => Kind::Text,
            "long" => Kind::Long,
            "int" => Kind::Int,
            "decimal" => Kind::Decimal,
            "euros" => Kind::Euros,
            "percent" => Kind::Percent,
            "email" => Kind::Email,
            "url" => Kind::Url,
            "bool" => Kind::Bool,
            "choice" => Kind::Choice,
            "multi" => Kind::Multi,
            "list" => Kind::List,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Long => "long",
            Kind::Int => "int",
            Kind::Decimal => "decimal",
            Kind::Euros => "euros",
            Kind::Percent => "percent",
            Kind::Email => "email",
            Kind::Url => "url",
            Kind::Bool => "bool",
            Kind::Choice => "choice",
            Kind::Multi => "multi",
            Kind::List => "list",
        }
    }

    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Kind::Int | Kind::Decimal | Kind::Euros | Kind::Percent
        )
    }

    /// What a user is asked to type, in French (used in error messages).
    pub fn expected_fr(self) -> &'static str {
        match self {
            Kind::Text | Kind::Long => "un texte",
            Kind::Int => "un nombre entier",
            Kind::Decimal => "un nombre",
            Kind::Euros => "un montant en euros (nombre positif)",
            Kind::Percent => "un pourcentage entre 0 et 100",
            Kind::Email => "une adresse e-mail",
            Kind::Url => "une adresse web (https://…)",
            Kind::Bool => "oui ou non (true / false)",
            Kind::Choice => "une des valeurs proposées",
            Kind::Multi => "une liste de valeurs proposées",
            Kind::List => "une liste d’éléments",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub key: String,
    pub label: Text,
    /// Ticked alone in a multi-choice (« Aucun pour l'instant »): ticking it
    /// clears the others, ticking another clears it.
    pub exclusive: bool,
}

/// What a form version changed, so older answers files can be brought up to date.
#[derive(Debug, Clone)]
pub struct Migration {
    /// The version this migration leads to.
    pub version: u32,
    /// `(old full id, new full id)`.
    pub renamed: Vec<(String, String)>,
    /// Full ids no longer asked; old answers are kept aside, never dropped.
    pub removed: Vec<String>,
}

impl Form {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Looks up `section.question`.
    pub fn question(&self, full_id: &str) -> Option<(&Section, &Question)> {
        let (s, q) = crate::ids::QuestionId::split(full_id)?;
        let section = self.section(s)?;
        let question = section.questions.iter().find(|x| x.id == q)?;
        Some((section, question))
    }

    /// The questions `question`'s condition reads, as users see them:
    /// « label » (section.question), or the bare id when the form has no such
    /// question. Empty when it is always asked.
    pub fn depends_on(&self, question: &Question) -> Vec<String> {
        let Some(condition) = &question.when else {
            return Vec::new();
        };
        condition
            .referenced_ids()
            .iter()
            .map(|id| match self.question(id) {
                Some((_, dep)) => format!("« {} » ({id})", dep.label),
                None => id.clone(),
            })
            .collect()
    }

    /// Every `(section, question)` pair in form order.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }
}

impl Section {
    /// The full id of one of its questions: `section.question`, the id
    /// answers files and findings use.
    pub fn full_id(&self, question: &Question) -> String {
        format!("{}.{}", self.id, question.id)
    }
}

impl Question {
    /// The example the form gives for this question, without its « ex. : »
    /// lead (`placeholder = "ex. : 300"` → `300`); `None` without one.
    pub fn example(&self) -> Option<&str> {
        self.placeholder
            .as_deref()
            .map(|p| {
                p.trim_start_matches("ex. :")
                    .trim_start_matches("ex.")
                    .trim()
            })
            .filter(|p| !p.is_empty())
    }

    pub fn choice_label(&self, key: &str) -> Option<&str> {
        self.choices
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.label.as_ref())
    }

    pub fn field(&self, id: &str) -> Option<&Question> {
        self.fields.iter().find(|f| f.id == id)
    }
}
