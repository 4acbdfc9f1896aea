//! The layout-free reader says what `Answers::parse` says: same values in the
//! same order, same sections, same positions, same errors; on the examples,
//! the bad-input corpus, hand-written corner cases and generated files.

use std::path::Path;

use super::super::store::Tree;
use super::super::{Answers, ReadOnly};

/// Compares both readers on `text`; true when the layout-free reader took it
/// (false: it handed it to `Answers::parse`).
fn same(text: &str, what: &str) -> bool {
    let slow = Answers::parse(text, "f.toml");
    let fast = ReadOnly::parse(text, "f.toml");
    match (&slow, &fast) {
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{what}: same error");
            return false;
        }
        (Ok(_), Ok(_)) => {}
        _ => panic!(
            "{what}: one reader accepts, the other refuses: {:?} / {:?}\n{text}",
            slow.as_ref().err(),
            fast.as_ref().err()
        ),
    }
    let (slow, fast) = (slow.unwrap(), fast.unwrap());
    assert_eq!(
        canon(&toml::Value::Table(slow.to_table())),
        canon(&toml::Value::Table(fast.to_table())),
        "{what}: same values in the same order\n{text}"
    );
    assert_eq!(slow.section_ids(), fast.section_ids(), "{what}");
    assert_eq!(
        format!("{:?}", slow.context()),
        format!("{:?}", fast.context()),
        "{what}: same condition context"
    );
    assert_eq!(slow.origins(), fast.origins(), "{what}");
    let Tree::Values(values) = &fast.tree else {
        return false;
    };
    let Tree::Edit(edit) = &slow.tree else {
        unreachable!("Answers::parse keeps the layout")
    };
    let positions = values.all_positions();
    assert_eq!(positions, edit.positions, "{what}: same positions\n{text}");
    for id in edit.positions.keys() {
        assert_eq!(slow.position(id), fast.position(id), "{what}: {id}");
        // Ids that are not in the file are not found either.
        for other in [
            format!("{id}[1]"),
            format!("{id}.x"),
            format!("{id}]"),
            id.replace('[', "[0"),
            id.replace("[1]", "[0]"),
            id.replace("[1]", "[9]"),
            id.replace(']', "]]"),
        ] {
            assert_eq!(
                slow.position(&other),
                fast.position(&other),
                "{what}: {other}"
            );
        }
    }
    for other in ["", ".", "..", "[1]", "x[1].y", "meta.form[", "a.b.c.d"] {
        assert_eq!(
            slow.position(other),
            fast.position(other),
            "{what}: {other}"
        );
    }
    for (section, item) in &fast.to_table() {
        for question in item.as_table().into_iter().flat_map(|t| t.keys()) {
            assert_eq!(
                slow.get_in(section, question).as_ref().map(canon),
                fast.get_in(section, question).as_ref().map(canon),
                "{what}: {section}.{question}"
            );
        }
    }
    true
}

/// A value written out in full: key order kept, floats by their bits
/// (NaN equals itself, -0.0 differs from 0.0).
pub(super) fn canon(value: &toml::Value) -> String {
    match value {
        toml::Value::Float(f) => format!("float:{:x}", f.to_bits()),
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(canon).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(t) => {
            let entries: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{k:?}: {}", canon(v)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
        other => format!("{other:?}"),
    }
}

pub(super) fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out
}

#[test]
fn the_examples_and_the_bad_input_corpus_read_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut layout_free = 0;
    for dir in ["examples", "tests/bad_input", "tests/fixtures", "templates"] {
        for path in files(&root.join(dir)) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            if same(text, &path.display().to_string()) {
                layout_free += 1;
            }
        }
    }
    // Not a vacuous comparison: most files went through the layout-free reader.
    assert!(
        layout_free >= 20,
        "only {layout_free} files read without layout"
    );
}

#[test]
fn the_examples_are_read_without_layout() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for path in files(&root) {
        let answers = ReadOnly::load(&path).unwrap();
        assert!(
            matches!(answers.tree, Tree::Values(_)),
            "{}",
            path.display()
        );
    }
}

/// Corner cases of the format the layout-free reader takes.
const PLAIN: &[&str] = &[
    "",
    "# rien\n",
    "[meta]\nform = \"fiche-action\"\nform_version = 1\n[identite]\nnom_produit = \"A\"\n",
    "[identite]\r\nnom_produit = \"A\"\r\nslogan = \"\"\"\r\nligne 1\r\nligne 2\r\n\"\"\"\r\n",
    "[identite]\nslogan = \"a\\r\\nb\"\n",
    "[identite]\nslogan = '''\r\nbrut\r\n'''\n",
    "[identite]\n\"nom produit\" = 1\n'x.y' = 2\n",
    "identite.nom_produit = \"A\"\nidentite.slogan = \"B\"\n",
    "[identite]\na.b = 1\na.c = 2\n",
    "[identite]\nx = { a = 1, b = [1, 2] }\ny = [{ a = 1 }, { b = 2 }]\n",
    "identite = { nom_produit = \"A\" }\n",
    "identite = \"x\"\n",
    "[[identite]]\nnom_produit = \"A\"\n",
    "[donnees]\n[[donnees.sources]]\nnom = \"A\"\n\n# deuxième\n  [[donnees.sources]]\nnature = \"documents\"\n[[donnees.sources]]\n",
    "[[donnees.sources]]\nnom = \"A\"\n[[donnees.sources.details]]\nx = 1\n[[donnees.sources.details]]\ny = 2\n[donnees.sources.sub]\nz = 3\n",
    "[donnees]\nsources = [[1, 2], [3]]\n",
    "[a.b]\nx = 1\n[a.c]\ny = 2\n",
    "[a]\nx = 1\n[a.b]\ny = 2\n",
    "[meta]\nform = \"fiche-action\"\n[meta.origine]\n\"identite.administration\" = \"profil\"\n\"identite.direction\" = \"./profil\"\n",
    "[identite]\nn = 0x1F\no = 0o17\nb = 0b101\nf = 1e3\ng = inf\nh = -nan\nd = 2026-11-29\nt = 2026-11-29T10:00:00+01:00\nl = 10:00:00\n",
    "\u{feff}[identite]\nnom_produit = \"A\"\n",
    "[identite] # commentaire\nnom_produit = \"A\" # autre\n",
    "[ identite ]\n  nom_produit   =   \"A\"\n",
    "[\"identite\"]\nnom_produit = \"A\"\n",
    "[identite]\n\"\" = 1\n",
    "[s]\n\"q[1].f\" = 1\n[[s.q]]\nf = 2\n",
    "[s]\n\"q.x\" = 1\nq = { x = 2 }\n",
];

