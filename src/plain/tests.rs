//! The accessible session driven with in-memory input, checked on the file
//! it leaves on disk.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::Ending;
use super::prompt::{Command, Prompt, parse_command};
use super::{Session, open};
use fiche::{Answers, Form};

/// Runs a whole session on `path` with `input` typed; returns the outcome
/// and everything written.
fn drive_with(form: &Form, path: &Path, input: &str, profile: Option<Answers>) -> (Ending, String) {
    let prompt = Prompt::new(Cursor::new(input.as_bytes().to_vec()), Vec::new());
    let mut session = open::open(form, path, prompt, || Ok(profile)).expect("opens");
    let outcome = session.run();
    let out = String::from_utf8(session.prompt.into_output()).expect("UTF-8 output");
    (outcome, out)
}

/// Runs a whole session of the built-in form on `path`.
fn drive(path: &Path, input: &str) -> (Ending, String) {
    drive_with(&fiche::form::builtin(), path, input, None)
}

/// Runs `session` to its end: the outcome and everything it said.
fn run(mut session: Session<'_, Cursor<Vec<u8>>, Vec<u8>>) -> (Ending, String) {
    let outcome = session.run();
    let out = String::from_utf8(session.prompt.into_output()).expect("UTF-8 output");
    (outcome, out)
}

/// A session of `form` on `path` holding `answers`, made as is (no lock,
/// nothing asked on opening), reading `input`.
fn session_on<'f>(
    form: &'f Form,
    path: &Path,
    answers: Answers,
    input: &str,
) -> Session<'f, Cursor<Vec<u8>>, Vec<u8>> {
    let prompt = Prompt::new(Cursor::new(input.as_bytes().to_vec()), Vec::new());
    Session::new(form, path, answers, prompt)
}

/// `name` in a fresh empty folder (kept while the folder lives); the file
/// itself is not written.
fn new_file(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    (dir, path)
}

/// `srdt.toml`, a copy of the complete example `assistant-srdt.toml`, in a
/// fresh folder.
fn srdt() -> (tempfile::TempDir, PathBuf) {
    let (dir, path) = new_file("srdt.toml");
    std::fs::write(&path, include_str!("../../examples/assistant-srdt.toml")).unwrap();
    (dir, path)
}

/// Fails, showing everything said, unless `out` contains `text`.
#[track_caller]
fn assert_said(out: &str, text: &str) {
    assert!(out.contains(text), "« {text} » not said in:\n{out}");
}

/// Fails, showing everything said, if `out` contains `text`.
#[track_caller]
fn assert_not_said(out: &str, text: &str) {
    assert!(!out.contains(text), "« {text} » said in:\n{out}");
}

fn text(path: &Path, id: &str) -> Option<String> {
    Answers::load(path)
        .expect("the file stays valid TOML")
        .get(id)
        .and_then(|v| v.as_str().map(str::to_string))
}

fn value(path: &Path, id: &str) -> Option<toml::Value> {
    Answers::load(path).expect("valid TOML").get(id)
}

/// The 1-based number of `key` among the choices of `id`.
fn number(form: &Form, id: &str, key: &str) -> usize {
    let (_, q) = form.question(id).expect("known question");
    q.choices
        .iter()
        .position(|c| c.key == key)
        .expect("known key")
        + 1
}

#[test]
fn a_whole_section_is_filled_and_saved() {
    let (_dir, path) = new_file("c.toml");
    let input = "Assistant SRDT\nRépondre vite et juste\nMinistère du Travail\n\nCamille Martin\nCheffe de projet\ncamille.martin@travail.gouv.fr\n\n:quitter\n";
    let (outcome, out) = drive(&path, input);
    assert!(matches!(outcome, Ending::Saved));
    assert_eq!(
        text(&path, "identite.nom_produit").as_deref(),
        Some("Assistant SRDT")
    );
    assert_eq!(
        text(&path, "identite.slogan").as_deref(),
        Some("Répondre vite et juste")
    );
    assert_eq!(
        text(&path, "identite.chef_produit_email").as_deref(),
        Some("camille.martin@travail.gouv.fr")
    );
    assert_eq!(value(&path, "identite.direction"), None);
    assert_eq!(value(&path, "identite.sponsor"), None);
    assert_said(
        &out,
        "Section 1 sur 14 : Intitulé du produit — 0 réponse obligatoire sur 6",
    );
    assert_said(&out, "Section 2 sur 14 : ");
    assert_said(&out, "Question 1 sur 8 : Nom du produit (obligatoire)");
}

