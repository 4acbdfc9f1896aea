//! Item 14: numbers that are not finite or beyond the stated limit are
//! refused by validation with the same bounds as typed input (`set`, the
//! wizard); a `form_version` too large for a version is still newer.

use super::common::*;
use super::{file_with, path_str};
use fiche::answers::parse_input;
use fiche::validate::check_value;

fn example_with(id: &str, raw_toml_value: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string(example("assistant-srdt.toml")).unwrap();
    let (section, key) = id.split_once('.').unwrap();
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
    doc[section][key] = toml_edit::value(0);
    let text = doc
        .to_string()
        .replace(&format!("{key} = 0"), &format!("{key} = {raw_toml_value}"));
    file_with("a.toml", &text)
}

#[test]
fn check_refuses_non_finite_and_huge_numbers() {
    for (id, value) in [
        ("tco.budget_annuel", "1e308"),
        ("tco.budget_annuel", "inf"),
        ("tco.budget_annuel", "nan"),
        ("roi.minutes_economisees", "-inf"),
        ("volume.volume_annuel", "9223372036854775807"),
        ("volume.minutes_par_operation", "1e13"),
    ] {
        let (dir, path) = example_with(id, value);
        let out = fiche_in(dir.path(), &["check", path_str(&path)]);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{id} = {value}: {text}{}",
            stderr(&out)
        );
        let line = text
            .lines()
            .find(|l| l.contains(id) && l.contains("erreur"))
            .unwrap_or_else(|| panic!("{id} = {value} not refused:\n{text}"));
        assert!(
            line.contains("nombre fini") || line.contains("mille milliards"),
            "{line}"
        );
        assert!(
            !text.contains("9\u{a0}223\u{a0}372\u{a0}036"),
            "absurd figure:\n{text}"
        );
        assert!(!text.contains("100/100"), "{text}");
    }
}

#[test]
fn typed_input_and_validation_share_the_bounds() {
    let form = fiche::form::builtin();
    let (_, q) = form.question("tco.budget_annuel").unwrap();
    for typed in ["1e308", "2000000000000", "9223372036854775807"] {
        let e = parse_input(q, typed).unwrap_err();
        assert!(e.contains("mille milliards"), "{typed}: {e}");
    }
    assert!(parse_input(q, "inf").is_err());
    assert!(parse_input(q, "nan").is_err());
    let ok = parse_input(q, "1 000 000 000 000").unwrap().unwrap();
    assert!(
        check_value(q, &ok).is_empty(),
        "the limit itself is accepted"
    );
    for value in [
        toml::Value::Float(f64::INFINITY),
        toml::Value::Float(f64::NAN),
        toml::Value::Float(1e308),
        toml::Value::Integer(i64::MAX),
        toml::Value::Integer(i64::MIN),
    ] {
        assert_eq!(check_value(q, &value).len(), 1, "{value:?}");
    }
    let (_, int_q) = form.question("volume.volume_annuel").unwrap();
    assert!(parse_input(int_q, "-9223372036854775808").is_err());
}

#[test]
fn set_refuses_what_check_refuses() {
    let (dir, path) = file_with(
        "a.toml",
        "[meta]\nform = \"fiche-action\"\nform_version = 1\n",
    );
    let before = std::fs::read_to_string(&path).unwrap();
    for assignment in [
        "tco.budget_annuel=1e308",
        "volume.volume_annuel=9223372036854775807",
    ] {
        let out = fiche_in(dir.path(), &["set", path_str(&path), assignment]);
        assert_eq!(out.status.code(), Some(2), "{assignment}");
        assert!(stderr(&out).contains("mille milliards"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_form_version_beyond_u32_is_newer() {
    for version in ["4294967296", "9223372036854775807"] {
        let (dir, path) = file_with(
            "a.toml",
            &format!("[meta]\nform = \"fiche-action\"\nform_version = {version}\n"),
        );
        let before = std::fs::read_to_string(&path).unwrap();
        for args in [
            vec!["check", path_str(&path)],
            vec!["set", path_str(&path), "identite.slogan=x"],
        ] {
            let out = fiche_in(dir.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{version} {args:?}");
            assert!(
                stderr(&out).contains(&format!("version {version} du formulaire")),
                "{}",
                stderr(&out)
            );
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    }
}

#[test]
fn a_refused_huge_number_is_shown_as_written_in_documents() {
    let (dir, path) = example_with("volume.minutes_par_operation", "1e300");
    let out = fiche_in(
        dir.path(),
        &["render", path_str(&path), "--format", "md", "-o", "-"],
    );
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.contains("Temps agent par opération"))
        .unwrap_or_else(|| panic!("the answer is in the document:\n{text}"));
    // Not three hundred digits of float noise, widening every table.
    assert!(line.ends_with(": 1e300"), "{line}");
}
