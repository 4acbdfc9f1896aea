//! The id a misspelt one most likely meant (`identite.nom_prodiut` →
//! `identite.nom_produit`), so that a warning about an unknown answer can
//! say what to write instead.

use super::Form;

impl Form {
    /// The question id closest to `full_id` (`section.question`): the same
    /// question name in another section, or a name a few letters away. None
    /// when nothing is close enough to be a typo.
    pub fn nearest_question(&self, full_id: &str) -> Option<String> {
        let (section, key) = full_id.split_once('.')?;
        let mut best: Option<(usize, String)> = None;
        for (s, q) in self.questions() {
            let distance = if q.id == key {
                // Right name, wrong section.
                0
            } else if s.id == section {
                distance(&q.id, key)
            } else {
                continue;
            };
            if distance <= tolerance(key) && best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, s.full_id(q)));
            }
        }
        best.map(|(_, id)| id)
    }

    /// The section id closest to a misspelt one (`indentite` → `identite`).
    pub fn nearest_section(&self, id: &str) -> Option<String> {
        self.sections
            .iter()
            .map(|s| (distance(&s.id, id), &s.id))
            .filter(|(d, _)| *d <= tolerance(id))
            .min_by_key(|(d, _)| *d)
            .map(|(_, s)| s.clone())
    }
}

/// How many edits still look like a typo rather than another word.
fn tolerance(word: &str) -> usize {
    (word.chars().count() / 4).clamp(1, 3)
}

/// Levenshtein distance, in characters; an adjacent swap (`prodiut`) counts
/// as one edit.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use crate::form::builtin;

    #[test]
    fn a_typo_finds_the_question_meant() {
        let form = builtin();
        let near = |id: &str| form.nearest_question(id);
        assert_eq!(
            near("identite.nom_prodiut").as_deref(),
            Some("identite.nom_produit")
        );
        assert_eq!(
            near("volume.volume_anuel").as_deref(),
            Some("volume.volume_annuel")
        );
        assert_eq!(
            near("identite.chef_produit_mail").as_deref(),
            Some("identite.chef_produit_email")
        );
        // The right name in the wrong section.
        assert_eq!(
            near("identite.volume_annuel").as_deref(),
            Some("volume.volume_annuel")
        );
        // A word of its own is not a typo.
        assert_eq!(near("identite.couleur"), None);
    }

    #[test]
    fn a_typo_finds_the_section_meant() {
        let form = builtin();
        assert_eq!(
            form.nearest_section("indentite").as_deref(),
            Some("identite")
        );
        assert_eq!(
            form.nearest_section("statu-quo").as_deref(),
            Some("statu_quo")
        );
        assert_eq!(form.nearest_section("inconnue"), None);
    }
}