/// Corner cases it hands to `Answers::parse`: reopened tables, numbers out
/// of range, and every syntax error.
const SLOW: &[&str] = &[
    "[a.b]\nx = 1\n[a]\ny = 2\n",
    "[s]\n[s.x.y]\nz = 1\n[s.x]\nw = 2\n",
    "[[s.l]]\n[s.l.x.y]\na = 1\n[s.l.x]\nb = 2\n",
    "[identite]\nn = 99999999999999999999\n",
    "[identite]\nf = 1e999\n",
    "[identite]\nnom_produit = \"A\"\nnom_produit = \"B\"\n",
    "[identite]\n[identite]\n",
    "a.b = 1\n[a]\nc = 2\n",
    "[a]\nb = 1\n[a.b]\nc = 2\n",
    "[[a]]\n[a]\n",
    "a = [1]\n[[a]]\n",
    "x = { a = 1 }\nx.b = 2\n",
    "[identite]\nnom_produit = \"A\n",
    "[identite\nnom_produit = \"A\"\n",
    "= 1\n",
    "a = 1 2\n",
    "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    "a = 1\r2\n",
    "a = \"\u{0}\"\n",
];

#[test]
fn corner_cases_read_the_same() {
    for (i, text) in PLAIN.iter().enumerate() {
        assert!(same(text, &format!("plain case {i}")), "plain case {i}");
    }
    for (i, text) in SLOW.iter().enumerate() {
        assert!(!same(text, &format!("slow case {i}")), "slow case {i}");
    }
}

#[test]
fn an_over_long_answer_is_refused_at_the_same_place() {
    let long = "é".repeat(crate::limits::MAX_ANSWER_CHARS + 1);
    let text = format!("[identite]\nnom_produit = \"A\"\nslogan = \"{long}\"\n");
    assert!(!same(&text, "long"));
    let inline = format!("[identite]\nx = [{{ a = \"{long}\" }}]\n");
    assert!(!same(&inline, "long inline"));
}

/// A file of many sections, or a section of many keys (a hostile or broken
/// file: each unknown one gets a warning with its line), is read the same,
/// its positions from the map built once: walking the keys for each id made
/// checking a hundred thousand misspelt sections take minutes.
#[test]
fn a_table_of_many_keys_finds_positions_in_a_map() {
    let many = |n: usize, line: &dyn Fn(usize) -> String| (0..n).map(line).collect::<String>();
    let sections = format!(
        "[meta]\nform_version = 1\n{}",
        many(200, &|i| format!("[s{i}]\nk = {i}\n"))
    );
    let keys = format!("[identite]\n{}", many(200, &|i| format!("k{i} = {i}\n")));
    let few = format!(
        "[identite]\n{}",
        many(super::WALKED_KEYS, &|i| format!("k{i} = {i}\n"))
    );
    for (text, walked) in [(&sections, false), (&keys, false), (&few, true)] {
        assert!(same(text, "many keys"));
        let read = super::read(text.clone()).unwrap();
        assert_eq!(read.simple, walked);
    }
}

/// Files made of random lines of the pieces below, with LF or CRLF line
/// endings: both readers accept and refuse the same, and say the same.
#[test]
fn generated_files_read_the_same() {
    const PIECES: &[&str] = &[
        "[meta]",
        "form = \"fiche-action\"",
        "form_version = 1",
        "[identite]",
        "[identite.sub]",
        "[donnees]",
        "[[donnees.sources]]",
        "  [[donnees.sources]]",
        "[[donnees.sources.details]]",
        "[donnees.sources.autre]",
        "[a.b.c]",
        "[a.b]",
        "[a]",
        "nom = \"A\"",
        "nature = 'documents'",
        "x.y = 1",
        "x.z = 2",
        "\"quoted key\" = true",
        "liste = [1, 2, \"trois\"]",
        "inline = { a = 1, b = { c = 2 } }",
        "items = [{ nom = \"A\" }, { nom = \"B\" }]",
        "texte = \"\"\"\nsur\nplusieurs lignes\"\"\"",
        "brut = '''\nligne\n'''",
        "date = 2026-11-29",
        "n = 12_000",
        "f = 1.5",
        "# commentaire",
        "",
        "nom = \"encore\"",
        "q = 3",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let (mut layout_free, mut refused) = (0, 0);
    for case in 0..3000 {
        let lines = 1 + next(14);
        let eol = if next(4) == 0 { "\r\n" } else { "\n" };
        let text: String = (0..lines)
            .map(|_| PIECES[next(PIECES.len())].replace('\n', eol) + eol)
            .collect();
        if same(&text, &format!("generated {case}")) {
            layout_free += 1;
        } else if Answers::parse(&text, "f").is_err() {
            refused += 1;
        }
    }
    assert!(
        layout_free > 500 && refused > 500,
        "{layout_free} read without layout, {refused} refused"
    );
}
