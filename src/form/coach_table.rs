//! The entries of a form file's `[coach]` table this program knows, checked
//! when the form is loaded. The coach reads them (`coach::Thresholds`); the
//! check lives with the form so the loader does not depend on the coach.

/// The numeric entries of `[coach]`: (key, whole number only).
const NUMBER_KEYS: &[(&str, bool)] = &[
    ("petite_echelle_agents", false),
    ("petite_echelle_volume", false),
    ("retour_max_mois", false),
    ("jalons_min", true),
];

/// The word-list entries of `[coach]`.
const WORD_KEYS: &[&str] = &["placeholders", "alternatives_vides", "controle_humain_vide"];

/// Checks a form's `[coach]` table, so a typo in a threshold or in its
/// name is reported when the form is loaded instead of silently replaced
/// by the guide's value. The error names the entry.
pub fn check_coach_table(table: &toml::Table) -> Result<(), String> {
    let known = || {
        NUMBER_KEYS
            .iter()
            .map(|(key, _)| *key)
            .chain(WORD_KEYS.iter().copied())
    };
    if let Some(key) = table.keys().find(|k| !known().any(|known| known == *k)) {
        return Err(format!(
            "clé « {} » inconnue (faute de frappe ?) ; clés possibles : {}",
            crate::sanitize::echo(key),
            known().collect::<Vec<_>>().join(", ")
        ));
    }
    for (key, whole) in NUMBER_KEYS {
        let Some(v) = table.get(*key) else { continue };
        let n = match v {
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::Float(f) if !whole => Some(*f),
            _ => None,
        };
        let ok = n.is_some_and(|n| (0.0..=crate::limits::MAX_ABS_NUMBER).contains(&n));
        if !ok {
            let what = if *whole {
                "un nombre entier positif ou nul"
            } else {
                "un nombre positif ou nul"
            };
            return Err(format!(
                "« {key} » doit être {what}, sans guillemets (valeur : {})",
                crate::sanitize::echo(&v.to_string())
            ));
        }
    }
    for key in WORD_KEYS {
        let Some(v) = table.get(*key) else { continue };
        let ok = v
            .as_array()
            .is_some_and(|a| a.iter().all(|w| w.as_str().is_some()));
        if !ok {
            return Err(format!(
                "« {key} » doit être une liste de textes, par exemple [\"à compléter\", \"todo\"] (valeur : {})",
                crate::sanitize::echo(&v.to_string())
            ));
        }
    }
    Ok(())
}
