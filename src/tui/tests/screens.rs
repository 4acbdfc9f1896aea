//! Screens rendered into `TestBackend` at 80×24 and 120×40, compared as
//! text with insta snapshots (the save time is fixed, so they never drift).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::App;

fn saved(mut app: App) -> App {
    app.save.saved("10:42".into());
    app
}

fn accents_app() -> App {
    let mut app = empty_app();
    type_text(&mut app, "Éléonore, côté usagers");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Répondre à « l'usager » plus vite");
    app = saved(app);
    app
}

#[test]
fn snapshot_question_with_accents() {
    let app = accents_app();
    insta::assert_snapshot!("question_80x24", render(&app, 80, 24));
    insta::assert_snapshot!("question_120x40", render(&app, 120, 40));
}

#[test]
fn snapshot_long_answer() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    go(&mut app, "probleme.description");
    insta::assert_snapshot!("long_80x24", render(&app, 80, 24));
    app.guidance = true;
    insta::assert_snapshot!("long_guidance_120x40", render(&app, 120, 40));
}

#[test]
fn snapshot_review() {
    let mut app = saved(example_app("brouillon-incomplet.toml"));
    ctrl(&mut app, 'r');
    insta::assert_snapshot!("review_80x24", render(&app, 80, 24));
    insta::assert_snapshot!("review_120x40", render(&app, 120, 40));
}

#[test]
fn snapshot_help() {
    let mut app = saved(empty_app());
    press(&mut app, KeyCode::F(1));
    insta::assert_snapshot!("help_80x24", render(&app, 80, 24));
    insta::assert_snapshot!("help_120x40", render(&app, 120, 40));
}

/// Between 110 and 115 columns the two columns of the help cut the widest
/// label (« enregistrer maintenant (sinon : aut »): one column then.
#[test]
fn no_key_of_the_help_is_cut() {
    let mut app = saved(empty_app());
    press(&mut app, KeyCode::F(1));
    for width in [80, 100, 110, 115, 120, 160] {
        let screen = render(&app, width, 60);
        assert!(
            screen.contains("enregistrer maintenant (sinon : auto)"),
            "{width} columns:\n{screen}"
        );
    }
}

#[test]
fn snapshot_list_and_numbers() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    go(&mut app, "donnees.sources");
    insta::assert_snapshot!("list_80x24", render(&app, 80, 24));
    go(&mut app, "statu_quo.cout_annuel_estime");
    insta::assert_snapshot!("euros_80x24", render(&app, 80, 24));
}

#[test]
fn snapshot_too_small() {
    let app = saved(empty_app());
    insta::assert_snapshot!("too_small", render(&app, 50, 12));
}

#[test]
fn snapshot_list_item_with_a_choice_field() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    go(&mut app, "donnees.sources");
    // Edit the first source, down to « Nature de la donnée ».
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let screen = render(&app, 80, 24);
    // Every option of the field being chosen, and its label, are on screen.
    for text in ["Nature de la donnée", "7. ", "Élément n° 1 sur 4"] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }
    insta::assert_snapshot!("list_item_choice_80x24", screen);
    app.guidance = true;
    insta::assert_snapshot!("list_item_choice_120x40", render(&app, 120, 40));
}

#[test]
fn snapshot_help_scrolled() {
    let mut app = saved(empty_app());
    app.size = ratatui::layout::Size::new(80, 24);
    press(&mut app, KeyCode::F(1));
    for _ in 0..12 {
        press(&mut app, KeyCode::Down);
    }
    insta::assert_snapshot!("help_scrolled_80x24", render(&app, 80, 24));
}

#[test]
fn snapshot_launcher() {
    use crate::tui::launcher::Launcher;
    use crate::tui::theme::Theme;
    let form = fiche::form::builtin();
    let draw = |launcher: &Launcher| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|f| launcher.draw(f, &form, &Theme::plain()))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..24 {
            let line: String = (0..80).map(|x| buffer[(x, y)].symbol()).collect();
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    };
    insta::assert_snapshot!("launcher_new_80x24", draw(&Launcher::new(None)));
    insta::assert_snapshot!(
        "launcher_recent_80x24",
        draw(&Launcher::new(Some("brouillon.toml".into())))
    );
    // A draft broken by hand used to be skipped in silence: the launcher
    // offered an older one, or a new one, without a word about it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("casse.toml"),
        "[identite]\nnom_produit = Assistant\n",
    )
    .unwrap();
    let unreadable = fiche::application::unreadable_drafts(dir.path());
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    let mut launcher = Launcher::new(Some("brouillon.toml".into()));
    launcher.unreadable = unreadable
        .iter()
        .map(|(_, e)| fiche::application::unreadable_note(e))
        .collect();
    let screen = draw(&launcher);
    let flat = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{a0}', " ");
    assert!(flat.contains("illisible :"), "{screen}");
    assert!(flat.contains("casse.toml, ligne 2"), "{screen}");
    assert!(
        flat.contains("corrigez-le dans un éditeur de texte puis relancez fiche"),
        "{screen}"
    );
}

