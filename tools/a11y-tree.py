#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Print or check a running app's accessibility tree as AT-SPI gives it to a screen reader.

Usage: /usr/bin/python3 tools/a11y-tree.py [--check] [--pid PID] [--window TITLE] [APP-NAME]
(needs python3-pyatspi)

Without --check: one line per object, [role] 'name', with "focusable" where
the keyboard can reach it.  tools/screenshot --a11y runs it inside its
private session.

With --check: reads only what is on screen (not a stack's other pages, nor a
collapsed row's insides) of the application (by process id or name), or of
its window called TITLE, and prints one line for each thing a screen reader
gets wrong, then a count of each kind:

  unnamed    a control, a list the keyboard reaches or a window without a
             name, or named after its widget type ("GtkListBox")
  doubled    a name read twice: "Copy Copy", a mnemonic's raw underscore
             ("Start _Over"), or a control inside a control the keyboard
             reaches with the same name (a row and its own check box; not
             an entry row's text field, which the row gives the focus to)
  decorative an image with no name of its own ("GtkImage" on GTK 4.8)
             that is exposed instead of hidden

The exit status is 0 when nothing is wrong, 1 when something is, and 77
when there is no accessibility bus or the application never appears on it.
"""
import argparse
import re
import sys
import time

try:
    import pyatspi
except ImportError:  # tested: the meson test needs it
    pyatspi = None

# What a screen reader announces as one thing the keyboard operates.
CONTROL_ROLES = {
    'push button', 'button', 'toggle button', 'check box', 'radio button', 'switch',
    'combo box', 'entry', 'text', 'password text', 'spin button', 'slider', 'list item',
    'page tab', 'menu item', 'check menu item', 'radio menu item', 'link', 'tree item',
}
# Containers a screen reader names when the focus enters them.
CONTAINER_ROLES = {'list', 'list box', 'tree', 'tree table', 'table', 'page tab list'}
EDITABLE_ROLES = {'text', 'entry', 'password text'}
WINDOW_ROLES = {'frame', 'dialog', 'window', 'alert'}
IMAGE_ROLES = {'image', 'icon'}
TYPE_NAME = re.compile(r'(Gtk|Adw|Sih)[A-Z][A-Za-z]*')
# "Start _Over", "前の質問(_P)", "S_olved": the underscore of a mnemonic.
RAW_MNEMONIC = re.compile(r'_[^\s_]')


def find_app(name, pid, tries=50):
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(tries):
        try:
            count = desktop.childCount
        except Exception:
            count = 0
        for i in range(count):
            try:
                app = desktop.getChildAtIndex(i)
                if app is None:
                    continue
                if pid is not None and app.get_process_id() == pid:
                    return app
                if pid is None and app.name and name in app.name:
                    return app
            except Exception:  # other tests' applications come and go
                continue
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


VERBOSE = False

# Containers that a stack, a leaflet or a revealer may have hidden.
CONTAINER_LIKE = {'panel', 'filler', 'grouping', 'scroll pane', 'list', 'page tab list', 'form'}


# Each object's parent as the tree was walked from the window down: GTK
# 4.18 gives some objects (a stack's page) other parents going up.
PARENTS = {}


def index_tree(obj):
    for i in range(obj.childCount):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            PARENTS[child] = obj
            index_tree(child)


def is_related(obj, other, window):
    """Whether other is obj, inside it, or around it."""
    for a, b in ((other, obj), (obj, other)):
        node = a
        while node is not None and node != window:
            if node == b:
                return True
            node = PARENTS.get(node)
    return False


def is_shown(obj, states, window):
    """Whether a screen reader's user can meet this object on screen.

    GTK 4.8 exposes everything, hidden stack pages and collapsed rows
    included, and marks none of it as showing.  What was never shown has no
    size; what was shown once keeps its old place, under what is shown now:
    ask what is at its centre.
    """
    if not states.contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        extents = obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except (NotImplementedError, Exception):
        return True  # a stack page: no geometry of its own
    if extents.width <= 0 and extents.height <= 0:
        return False
    if obj.getRoleName() not in CONTAINER_LIKE:
        return True
    # A few points, in case one lands on something GTK does not expose.
    seen_other = False
    for fx, fy in ((2, 2), (1, 1), (3, 1), (1, 3), (3, 3)):
        x = extents.x + extents.width * fx // 4
        y = extents.y + extents.height * fy // 4
        try:
            found = window.queryComponent().getAccessibleAtPoint(x, y, pyatspi.WINDOW_COORDS)
        except Exception:
            continue
        if found is None or found == window or found not in PARENTS:
            continue  # outside the window (scrolled away), or nothing in the tree there
        if is_related(obj, found, window):
            return True
        seen_other = True
        if VERBOSE:
            print(f'hidden? [{obj.getRoleName()}] {obj.name!r} {(extents.x, extents.y, extents.width, extents.height)}:'
                  f' at {(x, y)} is [{found.getRoleName()}] {found.name!r}', file=sys.stderr)
    return not seen_other


def unmnemonic(name):
    return re.sub(r'_(?=[^\s_])', '', name)


def is_doubled(name):
    """ "Copy Copy", "X, X", "_Copy Copy", and in Japanese "コピー コピー(C)":
    the same once the mnemonics, "_C" or "(_C)" or "(C)", are gone. """
    name = re.sub(r'\(_?[A-Za-z0-9]\)', '', unmnemonic(name.strip()))
    for sep in (' ', ', ', '\n'):
        rest = len(name) - len(sep)
        if rest > 0 and rest % 2 == 0:
            half = rest // 2
            if name[:half] == name[half + len(sep):] and name[half:half + len(sep)] == sep:
                return True
    return False


class Checker:
    def __init__(self):
        self.problems = {'unnamed': [], 'doubled': [], 'decorative': []}
        self.n_controls = 0

    def report(self, kind, path, text):
        # The window, the named things around the object, and the object.
        where = [path[0][0]] + [p for p, named in path[1:-1] if named] + [path[-1][0]]
        self.problems[kind].append(f'{kind}: {" > ".join(where)}: {text}')

    def check(self, obj, path, controls, window=None):
        """controls: the focusable controls this object is inside, (role, name)."""
        window = window or obj
        try:
            role = obj.getRoleName()
            name = obj.name or ''
            states = obj.getState()
        except Exception:
            return
        if obj != window and not is_shown(obj, states, window):
            return
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        unnamed = name.strip() == '' or TYPE_NAME.fullmatch(name) is not None
        path = path + [(f'[{role}] {name!r}' if name else f'[{role}]', not unnamed)]
        if role in CONTROL_ROLES and focusable:
            self.n_controls += 1

        if role in WINDOW_ROLES and unnamed:
            self.report('unnamed', path, 'a window without a title')
        elif role in CONTROL_ROLES and (focusable or role != 'list item') and unnamed:
            self.report('unnamed', path, 'a control without a name')
        elif role in CONTAINER_ROLES and focusable and unnamed:
            self.report('unnamed', path, 'a list the keyboard reaches, without a name')

        if role in CONTROL_ROLES | CONTAINER_ROLES and not unnamed:
            if is_doubled(name):
                self.report('doubled', path, 'the name is said twice')
            elif RAW_MNEMONIC.search(name) and '/' not in name:
                self.report('doubled', path, 'the name reads the underscore of its mnemonic')
            elif focusable and role in CONTROL_ROLES:
                for outer_role, outer_name in controls:
                    # An entry row is one Tab stop: the row gives the focus
                    # to its text field, which is what is read.
                    if outer_role == 'list item' and role in EDITABLE_ROLES:
                        continue
                    if outer_name == name:
                        self.report('doubled', path,
                                    f'read again after the [{outer_role}] it is in')
                        break

        if role in IMAGE_ROLES and unnamed:
            self.report('decorative', path, 'a decorative image that is not hidden')

        inner = controls
        if focusable and role in CONTROL_ROLES and not unnamed:
            inner = controls + [(role, name)]
        for i in range(obj.childCount):
            try:
                child = obj.getChildAtIndex(i)
            except Exception:
                continue
            if child is not None:
                self.check(child, path, inner, window)


def windows_of(app, title):
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and (title is None or window.name == title):
            yield window


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    parser.add_argument('--check', action='store_true', help='report what a screen reader gets wrong')
    parser.add_argument('--pid', type=int, help='the application\'s process id')
    parser.add_argument('--window', help='only the window with this title')
    parser.add_argument('--verbose', action='store_true', help='say what is taken as hidden, and why')
    parser.add_argument('--focused', action='store_true',
                        help='with --check, also say what has the focus, as a screen reader is told')
    parser.add_argument('name', nargs='?', default='signin-helper', help='the application\'s name')
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose

    if pyatspi is None:
        print('python3-pyatspi is not installed', file=sys.stderr)
        return 77
    app = find_app(args.name, args.pid)
    if app is None:
        print(f'no application {args.pid or args.name} on the accessibility bus', file=sys.stderr)
        return 77 if args.check else 1

    if not args.check:
        out = []
        walk(app, 0, out)
        print('\n'.join(out))
        return 0

    checker = Checker()
    windows = list(windows_of(app, args.window))
    if not windows:
        names = ', '.join(f'[{w.getRoleName()}] {w.name!r}' for w in windows_of(app, None))
        print(f'no window {args.window!r}, only {names}', file=sys.stderr)
        return 1
    for window in windows:
        # GTK makes an object for a widget only when asked: ask for them all
        # first, so that asking what is at a point finds whatever is there.
        index_tree(window)
        checker.check(window, [], [])
        if args.focused:
            for obj in PARENTS:
                try:
                    if obj.getState().contains(pyatspi.STATE_FOCUSED):
                        print(f'focused: [{obj.getRoleName()}] {obj.name!r}')
                except Exception:
                    continue
    failed = False
    for kind, problems in checker.problems.items():
        for problem in problems:
            print(problem)
        failed = failed or bool(problems)
    print('counts: ' + ', '.join(f'{kind} {len(problems)}'
                                 for kind, problems in checker.problems.items())
          + f' (of {checker.n_controls} controls)')
    # A window not on screen yet has nothing to get wrong.
    if checker.n_controls == 0:
        print('no control on screen to check', file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
