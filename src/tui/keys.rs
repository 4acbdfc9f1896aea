//! Every key of the wizard, as `(key, what it does)` tables: the footer shows
//! the table of the current context, the `?` overlay lists them all. What
//! the keys do is in `app.rs` (global keys) and `update.rs` (per context).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub type Hints = &'static [(&'static str, &'static str)];

/// A key that works everywhere, whatever has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Quit,
    Save,
    Review,
    Guidance,
    NextSection,
    PrevSection,
    ExternalEditor,
    Help,
    /// The initiatives similar to the application (parangonnage).
    Initiatives,
}

/// The Ctrl+letter shortcuts: the app acts on them, and editors that take
/// every other key (the long text) pass them through.
const CTRL: &[(char, Global)] = &[
    ('q', Global::Quit),
    ('c', Global::Quit),
    ('s', Global::Save),
    ('r', Global::Review),
    ('g', Global::Guidance),
    ('n', Global::NextSection),
    ('p', Global::PrevSection),
    ('e', Global::ExternalEditor),
    ('t', Global::Initiatives),
];

/// The global shortcut `key` is, if any.
pub fn global(key: &KeyEvent) -> Option<Global> {
    if key.code == KeyCode::F(1) {
        return Some(Global::Help);
    }
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    if !key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    CTRL.iter()
        .find(|(k, _)| *k == c.to_ascii_lowercase())
        .map(|(_, g)| *g)
}

/// A one-line answer (text, number, date) being typed.
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

