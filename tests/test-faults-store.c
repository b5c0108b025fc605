/* test-faults-store.c: every I/O call of every case store operation,
 * failed in turn with every error it can return, and a crash at each
 *
 * For each operation (autosave, save at close, the index rewrite, import,
 * Export Case…, delete and undo, purge, Delete All, setting aside an
 * unreadable file): tests/fault/fault-store-driver does it once under the
 * fault injector (tests/fault/sih-fault-inject.c) to count its I/O calls,
 * then again for each call and each error that call can return (ENOSPC,
 * EIO, EACCES, EROFS, a short write) and a crash right before it.  After
 * every run:
 *  - no case file is damaged or missing, read with the app's own loader;
 *  - when the operation failed, the disk held the state before it or the
 *    state after it, never a mix (Delete All: some of the cases, each
 *    whole), and the person was told: an error that names the file and the
 *    reason, with the code the window turns into words;
 *  - once the fault cleared, trying again (the next autosave, closing
 *    again, choosing again, the next start) did it, with nothing lost;
 *  - after a crash, the disk holds the state before or after;
 *  - the store opened on what is left lists each case once.
 * /faults/store/index-damage truncates, corrupts or deletes index.json
 * at each point of its rewrite: the list is rebuilt from the case files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-case-index.h"
#include "core/sih-case-store.h"
#include "core/sih-error.h"
#include "fault/fault-store-common.h"
#include "fault/sih-fault.h"

typedef struct
{
  const char *op;
  char       *base;      /* this test's temporary folder */
  char       *template;  /* the three cases, written once */
  char       *before;
  char       *after;
  guint       n_runs;
  guint       n_failed;    /* runs in which the operation reported failure */
  guint       n_problems;  /* broken invariants */
} Fixture;

/* A broken invariant fails the test, but the other runs go on: one
 * report shows every failure point that needs fixing. */
static gboolean G_GNUC_PRINTF (2, 3)
problem (Fixture    *f,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (f->n_problems++ < 40)
    g_test_message ("%s", message);
  g_test_fail ();
  return FALSE;
}

/* Errors as the window words them (save_failure_reasons in
 * src/ui/sih-window.c): the code must say what happened. */
static const struct
{
  const char   *name;
  int           number;
  GIOErrorEnum  code;
} errors[] = {
  { "ENOSPC", ENOSPC, G_IO_ERROR_NO_SPACE },
  { "EACCES", EACCES, G_IO_ERROR_PERMISSION_DENIED },
  { "EROFS", EROFS, G_IO_ERROR_READ_ONLY },
  { "EIO", EIO, G_IO_ERROR_FAILED },
};

/* Setting up a run */

static SihCase *
make_case (const char *id,
           const char *title,
           const char *note,
           const char *updated)
{
  SihCase *c = sih_case_new (FAULT_PACK, "1.0");
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (updated, NULL);

  sih_case_restore_id (c, id);
  sih_case_set_title (c, title);
  sih_case_set_note (c, FAULT_CAUSE, FAULT_STEP, note);
  sih_case_restore_updated (c, time);
  return c;
}

