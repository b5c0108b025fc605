#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print a running app's accessibility tree as AT-SPI gives it to a screen reader.

Usage: /usr/bin/python3 tools/a11y-tree.py [APP-NAME]   (needs python3-pyatspi)

One line per object: [role] 'name', with "focusable" where the keyboard can
reach it.  tools/screenshot --a11y runs it inside its private session.
"""
import sys
import time

import pyatspi


def find_app(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(50):
        for app in desktop:
            if app is not None and app.name and name in app.name:
                return app
        time.sleep(0.2)
    return None


def walk(obj, depth, out):
    try:
        role = obj.getRoleName()
        name = obj.name
        focusable = obj.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception as error:  # an object that went away while we read it
        out.append('  ' * depth + f'?? {error}')
        return
    out.append('  ' * depth + f'[{role}] {name!r}' + (' focusable' if focusable else ''))
    for i in range(obj.childCount):
        child = obj.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, out)


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else 'signin-helper'
    app = find_app(name)
    if app is None:
        print(f'no application named {name} on the accessibility bus', file=sys.stderr)
        return 1
    out = []
    walk(app, 0, out)
    print('\n'.join(out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
