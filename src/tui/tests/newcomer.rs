//! What a first real application showed a newcomer fighting (issue 12),
//! each as a key test: a hidden form that takes keys, invalid answers that
//! move on, stray digits in a choice, « Aucun » ticked with others…

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Size;

use super::*;
use crate::tui::app::{Effect, Modal, Offer};
use crate::tui::editors::{Editor, ListMode};
use crate::tui::nav::QuestionState;
use crate::tui::update::{STAY_COACH, STAY_INVALID};

fn state(app: &App, id: &str) -> QuestionState {
    app.question_state(app.locate(id).unwrap())
}

/// The keys ticked in the multiple choice `id`, in the form's order.
fn ticked(app: &App, id: &str) -> Vec<String> {
    get(app, id)
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// « Qui subit le problème ? » (three options) once `typed` is typed in it
/// and refused as text: nothing picked, said as not a choice, and Entrée
/// then neither picks the highlighted option nor leaves.
fn after_stray_text_in_a_choice(typed: &str) -> App {
    let mut app = empty_app();
    go(&mut app, "probleme.public_concerne");
    type_text(&mut app, typed);
    assert_eq!(get(&app, "probleme.public_concerne"), None);
    let Editor::Choice(c) = &app.editor else {
        panic!()
    };
    let said = c.stray_text().unwrap();
    assert!(
        said.contains(&format!("« {typed} » n’est pas un choix")),
        "{said}"
    );
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "probleme.public_concerne");
    assert_eq!(get(&app, "probleme.public_concerne"), None);
    app
}

#[test]
fn under_a_too_small_window_only_quitting_acts() {
    let mut app = empty_app();
    go(&mut app, "identite.direction");
    app.size = Size::new(50, 12);
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "EFFACE");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(1));
    ctrl(&mut app, 'r');
    app.paste("collé");
    assert_eq!(app.question_id(), "identite.direction");
    assert_eq!(get(&app, "identite.direction"), None);
    assert!(app.modal.is_none());
    assert!(!app.touched);
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    // Back to a usable size, keys act again.
    app.size = Size::new(80, 24);
    type_text(&mut app, "DGT");
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "identite.direction"), s("DGT"));
}

#[test]
fn enter_on_an_invalid_number_stays_with_the_text_and_the_message() {
    let mut app = empty_app();
    go(&mut app, "volume.nb_agents");
    type_text(&mut app, "douze");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "volume.nb_agents");
    assert_eq!(app.notice.as_deref(), Some(STAY_INVALID));
    assert_eq!(
        get(&app, "volume.nb_agents"),
        None,
        "not saved as an answer"
    );
    match &app.editor {
        Editor::Line(e) => assert_eq!(e.text(), "douze"),
        other => panic!("{other:?}"),
    }
    assert!(!app.editor.problems(app.question()).is_empty());
    // Fixing it: Entrée goes on.
    ctrl(&mut app, 'u');
    type_text(&mut app, "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "volume.nb_agents"),
        Some(toml::Value::Integer(12))
    );
    assert_eq!(app.question_id(), "volume.nb_usagers");
}

#[test]
fn an_invalid_answer_never_traps_shift_tab_escape_and_a_click_leave() {
    for leave in ["shift-tab", "escape", "click"] {
        let mut app = empty_app();
        go(&mut app, "identite.chef_produit_email");
        type_text(&mut app, "claire.dupont@seine-et-marne");
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.question_id(), "identite.chef_produit_email", "{leave}");
        match leave {
            "shift-tab" => {
                press(&mut app, KeyCode::BackTab);
                assert_eq!(app.question_id(), "identite.chef_produit_fonction");
            }
            "escape" => {
                press(&mut app, KeyCode::Esc);
                assert_eq!(app.focus, crate::tui::app::Focus::Sections);
            }
            _ => {
                let at = app.locate("probleme.description").unwrap();
                app.go_to(at);
                assert_eq!(app.question_id(), "probleme.description");
            }
        }
        // Kept, and shown as an error in the sidebar and the review.
        assert_eq!(
            get(&app, "identite.chef_produit_email"),
            s("claire.dupont@seine-et-marne"),
            "{leave}"
        );
        assert_eq!(
            state(&app, "identite.chef_produit_email"),
            QuestionState::Error
        );
        assert!(app.review_items().iter().any(|(_, f)| {
            f.id == "identite.chef_produit_email" && f.message.contains("suffixe")
        }));
    }
}

