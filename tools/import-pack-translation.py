#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fill a .po file from a translated copy of a content pack.

Writers sometimes find it easier to translate the pack as a whole document,
side by side with the English one.  This reads the English pack and its
translated twin (same structure and ids), pairs their strings with the
contexts the loader uses, and merges them into the .po file: existing
translations there win unless --overwrite is given.

  import-pack-translation.py EN.json XX.json po/XX.po
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
extract = __import__("extract-pack-strings")


def po_string(text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + escaped + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--overwrite", action="store_true")
    parser.add_argument("source")
    parser.add_argument("translated")
    parser.add_argument("po")
    args = parser.parse_args()

    with open(args.source, encoding="utf-8") as f:
        source = json.load(f)
    with open(args.translated, encoding="utf-8") as f:
        translated = json.load(f)

    src = list(extract.walk(source))
    dst = list(extract.walk(translated))
    if [c for c, _, _ in src] != [c for c, _, _ in dst]:
        for (a, _, _), (b, _, _) in zip(src, dst):
            if a != b:
                print(f"structure differs: {a} vs {b}", file=sys.stderr)
                break
        else:
            print("structure differs in length", file=sys.stderr)
        return 1

    seen = set()
    with tempfile.NamedTemporaryFile("w", suffix=".po", delete=False, encoding="utf-8") as tmp:
        tmp.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for (context, english, _), (_, other, _) in zip(src, dst):
            if (context, english) in seen:
                continue
            seen.add((context, english))
            tmp.write(f"msgctxt {po_string(context)}\nmsgid {po_string(english)}\nmsgstr {po_string(other)}\n\n")
        name = tmp.name

    try:
        order = [name, args.po] if args.overwrite else [args.po, name]
        subprocess.run(["msgcat", "--use-first", "--no-wrap", "-o", args.po] + order, check=True)
    finally:
        os.unlink(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
