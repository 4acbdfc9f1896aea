//! The shapes of `when` condition forms actually use, read and evaluated
//! without the template engine: `section.question == true`,
//! `section.question != 'assiste'`, `section.question in ['a', 'b']`,
//! `'autre' in section.question`, joined by `and`, `or` and `not`.
//!
//! Compiling a Jinja expression costs every start about 30 000 instructions
//! and 10 kB of memory per condition, for a few comparisons. A condition of
//! these shapes is parsed here instead, and evaluated with minijinja's own
//! value operations (`==`, truthiness), so it means exactly what the same
//! text means to minijinja; anything else (parentheses, filters, `is`,
//! arithmetic, escapes in strings, non-ASCII names…) is left to minijinja
//! ([`parse`] returns `None`). The tests compare both on every shape and
//! every kind of answer.

use minijinja::Value;
use minijinja::value::ObjectRepr;

/// A condition: `and` groups joined by `or` (Jinja's precedence: `not`
/// binds tighter than `and`, which binds tighter than `or`).
#[derive(Debug)]
pub(super) struct Simple {
    any: Vec<Vec<Test>>,
}

/// One comparison, or a value read for its truthiness, possibly negated.
#[derive(Debug)]
enum Test {
    Not(Box<Test>),
    Truthy(Operand),
    Equal(Operand, Operand),
    NotEqual(Operand, Operand),
    /// `needle in haystack`.
    In(Operand, Operand),
}

#[derive(Debug)]
enum Operand {
    /// `section.question`.
    Answer(String, String),
    /// A string, a whole number, a boolean or a list of them.
    Literal(Value),
}

/// The evaluation failed (`in` over a number): minijinja fails the whole
/// condition, which then counts as false.
struct Failed;

