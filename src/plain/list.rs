//! Repeatable blocks (data sources, budget lines, the six-month plan): the
//! items are read out, then « a » adds one field by field, « s N » deletes
//! one after confirmation, Entrée goes on.

use std::io::{BufRead, Write};

use fiche::form::{Kind, Question};
use fiche::list_item;

use super::prompt::{Command, Line};
use super::{Session, Step, ask};

impl<R: BufRead, W: Write> Session<'_, R, W> {
    /// The menu of one list question, until Entrée or a command moves on.
    pub(super) fn edit_list(&mut self, si: usize, qi: usize) -> Step {
        let form = self.form;
        let q = &form.sections[si].questions[qi];
        let id = self.full_id(si, qi);
        let required = if q.required { " (obligatoire)" } else { "" };
        self.say("");
        self.say(&format!("{} : {}{required}", self.rank(si, qi), q.label));
        if !q.help.trim().is_empty() {
            self.say(q.help.trim());
        }
        let minimum = q.min_items.unwrap_or(0);
        self.say(&format!(
            "Format : liste d’éléments{}, chacun avec {}.",
            if minimum > 0 {
                format!(" (au moins {minimum})")
            } else {
                String::new()
            },
            fiche::format::count(q.fields.len(), "champ", "champs")
        ));
        loop {
            let items = self.items(&id);
            if items.is_empty() {
                self.say("Aucun élément pour l’instant.");
            } else {
                self.say(&format!(
                    "{} :",
                    fiche::format::count(items.len(), "élément", "éléments")
                ));
                for (i, item) in items.iter().enumerate() {
                    self.say(&format!("  {}. {}", i + 1, list_item::summary(q, item)));
                }
            }
            let line = self.prompt.ask(
                "Tapez « a » pour ajouter un élément, « v » et un numéro pour le lire en entier, « s » et un numéro pour le supprimer, Entrée pour continuer : ",
            );
            let text = match line {
                Line::Eof => return Step::Quit,
                Line::Command(Command::Clear) => {
                    self.say("Pour vider la liste, supprimez les éléments un par un avec « s » suivi du numéro.");
                    continue;
                }
                Line::Command(c) => match self.command(c, Some(si), Some(q)) {
                    Some(step) => return step,
                    None => {
                        self.say(&format!("Retour à la liste : {}.", q.label));
                        continue;
                    }
                },
                Line::Text(text) => text,
            };
            let lower = text.trim().to_lowercase();
            match lower.as_str() {
                "" => {
                    if q.required && items.is_empty() {
                        self.say("Liste vide pour l’instant : elle reste à remplir (obligatoire).");
                    }
                    return Step::Next;
                }
                "a" | "ajouter" => {
                    if let Some(step) = self.add_item(si, q, &id, items) {
                        return step;
                    }
                }
                _ => match item_command(&lower) {
                    Some(('s', n)) => self.delete_item(q, &id, items, n),
                    Some((_, n)) => self.read_item(q, &items, n),
                    None => self.say(&format!(
                        "erreur : « {} » n’est pas compris ici ; tapez a, v ou s suivi d’un numéro (par exemple s 2), ou Entrée.",
                        text.trim()
                    )),
                },
            }
        }
    }

    fn items(&self, id: &str) -> Vec<toml::Table> {
        self.answers
            .get(id)
            .and_then(|v| {
                v.as_array()
                    .map(|a| a.iter().filter_map(|i| i.as_table().cloned()).collect())
            })
            .unwrap_or_default()
    }

    /// Asks each field of a new item; `Some` when a command leaves the list
    /// (the unfinished item is then read back, not saved).
    fn add_item(
        &mut self,
        si: usize,
        q: &Question,
        id: &str,
        mut items: Vec<toml::Table>,
    ) -> Option<Step> {
        self.say(&format!(
            "Nouvel élément n° {} de « {} ». « < » abandonne cet élément.",
            items.len() + 1,
            q.label
        ));
        let mut table = toml::Table::new();
        for (k, field) in q.fields.iter().enumerate() {
            let position = format!("Champ {} sur {}", k + 1, q.fields.len());
            for line in ask::header(&position, field, None, None) {
                self.say(&line);
            }
            loop {
                let line = if field.kind == Kind::Long {
                    self.prompt.ask_long("Réponse :\n")
                } else {
                    self.prompt.ask("Réponse : ")
                };
                let text = match line {
                    Line::Eof => return Some(self.keep_partial(q, id, items, table)),
                    Line::Command(Command::Back) => {
                        self.abandon(q, &table, Step::Next);
                        return None;
                    }
                    Line::Command(Command::Skip) | Line::Command(Command::Clear) => String::new(),
                    Line::Command(c) => match self.command(c, Some(si), Some(field)) {
                        Some(step) => return Some(self.abandon(q, &table, step)),
                        None => {
                            self.say(&format!(
                                "Retour au champ : {}. Pendant l’ajout d’un élément, « < » l’abandonne.",
                                field.label
                            ));
                            continue;
                        }
                    },
                    Line::Text(text) => text,
                };
                match ask::interpret(field, &text) {
                    Ok(None) if field.required => self.say(
                        "Ce champ est obligatoire pour cet élément : tapez une valeur, ou « < » pour abandonner l’élément.",
                    ),
                    Ok(None) => break,
                    Ok(Some(value)) => {
                        table.insert(field.id.clone(), value);
                        self.note_partial(id, &items, &table);
                        break;
                    }
                    Err(message) => self.say(&message),
                }
                if self.prompt.at_eof() {
                    return Some(self.keep_partial(q, id, items, table));
                }
            }
        }
        let text = list_item::summary(q, &table);
        let problems = list_item::add(q, &mut items, table);
        let n = items.len();
        self.store(id, Some(list_value(items)));
        self.say(&format!("Élément {n} ajouté : {text}."));
        for p in problems {
            self.say(&format!(
                "erreur : {} ; corrigez-le avec « s {n} » puis « a ».",
                p.message
            ));
        }
        None
    }

    /// End of input (Ctrl+D) in the middle of an item: as promised, the
    /// valid fields typed so far are saved, as an item to complete later.
    fn keep_partial(
        &mut self,
        q: &Question,
        id: &str,
        mut items: Vec<toml::Table>,
        table: toml::Table,
    ) -> Step {
        if table.is_empty() {
            self.say("Élément vide : rien à enregistrer.");
            return Step::Quit;
        }
        let text = list_item::summary(q, &table);
        // Its missing fields are reported by validation, as for any item.
        let _ = list_item::add(q, &mut items, table);
        let n = items.len();
        self.store(id, Some(list_value(items)));
        self.say(&format!(
            "Élément {n} enregistré tel quel, à compléter : {text}."
        ));
        Step::Quit
    }

    /// Keeps the fields of the item being added in the recovery file, so
    /// that a signal or a crash does not lose them (a signal's handler saves
    /// them, the next start offers them otherwise).
    fn note_partial(&self, id: &str, items: &[toml::Table], table: &toml::Table) {
        if self.read_only.is_some() {
            return;
        }
        let mut all = items.to_vec();
        all.push(table.clone());
        super::signals::note(&self.path, id, list_value(all));
    }

    /// Says that the item being added is dropped, reading back what was typed.
    fn abandon(&mut self, q: &Question, table: &toml::Table, step: Step) -> Step {
        if self.read_only.is_none() {
            let _writing = super::signals::hold();
            let _ = fiche::recovery::Recovery::remove(&self.path);
        }
        if table.is_empty() {
            self.say("Élément abandonné.");
        } else {
            let typed = list_item::describe(q, table);
            self.say(&format!(
                "Élément abandonné, non enregistré. Vous aviez tapé : {typed}"
            ));
        }
        step
    }

    /// `v N`: every field of item N.
    fn read_item(&mut self, q: &Question, items: &[toml::Table], n: usize) {
        if !self.exists(items, n) {
            return;
        }
        self.say(&format!(
            "Élément {n} : {}.",
            list_item::describe(q, &items[n - 1])
        ));
    }

    fn exists(&mut self, items: &[toml::Table], n: usize) -> bool {
        if n == 0 || n > items.len() {
            let range = match items.len() {
                0 => "la liste est vide".to_string(),
                len => format!("les numéros vont de 1 à {len}"),
            };
            self.say(&format!(
                "erreur : il n’y a pas d’élément n° {n} ; {range}."
            ));
            return false;
        }
        true
    }

    fn delete_item(&mut self, q: &Question, id: &str, mut items: Vec<toml::Table>, n: usize) {
        if !self.exists(&items, n) {
            return;
        }
        let text = list_item::summary(q, &items[n - 1]).name();
        if !self
            .prompt
            .confirm(&format!("Supprimer l’élément {n} : {text} ?"), false)
        {
            self.say("Rien n’est supprimé.");
            return;
        }
        items.remove(n - 1);
        let value = (!items.is_empty()).then(|| list_value(items));
        self.store(id, value);
        self.say(&format!("Élément {n} supprimé."));
    }
}

/// `s 2`, `s2`, `supprimer 2` → `('s', 2)`; `v 2`, `voir 2` → `('v', 2)`.
fn item_command(text: &str) -> Option<(char, usize)> {
    for (word, letter) in [("supprimer", 's'), ("voir", 'v'), ("s", 's'), ("v", 'v')] {
        if let Some(rest) = text.strip_prefix(word)
            && let Ok(n) = rest.trim().parse()
        {
            return Some((letter, n));
        }
    }
    None
}

/// The answer of a list question.
fn list_value(items: Vec<toml::Table>) -> toml::Value {
    toml::Value::Array(items.into_iter().map(toml::Value::Table).collect())
}
