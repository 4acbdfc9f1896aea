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

/// clap's English words around values, in French, and its headings
/// (« Commandes: », « Options: ») with the space French puts before a
/// colon: the help and the manual page both go through this.
pub fn in_french(text: &str) -> String {
    let text = text
        .replace("[default: ", "[par défaut : ")
        .replace("Possible values:", "Valeurs possibles :")
        .replace("[possible values: ", "[valeurs possibles : ")
        .replace("[aliases: ", "[alias : ")
        .replace("[alias: ", "[alias : ");
    text.split_inclusive('\n').map(spaced_heading).collect()
}

/// A heading line as clap writes it (`Options:`, possibly wrapped in
/// terminal styles), with a space before its colon; any other line as it is.
fn spaced_heading(line: &str) -> std::borrow::Cow<'_, str> {
    let plain = without_styles(line.trim_end());
    let heading = plain.ends_with(':')
        && !plain.ends_with(" :")
        && plain.starts_with(|c: char| c.is_alphabetic())
        && !plain.contains(": ");
    match line.rfind(':') {
        Some(colon) if heading => format!("{} :{}", &line[..colon], &line[colon + 1..]).into(),
        _ => line.into(),
    }
}

/// `line` without the terminal styles clap puts around headings
/// (`ESC [ … m`).
fn without_styles(line: &str) -> String {
    let mut plain = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            plain.push(c);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::in_french;

    #[test]
    fn headings_get_a_space_before_their_colon_and_other_lines_stay() {
        let help = "Options:\n  -o, --output <SORTIE>\n          Fichier : « - »\n\
                    Utilisation : fiche\n\u{1b}[1m\u{1b}[4mCommandes:\u{1b}[0m\n  check  Vérifier\n";
        assert_eq!(
            in_french(help),
            "Options :\n  -o, --output <SORTIE>\n          Fichier : « - »\n\
             Utilisation : fiche\n\u{1b}[1m\u{1b}[4mCommandes :\u{1b}[0m\n  check  Vérifier\n"
        );
    }
}
