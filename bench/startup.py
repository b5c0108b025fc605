#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Launch-to-first-frame time and peak RSS of Sign-in Helper against a bare
libadwaita window, alternating runs, and of the app with a large pack.

Both programs quit right after drawing their first frame.  Prints medians
and ratios; needs a display (bench/run starts Xvfb when there is none).

  startup.py BUILDDIR [RUNS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

build = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11

env = dict(os.environ)
env.update({
    "GSETTINGS_BACKEND": "memory",
    "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
    "SIGNIN_HELPER_QUIT_AFTER_FIRST_FRAME": "1",
    "NO_AT_BRIDGE": "1",
    "XDG_DATA_HOME": tempfile.mkdtemp(prefix="sih-bench-"),
})


def measure(argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.monotonic() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


large_pack = os.path.join(env["XDG_DATA_HOME"], "large-pack.json")
subprocess.run([os.path.join(build, "bench", "gen-pack"), large_pack, "1000", "20"], check=True)

programs = {
    "bare libadwaita window": [os.path.join(build, "bench", "bare-window")],
    "signin-helper": [os.path.join(build, "src", "signin-helper")],
    "signin-helper, 1000x20 pack": [os.path.join(build, "src", "signin-helper"), "--pack", large_pack],
}
results = {name: ([], []) for name in programs}

for name, argv in programs.items():   # warm the caches once
    measure(argv)
for _ in range(runs):                 # alternate, so that drift hits all alike
    for name, argv in programs.items():
        ms, rss = measure(argv)
        results[name][0].append(ms)
        results[name][1].append(rss)

base_ms = statistics.median(results["bare libadwaita window"][0])
base_rss = statistics.median(results["bare libadwaita window"][1])
print(f"launch to first frame and peak RSS (median of {runs} alternating runs):")
for name in programs:
    ms = statistics.median(results[name][0])
    rss = statistics.median(results[name][1])
    print(f"  {name:30s} {ms:8.1f} ms ({ms / base_ms:4.2f}x)   {rss:7.1f} MiB ({rss / base_rss:4.2f}x)")
