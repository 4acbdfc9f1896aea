//! Command-line definitions (clap). Every text a user reads here is French.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

mod check;

pub use check::{CHECK_AFTER_HELP, CheckArgs};

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

/// Préparez votre candidature à All_Ia_nce, l’incubateur IA de l’État (DINUM) :
/// un assistant dans le terminal qui vous guide question par question et
/// produit la fiche action en Markdown, HTML, PDF et OpenDocument, et le
/// courriel qui l’envoie.
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
    after_help = "Sans argument, fiche reprend le brouillon le plus récent du dossier courant ou en commence un nouveau.\nExemple : fiche examples/assistant-srdt.toml"
)]
pub struct Cli {
    /// Candidature (fichier .toml) à ouvrir dans l’assistant ; créée si elle n’existe pas
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

    /// Dossier de modèles personnels qui remplacent les modèles intégrés de même nom (documents produits par fiche render, l’assistant et le mode accessible)
    #[arg(long, value_name = "DOSSIER", global = true)]
    pub templates: Option<PathBuf>,

    /// Mode accessible : questions posées ligne à ligne, sans plein écran (lecteurs d’écran)
    #[arg(long, global = true)]
    pub accessible: bool,

    /// Afficher cette aide
    #[arg(short = 'h', long, action = ArgAction::Help, global = true)]
    pub help: Option<bool>,

