//! The fast reader gives what the `toml` crate's reader gives (values, their
//! order, the recorded offsets), or hands the text over; on the
//! repository's files, on written corner cases and on generated files of
//! random texts. (`super::super::tests` also compares the whole read with
//! `Answers::parse`, the layout-keeping reader.)

use std::path::Path;

use toml::de::DeTable;

use super::super::tests::{canon, files};
use super::super::{Level, table};

/// Both readers on `text`: `Some(true)` when the fast one read it the same,
/// `Some(false)` when it handed it over; a failed assertion otherwise.
fn compare(text: &str, what: &str) -> bool {
    let mut fast_simple = true;
    let Some((values, keys)) = super::read(text, &mut fast_simple) else {
        return false;
    };
    let mut simple = true;
    let (crate_values, crate_keys) = DeTable::parse(text)
        .ok()
        .and_then(|parsed| table(text, parsed.into_inner(), Level::Root, &mut simple))
        .unwrap_or_else(|| panic!("{what}: read fast, refused by the toml crate:\n{text}"));
    assert_eq!(
        canon(&toml::Value::Table(values)),
        canon(&toml::Value::Table(crate_values)),
        "{what}: values\n{text}"
    );
    assert_eq!(
        format!("{keys:?}"),
        format!("{crate_keys:?}"),
        "{what}: offsets\n{text}"
    );
    assert_eq!(fast_simple, simple, "{what}: walked or mapped positions");
    true
}

#[test]
fn the_repositorys_files_read_the_same_and_the_examples_fast() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<_> = ["examples", "tests", "templates", "benches"]
        .iter()
        .flat_map(|dir| files(&root.join(dir)))
        .collect();
    let mut fast = 0;
    for path in &paths {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let read = compare(text, &path.display().to_string());
        fast += usize::from(read);
        if path.starts_with(root.join("examples")) {
            assert!(read, "{}: an example is read fast", path.display());
        }
    }
    assert!(fast >= 10, "only {fast} of {} files read fast", paths.len());
}

/// Written as `fiche` and people write them: read fast, and the same.
const FAST: &[&str] = &[
    "",
    "# rien\n\n",
    "[identite]",
    "[identite]\nnom_produit = \"A\"",
    "[ identite ] # commentaire é\n\tnom_produit\t=\t\"A\" # autre\n",
    "[identite]\ns = \"tab\\tquote\\\" backslash\\\\ \\u00e9\\U0001F600 \\b\\f\\n\\r\"\n",
    "[identite]\ns = \"\"\nt = ''\nu = \"\"\"\"\"\"\nv = ''''''\n",
    "[identite]\ns = \"\"\"\nune\n  deux\n\"\"\"\n",
    "[identite]\ns = \"\"\"un \"deux\" \"\"trois\"\" \"\"\"\"\"\n",
    "[identite]\ns = \"\"\"fin \\\n    suite \\   \n\n  encore\"\"\"\n",
    "[identite]\ns = '''\nbrut \\n \"x\" ''quotes'' '''''\n",
    "[identite]\ns = 'C:\\dossier\\fichier'\n",
    "[volume]\na = 0\nb = -0\nc = +12\nd = 1_000_000\ne = 9223372036854775807\nf = -9223372036854775808\n",
    "[roi]\na = 1.5\nb = -0.0\nc = 1e3\nd = 6.626e-34\ne = 1_000.000_1\nf = 5E+22\ng = 1e06\n",
    "[x]\nt = true\nf = false\n",
    "[x]\nl = []\nm = [ ]\nn = [\"a\", 'b', 1, 2.5, true, [1, [2]]]\n",
    "[x]\nl = [\n  \"a\", # un\n  # deux\n  \"b\",\n]\n",
    "[donnees]\nacces = \"ouvert\"\n[[donnees.sources]]\nnom = \"A\"\n\n  [[ donnees.sources ]]\nnom = \"B\"\n[[donnees.sources]]\n[tco]\n[[donnees.sources]]\nnom = \"D\"\n",
    "[a]\n[b]\n[[a.l]]\nx = 1\n[[b.l]]\nx = 2\n[[a.m]]\n",
    "[s]\nk-e_y9 = 1\n",
];

