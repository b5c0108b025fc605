/* test-cases-ui.c: cases are saved, resumed, listed and deleted in the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ui/sih-application.h"
#include "core/sih-case-file.h"
#include "core/sih-error.h"
#include "core/sih-handover.h"
#include "core/sih-case-info-private.h"
#include "ui/sih-case-list.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-step-row.h"
#include "ui/sih-window.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-text-widgets.h"
#include "sih-test-util.h"

typedef void (*RunFunc) (SihApplication *app,
                         SihWindow      *window,
                         gpointer        data);

typedef struct
{
  RunFunc  func;
  gpointer data;
} Run;

static gboolean
run_idle_cb (gpointer user_data)
{
  SihApplication *app = SIH_APPLICATION (g_application_get_default ());
  SihWindow *window = SIH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  Run *run = user_data;

  sih_test_iterate ();
  /* The saved cases are listed in the background; wait for the case. */
  while (sih_window_get_case (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  run->func (app, window, run->data);

  /* Quit as a user does: close the window (unless the run did). */
  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&window);
      gtk_window_close (GTK_WINDOW (window));
    }
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add (run_idle_cb, run);
}

/* Runs the program once, as a user starts it, calls @func with its
 * window, and closes it; the data directory stays between runs. */
static void
run_app (RunFunc  func,
         gpointer data)
{
  g_autoptr(SihApplication) app = sih_application_new ();
  Run run = { func, data };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
}

static SihStepRow *
step_row (SihWindow *window,
          guint      index)
{
  SihCausePage *page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sih_cause_page_get_step_list (page), index);

  g_assert_true (SIH_IS_STEP_ROW (row));
  return SIH_STEP_ROW (row);
}

typedef struct
{
  char *id;
  char *step_id;
} Restart;

static void
first_run (SihApplication *app,
           SihWindow      *window,
           gpointer        data)
{
  Restart *r = data;
  SihCase *kase = sih_window_get_case (window);
  SihPack *pack = sih_application_get_pack (app);
  g_autoptr(SihStep) step = g_list_model_get_item (sih_cause_get_steps (sih_pack_find_cause (pack, "code-not-arriving")), 1);

  g_assert_nonnull (kase);
  r->id = g_strdup (sih_case_get_id (kase));
  r->step_id = g_strdup (sih_step_get_id (step));

  /* Record an outcome and a note with the widgets, and name the case. */
  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  /* A click, as a person records it. */
  g_signal_emit_by_name (sih_test_find_widget (GTK_WIDGET (step_row (window, 1)), "failed_button"),
                         "clicked");
  sih_text_widget_set_text (sih_test_find_widget (GTK_WIDGET (step_row (window, 1)), "note_view"),
                            "Spam folder was empty");
  sih_case_set_title (kase, "Caller 4711");
}

static void
second_run (SihApplication *app,
            SihWindow      *window,
            gpointer        data)
{
  Restart *r = data;
  SihCase *kase = sih_window_get_case (window);
  SihCausePage *page;

  /* The same case, as it was… */
  g_assert_nonnull (kase);
  g_assert_cmpstr (sih_case_get_id (kase), ==, r->id);
  g_assert_cmpstr (sih_case_get_title (kase), ==, "Caller 4711");
  g_assert_cmpint (sih_case_get_outcome (kase, "code-not-arriving", r->step_id), ==, SIH_OUTCOME_FAILED);
  g_assert_cmpstr (sih_case_get_note (kase, "code-not-arriving", r->step_id), ==, "Spam folder was empty");
  g_assert_nonnull (sih_case_get_record (kase, "code-not-arriving", r->step_id)->changed);

  /* …opened where the user left off, with the widgets showing it. */
  page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page"));
  g_assert_cmpstr (sih_cause_get_id (sih_cause_page_get_cause (page)), ==, "code-not-arriving");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sih_test_find_widget (GTK_WIDGET (step_row (window, 1)),
                                                                                       "failed_button"))));
}

static void
test_cases_restart (void)
{
  Restart r = { NULL, NULL };

  run_app (first_run, &r);
  run_app (second_run, &r);

  g_free (r.id);
  g_free (r.step_id);
}

/* New Case, then the cause the last case had open: the steps record into
 * the new case, and the last one is left as it was.  (The page used to
 * stay bound to the last case, which got the new caller's answers.) */
