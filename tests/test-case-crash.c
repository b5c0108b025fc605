/* test-case-crash.c: a save killed at any moment loses nothing
 *
 * Runs case-crash-helper, which saves a changing case in a loop, and kills
 * it with SIGKILL at random moments.  After every kill the case file must
 * parse and hold exactly the state of the last save reported done, or of
 * the one after it (done, but killed before it could say so), never
 * anything else.  The next run resumes from what is on disk.
 *
 * SIH_CRASH_KILLS sets the number of kills (default 200; bench/crash-soak
 * runs more), SIH_CRASH_SEED the random seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "case-crash-common.h"
#include "core/sih-case-file.h"

typedef struct
{
  SihCase *c;
  guint    step;
} Expected;

/* Rebuilds the helper's case up to @n, one step at a time, as it did. */
static void
expected_advance (Expected *expected,
                  guint     n)
{
  g_assert_cmpuint (n, >=, expected->step);
  while (expected->step < n)
    crash_case_apply (expected->c, &expected->step, expected->step + 1);
}

static guint
parse_step (const char *line,
            const char *prefix)
{
  g_assert_true (g_str_has_prefix (line, prefix));
  return (guint)strtoul (line + strlen (prefix), NULL, 10);
}

static guint
count_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".json.") != NULL)
      n++;
  return n;
}

static void
test_case_crash (void)
{
  const char *kills_env = g_getenv ("SIH_CRASH_KILLS");
  const char *seed_env = g_getenv ("SIH_CRASH_SEED");
  guint kills = kills_env != NULL ? (guint)atoi (kills_env) : 200;
  guint32 seed = seed_env != NULL ? (guint32)strtoul (seed_env, NULL, 10) : g_random_int ();
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("sih-case-crash-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (root, "cases", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "case-crash-helper", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* Under a sanitizer each save takes several times longer: give the
   * helper time to get into its loop before the kill. */
  gint32 max_delay = g_getenv ("ASAN_OPTIONS") != NULL ? 40000 : 12000;
  Expected expected = { NULL, 0 };
  guint never_saved_runs = 0, torn = 0, total_saves = 0, mid_write = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_test_message ("seed %u (set SIH_CRASH_SEED to repeat), %u kills", seed, kills);
  {
    g_autofree char *name = g_strconcat (CRASH_CASE_ID, ".json", NULL);
    path = g_build_filename (dir, name, NULL);
  }
  expected.c = crash_case_new (&expected.step);

  for (guint k = 0; k < kills; k++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *ready = NULL;
      g_autofree char *last = NULL;
      g_autoptr(SihCase) loaded = NULL;
      g_autoptr(GBytes) want = NULL;
      g_autoptr(GBytes) have = NULL;
      guint on_disk, last_saved, step, leftovers;
      char *line;

      proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, helper, dir, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));

      /* It resumes from exactly what the last check found. */
      ready = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      if (ready == NULL)
        {
          g_subprocess_wait (proc, NULL, NULL);
          g_error ("the helper ended before it was ready (status %d)",
                   g_subprocess_get_status (proc));
        }
      on_disk = parse_step (ready, "ready ");
      g_assert_cmpuint (on_disk, ==, expected.step);

      /* Kill it somewhere in its save loop: while serializing, writing,
       * syncing, renaming, or between saves. */
      g_usleep (g_rand_int_range (rand, 0, max_delay));
      g_subprocess_send_signal (proc, SIGKILL);
      g_subprocess_wait (proc, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (proc));
      g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);

      while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
        {
          g_free (last);
          last = line;
          total_saves++;
        }
      g_assert_no_error (error);
      last_saved = last != NULL ? parse_step (last, "saved ") : on_disk;
      if (last == NULL)
        never_saved_runs++;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Only before the very first save. */
          g_assert_cmpuint (last_saved, ==, 0);
          continue;
        }

      loaded = sih_case_file_load (path, &error);
      if (loaded == NULL)
        g_error ("after kill %u the case file does not load: %s", k, error->message);

      step = crash_case_step (loaded);
      if (step != last_saved && step != last_saved + 1)
        g_error ("after kill %u the file holds step %u, but the last save done was %u",
                 k, step, last_saved);
      if (step == last_saved + 1)
        torn++;

      expected_advance (&expected, step);
      want = sih_case_file_to_bytes (expected.c);
      have = sih_case_file_to_bytes (loaded);
      if (!g_bytes_equal (want, have))
        g_error ("after kill %u the file holds a state that was never saved (step %u)", k, step);

      /* A kill leaves at most the temporary files of the writes it
       * stopped (the case's and the index's); the next start removes them. */
      leftovers = count_leftovers (dir);
      g_assert_cmpuint (leftovers, <=, 2);
      if (leftovers > 0)
        mid_write++;
    }

  g_test_message ("%u kills in %.1f s; %u saves reported; %u kills landed in the middle of "
                  "a write (a temporary file was left), %u after a save finished but before "
                  "it was reported, %u before any save of the run",
                  kills, (g_get_monotonic_time () - start) / 1e6, total_saves, mid_write, torn,
                  never_saved_runs);

  /* Nothing was ever found unreadable. */
  {
    g_autofree char *unreadable = g_build_filename (dir, "unreadable", NULL);
    g_assert_false (g_file_test (unreadable, G_FILE_TEST_EXISTS));
  }
  /* The kills did land in the save loop, not only before it. */
  g_assert_cmpuint (expected.step, >, kills / 10);

  g_clear_object (&expected.c);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
    g_rmdir (root);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-crash/sigkill", test_case_crash);

  return g_test_run ();
}
