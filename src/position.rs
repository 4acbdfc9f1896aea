//! Line and column of a place in a text file, as users count them (from 1).

use std::borrow::Cow;

use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// Converts a byte offset into a 1-based line and a 1-based column counted
    /// in characters (so accents count once). Scans the text up to the
    /// offset: for many lookups in one text, build a [`LineIndex`] once.
    pub fn from_offset(text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text.as_bytes()[..offset];
        // Counted byte by byte without branching, which compiles to wide
        // comparisons: a few lookups in a large file stay cheap.
        let newlines = before.iter().filter(|&&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Position {
            line: newlines + 1,
            column: text[line_start..offset].chars().count() + 1,
        }
    }
}

/// Where each line of a text starts, so that turning thousands of offsets
/// into positions (one per key of a large file) stays linear overall.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Cow<'a, [usize]>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        LineIndex {
            text,
            starts: Cow::Owned(line_starts(text)),
        }
    }

    /// The index of `text` from line starts computed beforehand (by the
    /// build script, for the built-in form), as [`LineIndex::new`] would
    /// find them.
    pub fn with_starts(text: &'a str, starts: &'a [usize]) -> LineIndex<'a> {
        debug_assert_eq!(starts.first(), Some(&0));
        LineIndex {
            text,
            starts: Cow::Borrowed(starts),
        }
    }

    /// Where each line starts.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The text the index was built for.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The position of a byte offset (clamped to the text, and to the start
    /// of the character it falls in).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

/// Where each line of `text` starts. Blocks of 32 bytes are first tested
/// for a line break at once (wide comparisons): most have none.
pub fn line_starts(text: &str) -> Vec<usize> {
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
    starts.push(0);
    let mut scan = |from: usize, block: &[u8]| {
        for (i, &b) in block.iter().enumerate() {
            if b == b'\n' {
                starts.push(from + i + 1);
            }
        }
    };
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    for (n, block) in blocks.enumerate() {
        if block.iter().fold(false, |any, &b| any | (b == b'\n')) {
            scan(n * BLOCK, block);
        }
    }
    scan(bytes.len() - tail.len(), tail);
    starts
}

/// Where a parse error without a position most likely is: the line that
/// nests deepest (brackets, braces, dots of a dotted key or table header).
/// The TOML parsers report « recursion limit » without a place; pointing at
/// the deepest line beats « ligne 0 ».
pub fn deepest_line(text: &str) -> Position {
    let mut best = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let depth = line
            .chars()
            .filter(|c| matches!(c, '[' | '{' | '.'))
            .count();
        if depth > best.1 {
            best = (i, depth);
        }
    }
    Position {
        line: best.0 + 1,
        column: 1,
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ligne {}, colonne {}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "a = 1\nété = \"x\"\n";
        assert_eq!(
            Position::from_offset(text, 0),
            Position { line: 1, column: 1 }
        );
        let offset = text.find('=').unwrap();
        assert_eq!(
            Position::from_offset(text, offset),
            Position { line: 1, column: 3 }
        );
        let offset = text.rfind('=').unwrap();
        assert_eq!(
            Position::from_offset(text, offset),
            Position { line: 2, column: 5 }
        );
    }

    #[test]
    fn the_index_agrees_with_a_plain_scan() {
        let text = "a\n\nété = 1\r\nfin";
        let index = LineIndex::new(text);
        let mut naive = vec![0];
        naive.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        assert_eq!(index.starts(), naive);
        let long = "ligne\n".repeat(40) + "é\n\n" + &"x".repeat(70) + "\nfin";
        let mut naive = vec![0];
        naive.extend(long.match_indices('\n').map(|(i, _)| i + 1));
        assert_eq!(line_starts(&long), naive);
        for offset in 0..=text.len() + 3 {
            let offset_in = offset.min(text.len());
            let before = &text[..floor_char_boundary(text, offset_in)];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line,
                column: before[start..].chars().count() + 1,
            };
            assert_eq!(index.position(offset), expected, "offset {offset}");
            assert_eq!(
                Position::from_offset(text, offset),
                expected,
                "offset {offset}"
            );
        }
        assert_eq!(index.position(text.len()), Position { line: 4, column: 4 });
    }

    #[test]
    fn the_deepest_line_is_a_real_line() {
        assert_eq!(deepest_line("a = 1\n[x.y.z]\nb = [[1]]\n").line, 2);
        assert_eq!(deepest_line("").line, 1);
    }
}
