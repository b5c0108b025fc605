#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a file with translatable strings is missing from po/POTFILES.in."""

import os
import re
import sys

top = sys.argv[1]
MARKERS = {
    ".c": re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"'),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"."),
    ".xml": re.compile(r"<summary>|<description>"),
}

with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as f:
    listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]

problems = []
if listed != sorted(listed):
    problems.append("po/POTFILES.in is not sorted")
for path in listed:
    if not os.path.exists(os.path.join(top, path)):
        problems.append(f"po/POTFILES.in lists {path}, which does not exist")

for root in ("src", "data"):
    for dirpath, dirnames, filenames in os.walk(os.path.join(top, root)):
        for name in sorted(filenames):
            path = os.path.relpath(os.path.join(dirpath, name), top)
            ext = ".in" if name.endswith((".desktop.in", ".metainfo.xml.in")) else os.path.splitext(name)[1]
            if ext == ".xml" and not name.endswith(".gschema.xml"):
                continue
            if ext == ".h":
                ext = ".c"
            marker = MARKERS.get(ext)
            if marker is None:
                continue
            with open(os.path.join(top, path), encoding="utf-8") as f:
                text = f.read()
            if marker.search(text) and path not in listed:
                problems.append(f"{path} has translatable strings but is not in po/POTFILES.in")

print("1..1")
if problems:
    for p in problems:
        print("# " + p)
    print("not ok 1 - po/POTFILES.in is complete")
    sys.exit(1)
print("ok 1 - po/POTFILES.in is complete")
