//! The layout-free TOML reader of answers files, for reading only (not to
//! be confused with `crate::plain`, the accessible mode): plain values
//! (`toml::Value`) from
//! the `toml` crate's parser, which keeps no layout (comments, spacing) and
//! is about twice as cheap as `toml_edit`'s, and the few byte offsets that
//! error messages turn into lines, turned into positions only when a
//! message asks for one.
//!
//! Files written as `fiche` writes them are read by [`fast`], a reader of
//! that shape of TOML only, which hands anything else to the `toml` crate.
//!
//! Everything here says exactly what [`super::Answers::parse`] says of the
//! same text: the same values in the same order, the same positions. Where
//! that cannot be promised cheaply, [`read`] returns `None` and the caller
//! takes the layout-keeping parser: a text that does not parse (its error
//! must be worded as today), an over-long answer, an integer or a float out
//! of range, a table reopened by a later `[header]` (the two parsers order
//! its keys differently).

mod fast;
mod places;

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use toml::de::{DeArray, DeTable, DeValue};

use crate::limits::MAX_ANSWER_CHARS;
use crate::position::{LineIndex, Position, line_starts};
use places::{Below, ItemSpans, KeySpans, Keys};

/// One file's answers as plain values.
#[derive(Debug, Clone)]
pub(crate) struct TomlValues {
    /// The text as parsed (without its byte order mark when read from disk).
    pub text: String,
    pub values: toml::Table,
    /// Where each root key stands, in the order of `values`.
    keys: Keys,
    /// Whether every recorded key is free of `.`, `[` and `]`, so that an
    /// id names one place and is found by walking `keys`, and no table has
    /// more than [`WALKED_KEYS`] keys.
    simple: bool,
    /// Otherwise every id, built on the first question.
    positions: OnceLock<BTreeMap<String, Position>>,
    /// Where each line starts, found on the first question.
    lines: OnceLock<Vec<usize>>,
}

/// Past this many keys in one table, positions are looked up in a map built
/// once rather than by walking the keys (a name is found by comparing it
/// with each key in turn): a file of a hundred thousand misspelt sections,
/// each with its warning and its line, took minutes to check.
const WALKED_KEYS: usize = 64;

/// Reads `text`; gives it back when only the layout-keeping parser can say
/// what `Answers::parse` says of it (see the module's documentation).
pub(crate) fn read(text: String) -> Result<TomlValues, String> {
    let mut simple = true;
    let Some((values, keys)) = fast::read(&text, &mut simple).or_else(|| {
        simple = true;
        DeTable::parse(&text)
            .ok()
            .and_then(|parsed| table(&text, parsed.into_inner(), Level::Root, &mut simple))
    }) else {
        return Err(text);
    };
    Ok(TomlValues {
        values,
        keys,
        simple,
        positions: OnceLock::new(),
        lines: OnceLock::new(),
        text,
    })
}

impl TomlValues {
    /// Where an answer stood in the file (`section`, `section.question`,
    /// `section.list[2].field`), as `Answers::parse` records it.
    pub fn position(&self, id: &str) -> Option<Position> {
        if self.simple {
            let offset = places::offset(&self.values, &self.keys, id)?;
            let lines = self.lines.get_or_init(|| line_starts(&self.text));
            return Some(LineIndex::with_starts(&self.text, lines).position(offset));
        }
        self.positions
            .get_or_init(|| self.all_positions())
            .get(id)
            .copied()
    }

    /// Every position, keyed as `Answers::parse` keys them.
    pub fn all_positions(&self) -> BTreeMap<String, Position> {
        places::all(&self.text, &self.values, &self.keys)
    }
}

/// Which keys of a table `Answers::parse` records.
#[derive(Clone, Copy, PartialEq)]
enum Level {
    /// The document: its keys, and the keys of its tables (sections).
    Root,
    /// A section or a `[[list]]` item below one: its keys, and the items of
    /// its `[[lists]]`.
    Recorded,
}

