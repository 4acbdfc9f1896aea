//! PDF export compiled inside the binary with Typst: the fiche template
//! (`fiche.typ`) reads the document data as JSON, never as markup, so no
//! answer can change the layout; fonts come from the binary, so the PDF is
//! the same on every machine.

mod world;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;

use super::{RenderError, Result, TemplateFolder};
use world::FicheWorld;

/// The built-in Typst templates: the fiche and the pitch.
const FICHE_TEMPLATE: &str = include_str!("../../../templates/fiche-action/fiche.typ");
const PITCH_TEMPLATE: &str = include_str!("../../../templates/fiche-action/pitch.typ");
/// What both import (`#import "mise-en-page.typ"`): the draft banner and
/// the cutting of over-long words. A `--templates` folder's file of the
/// same name replaces it, as for the templates themselves.
const LAYOUT_MODULE: (&str, &str) = (
    "/mise-en-page.typ",
    include_str!("../../../templates/fiche-action/mise-en-page.typ"),
);

/// The built-in module at `path` in the Typst project, if there is one.
pub(super) fn builtin_module(path: &str) -> Option<&'static str> {
    (path == LAYOUT_MODULE.0).then_some(LAYOUT_MODULE.1)
}

/// The built-in Typst template named `name` (`fiche.typ` or `pitch.typ`).
pub fn builtin_template(name: &str) -> &'static str {
    if name == "pitch.typ" {
        PITCH_TEMPLATE
    } else {
        FICHE_TEMPLATE
    }
}

/// The document context as JSON for the template, every text shown as the
/// other formats show it (`crate::sanitize::terminal`): a bidi override or
/// an escape sequence in an answer is printed (`<U+202E>`), not obeyed; a
/// control character by its name (`<ESC>` where the others show `␛`), as
/// the embedded fonts have no control pictures
/// ([`crate::sanitize::terminal_named`]).
/// The space inside a legal reference is made a no-break space
/// ([`crate::typography::reference_spacing`]): Typst would otherwise end a
/// line with « L. » and start the next with « 312-1-3 ».
pub fn data<C: serde::Serialize>(ctx: &C) -> serde_json::Result<Vec<u8>> {
    let mut value = serde_json::to_value(ctx)?;
    as_printed(&mut value);
    serde_json::to_vec(&value)
}

/// Every string of `value` as the PDF prints it: controls shown, legal
/// references kept with their number.
fn as_printed(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            // The byte scan decides quickly that most texts have nothing to show.
            if let std::borrow::Cow::Owned(_) = super::scan::terminal(text) {
                *text = crate::sanitize::terminal_named(text).into_owned();
            }
            if let std::borrow::Cow::Owned(joined) = crate::typography::reference_spacing(text) {
                *text = joined;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(as_printed),
        Value::Object(fields) => fields.values_mut().for_each(as_printed),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Compiles `template` (named `origin` in messages) with `data` (the
/// document context as JSON, read by the template from `fiche.json`).
pub fn compile(
    template: String,
    origin: &str,
    data: Vec<u8>,
    user_dir: Option<&TemplateFolder>,
) -> Result<Vec<u8>> {
    let world = FicheWorld::new(template, data, user_dir);
    let result = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| RenderError::Template(describe(&world, origin, &errors)))
        .and_then(|document| {
            typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
                .map_err(|errors| RenderError::Template(describe(&world, origin, &errors)))
        });
    // Typst memoises layouts across compilations; a long session (the TUI
    // exporting again and again) keeps only the recent ones.
    typst::comemo::evict(10);
    result
}

/// Typst errors as French sentences: template file, line, cause.
fn describe(world: &FicheWorld, origin: &str, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut out = format!(
                "erreur de modèle dans « {} »",
                location_file(world, d, origin)
            );
            if let Some(line) = line_of(world, d) {
                out.push_str(&format!(", ligne {line}"));
            }
            out.push_str(" : ");
            out.push_str(&cause_fr(&d.message));
            for hint in d.hints.iter().filter(|h| useful_hint(&h.v)) {
                out.push_str(&format!(" (piste : {})", hint.v));
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The file the error points at: the template itself or a file it imports.
fn location_file(world: &FicheWorld, d: &SourceDiagnostic, origin: &str) -> String {
    match d.span.id() {
        Some(id) if id != typst::World::main(world) => {
            id.get().vpath().get_without_slash().to_string()
        }
        _ => origin.to_string(),
    }
}

/// 1-based line of a diagnostic in its source file.
fn line_of(world: &FicheWorld, d: &SourceDiagnostic) -> Option<usize> {
    let id = d.span.id()?;
    let range = world.range(d.span)?;
    let source = typst::World::source(world, id).ok()?;
    source.lines().byte_to_line(range.start).map(|l| l + 1)
}

/// Common Typst messages in French; the others keep Typst's own wording.
fn cause_fr(message: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("unknown variable: ", "variable inconnue : "),
        ("unclosed delimiter", "délimiteur non fermé"),
        ("unclosed string", "chaîne de caractères non fermée"),
        ("unexpected ", "élément inattendu : "),
        ("expected ", "il manquait "),
        (
            "dictionary does not contain key ",
            "clé absente du dictionnaire : ",
        ),
        (
            "file not found (searched at ",
            "fichier introuvable (cherché à ",
        ),
        ("panicked with: ", "arrêt demandé par le modèle : "),
    ];
    if message.contains("would escape the project root") {
        return "ce chemin sort du dossier de modèles : placez le fichier dans ce dossier".into();
    }
    KNOWN
        .iter()
        .find_map(|(en, fr)| message.strip_prefix(en).map(|rest| format!("{fr}{rest}")))
        .unwrap_or_else(|| format!("Typst signale « {message} »"))
}

/// Hints that make sense for fiche's users (not the Typst command line's).
fn useful_hint(hint: &str) -> bool {
    !hint.contains("--root") && !hint.contains("project sandbox")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_data_keeps_a_legal_reference_with_its_number() {
        let ctx = serde_json::json!({ "remarques": ["(article L. 312-1-3) : oui"] });
        let data = String::from_utf8(super::data(&ctx).unwrap()).unwrap();
        assert!(
            data.contains("article\u{a0}L.\u{a0}312-1-3) : oui"),
            "{data}"
        );
    }

    #[test]
    fn the_data_names_the_controls_its_fonts_cannot_draw() {
        let ctx = serde_json::json!({ "produit": "P \u{1b}[31m \u{7} \u{202e}x" });
        let data = String::from_utf8(super::data(&ctx).unwrap()).unwrap();
        assert!(data.contains("P <ESC>[31m <BEL> <U+202E>x"), "{data}");
    }
}
