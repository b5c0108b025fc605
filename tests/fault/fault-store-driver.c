/* fault-store-driver.c: one operation of the case store, through its real
 * API, for test-faults-store to run under the fault injector
 *
 * Usage: fault-store-driver OPERATION ROOT
 *
 * ROOT holds cases/ (the case folder), handover/ (where a case is
 * exported) and import.json.  The driver does the operation once; if it
 * fails it writes down what the person is told and the state of the disk
 * right then, and tries again as the app would (the next autosave, closing
 * again, choosing again, the next start).  The fault injector fails one
 * call only, so the second try meets a disk that works again.  What
 * happened goes to ROOT/report.ini for the harness to check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/sih-case-store.h"
#include "core/sih-error.h"
#include "core/sih-handover.h"
#include "fault/fault-store-common.h"
#include "fault/sih-fault.h"

typedef struct
{
  char         *root;
  char         *cases;
  SihCaseStore *store;
  guint         saved;
  guint         save_failed;
  GKeyFile     *report;
  gboolean      failed;
  guint         n_failures;
  GPtrArray    *unreadable;  /* owned by the store */
} Driver;

typedef void (*OperationFunc) (Driver *d);

/* Reports */

static void
saved_cb (SihCaseStore *store,
          SihCase      *c,
          Driver       *d)
{
  d->saved++;
}

/* What the person is told, and what the disk holds at that moment. */
static void
record_failure (Driver       *d,
                const GError *error)
{
  g_autoptr(GError) state_error = NULL;
  g_autofree char *state = NULL;

  d->n_failures++;
  if (d->failed)
    return;
  d->failed = TRUE;
  g_key_file_set_boolean (d->report, "first", "failed", TRUE);
  g_key_file_set_string (d->report, "first", "domain", g_quark_to_string (error->domain));
  g_key_file_set_integer (d->report, "first", "io-code",
                          error->domain == SIH_ERROR ? (int)sih_error_get_io_code (error) : -1);
  g_key_file_set_string (d->report, "first", "message", error->message);

  /* Reading the folder is not part of the operation. */
  sih_fault_pause (TRUE);
  state = fault_describe_state (d->root, &state_error);
  sih_fault_pause (FALSE);
  g_key_file_set_string (d->report, "first", "state",
                         state != NULL ? state : state_error->message);
  g_key_file_set_boolean (d->report, "first", "state-ok", state != NULL);
}

static void
save_failed_cb (SihCaseStore *store,
                SihCase      *c,
                const GError *error,
                Driver       *d)
{
  d->save_failed++;
  record_failure (d, error);
}

/* A file that could not be set aside is left where it was: the person is
 * told about it; one that was moved is reported too, but is no failure. */
static void
unreadable_cb (SihCaseStore *store,
               const char   *path,
               const char   *moved_to,
               const GError *error,
               Driver       *d)
{
  if (moved_to == NULL)
    record_failure (d, error);
  else
    g_key_file_set_string (d->report, "unreadable", "moved-to", moved_to);
}

static SihCaseStore *
open_store (Driver *d)
{
  g_autoptr(GError) error = NULL;
  SihCaseStore *store = sih_case_store_new (d->cases);

  sih_case_store_set_save_delay (store, 1);
  sih_case_store_set_retry_interval (store, 5);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), d);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), d);
  g_signal_connect (store, "unreadable", G_CALLBACK (unreadable_cb), d);
  if (!sih_case_store_open (store, &error))
    record_failure (d, error);
  return store;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Until @done, or ten seconds. */
static gboolean
wait_until (Driver   *d,
            gboolean (*done) (Driver *d))
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (100, wake_cb, NULL);

  while (!done (d) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return done (d);
}

static gboolean
saved_or_failed (Driver *d)
{
  return (d->saved > 0 || d->save_failed > 0) && !sih_case_store_get_busy (d->store);
}

static gboolean
idle (Driver *d)
{
  return d->store == NULL || !sih_case_store_get_busy (d->store);
}

static gboolean
saved_and_idle (Driver *d)
{
  return d->saved > 0 && !sih_case_store_get_busy (d->store);
}

static void
retried (Driver   *d,
         gboolean  ok)
{
  g_key_file_set_boolean (d->report, "retry", "ok", ok);
}

