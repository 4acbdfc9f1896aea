//! The e-mail that sends an application: an `.eml` draft to the contact
//! address of the form, from the product lead, with a short French body
//! (the pitch's five points and the business case, from `courriel.txt.j2`)
//! and the fiche attached as PDF and OpenDocument text. It is marked
//! `X-Unsent: 1` so that mail clients open it as a draft to review and send.

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::text::Text;
use minijinja::Environment;

use super::context::DocumentContext;
use super::{Format, RenderError, Renderer};
use crate::answers::Answers;
use crate::form::Form;
use crate::validate::Severity;

/// The template of the message body (plain text).
pub const BODY_TEMPLATE: &str = "courriel.txt.j2";

/// Longest excerpt of an answer quoted in the body, in characters.
const EXCERPT_CHARS: usize = 300;

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    #[error(
        "la candidature n’est pas prête : {} à régler avant de l’envoyer", crate::format::count(.0.problems.len(), "point", "points")
    )]
    Incomplete(Unready),
    #[error(
        "le formulaire n’indique pas l’adresse à laquelle envoyer la fiche : ajoutez « contact = \"adresse@exemple.fr\" » dans la table [form] de form.toml"
    )]
    NoContact,
    #[error(transparent)]
    Render(#[from] RenderError),
    #[error("courriel impossible à écrire")]
    Write(#[source] std::io::Error),
}

/// What keeps an application from being sent: a missing answer, an invalid
/// one, or an error of the pitch coach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `identite.nom_produit`.
    pub id: String,
    /// `réponse manquante : Nom du produit`, or the validation message.
    pub text: String,
}

/// Why an application is not ready to be sent, as `fiche check` and the
/// draft annexes tell it: what is missing or to correct, and the readiness
/// score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unready {
    pub problems: Vec<Problem>,
    /// The readiness score in the annexes' words, with the cap line when
    /// the completeness caps it (`Readiness::summary_fr`).
    pub score: String,
}

/// A prepared e-mail.
#[derive(Debug)]
pub struct Email {
    /// The `.eml` message.
    pub bytes: Vec<u8>,
    /// Why it is a draft, when `allow_draft` let an application with
    /// problems through: its subject and documents are marked BROUILLON.
    pub draft: Option<Unready>,
}

/// Options of one e-mail draft.
#[derive(Debug, Clone)]
pub struct EmailOptions<'a> {
    /// File names of the attachments without extension (`candidature` gives
    /// `candidature.pdf` and `candidature.odt`).
    pub attachment_stem: &'a str,
    /// Prepare the message even if the application is incomplete or the
    /// coach finds errors (its documents are then marked BROUILLON, and so
    /// is the subject).
    pub allow_draft: bool,
}

/// Registers the filters of the body template.
pub fn register(env: &mut Environment<'static>) {
    env.add_filter("excerpt", excerpt);
}

impl Renderer {
    /// The `.eml` message sending `answers` to the form's contact address.
    pub fn email(
        &self,
        form: &Form,
        answers: &Answers,
        options: &EmailOptions,
    ) -> Result<Email, EmailError> {
        let mut ctx = self.context(form, answers, false)?;
        let problems = problems(&ctx);
        let unready = (!problems.is_empty()).then(|| Unready {
            problems,
            score: ctx.coach.score.summary_fr(),
        });
        if let Some(unready) = &unready {
            if !options.allow_draft {
                return Err(EmailError::Incomplete(unready.clone()));
            }
            // A complete application the coach faults is no more final than
            // an incomplete one: its documents and subject say BROUILLON too.
            ctx.draft = true;
        }
        let contact = ctx.form.contact.clone().ok_or(EmailError::NoContact)?;
        let body = self.render_template(BODY_TEMPLATE, &ctx)?;
        let pdf = self.export_context(Format::Pdf, &ctx)?;
        let odt = self.export_context(Format::Odt, &ctx)?;

        let mut message = MessageBuilder::new()
            .to(Address::new_address(None::<&str>, contact))
            .subject(subject(&ctx))
            .header("X-Unsent", Text::new("1"))
            .text_body(body)
            .attachment(
                "application/pdf",
                format!("{}.pdf", options.attachment_stem),
                pdf,
            )
            .attachment(
                super::odt::MIMETYPE,
                format!("{}.odt", options.attachment_stem),
                odt,
            );
        if let Some(from) = answer(&ctx, "chef_produit_email") {
            message = message.from(Address::new_address(answer(&ctx, "chef_produit_nom"), from));
        }
        let bytes = message.write_to_vec().map_err(EmailError::Write)?;
        Ok(Email {
            bytes,
            draft: unready,
        })
    }
}

/// « Candidature All_Ia_nce : Assistant SRDT — Ministère du Travail ».
fn subject(ctx: &DocumentContext) -> String {
    // One line: a product name typed with line breaks stays one subject.
    let product = one_line(&ctx.product);
    let mut subject = format!("Candidature All_Ia_nce : {product}");
    if let Some(administration) = answer(ctx, "administration") {
        subject.push_str(" — ");
        subject.push_str(&administration);
    }
    if ctx.draft {
        subject.insert_str(0, "BROUILLON – ");
    }
    subject
}

/// A one-line answer of the `identite` section, if given.
fn answer(ctx: &DocumentContext, question: &str) -> Option<String> {
    ctx.text("identite", question)
        .map(one_line)
        .filter(|s| !s.is_empty())
}

/// `text` for a header (subject, sender's name): one line, and its control
/// characters shown as in the body (`<U+202E>`, `␇`), so a bidi override
/// cannot reverse the subject in the mail client's list.
fn one_line(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::sanitize::terminal_line(&line).into_owned()
}

/// Missing answers, then invalid ones, in the form's order, then the pitch
/// coach's errors (an AI deciding alone, sensitive data outside a sovereign
/// host…), which `fiche check` also counts as blocking (exit code 1).
fn problems(ctx: &DocumentContext) -> Vec<Problem> {
    let missing = ctx.missing.iter().map(|m| Problem {
        id: m.id.clone(),
        text: format!("réponse manquante : {}", m.label),
    });
    let invalid = ctx
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| Problem {
            id: f.id.clone(),
            text: f.message.clone(),
        });
    let coach = ctx
        .coach
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| Problem {
            id: f.id.clone(),
            text: format!("erreur du coach [{}] : {}", f.rule, f.message),
        });
    missing.chain(invalid).chain(coach).collect()
}

/// The first paragraph of an answer on one line, cut at a word boundary
/// after about 300 characters.
fn excerpt(text: &str) -> String {
    let normalised = text.trim().replace("\r\n", "\n");
    let first = normalised.split("\n\n").next().unwrap_or_default();
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if !out.is_empty() && out.chars().count() + 1 + word.chars().count() > EXCERPT_CHARS {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_the_first_paragraph_on_one_line() {
        assert_eq!(
            excerpt("  Une ligne\ncoupée  en deux.\r\n\r\nDeuxième paragraphe."),
            "Une ligne coupée en deux."
        );
        let long = "mot ".repeat(200);
        let cut = excerpt(&long);
        assert!(cut.ends_with("mot…"), "{cut}");
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
    }
}