#[test]
fn an_invalid_answer_is_explained_echoed_and_asked_again() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    let usagers = number(&form, "probleme.public_concerne", "usagers");
    let input = format!(
        ":aller volume.nb_agents\ntrois cents\n300\n:aller probleme.public_concerne\n9\n{usagers}\n:quitter\n"
    );
    let (_, out) = drive(&path, &input);
    let refused = |typed: &str| {
        out.lines()
            .any(|l| l.contains("erreur : réponse refusée") && l.contains(&format!("« {typed} »")))
    };
    assert!(refused("trois cents"), "{out}");
    assert!(refused("9"), "{out}");
    assert_eq!(
        value(&path, "volume.nb_agents"),
        Some(toml::Value::Integer(300))
    );
    assert_eq!(
        text(&path, "probleme.public_concerne").as_deref(),
        Some("usagers")
    );
}

#[test]
fn a_misspelt_goto_suggests_the_question_meant() {
    let (_dir, path) = new_file("c.toml");
    let (_, out) = drive(&path, ":aller donees.sources\n:quitter\n");
    assert_said(
        &out,
        "« donees.sources » ne désigne aucune question (ou plusieurs). Vouliez-vous dire :aller donnees.sources ?",
    );
}

#[test]
fn a_goto_to_a_question_not_asked_names_what_it_depends_on() {
    let (_dir, path) = new_file("c.toml");
    let (_, out) = drive(
        &path,
        ":aller ia_responsable.information_usagers\n:quitter\n",
    );
    assert_said(
        &out,
        "La question ia_responsable.information_usagers n’est pas posée avec vos réponses actuelles : elle dépend de votre réponse à « ",
    );
    assert_said(&out, "(solution.role_ia)");
    assert!(
        !out.contains(" in ["),
        "not the form's condition language: {out}"
    );
}

#[test]
fn a_when_question_appears_once_its_condition_holds() {
    let (_dir, path) = new_file("c.toml");
    // With « non » the next question is the shared offer; back, then « oui »
    // brings the adaptations question.
    let input = ":aller mutualisation.generique\nn\n<\no\nChanger le corpus\net les consignes.\n.\n:quitter\n";
    let (_, out) = drive(&path, input);
    let after_no = out
        .split("Le produit pourrait-il devenir un outil générique")
        .nth(1)
        .expect("generique asked");
    let first_next = after_no
        .find("Intégration à une offre commune")
        .expect("shared offer asked after non");
    assert!(
        !after_no[..first_next].contains("Adaptations nécessaires"),
        "{out}"
    );
    assert_eq!(
        value(&path, "mutualisation.generique"),
        Some(toml::Value::Boolean(true))
    );
    assert_eq!(
        text(&path, "mutualisation.adaptations").as_deref(),
        Some("Changer le corpus\net les consignes.")
    );
}

#[test]
fn list_items_are_added_and_deleted_after_confirmation() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    let documents = number_in_field(&form, "nature", "documents");
    let ouverte = number_in_field(&form, "acces", "ouverte");
    let input = format!(
        ":aller donnees.sources\n\
         a\nCode du travail\nDGT\n{documents}\n{ouverte}\nTextes en XML\n.\nnon\nnon\n\
         a\nFAQ\n\n{documents}\n{ouverte}\n\n\n\n\
         v 2\ns 1\nn\n\
         s 1\no\n\
         :quitter\n"
    );
    let (_, out) = drive(&path, &input);
    assert_said(&out, "Élément 2 ajouté");
    assert_said(&out, "Rien n’est supprimé.");
    assert_said(&out, "Élément 2 : Nom de la source : FAQ ; Nature");
    let sources = value(&path, "donnees.sources").expect("sources saved");
    let items = sources.as_array().unwrap();
    assert_eq!(items.len(), 1, "{sources}");
    let item = items[0].as_table().unwrap();
    assert_eq!(item["nom"].as_str(), Some("FAQ"));
    assert_eq!(item["nature"].as_str(), Some("documents"));
    assert_eq!(item["acces"].as_str(), Some("ouverte"));
    assert!(!item.contains_key("producteur"));
}

