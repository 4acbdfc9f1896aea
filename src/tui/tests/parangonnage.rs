//! The parangonnage overlay: Ctrl+T on « Solutions existantes », the path
//! asked when no export is remembered, ticking initiatives and citing them
//! in the answer, and its look at 80×24.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::Modal;
use crate::tui::keys;
use crate::tui::screens::{self, parangonnage::Initiatives, parangonnage::InitiativesRequest};
use fiche::parangonnage::ANSWER_ID;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parangonnage")
        .join(name)
}

/// The mail-sorting example on « Solutions existantes », its overlay open
/// on the fixture.
fn picking() -> App {
    let mut app = example_app("tri-courriels-prefecture.toml");
    go(&mut app, ANSWER_ID);
    app.open_initiatives(Some(fixture("initiatives.csv")));
    app.save.saved("10:42".into());
    app
}

fn answer(app: &App) -> String {
    match get(app, ANSWER_ID) {
        Some(toml::Value::String(text)) => text,
        other => panic!("{other:?}"),
    }
}

#[test]
fn ctrl_t_works_on_solutions_existantes_only() {
    let mut app = example_app("tri-courriels-prefecture.toml");
    assert_eq!(ctrl(&mut app, 't'), Effect::None);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("« Solutions existantes dans l’administration (parangonnage) » (section « Pourquoi l’IA ? (éviter le solutionnisme) »)"),
        "{:?}",
        app.notice
    );
    // There is no section « Pertinence » on screen (it is the section's id).
    assert!(!app.notice.as_deref().unwrap().contains("Pertinence"));
    go(&mut app, ANSWER_ID);
    let before = answer(&app);
    assert_eq!(
        ctrl(&mut app, 't'),
        Effect::Initiatives(InitiativesRequest::Open)
    );
    assert_eq!(answer(&app), before, "the key types nothing");
    assert_eq!(screens::current_hints(&app), keys::LONG_SOLUTIONS);
    assert!(keys::LONG_SOLUTIONS.contains(&("Ctrl+T", "initiatives similaires")));
}

#[test]
fn without_an_export_remembered_its_path_is_asked() {
    let mut app = example_app("tri-courriels-prefecture.toml");
    go(&mut app, ANSWER_ID);
    app.open_initiatives(None);
    assert!(matches!(
        &app.modal,
        Some(Modal::Initiatives(o)) if matches!(**o, Initiatives::AskPath(..))
    ));
    assert_eq!(screens::current_hints(&app), keys::INITIATIVES_PATH);
    type_text(&mut app, "~/Initiatives.csv");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::Initiatives(InitiativesRequest::Load("~/Initiatives.csv".into()))
    );
    // Échap gives up, the answer untouched.
    app.open_initiatives(None);
    assert_eq!(press(&mut app, KeyCode::Esc), Effect::None);
    assert!(app.modal.is_none());
}

#[test]
fn an_unreadable_export_is_asked_again_with_the_reason() {
    let mut app = example_app("tri-courriels-prefecture.toml");
    go(&mut app, ANSWER_ID);
    assert!(!app.load_initiatives(&fixture("une-colonne.csv")));
    let Some(Modal::Initiatives(overlay)) = &app.modal else {
        panic!("the path is asked again");
    };
    let Initiatives::AskPath(line, Some(why)) = overlay.as_ref() else {
        panic!("{overlay:?}");
    };
    assert!(line.text().ends_with("une-colonne.csv"));
    assert!(why.contains("une seule colonne"), "{why}");
}

#[test]
fn ticked_initiatives_are_appended_to_the_answer_once() {
    let mut app = picking();
    let before = answer(&app);
    assert_eq!(screens::current_hints(&app), keys::INITIATIVES);
    // Tick the first and the third, untick nothing else.
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(press(&mut app, KeyCode::Enter), Effect::None);
    assert!(app.modal.is_none());
    let after = answer(&app);
    let added = after
        .strip_prefix(before.trim_end())
        .expect("what was written is kept");
    assert_eq!(
        added,
        "\n\n- Aiguilleur de courriels du service des étrangers (Préfecture de la Gironde) : ce que nous en retenons : à compléter\n\
         - Classement des messages de la messagerie sécurisée (Direction générale des finances publiques) : ce que nous en retenons : à compléter"
    );
    assert!(app.save.dirty, "the answer is saved with the others");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("2 initiatives ajoutées"),
        "{:?}",
        app.notice
    );
    // The editor shows the new text.
    assert_eq!(
        app.editor.value(app.question()),
        Some(toml::Value::String(after.clone()))
    );

    // The same again adds nothing.
    app.open_initiatives(Some(fixture("initiatives.csv")));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app), after);
    assert!(app.notice.as_deref().unwrap().contains("déjà citées"));
}

#[test]
fn nothing_ticked_adds_nothing_and_f_asks_another_export() {
    let mut app = picking();
    let before = answer(&app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app), before);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .contains("rien n’a été ajouté")
    );

    app.open_initiatives(Some(fixture("initiatives.csv")));
    press(&mut app, KeyCode::Char('f'));
    let Some(Modal::Initiatives(overlay)) = &app.modal else {
        panic!("f asks for another export");
    };
    assert!(
        matches!(overlay.as_ref(), Initiatives::AskPath(line, None) if line.text().ends_with("initiatives.csv"))
    );
}

#[test]
fn snapshot_initiatives_80x24() {
    let mut app = picking();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    insta::assert_snapshot!("initiatives_80x24", render(&app, 80, 24));
    let mut app = example_app("tri-courriels-prefecture.toml");
    go(&mut app, ANSWER_ID);
    app.save.saved("10:42".into());
    app.open_initiatives(None);
    type_text(&mut app, "~/Téléchargements/Initiatives.csv");
    insta::assert_snapshot!("initiatives_path_80x24", render(&app, 80, 24));
}
