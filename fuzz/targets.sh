#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The fuzz targets, one a line, for build.sh and run.sh (fuzz/meson.build
# has the same list).
echo pack
echo case-file
echo os-release
echo mask
echo search
echo case-index
echo lexicon
