//! The size limit on one answer, checked when a file is read: a text longer
//! than [`MAX_ANSWER_CHARS`](crate::limits::MAX_ANSWER_CHARS) is refused with
//! its place, before it can slow every command down (the PDF of a 1 Mo answer
//! takes tens of seconds and gigabytes).

use toml_edit::{Item, Table, Value};

use crate::limits::MAX_ANSWER_CHARS;

/// The first text value longer than the limit: its dotted path, its length
/// in characters and the byte offset where it starts.
pub fn oversized_text(root: &Table) -> Option<(String, usize, usize)> {
    table(root, "")
}

fn table(t: &Table, prefix: &str) -> Option<(String, usize, usize)> {
    t.iter().find_map(|(key, it)| item(it, &join(prefix, key)))
}

fn item(it: &Item, path: &str) -> Option<(String, usize, usize)> {
    match it {
        Item::None => None,
        Item::Value(v) => value(v, path),
        Item::Table(t) => table(t, path),
        Item::ArrayOfTables(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, t)| table(t, &format!("{path}[{}]", i + 1))),
    }
}

fn value(v: &Value, path: &str) -> Option<(String, usize, usize)> {
    match v {
        Value::String(s) => {
            let text = s.value();
            // Cheap test first: fewer bytes than the limit, fewer characters.
            if text.len() <= MAX_ANSWER_CHARS {
                return None;
            }
            let n = text.chars().count();
            (n > MAX_ANSWER_CHARS).then(|| {
                let start = v.span().map_or(0, |r| r.start);
                (path.to_string(), n, start)
            })
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, v)| value(v, &format!("{path}[{}]", i + 1))),
        Value::InlineTable(t) => t.iter().find_map(|(k, v)| value(v, &join(path, k))),
        _ => None,
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}
