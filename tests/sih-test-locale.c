/* sih-test-locale.c: run a test in a real locale, as people run the app
 *
 * glibc's built-in C.UTF-8 (2.35 and later, and so the GNOME runtime)
 * ignores LANGUAGE, so a test that wants Japanese must run in a real
 * ja_JP.UTF-8 locale, as a Japanese desktop does.  tests/meson.build
 * compiles one into the build tree with localedef and names it in
 * SIH_TEST_LOCALES ("ja=ja_JP.UTF-8"), with LOCPATH pointing at it; where
 * no locale source exists the test is skipped, saying why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sih-test-locale.h"

static char *
locale_for_language (const char *language)
{
  const char *list = g_getenv ("SIH_TEST_LOCALES");
  g_auto(GStrv) pairs = NULL;
  g_autofree char *prefix = g_strconcat (language, "=", NULL);

  if (list == NULL)
    return NULL;

  pairs = g_strsplit (list, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    if (g_str_has_prefix (pairs[i], prefix))
      return g_strdup (pairs[i] + strlen (prefix));

  return NULL;
}

/**
 * sih_test_language_available:
 * @language: a language of po/LINGUAS
 *
 * Returns: whether the build made a locale for @language
 */
gboolean
sih_test_language_available (const char *language)
{
  g_autofree char *name = locale_for_language (language);

  return name != NULL;
}

/**
 * sih_test_use_language:
 * @language: "en" for the source language, or a language of po/LINGUAS
 *
 * Switches the whole process (LC_ALL, and LANGUAGE so that a caller's
 * environment cannot override it) to @language and makes gettext drop what
 * it cached.  English is the C.UTF-8 locale.
 *
 * Returns: %TRUE when the process now speaks @language; %FALSE when no
 *   locale for it exists here, after marking the running test skipped
 */
gboolean
sih_test_use_language (const char *language)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  if (g_str_equal (language, "en"))
    {
      g_unsetenv ("LANGUAGE");
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      textdomain (textdomain (NULL));
      return TRUE;
    }

  name = locale_for_language (language);
  if (name == NULL)
    {
      g_autofree char *why =
        g_strdup_printf ("no locale for language '%s' here: tests/meson.build builds "
                         "one with localedef where the system has locale sources "
                         "(Debian's 'locales' package)", language);
      g_test_skip (why);
      return FALSE;
    }

  /* The build made this locale: not finding it is a failure, not a skip. */
  if (setlocale (LC_ALL, name) == NULL)
    g_error ("The locale %s that the build made for '%s' cannot be used (LOCPATH=%s)",
             name, language, g_getenv ("LOCPATH"));

  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (textdomain (NULL));
  return TRUE;
}

/**
 * sih_test_init_translations:
 *
 * Binds the app's text domain to the build tree's catalogues.  GLib decides
 * once per process whether g_dgettext() translates at all, and says no when
 * the first lookup happens in C.UTF-8 with no catalogue for it, so the first
 * lookup is made in a translated language, as a Japanese desktop would make
 * it.  Leaves the process in English.
 */
void
sih_test_init_translations (void)
{
  const char *localedir = g_getenv ("SIH_LOCALEDIR");
  const char *list = g_getenv ("SIH_TEST_LOCALES");

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (list != NULL && strchr (list, '=') != NULL)
    {
      g_autofree char *language = g_strndup (list, strcspn (list, "="));

      if (sih_test_use_language (language))
        g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Sign-in Helper"), !=, "Sign-in Helper");
    }

  sih_test_use_language ("en");
}
