//! Ranking the rows of an export by closeness to a query with BM25 (the
//! `bm25` crate: its French tokenizer (Snowball stemming, stop-words, accents
//! folded), its embedder and its scorer), and saying which words matched.

use std::collections::{HashMap, HashSet};

use bm25::{
    DefaultTokenizer, Embedder, EmbedderBuilder, Embedding, Language, Scorer, TokenEmbedder,
    TokenEmbedding, Tokenizer,
};
use serde::Serialize;

use super::columns::Columns;
use super::query::Query;
use super::reader::Table;
use super::text;

/// A word repeated many times in a long application counts at most this
/// many times, so that one theme does not drown the others.
const MAX_QUERY_REPEAT: usize = 3;
/// Matched words shown per result, most telling first.
const MAX_WORDS: usize = 8;

/// One initiative of the export, as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Initiative {
    /// Where it is in the export (CSV line or spreadsheet row), to find it.
    pub line: u64,
    pub name: String,
    pub administration: String,
    pub description: String,
    pub contact: String,
}

/// A row close to the query: its rank from 1, its BM25 score and the words
/// of the row that matched (as written in the row, most telling first).
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    pub rank: usize,
    pub score: f32,
    pub initiative: Initiative,
    pub words: Vec<String>,
}

/// The rows of an export, ready to be searched many times.
pub struct Index {
    tokenizer: FrenchTokenizer,
    scorer: Scorer<usize, u32>,
    initiatives: Vec<Initiative>,
    /// The searched text of each row, to find the words that matched.
    texts: Vec<String>,
}