impl Simple {
    /// The full ids the condition reads, as minijinja's
    /// `undeclared_variables(true)` gives them.
    pub fn referenced_ids(&self) -> impl Iterator<Item = String> + '_ {
        self.any
            .iter()
            .flatten()
            .flat_map(Test::operands)
            .filter_map(|operand| match operand {
                Operand::Answer(section, question) => Some(format!("{section}.{question}")),
                Operand::Literal(_) => None,
            })
    }

    /// Whether the condition holds over `answers` (section → question →
    /// value). A failed evaluation counts as false, as for minijinja's.
    pub fn holds(&self, answers: &Value) -> bool {
        self.evaluate(answers).unwrap_or(false)
    }

    fn evaluate(&self, answers: &Value) -> Result<bool, Failed> {
        for all in &self.any {
            if all_hold(all, answers)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// `a and b and …`, stopping at the first false test (a later test is not
/// evaluated, so it cannot fail).
fn all_hold(tests: &[Test], answers: &Value) -> Result<bool, Failed> {
    for test in tests {
        if !test.holds(answers)? {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Test {
    fn holds(&self, answers: &Value) -> Result<bool, Failed> {
        Ok(match self {
            Test::Not(test) => !test.holds(answers)?,
            Test::Truthy(a) => a.value(answers).is_true(),
            Test::Equal(a, b) => a.value(answers) == b.value(answers),
            Test::NotEqual(a, b) => a.value(answers) != b.value(answers),
            Test::In(needle, haystack) => {
                contains(&haystack.value(answers), &needle.value(answers))?
            }
        })
    }

    fn operands(&self) -> Vec<&Operand> {
        match self {
            Test::Not(test) => test.operands(),
            Test::Truthy(a) => vec![a],
            Test::Equal(a, b) | Test::NotEqual(a, b) | Test::In(a, b) => vec![a, b],
        }
    }
}

impl Operand {
    /// The operand's value; an answer missing (or read through something
    /// that is not a table) is undefined, as with minijinja's chainable
    /// undefined.
    fn value(&self, answers: &Value) -> Value {
        match self {
            Operand::Literal(value) => value.clone(),
            Operand::Answer(section, question) => {
                let section = attribute(answers, section);
                attribute(&section, question)
            }
        }
    }
}

/// `value.name`, undefined when absent (minijinja's attribute lookup).
fn attribute(value: &Value, name: &str) -> Value {
    if value.is_undefined() {
        return Value::UNDEFINED;
    }
    value.get_attr(name).unwrap_or(Value::UNDEFINED)
}

/// `needle in haystack`, as minijinja's `in`: false in an undefined
/// haystack, a substring in a string, a key in a table, an item in a list,
/// and a failure for anything else (a number, a boolean).
fn contains(haystack: &Value, needle: &Value) -> Result<bool, Failed> {
    if haystack.is_undefined() {
        return Ok(false);
    }
    if let Some(text) = haystack.as_str() {
        return Ok(match needle.as_str() {
            Some(needle) => text.contains(needle),
            None => text.contains(&needle.to_string()),
        });
    }
    let Some(object) = haystack.as_object() else {
        return Err(Failed);
    };
    Ok(match object.repr() {
        ObjectRepr::Map => object.get_value(needle).is_some(),
        ObjectRepr::Seq | ObjectRepr::Iterable => object
            .try_iter()
            .is_some_and(|mut items| items.any(|item| item == *needle)),
        _ => false,
    })
}

/// Reads `source` if it has one of the shapes above, `None` otherwise (the
/// caller then compiles it with minijinja, which also reports typos).
pub(super) fn parse(source: &str) -> Option<Simple> {
    let tokens = tokens(source)?;
    let mut parser = Parser { tokens, at: 0 };
    let simple = parser.or()?;
    (parser.at == parser.tokens.len()).then_some(simple)
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Name(&'a str),
    Text(&'a str),
    Number(i64),
    Dot,
    Comma,
    Open,
    Close,
    Equal,
    NotEqual,
}

/// Words Jinja reads as operators or constants: never an answer's name here.
const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "if", "else", "true", "false", "none", "True", "False", "None",
];

/// The tokens of `source`, or `None` at the first character outside the
/// shapes handled here.
fn tokens(source: &str) -> Option<Vec<Token<'_>>> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let token = match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'.' => Token::Dot,
            b',' => Token::Comma,
            b'[' => Token::Open,
            b']' => Token::Close,
            b'=' if bytes.get(i + 1) == Some(&b'=') => {
                i += 1;
                Token::Equal
            }
            b'!' if bytes.get(i + 1) == Some(&b'=') => {
                i += 1;
                Token::NotEqual
            }
            quote @ (b'\'' | b'"') => {
                let len = bytes[i + 1..].iter().position(|&b| b == quote)?;
                let text = &source[i + 1..i + 1 + len];
                if text.contains('\\') {
                    return None;
                }
                i += len + 1;
                Token::Text(text)
            }
            b'0'..=b'9' => {
                while bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                let digits = &source[start..=i];
                // `1.5`, `1e3`, `1_000`, `0x10`, `007`: minijinja's.
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next == b'.' || next == b'_' || next.is_ascii_alphanumeric() {
                    return None;
                }
                if digits.len() > 1 && digits.starts_with('0') {
                    return None;
                }
                Token::Number(digits.parse().ok()?)
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while bytes
                    .get(i + 1)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    i += 1;
                }
                // A name running into a non-ASCII letter is minijinja's.
                if bytes.get(i + 1).is_some_and(|&b| !b.is_ascii()) {
                    return None;
                }
                Token::Name(&source[start..=i])
            }
            _ => return None,
        };
        tokens.push(token);
        i += 1;
    }
    Some(tokens)
}

struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&Token<'a>> {
        self.tokens.get(self.at)
    }

    fn peek_word(&self, word: &str) -> bool {
        self.peek() == Some(&Token::Name(word))
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn or(&mut self) -> Option<Simple> {
        let mut any = vec![self.and()?];
        while self.peek_word("or") {
            self.at += 1;
            any.push(self.and()?);
        }
        Some(Simple { any })
    }

    fn and(&mut self) -> Option<Vec<Test>> {
        let mut all = vec![self.not()?];
        while self.peek_word("and") {
            self.at += 1;
            all.push(self.not()?);
        }
        Some(all)
    }

    fn not(&mut self) -> Option<Test> {
        if self.peek_word("not") {
            self.at += 1;
            return Some(Test::Not(Box::new(self.not()?)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Option<Test> {
        let left = self.operand()?;
        let test = match self.peek() {
            Some(Token::Equal) => {
                self.at += 1;
                Test::Equal(left, self.operand()?)
            }
            Some(Token::NotEqual) => {
                self.at += 1;
                Test::NotEqual(left, self.operand()?)
            }
            Some(Token::Name("in")) => {
                self.at += 1;
                Test::In(left, self.operand()?)
            }
            Some(Token::Name("not"))
                if self.tokens.get(self.at + 1) == Some(&Token::Name("in")) =>
            {
                self.at += 2;
                Test::Not(Box::new(Test::In(left, self.operand()?)))
            }
            _ => Test::Truthy(left),
        };
        // `a == b == c` chains comparisons in Jinja: minijinja's.
        match self.peek() {
            Some(Token::Equal | Token::NotEqual | Token::Name("in")) => None,
            _ => Some(test),
        }
    }

    fn operand(&mut self) -> Option<Operand> {
        if self.peek() == Some(&Token::Open) {
            self.at += 1;
            let mut items = Vec::new();
            if self.peek() == Some(&Token::Close) {
                self.at += 1;
            } else {
                loop {
                    items.push(self.literal()?);
                    match self.next()? {
                        Token::Comma => continue,
                        Token::Close => break,
                        _ => return None,
                    }
                }
            }
            return Some(Operand::Literal(Value::from(items)));
        }
        if let Some(Token::Name(section)) = self.peek().cloned()
            && !KEYWORDS.contains(&section)
        {
            self.at += 1;
            if self.next()? != Token::Dot {
                return None;
            }
            let Token::Name(question) = self.next()? else {
                return None;
            };
            if KEYWORDS.contains(&question) || self.peek() == Some(&Token::Dot) {
                return None;
            }
            return Some(Operand::Answer(section.to_string(), question.to_string()));
        }
        self.literal().map(Operand::Literal)
    }

    fn literal(&mut self) -> Option<Value> {
        Some(match self.next()? {
            Token::Text(text) => Value::from(text),
            Token::Number(n) => Value::from(n),
            Token::Name("true" | "True") => Value::from(true),
            Token::Name("false" | "False") => Value::from(false),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use minijinja::Value;
    use minijinja::value::Serde;

    use super::super::{compile, jinja_holds};
    use super::parse;

    /// Conditions of every shape handled here, over `s.q` and `s.r`.
    const SHAPES: &[&str] = &[
        "s.q in ['a', 'autre'] and s.r in ['oui', 'a']",
        "s.q",
        "not s.q",
        "not not s.q",
        "s.q == true",
        "s.q == True",
        "s.q != false",
        "s.q == 'oui'",
        "s.q == \"oui\"",
        "s.q != 'assiste'",
        "s.q == ''",
        "s.q == 0",
        "s.q == 1",
        "s.q != 5",
        "'autre' in s.q",
        "'au' in s.q",
        "1 in s.q",
        "true in s.q",
        "s.q in ['a', 'autre', 1]",
        "s.q in []",
        "s.q in s.r",
        "s.q not in ['a', 'b']",
        "'autre' not in s.q",
        "not s.q in ['a']",
        "s.q == s.r",
        "s.q != s.r",
        "s.q and s.r",
        "s.q or s.r",
        "s.q or s.r and not s.q",
        "s.q == 'a' or s.r == 'b' and s.q != 'c'",
        "s.q in 5 or s.r",
        "s.r or s.q in 5",
        "s.r and s.q in 5",
        "autre.q == 1 or s.q == 1",
        "range.q == 1",
        "s.q==1",
        "s.q\n  and s.r",
        "['a'] == s.q",
        "1 == 1",
        "'x'",
    ];

    /// Answers of every kind a file can hold, for `s.q` and `s.r`.
    fn answers() -> Vec<Value> {
        let values: Vec<toml::Value> = [
            "'oui'",
            "'a'",
            "'autre'",
            "'auteur'",
            "''",
            "'assiste'",
            "'1'",
            "'true'",
            "0",
            "1",
            "5",
            "1.0",
            "0.5",
            "true",
            "false",
            "['autre', 'x']",
            "['a']",
            "[]",
            "[1, 2]",
            "[true]",
            "{ autre = 1 }",
            "{}",
            "1979-05-27",
        ]
        .iter()
        .map(|v| toml::from_str::<toml::Table>(&format!("v = {v}")).unwrap()["v"].clone())
        .collect();
        let mut all = vec![
            Value::from(Serde(toml::Table::new())),
            Value::from(Serde(toml::from_str::<toml::Table>("s = 'texte'").unwrap())),
            Value::from(Serde(toml::from_str::<toml::Table>("[s]").unwrap())),
        ];
        for q in &values {
            for r in [None, Some(q), values.first()] {
                let mut section = toml::Table::new();
                section.insert("q".into(), q.clone());
                if let Some(r) = r {
                    section.insert("r".into(), r.clone());
                }
                let mut file = toml::Table::new();
                file.insert("s".into(), toml::Value::Table(section));
                all.push(Value::from(Serde(file)));
            }
        }
        all
    }

    #[test]
    fn every_shape_means_what_it_means_to_minijinja() {
        let answers = answers();
        for source in SHAPES {
            let simple = parse(source).unwrap_or_else(|| panic!("not read here: {source}"));
            let jinja = compile(source).unwrap_or_else(|e| panic!("{source}: {e}"));
            let ids: std::collections::BTreeSet<String> = simple.referenced_ids().collect();
            let jinja_ids = jinja.undeclared_variables(true).into_iter().collect();
            assert_eq!(ids, jinja_ids, "{source}");
            for a in &answers {
                assert_eq!(
                    simple.holds(a),
                    jinja_holds(&jinja, a),
                    "{source} over {a:?}"
                );
            }
        }
    }

    #[test]
    fn the_shapes_do_not_all_give_the_same_answer() {
        // The comparison above would pass for a reader that always says
        // false: each shape must hold over some answers and not others,
        // but for constants and for `in` over a number, which fails the
        // whole condition wherever it is evaluated, and for `range` (a
        // minijinja function when no section has that name), never answered.
        let answers = answers();
        let constant = [
            "1 == 1",
            "'x'",
            "s.q in []",
            "s.q in 5 or s.r",
            "s.r and s.q in 5",
            "range.q == 1",
        ];
        for source in SHAPES.iter().filter(|s| !constant.contains(s)) {
            let simple = parse(source).unwrap();
            let results: std::collections::BTreeSet<bool> =
                answers.iter().map(|a| simple.holds(a)).collect();
            assert_eq!(results.len(), 2, "{source} always gives {results:?}");
        }
    }

    /// The built-in form's conditions need no compiling at start.
    #[test]
    fn the_built_in_conditions_are_all_read_here() {
        let form = crate::form::builtin();
        let conditions: Vec<&str> = form
            .questions()
            .flat_map(|(_, q)| std::iter::once(q).chain(&q.fields))
            .filter_map(|q| q.when.as_ref())
            .map(|c| c.source())
            .collect();
        assert!(conditions.len() >= 6, "{conditions:?}");
        for source in conditions {
            assert!(parse(source).is_some(), "{source}");
        }
    }

    #[test]
    fn other_shapes_are_left_to_minijinja() {
        for source in [
            "(s.q)",
            "s.q is defined",
            "s.q | length > 0",
            "s.q > 1",
            "s.q == 'l\\'autre'",
            "s.q.r == 1",
            "s.q[0] == 'a'",
            "s == 1",
            "s.q == 1.5",
            "s.q == -1",
            "s.q == 1_000",
            "s.q == 007",
            "s.q == none",
            "s.q == 'a' == 'a'",
            "s.q in ['a',]",
            "s.é == 1",
            "é.q == 1",
            "none.q == 1",
            "s.and == 1",
            "s.q ~ 'x'",
            "s.q + 1",
            // Typos: minijinja reports them.
            "s.q ==",
            "s.q = 'x'",
            "s.q == 'x",
            "s.q in ['a'",
            "s.q s.r",
            "and s.q",
            "",
        ] {
            assert!(parse(source).is_none(), "read here: {source}");
        }
    }

    #[test]
    fn typos_are_still_reported_when_the_form_is_read() {
        for source in ["s.q ==", "s.q = 'x'", "s.q == 'x", "s.q in ['a'", "s.q s.r"] {
            assert!(super::super::Condition::parse(source).is_err(), "{source}");
        }
    }
}
