//! Work done once when `fiche` is built instead of at every start:
//!
//! - the built-in questionnaire (`templates/fiche-action/form.toml`, 73 kB)
//!   is read here and written out as the Rust code that builds the same
//!   values (`$OUT_DIR/builtin_form.rs`, included by `src/form/builtin.rs`),
//!   and where each of its lines starts (`$OUT_DIR/builtin_lines.rs`, for
//!   the line numbers of questions): the binary runs neither a TOML parser
//!   nor a scan of the form's text;
//! - the built-in minijinja templates are compiled here and written out as
//!   the Rust code that rebuilds their instructions
//!   (`$OUT_DIR/builtin_templates.rs`, see `build/templates.rs`);
//! - a link option for the binary only (nothing here changes how the library
//!   or a dependency is compiled: `rustc-link-arg-bins` only reaches the
//!   final link of the binaries).

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/form/raw.rs"]
mod raw;
#[path = "build/templates.rs"]
mod templates;

use raw::{RawChoice, RawForm, RawMeta, RawMigration, RawQuestion, RawSection, Text};

const FORM: &str = "templates/fiche-action/form.toml";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/form/raw.rs");
    println!("cargo::rerun-if-changed={FORM}");
    let text = std::fs::read_to_string(FORM).unwrap_or_else(|e| panic!("{FORM} : {e}"));
    // A form that is not even TOML stops the build here; every other check
    // is the loader's, run by `form::builtin()` and by the test suite.
    let raw: RawForm = toml::from_str(&text).unwrap_or_else(|e| panic!("{FORM} : {e}"));
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_form.rs");
    std::fs::write(&out, form(&raw)).unwrap_or_else(|e| panic!("{} : {e}", out.display()));
    let lines = out.with_file_name("builtin_lines.rs");
    std::fs::write(&lines, line_starts(&text))
        .unwrap_or_else(|e| panic!("{} : {e}", lines.display()));
    println!("cargo::rerun-if-changed=build/templates.rs");
    println!("cargo::rerun-if-changed=src/render/syntax.rs");
    println!("cargo::rerun-if-changed={}", templates::DIR);
    let compiled = out.with_file_name("builtin_templates.rs");
    std::fs::write(&compiled, templates::code())
        .unwrap_or_else(|e| panic!("{} : {e}", compiled.display()));
    link_options();
}

/// The release binary is a 50 MB position-independent executable with about
/// 73 000 relative relocations: as classic `RELA` entries (24 bytes each) the
/// dynamic loader reads 1.7 MB of table at every start, `fiche --version`
/// included. Packed relative relocations (`DT_RELR`: GNU ld ≥ 2.38, lld ≥
/// 15; run by glibc ≥ 2.36, which the binary then requires) say the same in
/// a few kilobytes.
///
/// The functions are laid out by name (`--sort-section=name`), which puts
/// each crate's code together: a command touches fiche's, minijinja's and
/// toml's code in fewer places of the 24 MB of code (mostly Typst's), and
/// every first touch of a place costs a page fault of a few microseconds.
/// `render --format md` took 57 such faults more than `--version`; with
/// the sorted layout it takes about 9 % less time, `--version` about 5 %
/// less (BENCHMARKS.md, "Fourth day").
///
/// Only when building on and for this machine's glibc, and that glibc is
/// 2.36 or newer: `cargo install` on an older system (Debian 11, RHEL 9,
/// Ubuntu 22.04) must still link and run.
fn link_options() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && native
        && glibc_version().is_some_and(|v| v >= (2, 36))
    {
        println!("cargo::rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
        println!("cargo::rustc-link-arg-bins=-Wl,--sort-section=name");
    }
}

