#!/usr/bin/env bash
# Whole-process medians and peak RSS of the release binary, as ratios of
# `fiche --version` (see BENCHMARKS.md). Builds with the bench profile
# (optimised like a release). Options:
#   FICHE_BIN=/path/to/fiche  measure that binary instead (e.g. an older build)
#   ROUNDS=40                 runs per fast command (slow ones run 1 in 4)
# On a shared machine, `nice -n 19 benches/whole-process.sh` keeps the build
# polite, the measurements are ratios taken in one interleaved run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --bench whole_process "$@"
