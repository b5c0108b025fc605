/* test-a11y-atspi.c: each screen as a screen reader reads it, over AT-SPI
 *
 * test-a11y checks names inside the process, through GtkAccessible; what
 * Orca gets is what GTK sends over the accessibility bus, and that is where
 * names come out doubled ("Copy Copy" on GTK 4.8), with a mnemonic's raw
 * underscore, or where a decorative image turns up as "GtkImage".  So this
 * test opens each screen and has tools/a11y-tree.py --check read it from the
 * bus, as a screen reader does, while the main loop answers its questions:
 * no control without a name, no name read twice, no decorative image
 * exposed.
 *
 * It needs /usr/bin/python3 with python3-pyatspi and the at-spi2-core bus
 * (the README's test command installs both).  Where they are missing it
 * skips, except on CI (CI set), where it fails instead: there it must run.
 *
 * SIH_TEST_LANGUAGE=ja runs it in Japanese, where mnemonics read "(_P)".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "core/sih-case-file.h"
#include "core/sih-summary.h"
#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-preferences-window.h"
#include "ui/sih-report-window.h"
#include "ui/sih-ticket-window.h"
#include "ui/sih-start-page.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-window.h"
#include "sih-test-locale.h"
#include "sih-test-util.h"

typedef struct
{
  gboolean  done;
  int       status;
  char     *output;
} CheckResult;

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CheckResult *check = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &check->output, NULL, &error);
  g_assert_no_error (error);
  check->status = g_subprocess_get_if_exited (G_SUBPROCESS (source))
                  ? g_subprocess_get_exit_status (G_SUBPROCESS (source)) : -1;
  check->done = TRUE;
}

/* Where AT-SPI cannot run here at all.  On CI it must: fail instead. */
static void
skip_or_fail (const char *why)
{
  if (g_getenv ("CI") != NULL && *g_getenv ("CI") != '\0')
    g_error ("%s, and CI needs this test to run", why);
  g_test_skip (why);
}

/* Runs the checker on @window's title; the main loop keeps running, so
 * that this process answers the checker over the bus.  Returns FALSE when
 * the test was skipped. */
static gboolean
check_window (GtkWindow  *window,
              const char *screen)
{
  const char *python = g_getenv ("SIH_ATSPI_PYTHON");
  g_autofree char *script = g_build_filename (g_getenv ("SIH_SOURCE_ROOT"), "tools",
                                              "a11y-tree.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CheckResult check = { FALSE, 0, NULL };
  gint64 started = g_get_monotonic_time ();

  if (python == NULL || !g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      skip_or_fail ("no /usr/bin/python3 to read the accessibility bus with");
      return FALSE;
    }

  sih_test_iterate ();
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  /* The AT-SPI library warns about other tests' applications that come and
   * go on the bus: that is not fatal there. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  /* SIH_A11Y_VERBOSE=1 says what the checker takes as hidden, and why. */
  process = g_subprocess_launcher_spawn (launcher, &error, python, script, "--check",
                                         "--pid", pid, "--window", gtk_window_get_title (window),
                                         g_getenv ("SIH_A11Y_VERBOSE") ? "--verbose" : NULL, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, check_done_cb, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("%s (%.1f s):\n%s", screen,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, check.output);
  if (check.status == 77)
    {
      g_autofree char *why = g_strdup_printf ("AT-SPI cannot run here: %s", g_strstrip (check.output));

      skip_or_fail (why);
      g_free (check.output);
      return FALSE;
    }
  if (check.status != 0)
    g_test_fail_printf ("%s, as a screen reader reads it (status %d):\n%s",
                        screen, check.status, check.output);
  g_free (check.output);
  return TRUE;
}


static gboolean
keep_waiting_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Waits until @widget is on screen, with its size: the checker skips what
 * has none, and a page just switched to is laid out on the next frame. */
static void
wait_until_shown (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, keep_waiting_cb, NULL);

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s never came on screen", G_OBJECT_TYPE_NAME (widget));
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  sih_test_iterate ();
}

static void
present_and_wait (GtkWindow *window)
{
  gtk_window_present (window);
  wait_until_shown (GTK_WIDGET (window));
  sih_test_make_active (window);
}

static SihWindow *
open_main_window (SihApplication *app,
                  int             width)
{
  SihWindow *window = sih_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 680);
  present_and_wait (GTK_WINDOW (window));
  /* Narrow, the sidebar and the page are shown one at a time. */
  if (width <= 360)
    sih_test_wait_for_size (GTK_WIDGET (window), width);
  while (sih_window_get_case (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  sih_test_iterate ();
  return window;
}

/* Shows @cause_id's page with its first step open. */
static void
show_cause (SihWindow  *window,
            const char *cause_id)
{
  SihCausePage *page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  GtkListBoxRow *row;

  sih_window_select_cause (window, cause_id);
  row = gtk_list_box_get_row_at_index (sih_cause_page_get_step_list (page), 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  wait_until_shown (sih_test_find_widget (GTK_WIDGET (row), "content_row"));
}

static void
close_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  sih_test_iterate ();
}

/* The start page, with a message matched; the sidebar, with search results
 * (what matched is said under each cause). */
static void
test_a11y_atspi_start (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);
  SihStartPage *start = SIH_START_PAGE (sih_test_find_widget (GTK_WIDGET (window), "start_page"));

  g_assert_cmpuint (g_list_model_get_n_items (sih_start_page_match_message (start, "Your password is incorrect")), >, 0);
  if (!check_window (GTK_WINDOW (window), "start page"))
    goto out;

  sih_window_search (window, "password is incorrect");
  check_window (GTK_WINDOW (window), "search results");

out:
  close_window (GTK_WINDOW (window));
}

/* A cause with its first step open, wide and narrow; the saved cases. */
static void
test_a11y_atspi_cause (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);
  GtkWidget *cases_button = sih_test_find_widget (GTK_WIDGET (window), "cases_button");

  /* The urgent one: it has a warning at the top too. */
  show_cause (window, "account-takeover");
  if (!check_window (GTK_WINDOW (window), "cause page"))
    goto out;

  sih_case_set_title (sih_window_get_case (window), "Ticket 1");
  /* Without the grab of a popover that hides itself, which another test's
   * window on the same display can refuse it. */
  gtk_popover_set_autohide (GTK_POPOVER (sih_test_find_widget (GTK_WIDGET (window), "case_list")), FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (cases_button));
  wait_until_shown (sih_test_find_widget (GTK_WIDGET (window), "case_list"));
  check_window (GTK_WINDOW (window), "saved cases");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (cases_button));

