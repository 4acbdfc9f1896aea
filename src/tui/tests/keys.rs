//! Key handling as a pure function of (state, key): no terminal involved.

use std::path::PathBuf;

use fiche::validate::Severity;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};

use super::*;
use crate::tui::app::{App, Effect, Modal, Screen};
use crate::tui::editors::{Editor, ListMode};
use crate::tui::screens;

#[test]
fn fills_the_whole_first_section_and_moves_on() {
    let mut app = empty_app();
    assert_eq!(app.question_id(), "identite.nom_produit");
    for (text, id) in [
        ("Assistant SRDT", "identite.nom_produit"),
        ("Répondre plus vite en droit du travail", "identite.slogan"),
        ("Ministère du Travail", "identite.administration"),
        ("", "identite.direction"),
        ("Éléonore Côté", "identite.chef_produit_nom"),
        ("Cheffe de produit", "identite.chef_produit_fonction"),
        (
            "eleonore.cote@travail.gouv.fr",
            "identite.chef_produit_email",
        ),
        ("", "identite.sponsor"),
    ] {
        assert_eq!(app.question_id(), id);
        type_text(&mut app, text);
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.question_id(), "probleme.public_concerne");
    assert_eq!(get(&app, "identite.chef_produit_nom"), s("Éléonore Côté"));
    assert_eq!(get(&app, "identite.direction"), None);
    assert!(app.report.sections[0].is_complete());
    assert!(app.save.dirty, "committed answers wait for the autosave");
}

#[test]
fn going_back_past_an_invalid_answer_keeps_it_and_lists_it() {
    let mut app = empty_app();
    go(&mut app, "identite.chef_produit_email");
    type_text(&mut app, "pas-une-adresse");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.question_id(), "identite.chef_produit_fonction");
    // Nothing typed is lost: the invalid text is in the file, flagged.
    assert_eq!(
        get(&app, "identite.chef_produit_email"),
        s("pas-une-adresse")
    );
    let at = app.locate("identite.chef_produit_email").unwrap();
    assert_eq!(
        app.question_state(at),
        crate::tui::nav::QuestionState::Error
    );
    let listed = app
        .review_items()
        .into_iter()
        .find(|(a, _)| *a == at)
        .map(|(_, f)| (f.severity, f.message.clone()))
        .expect("listed in review");
    assert_eq!(listed.0, Severity::Error);
    assert!(
        listed.1.contains("n’est pas une adresse e-mail valide"),
        "{}",
        listed.1
    );
    // The review entry leads back to the question, error still shown.
    ctrl(&mut app, 'r');
    assert_eq!(app.screen, Screen::Review);
    app.review = app
        .review_items()
        .iter()
        .position(|(a, _)| *a == at)
        .unwrap();
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(app.question_id(), "identite.chef_produit_email");
    assert!(!app.findings_here().is_empty());
}