/// Handed over: what the fast reader does not take, valid or not.
const HANDED_OVER: &[&str] = &[
    "[identite]\r\nnom_produit = \"A\"\r\n",
    "nom = 1\n",
    "[identite]\n\"nom\" = 1\n",
    "[identite]\na.b = 1\n",
    "[a.b]\nx = 1\n",
    "[\"a\"]\nx = 1\n",
    "[[a]]\nx = 1\n",
    "[[a.b.c]]\nx = 1\n",
    "[[a.b]]\nx = 1\n",
    "[ [a.b] ]\n",
    "[a]\n[[a.b] ]\n",
    "[a]\nx = { y = 1 }\n",
    "[a]\nx = [{ y = 1 }]\n",
    "[a]\nd = 2026-11-29\n",
    "[a]\nt = 10:00:00\n",
    "[a]\nh = 0x1F\n",
    "[a]\ni = inf\n",
    "[a]\nn = nan\n",
    "[a]\nn = 01\n",
    "[a]\nn = 1__0\n",
    "[a]\nn = _1\n",
    "[a]\nn = 1_\n",
    "[a]\nn = .5\n",
    "[a]\nn = 5.\n",
    "[a]\nn = 1e\n",
    "[a]\nn = 99999999999999999999\n",
    "[a]\nf = 1e999\n",
    "[a]\ns = \"\\e\"\n",
    "[a]\ns = \"\\x41\"\n",
    "[a]\ns = \"\\uD800\"\n",
    "[a]\ns = \"\\u12\"\n",
    "[a]\ns = \"a\nb\"\n",
    "[a]\ns = \"tab\u{1}\"\n",
    "[a]\ns = \"\u{7f}\"\n",
    "[a]\ns = \"\"\"a \\ b\"\"\"\n",
    "[a]\ns = \"\"\"six\"\"\"\"\"\"\n",
    "[a]\ns = \"ouvert\n",
    "[a]\ns = '''ouvert\n",
    "[a]\ns = 'a\nb'\n",
    "[a]\nx = 1 2\n",
    "[a]\nx = 1\nx = 2\n",
    "[a]\n[a]\n",
    "[a]\nl = 1\n[[a.l]]\n",
    "[a]\nx = \n",
    "[a]\nx = [1 2]\n",
    "[a]\nx = [1,,2]\n",
    "[a]\nx = [\n",
    "[a] x = 1\n",
    "[a]\n# \u{1}\n",
    "\u{feff}[a]\n",
    "[a]\nx = [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]\n",
];

#[test]
fn corner_cases_read_the_same_or_are_handed_over() {
    for (i, text) in FAST.iter().enumerate() {
        assert!(
            compare(text, &format!("fast case {i}")),
            "fast case {i}: handed over\n{text}"
        );
    }
    for (i, text) in HANDED_OVER.iter().enumerate() {
        assert!(
            !compare(text, &format!("handed over {i}")),
            "case {i} read fast\n{text}"
        );
    }
}

/// Files of random texts (quotes, backslashes, line ends, tabs, accents,
/// emoji, controls), numbers and lists, written by the `toml` crate's own
/// writer and by hand in each kind of string: all read the same.
#[test]
fn generated_files_read_the_same() {
    const PIECES: &[&str] = &[
        "a", "é", "\"", "\"\"", "\"\"\"", "'", "'''", "\\", "\\n", "\n", "\t", " ", "#", "=", "[",
        "]", "{", "😀", "\u{1}", "\u{7f}", "\u{202e}", "x y", "\\u00e9",
    ];
    struct Random(u64);
    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
        fn text(&mut self) -> String {
            (0..self.below(12))
                .map(|_| PIECES[self.below(PIECES.len())])
                .collect()
        }
    }
    let mut rng = Random(0xfa57);
    let mut fast = 0;
    for case in 0..2000 {
        let mut section = toml::Table::new();
        for q in 0..1 + rng.below(4) {
            let value = match rng.below(5) {
                0 => toml::Value::Integer(rng.below(2_000_000) as i64 - 1_000_000),
                1 => toml::Value::Float(rng.below(1_000_000) as f64 / 7.0 - 1000.0),
                2 => toml::Value::Boolean(rng.below(2) == 0),
                3 => toml::Value::Array((0..rng.below(4)).map(|_| rng.text().into()).collect()),
                _ => rng.text().into(),
            };
            section.insert(format!("q{q}"), value);
        }
        let mut item = toml::Table::new();
        item.insert("champ".into(), rng.text().into());
        section.insert("liste".into(), toml::Value::Array(vec![item.into()]));
        let mut doc = toml::Table::new();
        doc.insert("s".into(), section.into());
        let written = toml::to_string(&doc).expect("a table writes");
        fast += usize::from(compare(&written, &format!("written {case}")));
        // By hand, in each kind of string, valid or not.
        let raw = rng.text();
        for text in [
            format!("[s]\nq = \"{raw}\"\n"),
            format!("[s]\nq = '{raw}'\n"),
            format!("[s]\nq = \"\"\"{raw}\"\"\"\n"),
            format!("[s]\nq = '''\n{raw}'''\n"),
            format!("[s]\nq = [\"{raw}\", '{raw}']\n"),
        ] {
            if DeTable::parse(&text).is_ok() || super::read(&text, &mut true).is_some() {
                fast += usize::from(compare(&text, &format!("by hand {case}")));
            }
        }
    }
    assert!(fast > 4000, "only {fast} generated files read fast");
}