static void
new_case_same_cause_run (SihApplication *app,
                         SihWindow      *window,
                         gpointer        data)
{
  g_autoptr(SihCase) first = g_object_ref (sih_window_get_case (window));
  SihCase *second;

  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  g_signal_emit_by_name (sih_test_find_widget (GTK_WIDGET (step_row (window, 0)), "failed_button"),
                         "clicked");
  g_assert_cmpint (sih_case_get_outcome (first, "code-not-arriving", "wait-then-newest"), ==,
                   SIH_OUTCOME_FAILED);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-case", NULL);
  sih_test_iterate ();
  second = sih_window_get_case (window);
  g_assert_true (second != first);
  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  /* Nothing recorded in the new case shows. */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sih_test_find_widget (GTK_WIDGET (step_row (window, 0)),
                                                                                        "failed_button"))));
  g_signal_emit_by_name (sih_test_find_widget (GTK_WIDGET (step_row (window, 0)), "worked_button"),
                         "clicked");
  sih_text_widget_set_text (sih_test_find_widget (GTK_WIDGET (step_row (window, 0)), "note_view"),
                            "The second caller");

  g_assert_cmpint (sih_case_get_outcome (second, "code-not-arriving", "wait-then-newest"), ==,
                   SIH_OUTCOME_WORKED);
  g_assert_cmpstr (sih_case_get_note (second, "code-not-arriving", "wait-then-newest"), ==,
                   "The second caller");
  g_assert_cmpint (sih_case_get_outcome (first, "code-not-arriving", "wait-then-newest"), ==,
                   SIH_OUTCOME_FAILED);
  g_assert_null (sih_case_get_note (first, "code-not-arriving", "wait-then-newest"));
}

static void
test_cases_new_case_same_cause (void)
{
  run_app (new_case_same_cause_run, NULL);
}

static void
list_run (SihApplication *app,
          SihWindow      *window,
          gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  SihPack *pack = sih_application_get_pack (app);
  SihCaseList *list;
  GListModel *visible;
  g_autoptr(SihCase) a = NULL;
  g_autoptr(SihCase) b = NULL;
  g_autoptr(SihCase) c = NULL;
  g_autoptr(SihCaseInfo) first = NULL;
  g_autoptr(GError) error = NULL;


  a = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (a, "Ticket A-100 Tanaka");
  b = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (b, "Ticket B-200 Suzuki");
  sih_case_set_solved (b, TRUE);
  c = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (c, "Ticket C-300 Sato");
  sih_case_set_cause_id (c, "account-locked");
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_no_error (error);

  list = SIH_CASE_LIST (sih_test_find_widget (GTK_WIDGET (window), "case_list"));
  g_assert_nonnull (list);
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  visible = sih_case_list_get_visible (list);

  /* Newest first. */
  first = g_list_model_get_item (visible, 0);
  g_assert_cmpstr (sih_case_info_get_id (first), ==, sih_case_get_id (c));

  /* Search by title, ignoring case and width; by the cause's title. */
  sih_case_list_set_search (list, "ｂ-２００");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  sih_case_list_set_search (list, sih_cause_get_title (sih_pack_find_cause (pack, "account-locked")));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  sih_case_list_set_search (list, "no such case");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  sih_case_list_set_search (list, "Ticket");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 3);
  /* Text that is not UTF-8 is repaired before it is normalized: the
   * bytes stand for U+FFFD, which no title holds. */
  g_assert_false (sih_case_list_matches (first, pack, "Tick\xc3\xa9\xff\xfe", SIH_CASE_FILTER_ALL));
  g_assert_false (sih_case_list_matches (first, pack, "Ticket C-300\xe3\x81", SIH_CASE_FILTER_ALL));
  g_assert_true (sih_case_list_matches (first, pack, "ticket c-300", SIH_CASE_FILTER_ALL));
  /* Katakana typed as hiragana, or half-width, finds it, as in the sidebar. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(SihCaseInfo) katakana = sih_case_info_new_full ("kana", "/nonexistent/kana.json",
                                                              "パスワード再設定", now, now,
                                                              FALSE, NULL, NULL, NULL);

    g_assert_true (sih_case_list_matches (katakana, pack, "ぱすわーど", SIH_CASE_FILTER_ALL));
    g_assert_true (sih_case_list_matches (katakana, pack, "ﾊﾟｽﾜｰﾄﾞ", SIH_CASE_FILTER_ALL));
    g_assert_false (sih_case_list_matches (katakana, pack, "ぱすわど", SIH_CASE_FILTER_ALL));
  }

  /* Filter by status. */
  sih_case_list_set_filter (list, SIH_STATUS_SOLVED);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  sih_case_list_set_filter (list, SIH_STATUS_OPEN);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  sih_case_list_set_filter (list, SIH_CASE_FILTER_ALL);

  /* Resume: the window switches to the case, on its cause. */
  g_signal_emit_by_name (sih_test_find_widget (GTK_WIDGET (list), "list_view"), "activate", 0);
  sih_test_iterate ();
  g_assert_cmpstr (sih_case_get_id (sih_window_get_case (window)), ==, sih_case_get_id (c));
  g_assert_cmpstr (sih_cause_get_id (sih_cause_page_get_cause (SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (window), "cause_page")))),
                   ==, "account-locked");

}

static gboolean
store_has (SihCaseStore *store,
           const char   *id)
{
  return sih_case_store_lookup (store, id) != NULL;
}