static void
save_case (SihCase    *c,
           const char *folder)
{
  g_autofree char *name = g_strconcat (sih_case_get_id (c), ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_assert_true (sih_case_file_save_to_path (c, path, &error));
  g_assert_no_error (error);
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static void
move_into_place (const char *folder,
                 const char *from,
                 const char *to)
{
  g_autofree char *source = g_build_filename (folder, from, NULL);
  g_autofree char *target = g_build_filename (folder, to, NULL);

  g_assert_no_errno (g_rename (source, target));
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_no_errno (g_mkdir_with_parents (to, 0700));
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      write_file (to, name, contents);
    }
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Opens a store and lets it go: the index is written, fresh. */
static void
write_index (const char *cases)
{
  g_autoptr(SihCaseStore) store = sih_case_store_new (cases);
  g_autoptr(GError) error = NULL;

  g_assert_true (sih_case_store_open (store, &error));
  g_assert_no_error (error);
}

/* A run's folder: the three cases with a fresh index (copied files have
 * new inodes, which the index would not know), then what the operation
 * needs beside them. */
static char *
prepare_run (Fixture    *f,
             const char *name)
{
  char *root = g_build_filename (f->base, name, NULL);
  g_autofree char *cases = g_build_filename (root, FAULT_CASES_DIR, NULL);
  g_autofree char *handover = g_build_filename (root, FAULT_HANDOVER_DIR, NULL);
  const char *op = f->op;

  remove_tree (root);
  copy_folder (f->template, cases);
  write_index (cases);

  if (g_str_equal (op, "index-rewrite") || g_str_equal (op, "index-damage"))
    {
      g_autoptr(SihCase) d = make_case (FAULT_CASE_D, "Case D", "before", "2020-01-04T10:00:00Z");

      save_case (d, cases);
    }
  else if (g_str_equal (op, "set-aside"))
    {
      write_file (cases, FAULT_JUNK ".json", "{ \"format\": 1, \"id\": ");
    }
  else if (g_str_equal (op, "delete-all"))
    {
      g_autofree char *unreadable = g_build_filename (cases, "unreadable", NULL);

      write_file (unreadable, FAULT_JUNK ".json", "not a case");
    }
  else if (g_str_equal (op, "export"))
    {
      g_autoptr(SihCase) old = make_case (FAULT_CASE_A, "Case A", "an older export",
                                          "2019-12-01T10:00:00Z");

      save_case (old, handover);
    }
  else if (g_str_equal (op, "import-new"))
    {
      g_autoptr(SihCase) c = make_case (FAULT_CASE_NEW, "Imported", "imported",
                                        "2021-01-01T10:00:00Z");

      save_case (c, root);
      move_into_place (root, FAULT_CASE_NEW ".json", FAULT_IMPORT);
    }
  else if (g_str_has_prefix (op, "import-"))
    {
      /* Case A, handed back changed: newer than the saved one. */
      g_autoptr(SihCase) c = make_case (FAULT_CASE_A, "Case A", "imported",
                                        "2021-01-01T10:00:00Z");

      save_case (c, root);
      move_into_place (root, FAULT_CASE_A ".json", FAULT_IMPORT);
    }

  return root;
}

/* Where the injected faults land: the case folder, or for an export the
 * folder the handover file goes to. */
static char *
fault_folder (Fixture    *f,
              const char *root)
{
  return g_build_filename (root, g_str_equal (f->op, "export") ? FAULT_HANDOVER_DIR :
                                 FAULT_CASES_DIR, NULL);
}

typedef struct
{
  int       status;   /* exit status, or -1 when killed */
  char     *output;   /* its standard error */
  GPtrArray *calls;   /* SihFaultCall */
  gulong    fired;
  GKeyFile *report;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->output);
  g_clear_pointer (&run->calls, g_ptr_array_unref);
  g_clear_pointer (&run->report, g_key_file_free);
}

static char **
driver_environment (const char *folder,
                    const char *log,
                    gulong      at,
                    const char *error)
{
  char **env = g_get_environ ();
  g_autofree char *shim = g_test_build_filename (G_TEST_BUILT, "libsih-fault-inject.so", NULL);
  g_autofree char *at_text = g_strdup_printf ("%lu", at);
  g_autofree char *asan_options = sih_fault_asan_options (g_environ_getenv (env, "ASAN_OPTIONS"));
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan_options, TRUE);
  env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
  env = g_environ_setenv (env, "SIH_FAULT_DIR", folder, TRUE);
  env = g_environ_setenv (env, "SIH_FAULT_LOG", log, TRUE);
  env = g_environ_setenv (env, "SIH_FAULT_FAIL_AT", at_text, TRUE);
  env = g_environ_setenv (env, "SIH_FAULT_ERROR", error != NULL ? error : "EIO", TRUE);
  return env;
}

