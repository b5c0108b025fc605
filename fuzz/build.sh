#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: fuzz/build.sh [BUILDDIR]
#
# Sets up BUILDDIR (default _build-fuzz) with clang and -Dfuzzing=true,
# and builds the libFuzzer targets and the translations they can use.
# Needs clang and libFuzzer: apt-get install clang-14 libclang-rt-14-dev
set -eu
cd "$(dirname "$0")/.."

builddir=${1:-_build-fuzz}

if [ ! -f "$builddir/build.ninja" ]; then
  cc=${CC:-}
  if [ -z "$cc" ]; then
    for candidate in clang-14 clang; do
      if command -v "$candidate" >/dev/null; then
        cc=$candidate
        break
      fi
    done
  fi
  if [ -z "$cc" ]; then
    echo "fuzz/build.sh: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 1
  fi
  CC=$cc meson setup "$builddir" -Dfuzzing=true -Dbuildtype=debugoptimized
fi

# Regenerate first, so that targets added since are known by name.
ninja -C "$builddir" build.ninja >/dev/null
meson compile -C "$builddir" $(fuzz/targets.sh | sed 's/^/fuzz-/') signin-helper-gmo
