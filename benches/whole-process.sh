#!/usr/bin/env bash
# Whole-process medians and peak RSS of the release binary, as ratios of
# `fiche --version` (see BENCHMARKS.md). Options:
#   FICHE_BIN=/path/to/fiche  measure that binary (e.g. an older build); by
#                             default the release build, built first
#   FICHE_BIN_BEFORE=/path/to/older/fiche
#                             measure that build too, in the same rounds
#                             (before/after compared under the same load)
#   ROUNDS=40                 runs per fast command (slow ones run 1 in 4)
# The harness itself only starts processes and times them: it is built with
# the dev profile, so no second optimised build of the dependencies is made
# for it. On a shared machine, `nice -n 19 benches/whole-process.sh` keeps
# the build polite; the measurements are ratios taken in one interleaved run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${FICHE_BIN:-}" ]; then
  cargo build --release --bin fiche
  target="${CARGO_TARGET_DIR:-target}"
  FICHE_BIN="$(cd "$target/release" && pwd)/fiche"
  export FICHE_BIN
fi
exec cargo bench --profile dev --bench whole_process "$@"
