//! Which column of an export holds the name of an initiative, its
//! administration, its description and a contact: said explicitly
//! (`--colonnes nom=…,description=…`), else recognised from the header's
//! words, else from the cells (e-mail addresses, long texts, names of
//! administrations).

use serde::Serialize;

use super::error::{ParangonnageError, Result};
use super::reader::Table;
use super::text::{fold, folded_words};

/// A header longer than this, or holding an address, is data, not a title.
const MAX_HEADER_CHARS: usize = 60;
/// Shortest average description length recognised from the cells alone.
const MIN_DESCRIPTION_CHARS: f64 = 40.0;
/// Share of cells that must look alike for a column to be recognised by
/// its content (addresses, administrations, links).
const CONTENT_SHARE: f64 = 0.5;
/// Headers are cut to this length in error messages.
const HEADER_ECHO_CHARS: usize = 40;

/// What a column is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Name,
    Administration,
    Description,
    Contact,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Name,
        Role::Administration,
        Role::Description,
        Role::Contact,
    ];

    /// The key used by `--colonnes` and shown to the user.
    pub fn key(self) -> &'static str {
        match self {
            Role::Name => "nom",
            Role::Administration => "administration",
            Role::Description => "description",
            Role::Contact => "contact",
        }
    }

    fn from_key(key: &str) -> Option<Role> {
        let key = fold(key);
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// "la colonne {…}" in an error message.
    fn missing_fr(self) -> &'static str {
        match self {
            Role::Name => "du nom de l’initiative",
            Role::Administration => "de l’administration",
            Role::Description => "de la description",
            Role::Contact => "du contact",
        }
    }

    /// Header words that point to this role, with how strongly.
    fn header_words(self) -> &'static [(&'static str, u32)] {
        match self {
            Role::Name => &[
                ("intitule", 3),
                ("nom", 2),
                ("titre", 2),
                ("produit", 2),
                ("projet", 2),
                ("initiative", 2),
                ("outil", 2),
                ("libelle", 2),
                ("application", 1),
                ("solution", 1),
                ("brique", 1),
            ],
            Role::Administration => &[
                ("administration", 3),
                ("ministere", 3),
                ("structure", 3),
                ("organisme", 3),
                ("entite", 3),
                ("institution", 2),
                ("porteur", 2),
                ("porteuse", 2),
                ("etablissement", 2),
                ("operateur", 2),
                ("direction", 2),
                ("collectivite", 2),
                ("service", 1),
            ],
            Role::Description => &[
                ("description", 3),
                ("descriptif", 3),
                ("resume", 3),
                ("presentation", 3),
                ("objectif", 2),
                ("objectifs", 2),
                ("usage", 2),
                ("detail", 2),
                ("details", 2),
                ("probleme", 2),
                ("besoin", 2),
                ("fonctionnalites", 2),
                ("pitch", 2),
                ("explication", 2),
                ("contexte", 1),
                ("enjeux", 1),
            ],
            Role::Contact => &[
                ("contact", 3),
                ("contacts", 3),
                ("courriel", 3),
                ("email", 3),
                ("mail", 3),
                ("mel", 3),
                ("responsable", 3),
                ("referent", 2),
                ("referente", 2),
                ("tchap", 2),
                ("telephone", 1),
                ("adresse", 1),
            ],
        }
    }
}

/// Words that name an administration, to recognise that column by content.
const ADMINISTRATION_WORDS: &[&str] = &[
    "ministere",
    "prefecture",
    "direction",
    "agence",
    "caisse",
    "office",
    "secretariat",
    "service",
    "delegation",
    "dreets",
    "dreal",
    "ddets",
    "rectorat",
    "academie",
    "institut",
    "tribunal",
    "cour",
    "conseil",
    "departement",
    "region",
    "mairie",
    "commune",
    "centre",
    "etablissement",
    "autorite",
    "inspection",
    "universite",
    "gendarmerie",
    "police",
    "douane",
    "douanes",
    "dgfip",
    "urssaf",
    "cpam",
    "caf",
];

/// The columns the user named with `--colonnes`, not yet matched to a file.
#[derive(Debug, Clone, Default)]
pub struct ColumnSpec {
    choices: Vec<(Role, String)>,
}

