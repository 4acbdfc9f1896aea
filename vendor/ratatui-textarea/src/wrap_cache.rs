//! Incremental soft wrapping for `WrapMode::Word` and `WrapMode::WordOrGlyph`
//! (added by fiche's vendored copy, see `vendor/README.md` in fiche).
//!
//! The screen map used to wrap every line again after each edit: with one
//! 20 000-character paragraph, that is the word segmentation and cell widths
//! of the whole text at every keystroke. This cache keeps each line's rows
//! with a copy of the line, and after an edit wraps again only from a little
//! before the change to the first row start after it that the old rows also
//! have; the rows after that are the old ones, shifted.
//!
//! Why reusing rows gives exactly the rows of a full wrap:
//! - The greedy wrap of `wrap::wrap_word_chunks` starts every row with an
//!   empty segment, so a row that starts at a word boundary depends only on
//!   the text from its start ("fresh" rows; the pieces of a word cut by
//!   glyphs after its first are not fresh). The forward word segmentation of
//!   `unicode-segmentation` starts each word in the same state with no look
//!   behind, so segmenting from a word boundary gives the same words as
//!   segmenting the whole line: `wrap_rows` segments from each row start.
//! - Hence after the change, once a fresh row starts at a position whose
//!   text to the end of the line is unchanged and the old rows had a fresh
//!   row starting there too, every following row is the old one, shifted.
//! - Before the change, a row depends on the text up to the end of the first
//!   word of the next row, plus what the segmenter looks at to find where
//!   that word ends: at most one character, a run of extending or format
//!   characters (rule WB4) and one more character. Wrapping starts again at
//!   a row whose whole words, plus that look-ahead, end before the change.

use unicode_segmentation::UnicodeSegmentation as _;

use crate::screen_map::{display_width, screen_col_for_char_offset};
use crate::wrap::{WrapMode, display_width_from, split_range_by_grapheme_width};

/// What the rows of a line depend on besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrapParams {
    pub mode: WrapMode,
    pub width: usize,
    pub tab_len: u8,
    pub mask: Option<char>,
}

impl WrapParams {
    /// The modes this cache handles.
    pub fn cached(mode: WrapMode) -> bool {
        matches!(mode, WrapMode::Word | WrapMode::WordOrGlyph)
    }
}

/// One screen row of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub start_byte: usize,
    pub end_byte: usize,
    pub start_col: usize,
    pub end_col: usize,
    pub screen_width: usize,
    pub cursor_max_col: usize,
    /// The row starts at a word boundary, with the segmentation afresh.
    pub fresh: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct CachedLine {
    text: String,
    pub rows: Vec<Row>,
    pub pure_ascii: bool,
}

/// The rows of every line for the parameters they were wrapped with.
#[derive(Clone, Debug, Default)]
pub(crate) struct WrapCache {
    params: Option<WrapParams>,
    lines: Vec<CachedLine>,
}

impl WrapCache {
    pub fn clear(&mut self) {
        self.params = None;
        self.lines.clear();
    }

    pub fn lines(&self) -> &[CachedLine] {
        &self.lines
    }

