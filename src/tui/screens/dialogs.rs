//! The small dialogs over the wizard: the start-up offers (introduction,
//! profile, recovered answer, changed questions only), quitting with unsaved
//! answers, saving elsewhere, an answer changed on both sides, the export
//! menu. Each is a title and lines; [`draw`] boxes and centres it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use fiche::answers::Conflict;
use fiche::recovery::Recovery;

use super::lines_height;
use crate::tui::app::{App, Modal, Offer};
use crate::tui::text::paragraph;
use crate::tui::theme::Theme;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

/// A dialog's title and lines.
type Dialog = (&'static str, Vec<Line<'static>>);

/// Width of a dialog box, at most.
const DIALOG_WIDTH: u16 = 70;

/// Draws the open dialog, if any (the help overlay is drawn by `help`).
pub fn draw(app: &App, modal: &Modal, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let dialog = match modal {
        Modal::QuitUnsaved(message) => Some(quit_unsaved(t, message)),
        Modal::SaveAs(line, refused) => Some(save_as(t, line.text(), refused.as_deref())),
        Modal::Offer(Offer::Profile(_, labels)) => Some(profile_offer(labels)),
        Modal::Offer(Offer::ChangedOnly(ids, report)) => Some(changed_only(ids, report)),
        Modal::Offer(Offer::Recovery(recovery, _)) => Some(recovery_offer(app, recovery)),
        Modal::Offer(Offer::Intro(_)) => Some(intro(app)),
        Modal::Offer(Offer::KeptRecovery(recovery, _)) => Some(kept_recovery(app, recovery)),
        Modal::Conflict(conflicts) => conflict(app, conflicts),
        Modal::Export(selected) => Some(export_menu(app, *selected)),
        Modal::Initiatives(overlay) => Some(super::parangonnage::dialog(
            app,
            overlay,
            DIALOG_WIDTH.min(area.width),
        )),
        Modal::Help(_) => None,
    };
    let Some((title, lines)) = dialog else {
        return;
    };
    // Room for the lines as wrapped in the box.
    let width = DIALOG_WIDTH.min(area.width);
    let text_h = lines_height(&lines, width.saturating_sub(2));
    let popup = centered(area, width, text_h + 2);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        paragraph(lines).block(Block::new().borders(Borders::ALL).title(title)),
        popup,
    );
}

fn quit_unsaved(t: &Theme, message: &str) -> Dialog {
    (
        " Réponses non enregistrées ",
        vec![
            Line::from(Span::styled(
                format!("L’enregistrement a échoué : {message}"),
                t.error(),
            )),
            Line::from("Vos réponses sont toujours là, en mémoire."),
            Line::from(""),
            Line::from("r : réessayer   a : enregistrer ailleurs"),
            Line::from("q : quitter sans enregistrer   Échap : revenir"),
        ],
    )
}

fn save_as(t: &Theme, text: &str, refused: Option<&str>) -> Dialog {
    let mut lines = vec![
        Line::from("Chemin du fichier où enregistrer (Entrée pour valider) :"),
        Line::from(Span::styled(text.to_string(), t.selected())),
    ];
    if let Some(why) = refused {
        lines.push(Line::from(Span::styled(
            format!("erreur : {why}"),
            t.error(),
        )));
    }
    lines.push(Line::from(Span::styled("Échap : annuler", t.dim())));
    (" Enregistrer ailleurs ", lines)
}

/// Long lists are cut after this many lines in a dialog.
const DIALOG_MAX_LIST: usize = 8;

