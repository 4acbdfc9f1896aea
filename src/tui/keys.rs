//! Every key of the wizard, as `(key, what it does)` tables: the footer shows
//! the table of the current context, the `?` overlay lists them all.

pub type Hints = &'static [(&'static str, &'static str)];

pub const TEXT: Hints = &[
    ("Entrée", "valider, question suivante"),
    ("Maj+Tab", "question précédente"),
    ("Échap", "sections"),
    ("Ctrl+U", "effacer"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("Ctrl+Q", "quitter"),
    ("Ctrl+R", "revue"),
    ("F1", "aide"),
];

pub const LONG: Hints = &[
    ("Tab", "valider, question suivante"),
    ("Entrée", "nouvelle ligne"),
    ("Maj+Tab", "précédente"),
    ("Ctrl+U", "tout effacer"),
    ("Ctrl+E", "ouvrir dans l'éditeur"),
    ("Échap", "sections"),
    ("Ctrl+Q", "quitter"),
    ("Ctrl+Z", "annuler"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("Ctrl+Début/Fin", "début/fin du texte"),
    ("F1", "aide"),
];

pub const CHOICE: Hints = &[
    ("↑ ↓", "parcourir"),
    ("Espace", "choisir / cocher"),
    ("1-9", "un numéro seul : choisir"),
    ("Entrée", "suivante"),
    ("Maj+Tab", "précédente"),
    ("Suppr", "effacer"),
    ("?", "aide"),
    ("Ctrl+Q", "quitter"),
];

pub const LIST: Hints = &[
    ("a", "ajouter"),
    ("Entrée", "modifier"),
    ("s", "supprimer"),
    ("Maj+↑ ↓", "déplacer"),
    ("Tab", "suivante"),
    ("?", "aide"),
    ("Ctrl+Q", "quitter"),
];

pub const LIST_ITEM: Hints = &[
    ("Tab / ↓", "champ suivant"),
    ("Maj+Tab / ↑", "champ précédent"),
    ("Échap", "retour à la liste"),
    ("Ctrl+Q", "quitter"),
];

pub const SECTIONS: Hints = &[
    ("↑ ↓", "choisir une section"),
    ("Entrée", "ouvrir"),
    ("Échap", "retour à la question"),
    ("r", "revue"),
    ("?", "aide"),
    ("q", "quitter"),
];

pub const REVIEW: Hints = &[
    ("↑ ↓", "choisir"),
    ("Entrée", "aller à la question"),
    ("m h p c", "exporter (md, html, pdf, pitch)"),
    ("Échap", "retour"),
    ("?", "aide"),
    ("q", "quitter"),
];

pub const EVERYWHERE: Hints = &[
    ("Ctrl+S", "enregistrer maintenant (sinon : auto)"),
    ("Ctrl+N / Ctrl+P", "section suivante / précédente"),
    ("Ctrl+R", "revue : manques, erreurs, export"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("Ctrl+E", "texte long dans votre éditeur"),
    ("↑ ↓ / Pg↑ Pg↓", "question précédente / suivante"),
    ("F1 ou ?", "cette aide (? hors texte)"),
    ("Ctrl+Q", "quitter (tout est enregistré)"),
    ("Souris", "clic : ouvrir ; molette : défiler"),
];

/// The help overlay's tables, with their headings.
pub const ALL: &[(&str, Hints)] = &[
    ("Partout", EVERYWHERE),
    ("Texte sur une ligne, nombres", TEXT),
    ("Texte long", LONG),
    ("Oui/non, choix", CHOICE),
    ("Liste d'éléments", LIST),
    ("Élément d'une liste", LIST_ITEM),
    ("Liste des sections", SECTIONS),
    ("Revue", REVIEW),
];

/// What the completion figures count, under the legend.
pub const COMPLETION_FR: &[&str] = &[
    "Complétude : réponses obligatoires données,",
    "sur celles demandées à ce stade ; le total",
    "grandit quand une réponse fait apparaître",
    "une question de suivi.",
    "En haut d'une question : sa place dans la",
    "section, puis les réponses obligatoires de",
    "la section déjà données.",
];

/// Symbols used in the section list, explained in the help overlay.
pub const LEGEND: Hints = &[
    ("✓", "complète / répondue"),
    ("✗", "erreur (détail en toutes lettres)"),
    ("○", "obligatoire, sans réponse"),
    ("·", "facultative, sans réponse"),
    ("! / i", "remarque du coach : attention / conseil"),
];
