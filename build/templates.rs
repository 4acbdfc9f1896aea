//! The built-in minijinja templates compiled when `fiche` is built: each is
//! compiled here as at run time (same syntax, `src/render/syntax.rs`) and
//! written out as the Rust code that rebuilds the same instructions
//! (`$OUT_DIR/builtin_templates.rs`, included by `src/render/compiled.rs`),
//! so a run evaluates them without lexing, parsing and compiling them.
//!
//! A template using an instruction this file cannot write (one whose
//! argument type minijinja does not export) is left out and compiled at run
//! time, as a user's template is; the test suite says which ones are in.

use std::fmt::Write as _;
use std::path::Path;

use minijinja::Value;
use minijinja::machinery::{Instruction, Instructions, Span};
use minijinja::value::ValueKind;

#[path = "../src/render/syntax.rs"]
mod syntax;

/// Where the built-in templates are.
pub const DIR: &str = "templates/fiche-action";

/// The code of `$OUT_DIR/builtin_templates.rs`: one function per template
/// that could be written, building its instructions from its source, and
/// `instructions(name, source)`, which picks it.
pub fn code() -> String {
    let mut names: Vec<String> = std::fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("{DIR} : {e}"))
        .map(|entry| entry.expect("a readable folder entry").file_name())
        .filter_map(|name| name.to_str().map(str::to_string))
        .filter(|name| name.ends_with(".j2"))
        .collect();
    names.sort();
    let mut functions = String::new();
    let mut arms = String::new();
    for (n, name) in names.iter().enumerate() {
        let path = Path::new(DIR).join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} : {e}", path.display()));
        match template(name, &source) {
            Ok(body) => {
                let _ = writeln!(
                    functions,
                    "fn t{n}(s: &'static str) -> Instructions<'static> {{\n    let mut i = Instructions::new({name:?}, s);\n{body}    i\n}}\n"
                );
                let _ = writeln!(arms, "        {name:?} => Some(t{n}(source)),");
            }
            Err(why) => {
                let _ = writeln!(arms, "        // {name}: compiled at run time ({why})");
            }
        }
    }
    format!(
        "/// The instructions of built-in template `name`, whose text is `source`.\n\
         pub(super) fn instructions(name: &str, source: &'static str) -> Option<Instructions<'static>> {{\n    \
         match name {{\n{arms}        _ => None,\n    }}\n}}\n\n{functions}"
    )
}

/// The statements adding `name`'s instructions to `i`, or why they cannot
/// be written.
fn template(name: &str, source: &str) -> Result<String, String> {
    let mut env = minijinja::Environment::new();
    env.set_syntax(syntax::config());
    env.add_template(name, source)
        .unwrap_or_else(|e| panic!("{DIR}/{name} : {e:#}"));
    let template = env.get_template(name).expect("just added");
    let compiled = minijinja::machinery::get_compiled_template(&template);
    if !compiled.blocks.is_empty() {
        return Err("it defines blocks".into());
    }
    instructions(&compiled.instructions, source)
}

/// Each instruction with the line and span minijinja recorded for it: what
/// `get_line` and `get_span` answer is what errors show.
///
/// A macro's `Enclose` instructions come in the order of a `HashSet`, which
/// changes from one compiling to the next; they are written sorted, so that
/// the same template always gives the same code (their order does not
/// change what the macro sees).
fn instructions(all: &Instructions<'_>, source: &str) -> Result<String, String> {
    let mut lines: Vec<String> = Vec::new();
    let mut enclosed = 0;
    let mut pc = 0;
    while let Some(instruction) = all.get(pc) {
        let written = self::instruction(instruction, source)
            .ok_or_else(|| format!("instruction {pc}: {instruction:?}"))?;
        lines.push(match (all.get_span(pc), all.get_line(pc)) {
            (Some(span), _) => format!("    i.add_with_span({written}, {});\n", span_code(span)),
            (None, Some(line)) => format!("    i.add_with_line({written}, {line});\n"),
            (None, None) => format!("    i.add({written});\n"),
        });
        if matches!(instruction, Instruction::Enclose(_)) {
            enclosed += 1;
        } else {
            let run = lines.len() - 1 - enclosed..lines.len() - 1;
            lines[run].sort();
            enclosed = 0;
        }
        pc += 1;
    }
    Ok(lines.concat())
}

fn span_code(s: Span) -> String {
    let Span {
        start_line,
        start_col,
        start_offset,
        end_line,
        end_col,
        end_offset,
    } = s;
    format!(
        "Span {{ start_line: {start_line}, start_col: {start_col}, start_offset: {start_offset}, end_line: {end_line}, end_col: {end_col}, end_offset: {end_offset} }}"
    )
}