/// This machine's glibc, from `getconf GNU_LIBC_VERSION` (« glibc 2.36 »).
fn glibc_version() -> Option<(u32, u32)> {
    let out = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    let minor: String = minor.chars().take_while(char::is_ascii_digit).collect();
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// Where each line of `text` starts, as a Rust array expression (what
/// `position::LineIndex::new` computes).
fn line_starts(text: &str) -> String {
    let mut out = String::from("[0");
    for (i, _) in text.match_indices('\n') {
        let _ = write!(out, ", {}", i + 1);
    }
    out.push_str("]\n");
    out
}

// Each function below writes one value as a Rust expression. The structs are
// destructured without `..`, so a field added to `raw.rs` and not written
// here does not compile.

fn form(f: &RawForm) -> String {
    let RawForm {
        form,
        coach,
        sections,
        migrations,
    } = f;
    format!(
        "RawForm {{ form: {}, coach: {}, sections: {}, migrations: {} }}\n",
        meta(form),
        option(coach.as_ref(), |c| spanned(c, table)),
        list(sections, section),
        list(migrations, migration),
    )
}

fn meta(m: &RawMeta) -> String {
    let RawMeta {
        id,
        version,
        title,
        description,
        contact,
    } = m;
    format!(
        "RawMeta {{ id: {}, version: {version}, title: {}, description: {}, contact: {} }}",
        string(id),
        text(title),
        text(description),
        option(contact.as_ref(), |s| text(s)),
    )
}

fn section(s: &RawSection) -> String {
    let RawSection {
        id,
        title,
        intro,
        document_title,
        addition,
        questions,
    } = s;
    format!(
        "RawSection {{ id: {}, title: {}, intro: {}, document_title: {}, addition: {addition}, questions: {} }}",
        spanned(id, |s| string(s)),
        text(title),
        option(intro.as_ref(), |s| text(s)),
        option(document_title.as_ref(), |s| text(s)),
        list(questions, question),
    )
}

fn question(q: &RawQuestion) -> String {
    let RawQuestion {
        id,
        label,
        document_label,
        document_group,
        model_prompt,
        help,
        guidance,
        kind,
        required,
        when,
        max_length,
        min,
        max,
        min_items,
        default,
        reusable,
        placeholder,
        choices,
        fields,
        since,
    } = q;
    let owned = |s: &String| string(s);
    let borrowed = |s: &Text| text(s);
    let mut out = String::from("RawQuestion { ");
    let parts = [
        ("id", spanned(id, owned)),
        ("label", text(label)),
        ("document_label", option(document_label.as_ref(), borrowed)),
        ("document_group", option(document_group.as_ref(), borrowed)),
        ("model_prompt", model_prompt.to_string()),
        ("help", text(help)),
        ("guidance", option(guidance.as_ref(), borrowed)),
        ("kind", spanned(kind, owned)),
        ("required", required.to_string()),
        ("when", option(when.as_ref(), |w| spanned(w, owned))),
        ("max_length", option(max_length.as_ref(), usize::to_string)),
        ("min", option(min.as_ref(), float)),
        ("max", option(max.as_ref(), float)),
        ("min_items", option(min_items.as_ref(), usize::to_string)),
        ("default", option(default.as_ref(), value)),
        ("reusable", reusable.to_string()),
        ("placeholder", option(placeholder.as_ref(), borrowed)),
        ("choices", list(choices, choice)),
        ("fields", list(fields, question)),
        ("since", option(since.as_ref(), u32::to_string)),
    ];
    for (name, code) in parts {
        let _ = write!(out, "{name}: {code}, ");
    }
    out.push('}');
    out
}

fn choice(c: &RawChoice) -> String {
    let RawChoice {
        key,
        label,
        exclusive,
    } = c;
    format!(
        "RawChoice {{ key: {}, label: {}, exclusive: {exclusive} }}",
        string(key),
        text(label)
    )
}

fn migration(m: &RawMigration) -> String {
    let RawMigration {
        version,
        renamed,
        removed,
    } = m;
    format!(
        "RawMigration {{ version: {version}, renamed: {}, removed: {} }}",
        option(renamed.as_ref(), |r| spanned(r, table)),
        list(removed, |s| string(s)),
    )
}

fn value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("toml::Value::String({})", string(s)),
        toml::Value::Integer(i) => format!("toml::Value::Integer({i})"),
        toml::Value::Float(f) => format!("toml::Value::Float({})", float(f)),
        toml::Value::Boolean(b) => format!("toml::Value::Boolean({b})"),
        toml::Value::Datetime(d) => format!(
            "toml::Value::Datetime({:?}.parse().expect(\"a date written by the build script\"))",
            d.to_string()
        ),
        toml::Value::Array(items) => format!("toml::Value::Array({})", list(items, value)),
        toml::Value::Table(t) => format!("toml::Value::Table({})", table(t)),
    }
}

/// A table in its file order (`toml`'s `preserve_order`).
fn table(t: &toml::Table) -> String {
    let entries: Vec<String> = t
        .iter()
        .map(|(k, v)| format!("({}, {})", string(k), value(v)))
        .collect();
    format!("table(vec![{}])", entries.join(", "))
}

fn spanned<T>(s: &toml::Spanned<T>, inner: impl Fn(&T) -> String) -> String {
    let span = s.span();
    format!("at({}, {}, {})", span.start, span.end, inner(s.get_ref()))
}

fn option<T>(o: Option<&T>, inner: impl Fn(&T) -> String) -> String {
    match o {
        Some(v) => format!("Some({})", inner(v)),
        None => "None".to_string(),
    }
}

fn list<T>(items: &[T], inner: impl Fn(&T) -> String) -> String {
    let items: Vec<String> = items.iter().map(inner).collect();
    format!("vec![{}]", items.join(", "))
}

/// A string literal (`{:?}` writes Rust's own escapes) made a `String`.
fn string(s: &str) -> String {
    format!("s({s:?})")
}

/// A string literal kept in the binary, a [`Text`] that allocates nothing.
fn text(s: &str) -> String {
    format!("t({s:?})")
}

/// The exact bits, whatever the decimal writing in the file.
fn float(f: &f64) -> String {
    format!("f64::from_bits({:#x})", f.to_bits())
}