#[test]
fn a_new_coach_warning_is_seen_before_leaving_and_marked_in_the_sidebar() {
    let mut app = empty_app();
    go(&mut app, "identite.chef_produit_email");
    type_text(&mut app, "claire.dupont@gmail.com");
    press(&mut app, KeyCode::Enter);
    // Saved (it is valid), but the wizard stays for the coach's remark.
    assert_eq!(
        get(&app, "identite.chef_produit_email"),
        s("claire.dupont@gmail.com")
    );
    assert_eq!(app.question_id(), "identite.chef_produit_email");
    assert_eq!(app.notice.as_deref(), Some(STAY_COACH));
    assert!(
        app.findings_here()
            .iter()
            .any(|f| f.rule.as_deref() == Some("adresse-personnelle"))
    );
    assert_eq!(
        state(&app, "identite.chef_produit_email"),
        QuestionState::Warning
    );
    assert_eq!(QuestionState::Warning.mark(), "!");
    // Read: a second Entrée goes on.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.question_id(), "identite.sponsor");
}

#[test]
fn a_list_item_field_refuses_enter_on_an_invalid_value_but_arrows_leave() {
    let mut app = empty_app();
    go(&mut app, "deploiement.plan_6_mois");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "deux");
    press(&mut app, KeyCode::Enter);
    let Editor::List(list) = &app.editor else {
        panic!("list editor")
    };
    let ListMode::Item { field, .. } = &list.mode else {
        panic!("still in the item")
    };
    assert_eq!(*field, 0, "Entrée stays on « Mois »");
    let question = app.question().clone();
    let (problems, refused) = list.field_problems(&question);
    assert!(refused && !problems.is_empty(), "{problems:?}");
    // ↓ leaves the field, keeping the text.
    press(&mut app, KeyCode::Down);
    let Editor::List(list) = &app.editor else {
        panic!()
    };
    assert!(matches!(list.mode, ListMode::Item { field: 1, .. }));
    assert_eq!(
        list.items[0].get("mois"),
        Some(&toml::Value::String("deux".into()))
    );
}

#[test]
fn long_text_cursor_starts_at_the_end_and_ctrl_end_goes_to_the_end_of_the_text() {
    let mut app = example_app("assistant-srdt.toml");
    go(&mut app, "probleme.description");
    let before = app.long_text().unwrap();
    type_text(&mut app, " Fin.");
    assert_eq!(app.long_text().unwrap(), format!("{before} Fin."));
    // Ctrl+Début, then Ctrl+Fin: typing goes at the very end again.
    app.handle_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    type_text(&mut app, "«");
    app.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
    type_text(&mut app, "»");
    let text = app.long_text().unwrap();
    assert!(text.starts_with('«') && text.ends_with("Fin.»"), "{text}");
    // Ctrl+U clears it all, Ctrl+Z brings it back.
    ctrl(&mut app, 'u');
    assert_eq!(app.long_text().unwrap(), "");
    ctrl(&mut app, 'z');
    assert_eq!(app.long_text().unwrap(), text);
}

#[test]
fn ctrl_g_is_labelled_by_what_it_will_do() {
    use crate::tui::screens::hint_label;
    let mut app = empty_app();
    app.guidance = true;
    assert_eq!(hint_label(&app, "Ctrl+G", "x"), "masquer les conseils");
    ctrl(&mut app, 'g');
    assert_eq!(hint_label(&app, "Ctrl+G", "x"), "afficher les conseils");
    assert_eq!(hint_label(&app, "Ctrl+E", "x"), "ouvrir dans nano");
}

