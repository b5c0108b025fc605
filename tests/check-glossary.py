#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check every translation in a .po file against a glossary of preferred terms.

    check-glossary.py GLOSSARY.tsv LANG.po
    check-glossary.py --self-test GLOSSARY.tsv

The glossary (po/glossary-LANG.tsv) has one row per thing: the preferred
term, its discouraged variants, exceptions and a note, separated by tabs;
variants and exceptions are separated by "|", and lines starting with "#"
are comments.  An exception is a longer string in which a discouraged
variant is fine ("フォルダー" contains "フォルダ"): its occurrences are
blanked out before the variants are looked for.

Prints TAP, one test per row, and names the msgctxt and msgid of every
translation that uses a discouraged variant.  A row whose preferred term no
translation uses fails too, so that the table cannot drift away from the
catalogue unnoticed.  Only the Python standard library is used.
"""

import sys

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v"}


def unquote(literal, where):
    """The value of one PO string literal ("..." with C escapes)."""
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string, found {literal!r}")
    out = []
    body = literal[1:-1]
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_po(path):
    """The messages of a .po file: dicts with msgctxt, msgid and msgstrs.

    Obsolete messages (#~) and the header are left out."""
    messages = []
    current = {}
    field = None

    def finish():
        nonlocal current, field
        if current.get("msgid"):
            messages.append({"msgctxt": current.get("msgctxt"),
                             "msgid": current["msgid"],
                             "line": current["line"],
                             "msgstrs": [v for k, v in sorted(current.items())
                                         if k.startswith("msgstr")]})
        current = {}
        field = None

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            where = f"{path}:{number}"
            if not line:
                finish()
            elif line.startswith("#"):
                if field is not None and "msgstr" in field:
                    finish()
            elif line.startswith('"'):
                if field is None:
                    raise ValueError(f"{where}: a string with no keyword before it")
                current[field] += unquote(line, where)
            else:
                keyword, _, rest = line.partition(" ")
                if keyword == "msgctxt" and field is not None and "msgstr" in field:
                    finish()
                if keyword not in ("msgctxt", "msgid", "msgid_plural") \
                        and not keyword.startswith("msgstr"):
                    raise ValueError(f"{where}: unknown keyword {keyword!r}")
                field = keyword
                current.setdefault("line", number)
                current[field] = unquote(rest.strip(), where)
    finish()
    return messages


def read_glossary(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 4:
                raise ValueError(f"{path}:{number}: expected 4 tab-separated columns, "
                                 f"found {len(cells)}")
            preferred, discouraged, exceptions, note = cells
            variants = [v for v in discouraged.split("|") if v]
            if not preferred or not variants or not note:
                raise ValueError(f"{path}:{number}: a row needs a preferred term, "
                                 "at least one discouraged variant and a note")
            excepted = [e for e in exceptions.split("|") if e]
            for e in excepted:
                if not any(v in e for v in variants):
                    raise ValueError(f"{path}:{number}: the exception {e!r} contains "
                                     "no discouraged variant")
            for v in variants:
                if v in preferred and not any(v in e for e in excepted):
                    raise ValueError(f"{path}:{number}: {v!r} is part of the preferred term "
                                     f"{preferred!r}: list the preferred term as an exception")
            rows.append({"preferred": preferred, "variants": variants,
                         "exceptions": excepted, "note": note, "line": number})
    if not rows:
        raise ValueError(f"{path}: no rows")
    return rows


def discouraged_in(text, row):
    """The discouraged variants of @row that @text uses, outside its exceptions."""
    # Longest exceptions first, so that one containing another is blanked whole.
    for e in sorted(row["exceptions"], key=len, reverse=True):
        text = text.replace(e, "\0")
    return [v for v in row["variants"] if v in text]


def check(rows, messages):
    """(row, problems) for each row: what a reader of the log needs to fix."""
    results = []
    for row in rows:
        problems = []
        used = False
        for m in messages:
            for s in m["msgstrs"]:
                if row["preferred"] in s:
                    used = True
                for v in discouraged_in(s, row):
                    ctxt = f'msgctxt "{m["msgctxt"]}" ' if m["msgctxt"] is not None else ""
                    msgid = m["msgid"] if len(m["msgid"]) <= 70 else m["msgid"][:67] + "…"
                    problems.append(f'line {m["line"]}: {ctxt}msgid "{msgid}": '
                                    f'「{v}」 (write 「{row["preferred"]}」)')
        if not used:
            problems.append(f'no translation uses the preferred term 「{row["preferred"]}」')
        results.append((row, problems))
    return results


def report(results):
    print(f"1..{len(results)}")
    failed = 0
    for n, (row, problems) in enumerate(results, 1):
        ok = not problems
        failed += not ok
        print(f'{"ok" if ok else "not ok"} {n} - {row["preferred"]}, not '
              f'{" / ".join(row["variants"])}')
        for p in problems:
            print(f"# {p}")
    return failed


def self_test(glossary):
    """The checker finds what it should, and only that, on made-up messages."""
    rows = [
        {"preferred": "ログイン", "variants": ["サインイン"],
         "exceptions": ["サインイン ヘルパー"], "note": "-", "line": 1},
        {"preferred": "フォルダー", "variants": ["フォルダ"], "exceptions": ["フォルダー"],
         "note": "-", "line": 2},
    ]
    messages = [
        {"msgctxt": None, "msgid": "a", "line": 1, "msgstrs": ["サインイン ヘルパーでログイン"]},
        {"msgctxt": "c", "msgid": "b", "line": 2, "msgstrs": ["フォルダーを開く"]},
        {"msgctxt": "c", "msgid": "c", "line": 3, "msgstrs": ["サインインする"]},
        {"msgctxt": None, "msgid": "d", "line": 4, "msgstrs": ["", "迷惑メールフォルダを確認"]},
    ]
    results = check(rows, messages)
    found = [(row["preferred"], p.split(":")[0]) for row, ps in results for p in ps]
    expected = [("ログイン", "line 3"), ("フォルダー", "line 4")]
    print("1..3")
    print(f'{"ok" if found == expected else "not ok"} 1 - finds variants outside exceptions')
    if found != expected:
        print(f"# found {found}, expected {expected}")
    try:
        real = read_glossary(glossary)
        print("ok 2 - the glossary reads")
    except ValueError as e:
        real = []
        print(f"not ok 2 - the glossary reads\n# {e}")
    # Every row of the real glossary catches its own variants.
    missed = [f'{row["preferred"]}: {v}' for row in real for v in row["variants"]
              if not discouraged_in(f"x{v}x", row) and not any(v in e for e in row["exceptions"])]
    print(f'{"ok" if real and not missed else "not ok"} 3 - every variant is caught')
    for m in missed:
        print(f"# not caught: {m}")
    return found != expected or not real or bool(missed)


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return 1 if self_test(argv[2]) else 0
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        rows = read_glossary(argv[1])
        messages = read_po(argv[2])
    except (OSError, ValueError) as e:
        print("1..0")
        print(f"Bail out! {e}")
        return 1
    return 1 if report(check(rows, messages)) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
