//! Reading a form file (`form.toml`) and checking it before use.
//!
//! Every problem is reported with the file, the line and the question id, so
//! that whoever writes a questionnaire can fix it without reading Rust.

use std::cell::LazyCell;
use std::collections::BTreeSet;
use std::path::Path;

use toml::Spanned;

use super::condition::Condition;
use super::model::{Choice, Form, Kind, Migration, Question, Section};
use super::raw::{RawForm, RawMigration, RawQuestion, RawSection};
use super::{FormError, Result};
use crate::limits::MAX_FORM_FILE_BYTES;
use crate::position::{LineIndex, deepest_line};

/// The built-in All_Ia_nce questionnaire, embedded in the binary.
pub const BUILTIN_FORM: &str = include_str!("../../templates/fiche-action/form.toml");
pub const BUILTIN_SOURCE: &str = "<formulaire intégré>/form.toml";

/// Loads `form.toml` from a folder (for `--form DIR`).
pub fn load_dir(dir: &Path) -> Result<Form> {
    let path = dir.join("form.toml");
    let text = crate::fs_util::read_text_limited(&path, MAX_FORM_FILE_BYTES).map_err(|source| {
        FormError::Io {
            path: path.display().to_string(),
            source,
        }
    })?;
    parse(&text, &path.display().to_string())
}

/// The built-in questionnaire. The build script has already read its TOML
/// and found its lines (see [`super::builtin`]); the checks below are not
/// run again at every start: the test suite runs them on the same values
/// (`builtin::tests`), so the form cannot change without passing them.
pub fn builtin() -> Form {
    let ctx = Ctx {
        index: LineIndex::with_starts(BUILTIN_FORM, super::builtin::LINE_STARTS),
        source: BUILTIN_SOURCE,
        verify: false,
    };
    build(&ctx, super::builtin::raw_form()).expect("the built-in form is valid")
}

/// Parses and checks a form file's text; `source` names it in errors.
pub fn parse(text: &str, source: &str) -> Result<Form> {
    let raw: RawForm = toml::from_str(text).map_err(|e| {
        let position = e
            .span()
            .map(|s| LineIndex::new(text).position(s.start))
            .unwrap_or_else(|| deepest_line(text));
        FormError::Syntax {
            file: source.to_string(),
            position,
            message: super::read_error::french(e.message()),
        }
    })?;
    checked(raw, text, source)
}

/// Checks a form as read from `text` and builds the questionnaire.
pub(super) fn checked(raw: RawForm, text: &str, source: &str) -> Result<Form> {
    let ctx = Ctx {
        index: LineIndex::new(text),
        source,
        verify: true,
    };
    build(&ctx, raw)
}

/// Builds the questionnaire, checking it when `ctx.verify`.
fn build(ctx: &Ctx, raw: RawForm) -> Result<Form> {
    if raw.sections.is_empty() {
        return Err(FormError::Structure {
            file: ctx.source.to_string(),
            line: 1,
            message: "le formulaire n’a aucune section ; ajoutez au moins un bloc [[sections]] avec ses questions".into(),
        });
    }
    let coach = coach_table(ctx, raw.coach)?;
    let mut sections = Vec::with_capacity(raw.sections.len());
    let mut seen_sections = BTreeSet::new();
    for raw_section in raw.sections {
        sections.push(build_section(
            ctx,
            raw_section,
            raw.form.version,
            &mut seen_sections,
        )?);
    }
    let form = Form {
        id: raw.form.id,
        version: raw.form.version,
        title: raw.form.title,
        description: raw.form.description,
        contact: raw.form.contact,
        sections,
        coach,
        migrations: raw
            .migrations
            .into_iter()
            .map(|m| migration(ctx, m))
            .collect::<Result<_>>()?,
        source: ctx.source.to_string(),
        condition_ids: Vec::new(),
    };
    let form = Form {
        condition_ids: condition_ids(&form),
        ..form
    };
    if ctx.verify {
        check_conditions(ctx, &form)?;
    }
    Ok(form)
}

