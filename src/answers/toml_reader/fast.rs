//! A reader for answers files written the way `fiche` writes them: `[section]`
//! headers, `[[section.list]]` items, `key = value` lines with bare keys,
//! strings, decimal numbers, booleans and arrays of those, comments.
//!
//! Reading a whole file this way costs about a quarter of what the `toml`
//! crate's parser spends building its own tree first, which is most of
//! `fiche check` on one file. It gives exactly the values and offsets
//! [`super::read`] gives; anything else TOML allows (quoted or dotted keys,
//! inline tables, dates, hexadecimal numbers, `inf`, CRLF line endings,
//! redefined tables, escapes of TOML 1.1) or forbids makes it answer `None`,
//! and the `toml` crate reads the file (or says what is wrong with it). The
//! tests compare both readers on every file of the repository and on
//! generated ones.

use crate::limits::MAX_ANSWER_CHARS;

use super::places::{Below, ItemSpans, KeySpans, Keys};

/// The values and recorded offsets of `text`, or `None` when the `toml`
/// crate must read it; `simple` turns false as `super::table` turns it (all
/// keys here are bare, but a table may have too many to walk).
pub(super) fn read(text: &str, simple: &mut bool) -> Option<(toml::Table, Keys)> {
    if text.contains('\r') {
        return None;
    }
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut sections: Vec<Section> = Vec::new();
    // Where `key = value` lines go: a section, or the last item of one of
    // its lists.
    let mut target: Option<(usize, Option<usize>)> = None;
    loop {
        reader.skip_spaces();
        match reader.peek() {
            None => break,
            Some(b'\n') => reader.pos += 1,
            Some(b'#') => reader.comment()?,
            Some(b'[') if reader.bytes.get(reader.pos + 1) == Some(&b'[') => {
                let start = reader.pos;
                reader.pos += 2;
                let (section, _) = reader.header_key()?;
                reader.expect(b'.')?;
                let (list, list_start) = reader.header_key()?;
                reader.expect(b']')?;
                reader.expect(b']')?;
                reader.end_of_line()?;
                let s = sections.iter().position(|s| s.name == section)?;
                let entries = &mut sections[s].entries;
                let item = Item {
                    start,
                    entries: Vec::new(),
                };
                let e = match entries.iter().position(|e| e.name == list) {
                    Some(e) => {
                        let Value::List(items) = &mut entries[e].value else {
                            return None;
                        };
                        items.push(item);
                        e
                    }
                    None => {
                        push_entry(entries, list, list_start, Value::List(vec![item]))?;
                        entries.len() - 1
                    }
                };
                target = Some((s, Some(e)));
            }
            Some(b'[') => {
                reader.pos += 1;
                let (name, start) = reader.header_key()?;
                reader.expect(b']')?;
                reader.end_of_line()?;
                if sections.iter().any(|s| s.name == name) || sections.len() >= MAX_KEYS {
                    return None;
                }
                sections.push(Section {
                    name,
                    start,
                    entries: Vec::new(),
                });
                target = Some((sections.len() - 1, None));
            }
            Some(_) => {
                let (s, list) = target?;
                let start = reader.pos;
                let key = reader.bare_key()?;
                reader.skip_spaces();
                reader.expect(b'=')?;
                reader.skip_spaces();
                let value = reader.value(0)?;
                reader.end_of_line()?;
                let entries = &mut sections[s].entries;
                match list {
                    None => push_entry(entries, key, start, Value::Plain(value))?,
                    Some(e) => {
                        let Value::List(items) = &mut entries[e].value else {
                            unreachable!("a list's items are targets")
                        };
                        let item = items.last_mut().expect("a list has an item");
                        push_entry(&mut item.entries, key, start, Value::Plain(value))?;
                    }
                }
            }
        }
    }
    Some(tables(sections, simple))
}

/// The most keys a table may have here (a longer one is the `toml` crate's,
/// not to search it key by key).
const MAX_KEYS: usize = 256;

/// The most nested arrays.
const MAX_DEPTH: usize = 16;

struct Section<'t> {
    name: &'t str,
    /// Where its name stands in its header.
    start: usize,
    entries: Vec<Entry<'t>>,
}

struct Entry<'t> {
    name: &'t str,
    start: usize,
    value: Value<'t>,
}

enum Value<'t> {
    Plain(toml::Value),
    /// A `[[section.list]]`'s items.
    List(Vec<Item<'t>>),
}

struct Item<'t> {
    /// Where its `[[…]]` header starts.
    start: usize,
    entries: Vec<Entry<'t>>,
}