#[test]
fn snapshot_new_file_introduction() {
    let mut app = saved(empty_app());
    app.modal = Some(crate::tui::app::Modal::Offer(
        crate::tui::app::Offer::Intro(None),
    ));
    insta::assert_snapshot!("intro_80x24", render(&app, 80, 24));
}

/// The last two lines: the footer.
fn footer_of(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - 2..].join("\n")
}

#[test]
fn each_dialog_shows_its_own_keys_in_the_footer() {
    use crate::tui::app::{Modal, Offer};
    let mut app = saved(empty_app());
    let form_keys = footer_of(&render(&app, 80, 24));
    assert!(form_keys.contains("Ctrl+U"), "{form_keys}");
    let cases = [
        (
            Modal::Offer(Offer::Intro(None)),
            "Entrée commencer à remplir",
        ),
        (
            Modal::Offer(Offer::Profile(
                Box::new(fiche::Answers::new(&app.form)),
                vec!["Administration".into()],
            )),
            "o ou Entrée oui",
        ),
        (Modal::Conflict(Vec::new()), "m garder la mienne"),
        (
            Modal::QuitUnsaved("disque plein".into()),
            "a enregistrer ailleurs",
        ),
    ];
    for (modal, expected) in cases {
        app.modal = Some(modal);
        let footer = footer_of(&render(&app, 80, 24));
        assert!(footer.contains(expected), "{footer}");
        assert!(!footer.contains("Ctrl+U"), "the form's keys: {footer}");
    }
}

#[test]
fn ctrl_q_during_the_introduction_quits_and_f1_shows_the_keys() {
    use crate::tui::app::{Effect, Modal, Offer};
    let mut app = empty_app();
    app.modal = Some(Modal::Offer(Offer::Intro(None)));
    assert_eq!(ctrl(&mut app, 'q'), Effect::Quit);
    // F1, which it mentions, opens the keys.
    app.modal = Some(Modal::Offer(Offer::Intro(None)));
    press(&mut app, KeyCode::F(1));
    assert!(matches!(app.modal, Some(Modal::Help(0))));
    // Any other key starts.
    app.modal = Some(Modal::Offer(Offer::Intro(None)));
    press(&mut app, KeyCode::Char('x'));
    assert!(app.modal.is_none());
    assert_eq!(get(&app, "identite.nom_produit"), None);
}

#[test]
fn snapshot_export_menu_80x24() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    ctrl(&mut app, 'r');
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Down);
    let screen = render(&app, 80, 24);
    for target in fiche::render::Target::all() {
        assert!(screen.contains(&target.label_fr()), "{target:?}:\n{screen}");
    }
    insta::assert_snapshot!("export_menu_80x24", screen);
}

#[test]
fn snapshot_long_choice_labels_wrap_at_80x24() {
    let mut app = saved(empty_app());
    go(&mut app, "probleme.public_concerne");
    press(&mut app, KeyCode::Down);
    let screen = render(&app, 80, 24);
    // The whole label is readable, over two lines.
    assert!(screen.contains("associations…)"), "{screen}");
    insta::assert_snapshot!("choice_wrapped_80x24", screen);
}