/// One `[[migrations]]` entry. Each `renamed` value must be the new id as
/// a text: anything else is refused rather than left out, or the answers
/// to the old question would silently stay behind at the next migration.
fn migration(ctx: &Ctx, m: RawMigration) -> Result<Migration> {
    let mut renamed = Vec::new();
    if let Some(table) = m.renamed {
        let line = ctx.line(&table);
        for (old, new) in table.into_inner() {
            match new {
                toml::Value::String(new) => renamed.push((old, new)),
                other => return Err(not_an_id(ctx, line, m.version, &old, &other)),
            }
        }
    }
    Ok(Migration {
        version: m.version,
        renamed,
        removed: m.removed,
    })
}

/// A `renamed` value that is not a text: how to write it instead. The
/// usual slip is an old id without quotes (`identite.sponsor = …`), which
/// TOML reads as a table `identite` holding `sponsor`.
fn not_an_id(ctx: &Ctx, line: usize, version: u32, old: &str, value: &toml::Value) -> FormError {
    let echo = crate::sanitize::echo;
    let message = match value {
        toml::Value::Table(inner) if !inner.is_empty() => {
            let (rest, new) = inner.iter().next().expect("not empty");
            let new = new
                .as_str()
                .map_or_else(|| "nouvelle_section.nouvelle_question".to_string(), echo);
            format!(
                "[[migrations]] version {version} : dans « renamed », l’ancien identifiant « {0}.{1} » est écrit sans guillemets, et TOML le lit comme une table ; mettez-le entre guillemets : renamed = {{ \"{0}.{1}\" = \"{new}\" }}",
                echo(old),
                echo(rest)
            )
        }
        other => format!(
            "[[migrations]] version {version} : dans « renamed », « {} » doit recevoir le nouvel identifiant entre guillemets (par exemple renamed = {{ \"identite.sponsor\" = \"identite.commanditaire\" }}), pas {}",
            echo(old),
            echo(&other.to_string())
        ),
    };
    FormError::Structure {
        file: ctx.source.to_string(),
        line,
        message,
    }
}

/// The form's `[coach]` table, checked (empty when absent).
fn coach_table(ctx: &Ctx, table: Option<Spanned<toml::Table>>) -> Result<toml::Table> {
    let Some(table) = table else {
        return Ok(toml::Table::new());
    };
    let line = ctx.line(&table);
    let table = table.into_inner();
    if !ctx.verify {
        return Ok(table);
    }
    super::check_coach_table(&table).map_err(|message| FormError::Structure {
        file: ctx.source.to_string(),
        line,
        message: format!("table [coach] : {message}"),
    })?;
    Ok(table)
}

/// One `[[sections]]` block: its id (not in `seen` yet), its questions
/// (each once, at least one).
fn build_section(
    ctx: &Ctx,
    raw_section: RawSection,
    version: u32,
    seen_sections: &mut BTreeSet<String>,
) -> Result<Section> {
    let line = ctx.line(&raw_section.id);
    let id = raw_section.id.into_inner();
    check_id(ctx, &id, line, "section")?;
    if ctx.verify && !seen_sections.insert(id.clone()) {
        return Err(ctx.invalid(line, &id, "cette section est déclarée deux fois"));
    }
    let mut questions = Vec::with_capacity(raw_section.questions.len());
    let mut seen = BTreeSet::new();
    for rq in raw_section.questions {
        let q = build_question(ctx, &id, rq, version)?;
        if ctx.verify && !seen.insert(q.id.clone()) {
            return Err(ctx.invalid(
                q.line,
                &format!("{id}.{}", q.id),
                "cette question est déclarée deux fois dans la section",
            ));
        }
        questions.push(q);
    }
    if questions.is_empty() {
        return Err(ctx.invalid(
            line,
            &id,
            "cette section n’a aucune question ; ajoutez-en au moins une ([[sections.questions]]) ou retirez la section",
        ));
    }
    Ok(Section {
        id,
        document_title: raw_section
            .document_title
            .unwrap_or_else(|| raw_section.title.clone()),
        title: raw_section.title,
        intro: raw_section.intro,
        addition: raw_section.addition,
        questions,
    })
}