fn number_in_field(form: &Form, field: &str, key: &str) -> usize {
    let (_, q) = form.question("donnees.sources").unwrap();
    let f = q.field(field).unwrap();
    f.choices.iter().position(|c| c.key == key).unwrap() + 1
}

#[test]
fn back_returns_to_the_previous_question() {
    let (_dir, path) = new_file("c.toml");
    let (_, out) = drive(&path, "Premier nom\n<\nSecond nom\n:quitter\n");
    assert_said(&out, "Réponse actuelle : Premier nom");
    assert_eq!(
        text(&path, "identite.nom_produit").as_deref(),
        Some("Second nom")
    );
    assert_eq!(value(&path, "identite.slogan"), None);
}

#[test]
fn end_of_input_saves_and_quits_cleanly() {
    let (_dir, path) = new_file("c.toml");
    let (outcome, out) = drive(&path, "Nom\nUne promesse");
    assert!(matches!(outcome, Ending::Saved));
    assert_eq!(
        text(&path, "identite.slogan").as_deref(),
        Some("Une promesse")
    );
    assert_said(&out, "Vos réponses sont enregistrées dans");
}

#[test]
fn quitting_a_read_only_session_says_nothing_was_written_and_where_the_recovery_is() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    Answers::new(&form).save(&path).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    fiche::recovery::Recovery::new("identite.nom_produit", "Tapé avant l'arrêt".into())
        .write(&path)
        .unwrap();
    let mut session = session_on(&form, &path, Answers::load(&path).unwrap(), ":quitter\n");
    session.read_only = Some("le fichier est en lecture seule".to_string());
    let (outcome, out) = run(session);
    assert!(matches!(outcome, Ending::Saved));
    assert_not_said(&out, "Vos réponses sont enregistrées");
    assert_said(
        &out,
        &format!(
            "Rien n’a été écrit dans {} (le fichier est en lecture seule). Une réponse tapée avant une interruption",
            path.display()
        ),
    );
    assert_said(&out, ".c.toml.fiche-recup");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    assert!(fiche::recovery::path_for(&path).exists(), "kept for later");
}

#[test]
fn counts_of_zero_and_one_take_the_singular() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    let mut answers = Answers::new(&form);
    answers.save(&path).unwrap();
    let (_, out) = drive(&path, ":verifier\n:quitter\n");
    for said in [
        " — 0 réponse obligatoire donnée sur ",
        "Vérification : 0 réponse obligatoire donnée sur ",
        " — 0 réponse obligatoire sur ",
    ] {
        assert!(out.contains(said), "« {said} » in:\n{out}");
    }
    assert_not_said(&out, "0 réponses");

    answers
        .set("identite.nom_produit", Some("Assistant SRDT".into()))
        .unwrap();
    answers.save(&path).unwrap();
    let (_, out) = drive(&path, ":verifier\n:aller identite.slogan\n:quitter\n");
    for said in [
        " — 1 réponse obligatoire donnée sur ",
        "Vérification : 1 réponse obligatoire donnée sur ",
        " — 1 réponse obligatoire sur ",
    ] {
        assert!(out.contains(said), "« {said} » in:\n{out}");
    }
    assert_not_said(&out, "1 réponses");
    // The sign stays with its figure, as everywhere else (no-break space).
    assert!(out.contains(" (2\u{a0}%)"), "{out}");
    assert!(!out.contains(" %)"), "{out}");
}

