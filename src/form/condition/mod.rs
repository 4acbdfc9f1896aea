//! `when` conditions: whether a question is shown, from the other answers.
//!
//! A condition is a Jinja expression over full ids, e.g.
//! `solution.role_ia != 'assiste'` or `'autre' in probleme.irritants`.
//! It is read once when the form is loaded, so a typo is reported then:
//! the usual shapes by [`simple`], anything else compiled by minijinja.

mod simple;

use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

use minijinja::{Environment, Expression};

use crate::limits::{MAX_CONDITION_CHARS, MAX_CONDITION_DEPTH};

/// Operators of a condition (`and`, `or`, `not`, comparisons…): each one
/// nests the expression tree one level deeper.
const MAX_CONDITION_OPERATORS: usize = 64;

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
    reader: Reader,
}

/// How a condition is evaluated: both mean the same (see [`simple`]).
#[derive(Clone)]
enum Reader {
    Simple(Arc<simple::Simple>),
    Jinja(Arc<Expression<'static, 'static>>),
}

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Condition({:?})", self.source)
    }
}

impl Condition {
    /// Compiles `source`; the error text is minijinja's (the caller adds where).
    /// A condition beyond the size limits is refused before compiling: the
    /// parser and the evaluator recurse, and 20 000 `or` would overflow the
    /// stack.
    pub fn parse(source: &str) -> Result<Condition, String> {
        check_size(source)?;
        let reader = match simple::parse(source) {
            Some(simple) => Reader::Simple(Arc::new(simple)),
            None => Reader::Jinja(Arc::new(compile(source)?)),
        };
        Ok(Condition {
            source: source.to_string(),
            reader,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The full ids (`section.question`) the condition reads.
    pub fn referenced_ids(&self) -> BTreeSet<String> {
        match &self.reader {
            Reader::Simple(simple) => simple.referenced_ids().collect(),
            Reader::Jinja(expression) => {
                expression.undeclared_variables(true).into_iter().collect()
            }
        }
    }

    /// Evaluates against the answers (a map section → question → value).
    /// A condition that cannot be evaluated counts as false: the question stays
    /// hidden rather than the program failing on a half-filled draft.
    pub fn holds(&self, answers: &minijinja::Value) -> bool {
        match &self.reader {
            Reader::Simple(simple) => simple.holds(answers),
            Reader::Jinja(expression) => jinja_holds(expression, answers),
        }
    }
}

fn compile(source: &str) -> Result<Expression<'static, 'static>, String> {
    CONDITION_ENV
        .compile_expression_owned(source.to_string())
        .map_err(|e| match (e.kind(), e.detail()) {
            // minijinja's detail is its own (« unexpected end of input »);
            // the lead is French, as for a document template's error.
            (minijinja::ErrorKind::SyntaxError, Some(detail)) => {
                format!("erreur de syntaxe ({detail})")
            }
            _ => e.to_string(),
        })
}

fn jinja_holds(expression: &Expression<'_, '_>, answers: &minijinja::Value) -> bool {
    expression
        .eval(answers.clone())
        .map(|v| v.is_true())
        .unwrap_or(false)
}

/// Refuses a condition too long, too nested (parentheses, brackets) or with
/// too many operators, with the limit in the message.
fn check_size(source: &str) -> Result<(), String> {
    let chars = source.chars().count();
    if chars > MAX_CONDITION_CHARS {
        return Err(format!(
            "condition trop longue ({} caractères, {} au plus) : simplifiez-la ou découpez la question",
            crate::limits::count_fr(chars),
            crate::limits::count_fr(MAX_CONDITION_CHARS)
        ));
    }
    let (mut depth, mut max_depth, mut operators) = (0usize, 0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut word = String::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            match c {
                '\\' => {
                    chars.next();
                }
                c if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        operators += usize::from(is_word_operator(&word));
        word.clear();
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '=' | '!' | '<' | '>' | '+' | '-' | '*' | '/' | '%' | '~' | '|' => {
                // `==`, `!=`, `<=`, `//`, `**` count once.
                if chars.peek().is_some_and(|n| "=/*".contains(*n)) {
                    chars.next();
                }
                operators += 1;
            }
            _ => {}
        }
    }
    operators += usize::from(is_word_operator(&word));
    if max_depth > MAX_CONDITION_DEPTH {
        return Err(format!(
            "condition trop imbriquée ({max_depth} niveaux de parenthèses, {MAX_CONDITION_DEPTH} au plus) : simplifiez-la"
        ));
    }
    if operators > MAX_CONDITION_OPERATORS {
        return Err(format!(
            "condition trop complexe ({operators} opérateurs, {MAX_CONDITION_OPERATORS} au plus) : simplifiez-la ou découpez la question"
        ));
    }
    Ok(())
}

fn is_word_operator(word: &str) -> bool {
    matches!(word, "and" | "or" | "not" | "in" | "is")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_condition_at_the_limits_compiles_and_evaluates() {
        let terms: Vec<String> = (0..MAX_CONDITION_OPERATORS / 2)
            .map(|i| format!("s.q == {i}"))
            .collect();
        let source = terms.join(" or ");
        assert!(source.chars().count() < MAX_CONDITION_CHARS);
        let c = Condition::parse(&source).unwrap_or_else(|e| panic!("{e}"));
        assert!(!c.holds(&minijinja::Value::from(())));
        let nested = format!(
            "{}s.q{}",
            "(".repeat(MAX_CONDITION_DEPTH),
            ")".repeat(MAX_CONDITION_DEPTH)
        );
        assert!(Condition::parse(&nested).is_ok());
    }

    #[test]
    fn huge_conditions_are_refused_before_compiling() {
        let or_chain = vec!["s.q"; 20_000].join(" or ");
        let e = Condition::parse(&or_chain).unwrap_err();
        assert!(
            e.starts_with("condition trop longue (139\u{a0}996 caractères, 2\u{a0}000 au plus)"),
            "{e}"
        );
        let nots = format!("{}s.q", "not ".repeat(100));
        let e = Condition::parse(&nots).unwrap_err();
        assert!(
            e.starts_with("condition trop complexe (100 opérateurs, 64 au plus)"),
            "{e}"
        );
        let parens = format!("{}s.q{}", "(".repeat(33), ")".repeat(33));
        let e = Condition::parse(&parens).unwrap_err();
        assert!(e.starts_with("condition trop imbriquée (33 niveaux"), "{e}");
        let e = Condition::parse(&format!("{}s.q", "-".repeat(65))).unwrap_err();
        assert!(e.contains("opérateurs"), "{e}");
    }

    #[test]
    fn operators_inside_strings_do_not_count() {
        let source = format!("s.q == '{}'", "or (".repeat(100));
        assert!(Condition::parse(&source).is_ok());
    }
}