static void
run_driver (Fixture    *f,
            const char *op,
            const char *root,
            gulong      at,
            const char *error_name,
            Run        *run)
{
  g_autofree char *driver = g_test_build_filename (G_TEST_BUILT, "fault-store-driver", NULL);
  g_autofree char *folder = fault_folder (f, root);
  g_autofree char *log = g_build_filename (root, "fault.log", NULL);
  g_autofree char *report = g_build_filename (root, "report.ini", NULL);
  g_autofree char *log_text = NULL;
  g_auto(GStrv) env = driver_environment (folder, log, at, error_name);
  const char *argv[] = { driver, op, root, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &run->output, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  f->n_runs++;

  if (g_file_get_contents (log, &log_text, NULL, NULL))
    run->calls = sih_fault_parse_log (log_text, &run->fired);
  else
    run->calls = g_ptr_array_new ();
  run->report = g_key_file_new ();
  g_key_file_load_from_file (run->report, report, G_KEY_FILE_NONE, NULL);
}

/* Checks */

/* Every line of @state is one of @before's: some of the cases are gone,
 * none is changed. */
static gboolean
state_within (const char *state,
              const char *before)
{
  g_auto(GStrv) lines = g_strsplit (state, "\n", -1);
  g_auto(GStrv) allowed = g_strsplit (before, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && !g_strv_contains ((const char * const *)allowed, lines[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_between (Fixture    *f,
               const char *what,
               const char *state)
{
  if (g_strcmp0 (state, f->before) == 0 || g_strcmp0 (state, f->after) == 0)
    return TRUE;
  /* Deleting every case is not one step: each file goes whole. */
  if (g_str_equal (f->op, "delete-all") && state_within (state, f->before))
    return TRUE;
  return problem (f, "%s: the disk holds neither the state before nor after:\n%s\n"
                  "-- before:\n%s\n-- after:\n%s", what, state, f->before, f->after);
}

typedef struct
{
  Fixture    *f;
  const char *what;
  gboolean    ok;
} ListCheck;

static void
unreadable_cb (SihCaseStore *store,
               const char   *path,
               const char   *moved_to,
               const GError *error,
               ListCheck    *check)
{
  g_autofree char *name = g_path_get_basename (path);

  /* Only the file that never was a case. */
  if (!g_str_has_prefix (name, FAULT_JUNK))
    check->ok = problem (check->f, "%s: %s became unreadable: %s", check->what, path,
                         error->message);
}

/* The cases in the list, as "id title", sorted. */
static char *
list_cases (ListCheck  *check,
            const char *cases)
{
  g_autoptr(SihCaseStore) store = sih_case_store_new (cases);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GListModel *list;

  g_signal_connect (store, "unreadable", G_CALLBACK (unreadable_cb), check);
  if (!sih_case_store_open (store, &error))
    {
      check->ok = problem (check->f, "%s: the store cannot be opened: %s", check->what,
                           error->message);
      return g_strdup ("");
    }
  list = sih_case_store_get_cases (store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SihCaseInfo) info = g_list_model_get_item (list, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s", sih_case_info_get_id (info),
                                               sih_case_info_get_title (info)));
    }
  g_ptr_array_sort (lines, fault_compare_lines);
  for (guint i = 1; i < lines->len; i++)
    if (g_str_equal (g_ptr_array_index (lines, i - 1), g_ptr_array_index (lines, i)))
      check->ok = problem (check->f, "%s: listed twice: %s", check->what,
                           (char *)g_ptr_array_index (lines, i));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **)lines->pdata);
}

/* The store opened on what is left lists each case file once, the same
 * from its files as from the index it then writes. */
static gboolean
check_listed (Fixture    *f,
              const char *root,
              const char *state,
              const char *what)
{
  g_autofree char *cases = g_build_filename (root, FAULT_CASES_DIR, NULL);
  ListCheck check = { f, what, TRUE };
  g_autofree char *first = list_cases (&check, cases);
  g_autofree char *second = list_cases (&check, cases);
  g_auto(GStrv) state_lines = g_strsplit (state, "\n", -1);
  g_auto(GStrv) listed = g_strsplit (first, "\n", -1);
  guint n_cases = 0;

  if (!check.ok)
    return FALSE;
  if (g_strcmp0 (first, second) != 0)
    return problem (f, "%s: the list changed when opened again:\n%s\n-- then:\n%s", what,
                    first, second);
  for (guint i = 0; state_lines[i] != NULL; i++)
    if (g_str_has_prefix (state_lines[i], FAULT_CASES_DIR "/") &&
        !g_str_has_prefix (state_lines[i], FAULT_CASES_DIR "/unreadable/") &&
        strstr (state_lines[i], " case “") != NULL)
      n_cases++;
  if (*first == '\0' ? n_cases != 0 : g_strv_length (listed) != n_cases)
    return problem (f, "%s: %u case files, but the list has:\n%s", what, n_cases, first);
  return TRUE;
}

static int
error_number (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].name, name))
      return errors[i].number;
  return 0;
}