/* Operations */

static SihCase *
load (Driver     *d,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  SihCase *c = sih_case_store_load (d->store, id, &error);

  /* Opening the case failed: the person is told, and opens it again. */
  if (c == NULL)
    {
      g_autoptr(GError) again = NULL;

      record_failure (d, error);
      c = sih_case_store_load (d->store, id, &again);
      retried (d, c != NULL);
      if (c == NULL)
        g_error ("%s could not be loaded again: %s", id, again->message);
    }
  return c;
}

/* A change, saved after the debounce; a failure is retried by itself. */
static void
op_autosave (Driver *d)
{
  g_autoptr(SihCase) c = NULL;

  d->store = open_store (d);
  c = load (d, FAULT_CASE_A);
  sih_case_set_note (c, FAULT_CAUSE, FAULT_STEP, "after");
  /* A failed save leaves the case dirty: the store tries again by
   * itself after its retry interval. */
  wait_until (d, saved_or_failed);
  if (d->save_failed > 0)
    retried (d, wait_until (d, saved_and_idle));
  sih_case_store_untrack (d->store, c);
}

/* Closing the window: everything pending is written now. */
static void
op_save_at_close (Driver *d)
{
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GError) error = NULL;

  d->store = open_store (d);
  sih_case_store_set_save_delay (d->store, 60000);
  sih_case_store_set_retry_interval (d->store, 3600000);
  c = load (d, FAULT_CASE_A);
  sih_case_set_note (c, FAULT_CAUSE, FAULT_STEP, "after");
  if (!sih_case_store_flush (d->store, &error))
    {
      g_autoptr(GError) again = NULL;

      record_failure (d, error);
      /* The person chooses Keep Open, then closes again. */
      retried (d, sih_case_store_flush (d->store, &again));
    }
  sih_case_store_untrack (d->store, c);
}

/* The index is stale (a case was added behind its back): the store
 * writes it again.  A failure is not the person's concern (it is a cache);
 * the next start writes it. */
static void
op_index_rewrite (Driver *d)
{
  guint n_failures;

  d->store = open_store (d);
  sih_case_store_flush (d->store, NULL);
  g_clear_object (&d->store);
  /* A case file that could not be read was reported, left in place, and
   * is read at the next start. */
  n_failures = d->n_failures;
  d->store = open_store (d);
  if (d->failed)
    retried (d, d->n_failures == n_failures);
}

static void
import (Driver          *d,
        SihImportChoice  choice)
{
  g_autofree char *path = g_build_filename (d->root, FAULT_IMPORT, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SihImport) import = NULL;
  g_autoptr(SihCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  d->store = open_store (d);
  import = sih_case_store_check_import (d->store, file, &error);
  if (import == NULL)
    g_error ("%s cannot be imported: %s", path, error->message);
  info = sih_case_store_finish_import (d->store, import, choice, &error);
  if (info == NULL)
    {
      g_autoptr(GError) again = NULL;
      g_autoptr(SihCaseInfo) second = NULL;

      record_failure (d, error);
      /* The alert is closed, and the person imports the file again. */
      second = sih_case_store_finish_import (d->store, import, choice, &again);
      retried (d, second != NULL);
    }
}

static void
op_import_new (Driver *d)
{
  import (d, SIH_IMPORT_ADD);
}

static void
op_import_update (Driver *d)
{
  import (d, SIH_IMPORT_UPDATE);
}

static void
op_import_keep_both (Driver *d)
{
  import (d, SIH_IMPORT_KEEP_BOTH);
}

/* Export Case…: a handover file, over an older one. */
static void
op_export (Driver *d)
{
  g_autofree char *path = g_build_filename (d->root, FAULT_HANDOVER_DIR, FAULT_HANDOVER, NULL);
  g_autoptr(SihCase) c = NULL;
  g_autoptr(GError) error = NULL;
  SihHandoverReport report;

  d->store = open_store (d);
  c = load (d, FAULT_CASE_A);
  if (!sih_handover_export (c, path, SIH_MASK_EMAILS | SIH_MASK_PHONES, &report, &error))
    {
      g_autoptr(GError) again = NULL;

      record_failure (d, error);
      retried (d, sih_handover_export (c, path, SIH_MASK_EMAILS | SIH_MASK_PHONES, &report, &again));
    }
  sih_case_store_untrack (d->store, c);
}

static void
purge (Driver     *d,
       const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!sih_case_store_purge (d->store, id, &error))
    {
      g_autoptr(GError) again = NULL;

      record_failure (d, error);
      retried (d, sih_case_store_purge (d->store, id, &again));
    }
}