/// The question screen cuts a long remark with « la suite : Ctrl+R (revue) »,
/// and the review cut it again at four lines: at 80×24 the legal text of
/// « l'IA décide seule » could not be read to its end anywhere.
#[test]
fn a_long_remark_is_read_to_its_end_on_the_review_at_80x24() {
    let mut app = saved(example_app("candidature-faible.toml"));
    // The loop records the window's size at each draw; paging uses it.
    app.size = ratatui::layout::Size::new(80, 24);
    ctrl(&mut app, 'r');
    let joined = |app: &App| {
        let screen = render(app, 80, 24);
        let text = screen
            .lines()
            .map(|l| l.split('│').nth(3).unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(" ");
        (screen, text)
    };
    let (screen, text) = joined(&app);
    assert!(text.contains("l’IA décide seule"), "{screen}");
    // The selected finding stays in the list above it.
    assert!(text.contains("› erreur :"), "{screen}");
    assert!(
        text.contains("Pg↓ Pg↑ : lire la suite (lignes 1–"),
        "{screen}"
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::PageDown);
    }
    let (screen, text) = joined(&app);
    assert!(
        text.contains("à vérifier avec votre DPO / service juridique"),
        "{screen}"
    );
    // Its end is shown: nothing more to read, only Pg↑ moves it.
    assert!(!text.contains("lire la suite"), "{screen}");
    assert!(text.contains("Pg↑ : remonter (fin, lignes "), "{screen}");
    // Another finding starts at its top.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.review_detail_scroll(), 0);
}

/// Pg↓ moved a six-line window by three lines and went on counting past the
/// end, so Pg↑ then seemed dead: a page is now what the room shows (one line
/// kept) and the end is where it stops.
#[test]
fn the_review_remark_pages_by_its_room_and_comes_back_at_once_at_80x24() {
    let mut app = saved(example_app("candidature-faible.toml"));
    app.size = ratatui::layout::Size::new(80, 24);
    ctrl(&mut app, 'r');
    let hint = |app: &App| {
        let screen = render(app, 80, 24);
        let at = ["Pg↓ Pg↑ : lire la suite (", "Pg↑ : remonter (fin, "]
            .iter()
            .find_map(|h| screen.find(h).map(|at| at + h.len()))
            .expect(&screen);
        let rest = screen[at..].strip_prefix("lignes ").expect(&screen);
        let range: String = rest.chars().take_while(|c| *c != ')').collect();
        let (first, last) = range.split_once('–').unwrap();
        let last = last.split(' ').next().unwrap();
        let total = range.rsplit(' ').next().unwrap();
        let n = |s: &str| s.parse::<u16>().unwrap();
        (n(first), n(last), n(total))
    };
    let (first, shown, total) = hint(&app);
    assert_eq!(first, 1);
    press(&mut app, KeyCode::PageDown);
    let (next, _, _) = hint(&app);
    assert_eq!(next, shown, "one line kept, the rest is new");
    for _ in 0..10 {
        press(&mut app, KeyCode::PageDown);
    }
    let (_, last, _) = hint(&app);
    assert_eq!(last, total);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Pg↑ : remonter (fin, lignes") && !screen.contains("lire la suite"),
        "{screen}"
    );
    press(&mut app, KeyCode::PageUp);
    let (back, _, _) = hint(&app);
    assert!(render(&app, 80, 24).contains("Pg↓ Pg↑ : lire la suite"));
    assert!(back < total - shown + 1, "Pg↑ moves at once: {back}");
}

#[test]
fn the_path_of_an_export_is_shown_whole_on_the_review_at_80x24() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    ctrl(&mut app, 'r');
    let path = "/home/claire.dupont/Documents/candidatures/2026/assistant-srdt-pitch.pdf";
    app.notice = Some(format!("Exporté : {path}"));
    let screen = render(&app, 80, 24);
    let joined: String = screen
        .lines()
        .map(|l| l.split('│').nth(3).unwrap_or("").trim())
        .collect();
    assert!(joined.contains("assistant-srdt-pitch.pdf"), "{screen}");
}

#[test]
fn the_delete_question_of_a_list_and_its_keys_are_in_view_at_80x24() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    go(&mut app, "donnees.sources");
    // The last of four items: the list scrolls to keep it shown.
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('s'));
    let screen = render(&app, 80, 24);
    // « n° » keeps its number on its line (a no-break space).
    assert!(screen.contains("Supprimer l’élément n°\u{a0}4"), "{screen}");
    assert!(screen.contains("› 4."), "{screen}");
    assert!(
        footer_of(&screen).contains("o supprimer l’élément"),
        "{screen}"
    );
    insta::assert_snapshot!("list_delete_80x24", screen);
}