out:
  close_window (GTK_WINDOW (window));
}

static void
test_a11y_atspi_narrow (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 360);

  show_cause (window, "code-not-arriving");
  check_window (GTK_WINDOW (window), "narrow cause page");

  close_window (GTK_WINDOW (window));
}

/* Help Me Choose: a question, then the result. */
static void
test_a11y_atspi_triage (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-triage", NULL);
  wait_until_shown (sih_test_find_widget (GTK_WIDGET (window), "triage_page"));
  check_window (GTK_WINDOW (window), "triage");

  close_window (GTK_WINDOW (window));
}

/* The summary, both pages, with a masked address and a withheld code. */
static void
test_a11y_atspi_summary (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);
  SihCase *kase = sih_window_get_case (window);
  SihSummaryWindow *summary;
  AdwViewStack *stack;

  sih_case_set_detail (kase, SIH_DETAIL_ACCOUNT_EMAIL, "taro.yamada@example.co.jp");
  sih_case_set_detail (kase, SIH_DETAIL_CHANGES_NOTE, "password: hunter2x");
  summary = sih_summary_window_new (GTK_WINDOW (window), sih_application_get_pack (app), kase, FALSE);
  present_and_wait (GTK_WINDOW (summary));
  stack = ADW_VIEW_STACK (sih_test_find_widget (GTK_WIDGET (summary), "view_stack"));

  adw_view_stack_set_visible_child_name (stack, "details");
  wait_until_shown (adw_view_stack_get_visible_child (stack));
  if (check_window (GTK_WINDOW (summary), "summary details"))
    {
      /* Its text fields say when they have the focus. */
      adw_view_stack_set_visible_child_name (stack, "preview");
      wait_until_shown (adw_view_stack_get_visible_child (stack));
      check_window (GTK_WINDOW (summary), "summary preview");
    }

  close_window (GTK_WINDOW (summary));
  close_window (GTK_WINDOW (window));
}

/* The report, narrow, over a few saved cases: every bar a row with its
 * figure in its name; every list named. */