static GIOErrorEnum
error_code (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].name, name))
      return errors[i].code;
  return G_IO_ERROR_FAILED;
}

/* The person is told: an error of ours, with the code the window words,
 * naming the file and the reason. */
static gboolean
check_told (Fixture    *f,
            const char *what,
            const char *root,
            const char *error_name,
            GKeyFile   *report)
{
  g_autofree char *domain = g_key_file_get_string (report, "first", "domain", NULL);
  g_autofree char *message = g_key_file_get_string (report, "first", "message", NULL);
  int code = g_key_file_get_integer (report, "first", "io-code", NULL);
  int number = error_number (error_name);

  if (number == 0)
    return problem (f, "%s: a short write was reported as an error: %s", what, message);
  if (g_strcmp0 (domain, g_quark_to_string (SIH_ERROR)) != 0)
    return problem (f, "%s: the error is not the app's own (%s): %s", what, domain, message);
  /* A file that could not be set aside is reported with why it cannot be
   * read; why it could not be moved comes first in the message. */
  if (code != (int)error_code (error_name) && !g_str_equal (f->op, "set-aside"))
    return problem (f, "%s: the error's code is %d, not %d (what the window words): %s", what,
                    code, error_code (error_name), message);
  if (message == NULL || strstr (message, g_strerror (number)) == NULL)
    return problem (f, "%s: the message does not say why (“%s”): %s", what,
                    g_strerror (number), message);
  if (strstr (message, root) == NULL)
    return problem (f, "%s: the message does not name the file: %s", what, message);
  return TRUE;
}

static gboolean
check_run (Fixture    *f,
           const char *root,
           gulong      at,
           const char *error_name,
           Run        *run)
{
  g_autofree char *what = g_strdup_printf ("%s, call %lu failing with %s", f->op, at, error_name);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  gboolean crash = g_str_equal (error_name, "CRASH");

  if (run->status != (crash ? SIH_FAULT_CRASH_STATUS : 0))
    return problem (f, "%s: the driver ended with status %d:\n%s", what, run->status,
                    run->output);
  if (run->fired != at)
    return problem (f, "%s: the call did not come (the operation made %u calls this time)",
                    what, run->calls->len);

  state = fault_describe_state (root, &error);
  if (state == NULL)
    return problem (f, "%s: %s", what, error->message);

  if (crash)
    {
      if (!check_between (f, what, state))
        return FALSE;
    }
  else
    {
      if (g_key_file_get_boolean (run->report, "first", "failed", NULL))
        {
          g_autofree char *first_state = g_key_file_get_string (run->report, "first", "state", NULL);

          f->n_failed++;
          if (!check_told (f, what, root, error_name, run->report))
            return FALSE;
          if (!g_key_file_get_boolean (run->report, "first", "state-ok", NULL))
            return problem (f, "%s: right after the failure, %s", what, first_state);
          if (!check_between (f, what, first_state))
            return FALSE;
          if (!g_key_file_get_boolean (run->report, "retry", "ok", NULL))
            return problem (f, "%s: trying again once the fault cleared failed", what);
        }
      if (g_strcmp0 (state, f->after) != 0)
        return problem (f, "%s: in the end the disk does not hold the state after the "
                        "operation:\n%s\n-- expected:\n%s", what, state, f->after);
    }

  return check_listed (f, root, state, what);
}

