//! Conversions between the editable document (`toml_edit`, which keeps the
//! user's comments and layout) and plain values (`toml::Value`).

use toml_edit::{ArrayOfTables, InlineTable, Item, Table};

pub fn item_to_value(item: &Item) -> Option<toml::Value> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(edit_to_value(v)),
        Item::Table(t) => Some(toml::Value::Table(table_to_map(t))),
        Item::ArrayOfTables(a) => Some(toml::Value::Array(
            a.iter()
                .map(|t| toml::Value::Table(table_to_map(t)))
                .collect(),
        )),
    }
}

pub fn table_to_map(t: &Table) -> toml::Table {
    t.iter()
        .filter_map(|(k, i)| Some((k.to_string(), item_to_value(i)?)))
        .collect()
}

pub fn edit_to_value(v: &toml_edit::Value) -> toml::Value {
    use toml_edit::Value as E;
    match v {
        E::String(s) => toml::Value::String(multiline_lf(s)),
        E::Integer(i) => toml::Value::Integer(*i.value()),
        E::Float(f) => toml::Value::Float(*f.value()),
        E::Boolean(b) => toml::Value::Boolean(*b.value()),
        E::Datetime(d) => d
            .value()
            .to_string()
            .parse()
            .map(toml::Value::Datetime)
            .unwrap_or_else(|_| toml::Value::String(d.value().to_string())),
        E::Array(a) => toml::Value::Array(a.iter().map(edit_to_value).collect()),
        E::InlineTable(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| (k.to_string(), edit_to_value(v)))
                .collect(),
        ),
    }
}

/// A string's value, with the line breaks of a multi-line string written
/// CRLF in the file (a Windows editor, or a CRLF file saved by fiche) read as
/// `\n`, as TOML allows: the answer is the same whatever the file's endings.
fn multiline_lf(s: &toml_edit::Formatted<String>) -> String {
    let raw_has_cr = s
        .as_repr()
        .and_then(|r| r.as_raw().as_str())
        .is_some_and(|raw| raw.contains('\r'));
    if raw_has_cr {
        s.value().replace("\r\n", "\n")
    } else {
        s.value().clone()
    }
}

/// An answer as a document item: a list of tables becomes `[[section.question]]`.
pub fn value_to_item(v: &toml::Value) -> Item {
    match v {
        toml::Value::Array(items)
            if !items.is_empty() && items.iter().all(|i| matches!(i, toml::Value::Table(_))) =>
        {
            let mut aot = ArrayOfTables::new();
            for i in items {
                if let toml::Value::Table(t) = i {
                    aot.push(map_to_table(t));
                }
            }
            Item::ArrayOfTables(aot)
        }
        toml::Value::Table(t) => Item::Table(map_to_table(t)),
        other => Item::Value(value_to_edit(other)),
    }
}

fn map_to_table(t: &toml::Table) -> Table {
    let mut table = Table::new();
    for (k, v) in t {
        table.insert(k, value_to_item(v));
    }
    table
}

pub fn value_to_edit(v: &toml::Value) -> toml_edit::Value {
    match v {
        toml::Value::String(s) => s.as_str().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d
            .to_string()
            .parse::<toml_edit::Datetime>()
            .map(toml_edit::Value::from)
            .unwrap_or_else(|_| d.to_string().into()),
        toml::Value::Array(a) => {
            let mut arr = toml_edit::Array::new();
            for i in a {
                arr.push(value_to_edit(i));
            }
            toml_edit::Value::Array(arr)
        }
        toml::Value::Table(t) => {
            let mut it = InlineTable::new();
            for (k, v) in t {
                it.insert(k, value_to_edit(v));
            }
            toml_edit::Value::InlineTable(it)
        }
    }
}
