/* test-case-store.c: saving, listing, setting aside, deleting and importing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-case-store.h"
#include "core/sih-error.h"

typedef struct
{
  char         *root;
  char         *dir;
  SihCaseStore *store;
  guint         saved;
  guint         failed;
  GError       *last_failure;
  GPtrArray    *unreadable;  /* "path\nmoved_to\ncode" */
} Fixture;

static void
saved_cb (SihCaseStore *store,
          SihCase      *c,
          Fixture      *f)
{
  f->saved++;
}

static void
save_failed_cb (SihCaseStore *store,
                SihCase      *c,
                const GError *error,
                Fixture      *f)
{
  f->failed++;
  g_clear_error (&f->last_failure);
  f->last_failure = g_error_copy (error);
}

static void
unreadable_cb (SihCaseStore *store,
               const char   *path,
               const char   *moved_to,
               const GError *error,
               Fixture      *f)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == SIH_ERROR);
  g_ptr_array_add (f->unreadable, g_strdup_printf ("%s\n%s\n%d", path, moved_to ? moved_to : "",
                                                   error->code));
}

static SihCaseStore *
store_new (Fixture *f)
{
  SihCaseStore *store = sih_case_store_new (f->dir);

  sih_case_store_set_save_delay (store, 10);
  sih_case_store_set_retry_interval (store, 50);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), f);
  g_signal_connect (store, "unreadable", G_CALLBACK (unreadable_cb), f);

  return store;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("sih-case-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->root, "data", "cases", NULL);
  f->unreadable = g_ptr_array_new_with_free_func (g_free);
  f->store = store_new (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  struct stat st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

static void wait_idle (SihCaseStore *store);

/* As the app quits: nothing may still be writing into the folder once the
 * next store opens it or the test removes it, and nothing may hold on to
 * the store. */
static void
store_close (Fixture *f)
{
  if (f->store == NULL)
    return;
  sih_case_store_set_write_error (f->store, NULL);
  wait_idle (f->store);
  sih_case_store_flush (f->store, NULL);
  wait_idle (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_close (f);
  remove_tree (f->root);
  g_free (f->root);
  g_free (f->dir);
  g_clear_error (&f->last_failure);
  g_ptr_array_unref (f->unreadable);
}

/* Runs the main loop until nothing is pending or in flight. */
static void
wait_idle (SihCaseStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sih_case_store_get_busy (store))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
wait_for (guint *counter,
          guint  value)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*counter < value)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Lets the main loop run for a while, for checking that nothing happens. */
static void
spin (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
case_file (Fixture    *f,
           const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  return g_build_filename (f->dir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/* The file holds exactly what the case holds. */
static void
assert_file_holds (const char *path,
                   SihCase    *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) loaded = sih_case_file_load (path, &error);
  g_autoptr(GBytes) expected = sih_case_file_to_bytes (c);
  g_autoptr(GBytes) actual = NULL;

  g_assert_no_error (error);
  actual = sih_case_file_to_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, actual));
}

static SihCaseInfo *
item (SihCaseStore *store,
      guint         position)
{
  /* The list holds its own reference; borrowing is fine in a test. */
  SihCaseInfo *info = g_list_model_get_item (sih_case_store_get_cases (store), position);

  g_object_unref (info);
  return info;
}

static guint
n_items (SihCaseStore *store)
{
  return g_list_model_get_n_items (sih_case_store_get_cases (store));
}

/* Everything in @dir but the index, which comes and goes on its own time. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, "index.json"))
      n++;
  return n;
}

/* A saved case with a chosen id and update time, as another run of the
 * app would have left it. */
static SihCase *
put_case (Fixture    *f,
          const char *id,
          const char *title,
          int         minutes)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 ("2026-01-01T09:00:00+09:00", NULL);
  g_autoptr(GDateTime) later = g_date_time_add (created, minutes * G_TIME_SPAN_MINUTE + 123457);
  g_autoptr(GTimeZone) elsewhere = g_time_zone_new_identifier ("-03:30");
  /* Times with microseconds and with another offset, to check that both
   * survive the index. */
  g_autoptr(GDateTime) updated = minutes % 2 == 0 ? g_date_time_ref (later)
                                                  : g_date_time_to_timezone (later, elsewhere);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = case_file (f, id);
  SihCase *c = sih_case_new_restored (id, "test-pack", "1.0", created, updated);

  sih_case_restore_state (c, title, FALSE, NULL);
  sih_case_restore_record (c, "first", "one", SIH_OUTCOME_FAILED, "a note", updated);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  sih_case_file_save_to_path (c, path, &error);
  g_assert_no_error (error);

  return c;
}

static void
test_store_permissions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;
  g_autofree char *index = NULL;
  struct stat st;

  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpuint (n_items (f->store), ==, 0);

  /* A new case reaches the list and the disk with its first record. */
  c = sih_case_store_new_case (f->store, "test-pack", "1.0");
  path = case_file (f, sih_case_get_id (c));
  sih_case_set_cause_id (c, "first");
  g_assert_cmpuint (n_items (f->store), ==, 0);
  g_assert_false (sih_case_store_get_busy (f->store));
  g_assert_true (sih_case_store_flush (f->store, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (sih_case_store_lookup (f->store, sih_case_get_id (c)));

  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_FAILED);
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_true (sih_case_store_get_busy (f->store));
  wait_idle (f->store);

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (sih_case_store_flush (f->store, &error));
  index = g_build_filename (f->dir, "index.json", NULL);
  g_assert_cmpint (g_stat (index, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A case file someone opened up is private again once it is saved. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  sih_case_set_note (c, "first", "one", "Saved again");
  wait_idle (f->store);
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A folder someone opened up is made private again. */
  store_close (f);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpint (g_stat (f->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_store_autosave (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;
  SihCaseInfo *info;

  g_assert_true (sih_case_store_open (f->store, &error));
  c = sih_case_store_new_case (f->store, "test-pack", "1.0");
  sih_case_set_title (c, "First record");
  path = case_file (f, sih_case_get_id (c));
  wait_idle (f->store);
  g_assert_cmpuint (f->saved, ==, 1);
  assert_file_holds (path, c);

  /* A burst of changes is saved once, after it. */
  sih_case_set_title (c, "Ref 4711");
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_FAILED);
  sih_case_set_note (c, "first", "one", "The code never came.");
  sih_case_set_outcome (c, "first", "two", SIH_OUTCOME_WORKED);
  sih_case_set_detail (c, "device-type", "iPhone");
  sih_case_set_solved (c, TRUE);
  g_assert_true (sih_case_store_get_busy (f->store));

  /* The list shows the change at once, before it is saved. */
  info = sih_case_store_lookup (f->store, sih_case_get_id (c));
  g_assert_nonnull (info);
  g_assert_cmpstr (sih_case_info_get_title (info), ==, "Ref 4711");
  g_assert_true (sih_case_info_get_solved (info));
  g_assert_cmpint (sih_case_info_get_status (info), ==, SIH_STATUS_SOLVED);
  g_assert_cmpstr (sih_case_info_get_path (info), ==, path);

  wait_idle (f->store);
  g_assert_cmpuint (f->saved, ==, 2);
  g_assert_cmpuint (f->failed, ==, 0);
  assert_file_holds (path, c);

  /* No change, no save. */
  sih_case_set_title (c, "Ref 4711");
  spin (50);
  wait_idle (f->store);
  g_assert_cmpuint (f->saved, ==, 2);

  /* Flushing writes at once, without waiting for the delay. */
  sih_case_store_set_save_delay (f->store, 60000);
  sih_case_set_note (c, "first", "two", "Flushed.");
  g_assert_true (sih_case_store_get_busy (f->store));
  g_assert_true (sih_case_store_flush (f->store, &error));
  g_assert_no_error (error);
  assert_file_holds (path, c);
  g_assert_cmpuint (f->saved, ==, 3);
  wait_idle (f->store);

  /* Untracking still saves what was changed before. */
  sih_case_set_note (c, "first", "two", "Saved after untracking.");
  sih_case_store_untrack (f->store, c);
  wait_idle (f->store);
  assert_file_holds (path, c);
  sih_case_set_note (c, "first", "two", "Not saved any more.");
  spin (30);
  wait_idle (f->store);
  g_assert_cmpuint (f->saved, ==, 4);
  {
    g_autoptr(SihCase) loaded = sih_case_file_load (path, &error);

    g_assert_cmpstr (sih_case_get_note (loaded, "first", "two"), ==, "Saved after untracking.");
  }
}

static void
test_store_flush_in_flight (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;

  g_assert_true (sih_case_store_open (f->store, &error));
  sih_case_store_set_save_delay (f->store, 0);
  c = sih_case_store_new_case (f->store, "test-pack", NULL);
  path = case_file (f, sih_case_get_id (c));

  /* Writes in flight and a synchronous flush, many times over: whatever
   * order they finish in, the file ends up holding the latest state. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Round %u", i);

      sih_case_set_title (c, title);
      if (i % 3 == 0)
        g_main_context_iteration (NULL, FALSE);
      if (i % 2 == 0)
        {
          g_assert_true (sih_case_store_flush (f->store, &error));
          assert_file_holds (path, c);
        }
    }
  wait_idle (f->store);
  assert_file_holds (path, c);
  g_assert_cmpuint (f->failed, ==, 0);
}

static void
test_store_write_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) injected = g_error_new (SIH_ERROR, SIH_ERROR_IO, "No space left on device");
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;

  g_assert_true (sih_case_store_open (f->store, &error));
  c = sih_case_store_new_case (f->store, "test-pack", "1.0");
  sih_case_set_title (c, "Saved before");
  path = case_file (f, sih_case_get_id (c));
  wait_idle (f->store);
  before = read_bytes (path);

  sih_case_store_set_retry_interval (f->store, 100000);
  sih_case_store_set_write_error (f->store, injected);
  sih_case_set_title (c, "Not saved yet");
  sih_case_set_outcome (c, "first", "one", SIH_OUTCOME_WORKED);
  wait_for (&f->failed, 1);
  g_assert_error (f->last_failure, SIH_ERROR, SIH_ERROR_IO);
  g_assert_cmpstr (f->last_failure->message, ==, "No space left on device");

  /* The old file is intact, and the case is still in memory, unsaved. */
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (sih_case_get_title (c), ==, "Not saved yet");
  g_assert_true (sih_case_store_get_busy (f->store));
  g_assert_cmpuint (count_files (f->dir), ==, 1);  /* no temporary file left */

  /* Flushing (closing the window) reports the failure too. */
  g_assert_false (sih_case_store_flush (f->store, &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (f->failed, ==, 2);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* The next change tries again. */
  sih_case_set_note (c, "first", "one", "Retried on a change");
  wait_for (&f->failed, 3);
  g_assert_true (sih_case_store_get_busy (f->store));

  /* Once the disk has room again, the retry timer saves it. */
  sih_case_store_set_write_error (f->store, NULL);
  sih_case_store_set_retry_interval (f->store, 20);
  g_assert_cmpuint (f->saved, ==, 1);
  sih_case_set_note (c, "first", "one", "Saved at last");
  wait_idle (f->store);
  g_assert_cmpuint (f->saved, ==, 2);
  assert_file_holds (path, c);
}

static void
test_store_retry_timer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) injected = g_error_new (SIH_ERROR, SIH_ERROR_IO, "Read-only file system");
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;

  g_assert_true (sih_case_store_open (f->store, &error));
  sih_case_store_set_write_error (f->store, injected);
  c = sih_case_store_new_case (f->store, "test-pack", "1.0");
  sih_case_set_title (c, "First record");
  path = case_file (f, sih_case_get_id (c));

  /* Retried on its own, without another change, until it works. */
  wait_for (&f->failed, 3);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  sih_case_store_set_write_error (f->store, NULL);
  wait_for (&f->saved, 1);
  wait_idle (f->store);
  assert_file_holds (path, c);
}

/* Whether this process is held to file permissions: root is not, unless it
 * runs without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH (see main()). */
static gboolean
permissions_enforced (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sih-perm-XXXXXX", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *inside = g_build_filename (dir, "inside", NULL);
  g_autofree char *contents = NULL;
  gboolean wrote, read;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (locked, "x", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0000), ==, 0);
  read = g_file_get_contents (locked, &contents, NULL, NULL);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  wrote = g_file_set_contents (inside, "x", -1, NULL);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  g_remove (inside);
  g_remove (locked);
  g_rmdir (dir);
  return !wrote && !read;
}

static void
test_store_read_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;

  /* root with CAP_DAC_OVERRIDE writes to a read-only folder anyway; the
   * injected error covers this case there. */
  if (!permissions_enforced ())
    {
      g_test_skip ("running as root with CAP_DAC_OVERRIDE (no setpriv), which ignores "
                   "folder permissions");
      return;
    }

  g_assert_true (sih_case_store_open (f->store, &error));
  c = sih_case_store_new_case (f->store, "test-pack", "1.0");
  sih_case_set_title (c, "First record");
  path = case_file (f, sih_case_get_id (c));
  wait_idle (f->store);
  before = read_bytes (path);

  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  sih_case_set_title (c, "On a read-only disk");
  wait_for (&f->failed, 1);
  g_assert_error (f->last_failure, SIH_ERROR, SIH_ERROR_IO);
  /* Why, not only that: a full disk and a locked folder need other advice. */
  g_assert_cmpint (sih_error_get_io_code (f->last_failure), ==, G_IO_ERROR_PERMISSION_DENIED);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (sih_case_store_get_busy (f->store));

  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  wait_idle (f->store);
  assert_file_holds (path, c);
}

static void
test_store_list_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "Oldest", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Newest", 30);
  g_autoptr(SihCase) c = put_case (f, "cccc", "Middle", 10);
  g_autoptr(SihCase) d = put_case (f, "dddd", "Middle too", 10);
  g_autoptr(SihCase) loaded = NULL;
  SihCaseInfo *info;

  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 4);
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 0)), ==, "bbbb");
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 1)), ==, "cccc");
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 2)), ==, "dddd");
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 3)), ==, "aaaa");

  info = item (f->store, 3);
  g_assert_cmpstr (sih_case_info_get_title (info), ==, "Oldest");
  g_assert_true (g_date_time_equal (sih_case_info_get_updated (info), sih_case_get_updated (a)));
  g_assert_true (g_date_time_equal (sih_case_info_get_created (info), sih_case_get_created (a)));
  g_assert_cmpstr (sih_case_info_get_pack_id (info), ==, "test-pack");
  g_assert_cmpstr (sih_case_info_get_pack_version (info), ==, "1.0");
  g_assert_false (sih_case_info_get_solved (info));
  g_assert_null (sih_case_info_get_cause_id (info));

  /* Resuming the oldest and working on it moves it to the top. */
  loaded = sih_case_store_load (f->store, "aaaa", &error);
  g_assert_no_error (error);
  g_assert_true (sih_case_get_solved (loaded) == FALSE);
  sih_case_set_outcome (loaded, "first", "two", SIH_OUTCOME_WORKED);
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 0)), ==, "aaaa");
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 1)), ==, "bbbb");
  g_assert_cmpuint (n_items (f->store), ==, 4);
  wait_idle (f->store);

  /* The same object while it is tracked; unknown and malformed ids are
   * simply not there. */
  {
    g_autoptr(SihCase) again = sih_case_store_load (f->store, "aaaa", &error);

    g_assert_true (again == loaded);
  }
  g_assert_null (sih_case_store_load (f->store, "eeee", &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sih_case_store_load (f->store, "../../etc/passwd", &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (sih_case_store_lookup (f->store, "eeee"));
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_store_open_async (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Two", 5);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = case_file (f, "broken");

  write_bytes (broken, "", 0);
  sih_case_store_open_async (f->store, NULL, opened_cb, &result);
  /* Read in a worker; the list is filled in one go on the main thread. */
  g_assert_cmpuint (n_items (f->store), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sih_case_store_open_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f->store), ==, 2);
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 0)), ==, "bbbb");
  g_assert_cmpuint (f->unreadable->len, ==, 1);
  wait_idle (f->store);

  /* A folder that cannot be created is an error, not a crash. */
  g_clear_object (&result);
  {
    g_autofree char *file = g_build_filename (f->root, "a-file", NULL);
    g_autofree char *below = g_build_filename (file, "cases", NULL);
    g_autoptr(SihCaseStore) store = sih_case_store_new (below);

    write_bytes (file, "", 0);
    sih_case_store_open_async (store, NULL, opened_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (sih_case_store_open_finish (store, result, &error));
    g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
    g_assert_nonnull (strstr (error->message, below));
    g_clear_error (&error);
    g_assert_false (sih_case_store_open (store, &error));
    g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
    g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, 0);
  }
}