/// A long text answer, several lines.
pub const LONG: Hints = &[
    ("Tab", "valider, question suivante"),
    ("Entrée", "nouvelle ligne"),
    ("Maj+Tab", "précédente"),
    ("Ctrl+U", "tout effacer"),
    ("Ctrl+E", "ouvrir dans l’éditeur"),
    ("Échap", "sections"),
    ("Ctrl+Q", "quitter"),
    ("Ctrl+Z", "annuler"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("Ctrl+Début/Fin", "début/fin du texte"),
    ("F1", "aide"),
];

/// The long answer « Solutions existantes », where Ctrl+T shows the
/// initiatives of the State's table closest to the application.
pub const LONG_SOLUTIONS: Hints = &[
    ("Tab", "valider, question suivante"),
    ("Ctrl+T", "initiatives similaires"),
    ("Entrée", "nouvelle ligne"),
    ("Maj+Tab", "précédente"),
    ("Ctrl+E", "ouvrir dans l’éditeur"),
    ("Échap", "sections"),
    ("Ctrl+Q", "quitter"),
    ("Ctrl+Z", "annuler"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("F1", "aide"),
];

/// The initiatives overlay (Ctrl+T on « Solutions existantes »).
pub const INITIATIVES: Hints = &[
    ("↑ ↓", "choisir"),
    ("Espace", "cocher"),
    ("Entrée", "ajouter les cochées à la réponse"),
    ("f", "autre export"),
    ("Échap", "fermer"),
];

/// Typing the path of the parangonnage export.
pub const INITIATIVES_PATH: Hints = &[("Entrée", "ouvrir l’export"), ("Échap", "annuler")];

/// A question with options to choose or tick.
pub const CHOICE: Hints = &[
    ("↑ ↓", "parcourir"),
    ("Espace", "choisir / cocher"),
    ("1-9", "numéro d’option seul : choisir"),
    ("Entrée", "suivante"),
    ("Maj+Tab", "précédente"),
    ("Suppr", "effacer"),
    ("?", "aide"),
    ("Ctrl+Q", "quitter"),
];

/// A list answer (one item a row), while browsing its items.
pub const LIST: Hints = &[
    ("a", "ajouter"),
    ("Entrée", "modifier"),
    ("s", "supprimer"),
    ("Maj+↑ ↓", "déplacer"),
    ("Tab", "suivante"),
    ("?", "aide"),
    ("Ctrl+Q", "quitter"),
];

/// The question « Supprimer l'élément n° 2 ? ».
pub const LIST_DELETE: Hints = &[("o", "supprimer l’élément"), ("n ou Échap", "le garder")];

/// One item of a list being edited, field by field.
pub const LIST_ITEM: Hints = &[
    ("Entrée / Tab / ↓", "champ suivant"),
    ("Maj+Tab / ↑", "champ précédent"),
    ("Échap", "retour à la liste"),
    ("Ctrl+Q", "quitter"),
];

/// A choice field of a list item: ↑ ↓ move in the options.
pub const LIST_ITEM_CHOICE: Hints = &[
    ("↑ ↓", "parcourir"),
    ("Espace ou numéro", "choisir"),
    ("Entrée / Tab", "champ suivant"),
    ("Maj+Tab", "champ précédent"),
    ("Échap", "retour à la liste"),
    ("Ctrl+Q", "quitter"),
];

/// A long-text field of a list item: Entrée starts a new line.
pub const LIST_ITEM_LONG: Hints = &[
    ("Tab", "champ suivant"),
    ("Entrée", "nouvelle ligne"),
    ("Maj+Tab", "champ précédent"),
    ("Échap", "retour à la liste"),
    ("Ctrl+Q", "quitter"),
];

/// The section list on the left has the focus.
pub const SECTIONS: Hints = &[
    ("↑ ↓", "choisir une section"),
    ("Entrée", "ouvrir"),
    ("Échap", "retour à la question"),
    ("r", "revue"),
    ("?", "aide"),
    ("q", "quitter"),
];

/// The review screen (Ctrl+R).
pub const REVIEW: Hints = &[
    ("↑ ↓", "choisir"),
    ("Entrée", "aller à la question"),
    ("Pg↑ Pg↓", "lire la remarque"),
    ("e", "exporter (fiche, pitch, courriel…)"),
    ("Échap", "retour"),
    ("?", "aide"),
    ("q", "quitter"),
];

/// The export menu opened from the review (its lines come from
/// `fiche::render::Target::all`).
pub const EXPORT: Hints = &[
    ("↑ ↓", "choisir"),
    ("Entrée", "exporter"),
    ("1-9", "exporter ce numéro"),
    ("Échap", "fermer"),
];

/// The form's introduction, on a new file: any key closes it.
pub const INTRO: Hints = &[
    ("Entrée", "commencer à remplir"),
    ("Ctrl+Q", "quitter"),
    ("F1", "toutes les touches"),
];

/// The introduction when an offer (the profile's answers) follows it; the
/// recovery kept while the file is read-only (any key goes on).
pub const INTRO_THEN_OFFER: Hints = &[("Entrée", "continuer"), ("Ctrl+Q", "quitter")];

/// A yes/no offer at start (profile, answer found after a crash, new
/// questions of an updated form).
pub const OFFER: Hints = &[("o ou Entrée", "oui"), ("n ou Échap", "non")];

/// The updated-form notice with nothing new to walk.
pub const NOTICE: Hints = &[("Entrée", "continuer")];

/// An answer changed both here and in the file.
pub const CONFLICT: Hints = &[("m", "garder la mienne"), ("f", "prendre celle du fichier")];

/// Saving failed on quitting.
pub const QUIT_UNSAVED: Hints = &[
    ("r", "réessayer"),
    ("a", "enregistrer ailleurs"),
    ("q", "quitter sans enregistrer"),
    ("Échap", "revenir"),
];

/// Typing another file name.
pub const SAVE_AS: Hints = &[("Entrée", "enregistrer"), ("Échap", "annuler")];

/// The keys that work on every screen (see [`Global`]).
pub const EVERYWHERE: Hints = &[
    ("Ctrl+S", "enregistrer maintenant (sinon : auto)"),
    ("Ctrl+N / Ctrl+P", "section suivante / précédente"),
    ("Ctrl+R", "revue : manques, erreurs, export"),
    ("Ctrl+G", "afficher / masquer les conseils"),
    ("Ctrl+E", "texte long dans votre éditeur"),
    ("Ctrl+T", "initiatives proches (parangonnage)"),
    ("↑ ↓ / Pg↑ Pg↓", "question précédente / suivante"),
    ("F1 ou ?", "cette aide (? hors texte)"),
    ("Ctrl+Q", "quitter (tout est enregistré)"),
    ("Souris", "clic : ouvrir ; molette : défiler"),
];

/// The help overlay's tables, with their headings.
pub fn all() -> [(&'static str, Hints); 12] {
    [
        ("Partout", EVERYWHERE),
        ("Texte sur une ligne, nombres", TEXT),
        ("Texte long", LONG),
        ("Oui/non, choix", CHOICE),
        ("Liste d’éléments", LIST),
        ("Élément d’une liste", LIST_ITEM),
        ("Élément d’une liste : champ à choix", LIST_ITEM_CHOICE),
        ("Élément d’une liste : champ texte long", LIST_ITEM_LONG),
        ("Liste des sections", SECTIONS),
        ("Revue", REVIEW),
        ("Export", EXPORT),
        ("Initiatives similaires (Ctrl+T)", INITIATIVES),
    ]
}

/// What the completion figures count, under the legend.
pub const COMPLETION_FR: &[&str] = &[
    "Complétude : réponses obligatoires données,",
    "sur celles demandées à ce stade ; le total",
    "grandit quand une réponse fait apparaître",
    "une question de suivi.",
    "En haut d’une question : sa place dans la",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_letters_are_global_plain_letters_are_not() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(global(&ctrl('e')), Some(Global::ExternalEditor));
        assert_eq!(global(&ctrl('x')), None);
        assert_eq!(
            global(&KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE)),
            None
        );
    }
}