struct Ctx<'a> {
    index: LineIndex<'a>,
    source: &'a str,
    /// Whether to check the form (always, but for the built-in one: see
    /// [`builtin`]).
    verify: bool,
}

impl Ctx<'_> {
    fn line<T>(&self, spanned: &Spanned<T>) -> usize {
        self.index.position(spanned.span().start).line
    }

    fn invalid(&self, line: usize, id: &str, message: &str) -> FormError {
        FormError::Invalid {
            file: self.source.to_string(),
            line,
            question: id.to_string(),
            message: message.to_string(),
        }
    }
}

fn check_id(ctx: &Ctx, id: &str, line: usize, what: &str) -> Result<()> {
    if !ctx.verify {
        return Ok(());
    }
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !id.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(ctx.invalid(
            line,
            id,
            &format!(
                "identifiant de {what} invalide : utilisez des minuscules sans accent, des chiffres et « _ » (ex. nom_produit)"
            ),
        ))
    }
}

fn build_question(
    ctx: &Ctx,
    section: &str,
    mut raw: RawQuestion,
    version: u32,
) -> Result<Question> {
    let line = ctx.line(&raw.id);
    let local = raw.id.get_ref().clone();
    check_id(ctx, &local, line, "question")?;
    // `section.question`, written out only for a message or a list's fields.
    let full = LazyCell::new(|| format!("{section}.{}", raw.id.get_ref()));
    let kind_name = raw.kind.get_ref().clone();
    let kind = Kind::parse(&kind_name).ok_or_else(|| {
        ctx.invalid(
            line,
            &full,
            &format!(
                "type « {kind_name} » inconnu ; types possibles : text, long, int, decimal, euros, percent, email, url, bool, choice, multi, list"
            ),
        )
    })?;
    if ctx.verify {
        check_shape(ctx, line, &full, kind, &raw)?;
    }
    let when = parse_when(ctx, || full.clone(), raw.when.take())?;
    let mut fields = Vec::new();
    for f in raw.fields {
        if ctx.verify
            && let Some(when) = &f.when
        {
            // Nothing evaluates a field's condition: the field would stay
            // asked and required whatever it says.
            return Err(ctx.invalid(
                ctx.line(when),
                &format!("{}.{}", *full, f.id.get_ref()),
                "une condition « when » ne s'applique qu'à une question, pas à un champ de liste (le champ serait toujours posé) : retirez-la, ou mettez-la sur la question de type list",
            ));
        }
        let field = build_question(ctx, &full, f, version)?;
        if ctx.verify && field.kind == Kind::List {
            return Err(ctx.invalid(
                field.line,
                &format!("{}.{}", *full, field.id),
                "une liste ne peut pas contenir une autre liste",
            ));
        }
        fields.push(field);
    }
    let question = Question {
        id: local,
        document_label: raw.document_label.unwrap_or_else(|| raw.label.clone()),
        document_group: raw.document_group,
        model_prompt: raw.model_prompt,
        label: raw.label,
        help: raw.help,
        guidance: raw.guidance,
        kind,
        required: raw.required,
        when,
        max_length: raw.max_length,
        min: raw.min,
        max: raw.max,
        min_items: raw.min_items,
        default: raw.default,
        reusable: raw.reusable,
        placeholder: raw.placeholder,
        choices: raw
            .choices
            .into_iter()
            .map(|c| Choice {
                key: c.key,
                label: c.label,
                exclusive: c.exclusive,
            })
            .collect(),
        fields,
        since: raw.since.unwrap_or(1).min(version),
        line,
    };
    if ctx.verify
        && let Some(default) = &question.default
        && let Some(p) = super::check_value(&question, default).first()
    {
        return Err(ctx.invalid(
            line,
            &format!("{section}.{}", question.id),
            &format!("valeur par défaut (default) refusée : {}", p.message),
        ));
    }
    Ok(question)
}

