#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install into a temporary DESTDIR and check that everything lands in place.

Usage: check-install.py MESON BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID

Runs `meson install --destdir` from the (already built) build directory,
then checks the binary, desktop file, metainfo, icons, schema, Japanese
translation and the example content pack (as documentation, so that it is
never offered as a pack by itself), and validates the installed desktop
file, metainfo, schema and example pack with the installed binary.
"""

import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile

meson, build_root, prefix, bindir, datadir, localedir, app_id = sys.argv[1:8]
results = []


def check(ok, name, detail=None):
    results.append((bool(ok), name, detail))


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def finish():
    print(f"1..{len(results)}")
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).strip().splitlines():
                print(f"# {line}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


with tempfile.TemporaryDirectory(prefix="sih-install-") as destdir:
    def installed(*parts):
        # An absolute bindir or datadir is kept as it is by os.path.join.
        return os.path.join(destdir, os.path.join(prefix, *parts).lstrip("/"))

    env = dict(os.environ)
    env.pop("DESTDIR", None)
    result = run([meson, "install", "-C", build_root, "--destdir", destdir, "--no-rebuild",
                  "--quiet"], env=env)
    check(result.returncode == 0, "meson install --destdir succeeds",
          result.stdout + result.stderr)
    if result.returncode != 0:
        finish()

    binary = installed(bindir, "signin-helper")
    desktop = installed(datadir, "applications", app_id + ".desktop")
    metainfo = installed(datadir, "metainfo", app_id + ".metainfo.xml")
    icon = installed(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg")
    symbolic = installed(datadir, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg")
    schema = installed(datadir, "glib-2.0", "schemas", app_id + ".gschema.xml")
    mo = installed(localedir, "ja", "LC_MESSAGES", "signin-helper.mo")
    example = installed(datadir, "doc", "signin-helper", "example-helpdesk-pack.json")
    offered = installed(datadir, "signin-helper", "packs", "example-helpdesk-pack.json")

    for path in (binary, desktop, metainfo, icon, symbolic, schema, mo, example):
        check(os.path.isfile(path), "installed: " + os.path.relpath(path, destdir),
              "missing")
    check(os.access(binary, os.X_OK), "the binary is executable")
    check(not os.path.exists(offered), "the example pack is not offered as a pack by itself")

    validator = shutil.which("desktop-file-validate")
    if validator and os.path.isfile(desktop):
        result = run([validator, desktop])
        check(result.returncode == 0 and result.stdout.strip() == "",
              "the installed desktop file validates", result.stdout + result.stderr)
    if os.path.isfile(desktop):
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str
        entry.read(desktop, encoding="utf-8")
        section = entry["Desktop Entry"] if entry.has_section("Desktop Entry") else {}
        check(section.get("Icon") == app_id, "the desktop file names the installed icon",
              f"Icon={section.get('Icon')}")
        check(section.get("Exec", "").split()[0:1] == ["signin-helper"],
              "the desktop file starts the installed binary", f"Exec={section.get('Exec')}")
        check("Name[ja]" in section, "the desktop file is translated into Japanese")

    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli and os.path.isfile(metainfo):
        result = run([appstreamcli, "validate", "--no-net", "--explain", metainfo])
        check(result.returncode == 0 and not re.search(r"^[EW]:", result.stdout, re.M),
              "the installed metainfo validates without errors or warnings",
              result.stdout + result.stderr)
    if os.path.isfile(metainfo):
        with open(metainfo, encoding="utf-8") as f:
            text = f.read()
        check(f'<launchable type="desktop-id">{app_id}.desktop</launchable>' in text,
              "the metainfo launches the installed desktop file")
        check('xml:lang="ja"' in text, "the metainfo is translated into Japanese")

    compiler = shutil.which("glib-compile-schemas")
    if compiler and os.path.isfile(schema):
        result = run([compiler, "--strict", "--dry-run", os.path.dirname(schema)])
        check(result.returncode == 0, "the installed schema compiles", result.stderr)

    if os.path.isfile(binary) and os.path.isfile(example):
        # No display and no schema needed: validating happens before start-up.
        result = run([binary, "--validate-pack", example])
        check(result.returncode == 0 and ": ok (" in result.stdout,
              "the installed binary validates the installed example pack",
              result.stdout + result.stderr)

finish()