/* The index written once the fault cleared is whole. */
static gboolean
check_index (Fixture    *f,
             const char *root,
             const char *what,
             guint       n_cases)
{
  g_autofree char *path = g_build_filename (root, FAULT_CASES_DIR, "index.json", NULL);
  g_autoptr(GHashTable) index = NULL;
  gboolean complete = FALSE;

  index = sih_case_index_read (path, &complete);
  if (!complete || g_hash_table_size (index) != n_cases)
    return problem (f, "%s: the index was not written again: %u entries, complete: %d", what,
                    g_hash_table_size (index), complete);
  return TRUE;
}

/* The test */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { FAULT_CASE_A, FAULT_CASE_B, FAULT_CASE_C };

  f->op = data;
  f->base = sih_fault_make_tmp_dir ("sih-faults", &error);
  g_assert_no_error (error);
  f->template = g_build_filename (f->base, "template", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %c", g_ascii_toupper (names[i][5]));
      g_autofree char *updated = g_strdup_printf ("2020-01-0%uT10:00:00Z", i + 1);
      g_autoptr(SihCase) c = make_case (names[i], title, "before", updated);

      save_case (c, f->template);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->base);
  g_free (f->base);
  g_free (f->template);
  g_free (f->before);
  g_free (f->after);
}

/* The counting run: the calls to fail, and the state after. */
/* "create write sync …": what the calls were, without the names of
 * temporary files, which change from run to run. */
static char *
call_kinds (GPtrArray *calls)
{
  GString *kinds = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      SihFaultCall *call = g_ptr_array_index (calls, i);

      g_string_append_printf (kinds, "%s%s", i > 0 ? " " : "", call->kind);
    }
  return g_string_free (kinds, FALSE);
}

