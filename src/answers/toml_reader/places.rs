//! Where the answers of a file read by the layout-free reader stand: the byte offsets
//! `Answers::parse` records (the key of each section, of each question, of
//! each `[[list]]` item's header and fields), kept as a tree parallel to the
//! values, and turned into a line and a column only for the id a message
//! asks about.

use std::collections::BTreeMap;

use crate::position::{LineIndex, Position};

/// The recorded offsets of one table, in the order of its keys.
pub(super) type Keys = Vec<KeySpans>;

#[derive(Debug, Clone)]
pub(super) struct KeySpans {
    /// Where the key starts (its first mention for a table made by dotted
    /// keys or a longer header).
    pub key: usize,
    pub below: Below,
}

/// What is recorded under a key: a section's questions (a root table that
/// is not inline), or each item of a `[[list]]` below a section.
#[derive(Debug, Clone)]
pub(super) enum Below {
    Nothing,
    Table(Keys),
    Items(Vec<ItemSpans>),
}

#[derive(Debug, Clone)]
pub(super) struct ItemSpans {
    /// Where the item's `[[…]]` header starts.
    pub start: usize,
    pub keys: Keys,
}

/// The offset of `id` (`section`, `section.question`, `section.list[2]`,
/// `section.list[2].field`…), found by walking the tree: exact when no
/// recorded key holds `.`, `[` or `]`, so that an id names one place.
pub(super) fn offset(values: &toml::Table, keys: &[KeySpans], id: &str) -> Option<usize> {
    let mut parts = id.split('.');
    let (value, spans) = entry(values, keys, parts.next()?)?;
    let (Below::Table(keys), Some(mut table)) = (&spans.below, value.as_table()) else {
        return parts.next().is_none().then_some(spans.key);
    };
    let mut keys: &[KeySpans] = keys;
    let mut offset = spans.key;
    let mut more = parts.peekable();
    while let Some(part) = more.next() {
        let (name, index) = indexed(part)?;
        let (value, spans) = entry(table, keys, name)?;
        let Some(index) = index else {
            // Only list items are recorded below a question.
            return more.peek().is_none().then_some(spans.key);
        };
        let (Below::Items(items), Some(values)) = (&spans.below, value.as_array()) else {
            return None;
        };
        let item = items.get(index.checked_sub(1)?)?;
        offset = item.start;
        table = values.get(index - 1)?.as_table()?;
        keys = &item.keys;
    }
    Some(offset)
}

/// `list[2]` → (`list`, 2); `nom` → (`nom`, none). An index is written as
/// `Answers::parse` writes it (from 1, no leading zero).
fn indexed(part: &str) -> Option<(&str, Option<usize>)> {
    let Some(body) = part.strip_suffix(']') else {
        return Some((part, None));
    };
    let (name, digits) = body.split_once('[')?;
    let index: usize = digits.parse().ok()?;
    (index.to_string() == digits).then_some((name, Some(index)))
}

fn entry<'a, 'k>(
    values: &'a toml::Table,
    keys: &'k [KeySpans],
    name: &str,
) -> Option<(&'a toml::Value, &'k KeySpans)> {
    let at = values.keys().position(|k| k == name)?;
    Some((values.get(name)?, keys.get(at)?))
}

/// Every position, keyed as `Answers::parse` keys them (a later id spelled
/// like an earlier one replaces it, as there).
pub(super) fn all(
    text: &str,
    values: &toml::Table,
    keys: &[KeySpans],
) -> BTreeMap<String, Position> {
    let index = LineIndex::new(text);
    let mut out = BTreeMap::new();
    for ((section, value), spans) in values.iter().zip(keys) {
        out.insert(section.clone(), index.position(spans.key));
        if let (Below::Table(keys), Some(table)) = (&spans.below, value.as_table()) {
            collect(&index, section, table, keys, &mut out);
        }
    }
    out
}

fn collect(
    index: &LineIndex,
    prefix: &str,
    table: &toml::Table,
    keys: &[KeySpans],
    out: &mut BTreeMap<String, Position>,
) {
    for ((key, value), spans) in table.iter().zip(keys) {
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
