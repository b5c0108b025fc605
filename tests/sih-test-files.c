/* sih-test-files.c: a private home, and reading PDFs back, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sih-test-files.h"

/**
 * sih_test_make_home:
 * @documents: the Documents folder's name ("Documents", or a translated
 *   one such as "Dokumente", to show it is read from user-dirs.dirs)
 *
 * Points HOME and XDG_CONFIG_HOME at a new private folder with a Documents
 * folder, so that nothing is ever written into the real one.
 *
 * Returns: (transfer full): the new home
 */
char *
sih_test_make_home (const char *documents)
{
  g_autoptr(GError) error = NULL;
  char *home = g_dir_make_tmp ("sih-home-XXXXXX", &error);
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  g_autofree char *documents_dir = g_build_filename (home, documents, NULL);
  g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_autofree char *line = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"$HOME/%s\"\n", documents);

  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir (config, 0700));
  g_assert_no_errno (g_mkdir (documents_dir, 0700));
  g_file_set_contents (dirs, line, -1, &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return home;
}

/**
 * sih_test_remove_home:
 *
 * Removes what sih_test_make_home() made; what else a library put there
 * stays, as in /tmp.
 */
void
sih_test_remove_home (const char *home,
                      const char *documents)
{
  g_autofree char *config = g_build_filename (home, ".config", NULL);
  g_autofree char *documents_dir = g_build_filename (home, documents, NULL);
  g_autofree char *dirs = g_build_filename (config, "user-dirs.dirs", NULL);

  g_remove (dirs);
  g_rmdir (config);
  g_rmdir (documents_dir);
  g_rmdir (home);
}

/**
 * sih_test_run_poppler:
 * @program: "pdftotext", "pdfinfo" or "pdffonts"
 * @options: (nullable): options before the file, separated by spaces
 * @path: the PDF
 *
 * Returns: (transfer full) (nullable): what the tool wrote (pdftotext
 *   writes the text to the standard output), or %NULL when poppler-utils
 *   is not installed
 */
char *
sih_test_run_poppler (const char *program,
                      const char *options,
                      const char *path)
{
  g_autofree char *found = g_find_program_in_path (program);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) split = g_strsplit (options != NULL ? options : "", " ", -1);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (found == NULL)
    return NULL;

  g_ptr_array_add (argv, (gpointer)program);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_ptr_array_add (argv, split[i]);
  g_ptr_array_add (argv, (gpointer)path);
  if (g_str_equal (program, "pdftotext"))
    g_ptr_array_add (argv, (gpointer)"-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}
