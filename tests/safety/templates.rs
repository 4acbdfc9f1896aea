//! Item 11: a `--templates` folder may load only its own files (and the
//! built-in templates): no absolute path, no `..`, no symbolic link leading
//! outside, in minijinja (`include`, `import`, `extends`) as in Typst.

use super::common::*;
use super::path_str;

/// A folder `modeles/` next to a secret file, with `fiche.md.j2` = `body`.
fn folder_with(body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("secret.txt"), "SECRET-123").unwrap();
    let templates = dir.path().join("modeles");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("fiche.md.j2"), body).unwrap();
    (dir, templates)
}

fn render_md(templates: &std::path::Path) -> std::process::Output {
    fiche(&[
        "render",
        &example_str("assistant-srdt.toml"),
        "--format",
        "md",
        "-o",
        "-",
        "--templates",
        path_str(templates),
    ])
}

#[test]
fn includes_outside_the_folder_are_refused() {
    for body in [
        "{% include \"/etc/passwd\" %}",
        "{% include \"SECRET_PATH\" %}",
        "{% include \"../secret.txt\" %}",
        "{% import \"../secret.txt\" as s %}",
        "{% extends \"../secret.txt\" %}",
        "{% include \"sous/../../secret.txt\" %}",
    ] {
        let (dir, templates) = folder_with("");
        let secret = dir.path().join("secret.txt");
        let body = body.replace("SECRET_PATH", path_str(&secret));
        std::fs::write(templates.join("fiche.md.j2"), &body).unwrap();
        let out = render_md(&templates);
        assert_eq!(out.status.code(), Some(2), "{body}: {}", stdout(&out));
        assert!(!stdout(&out).contains("SECRET") && !stdout(&out).contains("root:"));
        let err = stderr(&out);
        assert!(err.contains("hors du dossier de modèles"), "{body}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_folder_to_a_file_outside_is_refused() {
    let (dir, templates) = folder_with("{% include \"lien.j2\" %}");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), templates.join("lien.j2")).unwrap();
    let out = render_md(&templates);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stdout(&out).contains("SECRET"));
    assert!(
        stderr(&out).contains("hors du dossier de modèles"),
        "{}",
        stderr(&out)
    );
    // Typst: `read` through the same link.
    std::fs::write(
        templates.join("fiche.typ"),
        "#let s = read(\"lien.j2\")\n#s\n",
    )
    .unwrap();
    let out = fiche(&[
        "render",
        &example_str("assistant-srdt.toml"),
        "--format",
        "pdf",
        "-o",
        "-",
        "--templates",
        path_str(&templates),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("hors du dossier de modèles"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_inside_the_folder_and_built_ins_still_load() {
    let (_dir, templates) =
        folder_with("{% include \"commun/entete.j2\" %}{% include \"pitch.md.j2\" %}");
    std::fs::create_dir(templates.join("commun")).unwrap();
    std::fs::write(
        templates.join("commun/entete.j2"),
        "EN-TÊTE {{ product }}\n",
    )
    .unwrap();
    let out = render_md(&templates);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("EN-TÊTE Assistant SRDT\n"), "{text}");
    assert!(text.contains("# Pitch : Assistant SRDT"), "{text}");
}
