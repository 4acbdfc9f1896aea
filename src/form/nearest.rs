//! The id a misspelt one most likely meant (`identite.nom_prodiut` →
//! `identite.nom_produit`), so that `fiche set` and the warning about an
//! unknown answer can say what to write instead.

use super::{Form, Question};

impl Form {
    /// The question id closest to a mistyped one (`section.question`, or a
    /// bare question name): the same question name in another section, or
    /// a small spelling distance. None when nothing is close enough.
    pub fn nearest_question(&self, id: &str) -> Option<String> {
        // Spelling distances are quadratic: a very long id is no typo.
        if id.len() > 200 {
            return None;
        }
        let ids: Vec<String> = self.questions().map(|(s, q)| s.full_id(q)).collect();
        let local = id.rsplit('.').next().unwrap_or(id);
        let same_name: Vec<&String> = ids
            .iter()
            .filter(|f| f.ends_with(&format!(".{local}")))
            .collect();
        if same_name.len() == 1 {
            return Some(same_name[0].clone());
        }
        let (best, distance) = ids
            .iter()
            .map(|f| {
                (
                    f,
                    distance(f, id).min(distance(f.rsplit('.').next().unwrap_or(f), local) + 1),
                )
            })
            .min_by_key(|(_, d)| *d)?;
        // A few edits for a long name, one for a short one: « couleur » is
        // no typo of « cout_etp ».
        (distance <= (local.chars().count() / 4).clamp(1, 3)).then(|| best.clone())
    }

    /// The section id closest to a misspelt one (`indentite` → `identite`).
    pub fn nearest_section(&self, id: &str) -> Option<String> {
        self.sections
            .iter()
            .map(|s| (distance(&s.id, id), &s.id))
            .filter(|(d, _)| *d <= (id.chars().count() / 4).clamp(1, 3))
            .min_by_key(|(d, _)| *d)
            .map(|(_, s)| s.clone())
    }
}

impl Question {
    /// The field of this list question closest to a misspelt one
    /// (`natur` → `nature`).
    pub fn nearest_field(&self, key: &str) -> Option<String> {
        if key.len() > 200 {
            return None;
        }
        self.fields
            .iter()
            .map(|f| (distance(&f.id, key), &f.id))
            .filter(|(d, _)| *d <= (key.chars().count() / 4).clamp(1, 3))
            .min_by_key(|(d, _)| *d)
            .map(|(_, id)| id.clone())
    }
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
