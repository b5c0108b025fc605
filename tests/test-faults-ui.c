/* test-faults-ui.c: Save… in the summary window (text and Markdown), every
 * I/O call failed in turn with every error it can return (needs a display)
 *
 * The summary window saves through sih_export_save_bytes(): a file chooser,
 * then GIO replaces the file.  For each I/O call of that save in the
 * chosen folder and each error the call can return
 * (tests/fault/sih-fault-inject.c), the save either succeeds, leaving the
 * whole new summary, or the window says it could not save, naming the file
 * and the reason, and the older file is as it was with nothing left beside
 * it; saving again then works.  The injector is preloaded into this
 * process, which saves again and again in one window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/sih-summary.h"
#include "fault/sih-fault.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-summary-window.h"
#include "sih-test-files.h"
#include "sih-test-util.h"

#define CAUSE       "code-not-arriving"
#define STEP        "wait-then-newest"
#define OLD_SUMMARY "An older summary, which must not be lost.\n"

static const struct
{
  const char *name;
  int         number;
} errors[] = {
  { "ENOSPC", ENOSPC },
  { "EACCES", EACCES },
  { "EROFS", EROFS },
  { "EIO", EIO },
  { "SHORT", 0 },
};

typedef struct
{
  SihApplication   *app;
  SihCase          *kase;
  GDateTime        *now;
  SihSummaryWindow *window;
  char             *dir;
  char             *name;
  char             *path;
  const char       *text;
  guint             n_failed;
  guint             n_problems;
} Fixture;

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

static GDateTime *
fixed_clock (gpointer user_data)
{
  return g_date_time_ref (user_data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *format = data;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);
  g_autoptr(GError) error = NULL;
  SihPack *pack;

  f->app = sih_test_application_new ();
  pack = sih_application_get_pack (f->app);
  f->now = g_date_time_new (tz, 2026, 11, 25, 19, 30, 0);
  f->kase = sih_case_new (sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_clock (f->kase, fixed_clock, f->now);
  sih_case_set_cause_id (f->kase, CAUSE);
  sih_case_set_outcome (f->kase, CAUSE, STEP, SIH_OUTCOME_FAILED);
  sih_case_set_note (f->kase, CAUSE, STEP, "The code never came");

  f->window = sih_summary_window_new (NULL, pack, f->kase, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  sih_test_iterate ();
  if (g_str_equal (format, "markdown"))
    {
      GtkWidget *markdown = sih_test_find_widget (GTK_WIDGET (f->window), "markdown_button");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (markdown), TRUE);
      sih_test_iterate ();
    }
  f->text = sih_summary_window_get_text (f->window);

  f->dir = sih_fault_make_tmp_dir ("sih-faults-ui", &error);
  g_assert_no_error (error);
  f->name = g_strdup_printf ("summary.%s", g_str_equal (format, "markdown") ? "md" : "txt");
  f->path = g_build_filename (f->dir, f->name, NULL);
}

static void
empty_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  empty_folder (f->dir);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->name);
  g_free (f->path);
  g_clear_object (&f->kase);
  g_clear_pointer (&f->now, g_date_time_unref);
}

/* Only the summary in the folder, and what it holds. */
static char *
read_alone (Fixture    *f,
            const char *what)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  char *contents = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, f->name))
      {
        problem (f, "%s: %s was left in the folder", what, name);
        return NULL;
      }
  if (!g_file_get_contents (f->path, &contents, NULL, NULL))
    problem (f, "%s: the summary is gone", what);
  return contents;
}

typedef enum
{
  SAVE_DONE,
  SAVE_FAILED,
  SAVE_NOTHING,
} SaveOutcome;

static gboolean
saved (Fixture *f)
{
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n == 1 && g_file_get_contents (f->path, &contents, NULL, NULL) &&
         g_str_equal (contents, f->text);
}

/* Save…, the older file's name in the folder, Save; then until the
 * summary is saved or an alert says it is not. */
