#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: fuzz/run.sh SECONDS [BUILDDIR] [LIBFUZZER-OPTION…]
#
# Builds the fuzz targets (fuzz/build.sh, default BUILDDIR _build-fuzz) and
# runs each for SECONDS, starting from a copy of its seed corpus (made from
# the test data by fuzz/seeds.py) in a temporary directory.  Fails if any
# target crashes, leaks, hits undefined behaviour or a failed check; the
# input that did it is kept in BUILDDIR/fuzz/artifacts/, each target's
# output in BUILDDIR/fuzz/logs/.  Extra arguments go to every target, such
# as -runs=10000000 (with SECONDS 0, no time limit).  FUZZ_TARGETS="pack
# mask" runs only those.  With FUZZ_CORPUS=DIR, each target's corpus is
# kept in DIR/TARGET (seeded the same way) and grows from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: fuzz/run.sh SECONDS [BUILDDIR] [LIBFUZZER-OPTION…]" >&2
  exit 2
fi
seconds=$1
builddir=${2:-_build-fuzz}
shift $(( $# >= 2 ? 2 : 1 ))

fuzz/build.sh "$builddir"

export G_SLICE=always-malloc
# Short allocation stacks and a smaller quarantine make the targets about
# twice as fast; for the full report, run the target on the saved input
# (_build-fuzz/fuzz/fuzz-TARGET FILE) without them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:malloc_context_size=2:quarantine_size_mb=16}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Packs are translated into Japanese with the build's catalogues.
export SIH_LOCALEDIR=$PWD/$builddir/po

artifacts=$PWD/$builddir/fuzz/artifacts
logs=$PWD/$builddir/fuzz/logs
mkdir -p "$artifacts" "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/sih-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT

failed=()
for target in ${FUZZ_TARGETS:-$(fuzz/targets.sh)}; do
  corpus=${FUZZ_CORPUS:-$work}/$target
  fuzz/seeds.py "$target" "$corpus" >/dev/null
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$artifacts/$target-")
  if [ -f "fuzz/$target.dict" ]; then
    options+=(-dict="fuzz/$target.dict")
  fi
  echo "== fuzz-$target for ${seconds}s $* ($(ls "$corpus" | wc -l) inputs to start from)"
  if "$builddir/fuzz/fuzz-$target" "${options[@]}" "$@" "$corpus" >"$logs/$target.log" 2>&1; then
    grep -E '^(stat::|#[0-9]+ *DONE)' "$logs/$target.log" || true
  else
    tail -n 80 "$logs/$target.log"
    echo "fuzz-$target FAILED; the input is in $artifacts/" >&2
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz/run.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz/run.sh: no crashes"