#[test]
fn snapshot_business_case_whole_at_80x24() {
    let mut app = saved(example_app("assistant-srdt.toml"));
    go(&mut app, "volume.volume_annuel");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("ratio bénéfice/coût"), "{screen}");
    // The pilot's share, next to the full-scale figures.
    assert!(screen.contains("À l’échelle du pilote"), "{screen}");
    insta::assert_snapshot!("business_case_80x24", screen);
    // Under a section introduction there is less room: the cut is said.
    go(&mut app, "volume.nb_agents");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("… la suite : Ctrl+R (revue)"), "{screen}");
    insta::assert_snapshot!("business_case_cut_80x24", screen);
}

/// A pilot on the whole annual volume: the panel says, as the documents
/// do, that the full-scale figures are the pilot's, instead of the same
/// figures again « à l'échelle du pilote ».
#[test]
fn snapshot_business_case_of_a_pilot_on_the_whole_volume_at_80x24() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/assistant-srdt.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let whole = text.replace("volume_pilote = 60000", "volume_pilote = 575000");
    assert_ne!(whole, text, "the example's pilot volume moved");
    let mut app = saved(app_from(&whole));
    go(&mut app, "volume.volume_annuel");
    let screen = render(&app, 80, 24);
    let joined: String = screen
        .lines()
        .map(|l| l.split('│').nth(3).unwrap_or("").trim())
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{a0}', " ");
    assert!(
        joined.contains(
            "Le pilote porte sur tout le volume annuel : ces chiffres sont aussi les siens."
        ),
        "{screen}"
    );
    assert!(!screen.contains("l’échelle du pilote"), "{screen}");
    insta::assert_snapshot!("business_case_whole_pilot_80x24", screen);
}

#[test]
fn snapshot_wide_sidebar_200x60() {
    let app = saved(example_app("brouillon-incomplet.toml"));
    let screen = render(&app, 200, 60);
    for s in &app.form.sections {
        assert!(
            screen.contains(s.title.as_ref()),
            "{} cut:\n{screen}",
            s.title
        );
    }
    insta::assert_snapshot!("question_200x60", screen);
}

#[test]
fn the_counter_of_a_long_text_without_a_limit_agrees_with_its_count() {
    let mut app = saved(empty_app());
    let description = app
        .form
        .sections
        .iter_mut()
        .filter(|s| s.id == "probleme")
        .flat_map(|s| s.questions.iter_mut())
        .find(|q| q.id == "description")
        .expect("the built-in form asks for the problem");
    description.max_length = None;
    go(&mut app, "probleme.description");
    let screen = render(&app, 120, 40);
    assert!(
        screen.contains("0 caractère") && !screen.contains("0 caractères"),
        "{screen}"
    );
    type_text(&mut app, "a");
    assert!(render(&app, 120, 40).contains("1 caractère "));
    type_text(&mut app, "b");
    assert!(render(&app, 120, 40).contains("2 caractères"));
}

/// The wizard writes the e-mail of any application, as `fiche envoyer
/// --brouillon`: with the coach's errors it said « ouvrez-le … pour
/// l'envoyer ». Such an e-mail is marked BROUILLON, complete or not: the
/// notice does not call it incomplete, the warning says why.
#[test]
fn the_email_notice_says_to_correct_the_coach_errors_before_sending() {
    use fiche::render::{Exported, Target};
    let written = |draft| {
        Ok(Exported {
            path: "/tmp/x.eml".into(),
            draft,
        })
    };
    let faulted = example_app("candidature-faible.toml");
    assert!(faulted.coach.errors().count() > 0);
    let notice = crate::tui::effects::export_notice(&faulted, Target::Email, written(true));
    assert!(
        notice.starts_with("Courriel prêt : /tmp/x.eml (marqué BROUILLON) ; attention : "),
        "{notice}"
    );
    assert!(
        notice.contains("qu’un jury refuserait (voir la revue) : corrigez avant d’envoyer"),
        "{notice}"
    );
    assert!(!notice.contains("pour l’envoyer"), "{notice}");
    assert!(!notice.contains("incomplète"), "{notice}");
    let clean = example_app("assistant-srdt.toml");
    assert_eq!(clean.coach.errors().count(), 0);
    let notice = crate::tui::effects::export_notice(&clean, Target::Email, written(false));
    assert_eq!(
        notice,
        "Courriel prêt : /tmp/x.eml ; ouvrez-le dans votre messagerie pour l’envoyer"
    );
}

