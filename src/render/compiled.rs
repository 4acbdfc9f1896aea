//! The built-in templates as the build script compiled them
//! (`build/templates.rs`): their minijinja instructions are rebuilt from
//! generated code instead of lexing, parsing and compiling the template's
//! text at every run (about a tenth of `fiche render --format md`).
//!
//! Only a built-in template rendered by name goes through here; a user's
//! template of the same name, and the templates a template includes or
//! imports, are compiled by minijinja at run time as before.

use std::collections::BTreeMap;

use minijinja::machinery::{Instruction as I, Instructions, Span};
use minijinja::{AutoEscape, Environment, Error, Value};

include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// Renders compiled instructions with `ctx`, as `Template::render` does.
pub(super) fn render(
    env: &Environment<'static>,
    instructions: &Instructions<'static>,
    ctx: Value,
    auto_escape: AutoEscape,
) -> Result<String, Error> {
    let blocks = BTreeMap::new();
    let mut text = String::with_capacity(instructions.source().len() * 2);
    minijinja::machinery::eval(
        env,
        instructions,
        ctx,
        &blocks,
        &mut minijinja::machinery::make_string_output(&mut text),
        auto_escape,
    )?;
    Ok(text)
}

/// Bytes `start..end` of a template's text.
fn part(source: &'static str, start: usize, end: usize) -> &'static str {
    &source[start..end]
}

/// Templates whose first `BeginCapture` captures (`{% set %}` block) or
/// discards (`{% from %}` import) what it writes. The generated code names
/// the ones the built-in templates need.
#[allow(dead_code)]
const CAPTURE: &str = "{% set x %}{% endset %}";
const DISCARD: &str = "{% from 'x' import y %}";

/// The `BeginCapture` instruction compiled from `template`: minijinja does
/// not export the type of its mode, so it is taken from a one-line template
/// (a few thousand instructions, against the whole template's compiling).
fn begin_capture(template: &'static str) -> I<'static> {
    let env = Environment::empty();
    let compiled = env.template_from_str(template).expect("a valid template");
    let all = &minijinja::machinery::get_compiled_template(&compiled).instructions;
    let mut pc = 0;
    while let Some(instruction) = all.get(pc) {
        if let I::BeginCapture(mode) = instruction {
            return I::BeginCapture(*mode);
        }
        pc += 1;
    }
    unreachable!("{template} begins a capture")
}

#[cfg(test)]
mod tests {
    use super::instructions;
    use crate::render::{BUILTIN_TEMPLATES, Renderer};

    /// The two capture modes the generated code can ask for.
    #[test]
    fn captures_and_discards() {
        use super::{CAPTURE, DISCARD, begin_capture};
        assert_eq!(
            format!("{:?}", begin_capture(CAPTURE)),
            "BeginCapture(Capture)"
        );
        assert_eq!(
            format!("{:?}", begin_capture(DISCARD)),
            "BeginCapture(Discard)"
        );
    }

    /// Each instruction with its line and span (what an error message
    /// shows), a macro's `Enclose` instructions sorted: minijinja writes
    /// them in a `HashSet`'s order, which changes at each compiling.
    fn listed(all: &minijinja::machinery::Instructions<'_>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut enclosed = 0;
        let mut pc = 0;
        while let Some(instruction) = all.get(pc) {
            let text = format!("{instruction:?}");
            let is_enclose = text.starts_with("Enclose(");
            out.push(format!(
                "{text} {:?} {:?}",
                all.get_line(pc),
                all.get_span(pc)
            ));
            if is_enclose {
                enclosed += 1;
            } else {
                let run = out.len() - 1 - enclosed..out.len() - 1;
                out[run].sort();
                enclosed = 0;
            }
            pc += 1;
        }
        out
    }

    /// What the build script wrote is what minijinja compiles from the
    /// template now: every instruction, with its line and span (what an
    /// error message shows).
    #[test]
    fn the_precompiled_templates_are_the_templates() {
        let renderer = Renderer::new(None);
        let mut precompiled = Vec::new();
        for (name, source) in BUILTIN_TEMPLATES {
            let Some(ahead) = instructions(name, source) else {
                continue;
            };
            precompiled.push(*name);
            let template = renderer
                .env
                .get_template(name)
                .expect("a built-in template");
            let now = &minijinja::machinery::get_compiled_template(&template).instructions;
            let (ahead_listed, now_listed) = (listed(&ahead), listed(now));
            for (pc, (a, n)) in ahead_listed.iter().zip(&now_listed).enumerate() {
                assert_eq!(a, n, "{name}, instruction {pc}");
            }
            assert_eq!(ahead_listed.len(), now_listed.len(), "{name}");
            assert_eq!((ahead.name(), ahead.source()), (now.name(), now.source()));
        }
        // The documents' templates are all in; the ones only included or
        // imported by others need not be.
        for name in [
            "fiche.md.j2",
            "fiche.html.j2",
            "pitch.md.j2",
            "pitch.html.j2",
            "fiche.odt.xml.j2",
            "pitch.odt.xml.j2",
            "styles.odt.xml.j2",
            "courriel.txt.j2",
            "comparatif.html.j2",
        ] {
            assert!(precompiled.contains(&name), "{name} is not precompiled");
        }
    }
}
