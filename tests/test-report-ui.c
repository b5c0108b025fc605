/* test-report-ui.c: the report window on saved cases (needs a display)
 *
 * The cases are made relative to now: three created yesterday, two ten
 * days ago and one a hundred days ago, so that "Last 7 days", "Last 30
 * days" and "All time" each hold a different number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/sih-case-file.h"
#include "ui/sih-report-window.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

#define CODE "code-not-arriving"
#define CODE_TITLE "Verification code doesn’t arrive"
#define RESET "password-reset"

typedef struct
{
  char            *dir;
  SihPack         *pack;
  SihCaseStore    *store;
  SihReportWindow *window;
} Fixture;

static void
write_case (Fixture    *f,
            int         days_ago,
            const char *cause_id,
            SihStatus   status,
            gint64      call_seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -days_ago);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(SihCase) c = sih_case_new_restored (id, sih_pack_get_id (f->pack), "1", created, created);
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  sih_case_restore_state (c, "Mrs Tanaka’s tablet", status == SIH_STATUS_SOLVED, cause_id);
  sih_case_restore_status (c, status, NULL, status == SIH_STATUS_ESCALATED ? "customer-service" : NULL, NULL);
  sih_case_restore_help_desk (c, "T-4711", "Hanako Tanaka", "hanako@example.org");
  sih_case_restore_record (c, cause_id, "wait-then-newest", SIH_OUTCOME_WORKED, "Private note", created);
  if (call_seconds > 0)
    {
      g_autoptr(GDateTime) end = g_date_time_add_seconds (created, call_seconds);

      sih_case_restore_call (c, created, end, "Agent");
    }
  g_assert_true (sih_case_file_save_to_path (c, path, &error));
  g_assert_no_error (error);
}

static void
wait_until_counted (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (sih_report_window_get_busy (f->window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sih_report_window_get_busy (f->window));
  /* The rows just made are mapped on the next frames (later on a busy
   * machine): until then the focus cannot reach them. */
  sih_test_wait_for_frames (GTK_WIDGET (f->window), 3);
  sih_test_iterate ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sih-test-report-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->pack = sih_pack_new_bundled (&error);
  g_assert_no_error (error);

  if (data == NULL)
    {
      write_case (f, 1, CODE, SIH_STATUS_SOLVED, 120);
      write_case (f, 1, CODE, SIH_STATUS_ESCALATED, 300);
      write_case (f, 1, RESET, SIH_STATUS_OPEN, 0);
      write_case (f, 10, CODE, SIH_STATUS_SOLVED, 600);
      write_case (f, 10, RESET, SIH_STATUS_WAITING, 60);
      write_case (f, 100, CODE, SIH_STATUS_SOLVED, 60);
    }

  f->store = sih_case_store_new (f->dir);
  g_assert_true (sih_case_store_open (f->store, &error));
  g_assert_no_error (error);

  f->window = sih_report_window_new (NULL, f->store, f->pack);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  gtk_window_present (GTK_WINDOW (f->window));
  /* Counting starts at once, on a worker. */
  g_assert_true (sih_report_window_get_busy (f->window));
  wait_until_counted (f);
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  sih_case_store_flush (f->store, NULL);
  g_clear_object (&f->store);
  g_clear_object (&f->pack);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* Every row of the window with @name as its accessible name. */