static void
test_a11y_atspi_report (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihPack *pack = sih_application_get_pack (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-a11y-report-XXXXXX", &error);
  g_autoptr(SihCaseStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  SihReportWindow *report;
  static const char *causes[] = { "code-not-arriving", "code-not-arriving", "password-reset" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (causes); i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(SihCase) c = sih_case_new_restored (id, sih_pack_get_id (pack), "1", now, now);
      g_autofree char *name = g_strconcat (id, ".json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GDateTime) end = g_date_time_add_minutes (now, 5);

      sih_case_restore_state (c, NULL, FALSE, causes[i]);
      sih_case_restore_status (c, i == 0 ? SIH_STATUS_ESCALATED : SIH_STATUS_SOLVED, NULL,
                               i == 0 ? "customer-service" : NULL, NULL);
      sih_case_restore_record (c, causes[i], "wait-then-newest", SIH_OUTCOME_WORKED, NULL, NULL);
      sih_case_restore_call (c, now, end, NULL);
      g_assert_true (sih_case_file_save_to_path (c, path, &error));
      g_assert_no_error (error);
    }
  store = sih_case_store_new (dir);
  g_assert_true (sih_case_store_open (store, &error));
  g_assert_no_error (error);

  report = sih_report_window_new (NULL, store, pack);
  gtk_window_set_default_size (GTK_WINDOW (report), 360, 680);
  present_and_wait (GTK_WINDOW (report));
  while (sih_report_window_get_busy (report))
    g_main_context_iteration (NULL, TRUE);
  wait_until_shown (sih_test_find_widget (GTK_WIDGET (report), "report_box"));
  check_window (GTK_WINDOW (report), "report");

  close_window (GTK_WINDOW (report));
  sih_case_store_delete_all (store, NULL);
  g_rmdir (dir);
}

static GtkWindow *
find_ticket_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIH_IS_TICKET_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Help-desk mode: the call clock while a call runs, the ticket window
 * with an escalation, and the summary's timeline switch. */
static void
test_a11y_atspi_help_desk (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(SihApplication) app = NULL;
  SihWindow *window;
  SihCase *kase;
  GtkWindow *ticket;
  SihSummaryWindow *summary;
  AdwViewStack *stack;

  g_settings_set_boolean (settings, "help-desk-mode", TRUE);
  g_settings_set_string (settings, "agent-name", "Sato Ken");
  app = sih_test_application_new ();
  window = open_main_window (app, 1000);
  kase = sih_window_get_case (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-call", NULL);
  if (!check_window (GTK_WINDOW (window), "help-desk header"))
    goto out;

  sih_case_set_ticket (kase, "HD-4711");
  sih_case_set_status (kase, SIH_STATUS_ESCALATED, "Locked", "customer-service", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-ticket", NULL);
  ticket = find_ticket_window ();
  g_assert_nonnull (ticket);
  /* A reason typed and not yet recorded: its apply button shows.  (The
   * focus starts there: libadwaita 1.2 exposes the pencil of an entry row
   * that has had the focus and lost it, which this test is not about.) */
  {
    GtkWidget *reason = sih_test_find_widget (GTK_WIDGET (ticket), "reason_row");
    int position = -1;

    gtk_window_set_focus (ticket, GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (reason))));
    present_and_wait (ticket);
    gtk_editable_insert_text (GTK_EDITABLE (reason), " out", -1, &position);
    wait_until_shown (reason);
  }
  sih_test_make_active (ticket);
  check_window (ticket, "ticket");
  close_window (ticket);

  summary = sih_summary_window_new (GTK_WINDOW (window), sih_application_get_pack (app), kase, TRUE);
  present_and_wait (GTK_WINDOW (summary));
  stack = ADW_VIEW_STACK (sih_test_find_widget (GTK_WIDGET (summary), "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "preview");
  wait_until_shown (adw_view_stack_get_visible_child (stack));
  check_window (GTK_WINDOW (summary), "help-desk summary preview");
  close_window (GTK_WINDOW (summary));

out:
  sih_case_stop_call (kase);
  close_window (GTK_WINDOW (window));
  g_settings_reset (settings, "help-desk-mode");
  g_settings_reset (settings, "agent-name");
}

static void
test_a11y_atspi_preferences (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);
  SihPreferencesWindow *preferences = sih_preferences_window_new (GTK_WINDOW (window), app);

  present_and_wait (GTK_WINDOW (preferences));
  check_window (GTK_WINDOW (preferences), "preferences");

  close_window (GTK_WINDOW (preferences));
  close_window (GTK_WINDOW (window));
}

static void
test_a11y_atspi_shortcuts (void)
{
  g_autoptr(SihApplication) app = sih_test_application_new ();
  SihWindow *window = open_main_window (app, 1000);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  g_assert_nonnull (shortcuts);
  present_and_wait (GTK_WINDOW (shortcuts));
  g_assert_nonnull (gtk_window_get_title (GTK_WINDOW (shortcuts)));
  check_window (GTK_WINDOW (shortcuts), "keyboard shortcuts");

  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  close_window (GTK_WINDOW (window));
}

static void
skip_no_language (gconstpointer data)
{
  sih_test_use_language (data);   /* skips, saying why */
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("SIH_TEST_LANGUAGE");

  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();
  /* Pages change at once, not half-way through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* Before the application loads its pack, which is translated as it loads. */
  if (language != NULL)
    {
      sih_test_init_translations ();
      if (!sih_test_language_available (language))
        {
          g_test_add_data_func ("/a11y-atspi/language", language, skip_no_language);
          return g_test_run ();
        }
      sih_test_use_language (language);
    }

  g_test_add_func ("/a11y-atspi/start", test_a11y_atspi_start);
  g_test_add_func ("/a11y-atspi/cause", test_a11y_atspi_cause);
  g_test_add_func ("/a11y-atspi/narrow", test_a11y_atspi_narrow);
  g_test_add_func ("/a11y-atspi/triage", test_a11y_atspi_triage);
  g_test_add_func ("/a11y-atspi/summary", test_a11y_atspi_summary);
  g_test_add_func ("/a11y-atspi/preferences", test_a11y_atspi_preferences);
  g_test_add_func ("/a11y-atspi/report", test_a11y_atspi_report);
  g_test_add_func ("/a11y-atspi/help-desk", test_a11y_atspi_help_desk);
  g_test_add_func ("/a11y-atspi/shortcuts", test_a11y_atspi_shortcuts);

  return g_test_run ();
}
