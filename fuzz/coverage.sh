#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: fuzz/coverage.sh CORPUS [BUILDDIR]
#
# How much of the code each fuzz target is meant for its corpus reaches:
# sets up BUILDDIR (default _build-cov) with clang's source-based coverage,
# replays CORPUS/TARGET (as kept by FUZZ_CORPUS=CORPUS fuzz/run.sh) with
# the fuzz-replay-TARGET programs, the same checks without libFuzzer, and
# prints llvm-cov's report (regions, functions, lines and branches) for
# that target's source files.  fuzz/RESULTS.md quotes it.
# Needs clang and llvm: apt-get install clang-14 llvm-14
set -eu
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: fuzz/coverage.sh CORPUS [BUILDDIR]" >&2
  exit 2
fi
corpus=$(cd "$1" && pwd)
builddir=${2:-_build-cov}

# Anything instrumented that runs, such as meson's compiler checks, writes
# its profile here, not in ".".
export LLVM_PROFILE_FILE=$PWD/$builddir/coverage/other-%p.profraw

flags="-fprofile-instr-generate -fcoverage-mapping"
if [ ! -f "$builddir/build.ninja" ]; then
  CC=${CC:-clang-14} meson setup "$builddir" -Dbuildtype=debug \
    -Dc_args="$flags" -Dc_link_args="$flags" >/dev/null
fi
meson compile -C "$builddir" $(fuzz/targets.sh | sed 's/^/fuzz-replay-/') signin-helper-gmo >/dev/null

export SIH_LOCALEDIR=$PWD/$builddir/po
export G_SLICE=always-malloc

sources_of () {
  case $1 in
    pack) echo src/core/sih-json-reader.c src/core/sih-pack.c src/core/sih-link.c ;;
    case-file) echo src/core/sih-json-reader.c src/core/sih-case-file.c ;;
    os-release) echo src/core/sih-device-info.c ;;
    mask) echo src/core/sih-mask.c ;;
    search) echo src/core/sih-search.c src/core/sih-search-index.c src/core/sih-search-analysis.c src/core/sih-text-fold.c ;;
    case-index) echo src/core/sih-case-index.c ;;
  esac
}

for target in $(fuzz/targets.sh); do
  if [ ! -d "$corpus/$target" ]; then
    echo "== fuzz-$target: no corpus in $corpus/$target"
    continue
  fi
  profiles=$builddir/coverage/$target
  rm -rf "$profiles"
  mkdir -p "$profiles"
  echo "== fuzz-$target: $(ls "$corpus/$target" | wc -l) inputs"
  LLVM_PROFILE_FILE=$profiles/%p.profraw \
    "$builddir/fuzz/fuzz-replay-$target" "$(cd "$corpus/$target" && pwd -P)" >"$profiles/replay.tap"
  llvm-profdata-14 merge -sparse "$profiles"/*.profraw -o "$profiles/merged.profdata"
  # The header and the target's own files (llvm-cov 14 lists every file).
  llvm-cov-14 report "$builddir/fuzz/fuzz-replay-$target" \
    -instr-profile="$profiles/merged.profdata" |
    grep -E "^Filename|/($(sources_of "$target" | sed 's|src/core/||g; s/\./\\./g; s/ /|/g')) " | sed "s|^${PWD#/}/||"
  # Then each function of those files that the corpus reached: the
  # target's own, without the file's other entry points it never calls.
  llvm-cov-14 export -instr-profile="$profiles/merged.profdata" \
      "$builddir/fuzz/fuzz-replay-$target" |
    python3 -c '
import json, sys
files = sys.argv[1:]
print("  reached functions: regions covered")
total = covered = 0
for f in json.load(sys.stdin)["data"][0]["functions"]:
    if f["count"] == 0 or not any(n.endswith(tuple(files)) for n in f["filenames"]):
        continue
    code = [r for r in f["regions"] if r[7] == 0]
    hit = sum(1 for r in code if r[4] > 0)
    total += len(code)
    covered += hit
    print("    %-52s %4d / %-4d" % (f["name"].split(":")[-1], hit, len(code)))
print("  in all: %d of %d regions (%.1f%%)" % (covered, total, 100.0 * covered / max(total, 1)))
' $(sources_of "$target")
done
