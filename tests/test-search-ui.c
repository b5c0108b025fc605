/* test-search-ui.c: search, "what does the screen say?" and triage in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui/sih-application.h"
#include "ui/sih-cause-row.h"
#include "ui/sih-start-page.h"
#include "ui/sih-triage-page.h"
#include "core/sih-triage.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

typedef struct
{
  SihApplication     *app;
  SihWindow          *window;
  SihPack            *pack;
  SihCase            *kase;
  GtkSingleSelection *selection;
} Fixture;

static gboolean
search_ready (SihWindow *window)
{
  SihStartPage *start = SIH_START_PAGE (sih_test_find_widget (GTK_WIDGET (window), "start_page"));
  GListModel *matches = sih_start_page_match_message (start, "認証が必要です");

  return g_list_model_get_n_items (matches) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->app = sih_test_application_new ();
  f->pack = sih_application_get_pack (f->app);
  f->kase = sih_case_new (sih_pack_get_id (f->pack), sih_pack_get_version (f->pack));
  f->window = sih_window_new (f->app);
  sih_window_set_case (f->window, f->kase);
  gtk_window_present (GTK_WINDOW (f->window));
  f->selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (sih_test_find_widget (GTK_WIDGET (f->window), "cause_list"))));

  /* The search index is built in the background. */
  while (!search_ready (f->window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (search_ready (f->window));
  sih_start_page_match_message (SIH_START_PAGE (sih_test_find_widget (GTK_WIDGET (f->window), "start_page")), "");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  g_clear_object (&f->kase);
  g_clear_object (&f->app);
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for @msec, letting animations and timers run. */
static void
run_for (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static const char *
listed_id (Fixture *f,
           guint    position)
{
  g_autoptr(SihCause) cause = g_list_model_get_item (G_LIST_MODEL (f->selection), position);
  return cause != NULL ? sih_cause_get_id (cause) : NULL;
}

static void
search_changed_cb (GtkEditable  *entry,
                   char        **searched)
{
  g_free (*searched);
  *searched = g_strdup (gtk_editable_get_text (entry));
}

/* Types into the sidebar's search entry and waits for its results. */
static void
type_search (Fixture    *f,
             const char *text)
{
  GtkWidget *entry = sih_test_find_widget (GTK_WIDGET (f->window), "cause_search_entry");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *searched;
  gulong handler;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL);
  run_for (400);
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  /* GtkSearchEntry reports a change after a short pause, as for typing:
   * wait until it has reported this text (the window handled it first). */
  searched = NULL;
  handler = g_signal_connect_after (entry, "search-changed", G_CALLBACK (search_changed_cb), &searched);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (g_strcmp0 (searched, text) != 0 && g_get_monotonic_time () < deadline)
    run_for (20);
  g_signal_handler_disconnect (entry, handler);
  g_assert_cmpstr (searched, ==, text);
  g_free (searched);
}

static void
test_search_sidebar (Fixture       *f,
                     gconstpointer  data)
{
  GtkStack *sidebar_stack = GTK_STACK (sih_test_find_widget (GTK_WIDGET (f->window), "sidebar_stack"));
  guint all = sih_pack_get_n_causes (f->pack);
  gboolean found = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, all);

  type_search (f, "the code never comes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), <, all);
  for (guint i = 0; i < 3; i++)
    found |= g_strcmp0 (listed_id (f, i), "code-not-arriving") == 0;
  g_assert_true (found);

  type_search (f, "ｺｰﾄﾞがとどかない");
  g_assert_nonnull (listed_id (f, 0));

  type_search (f, "zqxj wvkp");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "empty");

  /* Enter opens the best match; clearing shows every cause again. */
  type_search (f, "locked out after unusual activity");
  g_signal_emit_by_name (sih_test_find_widget (GTK_WIDGET (f->window), "cause_search_entry"), "activate");
  sih_test_iterate ();
  g_assert_cmpstr (sih_case_get_cause_id (f->kase), ==, listed_id (f, 0));

  type_search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->selection)), ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "list");
}

static void
test_search_screen_message (Fixture       *f,
                            gconstpointer  data)
{
  SihStartPage *start = SIH_START_PAGE (sih_test_find_widget (GTK_WIDGET (f->window), "start_page"));
  GListModel *matches;
  g_autoptr(SihCause) first = NULL;

  /* Partial and re-punctuated, as people retype it. */
  matches = sih_start_page_match_message (start, "異常なアクティビティが検出され");
  g_assert_cmpuint (g_list_model_get_n_items (matches), >, 0);
  first = g_list_model_get_item (matches, 0);
  g_assert_true (g_str_has_prefix (sih_cause_get_id (first), "account-"));

  /* Messages the pack has in one language only, and third-party copies'
   * forms: found through the lexicon, shown as the pack's message. */
  {
    static const struct { const char *typed, *cause; } others[] = {
      { "問題が発生しました", "wrong-credentials" },
      { "パスワードが正しくありません", "wrong-credentials" },
      { "Authentication required", "code-not-arriving" },
      { "Your account has been temporarily locked", "account-locked" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autoptr(SihCause) cause = NULL;
        gboolean found = FALSE;

        matches = sih_start_page_match_message (start, others[i].typed);
        for (guint j = 0; j < g_list_model_get_n_items (matches) && !found; j++)
          {
            g_clear_object (&cause);
            cause = g_list_model_get_item (matches, j);
            found = g_str_equal (sih_cause_get_id (cause), others[i].cause);
          }
        if (!found)
          g_error ("“%s” does not list %s", others[i].typed, others[i].cause);
      }
  }

  matches = sih_start_page_match_message (start, "this has nothing to do with it 12345");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);
}