/* The saved cases' delete button for the case @id. */
static GtkWidget *
find_delete_button (GtkWidget  *widget,
                    const char *id)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.delete-case") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), id) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_delete_button (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
delete_undo_run (SihApplication *app,
                 SihWindow      *window,
                 gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  SihPack *pack = sih_application_get_pack (app);
  g_autoptr(SihCase) kept = NULL;
  g_autoptr(SihCase) gone = NULL;
  g_autofree char *kept_path = NULL;
  g_autofree char *gone_path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list;
  GtkWidget *delete_button;

  kept = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  gone = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (kept, "Kept");
  sih_case_set_title (gone, "Gone");
  g_assert_true (sih_case_store_flush (store, &error));
  kept_path = g_strdup (sih_case_info_get_path (sih_case_store_lookup (store, sih_case_get_id (kept))));
  gone_path = g_strdup (sih_case_info_get_path (sih_case_store_lookup (store, sih_case_get_id (gone))));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));


  /* Delete with the saved cases' button, then Undo: back in the list, the
   * file never left.  The list closes, so that the toast's Undo is one
   * click: the first click outside a popover only closes it. */
  list = sih_test_find_widget (GTK_WIDGET (window), "case_list");
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  g_assert_true (gtk_widget_get_visible (list));
  delete_button = find_delete_button (list, sih_case_get_id (kept));
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  sih_test_iterate ();
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_false (store_has (store, sih_case_get_id (kept)));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));
  /* What the toast's Undo button does. */
  g_assert_nonnull (sih_window_get_delete_toast (window, sih_case_get_id (kept)));
  g_signal_emit_by_name (sih_window_get_delete_toast (window, sih_case_get_id (kept)), "button-clicked");
  sih_test_iterate ();
  g_assert_true (store_has (store, sih_case_get_id (kept)));

  /* Delete and let the toast go: the file goes with it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-case", "s", sih_case_get_id (gone));
  g_assert_false (store_has (store, sih_case_get_id (gone)));
  g_assert_true (g_file_test (gone_path, G_FILE_TEST_EXISTS));
  /* The toast times out (or is closed): dismissed without Undo. */
  adw_toast_dismiss (sih_window_get_delete_toast (window, sih_case_get_id (gone)));
  sih_test_iterate ();
  g_assert_false (g_file_test (gone_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_path, G_FILE_TEST_EXISTS));

}

/* The saved cases' clock: the real time, moved on by the test. */
static GTimeSpan clock_offset;

static GDateTime *
offset_clock (gpointer user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_add (now, clock_offset);
}

static gboolean
label_shows (GtkWidget  *widget,
             const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shows (child, prefix))
      return TRUE;
  return FALSE;
}

/* "Just now" does not stay: while the saved cases are shown, their times
 * are written again when the minute changes; hidden, nothing runs. */
static void
relative_times_run (SihApplication *app,
                    SihWindow      *window,
                    gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  SihPack *pack = sih_application_get_pack (app);
  GtkWidget *button = sih_test_find_widget (GTK_WIDGET (window), "cases_button");
  SihCaseList *list = SIH_CASE_LIST (sih_test_find_widget (GTK_WIDGET (window), "case_list"));
  g_autoptr(SihCase) kase = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  GSource *refresh;
  gint64 delay;

  kase = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (kase, "Ticket 42");
  g_assert_true (sih_case_store_flush (store, &error));
  clock_offset = 0;
  sih_case_list_set_clock (list, offset_clock, NULL);

  g_assert_null (sih_case_list_get_refresh_source (list));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  sih_test_iterate ();
  g_assert_true (label_shows (GTK_WIDGET (list), "just now"));

  /* Due when the minute changes (a little after). */
  refresh = sih_case_list_get_refresh_source (list);
  g_assert_nonnull (refresh);
  now = offset_clock (NULL);
  delay = g_source_get_ready_time (refresh) - g_get_monotonic_time ();
  g_assert_cmpint (delay, <=, (60 - g_date_time_get_second (now)) * G_USEC_PER_SEC + 100000);
  g_assert_cmpint (delay, >=, (59 - g_date_time_get_second (now)) * G_USEC_PER_SEC - G_USEC_PER_SEC);

  /* Five minutes on, when it is due. */
  clock_offset = 5 * G_TIME_SPAN_MINUTE;
  g_source_set_ready_time (refresh, 0);
  sih_test_iterate ();
  g_assert_false (label_shows (GTK_WIDGET (list), "just now"));
  g_assert_true (label_shows (GTK_WIDGET (list), "5 minutes ago"));
  g_assert_nonnull (sih_case_list_get_refresh_source (list));

  /* Hidden: no timer.  Shown again: up to date at once. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  sih_test_iterate ();
  g_assert_null (sih_case_list_get_refresh_source (list));
  clock_offset = 7 * G_TIME_SPAN_MINUTE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  sih_test_iterate ();
  g_assert_true (label_shows (GTK_WIDGET (list), "7 minutes ago"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  sih_case_list_set_clock (list, NULL, NULL);
}

static void
import_run (SihApplication *app,
            SihWindow      *window,
            gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "cases", "bad", "truncated.json", NULL);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "cases", "older-pack.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  SihAlert *alert;
  guint n_before;

  n_before = g_list_model_get_n_items (sih_case_store_get_cases (store));

  /* Refused with the reason; nothing added, the file untouched. */
  g_assert_false (sih_window_import_case (window, bad));
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, n_before);
  g_assert_true (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  /* The person is told why, and closes the message as they would. */
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "truncated.json"));
  sih_alert_respond (alert, "close");
  sih_test_iterate ();
  g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));

  /* A case from an older pack keeps everything it recorded. */
  g_assert_true (sih_window_import_case (window, good));
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, n_before + 1);
  g_assert_cmpuint (sih_case_get_records (sih_window_get_case (window))->len, >, 0);

}