/* Delete, Undo; then delete another and let the toast go. */
static void
op_delete_undo (Driver *d)
{
  d->store = open_store (d);
  g_assert_true (sih_case_store_trash (d->store, FAULT_CASE_A));
  g_assert_true (sih_case_store_restore (d->store, FAULT_CASE_A));
  g_assert_true (sih_case_store_trash (d->store, FAULT_CASE_B));
  purge (d, FAULT_CASE_B);
}

/* The open case, with a change not saved yet, deleted for good: nothing
 * may bring it back. */
static void
op_purge (Driver *d)
{
  g_autoptr(SihCase) c = NULL;

  d->store = open_store (d);
  sih_case_store_set_save_delay (d->store, 60000);
  c = load (d, FAULT_CASE_A);
  sih_case_set_note (c, FAULT_CAUSE, FAULT_STEP, "after");
  g_assert_true (sih_case_store_trash (d->store, FAULT_CASE_A));
  purge (d, FAULT_CASE_A);
}

static void
op_delete_all (Driver *d)
{
  g_autoptr(GError) error = NULL;

  d->store = open_store (d);
  if (!sih_case_store_delete_all (d->store, &error))
    {
      g_autoptr(GError) again = NULL;

      record_failure (d, error);
      /* The person reads why, fixes it, and deletes all again. */
      retried (d, sih_case_store_delete_all (d->store, &again));
    }
}

/* An unreadable file is found when the folder is read: it is moved into
 * unreadable/; if that fails, it stays, and the next start tries again. */
static void
op_set_aside (Driver *d)
{
  d->store = open_store (d);
  if (d->failed)
    {
      guint n_failures = d->n_failures;

      sih_case_store_flush (d->store, NULL);
      g_clear_object (&d->store);
      d->store = open_store (d);
      retried (d, d->n_failures == n_failures);
    }
}

static const struct
{
  const char    *name;
  OperationFunc  run;
} operations[] = {
  { "autosave", op_autosave },
  { "save-at-close", op_save_at_close },
  { "index-rewrite", op_index_rewrite },
  { "import-new", op_import_new },
  { "import-update", op_import_update },
  { "import-keep-both", op_import_keep_both },
  { "export", op_export },
  { "delete-undo", op_delete_undo },
  { "purge", op_purge },
  { "delete-all", op_delete_all },
  { "set-aside", op_set_aside },
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *report_path = NULL;
  g_autoptr(GError) error = NULL;
  Driver d = { 0 };

  if (argc != 3)
    {
      g_printerr ("Usage: %s OPERATION ROOT\n", argv[0]);
      return 2;
    }

  d.root = argv[2];
  d.cases = g_build_filename (d.root, FAULT_CASES_DIR, NULL);
  d.report = g_key_file_new ();
  report_path = g_build_filename (d.root, "report.ini", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    if (g_str_equal (operations[i].name, argv[1]))
      {
        operations[i].run (&d);
        /* As the app holds itself while the store is busy (an index write
         * in flight), then lets it go, writing what is pending. */
        wait_until (&d, idle);
        /* As the app does when it quits (not the store's dispose, which a
         * worker thread's last reference may run too late). */
        if (d.store != NULL && !sih_case_store_flush (d.store, &error))
          g_error ("Saving when quitting failed: %s", error->message);
        g_clear_object (&d.store);
        g_key_file_set_boolean (d.report, "first", "failed", d.failed);
        sih_fault_pause (TRUE);
        if (!g_key_file_save_to_file (d.report, report_path, &error))
          g_error ("%s", error->message);
        g_key_file_free (d.report);
        g_free (d.cases);
        return 0;
      }

  g_printerr ("Unknown operation “%s”\n", argv[1]);
  return 2;
}