static GPtrArray *
count_calls_once (Fixture    *f,
                  const char *name)
{
  g_autofree char *root = prepare_run (f, name);
  g_autoptr(GError) error = NULL;
  GPtrArray *calls;
  Run run;

  f->before = fault_describe_state (root, &error);
  g_assert_no_error (error);
  run_driver (f, g_str_equal (f->op, "index-damage") ? "index-rewrite" : f->op, root, 0, NULL,
              &run);
  if (run.status != 0)
    g_error ("%s: the driver ended with status %d:\n%s", f->op, run.status, run.output);
  g_assert_false (g_key_file_get_boolean (run.report, "first", "failed", NULL));
  f->after = fault_describe_state (root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (run.calls->len, >, 0);
  calls = g_ptr_array_ref (run.calls);
  run_clear (&run);
  return calls;
}

/* Counted twice: a failure point is only worth trying if the operation
 * comes to it the same way every time. */
static GPtrArray *
count_calls (Fixture *f)
{
  g_autoptr(GPtrArray) first = count_calls_once (f, "count-1");
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *first_kinds = call_kinds (first);
  g_autofree char *second_kinds = NULL;

  g_clear_pointer (&f->before, g_free);
  g_clear_pointer (&f->after, g_free);
  second = count_calls_once (f, "count-2");
  second_kinds = call_kinds (second);
  g_assert_cmpstr (first_kinds, ==, second_kinds);
  return g_steal_pointer (&second);
}

static void
test_operation (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = count_calls (f);
  guint n_errors = 0;

  for (guint i = 0; i < calls->len; i++)
    {
      SihFaultCall *call = g_ptr_array_index (calls, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) tries = NULL;

      g_strv_builder_addv (builder, (const char **)call->errors);
      g_strv_builder_add (builder, "CRASH");
      tries = g_strv_builder_end (builder);
      for (guint j = 0; tries[j] != NULL; j++)
        {
          g_autofree char *name = g_strdup_printf ("run-%lu-%s", call->n, tries[j]);
          g_autofree char *root = prepare_run (f, name);
          Run run;

          run_driver (f, f->op, root, call->n, tries[j], &run);
          check_run (f, root, call->n, tries[j], &run);
          if (g_str_equal (f->op, "index-rewrite") && !g_str_equal (tries[j], "CRASH"))
            check_index (f, root, name, 4);
          run_clear (&run);
          remove_tree (root);
          n_errors++;
        }
    }

  g_test_message ("faults: %s: %u calls, %u faults injected, %u reported to the person, "
                  "%u broken invariants", f->op, calls->len, n_errors, f->n_failed,
                  f->n_problems);
}

/* A crash at each call of the index's rewrite, then the index truncated,
 * corrupted or deleted: the list is the case files, each once. */
static void
test_index_damage (Fixture       *f,
                   gconstpointer  data)
{
  static const char *const damages[] = { "left", "truncated", "corrupted", "deleted" };
  g_autoptr(GPtrArray) calls = count_calls (f);
  guint n_tries = 0;

  /* Call 0: before the rewrite began. */
  for (gulong at = 0; at <= calls->len; at++)
    for (guint j = 0; j < G_N_ELEMENTS (damages); j++)
      {
        g_autofree char *name = g_strdup_printf ("run-%lu-%s", at, damages[j]);
        g_autofree char *root = prepare_run (f, name);
        g_autofree char *cases = g_build_filename (root, FAULT_CASES_DIR, NULL);
        g_autofree char *index = g_build_filename (cases, "index.json", NULL);
        g_autofree char *contents = NULL;
        g_autofree char *state = NULL;
        g_autoptr(GError) error = NULL;
        gsize length = 0;
        Run run;

        if (at > 0)
          {
            run_driver (f, "index-rewrite", root, at, "CRASH", &run);
            g_assert_cmpint (run.status, ==, SIH_FAULT_CRASH_STATUS);
            g_assert_cmpuint (run.fired, ==, at);
            run_clear (&run);
          }

        g_file_get_contents (index, &contents, &length, NULL);
        if (g_str_equal (damages[j], "truncated") && contents != NULL)
          {
            contents[length / 2] = '\0';
            write_file (cases, "index.json", contents);
          }
        else if (g_str_equal (damages[j], "corrupted") && contents != NULL && length > 8)
          {
            memset (contents + length / 2, '#', MIN (length / 4, 16));
            write_file (cases, "index.json", contents);
          }
        else if (g_str_equal (damages[j], "deleted"))
          g_unlink (index);

        state = fault_describe_state (root, &error);
        g_assert_no_error (error);
        if (check_between (f, name, state))
          check_listed (f, root, state, name);
        n_tries++;
        remove_tree (root);
      }

  g_test_message ("faults: index damage: %u points of the rewrite, %u damaged indexes, "
                  "%u broken invariants", calls->len + 1, n_tries, f->n_problems);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const operations[] = {
    "autosave", "save-at-close", "index-rewrite", "import-new", "import-update",
    "import-keep-both", "export", "delete-undo", "purge", "delete-all", "set-aside",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/store/%s", operations[i]);

      g_test_add (path, Fixture, operations[i], fixture_set_up, test_operation,
                  fixture_tear_down);
    }
  g_test_add ("/faults/store/index-damage", Fixture, "index-damage", fixture_set_up,
              test_index_damage, fixture_tear_down);

  return g_test_run ();
}
