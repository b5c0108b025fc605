/* bench-cases.c: how long the case list and a save take with many cases
 *
 * Usage: bench-cases [RUNS] [N_CASES]
 *
 * Generates N_CASES (10,000) case files in a temporary folder, then prints
 * the median of RUNS runs, in milliseconds, of:
 *   - opening the store and producing the full list without an index
 *     (every file read: the first start, or after the index was lost);
 *   - the same with the index (every later start);
 *   - the size of the index, and one search of every listed case as the
 *     saved-cases list makes it on the main thread for each change of the
 *     search text (sih_case_info_matches(), over titles, tickets, callers,
 *     notes and details), and its sort (sih_case_info_compare());
 *   - one save of a typical case: serializing it (the part that runs on
 *     the main thread during autosave) and the whole save, including the
 *     durable write, as sih_case_store_flush() does it at window close.
 * Run by bench/run.  The folder is on the file system of $TMPDIR.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-case-store.h"

#include "bench-util.h"

/* A case such as a help desk leaves behind: a title, a dozen steps with
 * outcomes and a few notes, their history and some details. */
static SihCase *
generate_case (guint i)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) created = g_date_time_new (tz, 2025, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *title = g_strdup_printf ("Ref %06u — caller %u", i, i * 7 % 1000);
  SihCase *c;

  g_date_time_unref (g_steal_pointer (&created));
  created = g_date_time_new (tz, 2025, 1, 1, 9, 0, 0);
  {
    GDateTime *later = g_date_time_add_minutes (created, (int)(i * 13 % 500000));
    g_date_time_unref (created);
    created = later;
  }
  updated = g_date_time_add_minutes (created, 25);

  c = sih_case_new_restored (id, "amazon-signin", "1.0", created, updated);
  sih_case_restore_state (c, title, i % 3 == 0, "code-not-arriving");
  for (guint s = 0; s < 12; s++)
    {
      g_autofree char *step = g_strdup_printf ("step-%u", s);
      g_autoptr(GDateTime) when = g_date_time_add_minutes (created, s * 2);
      SihOutcome outcome = (SihOutcome)((i + s) % 4);

      sih_case_restore_record (c, "code-not-arriving", step, outcome,
                               s % 4 == 0 ? "Tried it with the caller; the code did not come." : NULL,
                               when);
      if (outcome != SIH_OUTCOME_NOT_TRIED)
        sih_case_restore_history (c, when, "code-not-arriving", step, SIH_OUTCOME_NOT_TRIED,
                                  outcome);
    }
  sih_case_restore_detail (c, "device-type", "iPhone");
  sih_case_restore_detail (c, "error-message", "There was a problem. Enter a valid OTP.");
  sih_case_restore_updated (c, updated);

  return c;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b,
               gpointer      now)
{
  return sih_case_info_compare (*(SihCaseInfo * const *)a, *(SihCaseInfo * const *)b, now);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static double
open_list_ms (const char *dir,
              guint       n_cases)
{
  g_autoptr(SihCaseStore) store = sih_case_store_new (dir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GListModel *cases;
  double ms;

  if (!sih_case_store_open (store, &error))
    g_error ("%s", error->message);
  cases = sih_case_store_get_cases (store);
  /* Touch the first and the last entry, as a list view would. */
  g_object_unref (g_list_model_get_item (cases, 0));
  g_object_unref (g_list_model_get_item (cases, g_list_model_get_n_items (cases) - 1));
  ms = bench_ms_since (start);

  if (g_list_model_get_n_items (cases) != n_cases)
    g_error ("listed %u cases of %u", g_list_model_get_n_items (cases), n_cases);
  /* Writes the index, outside the measurement. */
  sih_case_store_flush (store, NULL);

  return ms;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sih_case_store_open_finish (SIH_CASE_STORE (source), result, &error))
    g_error ("%s", error->message);
  *(gboolean *)user_data = TRUE;
}

/* How the app opens the store: in a worker, the list filled in one go on
 * the main thread.  @stall: (out): the longest the main thread was busy at
 * once, which is what the window would feel. */
static double
open_async_ms (const char *dir,
               guint       n_cases,
               double     *stall)
{
  g_autoptr(SihCaseStore) store = sih_case_store_new (dir);
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;
  double ms;

  *stall = 0;
  sih_case_store_open_async (store, NULL, opened_cb, &done);
  while (!done)
    {
      gint64 before = g_get_monotonic_time ();

      if (g_main_context_iteration (NULL, FALSE))
        *stall = MAX (*stall, bench_ms_since (before));
      else
        g_usleep (200);
    }
  ms = bench_ms_since (start);

  if (g_list_model_get_n_items (sih_case_store_get_cases (store)) != n_cases)
    g_error ("listed %u cases of %u",
             g_list_model_get_n_items (sih_case_store_get_cases (store)), n_cases);
  sih_case_store_flush (store, NULL);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint)atoi (argv[1]) : 15;
  guint n_cases = argc > 2 ? (guint)atoi (argv[2]) : 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *index = NULL;
  g_autofree double *cold = NULL;
  g_autofree double *warm = NULL;
  g_autofree double *serialize = NULL;
  g_autofree double *save = NULL;
  gsize total_bytes = 0;
  gint64 start;

  if (runs == 0)
    runs = 1;
  if (n_cases == 0)
    n_cases = 1;

  root = g_dir_make_tmp ("sih-bench-cases-XXXXXX", &error);
  if (root == NULL)
    g_error ("%s", error->message);
  dir = g_build_filename (root, "cases", NULL);
  index = g_build_filename (dir, "index.json", NULL);
  g_mkdir_with_parents (dir, 0700);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(SihCase) c = generate_case (i);
      g_autoptr(GBytes) bytes = sih_case_file_to_bytes (c);
      g_autofree char *name = g_strconcat (sih_case_get_id (c), ".json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      total_bytes += g_bytes_get_size (bytes);
      if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_FILE_SET_CONTENTS_NONE, 0600, &error))
        g_error ("%s", error->message);
    }
  g_print ("generated %u cases (%.1f MB, %.1f KB each) in %.0f ms in %s\n",
           n_cases, total_bytes / 1e6, total_bytes / 1e3 / n_cases, bench_ms_since (start), root);

  cold = g_new (double, runs);
  warm = g_new (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_unlink (index);
      cold[i] = open_list_ms (dir, n_cases);
    }
  for (guint i = 0; i < runs; i++)
    warm[i] = open_list_ms (dir, n_cases);

  g_print ("case-list %u cases, cold (no index, every file read): %.1f ms (median of %u)\n",
           n_cases, bench_median (cold, runs), runs);
  g_print ("case-list %u cases, warm (index): %.1f ms (median of %u)\n",
           n_cases, bench_median (warm, runs), runs);

  {
    g_autoptr(SihCaseStore) store = sih_case_store_new (dir);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree double *hit = g_new (double, runs);
    g_autofree double *miss = g_new (double, runs);
    g_autofree double *sort = g_new (double, runs);
    GListModel *cases;
    GStatBuf st;
    guint found = 0;

    if (!sih_case_store_open (store, &error))
      g_error ("%s", error->message);
    cases = sih_case_store_get_cases (store);
    for (guint i = 0; i < runs; i++)
      {
        g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint j = 0; j < g_list_model_get_n_items (cases); j++)
          g_ptr_array_add (infos, g_list_model_get_item (cases, j));

        found = 0;
        start = g_get_monotonic_time ();
        /* In a note of every fourth step: most cases match. */
        for (guint j = 0; j < infos->len; j++)
          found += sih_case_info_matches (g_ptr_array_index (infos, j), NULL, "did not come");
        hit[i] = bench_ms_since (start);

        start = g_get_monotonic_time ();
        /* Nothing matches: every text of every case is looked through. */
        for (guint j = 0; j < infos->len; j++)
          sih_case_info_matches (g_ptr_array_index (infos, j), NULL, "ｎｏ ｓｕｃｈ ｔｅｘｔ");
        miss[i] = bench_ms_since (start);

        start = g_get_monotonic_time ();
        g_ptr_array_sort_with_data (infos, compare_infos, now);
        sort[i] = bench_ms_since (start);
      }
    if (g_stat (index, &st) != 0)
      g_error ("no index");
    g_print ("case-list %u cases: index %.1f KB (%.0f bytes a case)\n", n_cases,
             st.st_size / 1e3, (double)st.st_size / n_cases);
    g_print ("case-list %u cases, search (main thread, each change of the search text): "
             "%.1f ms finding %u, %.1f ms finding none; sort %.1f ms (medians of %u)\n",
             n_cases, bench_median (hit, runs), found, bench_median (miss, runs), bench_median (sort, runs), runs);
  }

  {
    g_autofree double *ready = g_new (double, runs);
    g_autofree double *stalls = g_new (double, runs);

    for (guint i = 0; i < runs; i++)
      ready[i] = open_async_ms (dir, n_cases, &stalls[i]);
    g_print ("case-list %u cases, warm, opened asynchronously: list ready after %.1f ms, "
             "main thread busy at most %.1f ms at once (medians of %u)\n",
             n_cases, bench_median (ready, runs), bench_median (stalls, runs), runs);
  }

  /* One save of a typical case, through the store.  The write does not
   * depend on how many other cases there are; a folder of its own keeps
   * the index (rewritten by every flush) out of the figure. */
  {
    g_autofree char *save_dir = g_build_filename (root, "save", NULL);
    g_autoptr(SihCaseStore) store = sih_case_store_new (save_dir);
    g_autoptr(SihCase) c = generate_case (n_cases);
    guint save_runs = MAX (runs, 25);

    if (!sih_case_store_open (store, &error))
      g_error ("%s", error->message);
    sih_case_store_track (store, c);
    serialize = g_new (double, save_runs);
    save = g_new (double, save_runs);
    for (guint i = 0; i < save_runs; i++)
      {
        g_autofree char *note = g_strdup_printf ("Change %u", i);

        sih_case_set_note (c, "code-not-arriving", "step-1", note);

        start = g_get_monotonic_time ();
        g_bytes_unref (sih_case_file_to_bytes (c));
        serialize[i] = bench_ms_since (start);

        start = g_get_monotonic_time ();
        if (!sih_case_store_flush (store, &error))
          g_error ("%s", error->message);
        save[i] = bench_ms_since (start);
      }

    g_print ("case-save serialize (main thread during autosave): %.3f ms (median of %u)\n",
             bench_median (serialize, save_runs), save_runs);
    g_print ("case-save whole save (serialize + durable write + rename): %.3f ms "
             "(median of %u)\n", bench_median (save, save_runs), save_runs);
  }

  /* Closing the window with 10,000 cases: one case to save, and the index
   * rewritten. */
  {
    g_autoptr(SihCaseStore) store = sih_case_store_new (dir);
    g_autoptr(SihCase) c = NULL;
    g_autofree double *close = g_new (double, runs);

    if (!sih_case_store_open (store, &error))
      g_error ("%s", error->message);
    c = sih_case_store_new_case (store, "amazon-signin", "1.0");
    for (guint i = 0; i < runs; i++)
      {
        g_autofree char *note = g_strdup_printf ("Change %u", i);

        sih_case_set_note (c, "code-not-arriving", "step-1", note);
        start = g_get_monotonic_time ();
        if (!sih_case_store_flush (store, &error))
          g_error ("%s", error->message);
        close[i] = bench_ms_since (start);
      }
    g_print ("case-flush at window close, %u cases (save + index rewrite): %.1f ms "
             "(median of %u)\n", n_cases + 1, bench_median (close, runs), runs);
  }

  remove_tree (root);

  return 0;
}