impl ColumnSpec {
    /// Parses `nom=Intitulé,description=Résumé` (a header, case and accents
    /// ignored, or a column number counted from 1). Quotes around a header
    /// are optional.
    pub fn parse(text: &str) -> Result<ColumnSpec> {
        let mut choices = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                return Err(spec_error(format!(
                    "« {part} » : écrivez rôle=colonne, par exemple nom=\"Intitulé\" (rôles : {})",
                    role_keys()
                )));
            };
            let role = Role::from_key(key).ok_or_else(|| {
                spec_error(format!(
                    "« {} » n’est pas un rôle connu ; rôles possibles : {}",
                    key.trim(),
                    role_keys()
                ))
            })?;
            let value = value.trim().trim_matches(['"', '\'', '«', '»']).trim();
            if value.is_empty() {
                return Err(spec_error(format!(
                    "« {part} » : indiquez l’en-tête ou le numéro de la colonne après « = »"
                )));
            }
            choices.push((role, value.to_string()));
        }
        Ok(ColumnSpec { choices })
    }
}

fn role_keys() -> String {
    Role::ALL.map(Role::key).join(", ")
}

fn spec_error(message: String) -> ParangonnageError {
    ParangonnageError::ColumnSpec { message }
}

/// The columns of an export, by index in [`Table::headers`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Columns {
    pub name: usize,
    pub administration: Option<usize>,
    pub description: usize,
    pub contact: Option<usize>,
    /// Columns of links, left out of the search (their words are noise).
    pub links: Vec<usize>,
}

impl Columns {
    /// Works out the columns of `table`, `spec` first.
    pub fn detect(table: &Table, spec: &ColumnSpec) -> Result<Columns> {
        if table.headers.len() == 1 {
            return Err(ParangonnageError::OneColumn {
                path: table.source.clone(),
                header: shorten(&table.headers[0]),
            });
        }
        let mut found: [Option<usize>; 4] = [None; 4];
        for (role, value) in &spec.choices {
            found[*role as usize] = Some(resolve(table, value)?);
        }
        let by_header = by_header(table, &found);
        for role in Role::ALL {
            if found[role as usize].is_none() {
                found[role as usize] = by_header[role as usize];
            }
        }
        let recognised_any = found.iter().any(Option::is_some);
        if recognised_any {
            by_content(table, &mut found);
        }
        let missing: Vec<&'static str> = [Role::Name, Role::Description]
            .into_iter()
            .filter(|r| found[*r as usize].is_none())
            .map(Role::missing_fr)
            .collect();
        match (
            found[Role::Name as usize],
            found[Role::Description as usize],
        ) {
            (Some(name), Some(description)) => Ok(Columns {
                name,
                administration: found[Role::Administration as usize],
                description,
                contact: found[Role::Contact as usize],
                links: (0..table.headers.len())
                    .filter(|&i| {
                        share(table, i, |c| {
                            c.starts_with("http://") || c.starts_with("https://")
                        }) >= CONTENT_SHARE
                    })
                    .collect(),
            }),
            _ => Err(ParangonnageError::Columns {
                path: table.source.clone(),
                missing,
                headers: table.headers.iter().map(|h| shorten(h)).collect(),
            }),
        }
    }

    /// The column holding `role`, if any.
    pub fn get(&self, role: Role) -> Option<usize> {
        match role {
            Role::Name => Some(self.name),
            Role::Administration => self.administration,
            Role::Description => Some(self.description),
            Role::Contact => self.contact,
        }
    }

    /// Columns whose words are searched: all but the contact and links.
    pub fn searchable(&self, width: usize) -> Vec<usize> {
        (0..width)
            .filter(|i| Some(*i) != self.contact && !self.links.contains(i))
            .collect()
    }
}

