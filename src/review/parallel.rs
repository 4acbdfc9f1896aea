//! Checking many files on every core, results handed back in file order as
//! soon as they are ready, so a long table starts printing at once and reads
//! the same on every run.

use std::collections::BTreeMap;
use std::sync::mpsc;

use rayon::prelude::*;

use super::discover::Input;
use super::row::{Checked, summarize};
use crate::form::Form;

/// Summarizes `inputs` in parallel and calls `each` once per input, in the
/// order of `inputs`, on the calling thread.
pub fn summarize_all(form: &Form, inputs: &[Input], mut each: impl FnMut(&Input, Checked)) {
    let (sender, receiver) = mpsc::channel::<(usize, Checked)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            inputs
                .par_iter()
                .enumerate()
                .for_each_with(sender, |sender, (i, input)| {
                    // The receiver only goes away if the caller panicked.
                    let _ = sender.send((i, summarize(form, input)));
                });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, checked) in receiver {
            waiting.insert(i, checked);
            while let Some(checked) = waiting.remove(&next) {
                each(&inputs[next], checked);
                next += 1;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order() {
        let form = crate::form::builtin();
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let names = [
            "tri-courriels-prefecture.toml",
            "assistant-srdt.toml",
            "brouillon-incomplet.toml",
            "candidature-faible.toml",
        ];
        let inputs: Vec<Input> = names
            .iter()
            .cycle()
            .take(12)
            .map(|n| Input {
                path: examples.join(n),
                named: true,
            })
            .collect();
        let mut seen = Vec::new();
        summarize_all(&form, &inputs, |input, checked| {
            let Checked::Row(row) = checked else {
                panic!("examples are applications");
            };
            assert_eq!(row.file, input.path.display().to_string());
            seen.push(input.path.clone());
        });
        let expected: Vec<_> = inputs.iter().map(|i| i.path.clone()).collect();
        assert_eq!(seen, expected);
    }
}