#[test]
fn a_number_that_does_not_parse_is_kept_as_typed() {
    let mut app = empty_app();
    go(&mut app, "volume.volume_annuel");
    type_text(&mut app, "575 000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "volume.volume_annuel"),
        Some(toml::Value::Integer(575000))
    );
    go(&mut app, "volume.nb_agents");
    type_text(&mut app, "beaucoup");
    // Entrée stays on it; leaving by Maj+Tab keeps the text as typed.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "volume.nb_agents");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(get(&app, "volume.nb_agents"), s("beaucoup"));
    go(&mut app, "volume.volume_annuel");
    match &app.editor {
        Editor::Line(e) => assert_eq!(e.text(), "575 000"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_conditional_question_appears_and_disappears_with_its_answer() {
    let mut app = empty_app();
    go(&mut app, "mutualisation.generique");
    let section = app.locate("mutualisation.generique").unwrap().section;
    let hidden = app.locate("mutualisation.adaptations").unwrap();
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(
        get(&app, "mutualisation.generique"),
        Some(toml::Value::Boolean(false))
    );
    assert!(!app.visible_in(section).contains(&hidden.question));
    // oui: the follow-up question is asked next.
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        get(&app, "mutualisation.generique"),
        Some(toml::Value::Boolean(true))
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.question_id(), "mutualisation.adaptations");
    // Back to non: it is hidden and skipped.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.visible_in(section).contains(&hidden.question));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.question_id(), "mutualisation.offre_commune");
}

#[test]
fn list_items_are_added_edited_reordered_and_deleted_after_confirmation() {
    let mut app = empty_app();
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Code du travail");
    press(&mut app, KeyCode::Tab); // producteur
    type_text(&mut app, "DILA");
    press(&mut app, KeyCode::Tab); // nature
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Tab); // acces
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Base KALI");
    press(&mut app, KeyCode::Esc);
    let names = |app: &App| -> Vec<String> {
        get(app, "donnees.sources")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|i| {
                i.get("nom")
                    .and_then(|n| n.as_str())
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(names(&app), ["Code du travail", "Base KALI"]);
    let first = get(&app, "donnees.sources").unwrap().as_array().unwrap()[0].clone();
    assert_eq!(
        first.get("nature").and_then(|v| v.as_str()),
        Some("documents")
    );
    assert_eq!(first.get("acces").and_then(|v| v.as_str()), Some("ouverte"));
    assert_eq!(
        first.get("producteur").and_then(|v| v.as_str()),
        Some("DILA")
    );
    // Move the second item up.
    app.handle_key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
    assert_eq!(names(&app), ["Base KALI", "Code du travail"]);
    // Deleting asks first; « n » keeps the item.
    press(&mut app, KeyCode::Char('s'));
    assert!(matches!(&app.editor, Editor::List(l) if matches!(l.mode, ListMode::ConfirmDelete)));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(names(&app).len(), 2);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(names(&app), ["Code du travail"]);
    // « a » then Échap without typing anything leaves no empty item behind.
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(names(&app).len(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(names(&app), ["Code du travail"]);
}

#[test]
fn key_releases_never_double_a_character() {
    let mut app = empty_app();
    for kind in [
        KeyEventKind::Press,
        KeyEventKind::Release,
        KeyEventKind::Repeat,
    ] {
        app.handle_key(KeyEvent {
            code: KeyCode::Char('é'),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        });
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "identite.nom_produit"), s("é"));
}

#[test]
fn a_default_is_saved_only_once_the_user_commits_it() {
    let mut app = empty_app();
    go(&mut app, "roi.cout_etp");
    match &app.editor {
        Editor::Line(e) => assert_eq!(e.text(), "45 000"),
        other => panic!("{other:?}"),
    }
    press(&mut app, KeyCode::BackTab);
    go(&mut app, "roi.heures_etp");
    press(&mut app, KeyCode::Up);
    assert_eq!(get(&app, "roi.cout_etp"), None, "looking is not committing");
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "roi.cout_etp"), Some(toml::Value::Integer(45000)));
}

#[test]
fn quitting_keeps_the_text_being_typed() {
    let mut app = empty_app();
    type_text(&mut app, "Côté cour");
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    assert_eq!(get(&app, "identite.nom_produit"), s("Côté cour"));
}

#[test]
fn long_text_takes_newlines_and_tab_commits() {
    let mut app = empty_app();
    go(&mut app, "probleme.description");
    type_text(&mut app, "Première ligne");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "deuxième, côté usager");
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        get(&app, "probleme.description"),
        s("Première ligne\ndeuxième, côté usager")
    );
    assert_eq!(app.question_id(), "probleme.irritants");
}

#[test]
fn sections_list_opens_any_section_and_never_traps() {
    let mut app = empty_app();
    press(&mut app, KeyCode::Esc);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.at.section, 4);
    ctrl(&mut app, 'n');
    assert_eq!(app.at.section, 5);
    ctrl(&mut app, 'p');
    ctrl(&mut app, 'p');
    assert_eq!(app.at.section, 3);
    // The last question leads to the review, from which Esc comes back.
    go(&mut app, "pari.pari_impact");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen, Screen::Review);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Question);
}

#[test]
fn help_opens_with_f1_and_question_mark_outside_text() {
    let mut app = empty_app();
    press(&mut app, KeyCode::F(1));
    assert!(matches!(app.modal, Some(Modal::Help(_))));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
    go(&mut app, "probleme.public_concerne");
    press(&mut app, KeyCode::Char('?'));
    assert!(matches!(app.modal, Some(Modal::Help(_))));
}

#[test]
fn review_goes_to_the_first_missing_answer() {
    let mut app = example_app("brouillon-incomplet.toml");
    ctrl(&mut app, 'r');
    let first = app.review_items()[0].0;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.at, first);
    assert_eq!(app.screen, Screen::Question);
}

