//! `fiche check` options: files and folders, the summary table's order and
//! format, or the detailed report.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::CheckFormat;

pub const CHECK_AFTER_HELP: &str = "\
Avec plusieurs candidatures (ou un dossier), fiche affiche un tableau récapitulatif, une ligne par candidature : fichier, produit, administration, complétude, score de préparation, erreurs et avertissements du coach, budget annuel, montant demandé, économies par an et la remarque la plus importante. Les fichiers .toml d’un dossier qui ne sont pas des candidatures sont listés comme ignorés.
Exemples : fiche check candidatures/ --sort economies ; fiche check candidatures/ --format csv > tableau.csv ; fiche check a.toml b.toml --details
Code de sortie : 0 si toutes les candidatures sont complètes et valides, 1 sinon, 2 en cas d’erreur de lecture ou d’usage.";

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fichiers de candidature (.toml) ou dossiers (toutes les candidatures qu’ils contiennent, sous-dossiers compris)
    #[arg(value_name = "FICHIER|DOSSIER", required = true)]
    pub files: Vec<PathBuf>,
    /// Format de sortie
    #[arg(long, value_enum, default_value_t = CheckFormat::Text, value_name = "FORMAT")]
    pub format: CheckFormat,
    /// Ordre des lignes du tableau récapitulatif
    #[arg(long, value_enum, default_value_t = SortOrder::Score, value_name = "ORDRE")]
    pub sort: SortOrder,
    /// Rapport détaillé de chaque candidature au lieu du tableau récapitulatif
    #[arg(long)]
    pub details: bool,
}

/// `--sort`: French keys, with English aliases for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortOrder {
    /// Score de préparation, le meilleur d’abord
    #[value(alias = "readiness")]
    Score,
    /// Ordre des arguments, fichiers de chaque dossier par nom
    #[value(alias = "file")]
    Fichier,
    /// Nom du produit, par ordre alphabétique
    #[value(alias = "product")]
    Produit,
    /// Administration, par ordre alphabétique
    Administration,
    /// Complétude, la plus complète d’abord
    #[value(alias = "completeness")]
    Completude,
    /// Économies par an, les plus fortes d’abord
    #[value(alias = "savings")]
    Economies,
    /// Budget annuel, le plus élevé d’abord
    Budget,
    /// Montant demandé, le plus élevé d’abord
    #[value(alias = "asked")]
    Montant,
}

impl SortOrder {
    pub fn key(self) -> fiche::review::SortKey {
        use fiche::review::SortKey;
        match self {
            SortOrder::Score => SortKey::Readiness,
            SortOrder::Fichier => SortKey::File,
            SortOrder::Produit => SortKey::Product,
            SortOrder::Administration => SortKey::Administration,
            SortOrder::Completude => SortKey::Completeness,
            SortOrder::Economies => SortKey::Savings,
            SortOrder::Budget => SortKey::Budget,
            SortOrder::Montant => SortKey::Asked,
        }
    }
}
