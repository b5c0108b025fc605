/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ui/sih-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build tree's translations. */
  localedir = g_getenv ("SIGNIN_HELPER_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sih_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
