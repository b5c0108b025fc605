#!/usr/bin/python3
# Dump the AT-SPI tree of a running app, as a screen reader reads it.
import sys, time
import pyatspi
name = sys.argv[1] if len(sys.argv) > 1 else "signin-helper"
ALL = True
desk = pyatspi.Registry.getDesktop(0)
app = None
for _ in range(50):
    for a in desk:
        if a is not None and a.name and name in a.name:
            app = a
    if app: break
    time.sleep(0.2)
if app is None:
    print("no app", [a.name for a in desk if a]); sys.exit(1)
def walk(o, depth):
    try:
        role = o.getRoleName(); nm = o.name; st = o.getState()
    except Exception as e:
        print('  '*depth + f'?? {e}'); return
    showing = st.contains(pyatspi.STATE_SHOWING)
    if not showing and depth > 1 and not ALL: return
    foc = st.contains(pyatspi.STATE_FOCUSABLE)
    print('  '*depth + f'[{role}] {nm!r}' + (' focusable' if foc else ''))
    for i in range(o.childCount):
        c = o.getChildAtIndex(i)
        if c is not None: walk(c, depth+1)
walk(app, 0)