static SaveOutcome
save (Fixture     *f,
      gulong       at,
      const char  *error_name,
      char       **body)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(GError) error = NULL;
  gint64 deadline;
  GtkWidget *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "summary.save", NULL));
  sih_test_iterate ();
  chooser = sih_test_find_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), f->name);
  /* From here on: the save, not the chooser reading the folder. */
  sih_fault_arm (f->dir, at, error_name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      SihAlert *alert = sih_alert_get_visible (GTK_WIDGET (f->window));

      if (alert != NULL)
        {
          *body = g_strdup (sih_alert_get_body (alert));
          sih_alert_respond (alert, "close");
          sih_test_iterate ();
          return SAVE_FAILED;
        }
      if (saved (f))
        {
          sih_test_iterate ();
          return SAVE_DONE;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  return SAVE_NOTHING;
}

static void
put_old_summary (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  empty_folder (f->dir);
  g_file_set_contents_full (f->path, OLD_SUMMARY, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static void
check_run (Fixture      *f,
           SihFaultCall *call,
           const char   *error_name)
{
  g_autofree char *what = g_strdup_printf ("%s, call %lu (%s) failing with %s", f->name,
                                           call->n, call->kind, error_name);
  g_autofree char *body = NULL;
  g_autofree char *contents = NULL;
  SaveOutcome outcome;
  int number = 0;

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].name, error_name))
      number = errors[i].number;

  put_old_summary (f);
  outcome = save (f, call->n, error_name, &body);
  if (sih_fault_fired () != call->n)
    problem (f, "%s: the call did not come", what);
  sih_fault_arm (NULL, 0, NULL);

  switch (outcome)
    {
    case SAVE_NOTHING:
      {
        g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
        g_autoptr(GString) names = g_string_new (NULL);
        g_autofree char *now = NULL;
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          g_string_append_printf (names, " %s", name);
        g_file_get_contents (f->path, &now, NULL, NULL);
        problem (f, "%s: neither saved nor an error shown; in the folder:%s; the summary holds "
                 "“%.40s”", what, names->str, now);
        empty_folder (f->dir);
      }
      return;

    case SAVE_FAILED:
      f->n_failed++;
      if (number == 0)
        problem (f, "%s: a short write was reported as an error: %s", what, body);
      else if (strstr (body, f->path) == NULL)
        problem (f, "%s: the alert does not name the file: %s", what, body);
      else if (strstr (body, g_strerror (number)) == NULL)
        problem (f, "%s: the alert does not say why (“%s”): %s", what, g_strerror (number), body);
      contents = read_alone (f, what);
      if (contents != NULL && !g_str_equal (contents, OLD_SUMMARY))
        problem (f, "%s: the save failed, but the older summary was changed to “%.40s”", what,
                 contents);
      /* The fault is gone: saving again works. */
      if (save (f, 0, NULL, &body) != SAVE_DONE)
        problem (f, "%s: saving again once the fault cleared did not work", what);
      break;

    case SAVE_DONE:
      g_free (read_alone (f, what));
      break;
    }
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *body = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  guint n_faults = 0;

  if (!sih_fault_loaded ())
    {
      g_test_skip ("the fault injector is not preloaded");
      return;
    }
  if (sih_test_find_file_chooser () != NULL)
    {
      g_test_skip ("a file chooser is open already");
      return;
    }

  /* Counting, without a fault. */
  put_old_summary (f);
  g_assert_cmpint (save (f, 0, NULL, &body), ==, SAVE_DONE);
  log = sih_fault_log ();
  sih_fault_arm (NULL, 0, NULL);
  calls = sih_fault_parse_log (log, NULL);
  g_assert_cmpuint (calls->len, >, 0);
  g_test_message ("The save's calls:\n%s", log);

  for (guint i = 0; i < calls->len; i++)
    {
      SihFaultCall *call = g_ptr_array_index (calls, i);

      for (guint j = 0; call->errors[j] != NULL; j++)
        {
          check_run (f, call, call->errors[j]);
          n_faults++;
        }
    }

  g_test_message ("faults: Save %s: %u calls, %u faults injected, %u reported to the person, "
                  "%u broken invariants", f->name, calls->len, n_faults, f->n_failed,
                  f->n_problems);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  sih_fault_preload_self (argv);
  sih_fault_set_writes_only (TRUE);
  home = sih_test_make_home ("Documents");
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add ("/faults/ui/save-text", Fixture, "text", fixture_set_up, test_save,
              fixture_tear_down);
  g_test_add ("/faults/ui/save-markdown", Fixture, "markdown", fixture_set_up, test_save,
              fixture_tear_down);

  return g_test_run ();
}
