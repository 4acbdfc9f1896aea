//! The conventions of a terminal tool: shell completions and the manual
//! page, generated from the command-line definition.

mod common;

use common::*;

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef fiche"),
        ("fish", "complete -c fiche"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = fiche(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: « {marker} » missing");
        for command in ["render", "envoyer", "check", "completions"] {
            assert!(script.contains(command), "{shell}: {command} not completed");
        }
    }
    let out = fiche(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("valeurs possibles"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_manual_page_is_roff_in_french() {
    let out = fiche(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(
        page.contains("\n.TH FICHE 1 "),
        "{}",
        &page[..page.len().min(200)]
    );
    assert!(page.contains(".SH NOM"));
    assert!(page.contains(".SH \"COMMANDE FICHE ENVOYER\""));
    assert!(page.contains("Préparer le courriel de candidature"));
    assert!(!page.contains(".SH NAME"));
}