impl Index {
    /// Tokenizes every row once and builds the BM25 index.
    pub fn build(table: &Table, columns: &Columns) -> Index {
        let tokenizer = FrenchTokenizer::new();
        let searchable = columns.searchable(table.headers.len());
        let texts: Vec<String> = table
            .rows
            .iter()
            .map(|row| {
                searchable
                    .iter()
                    .map(|&i| row.cell(i))
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        let stems: Vec<Vec<String>> = texts.iter().map(|t| tokenizer.tokenize(t)).collect();
        let total: usize = stems.iter().map(Vec::len).sum();
        let avgdl = total as f32 / stems.len().max(1) as f32;
        let embedder: Embedder<u32, Pretokenized> =
            EmbedderBuilder::with_avgdl(avgdl.max(1.0)).build();
        let mut scorer = Scorer::new();
        for (i, stems) in stems.iter().enumerate() {
            scorer.upsert(&i, embedder.embed(&stems.join(" ")));
        }
        let cell = |row: &super::Row, col: Option<usize>| {
            col.map(|c| row.cell(c)).unwrap_or("").to_string()
        };
        let initiatives = table
            .rows
            .iter()
            .map(|row| Initiative {
                line: row.line,
                name: cell(row, Some(columns.name)),
                administration: cell(row, columns.administration),
                description: cell(row, Some(columns.description)),
                contact: cell(row, columns.contact),
            })
            .collect();
        Index {
            tokenizer,
            scorer,
            initiatives,
            texts,
        }
    }

    /// How many rows are indexed.
    pub fn len(&self) -> usize {
        self.initiatives.len()
    }

    pub fn is_empty(&self) -> bool {
        self.initiatives.is_empty()
    }

    /// The `limit` rows closest to `query`, best first; rows sharing no
    /// word with the query are left out. Equal scores keep the file's order.
    pub fn rank(&self, query: &Query, limit: usize) -> Vec<Ranked> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for stem in self.tokenizer.tokenize(query.text()) {
            *counts.entry(stem).or_default() += 1;
        }
        let query_stems: HashSet<&str> = counts.keys().map(String::as_str).collect();
        let embedding = Embedding(
            counts
                .iter()
                .flat_map(|(stem, n)| std::iter::repeat_n(stem, (*n).min(MAX_QUERY_REPEAT)))
                .map(|stem| TokenEmbedding {
                    index: u32::embed(stem),
                    value: 1.0,
                })
                .collect(),
        );
        let mut matches = self.scorer.matches(&embedding);
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        matches
            .into_iter()
            .filter(|m| m.score > 0.0)
            .take(limit)
            .enumerate()
            .map(|(i, m)| Ranked {
                rank: i + 1,
                score: m.score,
                initiative: self.initiatives[m.id].clone(),
                words: self.matched_words(m.id, &query_stems),
            })
            .collect()
    }

    /// The words of row `id` whose stem is in the query, as written in the
    /// row (lower-cased), the most telling (highest BM25 share) first.
    fn matched_words(&self, id: usize, query_stems: &HashSet<&str>) -> Vec<String> {
        let mut surface: HashMap<String, String> = HashMap::new();
        for word in text::words(&self.texts[id]) {
            for stem in self.tokenizer.tokenize(word) {
                if query_stems.contains(stem.as_str()) {
                    surface.entry(stem).or_insert_with(|| word.to_lowercase());
                }
            }
        }
        let mut scored: Vec<(f32, String)> = surface
            .into_iter()
            .map(|(stem, word)| {
                let alone = Embedding(vec![TokenEmbedding {
                    index: u32::embed(&stem),
                    value: 1.0,
                }]);
                (self.scorer.score(&id, &alone).unwrap_or(0.0), word)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.into_iter().take(MAX_WORDS).map(|(_, w)| w).collect()
    }
}

/// The crate's French tokenizer, after splitting elisions (« l'usage »,
/// « d’un » are one word to Unicode, two to a French reader) and dropping
/// one-letter and all-digit tokens, which only add chance matches.
struct FrenchTokenizer {
    inner: DefaultTokenizer,
}

impl FrenchTokenizer {
    fn new() -> FrenchTokenizer {
        FrenchTokenizer {
            inner: DefaultTokenizer::new(Language::French),
        }
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        let split = text.replace(['\'', '’', 'ʼ'], " ");
        self.inner
            .tokenize(&split)
            .into_iter()
            .filter(|t| t.chars().count() > 1 && !t.chars().all(|c| c.is_ascii_digit()))
            .collect()
    }
}

/// Stems already computed by [`FrenchTokenizer`], joined by spaces: lets
/// the crate's embedder weigh them without tokenizing every row twice.
#[derive(Default)]
struct Pretokenized;

impl Tokenizer for Pretokenized {
    fn tokenize(&self, input_text: &str) -> Vec<String> {
        input_text
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parangonnage::{ColumnSpec, read_bytes};

    fn index(csv: &str) -> Index {
        let table = read_bytes(csv.as_bytes(), "t.csv").unwrap();
        let columns = Columns::detect(&table, &ColumnSpec::default()).unwrap();
        Index::build(&table, &columns)
    }

    const CSV: &str = "Nom,Description,Contact\n\
        Trieur,Tri automatique des courriels reçus par la préfecture,a@b.fr\n\
        Juriste,Réponses aux questions de droit du travail,\n\
        Cartes,Détection des piscines sur les images aériennes,\n";

    #[test]
    fn stems_and_accents_match_across_word_forms() {
        let results = index(CSV).rank(&Query::from_words("trier le courriel reçu"), 10);
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].initiative.name, "Trieur");
        assert_eq!(results[0].initiative.contact, "a@b.fr");
        assert!(
            results[0].words.contains(&"courriels".to_string()),
            "{:?}",
            results[0].words
        );
    }

    #[test]
    fn elisions_and_stop_words_do_not_match() {
        let idx = index(CSV);
        assert!(
            idx.rank(&Query::from_words("l'un des sur les aux"), 10)
                .is_empty()
        );
        let results = idx.rank(&Query::from_words("l’image"), 10);
        assert_eq!(results[0].initiative.name, "Cartes");
        assert_eq!(results[0].words, ["images"]);
    }

    #[test]
    fn ranks_by_score_and_respects_the_limit() {
        let idx = index(CSV);
        let results = idx.rank(
            &Query::from_words("questions de droit du travail, courriels"),
            1,
        );
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].rank, 1);
        assert_eq!(results[0].initiative.name, "Juriste");
        let mut words = results[0].words.clone();
        words.sort();
        assert_eq!(words, ["droit", "questions", "travail"]);
    }
}