fn profile_offer(labels: &[String]) -> Dialog {
    let mut lines = vec![Line::from(format!(
        "Votre profil contient {} :",
        fiche::format::count(
            labels.len(),
            "réponse réutilisable",
            "réponses réutilisables"
        )
    ))];
    lines.extend(
        labels
            .iter()
            .take(DIALOG_MAX_LIST)
            .map(|l| Line::from(format!("  • {l}"))),
    );
    if labels.len() > DIALOG_MAX_LIST {
        lines.push(Line::from(format!(
            "  … et {}",
            fiche::format::count(labels.len() - DIALOG_MAX_LIST, "autre", "autres")
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from("Les reprendre dans ce nouveau brouillon ?"));
    lines.push(Line::from("o ou Entrée : oui   n ou Échap : non"));
    (" Reprendre votre profil ", lines)
}

fn changed_only(ids: &[String], report: &[String]) -> Dialog {
    let mut lines: Vec<Line> = report.iter().map(|l| Line::from(l.clone())).collect();
    lines.push(Line::from(""));
    if ids.is_empty() {
        lines.push(Line::from("Aucune question nouvelle. Entrée : continuer"));
    } else {
        lines.push(Line::from(format!(
            "{} depuis. Ne parcourir que {} ?",
            fiche::format::count(
                ids.len(),
                "question est nouvelle ou a changé",
                "questions sont nouvelles ou ont changé"
            ),
            if ids.len() >= 2 {
                "celles-ci"
            } else {
                "celle-ci"
            }
        )));
        lines.push(Line::from(
            "o ou Entrée : oui   n ou Échap : tout le formulaire",
        ));
    }
    (" Formulaire mis à jour ", lines)
}

fn recovery_offer(app: &App, recovery: &Recovery) -> Dialog {
    let t = &app.theme;
    let label = recovery.label(&app.form);
    let mut lines = vec![
        Line::from(format!(
            "La dernière séance s’est arrêtée sans enregistrer cette réponse (tapée à {}) :",
            recovery.time()
        )),
        Line::from(Span::styled(label, t.selected())),
    ];
    lines.extend(typed_preview(recovery));
    lines.push(Line::from(""));
    lines.push(Line::from("La reprendre ? (sinon elle est effacée)"));
    lines.push(Line::from("o ou Entrée : oui   n ou Échap : non"));
    (" Réponse non enregistrée retrouvée ", lines)
}

/// The first lines of a recovered answer, indented, « … » when there are more.
fn typed_preview(recovery: &Recovery) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = recovery
        .text()
        .lines()
        .take(DIALOG_MAX_LIST)
        .map(|l| Line::from(format!("  {l}")))
        .collect();
    if recovery.text().lines().count() > DIALOG_MAX_LIST {
        lines.push(Line::from("  …"));
    }
    lines
}

fn kept_recovery(app: &App, recovery: &Recovery) -> Dialog {
    let mut lines = vec![
        Line::from(format!(
            "Une séance interrompue a laissé cette réponse sans l’enregistrer (tapée à {}) :",
            recovery.time()
        )),
        Line::from(Span::styled(
            recovery.label(&app.form),
            app.theme.selected(),
        )),
    ];
    lines.extend(typed_preview(recovery));
    lines.push(Line::from(""));
    lines.push(Line::from(
        "Le fichier est en lecture seule : elle ne peut pas y être reprise maintenant.",
    ));
    lines.push(Line::from(format!(
        "Elle est gardée dans {} et vous sera proposée dès que le fichier pourra être modifié.",
        fiche::recovery::path_for(&app.path).display()
    )));
    lines.push(Line::from("Entrée : continuer"));
    (" Réponse non enregistrée gardée ", lines)
}

fn conflict(app: &App, conflicts: &[Conflict]) -> Option<Dialog> {
    let t = &app.theme;
    let c = conflicts.first()?;
    let form = &app.form;
    let mut lines = vec![
        Line::from("Le fichier a été modifié ailleurs pendant que vous l’aviez ouvert,"),
        Line::from("et cette réponse a changé des deux côtés :"),
        Line::from(Span::styled(c.label(form), t.selected())),
        Line::from(""),
        Line::from("Votre réponse :"),
    ];
    let side = |text: String| -> Vec<Line<'static>> {
        text.lines()
            .take(5)
            .map(|l| Line::from(format!("  {l}")))
            .collect()
    };
    lines.extend(side(c.show(form, fiche::answers::Keep::Mine)));
    lines.push(Line::from("Dans le fichier :"));
    lines.extend(side(c.show(form, fiche::answers::Keep::Theirs)));
    lines.push(Line::from(""));
    if conflicts.len() > 1 {
        lines.push(Line::from(format!(
            "({} ensuite)",
            fiche::format::count(conflicts.len() - 1, "autre", "autres")
        )));
    }
    lines.push(Line::from(
        "m : garder la mienne   f : prendre celle du fichier",
    ));
    Some((" Modifié ailleurs ", lines))
}

/// Every export, numbered, with the file each one writes.
fn export_menu(app: &App, selected: usize) -> Dialog {
    let t = &app.theme;
    let mut lines = vec![
        Line::from("Écrit à côté du fichier de réponses, remplacé s’il existe :"),
        Line::from(""),
    ];
    for (i, target) in fiche::render::Target::all().into_iter().enumerate() {
        let file = target
            .default_output(&app.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The selection is said by a mark, not by the colour alone.
        let text = format!("{}. {} → {file}", i + 1, target.label_fr());
        lines.push(if i == selected {
            Line::from(Span::styled(format!("{text}  ‹ Entrée"), t.selected()))
        } else {
            Line::from(text)
        });
    }
    (" Exporter ", lines)
}

/// The form's introduction, once, on a new file named on the command line.
fn intro(app: &App) -> (&'static str, Vec<Line<'static>>) {
    let lines = vec![
        Line::from(app.form.description.clone()),
        Line::from(""),
        Line::from(
            "À gauche, les sections ; au centre, la question et votre réponse. Entrée valide et passe à la suite, F1 montre toutes les touches, Ctrl+Q quitte : tout est enregistré au fur et à mesure.",
        ),
        Line::from(""),
        Line::from(Span::styled("Une touche pour commencer", app.theme.key())),
    ];
    (" Bienvenue ", lines)
}