/* The first label under @widget whose text starts with @prefix. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
visible_id (GListModel *visible,
            guint       position)
{
  g_autoptr(SihCaseInfo) info = g_list_model_get_item (visible, position);

  return info != NULL ? sih_case_info_get_id (info) : NULL;
}

/* Call-backs that are due come first, then those to come; the status
 * filter shows one status; each row says its status and ticket; the
 * search finds notes. */
static void
status_sort_run (SihApplication *app,
                 SihWindow      *window,
                 gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  SihPack *pack = sih_application_get_pack (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) an_hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) half_an_hour_ago = g_date_time_add_minutes (now, -30);
  g_autoptr(GDateTime) in_two_hours = g_date_time_add_hours (now, 2);
  g_autoptr(SihCase) due = NULL;
  g_autoptr(SihCase) later = NULL;
  g_autoptr(SihCase) waiting = NULL;
  g_autoptr(SihCase) plain = NULL;
  g_autoptr(GError) error = NULL;
  SihCaseList *list;
  GtkDropDown *dropdown;
  GListModel *visible;
  GtkLabel *due_label;

  later = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (later, "Call later");
  g_assert_true (sih_case_set_status (later, SIH_STATUS_CALL_BACK, NULL, NULL, in_two_hours));
  due = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (due, "Call now");
  sih_case_set_ticket (due, "HD-777");
  g_assert_true (sih_case_set_status (due, SIH_STATUS_CALL_BACK, NULL, NULL, an_hour_ago));
  waiting = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (waiting, "Waiting one");
  sih_case_set_note (waiting, "code-not-arriving", "wait-then-newest", "Backup codes are in the ＤＲＡＷＥＲ");
  g_assert_true (sih_case_set_status (waiting, SIH_STATUS_WAITING, NULL, NULL, NULL));
  /* The last changed of all, yet after the call-backs. */
  plain = sih_case_store_new_case (store, sih_pack_get_id (pack), sih_pack_get_version (pack));
  sih_case_set_title (plain, "Plain newest");
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_no_error (error);

  list = SIH_CASE_LIST (sih_test_find_widget (GTK_WIDGET (window), "case_list"));
  visible = sih_case_list_get_visible (list);
  /* In order before it is ever shown. */
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (due));
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  /* A loaded machine may take a while to show it; its rows are read below. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (list)))
    g_main_context_iteration (NULL, TRUE);
  sih_test_iterate ();
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (due));
  g_assert_cmpstr (visible_id (visible, 1), ==, sih_case_get_id (later));
  g_assert_cmpstr (visible_id (visible, 2), ==, sih_case_get_id (plain));

  /* The row says, in words, that the call-back is due, with the ticket. */
  due_label = find_label (GTK_WIDGET (list), "Ticket\u00a0HD-777 · Due now: call back ");
  g_assert_nonnull (due_label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_label), "warning"));
  g_assert_nonnull (find_label (GTK_WIDGET (list), "Call back today at ")
                    ?: find_label (GTK_WIDGET (list), "Call back tomorrow at "));
  g_assert_nonnull (find_label (GTK_WIDGET (list), "Waiting for the caller"));

  /* The filter: a dropdown of the statuses, after All. */
  dropdown = GTK_DROP_DOWN (sih_test_find_widget (GTK_WIDGET (list), "status_dropdown"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, SIH_N_STATUSES + 1);
  gtk_drop_down_set_selected (dropdown, 1 + SIH_STATUS_WAITING);
  g_assert_cmpint (sih_case_list_get_filter (list), ==, SIH_STATUS_WAITING);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (waiting));
  gtk_drop_down_set_selected (dropdown, 1 + SIH_STATUS_CALL_BACK);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (due));
  sih_case_list_set_filter (list, SIH_CASE_FILTER_ALL);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* The search finds what was written in a note, folded. */
  sih_case_list_set_search (list, "drawer");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (waiting));
  sih_case_list_set_search (list, "hd-777");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  sih_case_list_set_search (list, NULL);

  /* A status changed on the newest case, which stays first in the store's
   * list: the filter and the order see it at once, shown or hidden. */
  sih_case_list_set_filter (list, SIH_STATUS_WAITING);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_true (sih_case_set_status (plain, SIH_STATUS_WAITING, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  sih_case_list_set_filter (list, SIH_CASE_FILTER_ALL);
  /* Due, but after the one that has waited longer. */
  g_assert_true (sih_case_set_status (plain, SIH_STATUS_CALL_BACK, NULL, NULL, half_an_hour_ago));
  g_assert_cmpstr (visible_id (visible, 0), ==, sih_case_get_id (due));
  g_assert_cmpstr (visible_id (visible, 1), ==, sih_case_get_id (plain));
  g_assert_true (sih_case_set_status (plain, SIH_STATUS_OPEN, NULL, NULL, NULL));
  g_assert_cmpstr (visible_id (visible, 1), ==, sih_case_get_id (later));

  /* Hidden, and shown again: filtered and sorted as of then. */
  gtk_popover_popdown (GTK_POPOVER (list));
  sih_test_iterate ();
  sih_case_list_set_filter (list, SIH_STATUS_WAITING);
  g_assert_true (sih_case_set_status (plain, SIH_STATUS_WAITING, NULL, NULL, NULL));
  g_assert_true (sih_case_store_flush (store, &error));
  gtk_menu_button_popup (GTK_MENU_BUTTON (sih_test_find_widget (GTK_WIDGET (window), "cases_button")));
  sih_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 2);
  sih_case_list_set_filter (list, SIH_CASE_FILTER_ALL);

  gtk_popover_popdown (GTK_POPOVER (list));
  sih_test_iterate ();
}

