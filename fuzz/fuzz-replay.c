/* fuzz-replay.c: runs a fuzz target on files, without libFuzzer
 *
 * Usage: fuzz-replay-TARGET FILE-OR-DIRECTORY…
 *
 * The normal test suite replays every input that ever made a target fail
 * (tests/data/fuzz/TARGET/) with the same checks, built with the normal
 * compiler, so that a fixed crash stays fixed.  Output is TAP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  /* Links in the test data are fixtures of their own (localtime). */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      if (!g_file_get_contents (path, &data, &len, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, path, error->message);
          return 1;
        }
      /* A copy of exactly the file's size, as libFuzzer gives it, so that
       * reading past the end is caught by valgrind and the sanitizers. */
      {
        g_autofree guint8 *copy = g_memdup2 (data, len);

        fflush (stdout);
        LLVMFuzzerTestOneInput (copy, len);
      }
      /* A failed check aborts before this line. */
      printf ("ok %u %s\n", i + 1, path);
    }

  return 0;
}
