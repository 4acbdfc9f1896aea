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
        let local = id.rsplit('.').next().unwrap_or(id);
        let mut same_name = self
            .questions()
            .filter(|(_, q)| q.id == local)
            .map(|(s, q)| s.full_id(q));
        if let (Some(only), None) = (same_name.next(), same_name.next()) {
            return Some(only);
        }
        // A few edits for a long name, one for a short one: « couleur » is
        // no typo of « cout_etp ».
        let most = (local.chars().count() / 4).clamp(1, 3);
        let (id_chars, local_chars) = (lowercase(id), lowercase(local));
        let mut best: Option<(usize, String)> = None;
        for (s, q) in self.questions() {
            // Within `most`, and better than the best so far, or not worth
            // computing.
            let bound = match &best {
                None => most,
                Some((0, _)) => break,
                Some((d, _)) => d - 1,
            };
            let full = s.full_id(q);
            let whole = distance_within(&lowercase(&full), &id_chars, bound);
            let name = bound
                .checked_sub(1)
                .and_then(|b| distance_within(&lowercase(&q.id), &local_chars, b))
                .map(|d| d + 1);
            let d = match (whole, name) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => match a.or(b) {
                    Some(d) => d,
                    None => continue,
                },
            };
            if best.as_ref().is_none_or(|(b, _)| d < *b) {
                best = Some((d, full));
            }
        }
        best.map(|(_, id)| id)
    }

    /// The section id closest to a misspelt one (`indentite` → `identite`).
    pub fn nearest_section(&self, id: &str) -> Option<String> {
        let most = (id.chars().count() / 4).clamp(1, 3);
        let id_chars = lowercase(id);
        nearest(self.sections.iter().map(|s| s.id.as_str()), &id_chars, most)
    }
}

impl Question {
    /// The field of this list question closest to a misspelt one
    /// (`natur` → `nature`).
    pub fn nearest_field(&self, key: &str) -> Option<String> {
        if key.len() > 200 {
            return None;
        }
        let most = (key.chars().count() / 4).clamp(1, 3);
        nearest(
            self.fields.iter().map(|f| f.id.as_str()),
            &lowercase(key),
            most,
        )
    }
}

/// The first of `names` at the smallest distance from `typed`, if within
/// `most` edits.
fn nearest<'a>(
    names: impl Iterator<Item = &'a str>,
    typed: &[char],
    most: usize,
) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for name in names {
        let bound = match best {
            None => most,
            Some((0, _)) => break,
            Some((d, _)) => d - 1,
        };
        if let Some(d) = distance_within(&lowercase(name), typed, bound) {
            best = Some((d, name));
        }
    }
    best.map(|(_, name)| name.to_string())
}

fn lowercase(s: &str) -> Vec<char> {
    s.to_lowercase().chars().collect()
}

/// The Levenshtein distance of `a` and `b` in characters, an adjacent swap
/// (`prodiut`) counting as one edit, if it is at most `most`: computed row
/// by row, and given up as soon as two rows in a row are all above `most`
/// (no later row can come back under it). A file of 20 000 unknown keys
/// took 17 s to check when every distance was computed in full.
fn distance_within(a: &[char], b: &[char], most: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let width = b.len() + 1;
    // Rows i − 2, i − 1 and i.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut row: Vec<usize> = vec![0; width];
    let mut previous_low = 0;
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
        }
        let low = *row.iter().min().expect("a row has a first cell");
        if low > most && previous_low > most {
            return None;
        }
        previous_low = low;
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    let d = previous[b.len()];
    (d <= most).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::{distance_within, lowercase};
    use crate::form::builtin;

    /// The distance computed in full, as before the bound.
    fn distance(a: &str, b: &str) -> usize {
        let (a, b) = (lowercase(a), lowercase(b));
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

    /// The question suggested is the one the full distances suggested
    /// before the bound (the first of the closest, within a few edits).
    #[test]
    fn the_suggestions_are_those_of_the_full_distances() {
        let form = builtin();
        let ids: Vec<String> = form.questions().map(|(s, q)| s.full_id(q)).collect();
        let reference = |id: &str| -> Option<String> {
            let local = id.rsplit('.').next().unwrap_or(id);
            let same: Vec<&String> = ids
                .iter()
                .filter(|f| f.ends_with(&format!(".{local}")))
                .collect();
            if same.len() == 1 {
                return Some(same[0].clone());
            }
            let (best, d) = ids
                .iter()
                .map(|f| {
                    (
                        f,
                        distance(f, id).min(distance(f.rsplit('.').next().unwrap(), local) + 1),
                    )
                })
                .min_by_key(|(_, d)| *d)?;
            (d <= (local.chars().count() / 4).clamp(1, 3)).then(|| best.clone())
        };
        let mut found = 0;
        for typed in misspellings(&ids) {
            let suggested = form.nearest_question(&typed);
            assert_eq!(suggested, reference(&typed), "{typed}");
            found += usize::from(suggested.is_some());
        }
        assert!(found > 500, "{found}");
        let sections: Vec<String> = form.sections.iter().map(|s| s.id.clone()).collect();
        for typed in misspellings(&sections) {
            let most = (typed.chars().count() / 4).clamp(1, 3);
            let expected = sections
                .iter()
                .map(|s| (distance(s, &typed), s))
                .filter(|(d, _)| *d <= most)
                .min_by_key(|(d, _)| *d)
                .map(|(_, s)| s.clone());
            assert_eq!(form.nearest_section(&typed), expected, "{typed}");
        }
    }

    /// The form's ids, each with letters swapped, dropped, added, in
    /// capitals, in another section, and words of their own.
    fn misspellings(ids: &[String]) -> Vec<String> {
        let mut typed: Vec<String> = ids.to_vec();
        for id in ids {
            let chars: Vec<char> = id.chars().collect();
            for k in 0..chars.len().min(12) {
                let mut swapped = chars.clone();
                if k + 1 < chars.len() {
                    swapped.swap(k, k + 1);
                }
                typed.push(swapped.into_iter().collect());
                let mut dropped = chars.clone();
                dropped.remove(k);
                typed.push(dropped.into_iter().collect());
            }
            typed.push(format!("{id}xyz"));
            typed.push(id.to_uppercase());
            let local = id.rsplit('.').next().unwrap();
            typed.push(format!("autre.{local}"));
            typed.push(local.to_string());
        }
        typed.extend(["identite.couleur", "x", "", "cle_inconnue_1"].map(String::from));
        typed
    }

    /// The bounded distance is the full one whenever that is within the
    /// bound, and `None` otherwise, on the form's ids against misspellings
    /// of them and against each other.
    #[test]
    fn the_bounded_distance_is_the_full_one_within_its_bound() {
        let form = builtin();
        let ids: Vec<String> = form.questions().map(|(s, q)| s.full_id(q)).collect();
        let typed = misspellings(&ids);
        let mut within = 0;
        for a in ids.iter().take(30) {
            for b in &typed {
                let full = distance(a, b);
                for most in 0..5 {
                    let bounded = distance_within(&lowercase(a), &lowercase(b), most);
                    assert_eq!(bounded, (full <= most).then_some(full), "{a} / {b}, {most}");
                    within += usize::from(bounded.is_some());
                }
            }
        }
        assert!(within > 1000, "{within}");
    }

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
