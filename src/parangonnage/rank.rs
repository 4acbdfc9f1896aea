//! Ranking the rows of an export by closeness to a query with BM25 (the
//! `bm25` crate's French tokenizer, scored over an inverted index: see
//! `postings`), and saying which words matched.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::columns::Columns;
use super::postings::{Postings, PostingsBuilder, Term};
use super::query::Query;
use super::reader::Table;
use super::text;
use super::tokens::{FrenchTokenizer, TermTokenizer};

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
    postings: Postings,
    initiatives: Vec<Initiative>,
    /// The searched text of each row, to find the words that matched.
    texts: Vec<String>,
}

impl Index {
    /// Tokenizes every row once and builds the inverted index.
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
        let postings = {
            let mut terms = TermTokenizer::new(&tokenizer);
            let mut builder = PostingsBuilder::default();
            for text in &texts {
                builder.start_row();
                terms.for_each_term(text, |term| builder.push(term));
            }
            builder.build(terms.into_terms())
        };
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
            postings,
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
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for stem in self.tokenizer.tokenize(query.text()) {
            *counts.entry(stem).or_default() += 1;
        }
        let terms: Vec<(Term, usize)> = counts
            .iter()
            .filter_map(|(stem, n)| Some((self.postings.term(stem)?, (*n).min(MAX_QUERY_REPEAT))))
            .collect();
        let mut matches = self.postings.scores(&terms);
        matches.retain(|(_, score)| *score > 0.0);
        matches.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        matches
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, (row, score))| Ranked {
                rank: i + 1,
                score,
                initiative: self.initiatives[row].clone(),
                words: self.matched_words(row, &counts),
            })
            .collect()
    }

    /// The words of row `row` whose stem is in the query, as written in the
    /// row (lower-cased), the most telling (highest BM25 score of the stem
    /// alone in the row) first.
    fn matched_words(&self, row: usize, query_stems: &BTreeMap<String, usize>) -> Vec<String> {
        let mut surface: HashMap<String, String> = HashMap::new();
        for word in text::words(&self.texts[row]) {
            for stem in self.tokenizer.tokenize(word) {
                if query_stems.contains_key(&stem) {
                    surface.entry(stem).or_insert_with(|| word.to_lowercase());
                }
            }
        }
        let mut scored: Vec<(f32, String)> = surface
            .into_iter()
            .map(|(stem, word)| {
                let score = self
                    .postings
                    .term(&stem)
                    .map_or(0.0, |term| self.postings.term_score(row, term));
                (score, word)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored.into_iter().take(MAX_WORDS).map(|(_, w)| w).collect()
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
