#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: it parses, and the sandbox stays minimal.

Usage: check-flatpak-manifest.py MANIFEST APP_ID COMMAND

1. When flatpak-builder is installed, `flatpak-builder --show-manifest`
   must accept the manifest without printing anything on stderr (its
   warnings, such as an unknown property, count as failures).
2. The manifest is strict JSON whose finish-args are exactly --share=ipc,
   --socket=wayland, --socket=fallback-x11 and --device=dri: no network, no
   file system access (files go through portals), nothing else.  Its id and
   command are meson's, and the app module builds this checkout with meson
   and runs the tests headless.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

EXPECTED_FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]

manifest_path, app_id, command = sys.argv[1], sys.argv[2], sys.argv[3]
results = []


def check(ok, name, detail=None):
    results.append((bool(ok), name, detail))


builder = shutil.which("flatpak-builder")
if builder is None:
    results.append((True, "flatpak-builder --show-manifest # SKIP flatpak-builder not installed",
                    None))
else:
    # A directory of its own: flatpak-builder may leave state in the current one.
    with tempfile.TemporaryDirectory() as tmp:
        shown = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)],
                               cwd=tmp, capture_output=True, text=True)
    check(shown.returncode == 0 and shown.stderr == "",
          "flatpak-builder --show-manifest accepts it without warnings",
          f"exit status {shown.returncode}, stderr: {shown.stderr.strip()!r}")

try:
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    manifest = None
    check(False, "the manifest is strict JSON", str(e))
else:
    check(True, "the manifest is strict JSON")

if manifest is not None:
    finish_args = manifest.get("finish-args", [])
    check(sorted(finish_args) == sorted(EXPECTED_FINISH_ARGS) and
          len(finish_args) == len(EXPECTED_FINISH_ARGS),
          "finish-args are exactly " + " ".join(EXPECTED_FINISH_ARGS),
          f"found {finish_args}")
    forbidden = [a for a in finish_args
                 if a.startswith(("--filesystem", "--share=network", "--socket=session-bus",
                                  "--socket=system-bus", "--talk-name", "--device=all"))]
    check(not forbidden, "no file system, network or bus access", f"found {forbidden}")

    check(manifest.get("id", manifest.get("app-id")) == app_id,
          f"the app id is meson's ({app_id})", f"found {manifest.get('id')!r}")
    check(manifest.get("command") == command,
          f"the command is meson's ({command})", f"found {manifest.get('command')!r}")
    check(manifest.get("runtime") == "org.gnome.Platform" and
          manifest.get("sdk") == "org.gnome.Sdk",
          "the GNOME runtime and SDK", f"found {manifest.get('runtime')!r}, {manifest.get('sdk')!r}")
    version = str(manifest.get("runtime-version", ""))
    check(version.isdigit(), "a stable GNOME runtime version, not master or nightly",
          f"found {version!r}")

    modules = [m for m in manifest.get("modules", []) if isinstance(m, dict)]
    app = modules[-1] if modules else {}
    check(app.get("buildsystem") == "meson", "the app module is built with meson",
          f"found {app.get('buildsystem')!r}")
    check(app.get("sources") == [{"type": "dir", "path": ".."}],
          "the app module is built from this checkout", f"found {app.get('sources')!r}")
    test_args = app.get("build-options", {}).get("test-args", [])
    check(app.get("run-tests") is True and
          "--env=GSETTINGS_BACKEND=memory" in test_args and
          "--env=G_DEBUG=fatal-warnings" in test_args,
          "the tests run headless in the build", f"run-tests {app.get('run-tests')!r}, {test_args}")

print(f"1..{len(results)}")
for i, (ok, name, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        print(f"# {detail}")
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