static const struct
{
  const char *source;     /* in tests/data/cases/bad, or NULL */
  const char *id;
  int         code;
} unreadable_files[] = {
  { "empty.json", "empty", SIH_ERROR_SYNTAX },
  { "truncated.json", "truncated", SIH_ERROR_SYNTAX },
  { "format-3.json", "future", SIH_ERROR_FORMAT },
  { "pack.json", "not-a-case", SIH_ERROR_NOT_A_CASE },
  { "garbage.json", "garbage", SIH_ERROR_ENCODING },
  { "record-bad-outcome.json", "bad-outcome", SIH_ERROR_INVALID_VALUE },
};

static void
test_store_unreadable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) good = put_case (f, "good", "Good", 0);
  g_autoptr(SihCase) elsewhere = NULL;
  g_autoptr(GHashTable) originals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify)g_bytes_unref);
  g_autoptr(GHashTable) modes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *outside = g_build_filename (f->root, "outside.json", NULL);
  g_autofree char *link = case_file (f, "link");
  g_autofree char *wrong_name = case_file (f, "wrong-name");
  g_autofree char *odd_name = g_build_filename (f->dir, "My notes.json", NULL);
  g_autofree char *unreadable_dir = g_build_filename (f->dir, "unreadable", NULL);
  g_autoptr(GBytes) outside_before = NULL;
  g_autoptr(GBytes) outside_after = NULL;
  GPtrArray *reported;
  struct stat st;

  for (guint i = 0; i < G_N_ELEMENTS (unreadable_files); i++)
    {
      g_autofree char *name = g_build_filename ("bad", unreadable_files[i].source, NULL);
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "cases", name, NULL);
      g_autofree char *path = case_file (f, unreadable_files[i].id);
      g_autoptr(GBytes) bytes = read_bytes (source);

      write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_hash_table_insert (originals, g_strdup (unreadable_files[i].id), g_bytes_ref (bytes));
    }
  /* Permissions go with the file. */
  {
    g_autofree char *path = case_file (f, "future");
    g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (unreadable_files); i++)
    {
      g_autofree char *path = case_file (f, unreadable_files[i].id);

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_hash_table_insert (modes, g_strdup (unreadable_files[i].id),
                           GUINT_TO_POINTER (st.st_mode & 0777));
    }

  /* A link to a perfectly good case elsewhere is not followed. */
  elsewhere = sih_case_new ("test-pack", NULL);
  sih_case_file_save_to_path (elsewhere, outside, &error);
  g_assert_no_error (error);
  outside_before = read_bytes (outside);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  /* A good case under the wrong name, and a file a person dropped in. */
  {
    g_autoptr(SihCase) c = sih_case_new ("test-pack", NULL);
    sih_case_file_save_to_path (c, wrong_name, &error);
    g_assert_no_error (error);
    write_bytes (odd_name, "{}", 2);
  }
  /* A folder named like a case. */
  {
    g_autofree char *folder = case_file (f, "a-folder");
    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  }

  /* The app starts, lists what it can read, and says what it could not. */
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 0)), ==, "good");

  reported = sih_case_store_get_unreadable (f->store);
  g_assert_cmpuint (reported->len, ==, G_N_ELEMENTS (unreadable_files) + 4);
  g_assert_cmpuint (f->unreadable->len, ==, reported->len);

  for (guint i = 0; i < reported->len; i++)
    {
      SihUnreadableCase *report = g_ptr_array_index (reported, i);
      g_autofree char *name = g_path_get_basename (report->path);
      g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
      GBytes *original = g_hash_table_lookup (originals, id);

      g_test_message ("%s → %s: %s", report->path, report->moved_to, report->error->message);
      g_assert_nonnull (report->moved_to);
      g_assert_true (g_str_has_prefix (report->moved_to, unreadable_dir));
      g_assert_false (g_file_test (report->path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
      /* The message says which file. */
      g_assert_nonnull (strstr (report->error->message, name));

      if (original != NULL)
        {
          g_autoptr(GBytes) moved = read_bytes (report->moved_to);
          guint j;

          /* Unchanged, byte for byte. */
          g_assert_true (g_bytes_equal (original, moved));
          for (j = 0; g_strcmp0 (unreadable_files[j].id, id) != 0; j++)
            ;
          g_assert_cmpint (report->error->code, ==, unreadable_files[j].code);
          g_assert_cmpint (g_stat (report->moved_to, &st), ==, 0);
          g_assert_cmpuint (st.st_mode & 0777, ==, GPOINTER_TO_UINT (g_hash_table_lookup (modes, id)));
        }
      else if (g_str_equal (id, "link"))
        {
          g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
          g_assert_nonnull (strstr (report->error->message, "symbolic link"));
          g_assert_cmpint (g_lstat (report->moved_to, &st), ==, 0);
          g_assert_true (S_ISLNK (st.st_mode));
        }
      else if (g_str_equal (id, "wrong-name"))
        {
          g_assert_error (report->error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
          g_assert_nonnull (strstr (report->error->message, "import it instead"));
        }
      else if (g_str_equal (id, "a-folder"))
        {
          g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
          g_assert_cmpint (sih_error_get_io_code (report->error), ==, G_IO_ERROR_IS_DIRECTORY);
          g_assert_true (g_file_test (report->moved_to, G_FILE_TEST_IS_DIR));
        }
      else
        {
          g_assert_cmpstr (id, ==, "My notes");
          g_assert_error (report->error, SIH_ERROR, SIH_ERROR_INVALID_VALUE);
        }
    }

  outside_after = read_bytes (outside);
  g_assert_true (g_bytes_equal (outside_before, outside_after));
  g_assert_cmpint (g_stat (unreadable_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* The same name again: moved beside the first, never over it. */
  {
    g_autofree char *path = case_file (f, "empty");
    g_autofree char *first = g_build_filename (unreadable_dir, "empty.json", NULL);
    g_autofree char *second = g_build_filename (unreadable_dir, "empty-1.json", NULL);
    g_autoptr(GBytes) kept = NULL;

    write_bytes (path, "{\"format\": 1", 12);
    store_close (f);
    f->store = store_new (f);
    g_assert_true (sih_case_store_open (f->store, &error));
    g_assert_cmpuint (sih_case_store_get_unreadable (f->store)->len, ==, 1);
    kept = read_bytes (first);
    g_assert_cmpuint (g_bytes_get_size (kept), ==, 0);
    g_clear_pointer (&kept, g_bytes_unref);
    kept = read_bytes (second);
    g_assert_cmpuint (g_bytes_get_size (kept), ==, 12);
    g_assert_cmpuint (n_items (f->store), ==, 1);
  }
}

static void
test_store_load_unreadable (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Two", 5);
  g_autoptr(SihCase) loaded = NULL;
  g_autofree char *path = case_file (f, "aaaa");
  g_autofree char *moved = g_build_filename (f->dir, "unreadable", "aaaa.json", NULL);
  const char *future = "{\"format\": 7, \"kind\": \"signin-helper-case\"}";

  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 2);

  /* Broken after it was listed: found out when it is resumed. */
  write_bytes (path, future, strlen (future));
  loaded = sih_case_store_load (f->store, "aaaa", &error);
  g_assert_null (loaded);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "aaaa.json: format: format 7 is newer"));
  g_assert_cmpuint (f->unreadable->len, ==, 1);
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_null (sih_case_store_lookup (f->store, "aaaa"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GBytes) kept = read_bytes (moved);
    g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), future, strlen (future));
  }
  g_clear_error (&error);

  /* Deleted behind our back: not found, and gone from the list. */
  {
    g_autofree char *other = case_file (f, "bbbb");
    g_unlink (other);
  }
  g_assert_null (sih_case_store_load (f->store, "bbbb", &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND);
  g_assert_cmpuint (n_items (f->store), ==, 0);
  g_assert_cmpuint (f->unreadable->len, ==, 1);
}