#[test]
fn clicking_a_section_or_a_question_opens_it() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;
    let mut app = empty_app();
    let area = Rect::new(0, 0, 80, 24);
    let list = screens::sidebar::list_area(screens::areas(&app, area).sidebar);
    let click = |app: &mut App, row: screens::sidebar::Row| {
        let (rows, offset) = screens::sidebar::rows(app, list.height as usize);
        let y = rows.iter().position(|r| *r == row).expect("row shown") - offset;
        let event = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: list.x + 2,
            row: list.y + y as u16,
            modifiers: KeyModifiers::NONE,
        };
        crate::tui::mouse::handle(app, event, area);
    };
    click(&mut app, screens::sidebar::Row::Section(3));
    assert_eq!(app.question_id(), "statu_quo.impact_mesurable");
    let target = app.locate("statu_quo.cout_annuel_estime").unwrap();
    click(&mut app, screens::sidebar::Row::Question(target));
    assert_eq!(app.at, target);
}

#[test]
fn launcher_resumes_or_names_a_new_draft() {
    use crate::tui::launcher::{Choice, Launcher};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut l = Launcher::new(Some(PathBuf::from("ancien.toml")));
    assert_eq!(
        l.handle_key(key(KeyCode::Enter)),
        Choice::Open("ancien.toml".into())
    );
    l.handle_key(key(KeyCode::Char('n')));
    for _ in 0.."candidature.toml".len() {
        l.handle_key(key(KeyCode::Backspace));
    }
    for c in "préfecture".chars() {
        l.handle_key(key(KeyCode::Char(c)));
    }
    assert_eq!(
        l.handle_key(key(KeyCode::Enter)),
        Choice::Open("préfecture.toml".into())
    );
    let mut fresh = Launcher::new(None);
    assert_eq!(
        fresh.handle_key(key(KeyCode::Enter)),
        Choice::Open("candidature.toml".into())
    );
}

#[test]
fn a_paste_never_validates_a_one_line_answer() {
    let mut app = empty_app();
    app.paste("Assistant\nSRDT");
    assert_eq!(app.question_id(), "identite.nom_produit");
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "identite.nom_produit"), s("Assistant SRDT"));
    go(&mut app, "probleme.description");
    app.paste("ligne 1\r\nligne 2");
    press(&mut app, KeyCode::Tab);
    assert_eq!(get(&app, "probleme.description"), s("ligne 1\nligne 2"));
}

/// A one-line answer pasted from a spreadsheet (cells between tabs) or a
/// Windows text (CR LF) keeps one space between its words: the tab was
/// dropped (« Lignetrois ») and CR LF made two spaces.
#[test]
fn a_pasted_tab_or_windows_line_break_is_one_space_in_a_one_line_answer() {
    let mut app = empty_app();
    app.paste("Ligne un\r\nLigne deux\tLigne trois");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "identite.nom_produit"),
        s("Ligne un Ligne deux Ligne trois")
    );
}

#[test]
fn a_paste_goes_into_the_list_item_field_being_typed() {
    let mut app = empty_app();
    go(&mut app, "donnees.sources");
    // Browsing the items: there is no field to paste into.
    app.paste("ignoré");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Base ");
    app.paste("KALI\nconventions");
    press(&mut app, KeyCode::Esc);
    let items = get(&app, "donnees.sources").expect("the item is saved");
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0].get("nom").and_then(|v| v.as_str()),
        Some("Base KALI conventions")
    );
}

#[test]
fn text_from_the_external_editor_is_committed() {
    let mut app = empty_app();
    go(&mut app, "probleme.description");
    assert_eq!(app.long_text().as_deref(), Some(""));
    app.set_long_text("Écrit dans l'éditeur\navec deux lignes");
    assert_eq!(
        get(&app, "probleme.description"),
        s("Écrit dans l'éditeur\navec deux lignes")
    );
    go(&mut app, "identite.slogan");
    assert_eq!(app.long_text(), None, "Ctrl+E is for long answers only");
}

#[test]
fn clicking_a_review_line_selects_it_then_opens_its_question() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    use ratatui::layout::Rect;
    let mut app = example_app("brouillon-incomplet.toml");
    ctrl(&mut app, 'r');
    let area = Rect::new(0, 0, 80, 24);
    let list = screens::review::parts(&app, screens::areas(&app, area).main).list;
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: list.x + 4,
        row: list.y + 3,
        modifiers: KeyModifiers::NONE,
    };
    crate::tui::mouse::handle(&mut app, click, area);
    assert_eq!(app.review, 2);
    let target = app.review_items()[2].0;
    crate::tui::mouse::handle(&mut app, click, area);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(app.at, target);
}

