//! BM25 over an inverted index: for each stem, the rows that hold it with
//! its weight in each. A search reads only the lists of the query's stems,
//! instead of comparing the query with every row.
//!
//! The formulas are the `bm25` crate's (k1 = 1.2, b = 0.75, its idf), so
//! the scores are the ones its `Scorer` gave:
//! weight = tf × (k1 + 1) / (tf + k1 × (1 − b + b × longueur / longueur moyenne)),
//! idf = ln(1 + (N − df + 0.5) / (df + 0.5)),
//! score = Σ over the query's stems (repeated as in the query) of idf × weight.

use std::collections::HashMap;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Gathers the rows' stems (as term numbers), then
/// [`PostingsBuilder::build`] weighs them.
#[derive(Default)]
pub struct PostingsBuilder {
    /// For each term, the rows holding it and how many times.
    counted: Vec<Vec<(u32, u32)>>,
    /// Each row's length in stems.
    lengths: Vec<u32>,
    /// The current row's count for each term, and the terms it holds.
    counts: Vec<u32>,
    held: Vec<u32>,
}

impl PostingsBuilder {
    /// Starts a new row; the following [`PostingsBuilder::push`] go to it.
    pub fn start_row(&mut self) {
        self.end_row();
        self.lengths.push(0);
    }

    /// Adds one occurrence of `term` to the current row.
    pub fn push(&mut self, term: u32) {
        *self.lengths.last_mut().expect("start_row before push") += 1;
        let t = term as usize;
        if t >= self.counts.len() {
            self.counts.resize(t + 1, 0);
        }
        if self.counts[t] == 0 {
            self.held.push(term);
        }
        self.counts[t] += 1;
    }

    fn end_row(&mut self) {
        let row = self.lengths.len().saturating_sub(1) as u32;
        for term in self.held.drain(..) {
            let t = term as usize;
            if t >= self.counted.len() {
                self.counted.resize_with(t + 1, Vec::new);
            }
            self.counted[t].push((row, self.counts[t]));
            self.counts[t] = 0;
        }
    }

    /// The index, `terms` giving each stem's term number (all those pushed).
    pub fn build(mut self, terms: HashMap<String, u32>) -> Postings {
        self.end_row();
        let row_count = self.lengths.len();
        let total: u64 = self.lengths.iter().map(|&l| u64::from(l)).sum();
        let avgdl = (total as f32 / row_count.max(1) as f32).max(1.0);
        let rows = row_count as f32;
        self.counted.resize_with(terms.len(), Vec::new);
        let mut idf = Vec::with_capacity(self.counted.len());
        let lists = self
            .counted
            .into_iter()
            .map(|counted| {
                let df = counted.len() as f32;
                idf.push((1.0 + (rows - df + 0.5) / (df + 0.5)).ln());
                counted
                    .into_iter()
                    .map(|(row, tf)| {
                        let tf = tf as f32;
                        let length = self.lengths[row as usize] as f32;
                        let numerator = tf * (K1 + 1.0);
                        let denominator = tf + K1 * (1.0 - B + B * (length / avgdl));
                        Posting {
                            row,
                            weight: numerator / denominator,
                        }
                    })
                    .collect()
            })
            .collect();
        Postings {
            terms,
            idf,
            lists,
            rows: row_count,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    row: u32,
    weight: f32,
}

/// The inverted index: stem → the rows holding it (in row order) and its
/// weight there.
pub struct Postings {
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
    lists: Vec<Vec<Posting>>,
    rows: usize,
}

/// A stem of the index, as [`Postings::term`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term(u32);

impl Postings {
    /// The index's term for `stem`, if some row holds it.
    pub fn term(&self, stem: &str) -> Option<Term> {
        self.terms.get(stem).map(|&t| Term(t))
    }

    /// The BM25 score of each row holding at least one of `query`'s terms
    /// (each counted as many times as given), in row order.
    pub fn scores(&self, query: &[(Term, usize)]) -> Vec<(usize, f32)> {
        let mut scores = vec![0f32; self.rows];
        let mut touched = vec![false; self.rows];
        for &(Term(term), repeat) in query {
            let idf = self.idf[term as usize];
            for posting in &self.lists[term as usize] {
                let row = posting.row as usize;
                let share = idf * posting.weight;
                for _ in 0..repeat {
                    scores[row] += share;
                }
                touched[row] = true;
            }
        }
        scores
            .into_iter()
            .zip(touched)
            .enumerate()
            .filter(|(_, (_, touched))| *touched)
            .map(|(row, (score, _))| (row, score))
            .collect()
    }

    /// The score `term` alone gives `row` (0 when the row lacks it).
    pub fn term_score(&self, row: usize, Term(term): Term) -> f32 {
        let list = &self.lists[term as usize];
        match list.binary_search_by_key(&(row as u32), |p| p.row) {
            Ok(i) => self.idf[term as usize] * list[i].weight,
            Err(_) => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(rows: &[&[&str]]) -> Postings {
        let mut terms: HashMap<String, u32> = HashMap::new();
        let mut builder = PostingsBuilder::default();
        for row in rows {
            builder.start_row();
            for stem in *row {
                let next = terms.len() as u32;
                builder.push(*terms.entry(stem.to_string()).or_insert(next));
            }
        }
        builder.build(terms)
    }

    #[test]
    fn scores_follow_the_bm25_formulas() {
        let p = postings(&[&["tri", "courriel", "courriel"], &["droit"], &[]]);
        // Average length 4 / 3; row 0 is 3 long (2.25 × the average) and
        // holds « courriel » twice; 1 row in 3 holds it.
        let courriel = p.term("courriel").unwrap();
        let weight = 2.0 * 2.2 / (2.0 + 1.2 * (0.25 + 0.75 * 2.25));
        let idf = (1.0f32 + (3.0 - 1.0 + 0.5) / 1.5).ln();
        let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
        assert!(close(p.term_score(0, courriel), idf * weight));
        assert_eq!(p.term_score(1, courriel), 0.0);
        let scores = p.scores(&[(courriel, 2)]);
        assert_eq!(scores.len(), 1);
        assert_eq!(scores[0].0, 0);
        assert!(close(scores[0].1, 2.0 * idf * weight), "{scores:?}");
        assert_eq!(p.term("absent"), None);
    }

    #[test]
    fn rare_stems_weigh_more_and_only_matching_rows_are_scored() {
        let p = postings(&[&["courriel", "tri"], &["courriel", "droit"], &["carte"]]);
        let query = [
            (p.term("courriel").unwrap(), 1),
            (p.term("droit").unwrap(), 1),
        ];
        let scores = p.scores(&query);
        assert_eq!(scores.iter().map(|s| s.0).collect::<Vec<_>>(), [0, 1]);
        assert!(scores[1].1 > scores[0].1, "{scores:?}");
    }
}