static guint
count_named_rows (GtkWidget  *root,
                  const char *name)
{
  guint n = 0;

  if (GTK_IS_LIST_BOX_ROW (root) && gtk_widget_get_visible (root))
    {
      g_autofree char *differs =
        gtk_test_accessible_check_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (differs == NULL)
        n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_named_rows (child, name);
  return n;
}

static void
collect_text (GtkWidget *root,
              GString   *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static const char *
visible_page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (sih_test_find_widget (GTK_WIDGET (f->window), "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
assert_row (Fixture    *f,
            const char *name)
{
  if (count_named_rows (GTK_WIDGET (f->window), name) != 1)
    g_error ("no row, or more than one, is called “%s”", name);
}

static void
test_report_ui_figures (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  SihReport *report = sih_report_window_get_report (f->window);

  g_assert_cmpint (sih_report_window_get_period (f->window), ==, SIH_REPORT_PERIOD_LAST_30_DAYS);
  g_assert_cmpstr (visible_page (f), ==, "report");
  g_assert_nonnull (report);
  g_assert_cmpuint (report->n_cases, ==, 5);

  /* Each figure is a row with one name that says it. */
  assert_row (f, "Cases: 5");
  assert_row (f, "Escalated: 1");
  assert_row (f, "Completed calls: 4");
  assert_row (f, "Median call time: 3 min 30 s");
  assert_row (f, CODE_TITLE ": 3 cases");
  assert_row (f, "Reset your password: 2 cases");
  assert_row (f, "Solved: 2 cases");
  assert_row (f, "Escalated: 1 case");
  assert_row (f, "Amazon Customer Service: 1 case");
  sih_test_assert_all_named (GTK_WIDGET (f->window), "report", 12);

  /* The numbers are written out, not only drawn. */
  collect_text (GTK_WIDGET (f->window), text);
  g_assert_nonnull (strstr (text->str, CODE_TITLE "\n3\n"));
  /* Nothing that names a case or a caller, nothing they wrote. */
  g_assert_null (strstr (text->str, "Tanaka"));
  g_assert_null (strstr (text->str, "T-4711"));
  g_assert_null (strstr (text->str, "Private"));
  g_assert_true (gtk_widget_is_sensitive (sih_test_find_widget (GTK_WIDGET (f->window), "export_button")));

  /* Tab goes from list to list, not through every row: the overview, by
   * cause, by status, the steps of two causes, the routes. */
  {
    g_autoptr(GPtrArray) stops = sih_test_tab_stops (GTK_WINDOW (f->window), GTK_DIR_TAB_FORWARD);

    g_assert_cmpuint (sih_test_count_inside (stops, sih_test_find_widget (GTK_WIDGET (f->window), "report_box")),
                      ==, 6);
  }
}

static void
test_report_ui_period (Fixture       *f,
                       gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (sih_test_find_widget (GTK_WIDGET (f->window), "period_dropdown"));

  /* As a person chooses it. */
  gtk_drop_down_set_selected (dropdown, SIH_REPORT_PERIOD_ALL_TIME);
  g_assert_true (sih_report_window_get_busy (f->window));
  g_assert_cmpstr (visible_page (f), ==, "computing");
  wait_until_counted (f);
  g_assert_cmpint (sih_report_window_get_period (f->window), ==, SIH_REPORT_PERIOD_ALL_TIME);
  g_assert_cmpuint (sih_report_window_get_report (f->window)->n_cases, ==, 6);
  assert_row (f, "Cases: 6");
  assert_row (f, CODE_TITLE ": 4 cases");

  /* A period chosen while another is counted: only the last one counts. */
  gtk_drop_down_set_selected (dropdown, SIH_REPORT_PERIOD_LAST_30_DAYS);
  gtk_drop_down_set_selected (dropdown, SIH_REPORT_PERIOD_LAST_7_DAYS);
  wait_until_counted (f);
  g_assert_cmpuint (sih_report_window_get_report (f->window)->n_cases, ==, 3);
  assert_row (f, "Cases: 3");
  assert_row (f, CODE_TITLE ": 2 cases");
  g_assert_cmpuint (count_named_rows (GTK_WIDGET (f->window), "Cases: 6"), ==, 0);
}

static void
test_report_ui_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpuint (sih_report_window_get_report (f->window)->n_cases, ==, 0);
  g_assert_false (gtk_widget_is_sensitive (sih_test_find_widget (GTK_WIDGET (f->window), "export_button")));
}

static void
test_report_ui_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *want_name = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GBytes) expected = NULL;
  GtkWidget *chooser;
  gint64 deadline;
  gsize length;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "report.export", NULL));
  sih_test_iterate ();

  /* Without a portal, GtkFileChooserNative shows GTK's own dialog. */
  chooser = sih_test_find_file_chooser ();
  if (chooser == NULL)
    {
      g_test_skip ("the file chooser is not GTK's own dialog here");
      g_rmdir (dir);
      return;
    }
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  want_name = g_date_time_format (now, "Sign-in report %Y-%m-%d.csv");
  g_assert_cmpstr (name, ==, want_name);

  folder = g_file_new_for_path (dir);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "report.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  expected = sih_report_to_csv (sih_report_window_get_report (f->window),
                                sih_report_period_get_label (SIH_REPORT_PERIOD_LAST_30_DAYS));
  path = g_build_filename (dir, "report.csv", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((g_stat (path, &st) != 0 || (gsize)st.st_size != g_bytes_get_size (expected)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  sih_test_iterate ();

  /* The figures the window shows, private to the user. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_nonnull (strstr (contents, "\r\nCases,5\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n" CODE_TITLE ",3\r\n"));
  g_assert_null (strstr (contents, "Tanaka"));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static GtkWindow *
find_report_window (guint *n)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *report = NULL;

  *n = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SIH_IS_REPORT_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        {
          report = toplevel;
          (*n)++;
        }
    }
  return report;
}

/* win.show-report: in help-desk mode only, with its key. */
static void
test_report_ui_action (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  SihWindow *window;
  GtkWindow *report;
  guint n;

  g_settings_set_boolean (settings, "help-desk-mode", FALSE);
  window = sih_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  sih_test_iterate ();
  sih_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_r, GDK_CONTROL_MASK);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  sih_test_iterate ();
  g_assert_null (find_report_window (&n));

  g_settings_set_boolean (settings, "help-desk-mode", TRUE);
  sih_test_iterate ();
  g_assert_true (sih_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_r, GDK_CONTROL_MASK));
  sih_test_iterate ();
  report = find_report_window (&n);
  g_assert_nonnull (report);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (gtk_window_get_transient_for (report) == GTK_WINDOW (window));

  /* Again: the same window comes forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL));
  sih_test_iterate ();
  g_assert_true (find_report_window (&n) == report);
  g_assert_cmpuint (n, ==, 1);

  g_settings_set_boolean (settings, "help-desk-mode", FALSE);
  gtk_window_destroy (report);
  gtk_window_destroy (GTK_WINDOW (window));
  sih_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add ("/report-ui/figures", Fixture, NULL, fixture_set_up, test_report_ui_figures, fixture_tear_down);
  g_test_add ("/report-ui/period", Fixture, NULL, fixture_set_up, test_report_ui_period, fixture_tear_down);
  g_test_add ("/report-ui/empty", Fixture, "empty", fixture_set_up, test_report_ui_empty, fixture_tear_down);
  g_test_add ("/report-ui/export", Fixture, NULL, fixture_set_up, test_report_ui_export, fixture_tear_down);
  g_test_add_func ("/report-ui/action", test_report_ui_action);

  return g_test_run ();
}
