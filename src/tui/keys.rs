//! Every key of the wizard, as `(key, what it does)` tables: the footer shows
//! the table of the current context, the `?` overlay lists them all.

use std::sync::LazyLock;

use fiche::render::Format;
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

/// Export formats offered on the review screen: (format, key, label). Add a
/// line per new format; the review's hint and help follow.
pub const EXPORTS: &[(Format, char, &str)] = &[
    (Format::Markdown, 'm', "Markdown"),
    (Format::Html, 'h', "HTML"),
    (Format::Pdf, 'p', "PDF"),
    (Format::Pitch, 'c', "pitch"),
];

/// The export format of review key `c`.
pub fn export_key(c: char) -> Option<Format> {
    EXPORTS.iter().find(|(_, k, _)| *k == c).map(|(f, _, _)| *f)
}

/// `m h p c` and `exporter (md, html, pdf, pitch)`, from [`EXPORTS`].
static EXPORT_HINT: LazyLock<(String, String)> = LazyLock::new(|| {
    let keys: Vec<String> = EXPORTS.iter().map(|(_, k, _)| k.to_string()).collect();
    let names: Vec<String> = EXPORTS
        .iter()
        .map(|(f, _, _)| f.short_name().to_string())
        .collect();
    (keys.join(" "), format!("exporter ({})", names.join(", ")))
});

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
    ("1-9", "numéro d'option seul : choisir"),
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

static REVIEW_TABLE: LazyLock<[(&str, &str); 6]> = LazyLock::new(|| {
    [
        ("↑ ↓", "choisir"),
        ("Entrée", "aller à la question"),
        (EXPORT_HINT.0.as_str(), EXPORT_HINT.1.as_str()),
        ("Échap", "retour"),
        ("?", "aide"),
        ("q", "quitter"),
    ]
});

/// The review screen's keys (the export keys come from [`EXPORTS`]).
pub fn review() -> Hints {
    &*REVIEW_TABLE
}

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
pub fn all() -> [(&'static str, Hints); 8] {
    [
        ("Partout", EVERYWHERE),
        ("Texte sur une ligne, nombres", TEXT),
        ("Texte long", LONG),
        ("Oui/non, choix", CHOICE),
        ("Liste d'éléments", LIST),
        ("Élément d'une liste", LIST_ITEM),
        ("Liste des sections", SECTIONS),
        ("Revue", review()),
    ]
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_hint_lists_every_export_key() {
        let hint = review()
            .iter()
            .find(|(_, what)| what.starts_with("exporter"))
            .expect("the review says how to export");
        assert_eq!(hint.0, "m h p c");
        assert_eq!(hint.1, "exporter (md, html, pdf, pitch)");
        assert_eq!(export_key('p'), Some(Format::Pdf));
    }

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