#[test]
fn a_long_text_cut_by_the_end_of_input_keeps_what_was_typed() {
    let (_dir, path) = new_file("c.toml");
    drive(
        &path,
        ":aller probleme.description\nLes agents attendent.\n\nLongtemps.",
    );
    assert_eq!(
        text(&path, "probleme.description").as_deref(),
        Some("Les agents attendent.\n\nLongtemps.")
    );
}

#[test]
fn a_failed_save_keeps_answers_and_offers_another_file() {
    let form = fiche::form::builtin();
    let (dir, gone) = new_file("dossier-absent/c.toml");
    let other = dir.path().join("ailleurs.toml");
    let input = format!("Nom\nPromesse\n:quitter\n{}\n", other.display());
    let (outcome, out) = run(session_on(&form, &gone, Answers::new(&form), &input));
    assert!(matches!(outcome, Ending::Saved));
    assert_said(&out, "n’ont pas pu être enregistrées");
    assert!(!gone.exists());
    assert_eq!(text(&other, "identite.nom_produit").as_deref(), Some("Nom"));
    assert_eq!(text(&other, "identite.slogan").as_deref(), Some("Promesse"));
}

#[test]
fn answers_lost_at_end_of_input_fail() {
    let form = fiche::form::builtin();
    let (_dir, gone) = new_file("dossier-absent/c.toml");
    let (outcome, _) = run(session_on(&form, &gone, Answers::new(&form), "Nom\n"));
    assert!(matches!(outcome, Ending::Unsaved));
}

#[test]
fn a_new_draft_takes_the_profile_when_accepted() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    let mut profile = Answers::new(&form);
    profile
        .set(
            "identite.administration",
            Some(toml::Value::String("Préfecture du Nord".into())),
        )
        .unwrap();
    let (_, out) = drive_with(&form, &path, "o\n\n\n:quitter\n", Some(profile));
    assert_said(
        &out,
        "Réponse actuelle, reprise de votre profil : Préfecture du Nord",
    );
    assert_said(&out, "Reprendre les réponses de votre profil");
    let answers = Answers::load(&path).unwrap();
    assert_eq!(
        answers.get("identite.administration"),
        Some(toml::Value::String("Préfecture du Nord".into()))
    );
    assert_eq!(
        answers.origin("identite.administration"),
        Some(fiche::answers::Origin::Profile)
    );
}

#[test]
fn the_end_offers_every_format_and_the_email_draft() {
    let (dir, path) = srdt();
    // Last section, Entrée keeps the answer, then ODT by name, the e-mail by
    // its number, a wrong name, then the end.
    let email_number = fiche::render::Target::all().len();
    let input = format!(":section 14\n\nodt\n{email_number}\ndocx\n\n");
    let (_, out) = drive(&path, &input);
    // The list is the library's table, every entry numbered.
    for (i, t) in fiche::render::Target::all().iter().enumerate() {
        let line = format!("  {} : {} ({})", i + 1, t.label_fr(), t.short_name());
        assert!(out.contains(&line), "« {line} » missing:\n{out}");
    }
    let odt = dir.path().join("srdt.odt");
    assert_said(&out, &format!("Document écrit : {}", odt.display()));
    assert!(std::fs::read(&odt).unwrap().starts_with(b"PK"), "a zip");
    let eml = dir.path().join("srdt.eml");
    assert_said(&out, &format!("Courriel prêt : {}", eml.display()));
    let message = std::fs::read_to_string(&eml).unwrap();
    assert_said(&message, "X-Unsent: 1");
    assert_said(&out, "« docx » n’est pas un export");
}

