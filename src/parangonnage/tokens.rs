//! Turning text into the stems BM25 compares: the `bm25` crate's French
//! tokenizer (Snowball stemming, stop-words, accents folded), after splitting
//! elisions, with a cache so that a piece of text repeated across ten thousand rows is
//! stemmed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use bm25::{DefaultTokenizer, Language, Tokenizer};

/// The crate's French tokenizer, after splitting elisions (« l'usage »,
/// « d’un » are one word to Unicode, two to a French reader) and dropping
/// one-letter and all-digit tokens and the stems of [`COMMON_WORDS`],
/// which only add chance matches.
pub struct FrenchTokenizer {
    inner: DefaultTokenizer,
    common: Vec<String>,
}

/// Words the crate's French stop-word list keeps but that say nothing of
/// what two projects share: shown as « mots en commun », they read as
/// noise (« aussi, cas, bon »).
const COMMON_WORDS: &str = "aussi ainsi alors autre autres avant après bon bonne cas car \
    chaque comme déjà donc dont encore entre etc faire fait plus puis sans selon \
    sont tout tous toute toutes très peut être avoir cette ceux celle celui \
    plusieurs certains certaines notamment afin lors";

impl FrenchTokenizer {
    pub fn new() -> FrenchTokenizer {
        let inner = DefaultTokenizer::new(Language::French);
        let common = inner.tokenize(COMMON_WORDS);
        FrenchTokenizer { inner, common }
    }

    /// The stems of `text`, in order. Line breaks, tabs and other control
    /// characters separate words as spaces do: the crate's accent folding
    /// would otherwise drop them once it has met an accent, gluing
    /// « préfecture\nDREETS » (two cells of a row, two lines of a
    /// description) into one word.
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        let split = text.replace(|c: char| c.is_control() || ELISIONS.contains(&c), " ");
        self.inner
            .tokenize(&split)
            .into_iter()
            .filter(|t| t.chars().count() > 1 && !t.chars().all(|c| c.is_ascii_digit()))
            .filter(|t| !self.common.contains(t))
            .collect()
    }
}

const ELISIONS: [char; 3] = ['\'', '’', 'ʼ'];

/// Stems of many texts as term numbers (one per distinct stem), each
/// distinct piece of text between spaces and line breaks stemmed once: the
/// terms are exactly those of [`FrenchTokenizer::tokenize`] on the whole
/// text, since both split words there.
pub struct TermTokenizer<'t> {
    tokenizer: &'t FrenchTokenizer,
    pieces: HashMap<&'t str, Vec<u32>, BuildHasherDefault<PieceHasher>>,
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
        for piece in pieces(text) {
            if let Some(terms) = self.pieces.get(piece) {
                terms.iter().for_each(|&t| each(t));
            } else {
                let stems = self.tokenizer.tokenize(piece);
                let terms: Vec<u32> = stems.into_iter().map(|s| self.term(s)).collect();
                terms.iter().for_each(|&t| each(t));
                self.pieces.insert(piece, terms);
            }
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

/// The non-empty pieces of `text` between spaces and ASCII control
/// characters (line breaks, tabs). One pass over the bytes: this runs on
/// every row of the export, in builds where the standard library's generic
/// string searches are not optimised.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ' ' || c.is_ascii_control())
        .filter(|piece| !piece.is_empty())
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

    #[test]
    fn common_words_are_not_matches() {
        let tokenizer = FrenchTokenizer::new();
        assert_eq!(
            tokenizer.tokenize("Aussi, dans ce cas, un bon tri des courriels"),
            ["tri", "courriel"]
        );
    }

    #[test]
    fn line_breaks_separate_words_after_an_accent_too() {
        let tokenizer = FrenchTokenizer::new();
        assert_eq!(
            tokenizer.tokenize("préfecture\nDREETS\ttravail"),
            tokenizer.tokenize("préfecture DREETS travail")
        );
        assert_eq!(tokenizer.tokenize("préfecture\nDREETS").len(), 2);
    }
}