    /// Brings the rows up to date with `lines`: unchanged lines keep theirs,
    /// the first and last changed lines are wrapped again from around the
    /// change, any others whole.
    pub fn update(&mut self, lines: &[String], params: WrapParams) {
        if self.params != Some(params) {
            self.params = Some(params);
            self.lines.clear();
        }
        let old = &self.lines;
        let same = |o: &CachedLine, n: &String| o.text == *n;
        let common = old.len().min(lines.len());
        let head = (0..common)
            .find(|&i| !same(&old[i], &lines[i]))
            .unwrap_or(common);
        let tail = (0..common - head)
            .find(|&i| !same(&old[old.len() - 1 - i], &lines[lines.len() - 1 - i]))
            .unwrap_or(common - head);
        let old_changed = head..old.len() - tail;
        let new_changed = head..lines.len() - tail;
        if old_changed.len() == 1 && new_changed.len() == 1 {
            let line = &mut self.lines[head];
            line.rows = rewrap(line, &lines[head], &params);
            line.text.clone_from(&lines[head]);
            line.pure_ascii = is_pure_ascii(&line.text);
            return;
        }
        let last = new_changed.end.saturating_sub(1);
        let wrapped: Vec<CachedLine> = new_changed
            .clone()
            .map(|i| {
                // The first changed line starts like the old first one, the
                // last ends like the old last one (Enter, Backspace at a line
                // start, a paste): wrapping against them reuses their rows.
                let base = if old_changed.is_empty() {
                    None
                } else if i == head {
                    Some(&self.lines[old_changed.start])
                } else if i == last {
                    Some(&self.lines[old_changed.end - 1])
                } else {
                    None
                };
                let text = &lines[i];
                let rows = match base {
                    Some(base) => rewrap(base, text, &params),
                    None => wrap_whole(text, &params),
                };
                CachedLine {
                    text: text.clone(),
                    rows,
                    pure_ascii: is_pure_ascii(text),
                }
            })
            .collect();
        self.lines.splice(old_changed, wrapped);
    }
}

pub(crate) fn is_pure_ascii(line: &str) -> bool {
    line.is_ascii() && !line.contains('\t')
}

/// Every row of `line`.
pub(crate) fn wrap_whole(line: &str, params: &WrapParams) -> Vec<Row> {
    let mut pieces = Vec::new();
    wrap_rows(line, 0, params, &mut pieces, |_| None);
    let mut rows = Vec::with_capacity(pieces.len().max(1));
    finish_rows(line, &pieces, 0, true, params, &mut rows);
    rows
}

/// The rows of `line`, reusing those of `old` before and after the change.
fn rewrap(old: &CachedLine, line: &str, params: &WrapParams) -> Vec<Row> {
    let old_text = old.text.as_str();
    let rows = &old.rows;
    // The changed bytes: `prefix..old_end` in the old text, `prefix..new_end`
    // in the new one. Equal bytes around them, so the char boundaries agree.
    let mut prefix = common_prefix(old_text.as_bytes(), line.as_bytes());
    while !line.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let most = old_text.len().min(line.len()) - prefix;
    let mut suffix =
        common_suffix(&old_text.as_bytes()[prefix..], &line.as_bytes()[prefix..]).min(most);
    while !line.is_char_boundary(line.len() - suffix) {
        suffix -= 1;
    }
    let old_end = old_text.len() - suffix;
    let new_end = line.len() - suffix;

    // The last row start before the change whose row, and what decides it,
    // lie before the change.
    let mut restart = rows
        .partition_point(|r| r.start_byte <= prefix)
        .saturating_sub(1);
    while restart > 0 {
        let row = &rows[restart];
        let whole_words = rows.get(restart + 1).is_none_or(|r| r.fresh);
        if row.fresh && whole_words && look_ahead_end(old_text, row.end_byte) <= prefix {
            break;
        }
        restart -= 1;
    }
    let from = if restart == 0 {
        0
    } else {
        rows[restart].start_byte
    };
    let first_col = if restart == 0 {
        0
    } else {
        rows[restart].start_col
    };

    let mut pieces = Vec::new();
    let resumed = wrap_rows(line, from, params, &mut pieces, |start| {
        if start < new_end {
            return None;
        }
        let old_start = start + old_text.len() - line.len();
        let i = rows.partition_point(|r| r.start_byte < old_start);
        rows.get(i)
            .filter(|r| r.start_byte == old_start && r.fresh)
            .map(|_| i)
    });

    let mut out = Vec::with_capacity(rows.len() + 2);
    out.extend_from_slice(&rows[..restart]);
    finish_rows(
        line,
        &pieces,
        first_col,
        resumed.is_none(),
        params,
        &mut out,
    );
    if let Some(i) = resumed {
        let old_chars = old_text[prefix..old_end].chars().count();
        let new_chars = line[prefix..new_end].chars().count();
        let shift = |n: usize, old_len: usize, new_len: usize| n + new_len - old_len;
        out.extend(rows[i..].iter().map(|r| Row {
            start_byte: shift(r.start_byte, old_text.len(), line.len()),
            end_byte: shift(r.end_byte, old_text.len(), line.len()),
            start_col: shift(r.start_col, old_chars, new_chars),
            end_col: shift(r.end_col, old_chars, new_chars),
            ..*r
        }));
    }
    out
}