/// The e-mail of a complete application the coach faults (the AI decides
/// alone): « Courriel prêt… envoyez-le » sent it to the incubator with an
/// error `fiche envoyer` refuses. It is marked BROUILLON, as `fiche envoyer
/// --brouillon` marks it, and not called incomplete.
#[test]
fn the_email_of_an_application_the_coach_faults_says_to_correct_it_first() {
    let (dir, path) = srdt();
    let text = std::fs::read_to_string(&path).unwrap();
    let faulted = text.replace("role_ia = \"recommande\"", "role_ia = \"decide\"");
    assert_ne!(text, faulted);
    std::fs::write(&path, faulted).unwrap();
    let email_number = fiche::render::Target::all().len();
    let (_, out) = drive(&path, &format!(":section 14\n\n{email_number}\n\n"));
    let eml = dir.path().join("srdt.eml");
    assert_said(
        &out,
        &format!(
            "Courriel prêt : {} (marqué BROUILLON). Attention : le coach relève 1 erreur qu’un jury refuserait (voir la revue) : corrigez avant d’envoyer.",
            eml.display()
        ),
    );
    let bytes = std::fs::read(&eml).unwrap();
    let message = mail_parser::MessageParser::default().parse(&bytes).unwrap();
    let subject = message.subject().unwrap();
    assert!(subject.starts_with("BROUILLON – "), "{subject}");
    assert_not_said(&out, "relisez-le et envoyez-le");
}

#[test]
fn the_end_offers_exports_and_writes_the_document() {
    let (dir, path) = srdt();
    let before = std::fs::read_to_string(&path).unwrap();
    // Last section, Entrée keeps the answer, then Markdown, then the end.
    let (_, out) = drive(&path, ":section 14\n\n1\n\n");
    assert_said(&out, "Fin du questionnaire.");
    assert_said(&out, "Score de préparation du coach");
    let md = dir.path().join("srdt.md");
    assert_said(&out, &format!("Document écrit : {}", md.display()));
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("Assistant SRDT")
    );
    // Nothing was answered: the application is byte for byte the same.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn after_a_migration_only_changed_questions_are_walked() {
    let v2 = fiche::form::BUILTIN_FORM
        .replacen("version = 1", "version = 2", 1)
        .replacen("id = \"sponsor\"", "id = \"sponsor\"\nsince = 2", 1);
    let form = fiche::form::parse(&v2, "v2").expect("test form");
    let (_dir, path) = new_file("c.toml");
    let v1 =
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n\n[identite]\nnom_produit = \"X\"\n";
    std::fs::write(&path, v1).unwrap();
    let (_, out) = drive_with(&form, &path, "o\nLa DGT\n\n", None);
    assert_said(&out, "version 1 du formulaire");
    assert_said(&out, "identite.sponsor");
    assert_eq!(out.matches("(obligatoire)").count(), 0, "{out}");
    assert_eq!(text(&path, "identite.sponsor").as_deref(), Some("La DGT"));
    assert_eq!(
        value(&path, "meta.form_version"),
        Some(toml::Value::Integer(2))
    );
}

#[test]
fn commands_are_told_from_answers() {
    assert_eq!(parse_command("?"), Some(Ok(Command::Help)));
    assert_eq!(parse_command(" < "), Some(Ok(Command::Back)));
    assert_eq!(
        parse_command(":aller volume.nb_agents"),
        Some(Ok(Command::Goto("volume.nb_agents".into())))
    );
    assert_eq!(parse_command(":Vérifier"), Some(Ok(Command::Check)));
    assert_eq!(parse_command("Le problème : délais"), None);
    assert_eq!(parse_command(":-)"), None);
    assert!(matches!(parse_command(":bof"), Some(Err(m)) if m.contains("« :bof »")));
}

#[test]
fn end_of_input_inside_a_list_item_keeps_its_valid_fields() {
    let form = fiche::form::builtin();
    let (_dir, path) = new_file("c.toml");
    let documents = number_in_field(&form, "nature", "documents");
    // Name, producer, nature typed; the input ends at « accès ».
    let input = format!(":aller donnees.sources\na\nCode du travail\nDGT\n{documents}\n");
    let (outcome, out) = drive(&path, &input);
    assert!(matches!(outcome, Ending::Saved));
    assert_said(
        &out,
        "Élément 1 enregistré tel quel, à compléter : Code du travail",
    );
    let sources = value(&path, "donnees.sources").expect("item kept");
    let item = sources.as_array().unwrap()[0].as_table().unwrap().clone();
    assert_eq!(item["nom"].as_str(), Some("Code du travail"));
    assert_eq!(item["producteur"].as_str(), Some("DGT"));
    assert_eq!(item["nature"].as_str(), Some("documents"));
    assert!(!item.contains_key("acces"));
}