/// The column `value` names: its header (case and accents ignored) or its
/// number from 1.
fn resolve(table: &Table, value: &str) -> Result<usize> {
    if let Ok(n) = value.parse::<usize>() {
        if (1..=table.headers.len()).contains(&n) {
            return Ok(n - 1);
        }
        return Err(spec_error(format!(
            "colonne {n} : {} n’a que {} colonnes",
            table.source,
            table.headers.len()
        )));
    }
    let wanted = fold(value);
    table
        .headers
        .iter()
        .position(|h| fold(h) == wanted)
        .ok_or_else(|| {
            let headers: Vec<String> = table
                .headers
                .iter()
                .map(|h| format!("« {} »", shorten(h)))
                .collect();
            spec_error(format!(
                "aucune colonne « {value} » dans {} ; en-têtes : {}",
                table.source,
                headers.join(", ")
            ))
        })
}

/// For each role, the column whose header points to it most strongly (each
/// column goes to the role its header points to best; leftmost on a tie).
fn by_header(table: &Table, taken: &[Option<usize>; 4]) -> [Option<usize>; 4] {
    let mut best: [Option<(u32, usize)>; 4] = [None; 4];
    for (i, header) in table.headers.iter().enumerate() {
        if taken.contains(&Some(i)) || !looks_like_header(header) {
            continue;
        }
        let words = folded_words(header);
        let scores = Role::ALL.map(|role| {
            role.header_words()
                .iter()
                .filter(|(w, _)| words.iter().any(|x| x == w))
                .map(|(_, weight)| weight)
                .sum::<u32>()
        });
        let Some(role) = Role::ALL
            .into_iter()
            .filter(|r| scores[*r as usize] > 0)
            .max_by_key(|r| (scores[*r as usize], std::cmp::Reverse(*r as usize)))
        else {
            continue;
        };
        let score = scores[role as usize];
        if best[role as usize].is_none_or(|(s, _)| score > s) {
            best[role as usize] = Some((score, i));
        }
    }
    best.map(|b| b.map(|(_, i)| i))
}

fn looks_like_header(header: &str) -> bool {
    !header.is_empty()
        && header.chars().count() <= MAX_HEADER_CHARS
        && !header.contains('@')
        && !header.contains("://")
}

/// Fills the roles headers did not name from what the cells look like.
fn by_content(table: &Table, found: &mut [Option<usize>; 4]) {
    let free = |found: &[Option<usize>; 4]| -> Vec<usize> {
        (0..table.headers.len())
            .filter(|i| !found.contains(&Some(*i)))
            .collect()
    };
    if found[Role::Contact as usize].is_none() {
        found[Role::Contact as usize] = free(found)
            .into_iter()
            .map(|i| (share(table, i, |c| c.contains('@')), i))
            .filter(|(s, _)| *s >= CONTENT_SHARE)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| i);
    }
    if found[Role::Description as usize].is_none() {
        found[Role::Description as usize] = free(found)
            .into_iter()
            .map(|i| (average_chars(table, i), i))
            .filter(|(avg, _)| *avg >= MIN_DESCRIPTION_CHARS)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, i)| i);
    }
    if found[Role::Administration as usize].is_none() {
        found[Role::Administration as usize] = free(found).into_iter().find(|&i| {
            share(table, i, |c| {
                folded_words(c)
                    .iter()
                    .any(|w| ADMINISTRATION_WORDS.contains(&w.as_str()))
            }) >= CONTENT_SHARE
        });
    }
    if found[Role::Name as usize].is_none() {
        found[Role::Name as usize] = free(found).into_iter().find(|&i| {
            let avg = average_chars(table, i);
            (3.0..=100.0).contains(&avg)
                && share(table, i, |c| !c.contains('@') && !c.contains("://")) >= 0.9
                && filled_share(table, i) >= 0.8
        });
    }
}

/// Share of the non-empty cells of column `i` for which `test` holds.
fn share(table: &Table, i: usize, test: impl Fn(&str) -> bool) -> f64 {
    let cells: Vec<&str> = table
        .rows
        .iter()
        .map(|r| r.cell(i))
        .filter(|c| !c.is_empty())
        .collect();
    if cells.is_empty() {
        return 0.0;
    }
    cells.iter().filter(|c| test(c)).count() as f64 / cells.len() as f64
}

fn filled_share(table: &Table, i: usize) -> f64 {
    let filled = table.rows.iter().filter(|r| !r.cell(i).is_empty()).count();
    filled as f64 / table.rows.len().max(1) as f64
}

