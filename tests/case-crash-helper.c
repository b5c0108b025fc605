/* case-crash-helper.c: saves a changing case until it is killed
 *
 * Usage: case-crash-helper DIRECTORY
 *
 * Opens the case store in DIRECTORY, resumes the crash test's case (or
 * starts it), prints "ready N" with the step the saved case has reached,
 * then changes and saves it in a loop, printing "saved N" after each save
 * has returned.  The test kills it with SIGKILL at random moments.
 * Saves alternate between the autosave path (worker thread) and a
 * synchronous flush.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "case-crash-common.h"
#include "core/sih-case-store.h"
#include "core/sih-error.h"

static void
say (const char *what,
     guint       n)
{
  char line[64];
  int len = g_snprintf (line, sizeof line, "%s %u\n", what, n);

  /* One write per line, so that a kill never cuts a line the test reads. */
  if (write (STDOUT_FILENO, line, len) != len)
    exit (3);
}

static void
failed_cb (SihCaseStore *store,
           SihCase      *c,
           const GError *error,
           gpointer      user_data)
{
  g_printerr ("save failed: %s\n", error->message);
  exit (4);
}

static void
unreadable_cb (SihCaseStore *store,
               const char   *path,
               const char   *moved_to,
               const GError *error,
               gpointer      user_data)
{
  g_printerr ("unreadable: %s\n", error->message);
  exit (5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SihCaseStore) store = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GError) error = NULL;
  guint step = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DIRECTORY\n", argv[0]);
      return 2;
    }

  store = sih_case_store_new (argv[1]);
  sih_case_store_set_save_delay (store, 0);
  g_signal_connect (store, "save-failed", G_CALLBACK (failed_cb), NULL);
  g_signal_connect (store, "unreadable", G_CALLBACK (unreadable_cb), NULL);
  if (!sih_case_store_open (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  c = sih_case_store_load (store, CRASH_CASE_ID, &error);
  if (c == NULL && g_error_matches (error, SIH_ERROR, SIH_ERROR_NOT_FOUND))
    {
      c = crash_case_new (&step);
      sih_case_store_track (store, c);
    }
  else if (c == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  g_clear_error (&error);

  step = crash_case_step (c);
  sih_case_set_clock (c, crash_clock, &step);
  say ("ready", step);

  for (guint n = step + 1; ; n++)
    {
      crash_case_apply (c, &step, n);

      if (n % 2 == 0)
        {
          if (!sih_case_store_flush (store, &error))
            {
              g_printerr ("%s\n", error->message);
              return 4;
            }
        }
      /* Autosave: wait for the worker's write to be reported done. */
      while (sih_case_store_get_busy (store))
        g_main_context_iteration (NULL, TRUE);

      say ("saved", n);
    }

  return 0;
}