static void
test_store_index (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Two", 5);
  g_autoptr(SihCase) c = put_case (f, "cccc", "Three", 10);
  g_autofree char *index = g_build_filename (f->dir, "index.json", NULL);
  g_autofree char *index_text = NULL;
  g_autofree char *doctored = NULL;
  g_autofree char *path_b = case_file (f, "bbbb");
  g_autofree char *path_c = case_file (f, "cccc");
  g_autoptr(GString) text = NULL;
  g_autoptr(GDateTime) call_back = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);

  /* What the list filters, sorts and searches by comes from the index too. */
  sih_case_restore_help_desk (c, "HD-4711", "Tanaka Hanako", NULL);
  sih_case_restore_status (c, SIH_STATUS_CALL_BACK, NULL, NULL, call_back);
  sih_case_file_save_to_path (c, path_c, &error);
  g_assert_no_error (error);

  /* Without an index every file is read, and an index is written. */
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 3);
  wait_idle (f->store);
  g_assert_true (sih_case_store_flush (f->store, &error));
  g_assert_true (g_file_get_contents (index, &index_text, NULL, &error));
  g_assert_nonnull (strstr (index_text, "\"kind\":\"signin-helper-case-index\""));
  g_assert_nonnull (strstr (index_text, "\"Three\""));
  store_close (f);

  /* With an index, unchanged files are not read: a title only the index
   * has shows that the list came from it. */
  text = g_string_new (index_text);
  g_assert_cmpuint (g_string_replace (text, "\"Three\"", "\"From the index\"", 0), ==, 1);
  write_bytes (index, text->str, text->len);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 3);
  g_assert_cmpstr (sih_case_info_get_title (item (f->store, 0)), ==, "From the index");
  g_assert_cmpint (sih_case_info_get_status (item (f->store, 0)), ==, SIH_STATUS_CALL_BACK);
  g_assert_true (g_date_time_equal (sih_case_info_get_call_back (item (f->store, 0)), call_back));
  g_assert_cmpstr (sih_case_info_get_ticket (item (f->store, 0)), ==, "HD-4711");
  g_assert_cmpstr (sih_case_info_get_caller_name (item (f->store, 0)), ==, "Tanaka Hanako");
  g_assert_cmpint (sih_case_info_get_status (item (f->store, 1)), ==, SIH_STATUS_OPEN);
  g_assert_null (sih_case_info_get_call_back (item (f->store, 1)));
  /* Everything else as the files say, times to the microsecond and with
   * their UTC offsets. */
  {
    SihCase *cases[] = { c, b, a };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        SihCaseInfo *info = item (f->store, i);
        g_autofree char *want_created = g_date_time_format_iso8601 (sih_case_get_created (cases[i]));
        g_autofree char *have_created = g_date_time_format_iso8601 (sih_case_info_get_created (info));
        g_autofree char *want_updated = g_date_time_format_iso8601 (sih_case_get_updated (cases[i]));
        g_autofree char *have_updated = g_date_time_format_iso8601 (sih_case_info_get_updated (info));

        g_assert_cmpstr (sih_case_info_get_id (info), ==, sih_case_get_id (cases[i]));
        g_assert_cmpstr (have_created, ==, want_created);
        g_assert_cmpstr (have_updated, ==, want_updated);
        g_assert_cmpstr (sih_case_info_get_pack_id (info), ==, "test-pack");
        g_assert_cmpstr (sih_case_info_get_pack_version (info), ==, "1.0");
      }
  }
  store_close (f);

  /* A changed file is read again. */
  sih_case_restore_state (c, "Changed on disk", FALSE, NULL);
  sih_case_file_save_to_path (c, path_c, &error);
  g_assert_no_error (error);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpstr (sih_case_info_get_title (item (f->store, 0)), ==, "Changed on disk");
  wait_idle (f->store);
  store_close (f);
  g_clear_pointer (&index_text, g_free);
  g_assert_true (g_file_get_contents (index, &index_text, NULL, &error));
  g_assert_nonnull (strstr (index_text, "\"Changed on disk\""));
  g_assert_null (strstr (index_text, "From the index"));

  /* A removed file leaves the list and the index; a new one joins. */
  g_unlink (path_b);
  {
    g_autoptr(SihCase) d = put_case (f, "dddd", "Four", 20);
  }
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 3);
  g_assert_null (sih_case_store_lookup (f->store, "bbbb"));
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 0)), ==, "dddd");
  wait_idle (f->store);
  store_close (f);
  g_clear_pointer (&index_text, g_free);
  g_assert_true (g_file_get_contents (index, &index_text, NULL, &error));
  g_assert_null (strstr (index_text, "bbbb"));
  g_assert_nonnull (strstr (index_text, "dddd"));

  /* A broken index is only a cache: rebuilt, never reported. */
  write_bytes (index, "{\"format\": 1, \"kind\": \"signin-helper-case-index\", \"cases\": [{\"id\": 5}",
               60);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 3);
  g_assert_cmpuint (f->unreadable->len, ==, 0);
  wait_idle (f->store);
  store_close (f);
  doctored = NULL;
  g_clear_pointer (&index_text, g_free);
  g_assert_true (g_file_get_contents (index, &index_text, NULL, &error));
  g_assert_nonnull (strstr (index_text, "\"Four\""));

  /* Also when it describes a file that is now something else. */
  {
    const char *garbage = "not json";
    g_autofree char *path_a = case_file (f, "aaaa");

    write_bytes (path_a, garbage, strlen (garbage));
    f->store = store_new (f);
    g_assert_true (sih_case_store_open (f->store, &error));
    g_assert_cmpuint (n_items (f->store), ==, 2);
    g_assert_cmpuint (f->unreadable->len, ==, 1);
  }
}