#[test]
fn the_business_case_follows_the_number_being_typed() {
    let mut app = example_app("assistant-srdt.toml");
    go(&mut app, "roi.cout_etp");
    ctrl(&mut app, 'u');
    type_text(&mut app, "50 000");
    let live = app.live_roi.as_ref().expect("recomputed while typing");
    let committed = &app.coach.roi;
    assert_ne!(live.summary_fr(), committed.summary_fr());
    assert!(live.summary_fr().contains("50"), "{}", live.summary_fr());
    // Text that does not parse leaves the committed figures.
    type_text(&mut app, "x");
    assert!(app.live_roi.is_none());
}

#[test]
fn digits_typed_as_text_in_a_choice_select_nothing() {
    // Entrée after stray text does not pick the highlighted option.
    let mut app = after_stray_text_in_a_choice("12 mars");
    // A digit on its own still chooses.
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(get(&app, "probleme.public_concerne"), s("usagers"));
    // An option number that does not exist is text, not a choice.
    go(&mut app, "probleme.public_concerne");
    press(&mut app, KeyCode::Char('7'));
    assert_eq!(get(&app, "probleme.public_concerne"), s("usagers"));
}

#[test]
fn back_to_back_digits_are_one_option_number_not_successive_picks() {
    // « 12 » with three options: no option 12, so nothing is picked (the
    // « 1 » picked at once is undone), and Entrée then picks nothing.
    let mut app = after_stray_text_in_a_choice("12");
    // A digit typed alone after another key picks its option at once.
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(
        get(&app, "probleme.public_concerne"),
        s("agents_et_usagers")
    );
}

#[test]
fn in_a_multiple_choice_a_comma_separates_option_numbers() {
    let mut app = empty_app();
    go(&mut app, "pertinence.criteres");
    let keys = |app: &App| ticked(app, "pertinence.criteres");
    // « 13 »: four options, no option 13: nothing ticked.
    type_text(&mut app, "13");
    assert!(keys(&app).is_empty());
    press(&mut app, KeyCode::Up); // clears the stray text
    type_text(&mut app, "1,3");
    assert_eq!(keys(&app), ["taches_repetitives", "donnees_complexes"]);
    // The footer says how to tick several.
    assert!(
        crate::tui::screens::hint_label(&app, "1-9", "x").contains("1,3 : cocher"),
        "{}",
        crate::tui::screens::hint_label(&app, "1-9", "x")
    );
    // A number followed by a letter is text: its tick is undone.
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "2x");
    assert_eq!(keys(&app), ["taches_repetitives", "donnees_complexes"]);
}

/// A choice of 12 options (none in the built-in form has more than 9).
fn twelve_options() -> crate::tui::editors::ChoiceEditor {
    let form = fiche::form::builtin();
    let (_, q) = form.question("probleme.public_concerne").unwrap();
    let mut q = q.clone();
    q.choices = (1..=12)
        .map(|i| fiche::form::Choice {
            key: format!("o{i}"),
            label: format!("Option {i}").into(),
            exclusive: false,
        })
        .collect();
    crate::tui::editors::ChoiceEditor::new(&q, None)
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn with_ten_options_or_more_a_number_waits_while_a_longer_one_may_follow() {
    use crate::tui::editors::ChoiceKey;
    let mut c = twelve_options();
    // « 1 » may be 1, 10, 11 or 12: it waits, said in the footer.
    assert_eq!(c.handle_key(key(KeyCode::Char('1'))), ChoiceKey::Moved);
    assert_eq!(c.value(), None);
    assert_eq!(
        c.pending_hint().unwrap(),
        "numéro 1… : Entrée choisit l’option 1, un autre chiffre pour 10 à 12"
    );
    // « 12 »: no longer number starts with it, picked at once.
    assert_eq!(c.handle_key(key(KeyCode::Char('2'))), ChoiceKey::Changed);
    assert_eq!(c.value(), s("o12"));
    assert_eq!(c.pending_hint(), None);
    // « 1 » then Entrée: option 1, and on to the next question.
    c.handle_key(key(KeyCode::Left));
    c.handle_key(key(KeyCode::Char('1')));
    assert_eq!(c.handle_key(key(KeyCode::Enter)), ChoiceKey::ChangedNext);
    assert_eq!(c.value(), s("o1"));
    // « 1 » then ↓: the waiting number is dropped, nothing picked.
    let mut c = twelve_options();
    c.handle_key(key(KeyCode::Char('1')));
    c.handle_key(key(KeyCode::Down));
    assert_eq!(c.value(), None);
    // « 13 »: no such option, text.
    c.handle_key(key(KeyCode::Char('1')));
    c.handle_key(key(KeyCode::Char('3')));
    assert_eq!(c.value(), None);
    assert!(c.stray_text().unwrap().contains("« 13 »"));
    // « 2 » alone (no option 20 or more): at once.
    c.handle_key(key(KeyCode::Left));
    c.handle_key(key(KeyCode::Char('2')));
    assert_eq!(c.value(), s("o2"));
}

/// The line of question `label` in the sections panel, as drawn.
fn sidebar_line(app: &App, label: &str) -> String {
    render(app, 120, 30)
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .find(|panel| panel.contains(label))
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn a_list_whose_only_item_lacks_required_fields_is_marked_as_check_says() {
    let mut app = empty_app();
    go(&mut app, "donnees.sources");
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Fiches internes");
    press(&mut app, KeyCode::Tab);
    // `fiche check` reports « Nature » and « Accès » of item 1: never ✓.
    let report = fiche::validate::check(&app.form, &app.answers);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.id == "donnees.sources[1].nature")
    );
    assert_eq!(state(&app, "donnees.sources"), QuestionState::Error);
    assert!(app.invalid_in(app.at.section) > 0);
    let line = sidebar_line(&app, "Sources de données");
    assert!(line.contains("✗") && !line.contains("✓"), "{line}");
    // Left with them empty: still the same error.
    press(&mut app, KeyCode::Esc);
    assert_eq!(state(&app, "donnees.sources"), QuestionState::Error);
}

