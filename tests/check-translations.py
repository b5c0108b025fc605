#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail unless a translation is complete against the current sources.

Extracts a fresh template from po/POTFILES.in (as i18n.gettext's glib preset
does), merges the .po file with it in memory, and requires msgfmt --check to
pass with no untranslated and no fuzzy messages.  Merging first means that
a new source string without a translation fails, even before anyone has
run `meson compile signin-helper-update-po`.
"""

import os
import subprocess
import sys
import tempfile

top, po = sys.argv[1], sys.argv[2]
keywords = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3"]

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "template.pot")
    merged = os.path.join(tmp, "merged.po")
    subprocess.run(["xgettext", "--package-name=signin-helper", "--from-code=UTF-8",
                    "--add-comments=Translators", "--directory", top,
                    "--files-from", os.path.join(top, "po", "POTFILES.in"), "--output", pot]
                   + keywords, check=True)
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file", merged, po, pot],
                   check=True)
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", merged],
                            capture_output=True, text=True)
    # Name what is missing, so that whoever reads the log knows what to translate.
    missing = subprocess.run(["msgattrib", "--untranslated", "--no-wrap", "--no-location", merged],
                             capture_output=True, text=True).stdout
    missing += subprocess.run(["msgattrib", "--only-fuzzy", "--no-wrap", "--no-location", merged],
                              capture_output=True, text=True).stdout

stats = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
complete = result.returncode == 0 and "untranslated" not in stats and "fuzzy" not in stats
print("1..2")
print(f"# {os.path.basename(po)}: {stats}")
print(("ok" if result.returncode == 0 else "not ok") + " 1 - msgfmt --check passes")
print(("ok" if complete else "not ok") + " 2 - every message is translated and none is fuzzy")
if not complete:
    for line in missing.splitlines():
        if line.startswith(("msgctxt ", "msgid ", "#, fuzzy")) and line != 'msgid ""':
            print(f"# {line}")
sys.exit(0 if complete else 1)
