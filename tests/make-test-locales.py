#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real locales for the tests of each translation, built into the build tree.

  make-test-locales.py --list LINGUAS
      prints "ll=ll_CC.UTF-8;…" for each language whose locale source this
      system has (what the tests get as SIH_TEST_LOCALES)
  make-test-locales.py --build OUTDIR STAMP LINGUAS
      compiles those locales into OUTDIR with localedef (tests use it as
      LOCPATH), then touches STAMP

glibc's built-in C.UTF-8 ignores LANGUAGE, so Japanese must be tested in a
real ja_JP.UTF-8 locale; building it here needs neither root nor a change
to the system's own list of locales.
"""
import glob
import os
import shutil
import subprocess
import sys

I18N = os.environ.get('I18NPATH', '/usr/share/i18n')


def languages(linguas):
    with open(linguas, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            yield from line.split()


def locale_source(language):
    """The locale source for a language: ll_LL when it exists (de_DE), else
    the first territory in order (ja_JP)."""
    if '_' in language:
        candidates = [os.path.join(I18N, 'locales', language)]
    else:
        candidates = [os.path.join(I18N, 'locales', f'{language}_{language.upper()}')]
        candidates += sorted(glob.glob(os.path.join(I18N, 'locales', f'{language}_[A-Z][A-Z]')))
    for path in candidates:
        if os.path.isfile(path):
            return os.path.basename(path)
    return None


def available(linguas):
    if shutil.which('localedef') is None:
        return []
    if not glob.glob(os.path.join(I18N, 'charmaps', 'UTF-8*')):
        return []
    pairs = []
    for language in languages(linguas):
        source = locale_source(language)
        if source is not None:
            pairs.append((language, source))
    return pairs


def main(argv):
    if len(argv) == 3 and argv[1] == '--list':
        print(';'.join(f'{lang}={src}.UTF-8' for lang, src in available(argv[2])))
        return 0
    if len(argv) == 5 and argv[1] == '--build':
        outdir, stamp, linguas = argv[2:]
        os.makedirs(outdir, exist_ok=True)
        for language, source in available(linguas):
            target = os.path.join(outdir, f'{source}.UTF-8')
            # localedef exits 1 for mere warnings; the locale is there all the same.
            result = subprocess.run(['localedef', '-i', source, '-f', 'UTF-8', target],
                                    capture_output=True, text=True)
            if not os.path.isfile(os.path.join(target, 'LC_CTYPE')):
                sys.stderr.write(f'localedef could not build {source}.UTF-8 for {language} '
                                 f'(exit {result.returncode}):\n{result.stdout}{result.stderr}')
                return 1
        with open(stamp, 'w', encoding='utf-8'):
            pass
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