static void
test_search_triage (Fixture       *f,
                    gconstpointer  data)
{
  SihTriagePage *page = SIH_TRIAGE_PAGE (sih_test_find_widget (GTK_WIDGET (f->window), "triage_page"));
  GtkStack *content = GTK_STACK (sih_test_find_widget (GTK_WIDGET (f->window), "content_stack"));
  SihTriage *triage = sih_pack_get_triage (f->pack);
  guint n_answers = 0;

  g_assert_nonnull (triage);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-triage", NULL);
  sih_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "triage");
  g_assert_cmpstr (sih_triage_page_get_question_id (page), ==, sih_triage_get_start (triage)->id);

  /* Always take the last answer, until the questions lead to a cause. */
  while (sih_triage_page_get_question_id (page) != NULL && n_answers < 20)
    {
      const SihTriageQuestion *question = sih_triage_find_question (triage, sih_triage_page_get_question_id (page));
      const SihTriageAnswer *answer = sih_triage_question_get_answer (question, sih_triage_question_get_n_answers (question) - 1);
      g_autofree char *key = sih_triage_detail_key (question->id);

      g_assert_true (sih_triage_page_answer (page, answer->id));
      g_assert_cmpstr (sih_case_get_detail (f->kase, key), ==, answer->id);
      n_answers++;
    }

  g_assert_nonnull (sih_triage_page_get_result (page));
  g_assert_cmpuint (sih_triage_get_path (triage, f->kase)->len, ==, n_answers);

  /* The recommendation opens its checklist. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select-cause", "s", sih_triage_page_get_result (page));
  sih_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "cause");
  g_assert_cmpstr (sih_case_get_cause_id (f->kase), ==, sih_triage_get_result (triage, f->kase));
}

/* What Enter does where the focus is, in a list box: its key binding
 * activates the cursor row (the focused one), if any. */
static void
press_enter (Fixture *f)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  GtkWidget *list = GTK_IS_LIST_BOX (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate-cursor-row");
  sih_test_iterate ();
}

/* Help Me Choose puts the focus on the question, never on an answer: Enter
 * answers nothing by accident (it used to land on the second answer, "I
 * typed my password into a suspicious site…"); Down goes to the first. */
static void
test_search_triage_focus (Fixture       *f,
                          gconstpointer  data)
{
  SihTriagePage *page = SIH_TRIAGE_PAGE (sih_test_find_widget (GTK_WIDGET (f->window), "triage_page"));
  GtkWidget *answers = sih_test_find_widget (GTK_WIDGET (page), "answer_list");
  SihTriage *triage = sih_pack_get_triage (f->pack);
  const SihTriageQuestion *question;
  g_autofree char *first = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-triage", NULL);
  sih_test_iterate ();
  first = g_strdup (sih_triage_page_get_question_id (page));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == answers);
  press_enter (f);
  g_assert_cmpstr (sih_triage_page_get_question_id (page), ==, first);
  g_assert_cmpuint (sih_triage_get_path (triage, f->kase)->len, ==, 0);

  /* Answered: on the next question, and again Enter does nothing. */
  question = sih_triage_find_question (triage, first);
  g_assert_true (sih_triage_page_answer (page, sih_triage_question_get_answer (question, sih_triage_question_get_n_answers (question) - 1)->id));
  g_assert_cmpstr (sih_triage_page_get_question_id (page), !=, first);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == answers);
  press_enter (f);
  g_assert_cmpuint (sih_triage_get_path (triage, f->kase)->len, ==, 1);

  /* Down (its key binding) goes to the first answer, and Enter there
   * answers with it. */
  g_signal_emit_by_name (answers, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  sih_test_iterate ();
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (answers), 0)));
  press_enter (f);
  g_assert_cmpuint (sih_triage_get_path (triage, f->kase)->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add ("/search-ui/sidebar", Fixture, NULL, fixture_set_up, test_search_sidebar, fixture_tear_down);
  g_test_add ("/search-ui/screen-message", Fixture, NULL, fixture_set_up, test_search_screen_message, fixture_tear_down);
  g_test_add ("/search-ui/triage", Fixture, NULL, fixture_set_up, test_search_triage, fixture_tear_down);
  g_test_add ("/search-ui/triage-focus", Fixture, NULL, fixture_set_up, test_search_triage_focus, fixture_tear_down);

  return g_test_run ();
}