/// Adds a key, `None` when the table has it already (an error, or a table
/// the `toml` crate orders its own way).
fn push_entry<'t>(
    entries: &mut Vec<Entry<'t>>,
    name: &'t str,
    start: usize,
    value: Value<'t>,
) -> Option<()> {
    if entries.len() >= MAX_KEYS || entries.iter().any(|e| e.name == name) {
        return None;
    }
    entries.push(Entry { name, start, value });
    Some(())
}

/// The values and offsets, as `super::table` records them.
fn tables(sections: Vec<Section<'_>>, simple: &mut bool) -> (toml::Table, Keys) {
    *simple &= sections.len() <= super::WALKED_KEYS;
    let mut values = toml::Table::with_capacity(sections.len());
    let mut keys = Vec::with_capacity(sections.len());
    for section in sections {
        let (table, below) = entries(section.entries, simple);
        values.insert(section.name.to_string(), toml::Value::Table(table));
        keys.push(KeySpans {
            key: section.start,
            below: Below::Table(below),
        });
    }
    (values, keys)
}

fn entries(entries: Vec<Entry<'_>>, simple: &mut bool) -> (toml::Table, Keys) {
    *simple &= entries.len() <= super::WALKED_KEYS;
    let mut values = toml::Table::with_capacity(entries.len());
    let mut keys = Vec::with_capacity(entries.len());
    for entry in entries {
        let (value, below) = match entry.value {
            Value::Plain(value) => (value, Below::Nothing),
            Value::List(items) => {
                let mut tables = Vec::with_capacity(items.len());
                let mut spans = Vec::with_capacity(items.len());
                for item in items {
                    let (table, keys) = self::entries(item.entries, simple);
                    tables.push(toml::Value::Table(table));
                    spans.push(ItemSpans {
                        start: item.start,
                        keys,
                    });
                }
                (toml::Value::Array(tables), Below::Items(spans))
            }
        };
        values.insert(entry.name.to_string(), value);
        keys.push(KeySpans {
            key: entry.start,
            below,
        });
    }
    (values, keys)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.pos += 1)
    }

    /// A `#` comment up to its line's end (not included).
    fn comment(&mut self) -> Option<()> {
        let rest = &self.bytes[self.pos..];
        let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
        if rest[..len].iter().any(|&b| is_control(b) && b != b'\t') {
            return None;
        }
        self.pos += len;
        Some(())
    }

    /// Spaces, a comment, then the end of the line or of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// `A-Za-z0-9_-`, at least one.
    fn bare_key(&mut self) -> Option<&'t str> {
        let start = self.pos;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            self.pos += 1;
        }
        (self.pos > start).then(|| &self.text[start..self.pos])
    }

    /// A bare key between spaces in a header, with where it starts.
    fn header_key(&mut self) -> Option<(&'t str, usize)> {
        self.skip_spaces();
        let start = self.pos;
        let key = self.bare_key()?;
        self.skip_spaces();
        Some((key, start))
    }

    /// Spaces, line ends and comments between an array's values.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<toml::Value> {
        match self.peek()? {
            b'"' => self.basic_string().and_then(answer),
            b'\'' => self.literal_string().and_then(answer),
            b'[' => self.array(depth),
            _ => self.scalar(),
        }
    }

    fn array(&mut self, depth: usize) -> Option<toml::Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(toml::Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.skip_blank()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(toml::Value::Array(items));
                }
                _ => return None,
            }
        }
    }

    /// `true`, `false`, a decimal integer or float.
    fn scalar(&mut self) -> Option<toml::Value> {
        let start = self.pos;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b':'))
        {
            self.pos += 1;
        }
        let token = &self.text[start..self.pos];
        match token {
            "true" => Some(toml::Value::Boolean(true)),
            "false" => Some(toml::Value::Boolean(false)),
            _ => number(token),
        }
    }

    /// `"…"` or `"""…"""`, escapes decoded.
    fn basic_string(&mut self) -> Option<String> {
        let multi = self.bytes[self.pos..].starts_with(b"\"\"\"");
        self.pos += if multi { 3 } else { 1 };
        if multi && self.peek() == Some(b'\n') {
            self.pos += 1;
        }
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            // The bytes up to the next quote, backslash or control are text.
            let rest = &self.bytes[self.pos..];
            self.pos += rest
                .iter()
                .position(|&b| STRING_STOPS[usize::from(b)])
                .unwrap_or(rest.len());
            let b = self.peek()?;
            match b {
                b'"' if !multi => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Some(out);
                }
                b'"' => {
                    // Up to two quotes before the closing three are text.
                    let quotes = self.quotes();
                    if quotes < 3 {
                        self.pos += quotes;
                        continue;
                    }
                    if quotes > 5 {
                        return None;
                    }
                    out.push_str(&self.text[run..self.pos + quotes - 3]);
                    self.pos += quotes;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    self.escape(&mut out, multi)?;
                    run = self.pos;
                }
                b'\n' if multi => self.pos += 1,
                b if is_control(b) && b != b'\t' => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// How many `"` (or `'`) follow, from here.
    fn quotes(&self) -> usize {
        let quote = self.bytes[self.pos];
        self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == quote)
            .count()
    }

    /// After a `\`: its escape written to `out`, or in a multi-line string
    /// a line-ending backslash, which drops the spaces and line ends after it.
    fn escape(&mut self, out: &mut String, multi: bool) -> Option<()> {
        let b = self.peek()?;
        self.pos += 1;
        let c = match b {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' => self.code_point(4)?,
            b'U' => self.code_point(8)?,
            b' ' | b'\t' | b'\n' if multi => {
                self.pos -= 1;
                self.skip_spaces();
                if self.peek()? != b'\n' {
                    return None;
                }
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
                    self.pos += 1;
                }
                return Some(());
            }
            _ => return None,
        };
        out.push(c);
        Some(())
    }

    fn code_point(&mut self, digits: usize) -> Option<char> {
        let hex = self.text.get(self.pos..self.pos + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += digits;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `'…'` or `'''…'''`, as written.
    fn literal_string(&mut self) -> Option<String> {
        let multi = self.bytes[self.pos..].starts_with(b"'''");
        self.pos += if multi { 3 } else { 1 };
        if multi && self.peek() == Some(b'\n') {
            self.pos += 1;
        }
        let start = self.pos;
        loop {
            let rest = &self.bytes[self.pos..];
            self.pos += rest
                .iter()
                .position(|&b| b == b'\'' || is_control(b))
                .unwrap_or(rest.len());
            match self.peek()? {
                b'\'' if !multi => {
                    let text = &self.text[start..self.pos];
                    self.pos += 1;
                    return Some(text.to_string());
                }
                b'\'' => {
                    // Up to two quotes before the closing three are text.
                    let quotes = self.quotes();
                    if quotes >= 3 {
                        if quotes > 5 {
                            return None;
                        }
                        let text = &self.text[start..self.pos + quotes - 3];
                        self.pos += quotes;
                        return Some(text.to_string());
                    }
                    self.pos += quotes;
                }
                b'\n' if multi => self.pos += 1,
                b if is_control(b) && b != b'\t' => return None,
                _ => self.pos += 1,
            }
        }
    }
}

/// A string answer, unless over the length the `toml` crate's reader
/// leaves to the layout-keeping one (as `super::plain` does).
fn answer(s: String) -> Option<toml::Value> {
    if s.len() > MAX_ANSWER_CHARS && s.chars().count() > MAX_ANSWER_CHARS {
        return None;
    }
    Some(toml::Value::String(s))
}

/// Where a basic string's plain text stops: its quote, an escape, a control.
static STRING_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 256 {
        stops[b] = b == b'"' as usize || b == b'\\' as usize || is_control(b as u8);
        b += 1;
    }
    stops
};

/// ASCII controls, which TOML allows in no string or comment but tabs.
const fn is_control(b: u8) -> bool {
    b < 0x20 || b == 0x7f
}

/// A decimal integer that fits an `i64`, or a finite float with a fraction
/// or an exponent; `None` for anything else (dates, `0x…`, `inf`, `nan`).
fn number(token: &str) -> Option<toml::Value> {
    let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(e) => (&unsigned[..e], Some(&unsigned[e + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    if !digits(whole) || leading_zero || !fraction.is_none_or(digits) {
        return None;
    }
    if let Some(exponent) = exponent
        && !digits(exponent.strip_prefix(['+', '-']).unwrap_or(exponent))
    {
        return None;
    }
    let plain: String = token.chars().filter(|&c| c != '_').collect();
    if fraction.is_none() && exponent.is_none() {
        return plain.parse().ok().map(toml::Value::Integer);
    }
    let x: f64 = plain.parse().ok()?;
    x.is_finite().then_some(toml::Value::Float(x))
}

/// Decimal digits, an underscore only between two of them.
fn digits(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_digit()
        && b[b.len() - 1].is_ascii_digit()
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'_')
        && !s.contains("__")
}

#[cfg(test)]
mod tests;
