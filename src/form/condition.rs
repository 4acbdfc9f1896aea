//! `when` conditions: whether a question is shown, from the other answers.
//!
//! A condition is a Jinja expression over full ids, e.g.
//! `solution.role_ia != 'assiste'` or `'autre' in probleme.irritants`.
//! It is compiled once when the form is loaded, so a typo is reported then.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use minijinja::{Environment, Expression};

/// Chainable: `solution.role_ia` on a file without a `[solution]` table is
/// simply undefined (unanswered), not an error.
static CONDITION_ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
    env
});

#[derive(Clone)]
pub struct Condition {
    source: String,
    expression: std::sync::Arc<Expression<'static, 'static>>,
}

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Condition({:?})", self.source)
    }
}

impl Condition {
    /// Compiles `source`; the error text is minijinja's (the caller adds where).
    pub fn parse(source: &str) -> Result<Condition, String> {
        let expression = CONDITION_ENV
            .compile_expression_owned(source.to_string())
            .map_err(|e| e.to_string())?;
        Ok(Condition {
            source: source.to_string(),
            expression: std::sync::Arc::new(expression),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The full ids (`section.question`) the condition reads.
    pub fn referenced_ids(&self) -> BTreeSet<String> {
        self.expression
            .undeclared_variables(true)
            .into_iter()
            .collect()
    }

    /// Evaluates against the answers (a map section → question → value).
    /// A condition that cannot be evaluated counts as false: the question stays
    /// hidden rather than the program failing on a half-filled draft.
    pub fn holds(&self, answers: &minijinja::Value) -> bool {
        self.expression
            .eval(answers.clone())
            .map(|v| v.is_true())
            .unwrap_or(false)
    }
}