/* Importing a case that is saved already asks; Keep Both adds a labelled
 * copy, Update replaces the saved case when the file is newer, Cancel
 * adds nothing.  A handover file says who handed it over. */
static void
import_choice_run (SihApplication *app,
                   SihWindow      *window,
                   gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "cases", "older-pack.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(SihCase) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sih-import-XXXXXX", &error);
  g_autofree char *newer_path = g_build_filename (dir, "newer.json", NULL);
  g_autofree char *handover_path = g_build_filename (dir, "handover.json", NULL);
  g_autoptr(GFile) newer = NULL;
  g_autoptr(GFile) handover = NULL;
  const char *id;
  SihAlert *alert;
  guint n;

  g_assert_no_error (error);
  original = sih_case_file_load (good_path, &error);
  g_assert_no_error (error);
  id = sih_case_get_id (original);

  /* The first time it is simply imported. */
  if (sih_case_store_lookup (store, id) == NULL)
    {
      g_assert_true (sih_window_import_case (window, good));
      sih_test_iterate ();
      g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));
    }
  n = g_list_model_get_n_items (sih_case_store_get_cases (store));

  /* Again: the same, so not newer; Cancel adds nothing. */
  g_assert_true (sih_window_import_case (window, good));
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "“Handed over from the front desk” is saved on this computer, last changed "));
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "The file is not newer"));
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "2025"));
  g_assert_cmpstr (sih_alert_get_default_response (alert), ==, "keep-both");
  sih_alert_respond (alert, "cancel");
  sih_test_iterate ();
  g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, n);

  /* Keep Both: a copy, with a new id and a title that says so. */
  g_assert_true (sih_window_import_case (window, good));
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  sih_alert_respond (alert, "keep-both");
  sih_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, n + 1);
  g_assert_cmpstr (sih_case_get_id (sih_window_get_case (window)), !=, id);
  g_assert_cmpstr (sih_case_get_title (sih_window_get_case (window)), ==,
                   "Handed over from the front desk (copy from handover)");

  /* A newer file, while the saved case is open: Update replaces it, and
   * the window shows what the file holds. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-case", "s", id);
  g_assert_cmpstr (sih_case_get_id (sih_window_get_case (window)), ==, id);
  {
    g_autoptr(GDateTime) later = g_date_time_add_hours (sih_case_get_updated (original), 5);
    g_autofree char *cause_id = g_strdup (sih_case_get_cause_id (original));

    sih_case_restore_state (original, "Worked on at the front desk", FALSE, cause_id);
    sih_case_restore_updated (original, later);
    g_assert_true (sih_case_file_save_to_path (original, newer_path, &error));
    g_assert_no_error (error);
    newer = g_file_new_for_path (newer_path);
  }
  g_assert_true (sih_window_import_case (window, newer));
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "The file is newer"));
  g_assert_cmpstr (sih_alert_get_default_response (alert), ==, "update");
  g_assert_cmpint (sih_alert_get_response_appearance (alert, "update"), ==, ADW_RESPONSE_SUGGESTED);
  sih_alert_respond (alert, "update");
  sih_test_iterate ();
  g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, n + 1);
  g_assert_cmpstr (sih_case_info_get_title (sih_case_store_lookup (store, id)), ==,
                   "Worked on at the front desk");
  g_assert_cmpstr (sih_case_get_id (sih_window_get_case (window)), ==, id);
  g_assert_cmpstr (sih_case_get_title (sih_window_get_case (window)), ==, "Worked on at the front desk");
  /* Working on it again saves the update, not the case as it was. */
  sih_case_set_detail (sih_window_get_case (window), "extra", "Still locked");
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SihCase) on_disk = sih_case_file_load (sih_case_info_get_path (sih_case_store_lookup (store, id)), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sih_case_get_title (on_disk), ==, "Worked on at the front desk");
    g_assert_cmpstr (sih_case_get_detail (on_disk, "extra"), ==, "Still locked");
  }

  /* A handover file says who handed it over, and when. */
  {
    g_autoptr(SihCase) theirs = sih_case_new ("amazon-signin", NULL);

    sih_case_set_agent (theirs, "Sato Ichiro");
    sih_case_set_title (theirs, "From the evening shift");
    g_assert_true (sih_handover_export (theirs, handover_path, SIH_MASK_DEFAULT, NULL, &error));
    g_assert_no_error (error);
    handover = g_file_new_for_path (handover_path);
  }
  g_assert_true (sih_window_import_case (window, handover));
  sih_test_iterate ();
  g_assert_null (sih_alert_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (sih_case_get_title (sih_window_get_case (window)), ==, "From the evening shift");
  g_assert_cmpstr (sih_case_get_handover_agent (sih_window_get_case (window)), ==, "Sato Ichiro");
  g_assert_true (g_str_has_prefix (sih_window_get_last_toast (window),
                                   "Case imported: handed over by Sato Ichiro on "));

  g_unlink (newer_path);
  g_unlink (handover_path);
  g_rmdir (dir);
}

