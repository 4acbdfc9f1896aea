//! The answers file read for reading only: plain values (`toml::Value`) from
//! the `toml` crate's parser, which keeps no layout (comments, spacing) and
//! is about twice as cheap as `toml_edit`'s, and the few byte offsets that
//! error messages turn into lines, turned into positions only when a
//! message asks for one.
//!
//! Everything here says exactly what [`super::Answers::parse`] says of the
//! same text: the same values in the same order, the same positions. Where
//! that cannot be promised cheaply, [`read`] returns `None` and the caller
//! takes the layout-keeping parser: a text that does not parse (its error
//! must be worded as today), an over-long answer, an integer or a float out
//! of range, a table reopened by a later `[header]` (the two parsers order
//! its keys differently).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use toml::de::{DeArray, DeTable, DeValue};

use crate::limits::MAX_ANSWER_CHARS;
use crate::position::{LineIndex, Position};

/// One file's answers as plain values.
#[derive(Debug, Clone)]
pub(crate) struct Plain {
    /// The text as parsed (without its byte order mark when read from disk).
    pub text: String,
    pub values: toml::Table,
    /// Where each root key stands, in the order of `values`.
    spans: Vec<KeySpans>,
    /// Built on the first question: most runs of a check ask for a few.
    positions: OnceLock<BTreeMap<String, Position>>,
}

/// The offsets `Answers::parse` records, in the order of the table's keys.
#[derive(Debug, Clone)]
struct KeySpans {
    /// Where the key starts (its first mention for a table made by dotted
    /// keys or a longer header).
    key: usize,
    below: Below,
}

/// What is recorded under a key: a section's questions (a root table that
/// is not inline), or each item of a `[[list]]` below a section.
#[derive(Debug, Clone)]
enum Below {
    Nothing,
    Table(Vec<KeySpans>),
    Items(Vec<ItemSpans>),
}

#[derive(Debug, Clone)]
struct ItemSpans {
    /// Where the item's `[[…]]` header starts.
    start: usize,
    keys: Vec<KeySpans>,
}

/// Reads `text`; gives it back when only the layout-keeping parser can say
/// what `Answers::parse` says of it (see the module's documentation).
pub(crate) fn read(text: String) -> Result<Plain, String> {
    let Some((values, spans)) = DeTable::parse(&text)
        .ok()
        .and_then(|parsed| table(&text, parsed.into_inner(), true))
    else {
        return Err(text);
    };
    Ok(Plain {
        values,
        spans,
        positions: OnceLock::new(),
        text,
    })
}

impl Plain {
    /// Where an answer stood in the file (`section`, `section.question`,
    /// `section.list[2].field`), as `Answers::parse` records it.
    pub fn position(&self, id: &str) -> Option<Position> {
        self.positions
            .get_or_init(|| self.all_positions())
            .get(id)
            .copied()
    }

    /// Every position, keyed as `Answers::parse` keys them (a later id
    /// spelled like an earlier one replaces it, as there).
    pub fn all_positions(&self) -> BTreeMap<String, Position> {
        let index = LineIndex::new(&self.text);
        let mut out = BTreeMap::new();
        for ((section, value), spans) in self.values.iter().zip(&self.spans) {
            out.insert(section.clone(), index.position(spans.key));
            if let (Below::Table(keys), Some(table)) = (&spans.below, value.as_table()) {
                collect(&index, section, table, keys, &mut out);
            }
        }
        out
    }
}

fn collect(
    index: &LineIndex,
    prefix: &str,
    table: &toml::Table,
    spans: &[KeySpans],
    out: &mut BTreeMap<String, Position>,
) {
    for ((key, value), spans) in table.iter().zip(spans) {
        let id = format!("{prefix}.{key}");
        out.insert(id.clone(), index.position(spans.key));
        let (Below::Items(items), Some(values)) = (&spans.below, value.as_array()) else {
            continue;
        };
        for (i, (item, value)) in items.iter().zip(values).enumerate() {
            let item_id = format!("{id}[{}]", i + 1);
            out.insert(item_id.clone(), index.position(item.start));
            if let Some(table) = value.as_table() {
                collect(index, &item_id, table, &item.keys, out);
            }
        }
    }
}

/// A table's values and offsets; `root` for the document itself, whose
/// tables (sections) record their keys.
fn table(text: &str, t: DeTable<'_>, root: bool) -> Option<(toml::Table, Vec<KeySpans>)> {
    let mut values = toml::Table::with_capacity(t.len());
    let mut spans = Vec::with_capacity(t.len());
    for (key, value) in t {
        let key_start = key.span().start;
        let span = value.span();
        let (value, below) = match value.into_inner() {
            DeValue::Table(inner) => {
                reopened(&inner, span.start, text)?;
                let inline = text[span.start..].starts_with('{');
                let (inner, keys) = table(text, inner, false)?;
                let below = if root && !inline {
                    Below::Table(keys)
                } else {
                    Below::Nothing
                };
                (toml::Value::Table(inner), below)
            }
            DeValue::Array(items) if !root && is_array_of_tables(text, &items) => {
                let (values, items) = array_of_tables(text, items)?;
                (toml::Value::Array(values), Below::Items(items))
            }
            other => (plain(text, other, span)?, Below::Nothing),
        };
        values.insert(key.into_inner().into_owned(), value);
        spans.push(KeySpans {
            key: key_start,
            below,
        });
    }
    Some((values, spans))
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

fn array_of_tables(text: &str, items: DeArray<'_>) -> Option<(Vec<toml::Value>, Vec<ItemSpans>)> {
    let mut values = Vec::with_capacity(items.len());
    let mut spans = Vec::with_capacity(items.len());
    for item in items {
        let start = item.span().start;
        let DeValue::Table(t) = item.into_inner() else {
            return None;
        };
        reopened(&t, start, text)?;
        let (table, keys) = table(text, t, false)?;
        values.push(toml::Value::Table(table));
        spans.push(ItemSpans { start, keys });
    }
    Some((values, spans))
}

/// A value below the recorded levels, converted as `convert::edit_to_value`
/// converts `toml_edit`'s; `span` is where it is written.
fn plain(text: &str, value: DeValue<'_>, span: Range<usize>) -> Option<toml::Value> {
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
                out.push(plain(text, item.into_inner(), span)?);
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
                    plain(text, v.into_inner(), span)?,
                );
            }
            toml::Value::Table(out)
        }
    })
}

#[cfg(test)]
mod tests;