#[test]
fn a_refused_choice_names_the_numbers_and_labels_read_out() {
    let (_dir, path) = new_file("c.toml");
    let (_, out) = drive(
        &path,
        ":aller probleme.public_concerne\ntous\n9\n:quitter\n",
    );
    assert_said(
        &out,
        "« tous » n’est pas un des choix ; tapez un numéro entre 1 et 3 (1. Les agents ;",
    );
    assert_said(&out, "le numéro 9 ne correspond à aucun choix");
    assert_not_said(&out, "agents_et_usagers");
}

/// The coach's remark on an answer used to be said only at « :verifier »;
/// the wizard shows it at once, so the accessible mode says it too, once.
#[test]
fn a_new_remark_of_the_coach_is_said_after_the_answer() {
    let form = fiche::form::builtin();
    let (dir, path) = new_file("c.toml");
    let decide = number(&form, "solution.role_ia", "decide");
    let input = format!("Mon produit\n:aller solution.role_ia\n{decide}\n<\n{decide}\n:quitter\n");
    let (_, out) = drive(&path, &input);
    assert_said(
        &out,
        "Enregistré.\nRemarque du coach (attention) : « Nom du produit » contient encore le texte provisoire « mon produit »",
    );
    let said = "Remarque du coach (erreur) : l’IA décide seule : une décision administrative individuelle ne peut être entièrement automatisée";
    // Said when the answer is given, not again when it is kept unchanged.
    assert_eq!(out.matches(said).count(), 1, "{out}");
    // A clean answer draws no remark.
    let (_, out) = drive(&dir.path().join("d.toml"), "Assistant SRDT\n:quitter\n");
    assert_not_said(&out, "Remarque du coach");
}

/// « :bilan » gives the pilot's share next to the full-scale figures, as the
/// documents do.
#[test]
fn the_business_case_says_the_pilots_share() {
    let (_dir, path) = srdt();
    let (_, out) = drive(&path, ":bilan\n:quitter\n");
    let full = out
        .find("Bilan économique : À pleine échelle (575")
        .expect("full scale said");
    let pilot = out
        .find("À l’échelle du pilote (60\u{a0}000 demandes de renseignement par an)")
        .expect("the pilot's share said");
    assert!(full < pilot, "{out}");

    // A pilot on the whole volume: the documents' sentence, not the same
    // figures again.
    let whole = include_str!("../../examples/assistant-srdt.toml")
        .replace("volume_pilote = 60000", "volume_pilote = 575000");
    std::fs::write(&path, whole).unwrap();
    let (_, out) = drive(&path, ":bilan\n:quitter\n");
    assert_said(&out, fiche::coach::roi::PILOT_WHOLE_FR);
    assert_not_said(&out, "l’échelle du pilote");
}

/// « :bilan » on a draft says why its score is low: capped at the share of
/// required answers given (it said 43 sur 100 for 3 answers in 43).
#[test]
fn the_business_case_says_a_drafts_score_is_capped() {
    let (_dir, path) = new_file("brouillon.toml");
    std::fs::write(
        &path,
        include_str!("../../examples/brouillon-incomplet.toml"),
    )
    .unwrap();
    let (_, out) = drive(&path, ":bilan\n:quitter\n");
    assert_said(
        &out,
        "Score de préparation : 7 sur 100.\nPlafonné à 7 au lieu de 43 : 7\u{a0}% des réponses \
         obligatoires données (le score ne dépasse pas la complétude).",
    );

    let (_dir, path) = srdt();
    let (_, out) = drive(&path, ":bilan\n:quitter\n");
    assert_said(&out, "Score de préparation : 100 sur 100.");
    assert_not_said(&out, "Plafonné");
}
