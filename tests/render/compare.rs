//! The comparison page: `fiche render --format html a.toml b.toml …`.

use crate::common::*;
use crate::{css_rules, spaces_read};

fn compare(files: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["render", "--format", "html"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    fiche(&args)
}

#[test]
fn one_column_per_application_for_the_pitch_and_the_business_case() {
    let srdt = example_str("assistant-srdt.toml");
    let tri = example_str("tri-courriels-prefecture.toml");
    let draft = example_str("brouillon-incomplet.toml");
    let out = compare(&[&srdt, &tri, &draft], &["-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("size: A4 landscape"),
        "printable A4 landscape"
    );
    assert!(html.contains("Comparatif de 3 candidatures"));
    for point in [
        "1. Le problème",
        "2. L’irritant en chiffres",
        "3. Le volume",
        "4. Les données",
        "5. La métrique d’impact",
        "Bilan économique",
    ] {
        let row = html
            .split("<tr>")
            .find(|r| r.contains(point))
            .unwrap_or_else(|| panic!("{point} missing"));
        assert_eq!(
            row.matches("<td>").count(),
            3,
            "{point}: one cell per application:\n{row}"
        );
    }
    assert!(html.contains("Assistant SRDT"));
    assert!(html.contains(&format!("575{NBSP}000")), "French figures");
    assert!(html.contains("BROUILLON"), "the draft is marked");
    let summary = html.split("titre-cote-a-cote").next().unwrap();
    assert!(
        summary.contains(">assistant-srdt.toml</td>"),
        "a file's name, its folder in the cell's title:\n{summary}"
    );
    assert!(
        summary.contains("0 erreur, 0 avertissement"),
        "counts agreed in French:\n{summary}"
    );
    assert_eq!(
        summary.matches("<td class=\"num\">").count(),
        3 * 5,
        "the summary's five figures per application"
    );
}

#[test]
fn answers_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.toml");
    let text = std::fs::read_to_string(example("assistant-srdt.toml"))
        .unwrap()
        .replace(
            "nom_produit = \"Assistant SRDT\"",
            "nom_produit = \"<script>alert('x')</script> & co\"",
        );
    std::fs::write(&hostile, text).unwrap();
    let out = compare(
        &[
            hostile.to_str().unwrap(),
            &example_str("tri-courriels-prefecture.toml"),
        ],
        &["-o", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(!html.contains("<script>"), "an answer never becomes markup");
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("&amp; co"));
}

#[test]
fn written_to_a_file_overridable_and_html_only() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("comparatif.html");
    let srdt = example_str("assistant-srdt.toml");
    let tri = example_str("tri-courriels-prefecture.toml");
    let out = compare(&[&srdt, &tri], &["-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Récapitulatif")
    );

    std::fs::write(
        dir.path().join("comparatif.html.j2"),
        "{% for app in applications %}{{ app.document.product }} ; {% endfor %}\n",
    )
    .unwrap();
    let out = compare(
        &[&srdt, &tri],
        &["-o", "-", "--templates", dir.path().to_str().unwrap()],
    );
    assert_eq!(
        spaces_read(&stdout(&out)),
        format!(
            "Assistant SRDT ; {} ; ",
            product_of("tri-courriels-prefecture.toml")
        ),
        "a user's comparatif.html.j2 replaces the built-in one"
    );

    let out = fiche(&["render", "--format", "md", &srdt, &tri, "-o", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--format html"), "{}", stderr(&out));

    let out = compare(
        &[&srdt, &example_str("brouillon-incomplet.toml")],
        &["--strict", "-o", "-"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("brouillon-incomplet.toml"),
        "{}",
        stderr(&out)
    );
}

fn product_of(name: &str) -> String {
    let answers = fiche::Answers::load(&example(name)).unwrap();
    answers
        .get("identite.nom_produit")
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap()
}

/// On a laptop screen the summary table ran past the page's right edge,
/// its last column (« Remarque principale ») squeezed: the headers of the
/// amount columns (« Montant demandé », « Économies par an ») were kept on
/// one line. They wrap now; the amounts themselves stay on one line.
#[test]
fn amount_headers_wrap_and_amounts_do_not() {
    let srdt = example_str("assistant-srdt.toml");
    let tri = example_str("tri-courriels-prefecture.toml");
    let out = compare(&[&srdt, &tri], &["-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    let screen = &html[..html.find("@page").expect("a print style")];
    assert!(
        css_rules(screen, "td.num").contains(&("white-space", "nowrap")),
        "amounts on one line"
    );
    assert!(!screen.contains("td.num, th.num"), "one rule for both");
    assert!(
        !css_rules(screen, "th.num").contains(&("white-space", "nowrap")),
        "amount headers may wrap"
    );
}