/// One instruction as a Rust expression; `None` for one whose argument
/// cannot be named outside minijinja (`CompareAndPreserve`: chained
/// comparisons). `BeginCapture`'s mode cannot be named either: the
/// generated code takes the instruction from a small template
/// (`begin_capture` in `src/render/compiled.rs`). The match has no catch-all: an instruction added
/// by a newer minijinja stops the build here until it is written.
fn instruction(i: &Instruction<'_>, source: &str) -> Option<String> {
    use Instruction as I;
    let s = |text: &str| str_code(text, source);
    Some(match i {
        I::EmitRaw(t) => format!("I::EmitRaw({})", s(t)),
        I::StoreLocal(t) => format!("I::StoreLocal({})", s(t)),
        I::Lookup(t) => format!("I::Lookup({})", s(t)),
        I::GetAttr(t) => format!("I::GetAttr({})", s(t)),
        I::SetAttr(t) => format!("I::SetAttr({})", s(t)),
        I::GetItem => "I::GetItem".into(),
        I::Slice => "I::Slice".into(),
        I::LoadConst(v) => format!("I::LoadConst({})", value_code(v)?),
        I::BuildMap(n) => format!("I::BuildMap({n})"),
        I::BuildKwargs(n) => format!("I::BuildKwargs({n})"),
        I::MergeKwargs(n) => format!("I::MergeKwargs({n})"),
        I::BuildList(n) => format!("I::BuildList({n:?})"),
        I::BuildTuple(n) => format!("I::BuildTuple({n:?})"),
        I::UnpackList(n) => format!("I::UnpackList({n})"),
        I::UnpackLists(n) => format!("I::UnpackLists({n})"),
        I::Add => "I::Add".into(),
        I::Sub => "I::Sub".into(),
        I::Mul => "I::Mul".into(),
        I::Div => "I::Div".into(),
        I::IntDiv => "I::IntDiv".into(),
        I::Rem => "I::Rem".into(),
        I::Pow => "I::Pow".into(),
        I::Neg => "I::Neg".into(),
        I::Eq => "I::Eq".into(),
        I::Ne => "I::Ne".into(),
        I::Gt => "I::Gt".into(),
        I::Gte => "I::Gte".into(),
        I::Lt => "I::Lt".into(),
        I::Lte => "I::Lte".into(),
        I::Not => "I::Not".into(),
        I::StringConcat => "I::StringConcat".into(),
        I::In => "I::In".into(),
        I::CompareAndPreserve(_) => return None,
        I::ApplyFilter(t, n, l) => format!("I::ApplyFilter({}, {n:?}, {l})", s(t)),
        I::PerformTest(t, n, l) => format!("I::PerformTest({}, {n:?}, {l})", s(t)),
        I::Emit => "I::Emit".into(),
        I::PushLoop(f) => format!("I::PushLoop({f})"),
        I::PushWith => "I::PushWith".into(),
        I::Iterate(j) => format!("I::Iterate({j})"),
        I::PushDidNotIterate => "I::PushDidNotIterate".into(),
        I::PopFrame => "I::PopFrame".into(),
        I::PopLoopFrame => "I::PopLoopFrame".into(),
        I::Jump(j) => format!("I::Jump({j})"),
        I::JumpIfFalse(j) => format!("I::JumpIfFalse({j})"),
        I::JumpIfFalseOrPop(j) => format!("I::JumpIfFalseOrPop({j})"),
        I::JumpIfTrueOrPop(j) => format!("I::JumpIfTrueOrPop({j})"),
        I::PushAutoEscape => "I::PushAutoEscape".into(),
        I::PopAutoEscape => "I::PopAutoEscape".into(),
        I::BeginCapture(mode) => match format!("{mode:?}").as_str() {
            "Capture" => "begin_capture(CAPTURE)".into(),
            "Discard" => "begin_capture(DISCARD)".into(),
            _ => return None,
        },
        I::EndCapture => "I::EndCapture".into(),
        I::CallFunction(t, n) => format!("I::CallFunction({}, {n:?})", s(t)),
        I::CallMethod(t, n) => format!("I::CallMethod({}, {n:?})", s(t)),
        I::CallObject(n) => format!("I::CallObject({n:?})"),
        I::DupTop => "I::DupTop".into(),
        I::DiscardTop => "I::DiscardTop".into(),
        I::FastSuper => "I::FastSuper".into(),
        I::FastRecurse => "I::FastRecurse".into(),
        I::Swap => "I::Swap".into(),
        I::CallBlock(t) => format!("I::CallBlock({})", s(t)),
        I::LoadBlocks => "I::LoadBlocks".into(),
        I::Include(b) => format!("I::Include({b})"),
        I::ExportLocals => "I::ExportLocals".into(),
        I::BuildMacro(t, j, f) => format!("I::BuildMacro({}, {j}, {f})", s(t)),
        I::Return => "I::Return".into(),
        I::IsUndefined => "I::IsUndefined".into(),
        I::Enclose(t) => format!("I::Enclose({})", s(t)),
        I::GetClosure => "I::GetClosure".into(),
    })
}

/// A name or text of the template: a slice of its source (`s`) when it is
/// one, as minijinja's own instructions borrow it (`part`, one function
/// rather than thousands of slicing places each with its own panic
/// location for the loader to relocate); otherwise a literal.
fn str_code(text: &str, source: &str) -> String {
    let start = (text.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    if start <= source.len() && start + text.len() <= source.len() {
        format!("part(s, {start}, {})", start + text.len())
    } else {
        format!("{text:?}")
    }
}

/// A constant of the template (`"texte"`, `3`, `[…]`); `None` for a kind
/// templates do not write as literals.
fn value_code(v: &Value) -> Option<String> {
    Some(match v.kind() {
        ValueKind::Undefined => "Value::UNDEFINED".into(),
        ValueKind::None => "Value::from(())".into(),
        ValueKind::Bool => format!("Value::from({})", v.is_true()),
        ValueKind::Number if v.is_integer() => format!("Value::from({}_i64)", v.as_i64()?),
        ValueKind::Number => {
            let f = f64::try_from(v.clone()).ok()?;
            format!("Value::from(f64::from_bits({:#x}))", f.to_bits())
        }
        ValueKind::String if v.is_safe() => {
            format!("Value::from_safe_string({:?}.to_string())", v.as_str()?)
        }
        ValueKind::String => format!("Value::from({:?})", v.as_str()?),
        ValueKind::Seq => {
            let items: Option<Vec<String>> =
                v.try_iter().ok()?.map(|item| value_code(&item)).collect();
            format!("Value::from(vec![{}] as Vec<Value>)", items?.join(", "))
        }
        _ => return None,
    })
}
