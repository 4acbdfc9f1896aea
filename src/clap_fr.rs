//! clap's own messages are English; users read French. This turns a parse
//! error into a French message (help and version are printed as they are).

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

pub fn report(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let ctx = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        ErrorKind::UnknownArgument => format!("option inconnue : {}", ctx(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue : {}",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let possible = ctx(ContextKind::ValidValue);
            let mut m = format!(
                "valeur « {} » invalide pour {}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            );
            if !possible.is_empty() {
                m.push_str(&format!(" ; valeurs possibles : {possible}"));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => format!(
            "argument obligatoire manquant : {}",
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => "une commande est attendue".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{} ne peut pas être utilisé avec {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("argument en trop : {}", ctx(ContextKind::InvalidValue))
        }
        ErrorKind::NoEquals => format!("{} s'écrit avec « = »", ctx(ContextKind::InvalidArg)),
        ErrorKind::ValueValidation => format!(
            "valeur invalide pour {} : {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::InvalidValue)
        ),
        _ => "arguments incorrects".to_string(),
    };
    say_err!("erreur : {message}\n\nPour l'aide : fiche --help");
    ExitCode::from(2)
}