/// How many bytes `a` and `b` start with in common: blocks compared at
/// once (`memcmp`), then bytes.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let len = a.len().min(b.len());
    let mut n = 0;
    while n + BLOCK <= len && a[n..n + BLOCK] == b[n..n + BLOCK] {
        n += BLOCK;
    }
    while n < len && a[n] == b[n] {
        n += 1;
    }
    n
}

/// How many bytes `a` and `b` end with in common.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let len = a.len().min(b.len());
    let (a_end, b_end) = (a.len(), b.len());
    let mut n = 0;
    while n + BLOCK <= len && a[a_end - n - BLOCK..a_end - n] == b[b_end - n - BLOCK..b_end - n] {
        n += BLOCK;
    }
    while n < len && a[a_end - n - 1] == b[b_end - n - 1] {
        n += 1;
    }
    n
}

/// Where the word segmenter stops reading when it looks for the end of a
/// word ending at `pos`, over-estimated: one character, any extending or
/// format characters (rule WB4), two more characters. Past the end of the
/// text when it reaches the end (which it reads, too).
fn look_ahead_end(text: &str, pos: usize) -> usize {
    let past_end = text.len() + 1;
    let mut chars = text[pos..]
        .char_indices()
        .map(|(i, c)| (c, pos + i + c.len_utf8()))
        .peekable();
    let Some((_, mut end)) = chars.next() else {
        return past_end;
    };
    while let Some(&(c, after)) = chars.peek() {
        if !extends(c) {
            break;
        }
        end = after;
        chars.next();
    }
    for _ in 0..2 {
        match chars.next() {
            Some((_, after)) => end = after,
            None => return past_end,
        }
    }
    end
}

/// Whether `c` is an extending, format or zero-width-joiner character for
/// word segmentation (rule WB4): then a lone `!` and `c` are one word.
fn extends(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    let mut pair = [0u8; 8];
    pair[0] = b'!';
    let len = 1 + c.encode_utf8(&mut pair[1..]).len();
    let pair = std::str::from_utf8(&pair[..len]).expect("valid UTF-8");
    pair.split_word_bounds().next() == Some(pair)
}

/// Wraps `line` from `from`, a fresh row start, appending `(start, end,
/// fresh)` for each row. Before each fresh row, `resume` may say that the
/// old rows from its index on are the rest: the wrap stops and returns it.
/// Row for row, the same as `wrap::wrap_word_chunks`.
fn wrap_rows(
    line: &str,
    from: usize,
    params: &WrapParams,
    out: &mut Vec<(usize, usize, bool)>,
    mut resume: impl FnMut(usize) -> Option<usize>,
) -> Option<usize> {
    let width = params.width.max(1);
    let (tab_len, mask) = (params.tab_len, params.mask);
    let mut pos = from;
    let mut glyphs = Vec::new();
    while pos < line.len() {
        if let Some(i) = resume(pos) {
            return Some(i);
        }
        let mut seg_end = pos;
        let mut seg_width = 0;
        let mut too_wide = None;
        for (offset, word) in line[pos..].split_word_bound_indices() {
            let word_width = display_width_from(word, seg_width, tab_len, mask);
            if seg_width + word_width <= width {
                seg_end = pos + offset + word.len();
                seg_width += word_width;
            } else {
                too_wide = Some((pos + offset, pos + offset + word.len()));
                break;
            }
        }
        match too_wide {
            Some((start, end)) if seg_end == pos => {
                if params.mode == WrapMode::WordOrGlyph {
                    glyphs.clear();
                    split_range_by_grapheme_width(
                        line,
                        start,
                        end,
                        width,
                        tab_len,
                        mask,
                        &mut glyphs,
                    );
                    out.extend(glyphs.iter().enumerate().map(|(i, &(s, e))| (s, e, i == 0)));
                } else {
                    out.push((start, end, true));
                }
                pos = end;
            }
            _ => {
                out.push((pos, seg_end, true));
                pos = seg_end;
            }
        }
    }
    None
}

