//! Whole-process figures, as a user feels them: wall-clock medians of the
//! `fiche` binary for each command, as ratios of `fiche --version` measured
//! in the same run (commands are interleaved, so machine load affects them
//! alike), and each command's peak resident memory.
//!
//! Run with `benches/whole-process.sh`, which builds the release binary and
//! points `FICHE_BIN` at it (`cargo bench --bench whole_process` alone
//! measures the binary of the bench profile); `FICHE_BIN=/path/to/fiche`
//! measures another build, `ROUNDS=n` changes the number of runs.
//! `FICHE_BIN_BEFORE=/path/to/older/fiche` measures that build too, in the
//! same rounds (each round runs every command of both builds, in an order
//! that alternates), so that a before/after comparison does not depend on
//! how busy the machine was during each of two runs.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXAMPLES: [&str; 4] = [
    "assistant-srdt.toml",
    "tri-courriels-prefecture.toml",
    "brouillon-incomplet.toml",
    "candidature-faible.toml",
];

#[derive(Clone)]
struct Case {
    name: &'static str,
    args: Vec<String>,
    /// Slow cases run every `every`-th round only.
    every: usize,
    times: Vec<Duration>,
    peak_kib: i64,
}

fn main() {
    let bin = std::env::var_os("FICHE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_fiche")));
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let one = examples.join("assistant-srdt.toml").display().to_string();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut thousand = Vec::new();
    for i in 0..1_000 {
        let path = dir.path().join(format!("candidature-{i:04}.toml"));
        std::fs::copy(examples.join(EXAMPLES[i % EXAMPLES.len()]), &path).unwrap();
        thousand.push(path.display().to_string());
    }
    let pdf = dir.path().join("fiche.pdf").display().to_string();
    let strings = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cases = vec![
        case("fiche --version", strings(&["--version"]), 1),
        case("fiche check one.toml", strings(&["check", &one]), 1),
        case(
            "fiche render one.toml --format md",
            strings(&["render", &one, "--format", "md", "-o", "-"]),
            1,
        ),
        case(
            "fiche render one.toml --format pdf",
            strings(&["render", &one, "--format", "pdf", "-o", &pdf]),
            4,
        ),
        case(
            "fiche check (1 000 fichiers)",
            [vec!["check".to_string()], thousand].concat(),
            4,
        ),
    ];
    let mut builds: Vec<(PathBuf, Vec<Case>)> = std::env::var_os("FICHE_BIN_BEFORE")
        .map(|before| (PathBuf::from(before), cases.clone()))
        .into_iter()
        .chain([(bin, cases)])
        .collect();
    // One untimed round: page cache, lazy font loading on disk.
    for (bin, cases) in &builds {
        for c in cases {
            run(bin, &c.args);
        }
    }
    for round in 0..rounds {
        if round % 2 == 1 {
            builds.reverse();
        }
        // The fast commands of both builds first, then the slow ones (the
        // PDF, the 1 000 files), whose traces in the caches slow down
        // whatever runs next: the next round's first build, which
        // alternates. Run in the same pass, the slow commands of one build
        // always preceded the other's fast ones (the slow rounds are all
        // even), which made the second build 4 % slower than a copy of itself.
        for slow in [false, true] {
            for (bin, cases) in &mut builds {
                for c in cases.iter_mut() {
                    if (c.every > 1) == slow && round % c.every == 0 {
                        let (elapsed, peak) = run(bin, &c.args);
                        c.times.push(elapsed);
                        c.peak_kib = c.peak_kib.max(peak);
                    }
                }
            }
        }
        if round % 2 == 1 {
            builds.reverse();
        }
    }
    for (bin, cases) in &mut builds {
        report(bin, cases);
    }
}

/// One build's table: medians, ratios to its own `--version`, peak RSS.
fn report(bin: &Path, cases: &mut [Case]) {
    let base = median(&mut cases[0].times.clone());
    println!("binaire : {}", bin.display());
    println!(
        "{:<38} {:>7} {:>12} {:>10} {:>10}",
        "commande", "mesures", "médiane (ms)", "× version", "RSS max"
    );
    for c in cases {
        let m = median(&mut c.times);
        println!(
            "{:<38} {:>7} {:>12.2} {:>10.2} {:>7.1} Mo",
            c.name,
            c.times.len(),
            m.as_secs_f64() * 1e3,
            m.as_secs_f64() / base.as_secs_f64(),
            c.peak_kib as f64 / 1024.0
        );
    }
}

fn case(name: &'static str, args: Vec<String>, every: usize) -> Case {
    Case {
        name,
        args,
        every,
        times: Vec::new(),
        peak_kib: 0,
    }
}

/// Runs the binary once, output discarded: wall time and peak RSS (KiB).
fn run(bin: &Path, args: &[String]) -> (Duration, i64) {
    let start = Instant::now();
    let child = Command::new(bin)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the fiche binary starts");
    let peak = wait_peak_rss(child);
    (start.elapsed(), peak)
}

#[cfg(unix)]
fn wait_peak_rss(child: std::process::Child) -> i64 {
    let mut status = 0;
    // SAFETY: `rusage` is plain data filled by the kernel; the pid is our
    // child's, waited for exactly once here.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        usage.ru_maxrss
    }
}

#[cfg(not(unix))]
fn wait_peak_rss(mut child: std::process::Child) -> i64 {
    child.wait().expect("the fiche binary ends");
    0
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}
