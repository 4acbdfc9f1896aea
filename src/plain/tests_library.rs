//! What the accessible mode shares with the wizard through the library:
//! adding a list item next to an incomplete one, an unreadable profile.

use std::io::Cursor;

use super::open;
use super::prompt::Prompt;
use fiche::Answers;
use fiche::profile::ProfileError;

fn number_in_field(form: &fiche::Form, field: &str, key: &str) -> usize {
    let (_, q) = form.question("donnees.sources").unwrap();
    let f = q.field(field).unwrap();
    f.choices.iter().position(|c| c.key == key).unwrap() + 1
}

#[test]
fn an_item_is_added_even_when_the_list_already_has_an_incomplete_one() {
    let form = fiche::form::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    let mut answers = Answers::new(&form);
    let mut incomplete = toml::Table::new();
    incomplete.insert("nom".into(), toml::Value::String("Ancienne".into()));
    answers
        .set(
            "donnees.sources",
            Some(toml::Value::Array(vec![toml::Value::Table(incomplete)])),
        )
        .unwrap();
    answers.save(&path).unwrap();
    let documents = number_in_field(&form, "nature", "documents");
    let ouverte = number_in_field(&form, "acces", "ouverte");
    let input =
        format!(":aller donnees.sources\na\nFAQ\n\n{documents}\n{ouverte}\n\n\n\n\n:quitter\n");
    let prompt = Prompt::new(Cursor::new(input.into_bytes()), Vec::new());
    let mut session = open::open(&form, &path, prompt, || Ok(None)).expect("opens");
    session.run();
    let out = String::from_utf8(session.prompt.into_output()).unwrap();
    assert!(out.contains("1. Ancienne — incomplet"), "{out}");
    assert!(out.contains("Élément 2 ajouté"), "{out}");
    let items = Answers::load(&path)
        .unwrap()
        .get("donnees.sources")
        .and_then(|v| v.as_array().cloned())
        .unwrap();
    assert_eq!(items.len(), 2, "both items kept");
}

#[test]
fn an_unreadable_profile_is_said_and_the_new_draft_goes_on() {
    let form = fiche::form::builtin();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nouveau.toml");
    let prompt = Prompt::new(Cursor::new(b":quitter\n".to_vec()), Vec::new());
    let mut session = open::open(&form, &path, prompt, || Err(ProfileError::NoConfigDir))
        .expect("the draft opens without the profile");
    session.run();
    let out = String::from_utf8(session.prompt.into_output()).unwrap();
    assert!(
        out.contains("attention : votre profil n’est pas utilisé"),
        "{out}"
    );
    assert!(path.exists(), "the new draft is on disk");
}

#[test]
fn the_export_uses_the_users_templates() {
    let form = fiche::form::builtin();
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("modeles");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("fiche.md.j2"), "modèle perso\n").unwrap();
    let path = dir.path().join("c.toml");
    Answers::new(&form).save(&path).unwrap();
    // Straight to the end, then Markdown, then the end.
    let prompt = Prompt::new(Cursor::new(b":section 14\n\n1\n\n".to_vec()), Vec::new());
    let mut session = open::open(&form, &path, prompt, || Ok(None)).expect("opens");
    session.invocation.templates = Some(templates);
    session.run();
    let out = String::from_utf8(session.prompt.into_output()).unwrap();
    assert!(out.contains("Document écrit"), "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("c.md")).unwrap(),
        "modèle perso\n"
    );
}
