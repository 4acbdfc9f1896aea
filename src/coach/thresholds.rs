//! The coach's thresholds and word lists, read from the form file's `[coach]`
//! table; a missing or mistyped entry falls back on the guide's value.

use rust_decimal::Decimal;

use super::answer;

#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// `petite_echelle_agents`: fewer agents than this…
    pub small_scale_agents: Decimal,
    /// `petite_echelle_volume`: …and fewer operations a year than this is tiny.
    pub small_scale_volume: Decimal,
    /// `retour_max_mois`: a longer payback (months) is a warning.
    pub max_payback_months: Decimal,
    /// `jalons_min`: fewer milestones in the six-month plan is a warning.
    pub min_milestones: usize,
    /// `placeholders`: texts left from a template, compared without case.
    pub placeholders: Vec<String>,
    /// `alternatives_vides`: answers that mean "no alternative considered".
    pub empty_alternatives: Vec<String>,
    /// `controle_humain_vide`: answers to the human check of the AI's
    /// output that mean "no agent checks it".
    pub no_human_check: Vec<String>,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        Thresholds {
            small_scale_agents: Decimal::from(5),
            small_scale_volume: Decimal::from(1000),
            max_payback_months: Decimal::from(36),
            min_milestones: 3,
            placeholders: words(&[
                "à compléter",
                "a completer",
                "todo",
                "tbd",
                "tbc",
                "xxx",
                "lorem ipsum",
                "nom du produit",
                "mon produit",
                "mon projet",
                "à définir",
                "a definir",
                "à préciser",
                "a preciser",
                "...",
            ]),
            empty_alternatives: words(&[
                "aucune",
                "aucun",
                "non",
                "néant",
                "neant",
                "rien",
                "-",
                "n/a",
                "na",
                "sans objet",
                "pas d'alternative",
                "aucune alternative",
                "?",
            ]),
            no_human_check: words(&[
                "aucune",
                "aucun",
                "néant",
                "neant",
                "non",
                "rien",
                "personne",
                "sans objet",
                "n/a",
                "na",
                "aucune validation",
                "aucun contrôle",
                "aucun controle",
                "pas de validation",
                "pas de contrôle",
                "pas de controle",
                "pas de validation humaine",
                "pas de contrôle humain",
                "pas de controle humain",
            ]),
        }
    }
}

impl Thresholds {
    /// Checks a form's `[coach]` table (see [`crate::form::check_coach_table`]).
    pub fn check_table(table: &toml::Table) -> Result<(), String> {
        crate::form::check_coach_table(table)
    }

    /// Reads the `[coach]` table of a form file.
    pub fn from_table(table: &toml::Table) -> Thresholds {
        let mut t = Thresholds::default();
        let number = |key: &str| answer::decimal(table.get(key)).filter(|d| !d.is_sign_negative());
        let words = |key: &str| {
            table.get(key).and_then(|v| v.as_array()).map(|a| {
                a.iter()
                    .filter_map(|w| w.as_str().map(answer::normalized))
                    .collect::<Vec<_>>()
            })
        };
        if let Some(n) = number("petite_echelle_agents") {
            t.small_scale_agents = n;
        }
        if let Some(n) = number("petite_echelle_volume") {
            t.small_scale_volume = n;
        }
        if let Some(n) = number("retour_max_mois") {
            t.max_payback_months = n;
        }
        if let Some(n) = table
            .get("jalons_min")
            .and_then(|v| v.as_integer())
            .and_then(|n| usize::try_from(n).ok())
        {
            t.min_milestones = n;
        }
        if let Some(w) = words("placeholders") {
            t.placeholders = w;
        }
        if let Some(w) = words("alternatives_vides") {
            t.empty_alternatives = w;
        }
        if let Some(w) = words("controle_humain_vide") {
            t.no_human_check = w;
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_form_table_and_keeps_defaults_for_the_rest() {
        let table: toml::Table = toml::from_str(
            "retour_max_mois = 24\njalons_min = \"trois\"\nplaceholders = [\"À Voir\"]",
        )
        .unwrap();
        let t = Thresholds::from_table(&table);
        assert_eq!(t.max_payback_months, Decimal::from(24));
        assert_eq!(t.min_milestones, 3, "a mistyped entry keeps the default");
        assert_eq!(t.placeholders, vec!["à voir".to_string()]);
        assert_eq!(t.small_scale_agents, Decimal::from(5));
    }

    #[test]
    fn nonsense_entries_are_refused_with_their_name() {
        let check = |text: &str| Thresholds::check_table(&toml::from_str(text).unwrap());
        assert!(check("retour_max_mois = 24\njalons_min = 3").is_ok());
        let e = check("jalons_min = \"trois\"").unwrap_err();
        assert!(
            e.starts_with("« jalons_min » doit être un nombre entier"),
            "{e}"
        );
        let e = check("retour_max_mois = nan").unwrap_err();
        assert!(e.contains("retour_max_mois"), "{e}");
        assert!(check("petite_echelle_agents = -5").is_err());
        assert!(check("petite_echelle_volume = 1e300").is_err());
        let e = check("placeholders = \"todo\"").unwrap_err();
        assert!(e.contains("liste de textes"), "{e}");
        assert!(check("placeholders = [1, 2]").is_err());
        let e = check("jalon_min = 2").unwrap_err();
        assert!(
            e.starts_with("clé « jalon_min » inconnue (faute de frappe ?) ; clés possibles : petite_echelle_agents,"),
            "{e}"
        );
    }

    #[test]
    fn the_builtin_form_sets_the_guide_values() {
        let t = Thresholds::from_table(&crate::form::builtin().coach);
        assert_eq!(t.small_scale_volume, Decimal::from(1000));
        assert!(t.placeholders.contains(&"à compléter".to_string()));
    }
}