static void
test_store_leftovers (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autofree char *leftover = g_build_filename (f->dir, "aaaa.json.Ab12Cd", NULL);
  g_autofree char *index_leftover = g_build_filename (f->dir, "index.json.ZZ99zz", NULL);
  g_autofree char *other = g_build_filename (f->dir, "README.txt", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "My case.json.backup", NULL);

  /* What a crash between writing and renaming leaves behind. */
  write_bytes (leftover, "{\"format\": 1, \"ki", 17);
  write_bytes (index_leftover, "{", 1);
  write_bytes (other, "not ours", 8);
  write_bytes (backup, "not ours either", 15);

  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (index_leftover, G_FILE_TEST_EXISTS));
  /* Files that are not ours are left alone. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (f->unreadable->len, ==, 0);
}

static void
test_store_no_permission (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Two", 5);
  g_autofree char *path = case_file (f, "aaaa");
  SihUnreadableCase *report;

  if (!permissions_enforced ())
    {
      g_test_skip ("running as root with CAP_DAC_READ_SEARCH (no setpriv), which reads "
                   "any file");
      return;
    }

  /* A file that cannot be opened at all may be readable later: it is
   * reported, but left where it is. */
  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_cmpuint (sih_case_store_get_unreadable (f->store)->len, ==, 1);
  report = g_ptr_array_index (sih_case_store_get_unreadable (f->store), 0);
  g_assert_cmpstr (report->path, ==, path);
  g_assert_null (report->moved_to);
  g_assert_error (report->error, SIH_ERROR, SIH_ERROR_IO);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  store_close (f);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 2);
}