/// The question screen cuts a long remark with « la suite : Ctrl+R (revue) »,
/// but the review opened on its first finding: the user had to look for
/// the remark among the others.
#[test]
fn the_review_opens_on_the_remark_of_the_current_question() {
    let mut app = saved(example_app("candidature-faible.toml"));
    let items = app.review_items();
    let (at, finding) = items
        .iter()
        .rev()
        .find(|(_, f)| !f.is_missing())
        .map(|(at, f)| (*at, f.question_id().to_string()))
        .expect("a remark");
    assert!(items.len() > 1 && items[0].0 != at, "not the first one");
    go(&mut app, &finding);
    ctrl(&mut app, 'r');
    let items = app.review_items();
    assert_eq!(items[app.review].0, at);
    assert!(!items[app.review].1.is_missing());
    // From a question without remark, the first one.
    ctrl(&mut app, 'r');
    go(&mut app, "identite.nom_produit");
    ctrl(&mut app, 'r');
    assert_eq!(app.review, 0);
}

/// A failed save's reason is one sentence of the notice: a reason without
/// its own full stop (« disque plein : … réessayez ») ran into the next one
/// (« réessayez Vos réponses restent en mémoire »).
#[test]
fn a_failed_save_reads_as_sentences_whatever_its_reason_ends_with() {
    for (reason, read) in [
        (
            "a.toml : disque plein : libérez de la place puis réessayez",
            "réessayez. Vos réponses restent en mémoire",
        ),
        (
            "a.toml : il n’a pas été écrasé. Corrigez-le.",
            "Corrigez-le. Vos réponses restent en mémoire",
        ),
    ] {
        let mut app = empty_app();
        app.save
            .failed(reason.to_string(), std::time::Instant::now());
        let screen = render(&app, 250, 40);
        assert!(screen.contains(read), "{screen}");
    }
}

/// Bidi controls and marks typed or pasted into a text or a long answer:
/// the field shows each by its code point, as the review and the documents
/// do (`fiche::sanitize::terminal`), never `�` nor nothing, and the answer
/// keeps them as they were.
#[test]
fn bidi_controls_typed_or_pasted_show_by_their_code_point() {
    let controls = "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}";
    let codes = "<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>";
    for id in ["identite.slogan", "probleme.description"] {
        let mut app = empty_app();
        go(&mut app, id);
        type_text(&mut app, "a");
        let (typed, pasted) = controls.split_at(controls.char_indices().nth(6).unwrap().0);
        type_text(&mut app, typed);
        app.paste(pasted);
        type_text(&mut app, "b");
        let screen = render(&app, 160, 30);
        assert!(screen.contains(&format!("a{codes}b")), "{id}:\n{screen}");
        assert!(!screen.contains('\u{fffd}'), "{id}:\n{screen}");
        assert!(!screen.chars().any(|c| controls.contains(c)), "{id}");
        press(&mut app, KeyCode::Tab);
        assert_eq!(get(&app, id), s(&format!("a{controls}b")), "{id}");
    }
}

/// A file name holding controls or a bidi override is shown in the title
/// bar by their code points, not obeyed by the terminal.
#[test]
fn the_title_bar_shows_a_file_names_controls_by_their_code_point() {
    let mut app = empty_app();
    app.path = std::path::PathBuf::from("/tmp/candidature\u{202e}lmth.toml\u{1b}[2J");
    let screen = render(&app, 120, 30);
    let title = screen.lines().next().unwrap();
    assert!(
        title.contains("candidature<U+202E>lmth.toml␛[2J"),
        "{title}"
    );
    assert!(!screen.contains(['\u{202e}', '\u{1b}']), "{screen}");
}

/// The counter under a text writes its numbers the French way, as the
/// message under it does: « 3001 / 3000 caractères : trop long de 1 » sat
/// above « 3 001 caractères pour 3 000 au plus ».
#[test]
fn the_length_counter_groups_thousands_like_the_message_under_it() {
    let mut app = saved(empty_app());
    go(&mut app, "probleme.description");
    type_text(&mut app, &"a".repeat(3001));
    let screen = render(&app, 120, 40).replace('\u{a0}', " ");
    assert!(
        screen.contains("3 001 / 3 000 caractères : trop long de 1"),
        "{screen}"
    );
    let mut app = saved(empty_app());
    go(&mut app, "identite.nom_produit");
    type_text(&mut app, "Assistant");
    let screen = render(&app, 120, 40);
    assert!(screen.contains("9 / 80 caractères"), "{screen}");
}