#[test]
fn aucun_is_ticked_alone() {
    let mut app = empty_app();
    go(&mut app, "ia_responsable.referents_consultes");
    let keys = |app: &App| ticked(app, "ia_responsable.referents_consultes");
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(keys(&app), ["dpo", "rssi"]);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(keys(&app), ["aucun"], "« Aucun » clears the others");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(keys(&app), ["juridique"], "another choice clears « Aucun »");
}

#[test]
fn the_new_file_introduction_is_shown_once_then_the_next_offer() {
    let mut app = empty_app();
    let profile = Box::new(Offer::ChangedOnly(Vec::new(), vec!["x".into()]));
    app.modal = Some(Modal::Offer(Offer::Intro(Some(profile))));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.modal,
        Some(Modal::Offer(Offer::ChangedOnly(..)))
    ));
    press(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none());
}

#[test]
fn help_scrolls_to_its_end_and_no_further() {
    let mut app = empty_app();
    app.size = Size::new(80, 24);
    press(&mut app, KeyCode::F(1));
    for _ in 0..200 {
        press(&mut app, KeyCode::Down);
    }
    let Some(Modal::Help(end)) = app.modal else {
        panic!()
    };
    assert!(end > 0);
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    assert_eq!(end, crate::tui::screens::help::max_scroll(&app, area));
    press(&mut app, KeyCode::Up);
    assert!(matches!(app.modal, Some(Modal::Help(n)) if n == end - 1));
    press(&mut app, KeyCode::Esc);
    assert!(app.modal.is_none());
}

#[test]
fn section_names_are_cut_between_words() {
    use crate::tui::screens::truncate_words;
    assert_eq!(
        truncate_words("Le problème, vu de l’agent ou de l’usager", 20),
        "Le problème…"
    );
    assert_eq!(
        truncate_words("Impact attendu et retour sur investissement", 24),
        "Impact attendu…"
    );
    assert_eq!(truncate_words("Les données", 20), "Les données");
    // Too narrow for whole words to say much: cut mid-word.
    assert_eq!(
        truncate_words("Cible et volume d’opérations", 15),
        "Cible et volum…"
    );
}

#[test]
fn the_sidebar_widens_with_the_terminal() {
    let app = empty_app();
    let at = |w| {
        crate::tui::screens::areas(&app, ratatui::layout::Rect::new(0, 0, w, 40))
            .sidebar
            .width
    };
    assert_eq!(at(80), 24);
    assert!(at(200) >= crate::tui::screens::sidebar::wanted_width(&app));
    assert!(at(200) > 40);
}