#[test]
fn quitting_inside_a_list_item_keeps_the_field_being_typed() {
    let mut app = empty_app();
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Légifrance");
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    let items = get(&app, "donnees.sources").expect("the item is saved");
    assert_eq!(
        items.as_array().unwrap()[0]
            .get("nom")
            .and_then(|v| v.as_str()),
        Some("Légifrance")
    );
}

/// An app on a real answers file, so another process can change it.
fn app_on_disk(dir: &tempfile::TempDir) -> App {
    let form = fiche::form::builtin();
    let path = dir.path().join("candidature.toml");
    std::fs::write(&path, fiche::Answers::new(&form).to_toml_string()).unwrap();
    let answers = fiche::Answers::load(&path).unwrap();
    let mut app = App::new(form, answers, path).unwrap();
    app.theme = crate::tui::theme::Theme::plain();
    app
}

/// Another process (a colleague, `fiche set`) writes an answer in the file.
fn written_by_another_process(app: &App) {
    let mut other = fiche::Answers::load(&app.path).unwrap();
    other
        .set("identite.nom_produit", s("Assistant SRDT"))
        .unwrap();
    other.save(&app.path).unwrap();
}

/// The list item's field being typed, if any.
fn item_field_typed(app: &App) -> Option<String> {
    let Editor::List(list) = &app.editor else {
        return None;
    };
    let ListMode::Item { field, editor, .. } = &list.mode else {
        return None;
    };
    editor
        .value(&app.question().fields[*field])
        .and_then(|v| v.as_str().map(String::from))
}

fn source_on_disk(app: &App, field: &str) -> Option<String> {
    let saved = fiche::Answers::load(&app.path).unwrap();
    assert_eq!(
        saved.get("identite.nom_produit"),
        s("Assistant SRDT"),
        "the other process's answer is kept"
    );
    let items = saved.get("donnees.sources")?;
    items.as_array()?[0]
        .get(field)
        .and_then(|v| v.as_str())
        .map(String::from)
}

#[test]
fn a_list_item_field_being_typed_survives_a_change_made_outside() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(&dir);
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Légi");
    // The autosave writes the new (empty) item: nothing waits to be saved.
    crate::tui::save(&mut app);
    assert!(!app.save.dirty);
    type_text(&mut app, "france");
    written_by_another_process(&app);
    crate::tui::show_outside_changes(&mut app);
    assert_eq!(
        item_field_typed(&app).as_deref(),
        Some("Légifrance"),
        "the field being typed stays in the editor"
    );
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    crate::tui::save(&mut app);
    assert_eq!(source_on_disk(&app, "nom").as_deref(), Some("Légifrance"));
}

#[test]
fn a_list_item_field_being_typed_survives_a_save_merged_with_a_change_made_outside() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(&dir);
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Légifrance");
    press(&mut app, KeyCode::Enter);
    assert!(app.save.dirty, "the first field is stored, to be saved");
    type_text(&mut app, "DILA");
    written_by_another_process(&app);
    crate::tui::save(&mut app);
    assert_eq!(
        item_field_typed(&app).as_deref(),
        Some("DILA"),
        "the field being typed stays in the editor"
    );
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    crate::tui::save(&mut app);
    assert_eq!(source_on_disk(&app, "producteur").as_deref(), Some("DILA"));
    assert_eq!(source_on_disk(&app, "nom").as_deref(), Some("Légifrance"));
}

#[test]
fn a_review_line_about_a_list_item_selects_that_item() {
    let mut app = app_from(
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[[donnees.sources]]\nnom = \"A\"\nnature = \"documents\"\nacces = \"ouverte\"\n\n[[donnees.sources]]\nnom = \"B\"\n",
    );
    ctrl(&mut app, 'r');
    let index = app
        .review_items()
        .iter()
        .position(|(_, f)| f.id == "donnees.sources[2].nature")
        .expect("the second item's missing nature is listed");
    app.review = index;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "donnees.sources");
    match &app.editor {
        Editor::List(l) => assert_eq!(l.cursor, 1),
        other => panic!("{other:?}"),
    }
}