fn average_chars(table: &Table, i: usize) -> f64 {
    let total: usize = table.rows.iter().map(|r| r.cell(i).chars().count()).sum();
    total as f64 / table.rows.len().max(1) as f64
}

fn shorten(header: &str) -> String {
    let one_line = header.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(HEADER_ECHO_CHARS) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parangonnage::read_bytes;

    fn table(csv: &str) -> Table {
        read_bytes(csv.as_bytes(), "t.csv").unwrap()
    }

    const LONG: &str = "une description assez longue pour passer pour un texte libre";

    #[test]
    fn headers_name_each_role() {
        let t = table(&format!(
            "Statut,Nom du produit,Administration porteuse,Description du cas d'usage,Contact référent\nx,A,B,{LONG},c@d.fr\n"
        ));
        let c = Columns::detect(&t, &ColumnSpec::default()).unwrap();
        assert_eq!(
            (c.name, c.administration, c.description, c.contact),
            (1, Some(2), 3, Some(4))
        );
    }

    #[test]
    fn a_person_column_is_a_contact_even_when_its_header_says_product() {
        let t = table(&format!(
            "Intitulé,Responsable produit,Résumé\nA,Jeanne Martin,{LONG}\n"
        ));
        let c = Columns::detect(&t, &ColumnSpec::default()).unwrap();
        assert_eq!((c.name, c.contact, c.description), (0, Some(1), 2));
    }

    #[test]
    fn content_finds_contact_description_and_administration() {
        let t = table(&format!(
            "Projet,Qui,Équipe,Pitch du projet en détail,Texte\nA,Préfecture du Rhône,a@b.fr,court,{LONG}\nB,Ministère de la Justice,c@d.fr,court,{LONG}\n"
        ));
        let c = Columns::detect(&t, &ColumnSpec::default()).unwrap();
        assert_eq!(c.name, 0);
        assert_eq!(c.administration, Some(1));
        assert_eq!(c.contact, Some(2));
        // « Pitch du projet en détail » names the description by its header.
        assert_eq!(c.description, 3);
    }

    #[test]
    fn long_text_is_the_description_when_no_header_says_so() {
        let t = table(&format!("Intitulé,Texte\nA,{LONG}\nB,{LONG}\n"));
        let c = Columns::detect(&t, &ColumnSpec::default()).unwrap();
        assert_eq!((c.name, c.description), (0, 1));
    }

    #[test]
    fn spec_names_columns_by_header_or_number() {
        let t = table(&format!("Col A,Col B,Col C\nA,x,{LONG}\n"));
        let spec = ColumnSpec::parse("nom=\"col a\", description=3").unwrap();
        let c = Columns::detect(&t, &spec).unwrap();
        assert_eq!((c.name, c.description), (0, 2));
        let err = Columns::detect(&t, &ColumnSpec::parse("nom=Titre").unwrap()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--colonnes : aucune colonne « Titre » dans t.csv ; en-têtes : « Col A », « Col B », « Col C »"
        );
        let err = Columns::detect(&t, &ColumnSpec::parse("nom=9").unwrap()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--colonnes : colonne 9 : t.csv n’a que 3 colonnes"
        );
    }

    #[test]
    fn bad_specs_are_explained() {
        let err = ColumnSpec::parse("titre=A").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--colonnes : « titre » n’est pas un rôle connu ; rôles possibles : nom, administration, description, contact"
        );
        assert!(ColumnSpec::parse("nom").is_err());
        assert!(ColumnSpec::parse("nom=").is_err());
    }

    #[test]
    fn unrecognised_headers_give_the_list_and_the_fix() {
        let t = table("Col A,Col B\nA,b\n");
        let err = Columns::detect(&t, &ColumnSpec::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv : impossible de reconnaître ni la colonne du nom de l’initiative ni la colonne de la description.\n  En-têtes de la première ligne : « Col A », « Col B ».\n  La première ligne doit contenir les titres des colonnes. Sinon, dites lesquelles utiliser avec --colonnes, par exemple : --colonnes nom=\"Col A\",description=\"Col B\" (ou par numéro : --colonnes nom=1,description=2)"
        );
    }
}