/* The case files in the store's folder (not the index, not set-aside). */
static guint
count_files_in (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json") && !g_str_equal (name, "index.json"))
      n++;
  return n;
}

static guint
count_case_files (SihApplication *app)
{
  return count_files_in (sih_case_store_get_directory (sih_application_get_store (app)));
}

typedef struct
{
  guint  n_files;
  guint  n_listed;
  char  *directory;
} Counts;

/* Starting the app and looking around records nothing: no file, no entry
 * in the saved cases. */
static void
blank_start_run (SihApplication *app,
                 SihWindow      *window,
                 gpointer        data)
{
  Counts *counts = data;
  SihCaseStore *store = sih_application_get_store (app);
  g_autoptr(GError) error = NULL;

  g_assert_true (sih_case_is_blank (sih_window_get_case (window)));
  counts->directory = g_strdup (sih_case_store_get_directory (store));
  counts->n_files = count_case_files (app);
  counts->n_listed = g_list_model_get_n_items (sih_case_store_get_cases (store));

  sih_window_select_cause (window, "code-not-arriving");
  sih_test_iterate ();
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_cmpuint (count_case_files (app), ==, counts->n_files);
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, counts->n_listed);
}

/* Deleting the open case opens a new one, which is not saved either. */
static void
delete_current_run (SihApplication *app,
                    SihWindow      *window,
                    gpointer        data)
{
  Counts *counts = data;
  SihCaseStore *store = sih_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SihCase *kase = sih_window_get_case (window);

  g_assert_cmpuint (count_case_files (app), ==, counts->n_files);
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_FAILED);
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_cmpuint (count_case_files (app), ==, counts->n_files + 1);

  id = g_strdup (sih_case_get_id (kase));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-case", "s", id);
  g_assert_cmpstr (sih_case_get_id (sih_window_get_case (window)), !=, id);
  g_assert_true (sih_case_is_blank (sih_window_get_case (window)));
  g_assert_true (sih_case_store_flush (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (sih_case_store_get_cases (store)), ==, counts->n_listed);
  /* Closing the window purges the deleted case's file. */
}

static void
test_cases_blank (void)
{
  Counts counts = { 0, 0, NULL };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  guint n_files;

  /* A fresh start: no case to reopen. */
  g_settings_reset (settings, "last-case");
  run_app (blank_start_run, &counts);
  n_files = counts.n_files;
  /* Nothing was left behind by closing either. */
  g_assert_cmpuint (count_files_in (counts.directory), ==, n_files);
  run_app (delete_current_run, &counts);
  g_assert_cmpuint (count_files_in (counts.directory), ==, n_files);
  g_free (counts.directory);
}

/* With the folder unwritable, Ctrl+Q (app.quit) does not drop what was
 * recorded: the window asks, as its close button does, and a banner has
 * said so since the first failure.  Once saving works, Ctrl+Q saves, keeps
 * the window's size and ends the app. */
