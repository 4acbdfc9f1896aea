//! clap's own messages are English; users read French. This turns a parse
//! error into a French message, and the few words clap adds to the help
//! (« Possible values », « default ») into French.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

pub fn report(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelp => {
            print_help(&e);
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            print_help(&e);
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
        ErrorKind::NoEquals => format!("{} s’écrit avec « = »", ctx(ContextKind::InvalidArg)),
        ErrorKind::ValueValidation => format!(
            "valeur invalide pour {} : {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::InvalidValue)
        ),
        _ => "arguments incorrects".to_string(),
    };
    say_err!("erreur : {message}\n\nPour l’aide : fiche --help");
    ExitCode::from(2)
}

/// The help clap rendered, in French, styled only on a terminal (as clap
/// does, `NO_COLOR` included), on the stream clap chose.
fn print_help(e: &clap::Error) {
    let styled = e.render();
    let terminal = if e.use_stderr() {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let text = if terminal && std::env::var_os("NO_COLOR").is_none() {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    let text = in_french(&text);
    let _ = if e.use_stderr() {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
}

/// clap's English words around values, in French: the help and the manual
/// page both go through this.
pub fn in_french(text: &str) -> String {
    text.replace("[default: ", "[par défaut : ")
        .replace("Possible values:", "Valeurs possibles :")
        .replace("[possible values: ", "[valeurs possibles : ")
        .replace("[aliases: ", "[alias : ")
        .replace("[alias: ", "[alias : ")
}
