#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up of Sign-in Helper against a bare libadwaita window, alternating
runs, with the bundled pack and with a generated pack of 1,000 causes x 20
steps.

Each program is measured by the same probe (src/ui/sih-bench-probe.c):

- launch to first frame, and peak RSS: the program quits as soon as its
  first frame is drawn;
- first frame to interactive: once the first frame is drawn, Down is
  pressed (xdotool); the time until the frame that shows what it did.  In
  the app the sidebar has the focus, so Down selects a cause and its
  checklist opens; the bare window shows the key's name;
- the key's own time, from reaching the window to that frame: for the app,
  opening a cause (7 or 8 steps in the bundled pack, 20 in the generated
  one).

Prints medians and ratios to the bare window; needs a display (bench/run
starts Xvfb when there is none) and, for the key lines, xdotool.

  startup.py BUILDDIR [RUNS]
"""

import os
import shutil
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
    "NO_AT_BRIDGE": "1",
})
data_home = tempfile.mkdtemp(prefix="sih-bench-")


def fresh_env(extra):
    # A folder of its own each time: no run reopens another's case.
    run_env = dict(env)
    run_env["XDG_DATA_HOME"] = tempfile.mkdtemp(dir=data_home)
    run_env.update(extra)
    return run_env


def first_frame(argv):
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=fresh_env({"SIGNIN_HELPER_QUIT_AFTER_FIRST_FRAME": "1"}),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.monotonic() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def key_response(argv, expect):
    """Press Down after the first frame: (first frame to the frame showing
    the answer, the key's own time), in ms."""
    proc = subprocess.Popen(argv, env=fresh_env({"SIGNIN_HELPER_BENCH_KEYS": "1"}),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline().split()
        if line[:1] != ["first-frame"]:
            sys.exit(f"{argv[0]}: no first frame ({line})")
        shown = int(line[1])
        subprocess.run(["xdotool", "key", "Down"], check=True)
        line = proc.stdout.readline().split()
        if line[:2] != ["key", "Down"]:
            sys.exit(f"{argv[0]}: the key did not arrive ({line})")
        received, painted, what = int(line[2]), int(line[3]), " ".join(line[4:])
        if expect not in what or "selected=none" in what:
            sys.exit(f"{argv[0]}: Down showed “{what}”, not “{expect}”")
    finally:
        if proc.wait(timeout=60) != 0:
            sys.exit(f"{argv[0]} failed with status {proc.returncode}")
    return (painted - shown) / 1000, (painted - received) / 1000


large_pack = os.path.join(data_home, "large-pack.json")
subprocess.run([os.path.join(build, "bench", "gen-pack"), large_pack, "1000", "20"], check=True)

app = os.path.join(build, "src", "signin-helper")
programs = {
    # name: (argv, what Down shows, what the key's own time is)
    "bare libadwaita window": ([os.path.join(build, "bench", "bare-window")], "label=Down",
                               "the label changed"),
    # GTK 4.8 gives the focus to the first cause, so Down opens the second;
    # GTK 4.18 to the list, so Down opens the first.
    "signin-helper": ([app], "page=cause", "a cause of 7 or 8 steps opened"),
    "signin-helper, 1000x20 pack": ([app, "--pack", large_pack], "page=cause",
                                    "a cause of 20 steps opened"),
}
keys = shutil.which("xdotool") is not None
results = {name: {"ms": [], "rss": [], "interactive": [], "key": []} for name in programs}

for name, (argv, expect, _) in programs.items():   # warm the caches once
    first_frame(argv)
    if keys:
        key_response(argv, expect)
for _ in range(runs):                 # alternate, so that drift hits all alike
    for name, (argv, expect, _) in programs.items():
        ms, rss = first_frame(argv)
        results[name]["ms"].append(ms)
        results[name]["rss"].append(rss)
    if keys:
        for name, (argv, expect, _) in programs.items():
            interactive, key = key_response(argv, expect)
            results[name]["interactive"].append(interactive)
            results[name]["key"].append(key)

shutil.rmtree(data_home, ignore_errors=True)


def medians(name, what):
    return statistics.median(results[name][what])


base = {what: medians("bare libadwaita window", what)
        for what in (("ms", "rss", "interactive", "key") if keys else ("ms", "rss"))}
print(f"launch to first frame and peak RSS (median of {runs} alternating runs):")
for name in programs:
    ms, rss = medians(name, "ms"), medians(name, "rss")
    print(f"  {name:30s} {ms:8.1f} ms ({ms / base['ms']:4.2f}x)   "
          f"{rss:7.1f} MiB ({rss / base['rss']:4.2f}x)")
if not keys:
    print("first frame to interactive: skipped (needs xdotool)")
    sys.exit(0)
print(f"first frame to interactive: Down pressed after the first frame, to the frame "
      f"that shows its answer (median of {runs}):")
for name in programs:
    ms = medians(name, "interactive")
    print(f"  {name:30s} {ms:8.1f} ms ({ms / base['interactive']:4.2f}x)")
print(f"that key alone, from reaching the window to that frame (median of {runs}):")
for name, (_, _, meaning) in programs.items():
    ms = medians(name, "key")
    print(f"  {name:30s} {ms:8.1f} ms ({ms / base['key']:4.2f}x)   {meaning}")