/// Choices only on choice questions, fields only on lists, each declared
/// once, and limits in order.
fn check_shape(ctx: &Ctx, line: usize, full: &str, kind: Kind, raw: &RawQuestion) -> Result<()> {
    if matches!(kind, Kind::Choice | Kind::Multi) && raw.choices.is_empty() {
        return Err(ctx.invalid(
            line,
            full,
            "une question à choix doit lister ses choix (choices = [{ key = \"…\", label = \"…\" }])",
        ));
    }
    if !matches!(kind, Kind::Choice | Kind::Multi) && !raw.choices.is_empty() {
        return Err(ctx.invalid(
            line,
            full,
            "seules les questions de type choice ou multi ont des choix",
        ));
    }
    if kind != Kind::Multi && raw.choices.iter().any(|c| c.exclusive) {
        return Err(ctx.invalid(
            line,
            full,
            "exclusive = true n’a de sens que dans une question à choix multiple (type multi)",
        ));
    }
    let mut keys = BTreeSet::new();
    for c in &raw.choices {
        if !keys.insert(c.key.as_str()) {
            return Err(ctx.invalid(
                line,
                full,
                &format!("le choix « {} » est déclaré deux fois", c.key),
            ));
        }
    }
    if kind == Kind::List && raw.fields.is_empty() {
        return Err(ctx.invalid(
            line,
            full,
            "une question de type list doit décrire ses champs ([[sections.questions.fields]])",
        ));
    }
    if kind != Kind::List && !raw.fields.is_empty() {
        return Err(ctx.invalid(
            line,
            full,
            "seules les questions de type list ont des champs",
        ));
    }
    for (name, bound) in [("min", raw.min), ("max", raw.max)] {
        if bound.is_some_and(|b| !b.is_finite()) {
            return Err(ctx.invalid(
                line,
                full,
                &format!("{name} doit être un nombre fini (pas nan ni inf)"),
            ));
        }
    }
    if let (Some(min), Some(max)) = (raw.min, raw.max)
        && min > max
    {
        return Err(ctx.invalid(line, full, "min est plus grand que max"));
    }
    Ok(())
}

/// The `when` condition, compiled now so a typo is reported with its line.
fn parse_when(
    ctx: &Ctx,
    full: impl FnOnce() -> String,
    when: Option<Spanned<String>>,
) -> Result<Option<Condition>> {
    let Some(w) = when else {
        return Ok(None);
    };
    let wline = ctx.line(&w);
    let src = w.into_inner();
    Condition::parse(&src).map(Some).map_err(|e| {
        ctx.invalid(
            wline,
            &full(),
            &format!(
                "condition « when » illisible ({}) : {e}",
                crate::sanitize::echo(&src)
            ),
        )
    })
}

/// Every name the conditions of the form (questions and list fields)
/// read: `solution.role_ia` for `solution.role_ia != 'assiste'`.
fn condition_ids(form: &Form) -> Vec<String> {
    let mut names = BTreeSet::new();
    for (_, q) in form.questions() {
        for cond in std::iter::once(q)
            .chain(&q.fields)
            .filter_map(|q| q.when.as_ref())
        {
            names.extend(cond.referenced_ids());
        }
    }
    names.into_iter().collect()
}

/// A condition may only read questions that exist (a typo would silently hide
/// a question forever).
fn check_conditions(ctx: &Ctx, form: &Form) -> Result<()> {
    for (section, q) in form.questions() {
        let Some(cond) = &q.when else { continue };
        for var in cond.referenced_ids() {
            if form.question(&var).is_none() {
                return Err(ctx.invalid(
                    q.line,
                    &section.full_id(q),
                    &format!(
                        "la condition « when » cite « {var} », qui n’est pas une question du formulaire (écrivez section.question)"
                    ),
                ));
            }
        }
    }
    Ok(())
}