static void
test_store_trash (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) a = put_case (f, "aaaa", "One", 0);
  g_autoptr(SihCase) b = put_case (f, "bbbb", "Two", 5);
  g_autoptr(SihCase) c = put_case (f, "cccc", "Three", 10);
  g_autoptr(SihCase) tracked = NULL;
  g_autofree char *path_b = case_file (f, "bbbb");
  g_autofree char *path_c = case_file (f, "cccc");
  g_autofree char *unreadable_dir = g_build_filename (f->dir, "unreadable", NULL);

  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 3);

  /* Delete: gone from the list, but the file waits for the Undo toast. */
  g_assert_true (sih_case_store_trash (f->store, "bbbb"));
  g_assert_false (sih_case_store_trash (f->store, "bbbb"));
  g_assert_cmpuint (n_items (f->store), ==, 2);
  g_assert_null (sih_case_store_lookup (f->store, "bbbb"));
  g_assert_true (g_file_test (path_b, G_FILE_TEST_EXISTS));
  g_assert_null (sih_case_store_load (f->store, "bbbb", &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: back where it was. */
  g_assert_true (sih_case_store_restore (f->store, "bbbb"));
  g_assert_false (sih_case_store_restore (f->store, "bbbb"));
  g_assert_cmpuint (n_items (f->store), ==, 3);
  g_assert_cmpstr (sih_case_info_get_id (item (f->store, 1)), ==, "bbbb");

  /* The toast went away: the file goes. */
  g_assert_true (sih_case_store_trash (f->store, "bbbb"));
  g_assert_true (sih_case_store_purge (f->store, "bbbb", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path_b, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_items (f->store), ==, 2);
  g_assert_false (sih_case_store_restore (f->store, "bbbb"));
  g_assert_false (sih_case_store_purge (f->store, "bbbb", &error));
  g_assert_error (error, SIH_ERROR, SIH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A case deleted while a save is pending stays deleted. */
  tracked = sih_case_store_load (f->store, "cccc", &error);
  g_assert_no_error (error);
  sih_case_store_set_save_delay (f->store, 0);
  sih_case_set_title (tracked, "Changed, then deleted");
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (sih_case_store_trash (f->store, "cccc"));
  g_assert_true (sih_case_store_purge (f->store, "cccc", &error));
  sih_case_set_title (tracked, "Changed after it was deleted");
  spin (50);
  wait_idle (f->store);
  g_assert_false (g_file_test (path_c, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_items (f->store), ==, 1);

  /* Trashed but never purged (the app quit): the case is still there on
   * the next start. */
  g_assert_true (sih_case_store_trash (f->store, "aaaa"));
  store_close (f);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_cmpuint (n_items (f->store), ==, 1);

  /* Delete everything, unreadable files included, and a folder named
   * like a case (set aside, with a file in it), and a new case with
   * nothing in it yet. */
  write_bytes (path_b, "", 0);
  {
    g_autofree char *folder = case_file (f, "a-folder");
    g_autofree char *inside = g_build_filename (folder, "notes.txt", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    write_bytes (inside, "x", 1);
  }
  store_close (f);
  f->store = store_new (f);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_true (g_file_test (unreadable_dir, G_FILE_TEST_IS_DIR));
  {
    g_autoptr(SihCase) fresh = sih_case_store_new_case (f->store, "test-pack", NULL);
    g_autoptr(SihCase) blank = sih_case_store_new_case (f->store, "test-pack", NULL);

    sih_case_set_title (fresh, "First record");

    g_assert_cmpuint (n_items (f->store), ==, 2);
    g_assert_cmpuint (sih_case_store_get_unreadable (f->store)->len, ==, 2);
    g_assert_true (sih_case_store_delete_all (f->store, &error));
    g_assert_no_error (error);
    wait_idle (f->store);
  }
  g_assert_cmpuint (n_items (f->store), ==, 0);
  g_assert_cmpuint (sih_case_store_get_unreadable (f->store)->len, ==, 0);
  g_assert_false (g_file_test (unreadable_dir, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

/* Imports a file whose case is not saved yet. */
static SihCaseInfo *
import_new (SihCaseStore  *store,
            GFile         *file,
            GError       **error)
{
  g_autoptr(SihImport) import = sih_case_store_check_import (store, file, error);

  if (import == NULL)
    return NULL;
  g_assert_cmpint (import->conflict, ==, SIH_IMPORT_NEW);
  g_assert_null (import->saved);
  return sih_case_store_finish_import (store, import, SIH_IMPORT_ADD, error);
}

static void
test_store_import (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *older = g_test_build_filename (G_TEST_DIST, "data", "cases", "older-pack.json",
                                                  NULL);
  g_autoptr(GFile) file = g_file_new_for_path (older);
  g_autoptr(SihCase) original = sih_case_file_load (older, &error);
  g_autoptr(SihCaseInfo) first = NULL;
  g_autoptr(SihCaseInfo) second = NULL;
  g_autoptr(SihCase) loaded = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  static const char * const bad[] = {
    "empty.json", "truncated.json", "format-3.json", "pack.json", "garbage.json",
    "record-bad-outcome.json",
  };
  static const int bad_codes[] = {
    SIH_ERROR_SYNTAX, SIH_ERROR_SYNTAX, SIH_ERROR_FORMAT, SIH_ERROR_NOT_A_CASE,
    SIH_ERROR_ENCODING, SIH_ERROR_INVALID_VALUE,
  };

  g_assert_no_error (error);
  g_assert_true (sih_case_store_open (f->store, &error));

  /* A case from an older pack keeps every record, including steps the
   * pack no longer has. */
  first = import_new (f->store, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (sih_case_info_get_id (first), ==, sih_case_get_id (original));
  g_assert_cmpstr (sih_case_info_get_title (first), ==, "Handed over from the front desk");
  g_assert_cmpstr (sih_case_info_get_pack_version (first), ==, "0.9");
  g_assert_cmpuint (n_items (f->store), ==, 1);

  loaded = sih_case_store_load (f->store, sih_case_info_get_id (first), &error);
  g_assert_no_error (error);
  expected = sih_case_file_to_bytes (original);
  actual = sih_case_file_to_bytes (loaded);
  g_assert_true (g_bytes_equal (expected, actual));
  g_assert_cmpint (sih_case_get_outcome (loaded, "first", "old-sms-resend"), ==,
                   SIH_OUTCOME_FAILED);
  g_assert_cmpint (sih_case_get_outcome (loaded, "retired-cause", "check-spam"), ==,
                   SIH_OUTCOME_WORKED);

  /* Importing it again is never silent: the saved case is found, and the
   * file is not newer; kept both, the copy gets its own id and says it
   * is a copy. */
  {
    g_autoptr(SihImport) again = sih_case_store_check_import (f->store, file, &error);

    g_assert_no_error (error);
    g_assert_cmpint (again->conflict, ==, SIH_IMPORT_NOT_NEWER);
    g_assert_cmpstr (sih_case_info_get_id (again->saved), ==, sih_case_info_get_id (first));
    g_assert_cmpuint (n_items (f->store), ==, 1);
    second = sih_case_store_finish_import (f->store, again, SIH_IMPORT_KEEP_BOTH, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (sih_case_info_get_id (second), !=, sih_case_info_get_id (first));
  g_assert_true (g_uuid_string_is_valid (sih_case_info_get_id (second)));
  g_assert_cmpuint (n_items (f->store), ==, 2);
  {
    g_autofree char *path = case_file (f, sih_case_info_get_id (second));
    g_autoptr(SihCase) copy = sih_case_file_load (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sih_case_get_title (copy), ==, "Handed over from the front desk (copy from handover)");
    g_assert_cmpstr (sih_case_info_get_title (second), ==, "Handed over from the front desk (copy from handover)");
    g_assert_cmpuint (sih_case_get_records (copy)->len, ==, 3);
  }
  wait_idle (f->store);

  /* Bad files are refused with the reason, and nothing is added. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_build_filename ("bad", bad[i], NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cases", name, NULL);
      g_autoptr(GFile) bad_file = g_file_new_for_path (path);
      g_autoptr(SihCaseInfo) info = import_new (f->store, bad_file, &error);

      g_assert_null (info);
      g_assert_error (error, SIH_ERROR, bad_codes[i]);
      g_assert_true (g_str_has_prefix (error->message, bad[i]));
      g_clear_error (&error);
    }
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/case.json");
    g_autoptr(SihCaseInfo) info = import_new (f->store, missing, &error);

    g_assert_null (info);
    g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
    g_clear_error (&error);
  }
  g_assert_cmpuint (n_items (f->store), ==, 2);
  g_assert_cmpuint (count_files (f->dir), ==, 2);
  g_assert_cmpuint (f->unreadable->len, ==, 0);

  /* A write that fails adds nothing either. */
  {
    g_autoptr(GError) injected = g_error_new (SIH_ERROR, SIH_ERROR_IO, "Disk full");
    g_autoptr(SihCaseInfo) info = NULL;

    g_autoptr(SihImport) again = sih_case_store_check_import (f->store, file, &error);

    g_assert_no_error (error);
    sih_case_store_set_write_error (f->store, injected);
    info = sih_case_store_finish_import (f->store, again, SIH_IMPORT_KEEP_BOTH, &error);
    g_assert_null (info);
    g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
    g_assert_cmpuint (n_items (f->store), ==, 2);
    g_assert_cmpuint (count_files (f->dir), ==, 2);
  }
}

/* Writes @c, changed @minutes after it, to a file of its own, as someone
 * who worked on it elsewhere hands it back. */
static GFile *
handed_back (Fixture    *f,
             SihCase    *c,
             const char *title,
             int         minutes)
{
  g_autoptr(GBytes) bytes = sih_case_file_to_bytes (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) theirs = sih_case_file_load_bytes (bytes, "theirs", &error);
  g_autoptr(GDateTime) updated = g_date_time_add_minutes (sih_case_get_updated (c), minutes);
  g_autofree char *path = g_build_filename (f->root, "handed-back.json", NULL);
  g_autofree char *cause_id = NULL;

  g_assert_no_error (error);
  cause_id = g_strdup (sih_case_get_cause_id (theirs));
  sih_case_restore_state (theirs, title, FALSE, cause_id);
  sih_case_restore_updated (theirs, updated);
  g_assert_true (sih_case_file_save_to_path (theirs, path, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* A case handed back newer than the saved one: Update replaces it in
 * place, atomically (a failed write leaves it as it was); one that is not
 * newer can only be kept beside it. */
static void
test_store_import_update (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) ours = NULL;
  g_autoptr(GFile) newer = NULL;
  g_autoptr(GFile) older = NULL;
  g_autoptr(SihImport) import = NULL;
  g_autoptr(SihCaseInfo) info = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;

  g_assert_true (sih_case_store_open (f->store, &error));
  ours = sih_case_store_new_case (f->store, "test-pack", "1.0");
  sih_case_set_title (ours, "Ours");
  sih_case_set_note (ours, "code-not-arriving", "check-spam", "Spam was empty");
  g_assert_true (sih_case_store_flush (f->store, &error));
  id = g_strdup (sih_case_get_id (ours));
  path = case_file (f, id);
  newer = handed_back (f, ours, "Theirs", 30);

  import = sih_case_store_check_import (f->store, newer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->conflict, ==, SIH_IMPORT_NEWER);
  g_assert_cmpstr (sih_case_info_get_id (import->saved), ==, id);
  g_assert_true (g_date_time_equal (sih_case_info_get_updated (import->saved),
                                    sih_case_get_updated (ours)));

  /* Still being worked on here: updating would be lost to its next save. */
  info = sih_case_store_finish_import (f->store, import, SIH_IMPORT_UPDATE, &error);
  g_assert_null (info);
  g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
  g_clear_error (&error);
  sih_case_store_untrack (f->store, ours);
  wait_idle (f->store);

  /* A write that fails leaves the saved case as it was. */
  before = read_bytes (path);
  {
    g_autoptr(GError) injected = g_error_new (SIH_ERROR, SIH_ERROR_IO, "Disk full");

    sih_case_store_set_write_error (f->store, injected);
    info = sih_case_store_finish_import (f->store, import, SIH_IMPORT_UPDATE, &error);
    g_assert_null (info);
    g_assert_error (error, SIH_ERROR, SIH_ERROR_IO);
    g_clear_error (&error);
    sih_case_store_set_write_error (f->store, NULL);
  }
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, id)), ==, "Ours");
  g_assert_cmpuint (n_items (f->store), ==, 1);

  /* Updated: the same case, the same id, what the file holds. */
  info = sih_case_store_finish_import (f->store, import, SIH_IMPORT_UPDATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_info_get_id (info), ==, id);
  g_assert_cmpstr (sih_case_info_get_title (info), ==, "Theirs");
  g_assert_cmpuint (n_items (f->store), ==, 1);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
  assert_file_holds (path, import->kase);
  {
    g_autoptr(SihCase) loaded = sih_case_store_load (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sih_case_get_title (loaded), ==, "Theirs");
    g_assert_cmpstr (sih_case_get_note (loaded, "code-not-arriving", "check-spam"), ==, "Spam was empty");
    sih_case_store_untrack (f->store, loaded);
  }
  g_clear_object (&info);
  g_clear_pointer (&import, sih_import_free);

  /* The same file again, or an older one: not newer. */
  import = sih_case_store_check_import (f->store, newer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->conflict, ==, SIH_IMPORT_NOT_NEWER);
  g_clear_pointer (&import, sih_import_free);
  {
    g_autoptr(SihCase) loaded = sih_case_store_load (f->store, id, &error);

    g_assert_no_error (error);
    older = handed_back (f, loaded, "Older", -60);
    sih_case_store_untrack (f->store, loaded);
  }
  import = sih_case_store_check_import (f->store, older, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->conflict, ==, SIH_IMPORT_NOT_NEWER);
  info = sih_case_store_finish_import (f->store, import, SIH_IMPORT_KEEP_BOTH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_info_get_id (info), !=, id);
  g_assert_cmpstr (sih_case_info_get_title (info), ==, "Older (copy from handover)");
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (f->store, id)), ==, "Theirs");
  g_assert_cmpuint (n_items (f->store), ==, 2);
  wait_idle (f->store);
}

static void
test_store_symlink_on_save (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outside = g_build_filename (f->root, "precious.txt", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  struct stat st;

  g_assert_true (sih_case_store_open (f->store, &error));
  c = sih_case_store_new_case (f->store, "test-pack", NULL);
  sih_case_set_title (c, "First record");
  path = case_file (f, sih_case_get_id (c));
  wait_idle (f->store);

  /* Someone replaces the case file with a link to a file of theirs: the
   * next save never writes through it, and sets the link aside, reported
   * like one found at start-up, before writing the case anew. */
  write_bytes (outside, "precious", 8);
  before = read_bytes (outside);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (outside, path), ==, 0);
  sih_case_set_title (c, "Saved over the link");
  wait_idle (f->store);
  after = read_bytes (outside);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  assert_file_holds (path, c);

  g_assert_cmpuint (f->unreadable->len, ==, 1);
  g_assert_cmpuint (sih_case_store_get_unreadable (f->store)->len, ==, 1);
  {
    SihUnreadableCase *report = g_ptr_array_index (sih_case_store_get_unreadable (f->store), 0);
    g_autofree char *target = NULL;

    g_assert_cmpstr (report->path, ==, path);
    g_assert_nonnull (strstr (report->error->message, "symbolic link"));
    g_assert_nonnull (report->moved_to);
    g_assert_cmpint (g_lstat (report->moved_to, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    target = g_file_read_link (report->moved_to, NULL);
    g_assert_cmpstr (target, ==, outside);
  }
}

/* As root (CI, a chroot), file permissions are not enforced, and the
 * tests of unwritable folders and unreadable files could only be skipped.
 * Run again without the capabilities that bypass them instead; setpriv is
 * in util-linux, which every Debian system has. */
static void
drop_permission_overrides (char **argv)
{
  g_autofree char *setpriv = NULL;
  g_autoptr(GPtrArray) args = NULL;

  if (geteuid () != 0 || g_getenv ("SIH_TEST_WITHOUT_DAC_OVERRIDE") != NULL)
    return;
  setpriv = g_find_program_in_path ("setpriv");
  if (setpriv == NULL)
    return;

  args = g_ptr_array_new ();
  g_ptr_array_add (args, setpriv);
  g_ptr_array_add (args, (gpointer)"--bounding-set=-dac_override,-dac_read_search");
  g_ptr_array_add (args, (gpointer)"--");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  g_setenv ("SIH_TEST_WITHOUT_DAC_OVERRIDE", "1", TRUE);
  execv (setpriv, (char **)args->pdata);
  /* Not replaced: go on with the capabilities, and skip those tests. */
  g_unsetenv ("SIH_TEST_WITHOUT_DAC_OVERRIDE");
}

int
main (int   argc,
      char *argv[])
{
  drop_permission_overrides (argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/case-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("permissions", test_store_permissions);
  ADD ("autosave", test_store_autosave);
  ADD ("flush-in-flight", test_store_flush_in_flight);
  ADD ("write-error", test_store_write_error);
  ADD ("retry-timer", test_store_retry_timer);
  ADD ("read-only", test_store_read_only);
  ADD ("list-order", test_store_list_order);
  ADD ("open-async", test_store_open_async);
  ADD ("unreadable", test_store_unreadable);
  ADD ("load-unreadable", test_store_load_unreadable);
  ADD ("index", test_store_index);
  ADD ("leftovers", test_store_leftovers);
  ADD ("no-permission", test_store_no_permission);
  ADD ("trash", test_store_trash);
  ADD ("import", test_store_import);
  ADD ("import-update", test_store_import_update);
  ADD ("symlink-on-save", test_store_symlink_on_save);

#undef ADD

  return g_test_run ();
}