    /// Afficher la version
    #[arg(short = 'V', long, action = ArgAction::Version)]
    pub version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ouvrir une candidature dans l’assistant (créée si elle n’existe pas)
    #[command(help_template = HELP_TEMPLATE)]
    Edit {
        /// Fichier de la candidature (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Créer un brouillon, pré-rempli avec votre profil, une ancienne candidature ou un fichier de données
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Ordre de priorité pour une même question : profil < --from < --data (puis fiche set pour modifier ensuite).\nExemple : fiche new 2027.toml --from 2026.toml --data chiffres.toml\nCode de sortie : 0 si le brouillon est créé, 2 si le fichier existe déjà, si une valeur est refusée ou si un fichier est illisible (rien n’est créé)."
    )]
    New {
        /// Fichier à créer (.toml) ; un fichier existant n’est jamais écrasé
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        #[command(flatten)]
        prefill: NewPrefillArgs,
    },
    /// Donner des réponses sans l’assistant (scripts, intégration continue)
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Chaque réponse s’écrit section.question=valeur, à la française : 575 000, 2,5, oui/non, la clé ou le libellé d’un choix, plusieurs choix séparés par des virgules, une liste en TOML ([{ nom = \"…\" }]). « section.question= » efface la réponse.\nExemple : fiche set candidature.toml volume.volume_annuel=\"575 000\" probleme.public_concerne=agents\nTout ou rien : si une réponse est refusée (question inconnue, valeur invalide), le fichier n’est pas modifié.\nCode de sortie : 0 si les réponses sont enregistrées, 2 si une réponse est refusée ou le fichier illisible."
    )]
    Set {
        /// Fichier de la candidature (.toml), qui doit exister (voir fiche new)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Réponses à enregistrer, de la forme section.question=valeur
        #[arg(value_name = "ID=VALEUR", required = true)]
        assignments: Vec<String>,
    },
    /// Comparer deux candidatures, réponse par réponse
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Code de sortie : 0 si les réponses sont identiques, 1 si elles diffèrent, 2 en cas d’erreur de lecture."
    )]
    Diff {
        /// Candidature de référence (avant)
        #[arg(value_name = "AVANT")]
        before: PathBuf,
        /// Candidature à comparer (après)
        #[arg(value_name = "APRÈS")]
        after: PathBuf,
    },
    /// Gérer votre profil : les réponses reprises dans chaque nouvelle candidature
    #[command(
        help_template = HELP_TEMPLATE,
        subcommand_help_heading = "Commandes",
        subcommand_value_name = "COMMANDE",
        disable_help_subcommand = true
    )]
    Profile {
        #[command(subcommand)]
        action: ProfileCommand,
    },
    /// Vérifier une ou plusieurs candidatures : réponses manquantes ou invalides, remarques du coach, bilan économique et score de préparation
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = CHECK_AFTER_HELP
    )]
    Check(CheckArgs),
    /// Produire la fiche action ou le pitch d’une page (Markdown, HTML imprimable, PDF, OpenDocument)
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Par défaut, le document est écrit à côté de la candidature : x.md, x.html, x.pdf, x.odt, et pour le pitch x-pitch.md, x-pitch.html, x-pitch.pdf, x-pitch.odt.\nUne candidature incomplète donne un document marqué BROUILLON, avec en annexe la liste de ce qui manque.\nPlusieurs candidatures avec --format html : une page de comparaison imprimable (A4 paysage), écrite par défaut dans comparatif.html.\nExemple : fiche render --format html a.toml b.toml c.toml -o comparatif.html"
    )]
    Render {
        /// Fichier de la candidature (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Autres candidatures : avec --format html, une page qui les compare côte à côte
        #[arg(value_name = "AUTRES")]
        others: Vec<PathBuf>,
        /// Format du document
        #[arg(long, value_enum, default_value_t = DocFormat::Md, value_name = "FORMAT")]
        format: DocFormat,
        /// Fichier de sortie ; « - » pour la sortie standard (par défaut : à côté de la candidature)
        #[arg(short = 'o', long, value_name = "SORTIE")]
        output: Option<PathBuf>,
        /// Refuser de produire le document si la candidature est incomplète (code 1)
        #[arg(long)]
        strict: bool,
    },
    /// Préparer le courriel de candidature : un brouillon .eml, fiche jointe en PDF et OpenDocument
    #[command(
        help_template = HELP_TEMPLATE,
        visible_alias = "send",
        after_help = "Le courriel est adressé au contact du formulaire, de la part de la cheffe ou du chef de produit. Il est écrit à côté de la candidature (x.eml) : ouvrez-le dans votre messagerie (Thunderbird, Outlook), relisez-le et envoyez-le.\nCode de sortie : 0 si le courriel est prêt, 1 si la candidature est incomplète ou si le coach relève une erreur (la liste de ce qui manque ou est à corriger est affichée), 2 en cas d’erreur de lecture ou d’écriture."
    )]
    Envoyer {
        /// Fichier de la candidature (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
        /// Fichier .eml à écrire ; « - » pour la sortie standard (par défaut : à côté de la candidature)
        #[arg(short = 'o', long, value_name = "SORTIE")]
        output: Option<PathBuf>,
        /// Préparer le courriel même si la candidature est incomplète (documents marqués BROUILLON) ou si le coach relève une erreur
        #[arg(long)]
        brouillon: bool,
    },
    /// Écrire le script de complétion des commandes pour votre shell
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Exemples :\n  fiche completions bash > ~/.local/share/bash-completion/completions/fiche\n  fiche completions zsh > ~/.zfunc/_fiche\n  fiche completions fish > ~/.config/fish/completions/fiche.fish\n  fiche completions powershell >> $PROFILE"
    )]
    Completions {
        /// Shell visé
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Écrire la page de manuel de fiche (format man, en français)
    #[command(
        help_template = HELP_TEMPLATE,
        after_help = "Exemple : fiche man > ~/.local/share/man/man1/fiche.1 puis man fiche"
    )]
    Man,
    /// Parangonnage : trouver dans le tableau des initiatives IA de l’État celles qui ressemblent à votre projet
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "fiche parangonnage CANDIDATURE.toml EXPORT.csv|EXPORT.xlsx [OPTIONS]\n       fiche parangonnage EXPORT.csv|EXPORT.xlsx \"MOTS CHERCHÉS\" [OPTIONS]",
        after_help = "L’export est le tableau des initiatives téléchargé depuis Grist (CSV ou XLSX ; les CSV de LibreOffice et d’Excel, séparés par des virgules ou des points-virgules, conviennent aussi).\nLes initiatives sont classées selon les mots qu’elles partagent avec le problème, la solution, les données et le public de la candidature (ou avec les mots donnés).\nExemples :\n  fiche parangonnage candidature.toml initiatives.csv\n  fiche parangonnage initiatives.xlsx \"tri de courriels\" -n 5\n  fiche parangonnage candidature.toml export.csv --colonnes nom=\"Intitulé\",description=\"Résumé\"\n  fiche parangonnage candidature.toml initiatives.csv --citer 1,3\nAvec --citer, les initiatives de ces rangs sont ajoutées à la réponse « Solutions existantes » de la candidature (nom et administration, sans le contact), à la suite de ce qui y est écrit, une seule fois chacune.\nCode de sortie : 0 si la recherche a abouti (même sans résultat), 2 si un fichier est illisible, les colonnes introuvables ou un rang cité absent (la candidature n’est alors pas modifiée)."
    )]
    Parangonnage {
        /// Candidature (.toml) puis export du tableau, ou bien export du tableau puis mots cherchés
        #[arg(value_name = "FICHIERS_OU_MOTS", required = true, num_args = 2..)]
        inputs: Vec<String>,
        /// Nombre d’initiatives à afficher
        #[arg(short = 'n', long = "nombre", default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// Colonnes à utiliser, si fiche ne les reconnaît pas : nom=…,administration=…,description=…,contact=… (en-tête ou numéro)
        #[arg(long, value_name = "RÔLE=COLONNE,…")]
        colonnes: Option<String>,
        /// Format de sortie : table (lisible), json ou csv (pour les scripts et les tableurs)
        #[arg(long, value_enum, default_value_t = ParangonnageFormat::Table, value_name = "FORMAT")]
        format: ParangonnageFormat,
        /// Citer dans la candidature les initiatives de ces rangs (par exemple 1,3) : ajoutées à « Solutions existantes », à la suite de ce qui y est écrit
        #[arg(long, value_name = "RANGS", value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..), conflicts_with = "format")]
        citer: Vec<u32>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ParangonnageFormat {
    /// Tableau lisible
    Table,
    /// JSON pour les scripts
    Json,
    /// CSV (virgules, UTF-8) pour un tableur
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Texte lisible : le tableau récapitulatif, ou le rapport détaillé d’une seule candidature
    Text,
    /// JSON pour les scripts : les lignes du tableau (ou, pour une seule candidature ou avec --details, le rapport détaillé)
    Json,
    /// CSV pour un tableur (LibreOffice Calc, Excel) : UTF-8, séparateur « ; », une ligne d’en-tête
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DocFormat {
    /// Markdown, pour le site de l’incubateur
    Md,
    /// Page HTML autonome, prête à imprimer (A4)
    Html,
    /// PDF A4, polices incluses
    Pdf,
    /// OpenDocument texte (LibreOffice, Word), titres et tableaux modifiables
    Odt,
    /// Pitch d’une page pour le comité des partenaires, en Markdown (ou « pitch »)
    #[value(name = "pitch-md", alias = "pitch")]
    PitchMd,
    /// Pitch d’une page, en page HTML imprimable
    PitchHtml,
    /// Pitch d’une page, en PDF
    PitchPdf,
    /// Pitch d’une page, en OpenDocument texte
    PitchOdt,
}

impl From<DocFormat> for fiche::render::Format {
    fn from(format: DocFormat) -> Self {
        use fiche::render::Format;
        match format {
            DocFormat::Md => Format::Markdown,
            DocFormat::Html => Format::Html,
            DocFormat::Pdf => Format::Pdf,
            DocFormat::Odt => Format::Odt,
            DocFormat::PitchMd => Format::Pitch,
            DocFormat::PitchHtml => Format::PitchHtml,
            DocFormat::PitchPdf => Format::PitchPdf,
            DocFormat::PitchOdt => Format::PitchOdt,
        }
    }
}

/// Where `fiche new` takes its first answers from.
#[derive(Debug, Args)]
pub struct NewPrefillArgs {
    /// Reprendre les réponses réutilisables (administration, chef de produit, sponsor…) d’une ancienne candidature
    #[arg(long, value_name = "ANCIENNE.toml")]
    pub from: Option<PathBuf>,
    /// Avec --from : reprendre toutes les réponses, pas seulement les réutilisables
    #[arg(long, requires = "from")]
    pub all: bool,
    /// Réponses à ajouter, lues dans un fichier TOML au format des candidatures
    #[arg(long, value_name = "DONNÉES.toml")]
    pub data: Option<PathBuf>,
    /// Ne pas pré-remplir avec votre profil (fiche profile show)
    #[arg(long = "sans-profil", alias = "no-profile")]
    pub no_profile: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Enregistrer dans le profil les réponses réutilisables d’une candidature
    #[command(help_template = HELP_TEMPLATE)]
    Save {
        /// Candidature dont reprendre les réponses (.toml)
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Afficher le profil
    #[command(help_template = HELP_TEMPLATE)]
    Show,
    /// Modifier le profil dans votre éditeur de texte ($VISUAL ou $EDITOR, sinon nano ou vi)
    #[command(help_template = HELP_TEMPLATE)]
    Edit,
}