#[test]
fn a_reusable_answer_says_exactly_how_it_reaches_the_profile() {
    let mut app = empty_app();
    go(&mut app, "identite.administration");
    assert_eq!(crate::tui::screens::question::reusable_line(&app), None);
    type_text(&mut app, "Préfecture du Rhône");
    press(&mut app, KeyCode::Enter);
    go(&mut app, "identite.administration");
    assert_eq!(
        crate::tui::screens::question::reusable_line(&app).as_deref(),
        Some(
            "Réponse réutilisable : « fiche profile save candidature.toml » l’enregistre dans votre profil pour vos prochaines candidatures."
        )
    );
    go(&mut app, "identite.nom_produit");
    assert_eq!(crate::tui::screens::question::reusable_line(&app), None);
}

#[test]
fn escape_on_the_launcher_says_what_it_does() {
    use crate::tui::launcher::{Choice, Launcher};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut fresh = Launcher::new(None);
    assert_eq!(fresh.handle_key(key(KeyCode::Esc)), Choice::Cancel);
    let mut with_draft = Launcher::new(Some("ancien.toml".into()));
    with_draft.handle_key(key(KeyCode::Char('n')));
    assert_eq!(with_draft.handle_key(key(KeyCode::Esc)), Choice::Pending);
    assert!(!with_draft.naming, "back to the draft offer");
}

/// The footer of a choice says « Entrée suivante » and « Espace choisir »:
/// Entrée on a question left untouched moves on without answering, so a
/// newcomer going through the form with Entrée does not declare « Oui, le
/// code sera publié » or « Oui, les données ont été obtenues licitement »
/// by accident (the first option is highlighted, not chosen). Chosen with
/// the arrows then Entrée, with Espace or with its number, it is recorded.
#[test]
fn enter_on_an_untouched_choice_moves_on_without_answering() {
    for id in [
        "mutualisation.code_ouvert",
        "donnees.donnees_licites",
        "probleme.public_concerne",
    ] {
        let mut app = empty_app();
        go(&mut app, id);
        press(&mut app, KeyCode::Enter);
        assert_eq!(get(&app, id), None, "{id}: answered by a bare Entrée");
        assert_ne!(app.question_id(), id, "{id}: Entrée did not move on");
    }
    // ↓ ↑ then Entrée: the option under the highlight, even the first.
    let mut app = empty_app();
    go(&mut app, "mutualisation.code_ouvert");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "mutualisation.code_ouvert"),
        Some(toml::Value::Boolean(true))
    );
    assert_ne!(app.question_id(), "mutualisation.code_ouvert");
    // ↓ then Entrée: « Non ».
    let mut app = empty_app();
    go(&mut app, "mutualisation.code_ouvert");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "mutualisation.code_ouvert"),
        Some(toml::Value::Boolean(false))
    );
    // An answer cleared with Suppr stays cleared when Entrée moves on.
    let mut app = app_from("[mutualisation]\ncode_ouvert = false\n");
    go(&mut app, "mutualisation.code_ouvert");
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "mutualisation.code_ouvert"), None);
    assert_ne!(app.question_id(), "mutualisation.code_ouvert");
    // An answer already given: Entrée keeps it and moves on.
    let mut app = app_from("[mutualisation]\ncode_ouvert = false\n");
    go(&mut app, "mutualisation.code_ouvert");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "mutualisation.code_ouvert"),
        Some(toml::Value::Boolean(false))
    );
    assert_ne!(app.question_id(), "mutualisation.code_ouvert");
}