/// Adds the columns and widths of `pieces` to `out`; the first starts at
/// char `first_col`, and the last ends the line when `ends_line`. An empty
/// line is one empty row.
fn finish_rows(
    line: &str,
    pieces: &[(usize, usize, bool)],
    first_col: usize,
    ends_line: bool,
    params: &WrapParams,
    out: &mut Vec<Row>,
) {
    let (tab_len, mask) = (params.tab_len, params.mask);
    let empty = [(0, 0, true)];
    let pieces = if pieces.is_empty() && ends_line && out.is_empty() {
        &empty[..]
    } else {
        pieces
    };
    let mut start_col = first_col;
    for (i, &(start, end, fresh)) in pieces.iter().enumerate() {
        let fragment = &line[start..end];
        let chars = fragment.chars().count();
        let screen_width = display_width(fragment, tab_len, mask);
        let last = ends_line && i + 1 == pieces.len();
        let cursor_max_col = if last {
            screen_width
        } else {
            screen_col_for_char_offset(fragment, chars.saturating_sub(1), tab_len, mask)
        };
        out.push(Row {
            start_byte: start,
            end_byte: end,
            start_col,
            end_col: start_col + chars,
            screen_width,
            cursor_max_col,
            fresh,
        });
        start_col += chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wrap::line_ranges;

    fn params(mode: WrapMode, width: usize) -> WrapParams {
        WrapParams {
            mode,
            width,
            tab_len: 4,
            mask: None,
        }
    }

    /// The rows the crate's own full wrap gives, as `Row`s.
    fn reference(line: &str, params: &WrapParams) -> Vec<(usize, usize, usize, usize)> {
        let ranges = line_ranges(line, params.mode, params.width, params.tab_len, params.mask);
        let mut col = 0;
        ranges
            .iter()
            .map(|&(s, e)| {
                let chars = line[s..e].chars().count();
                col += chars;
                (s, e, col - chars, col)
            })
            .collect()
    }

    fn spans(rows: &[Row]) -> Vec<(usize, usize, usize, usize)> {
        rows.iter()
            .map(|r| (r.start_byte, r.end_byte, r.start_col, r.end_col))
            .collect()
    }

    /// Texts where words, apostrophes, numbers, marks, wide chars, emoji,
    /// flags and tabs meet row ends.
    const PIECES: &[&str] = &[
        "les ",
        "agents ",
        "l'agent",
        "aujourd’hui ",
        "1 000,5 ",
        "3.14",
        "e\u{301}",
        "\u{301}\u{302}",
        "\u{ad}",
        "犬猫",
        "👩\u{200d}💻",
        "🇫🇷🇫🇷",
        "\t",
        "  ",
        "anticonstitutionnellement",
        "!",
        "-",
        "ｶﾞ",
        "\u{200d}",
        "a",
        "'",
        ".",
        "7",
        "x",
    ];

    /// A deterministic pseudo-random text of `n` pieces.
    fn text(seed: u64, n: usize) -> String {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                PIECES[(x % PIECES.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn a_whole_wrap_is_the_crates_own() {
        for seed in 0..300 {
            let line = text(seed, 40);
            for mode in [WrapMode::Word, WrapMode::WordOrGlyph] {
                for width in [1, 2, 3, 5, 8, 13, 40] {
                    let p = params(mode, width);
                    assert_eq!(
                        spans(&wrap_whole(&line, &p)),
                        reference(&line, &p),
                        "{line:?} {mode:?} {width}"
                    );
                }
            }
        }
    }

    /// Inserts, deletes and replaces at the start, in the middle and at the
    /// end, and checks every row (widths and cursor columns too) against a
    /// whole wrap of the new text.
    #[test]
    fn a_rewrap_after_any_edit_is_a_whole_wrap() {
        for seed in 0..200 {
            let line = text(seed, 60);
            for mode in [WrapMode::Word, WrapMode::WordOrGlyph] {
                for width in [3, 7, 16] {
                    let p = params(mode, width);
                    let old = CachedLine {
                        rows: wrap_whole(&line, &p),
                        pure_ascii: is_pure_ascii(&line),
                        text: line.clone(),
                    };
                    let bounds: Vec<usize> = (0..=line.len())
                        .filter(|&i| line.is_char_boundary(i))
                        .collect();
                    let pick = |k: u64| bounds[(k as usize * 7919 + seed as usize) % bounds.len()];
                    let mut edits = vec![
                        (0, 0, text(seed + 1, 1)),
                        (line.len(), line.len(), text(seed + 2, 1)),
                        (line.len(), line.len(), " ".to_string()),
                        (0, bounds[1.min(bounds.len() - 1)], String::new()),
                    ];
                    for k in 0..6 {
                        let (a, b) = (pick(k), pick(k + 11));
                        let (a, b) = (a.min(b), a.max(b));
                        edits.push((a, a, text(seed + k, 1)));
                        edits.push((a, b, String::new()));
                        edits.push((a, b, text(seed + k + 3, 2)));
                        edits.push((a, a, "\u{301}".to_string()));
                    }
                    for (a, b, insert) in edits {
                        let new = format!("{}{insert}{}", &line[..a], &line[b..]);
                        assert_eq!(
                            rewrap(&old, &new, &p),
                            wrap_whole(&new, &p),
                            "{line:?} → {new:?} {mode:?} {width}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn common_ends_are_counted_across_blocks() {
        let a = "x".repeat(200) + "ab" + &"y".repeat(150);
        let b = "x".repeat(200) + "cde" + &"y".repeat(150);
        assert_eq!(common_prefix(a.as_bytes(), b.as_bytes()), 200);
        assert_eq!(common_suffix(a.as_bytes(), b.as_bytes()), 150);
        assert_eq!(common_prefix(a.as_bytes(), a.as_bytes()), a.len());
        assert_eq!(common_suffix(b"abc", b"bc"), 2);
        assert_eq!(common_prefix(b"", b"abc"), 0);
    }

    #[test]
    fn extending_characters_are_recognised() {
        assert!(extends('\u{301}'));
        assert!(extends('\u{200d}'));
        assert!(extends('\u{ad}'));
        assert!(!extends('é'));
        assert!(!extends('犬'));
        assert!(!extends(' '));
    }

    #[test]
    fn line_edits_keep_the_cache_equal_to_a_whole_wrap() {
        let p = params(WrapMode::WordOrGlyph, 10);
        let mut cache = WrapCache::default();
        let mut lines: Vec<String> = vec![text(1, 20), text(2, 20), String::new(), text(3, 20)];
        let check = |cache: &WrapCache, lines: &[String]| {
            assert_eq!(cache.lines().len(), lines.len());
            for (c, l) in cache.lines().iter().zip(lines) {
                assert_eq!(c.rows, wrap_whole(l, &p), "{l:?}");
                assert_eq!(c.pure_ascii, is_pure_ascii(l));
            }
        };
        cache.update(&lines, p);
        check(&cache, &lines);
        // Enter in the middle of a line, then Backspace at the new line's start.
        let second = lines[1].clone();
        let cut = (0..=second.len() / 2)
            .rev()
            .find(|&i| second.is_char_boundary(i))
            .unwrap();
        lines.splice(1..2, [second[..cut].to_string(), second[cut..].to_string()]);
        cache.update(&lines, p);
        check(&cache, &lines);
        lines.splice(1..3, [second.clone()]);
        cache.update(&lines, p);
        check(&cache, &lines);
        // A paste of several lines, and the removal of all of them.
        lines.splice(2..2, [text(5, 9), text(6, 3), text(7, 30)]);
        cache.update(&lines, p);
        check(&cache, &lines);
        lines.truncate(1);
        cache.update(&lines, p);
        check(&cache, &lines);
        // Another width wraps everything again.
        let narrow = params(WrapMode::WordOrGlyph, 4);
        cache.update(&lines, narrow);
        assert_eq!(cache.lines()[0].rows, wrap_whole(&lines[0], &narrow));
    }
}
