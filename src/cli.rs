//! Command-line definitions (clap). Every text a user reads here is French.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
{usage-heading} {usage}

{all-args}{after-help}";

/// Préparez votre candidature à All_Ia_nce, l'incubateur IA de l'État (DINUM) :
/// un assistant dans le terminal qui vous guide question par question et
/// produit la fiche action en Markdown, HTML et PDF.
#[derive(Debug, Parser)]
#[command(
    name = "fiche",
    version,
    help_template = HELP_TEMPLATE,
    override_usage = "fiche [FICHIER]\n       fiche <COMMANDE> [OPTIONS]",
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    args_conflicts_with_subcommands = true,
    after_help = "Sans argument, fiche reprend le brouillon le plus récent du dossier courant ou en commence un nouveau.\nExemple : fiche examples/assistant-srdt.toml"
)]
pub struct Cli {
    /// Candidature (fichier .toml) à ouvrir dans l'assistant ; créée si elle n'existe pas
    #[arg(value_name = "FICHIER")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options valid with every command.
#[derive(Debug, Args)]
#[command(next_help_heading = "Options générales")]
pub struct GlobalArgs {
    /// Utiliser le formulaire du dossier DOSSIER (qui contient form.toml) au lieu du formulaire intégré
    #[arg(long, value_name = "DOSSIER", global = true)]
    pub form: Option<PathBuf>,

    /// Afficher cette aide
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    pub help: Option<bool>,

    /// Afficher la version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    pub version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ouvrir une candidature dans l'assistant (créée si elle n'existe pas)
    #[command(help_template = HELP_TEMPLATE)]
    Edit {
        /// Fichier de la candidature (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Créer un brouillon vide
    #[command(help_template = HELP_TEMPLATE)]
    New {
        /// Fichier à créer (.toml) ; un fichier existant n'est jamais écrasé
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Vérifier une ou plusieurs candidatures : réponses manquantes ou invalides
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Code de sortie : 0 si toutes les candidatures sont complètes et valides, 1 sinon, 2 en cas d'erreur de lecture ou d'usage."
    )]
    Check {
        /// Fichiers de candidature (.toml)
        #[arg(value_name = "FICHIER", required = true)]
        files: Vec<PathBuf>,
        /// Format de sortie : text (lisible) ou json (pour les scripts ; un tableau, un objet par fichier)
        #[arg(long, value_enum, default_value_t = CheckFormat::Text, value_name = "FORMAT")]
        format: CheckFormat,
    },
    /// Produire la fiche action (Markdown, HTML imprimable, PDF) ou le pitch d'une page
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Par défaut, le document est écrit à côté de la candidature : x.md, x.html, x.pdf ou x-pitch.md.\nUne candidature incomplète donne un document marqué BROUILLON, avec en annexe la liste de ce qui manque."
    )]
    Render {
        /// Fichier de la candidature (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Format du document
        #[arg(long, value_enum, default_value_t = DocFormat::Md, value_name = "FORMAT")]
        format: DocFormat,
        /// Fichier de sortie ; « - » pour la sortie standard (par défaut : à côté de la candidature)
        #[arg(short = 'o', long, value_name = "SORTIE")]
        output: Option<PathBuf>,
        /// Refuser de produire le document si la candidature est incomplète (code 1)
        #[arg(long)]
        strict: bool,
        /// Dossier de modèles personnels qui remplacent les modèles intégrés de même nom
        #[arg(long, value_name = "DOSSIER")]
        templates: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Texte lisible, groupé par section
    Text,
    /// JSON pour les scripts
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DocFormat {
    /// Markdown, pour le site de l'incubateur
    Md,
    /// Page HTML autonome, prête à imprimer (A4)
    Html,
    /// PDF A4, polices incluses
    Pdf,
    /// Pitch d'une page pour le comité des partenaires (Markdown)
    Pitch,
}