/// A table's values and recorded offsets; `simple` turns false at a
/// recorded key holding `.`, `[` or `]`.
fn table(
    text: &str,
    t: DeTable<'_>,
    level: Level,
    simple: &mut bool,
) -> Option<(toml::Table, Keys)> {
    *simple &= t.len() <= WALKED_KEYS;
    let mut values = toml::Table::with_capacity(t.len());
    let mut keys = Vec::with_capacity(t.len());
    for (key, value) in t {
        let key_start = key.span().start;
        let span = value.span();
        let name = key.into_inner().into_owned();
        *simple &= !name.contains(['.', '[', ']']);
        let (value, below) = match value.into_inner() {
            DeValue::Table(inner)
                if level == Level::Root && !text[span.start..].starts_with('{') =>
            {
                reopened(&inner, span.start, text)?;
                let (inner, keys) = table(text, inner, Level::Recorded, simple)?;
                (toml::Value::Table(inner), Below::Table(keys))
            }
            DeValue::Array(items)
                if level == Level::Recorded && is_array_of_tables(text, &items) =>
            {
                let (values, items) = array_of_tables(text, items, simple)?;
                (toml::Value::Array(values), Below::Items(items))
            }
            other => (to_value(text, other, span)?, Below::Nothing),
        };
        values.insert(name, value);
        keys.push(KeySpans {
            key: key_start,
            below,
        });
    }
    Some((values, keys))
}

/// `None` when a later `[header]` reopened a table first made by a longer
/// header (`[a.b]` then `[a]`): `toml` then moves it after the others and
/// `toml_edit` keeps it in place, so the slow reader must say.
fn reopened(t: &DeTable<'_>, start: usize, text: &str) -> Option<()> {
    if !text[start..].starts_with('[') {
        return Some(());
    }
    let before = t
        .iter()
        .any(|(k, v)| k.span().start < start || v.span().start < start);
    (!before).then_some(())
}

/// `[[list]]` items (their spans are their headers), not an inline array.
fn is_array_of_tables(text: &str, items: &DeArray<'_>) -> bool {
    items.first().is_some_and(|first| {
        matches!(first.get_ref(), DeValue::Table(_)) && text[first.span().start..].starts_with('[')
    })
}

fn array_of_tables(
    text: &str,
    items: DeArray<'_>,
    simple: &mut bool,
) -> Option<(Vec<toml::Value>, Vec<ItemSpans>)> {
    let mut values = Vec::with_capacity(items.len());
    let mut spans = Vec::with_capacity(items.len());
    for item in items {
        let start = item.span().start;
        let DeValue::Table(t) = item.into_inner() else {
            return None;
        };
        reopened(&t, start, text)?;
        let (table, keys) = table(text, t, Level::Recorded, simple)?;
        values.push(toml::Value::Table(table));
        spans.push(ItemSpans { start, keys });
    }
    Some((values, spans))
}

/// A value below the recorded levels, converted as `convert::edit_to_value`
/// converts `toml_edit`'s; `span` is where it is written.
fn to_value(text: &str, value: DeValue<'_>, span: Range<usize>) -> Option<toml::Value> {
    Some(match value {
        DeValue::String(s) => {
            if s.len() > MAX_ANSWER_CHARS && s.chars().count() > MAX_ANSWER_CHARS {
                return None;
            }
            let s = s.into_owned();
            // A multi-line string written with CRLF line endings reads as
            // `\n` (an escaped `\r\n` stays).
            if s.contains('\r') && text[span].contains('\r') {
                toml::Value::String(s.replace("\r\n", "\n"))
            } else {
                toml::Value::String(s)
            }
        }
        DeValue::Integer(i) => {
            toml::Value::Integer(i64::from_str_radix(i.as_str(), i.radix()).ok()?)
        }
        DeValue::Float(f) => {
            let x: f64 = f.as_str().parse().ok()?;
            if x.is_infinite() && !f.as_str().contains("inf") {
                return None;
            }
            toml::Value::Float(x)
        }
        DeValue::Boolean(b) => toml::Value::Boolean(b),
        DeValue::Datetime(d) => toml::Value::Datetime(d),
        DeValue::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let span = item.span();
                out.push(to_value(text, item.into_inner(), span)?);
            }
            toml::Value::Array(out)
        }
        DeValue::Table(t) => {
            reopened(&t, span.start, text)?;
            let mut out = toml::Table::with_capacity(t.len());
            for (k, v) in t {
                let span = v.span();
                out.insert(
                    k.into_inner().into_owned(),
                    to_value(text, v.into_inner(), span)?,
                );
            }
            toml::Value::Table(out)
        }
    })
}

#[cfg(test)]
mod tests;