static void
quit_unsaved_run (SihApplication *app,
                  SihWindow      *window,
                  gpointer        data)
{
  char **path = data;
  SihCaseStore *store = sih_application_get_store (app);
  g_autoptr(GError) injected = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *weak = GTK_WINDOW (window);
  SihCase *kase = sih_window_get_case (window);
  SihAlert *alert;

  sih_error_set_io (&injected, G_IO_ERROR_PERMISSION_DENIED, "Permission denied");
  sih_case_store_set_write_error (store, injected);
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_FAILED);
  sih_case_set_note (kase, "code-not-arriving", "wait-then-newest", "Written while unsaved");
  g_assert_false (sih_case_store_flush (store, NULL));
  sih_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (sih_window_get_save_banner (window)));
  {
    GtkWidget *label = sih_test_find_widget (GTK_WIDGET (window), "save_banner_label");

    /* Said in the person's words, the details in the tooltip. */
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "cannot be written to"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Permission denied");
  }

  /* The session ending is asked to wait too. */
  g_signal_emit_by_name (app, "query-end");
  g_assert_true (sih_application_is_holding_logout (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "Permission denied"));
  sih_alert_respond (alert, "keep");
  sih_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Saving works again: the banner goes, and Ctrl+Q quits for real. */
  sih_case_store_set_write_error (store, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL);
  sih_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (sih_window_get_save_banner (window)));
  g_assert_false (sih_application_is_holding_logout (app));

  *path = g_strdup (sih_case_info_get_path (sih_case_store_lookup (store, sih_case_get_id (kase))));
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sih_test_iterate ();
  g_assert_null (weak);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 777);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 555);
}

static void
test_cases_quit_unsaved (void)
{
  g_autofree char *path = NULL;
  g_autoptr(SihCase) saved = NULL;
  g_autoptr(GError) error = NULL;

  run_app (quit_unsaved_run, &path);
  g_assert_nonnull (path);
  saved = sih_case_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sih_case_get_note (saved, "code-not-arriving", "wait-then-newest"), ==,
                   "Written while unsaved");
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Files set aside at start-up and while the app runs are told in one
 * toast that keeps count, and its Details list the same files. */
static void
unreadable_run (SihApplication *app,
                SihWindow      *window,
                gpointer        data)
{
  SihCaseStore *store = sih_application_get_store (app);
  SihCase *kase = sih_window_get_case (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outside = g_build_filename (g_get_tmp_dir (), "sih-outside-case.json", NULL);
  AdwToast *toast;
  SihAlert *alert;

  sih_test_iterate ();
  toast = sih_window_get_unreadable_toast (window);
  g_assert_nonnull (toast);
  g_assert_cmpuint (sih_case_store_get_unreadable (store)->len, ==, 2);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "2 case files"));

  /* A link put in place of the open case's file while the app runs. */
  sih_case_set_outcome (kase, "code-not-arriving", "wait-then-newest", SIH_OUTCOME_WORKED);
  g_assert_true (sih_case_store_flush (store, &error));
  path = g_strdup (sih_case_info_get_path (sih_case_store_lookup (store, sih_case_get_id (kase))));
  g_assert_true (g_file_set_contents (outside, "theirs", -1, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (outside, path), ==, 0);
  sih_case_set_note (kase, "code-not-arriving", "wait-then-newest", "After the link");
  g_assert_true (sih_case_store_flush (store, &error));
  sih_test_iterate ();

  g_assert_true (sih_window_get_unreadable_toast (window) == toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "3 case files"));
  /* What the toast's Details button does: the toast goes, the list opens. */
  adw_toast_dismiss (toast);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-unreadable", NULL);
  sih_test_iterate ();
  alert = sih_alert_get_visible (GTK_WIDGET (window));
  g_assert_nonnull (alert);
  g_assert_cmpuint (count_occurrences (sih_alert_get_body (alert), "Moved, unchanged"), ==, 3);
  g_assert_nonnull (strstr (sih_alert_get_body (alert), "symbolic link"));
  sih_alert_respond (alert, "close");
  sih_test_iterate ();
  g_unlink (outside);
}

