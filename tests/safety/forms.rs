//! Item 13 (form files): bounded `when` conditions, degenerate forms and
//! nonsense values refused at load with the file named; item 15: long
//! echoes cut (a huge `when`, a self-including template).

use super::common::*;
use super::path_str;
use fiche::form;

const HEAD: &str = "[form]\nid = \"test\"\nversion = 1\ntitle = \"Test\"\n\n";
const SECTION: &str = "[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n";
const QUESTION: &str = "[[sections.questions]]\nid = \"q\"\nlabel = \"Q\"\ntype = \"text\"\n";

fn refused(text: &str) -> String {
    form::parse(text, "mon-formulaire/form.toml")
        .unwrap_err()
        .to_string()
}

#[test]
fn a_huge_when_is_refused_without_overflowing_or_echoing_it() {
    let when = vec!["s.q == 'a'"; 20_000].join(" or ");
    let text = format!(
        "{HEAD}{SECTION}{QUESTION}\n[[sections.questions]]\nid = \"r\"\nlabel = \"R\"\ntype = \"text\"\nwhen = \"{when}\"\n"
    );
    let e = refused(&text);
    assert!(e.starts_with("mon-formulaire/form.toml, ligne 19"), "{e}");
    assert!(e.contains("condition trop longue"), "{e}");
    assert!(e.len() < 1000, "{} bytes", e.len());
    let nested = format!("{}s.q{}", "not (".repeat(5_000), ")".repeat(5_000));
    let text = format!("{HEAD}{SECTION}{QUESTION}when = \"{nested}\"\n");
    assert!(refused(&text).contains("condition trop"));
    // Through the binary: exit 2, a short French error, no stack overflow.
    let dir = tempfile::tempdir().unwrap();
    let not_chain = format!("{}s.q", "not ".repeat(20_000));
    std::fs::write(
        dir.path().join("form.toml"),
        format!("{HEAD}{SECTION}{QUESTION}when = \"{not_chain}\"\n"),
    )
    .unwrap();
    let out = fiche(&[
        "--form",
        path_str(dir.path()),
        "check",
        &example_str("assistant-srdt.toml"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("condition trop longue"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).len() < 1000);
}

#[test]
fn an_unreadable_when_is_echoed_cut() {
    let when = format!("s.q == {}", "(".repeat(1_500));
    let e = refused(&format!("{HEAD}{SECTION}{QUESTION}when = \"{when}\"\n"));
    assert!(e.contains("condition"), "{e}");
    assert!(e.len() < 1000, "{} bytes: {e}", e.len());
}

#[test]
fn a_form_without_sections_or_with_an_empty_one_is_refused() {
    let e = refused(&format!("sections = []\n{HEAD}"));
    assert!(e.starts_with("mon-formulaire/form.toml"), "{e}");
    assert!(e.contains("aucune section"), "{e}");
    let e = refused(&format!(
        "{HEAD}[[sections]]\nid = \"vide\"\ntitle = \"Vide\"\nquestions = []\n\n{SECTION}{QUESTION}"
    ));
    assert!(e.starts_with("mon-formulaire/form.toml, ligne 7"), "{e}");
    assert!(
        e.contains("« vide »") && e.contains("aucune question"),
        "{e}"
    );
}

#[test]
fn nonsense_values_are_refused_at_load() {
    let e = refused(&format!(
        "{HEAD}[coach]\njalons_min = \"trois\"\n\n{SECTION}{QUESTION}"
    ));
    assert!(
        e.starts_with("mon-formulaire/form.toml, ligne 6 : table [coach] : « jalons_min »"),
        "{e}"
    );
    let e = refused(&format!(
        "{HEAD}[coach]\nretour_max_mois = -3\n\n{SECTION}{QUESTION}"
    ));
    assert!(e.contains("retour_max_mois"), "{e}");
    let e = refused(&format!(
        "{HEAD}{SECTION}[[sections.questions]]\nid = \"n\"\nlabel = \"N\"\ntype = \"int\"\ndefault = \"beaucoup\"\n"
    ));
    assert!(
        e.contains("« s.n »") && e.contains("valeur par défaut"),
        "{e}"
    );
    let e = refused(&format!(
        "{HEAD}{SECTION}[[sections.questions]]\nid = \"n\"\nlabel = \"N\"\ntype = \"decimal\"\nmin = nan\n"
    ));
    assert!(e.contains("min doit être un nombre fini"), "{e}");
    let e = refused(&format!(
        "{HEAD}{SECTION}[[sections.questions]]\nid = \"n\"\nlabel = \"N\"\ntype = \"choice\"\nchoices = [{{ key = \"a\", label = \"A\" }}]\ndefault = \"b\"\n"
    ));
    assert!(e.contains("valeur par défaut"), "{e}");
}

#[test]
fn a_form_with_forty_thousand_questions_loads() {
    let mut text = format!("{HEAD}{SECTION}");
    for i in 0..40_000 {
        text.push_str(&format!(
            "[[sections.questions]]\nid = \"q{i}\"\nlabel = \"Q{i}\"\ntype = \"text\"\n"
        ));
    }
    let form = form::parse(&text, "grand/form.toml").unwrap();
    let (_, last) = form.question("s.q39999").unwrap();
    assert_eq!(last.line, 11 + 4 * 39_999);
}

#[test]
fn a_self_including_template_gives_a_short_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fiche.md.j2"),
        "{% include \"fiche.md.j2\" %}",
    )
    .unwrap();
    let out = fiche(&[
        "render",
        &example_str("assistant-srdt.toml"),
        "--format",
        "md",
        "-o",
        "-",
        "--templates",
        path_str(dir.path()),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("fiche.md.j2"), "{err}");
    assert!(err.len() < 1000, "{} bytes:\n{err}", err.len());
}
