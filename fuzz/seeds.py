#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the seed corpus of one fuzz target into a directory.

Usage: fuzz/seeds.py TARGET OUTDIR

The seeds come from the test data, so that they follow it: packs and cases
(good and bad) from tests/data, case indexes, os-release files, the inputs of the tables
in tests/test-mask.c, the queries of tests/test-search.c with the
bundled pack's error messages and the phrases of tests/data/search, and the
search lexicon.
"""

import hashlib
import json
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files_under(*parts):
    top = os.path.join(root, *parts)
    for dirpath, _, names in os.walk(top):
        for name in sorted(names):
            path = os.path.join(dirpath, name)
            if os.path.isfile(path) and not os.path.islink(path):
                yield path


def read(path):
    with open(path, "rb") as f:
        return f.read()


C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "'": "'", "0": "\0"}


def c_string(literal):
    out = bytearray()
    i = 0
    raw = literal.encode("utf-8")
    while i < len(raw):
        ch = raw[i:i + 1]
        if ch == b"\\" and i + 1 < len(raw):
            nxt = chr(raw[i + 1])
            if nxt == "x":
                m = re.match(rb"[0-9A-Fa-f]{1,2}", raw[i + 2:])
                out.append(int(m.group(0), 16))
                i += 2 + len(m.group(0))
                continue
            if nxt in "1234567":
                m = re.match(rb"[0-7]{1,3}", raw[i + 1:])
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
                continue
            out += C_ESCAPES.get(nxt, nxt).encode("utf-8")
            i += 2
            continue
        out += ch
        i += 1
    return bytes(out)


def table_inputs(source):
    """The first string of every { "…", … } row of the static tables."""
    text = read(os.path.join(root, source)).decode("utf-8")
    for table in re.finditer(r"static const \w+ \w+\[\] = \{(.*?)\n\};", text, re.S):
        for row in re.finditer(r'^\s*\{\s*"((?:[^"\\]|\\.)*)"', table.group(1), re.M):
            yield c_string(row.group(1))


def seeds(target):
    if target == "pack":
        for path in files_under("tests", "data", "packs"):
            if path.endswith(".json"):
                yield read(path)
    elif target == "case-file":
        for path in files_under("tests", "data", "cases"):
            if path.endswith(".json"):
                yield read(path)
    elif target == "case-index":
        for path in files_under("tests", "data", "case-index"):
            yield read(path)
    elif target == "os-release":
        for path in files_under("tests", "data", "os-release"):
            yield read(path)
    elif target == "mask":
        yield from table_inputs(os.path.join("tests", "test-mask.c"))
    elif target == "search":
        # fuzz-search takes the number of results from the first byte.
        for query in table_inputs(os.path.join("tests", "test-search.c")):
            yield b"\x03" + query
        with open(os.path.join(root, "data", "content", "amazon-signin.json"), encoding="utf-8") as f:
            pack = json.load(f)
        for cause in pack["causes"]:
            for message in cause.get("error_messages", []):
                yield b"\x00" + message["text"].encode("utf-8")
        # And the phrases callers type (tests/data/search/*.tsv).
        for path in files_under("tests", "data", "search"):
            if path.endswith(".tsv"):
                for line in read(path).splitlines():
                    fields = line.split(b"\t")
                    if not line.startswith(b"#") and len(fields) == 3:
                        yield b"\x03" + fields[2]
    elif target == "lexicon":
        # The bundled lexicon, and each of its languages alone.
        text = read(os.path.join(root, "data", "search", "lexicon.json"))
        yield text
        lexicon = json.loads(text)
        for code, language in lexicon["languages"].items():
            yield json.dumps({"format": 1, "languages": {code: language}},
                             ensure_ascii=False).encode("utf-8")
    else:
        raise SystemExit(f"unknown fuzz target {target!r}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    target, outdir = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for data in seeds(target):
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        n += 1
    if n == 0:
        raise SystemExit(f"no seeds for {target}")
    print(f"{target}: {n} seeds")


if __name__ == "__main__":
    main()