static void
test_cases_unreadable (void)
{
  g_autofree char *dir = sih_case_store_get_default_directory ();
  g_autofree char *one = g_build_filename (dir, "bad-one.json", NULL);
  g_autofree char *two = g_build_filename (dir, "bad-two.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (one, "{", -1, NULL));
  g_assert_true (g_file_set_contents (two, "not a case", -1, NULL));
  run_app (unreadable_run, NULL);
}

/* With --pack naming a broken pack, the window shows that pack's own
 * error (file and place), and no sidebar that would say "No Matching
 * Causes". */
static gboolean
broken_pack_idle_cb (gpointer user_data)
{
  SihApplication *app = SIH_APPLICATION (g_application_get_default ());
  SihWindow *window = SIH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkStack *content = GTK_STACK (sih_test_find_widget (GTK_WIDGET (window), "content_stack"));
  AdwStatusPage *error_page = ADW_STATUS_PAGE (sih_test_find_widget (GTK_WIDGET (window), "error_page"));

  sih_test_iterate ();
  g_assert_null (sih_application_get_pack (app));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "cause-bad-id.json"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "causes[0].id"));
  g_assert_false (gtk_widget_get_visible (sih_test_find_widget (GTK_WIDGET (window), "sidebar")));
  g_assert_false (gtk_widget_get_mapped (sih_test_find_widget (GTK_WIDGET (window), "sidebar_stack")));

  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
broken_pack_activated_cb (GApplication *app)
{
  g_idle_add (broken_pack_idle_cb, NULL);
}

static void
test_cases_broken_pack (void)
{
  g_autoptr(SihApplication) app = sih_application_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "packs", "bad",
                                                 "cause-bad-id.json", NULL);
  char *argv[] = { (char *)"signin-helper", (char *)"--pack", path, NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (broken_pack_activated_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
}

static SihCase *
import_case_of_pack (SihWindow  *window,
                     const char *pack_id)
{
  g_autoptr(SihCase) made = sih_case_new (pack_id, "1.0");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "sih-other-pack-case.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  sih_case_set_title (made, "From another pack");
  sih_case_set_outcome (made, "first", "one", SIH_OUTCOME_FAILED);
  g_assert_true (sih_case_file_save_to_path (made, path, &error));
  g_assert_true (sih_window_import_case (window, file));
  g_unlink (path);
  return sih_window_get_case (window);
}

static AdwToast *
wait_for_pack_toast (SihWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sih_window_get_pack_toast (window) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return sih_window_get_pack_toast (window);
}

/* A case made with another pack says so, and offers that pack when it is
 * installed; a case of the pack in use says nothing. */
static void
other_pack_run (SihApplication *app,
                SihWindow      *window,
                gpointer        data)
{
  const char *installed = data;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwToast *toast;

  g_assert_null (sih_window_get_pack_toast (window));

  import_case_of_pack (window, "test-pack");
  toast = wait_for_pack_toast (window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "Test pack"));
  g_assert_nonnull (adw_toast_get_button_label (toast));
  gtk_widget_activate_action_variant (GTK_WIDGET (window), adw_toast_get_action_name (toast),
                                      adw_toast_get_action_target_value (toast));
  g_assert_cmpstr (g_settings_get_string (settings, "content-pack"), ==, installed);
  g_settings_reset (settings, "content-pack");

  import_case_of_pack (window, "not-installed-pack");
  toast = wait_for_pack_toast (window);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "not-installed-pack"));
  g_assert_null (adw_toast_get_button_label (toast));

  /* Back to a case of this pack: the notice goes. */
  {
    g_autoptr(SihCase) own = sih_application_new_case (app);
    sih_window_set_case (window, own);
  }
  g_assert_null (sih_window_get_pack_toast (window));
}

static void
test_cases_other_pack (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "packs", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "packs", "good.json", NULL);
  g_autofree char *installed = g_build_filename (dir, "test-pack.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (installed, contents, length, NULL));
  run_app (other_pack_run, installed);
  g_unlink (installed);
}

static void
test_cases_list (void)
{
  run_app (list_run, NULL);
}

static void
test_cases_status_sort (void)
{
  run_app (status_sort_run, NULL);
}

static void
test_cases_delete_undo (void)
{
  run_app (delete_undo_run, NULL);
}

static void
test_cases_import (void)
{
  run_app (import_run, NULL);
}

static void
test_cases_import_choice (void)
{
  run_app (import_choice_run, NULL);
}

static void
test_cases_relative_times (void)
{
  run_app (relative_times_run, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add_func ("/cases/restart", test_cases_restart);
  g_test_add_func ("/cases/new-case-same-cause", test_cases_new_case_same_cause);
  g_test_add_func ("/cases/list", test_cases_list);
  g_test_add_func ("/cases/status-sort", test_cases_status_sort);
  g_test_add_func ("/cases/delete-undo", test_cases_delete_undo);
  g_test_add_func ("/cases/relative-times", test_cases_relative_times);
  g_test_add_func ("/cases/import", test_cases_import);
  g_test_add_func ("/cases/import-choice", test_cases_import_choice);
  g_test_add_func ("/cases/blank", test_cases_blank);
  g_test_add_func ("/cases/quit-unsaved", test_cases_quit_unsaved);
  g_test_add_func ("/cases/unreadable", test_cases_unreadable);
  g_test_add_func ("/cases/broken-pack", test_cases_broken_pack);
  g_test_add_func ("/cases/other-pack", test_cases_other_pack);

  return g_test_run ();
}