/// A default (45 000 € a year for an agent) is a proposal: the first
/// figure typed replaces it. It was edited as text, so « 50 000 » typed
/// over it became « 45 00050 000 », refused, then saved as such on Ctrl+Q.
#[test]
fn a_figure_typed_over_a_proposed_default_replaces_it() {
    let mut app = empty_app();
    go(&mut app, "roi.cout_etp");
    let shown = render(&app, 80, 24);
    assert!(shown.contains("tapez la vôtre"), "{shown}");
    type_text(&mut app, "50 000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(get(&app, "roi.cout_etp"), Some(toml::Value::Integer(50000)));
    // Moving into the default first makes it text to edit, as anywhere.
    go(&mut app, "roi.heures_etp");
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "roi.heures_etp"),
        Some(toml::Value::Integer(1600))
    );
    // An answer given is never a proposal: typing adds to it.
    go(&mut app, "roi.cout_etp");
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        get(&app, "roi.cout_etp"),
        Some(toml::Value::Integer(500000))
    );
}

/// The first screen proposes « candidature.toml »: a name typed or pasted
/// replaces it (« rh » made « candidature.tomlrh.toml »).
#[test]
fn a_name_typed_on_the_launcher_replaces_the_proposed_one() {
    use crate::tui::launcher::{Choice, Launcher};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut fresh = Launcher::new(None);
    for c in "rh-2027".chars() {
        fresh.handle_key(key(KeyCode::Char(c)));
    }
    assert_eq!(
        fresh.handle_key(key(KeyCode::Enter)),
        Choice::Open("rh-2027.toml".into())
    );
    // A paste (one event, not keys) was dropped on this screen.
    let mut pasted = Launcher::new(None);
    pasted.paste("rh.toml\n");
    assert_eq!(
        pasted.handle_key(key(KeyCode::Enter)),
        Choice::Open("rh.toml".into())
    );
}

/// The review screen is not the question: the question's « Entrée pour
/// continuer » after a coach remark said there that Entrée continues,
/// where it opens the selected item.
#[test]
fn the_review_does_not_repeat_the_question_s_enter_to_continue() {
    let mut app = empty_app();
    go(&mut app, "identite.chef_produit_email");
    type_text(&mut app, "claire.dupont@gmail.com");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.notice.as_deref(), Some(STAY_COACH));
    ctrl(&mut app, 'r');
    let shown = render(&app, 80, 24);
    assert!(shown.contains("Revue de la candidature"), "{shown}");
    assert!(!shown.contains("Entrée pour continuer"), "{shown}");
    assert!(!shown.contains("Le coach fait une remarque"), "{shown}");
}

/// « n : nouvelle candidature » next to `candidature.toml` proposed that
/// very name, and Entrée opened the draft it was offered instead of.
#[test]
fn a_new_application_never_opens_an_existing_file() {
    use crate::tui::launcher::{Choice, Launcher};
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("candidature.toml"), "").unwrap();
    let recent = Some(std::path::PathBuf::from("candidature.toml"));
    let mut l = Launcher::in_folder(recent.clone(), dir.path());
    l.handle_key(key(KeyCode::Char('n')));
    assert_eq!(l.name.text(), "candidature-2.toml");
    assert_eq!(
        l.handle_key(key(KeyCode::Enter)),
        Choice::Open("candidature-2.toml".into())
    );
    // A name typed that is taken is refused, saying what to do.
    let mut typed = Launcher::in_folder(recent, dir.path());
    typed.handle_key(key(KeyCode::Char('n')));
    for c in "candidature".chars() {
        typed.handle_key(key(KeyCode::Char(c)));
    }
    assert_eq!(typed.handle_key(key(KeyCode::Enter)), Choice::Pending);
    let said = typed.error.clone().unwrap();
    assert!(said.contains("candidature.toml existe déjà"), "{said}");
    assert!(said.contains("Échap pour revenir au brouillon"), "{said}");
}

/// An invalid answer kept in the file (« 45 00050 000 euros ») said
/// « fiche profile save l’enregistre dans votre profil » under its error,
/// where `profile save` leaves it out.
#[test]
fn an_invalid_answer_is_not_promised_to_the_profile() {
    let mut app = app_from(
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[roi]\ncout_etp = \"45 00050 000 euros\"\n",
    );
    go(&mut app, "roi.cout_etp");
    assert_eq!(crate::tui::screens::question::reusable_line(&app), None);
    let shown = render(&app, 120, 40);
    assert!(!shown.contains("Réponse réutilisable"), "{shown}");
}
