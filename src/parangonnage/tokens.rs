//! Turning text into the stems BM25 compares: the `bm25` crate's French
//! tokenizer (Snowball stemming, stop-words, accents folded), after splitting
//! elisions, with a cache so that a piece of text repeated across ten thousand rows is
//! stemmed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use bm25::{DefaultTokenizer, Language, Tokenizer};

/// The crate's French tokenizer, after splitting elisions (« l'usage »,
/// « d’un » are one word to Unicode, two to a French reader) and dropping
/// one-letter and all-digit tokens, which only add chance matches.
pub struct FrenchTokenizer {
    inner: DefaultTokenizer,
}

impl FrenchTokenizer {
    pub fn new() -> FrenchTokenizer {
        FrenchTokenizer {
            inner: DefaultTokenizer::new(Language::French),
        }
    }

    /// The stems of `text`, in order.
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        let split = text.replace(ELISIONS, " ");
        self.inner
            .tokenize(&split)
            .into_iter()
            .filter(|t| t.chars().count() > 1 && !t.chars().all(|c| c.is_ascii_digit()))
            .collect()
    }
}

const ELISIONS: [char; 3] = ['\'', '’', 'ʼ'];

/// Stems of many texts as term numbers (one per distinct stem), each
/// distinct piece of text between spaces stemmed once: the terms are
/// exactly those of [`FrenchTokenizer::tokenize`] on the whole text.
///
/// A space is a word boundary wherever it is. Control characters (line
/// breaks, tabs) are not always: the crate's accent folding drops them once
/// it has met a character that is not ASCII (DEL or above) earlier in the
/// text, so that « préfecture\nDREETS » is one word there while
/// « prefecture\nDREETS » is two. A piece holding control characters is
/// therefore stemmed in the state the text before it left.
pub struct TermTokenizer<'t> {
    tokenizer: &'t FrenchTokenizer,
    pieces: HashMap<(&'t str, bool), Vec<u32>, BuildHasherDefault<PieceHasher>>,
    terms: HashMap<String, u32>,
}

impl<'t> TermTokenizer<'t> {
    pub fn new(tokenizer: &'t FrenchTokenizer) -> TermTokenizer<'t> {
        TermTokenizer {
            tokenizer,
            pieces: HashMap::default(),
            terms: HashMap::new(),
        }
    }

    /// Calls `each` with the term of each stem of `text`, in order.
    pub fn for_each_term(&mut self, text: &'t str, mut each: impl FnMut(u32)) {
        let mut folding = false;
        for piece in pieces(text) {
            let drops_controls = folding && piece.control;
            let key = (piece.text, drops_controls);
            if let Some(terms) = self.pieces.get(&key) {
                terms.iter().for_each(|&t| each(t));
            } else {
                let stems = if drops_controls {
                    let kept: String = piece.text.chars().filter(|c| !c.is_control()).collect();
                    self.tokenizer.tokenize(&kept)
                } else {
                    self.tokenizer.tokenize(piece.text)
                };
                let terms: Vec<u32> = stems.into_iter().map(|s| self.term(s)).collect();
                terms.iter().for_each(|&t| each(t));
                self.pieces.insert(key, terms);
            }
            folding = folding || piece.folds;
        }
    }

    /// The term numbers given so far, by stem.
    pub fn into_terms(self) -> HashMap<String, u32> {
        self.terms
    }

    fn term(&mut self, stem: String) -> u32 {
        let next = self.terms.len() as u32;
        *self.terms.entry(stem).or_insert(next)
    }
}

/// A piece of text between spaces.
struct Piece<'t> {
    text: &'t str,
    /// It holds a control character.
    control: bool,
    /// It holds a character after which the crate's accent folding drops
    /// control characters: DEL or above, except elisions (spaces by then).
    folds: bool,
}

/// The non-empty pieces of `text` between spaces. One pass over the bytes:
/// this runs on every row of the export, in builds where the standard
/// library's generic string searches are not optimised.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < bytes.len() {
            let (mut control, mut non_ascii) = (false, false);
            let mut end = start;
            while end < bytes.len() && bytes[end] != b' ' {
                let b = bytes[end];
                control |= b < 0x20 || b == 0x7f;
                non_ascii |= b >= 0x7f;
                end += 1;
            }
            let piece = &text[start..end];
            start = end + 1;
            if piece.is_empty() {
                continue;
            }
            let mut folds = false;
            if non_ascii {
                for c in piece.chars() {
                    control |= c.is_control();
                    folds |= c >= '\u{7f}' && !ELISIONS.contains(&c);
                }
            }
            return Some(Piece {
                text: piece,
                control,
                folds,
            });
        }
        None
    })
}

/// A multiply-rotate hash (as in Firefox and rustc) for the piece cache,
/// looked up for every word of every row: the standard SipHash guards
/// against crafted collisions, which a spreadsheet the user downloaded
/// has no reason to hold, and costs several times more.
#[derive(Default, Clone, Copy)]
struct PieceHasher(u64);

impl PieceHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for PieceHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cached(text: &str) -> Vec<String> {
        let tokenizer = FrenchTokenizer::new();
        let mut cache = TermTokenizer::new(&tokenizer);
        let mut terms = Vec::new();
        // Twice, so that the second pass reads the cache.
        for _ in 0..2 {
            terms.clear();
            cache.for_each_term(text, |t| terms.push(t));
        }
        let stems = cache.into_terms();
        let by_term: HashMap<u32, String> = stems.into_iter().map(|(s, t)| (t, s)).collect();
        terms.iter().map(|t| by_term[t].clone()).collect()
    }

    #[test]
    fn piece_by_piece_gives_the_stems_of_the_whole_text() {
        for text in [
            "Tri automatique des courriels reçus par la préfecture",
            "l'usage d’un agent\tà\nl’État, 3.5 % des « cas » (n° 12) e-mail",
            "Données\u{a0}ouvertes: API,  piscines; Œuvre naïve — déjà vu…",
            "prefecture\nDREETS usage\tcourriel préfecture\nDREETS usage\tcourriel",
            "tri\u{7f}\ncourriel\ntri\r\ndroit l’\ntravail",
            "",
        ] {
            let tokenizer = FrenchTokenizer::new();
            assert_eq!(cached(text), tokenizer.tokenize(text), "{text:?}");
        }
    }

    #[test]
    fn elisions_stop_words_letters_and_numbers_are_dropped() {
        let tokenizer = FrenchTokenizer::new();
        assert_eq!(
            tokenizer.tokenize("l'image d’un courriel de 2024 à a"),
            ["imag", "courriel"]
        );
    }
}
