//! `fiche man`: the manual page (roff, section 1), in French like the help,
//! generated from the command-line definition: the main page, then one
//! section per command with its synopsis and options.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;
use clap_mangen::Man;

use super::Outcome;
use crate::cli::Cli;

pub fn run() -> Result<Outcome> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(page()?.as_bytes())?;
    stdout.flush()?;
    Ok(Outcome::Ok)
}

/// The whole manual page.
pub fn page() -> std::io::Result<String> {
    let mut cli = Cli::command();
    cli.build();
    let mut out = Vec::new();
    Man::new(cli.clone())
        .title("FICHE")
        .manual("Manuel de fiche")
        .render(&mut out)?;
    for command in cli.get_subcommands().filter(|c| !c.is_hide_set()) {
        let man = Man::new(command.clone());
        let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
        let mut section = Vec::new();
        man.render_description_section(&mut section)?;
        man.render_synopsis_section(&mut section)?;
        if command.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut section)?;
        }
        if command.get_subcommands().next().is_some() {
            man.render_subcommands_section(&mut section)?;
        }
        if command.get_after_help().is_some() {
            man.render_extra_section(&mut section)?;
        }
        out.extend_from_slice(format!(".SH \"COMMANDE {}\"\n", name.to_uppercase()).as_bytes());
        // The command's own parts are subsections of its section.
        let section = String::from_utf8_lossy(&section).replace(".SH ", ".SS ");
        out.extend_from_slice(section.as_bytes());
    }
    Ok(french(&String::from_utf8_lossy(&out)))
}

/// clap_mangen's English headings and phrases, in French.
fn french(roff: &str) -> String {
    const HEADINGS: &[(&str, &str)] = &[
        ("NAME", "NOM"),
        ("SYNOPSIS", "SYNOPSIS"),
        ("DESCRIPTION", "DESCRIPTION"),
        ("OPTIONS", "ARGUMENTS ET OPTIONS"),
        ("SUBCOMMANDS", "COMMANDES"),
        ("Commandes", "COMMANDES"),
        ("EXTRA", "REMARQUES"),
        ("VERSION", "VERSION"),
        ("AUTHORS", "AUTEURS"),
    ];
    roff.lines()
        .map(|line| {
            for macro_ in [".SH ", ".SS "] {
                if let Some(heading) = line.strip_prefix(macro_)
                    && let Some((_, fr)) = HEADINGS.iter().find(|(en, _)| *en == heading)
                {
                    return format!("{macro_}{fr}");
                }
            }
            crate::clap_fr::in_french(line)
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manual_page_is_french_and_covers_every_command() {
        let page = page().unwrap();
        assert!(page.contains("\n.TH FICHE 1 "), "{}", &page[..200]);
        for heading in [".SH NOM", ".SH SYNOPSIS", ".SH COMMANDES"] {
            assert!(page.contains(heading), "{heading}");
        }
        for command in ["RENDER", "ENVOYER", "CHECK", "COMPLETIONS", "MAN"] {
            assert!(
                page.contains(&format!(".SH \"COMMANDE FICHE {command}\"")),
                "{command}"
            );
        }
        assert!(page.contains("Produire la fiche action"));
        assert!(!page.contains(".SH NAME") && !page.contains("[default: "));
    }
}
