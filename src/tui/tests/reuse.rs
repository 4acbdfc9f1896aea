//! Reusing answers inside the wizard: the profile offered on a new draft,
//! answers marked as copied until edited, walking only changed questions.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::Screen;

#[test]
fn accepting_the_profile_offer_prefills_and_marks_the_answers() {
    use crate::tui::app::{Modal, Offer};
    let mut app = empty_app();
    let profile = fiche::Answers::parse(
        "[identite]\nadministration = \"Préfecture du Rhône\"\nnom_produit = \"pas réutilisable\"\n",
        "profil.toml",
    )
    .unwrap();
    app.modal = Some(Modal::Offer(Offer::Profile(
        Box::new(profile),
        vec!["Administration porteuse".into()],
    )));
    press(&mut app, KeyCode::Char('o'));
    assert!(app.modal.is_none());
    assert_eq!(
        get(&app, "identite.administration"),
        s("Préfecture du Rhône")
    );
    assert_eq!(
        get(&app, "identite.nom_produit"),
        None,
        "only reusable answers are copied"
    );
    assert_eq!(
        app.answers.origin("identite.administration"),
        Some(fiche::answers::Origin::Profile)
    );
    // Editing the answer makes it the user's own.
    go(&mut app, "identite.administration");
    type_text(&mut app, " (DMI)");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.answers.origin("identite.administration"), None);
}

#[test]
fn refusing_the_profile_offer_changes_nothing() {
    use crate::tui::app::{Modal, Offer};
    let mut app = empty_app();
    let profile = fiche::Answers::parse("[identite]\nadministration = \"X\"\n", "p.toml").unwrap();
    app.modal = Some(Modal::Offer(Offer::Profile(
        Box::new(profile),
        vec!["Administration porteuse".into()],
    )));
    press(&mut app, KeyCode::Char('n'));
    assert!(app.modal.is_none());
    assert_eq!(get(&app, "identite.administration"), None);
}

#[test]
fn after_a_migration_the_walk_can_cover_only_changed_questions() {
    use crate::tui::app::{Modal, Offer};
    let mut app = example_app("assistant-srdt.toml");
    let ids = vec!["volume.perimetre".to_string(), "roi.cout_etp".to_string()];
    app.modal = Some(Modal::Offer(Offer::ChangedOnly(
        ids,
        vec!["Formulaire mis à jour".into()],
    )));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "volume.perimetre");
    app.next();
    assert_eq!(app.question_id(), "roi.cout_etp");
    app.next();
    assert_eq!(app.screen, Screen::Review);
}
