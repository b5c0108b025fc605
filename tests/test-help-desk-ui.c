/* test-help-desk-ui.c: help-desk mode on a live call, from the keyboard
 * (needs a display)
 *
 * The agent's name from Preferences, the call clock and its keys, the
 * ticket window (ticket, caller, status with an official route and a
 * reason), and what the case and the summary then hold.  Keys are pressed
 * through the key bindings they trigger; the focus moves as Tab moves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ui/sih-application.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-step-row.h"
#include "ui/sih-summary-preview.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-ticket-window.h"
#include "ui/sih-window.h"
#include "sih-test-util.h"

typedef struct
{
  GSettings      *settings;
  SihApplication *app;
  SihWindow      *window;
  SihPack        *pack;
  SihCase        *kase;
  GDateTime      *now;       /* the case's clock */
} Fixture;

static GDateTime *
fixed_clock (gpointer user_data)
{
  Fixture *f = user_data;

  return g_date_time_ref (f->now);
}

static void
advance (Fixture *f,
         int      seconds)
{
  GDateTime *later = g_date_time_add_seconds (f->now, seconds);

  g_date_time_unref (f->now);
  f->now = later;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+09:00");

  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_set_boolean (f->settings, "help-desk-mode", TRUE);
  g_settings_set_string (f->settings, "agent-name", "Sato Ken");

  f->now = g_date_time_new (tz, 2026, 12, 7, 10, 0, 0);
  f->app = sih_test_application_new ();
  f->pack = sih_application_get_pack (f->app);
  f->kase = sih_case_new (sih_pack_get_id (f->pack), sih_pack_get_version (f->pack));
  sih_case_set_clock (f->kase, fixed_clock, f);

  f->window = sih_window_new (f->app);
  sih_window_set_case (f->window, f->kase);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  sih_test_wait_for_size (GTK_WIDGET (f->window), 1000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sih_test_iterate ();
  g_clear_object (&f->kase);
  g_clear_object (&f->app);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_settings_reset (f->settings, "help-desk-mode");
  g_settings_reset (f->settings, "agent-name");
  g_clear_object (&f->settings);
}

static void
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_assert_true (sih_test_activate_shortcut (widget, keyval, modifiers));
  sih_test_iterate ();
}

static void
assert_label (GtkWidget  *widget,
              const char *label)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               label);
  if (error != NULL)
    g_error ("%s is not named “%s”: %s", G_OBJECT_TYPE_NAME (widget), label, error);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
focus_of (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* A key pressed where the focus is: as GTK does, the first key binding
 * for it from the focused widget up through its ancestors. */
static void
press_on_focus (GtkWindow       *window,
                guint            keyval,
                GdkModifierType  modifiers)
{
  for (GtkWidget *widget = focus_of (window); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (sih_test_activate_shortcut (widget, keyval, modifiers))
      {
        sih_test_iterate ();
        return;
      }
  g_error ("Nothing from the focus up has a binding for key %u", keyval);
}

/* Presses Tab until the focus is in @target; fails if it never gets there.
 * Rows just shown (the routes, once Escalated is chosen) are laid out
 * first: GTK 4.18 orders the focus by where widgets are. */
static void
tab_to (GtkWindow *window,
        GtkWidget *target)
{
  sih_test_wait_for_frames (GTK_WIDGET (window), 2);
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus = focus_of (window);

      sih_test_make_active (window);

      if (focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)))
        return;
      g_test_message ("Tab %u: on %s “%s”", i, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                      ADW_IS_PREFERENCES_ROW (focus) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus))
                      : GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) ? gtk_button_get_label (GTK_BUTTON (focus)) : "");
      /* What Tab does: the first binding for it from the focus up (a
       * list's own, on GTK 4.18, or the window's, which wraps round). */
      press_on_focus (window, GDK_KEY_Tab, 0);
    }
  g_error ("Tab never reaches %s “%s”", G_OBJECT_TYPE_NAME (target),
           ADW_IS_PREFERENCES_ROW (target) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (target)) : "");
}

/* Types into the focused text field, as typing does. */
static void
type_text (GtkWindow  *window,
           const char *text)
{
  GtkWidget *focus = focus_of (window);
  int position;

  g_assert_true (GTK_IS_EDITABLE (focus));
  position = gtk_editable_get_position (GTK_EDITABLE (focus));
  gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &position);
  sih_test_iterate ();
}

/* Space on a row: the window's key binding activates the focused row. */
static void
press_space (GtkWindow *window)
{
  press (GTK_WIDGET (window), GDK_KEY_space, 0);
}

/* Enter in a text field, which the field handles itself: it emits
 * "activate". */
static void
press_enter_in_text (GtkWindow *window)
{
  GtkWidget *focus = focus_of (window);

  g_assert_true (GTK_IS_TEXT (focus));
  g_signal_emit_by_name (focus, "activate");
  sih_test_iterate ();
}

static void
test_help_desk_live_call (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *call_button = sih_test_find_widget (GTK_WIDGET (f->window), "call_button");
  GtkLabel *call_label = GTK_LABEL (sih_test_find_widget (GTK_WIDGET (f->window), "call_label"));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (sih_test_find_widget (GTK_WIDGET (f->window), "content_title"));
  GtkWindow *ticket;
  GtkWindow *summary;
  GtkWidget *ticket_row;
  const SihCall *call;
  GPtrArray *calls;
  GPtrArray *history;
  const char *text;

  g_assert_nonnull (call_button);
  g_assert_nonnull (call_label);
  g_assert_true (gtk_widget_get_visible (call_button));
  assert_label (call_button, "Start Call");
  g_assert_cmpstr (sih_case_get_agent (f->kase), ==, "Sato Ken");

  /* Ctrl+Shift+C starts a call, taken by the agent; the clock shows. */
  press (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  call = sih_case_get_running_call (f->kase);
  g_assert_nonnull (call);
  g_assert_cmpstr (call->agent, ==, "Sato Ken");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (call_label)));
  g_assert_cmpstr (gtk_label_get_text (call_label), ==, "00:00");
  assert_label (call_button, "Stop Call");

  /* Ctrl+Shift+T says how long the call has run; the button's name stays. */
  advance (f, 4 * 60 + 12);
  press (GTK_WIDGET (f->window), GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  assert_label (call_button, "Stop Call");
#if !GTK_CHECK_VERSION (4, 14, 0)
  {
    /* GTK 4.8 cannot announce: the button describes it instead. */
    g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (call_button),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 "Call time: 4 minutes 12 seconds");
    g_assert_null (error);
  }
#endif

  /* Ctrl+I opens the ticket window, on the ticket number. */
  press (GTK_WIDGET (f->window), GDK_KEY_i, GDK_CONTROL_MASK);
  ticket = find_toplevel (SIH_TYPE_TICKET_WINDOW);
  g_assert_nonnull (ticket);
  sih_test_wait_for_frames (GTK_WIDGET (ticket), 2);
  ticket_row = sih_test_find_widget (GTK_WIDGET (ticket), "ticket_row");
  tab_to (ticket, ticket_row);
  type_text (ticket, "HD-4711");
  g_assert_cmpstr (sih_case_get_ticket (f->kase), ==, "HD-4711");
  /* Typing in it changed the case: the clock shows the time since. */
  g_assert_cmpstr (gtk_label_get_text (call_label), ==, "04:12");

  tab_to (ticket, sih_test_find_widget (GTK_WIDGET (ticket), "caller_name_row"));
  type_text (ticket, "Tanaka Hanako");
  tab_to (ticket, sih_test_find_widget (GTK_WIDGET (ticket), "caller_contact_row"));
  type_text (ticket, "090-1234-5678");
  g_assert_cmpstr (sih_case_get_caller_name (f->kase), ==, "Tanaka Hanako");
  g_assert_cmpstr (sih_case_get_caller_contact (f->kase), ==, "090-1234-5678");

  /* Escalated, then its official route and the reason. */
  advance (f, 60);
  g_assert_false (gtk_widget_get_visible (sih_test_find_widget (GTK_WIDGET (ticket), "route_group")));
  tab_to (ticket, sih_ticket_window_get_status_row (SIH_TICKET_WINDOW (ticket), SIH_STATUS_ESCALATED));
  press_space (ticket);
  g_assert_cmpint (sih_case_get_status (f->kase), ==, SIH_STATUS_ESCALATED);
  g_assert_true (gtk_widget_get_visible (sih_test_find_widget (GTK_WIDGET (ticket), "route_group")));
  g_assert_false (gtk_widget_get_visible (sih_test_find_widget (GTK_WIDGET (ticket), "call_back_group")));

  tab_to (ticket, sih_test_find_widget (GTK_WIDGET (ticket), "reason_row"));
  type_text (ticket, "Account locked");
  press_enter_in_text (ticket);
  g_assert_cmpstr (sih_case_get_status_reason (f->kase), ==, "Account locked");

  tab_to (ticket, sih_ticket_window_get_route_row (SIH_TICKET_WINDOW (ticket), "customer-service"));
  press_space (ticket);
  g_assert_cmpstr (sih_case_get_escalation_route (f->kase), ==, "customer-service");
  g_assert_cmpstr (sih_case_get_status_reason (f->kase), ==, "Account locked");

  /* The header says the ticket and where the case stands. */
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "HD-4711 · Escalated");

  /* Escape closes the ticket window. */
  press (GTK_WIDGET (ticket), GDK_KEY_Escape, 0);
  g_assert_null (find_toplevel (SIH_TYPE_TICKET_WINDOW));

  /* Ctrl+Shift+C again stops the call and records its end. */
  advance (f, 5 * 60);
  sih_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  sih_test_iterate ();
  g_assert_null (sih_case_get_running_call (f->kase));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (call_label)));
  assert_label (call_button, "Start Call");

  /* A second call: a case holds several. */
  advance (f, 60);
  press (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  advance (f, 30);
  press (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);

  calls = sih_case_get_calls (f->kase);
  g_assert_cmpuint (calls->len, ==, 2);
  for (guint i = 0; i < calls->len; i++)
    {
      const SihCall *c = calls->pdata[i];

      g_assert_nonnull (c->end);
      g_assert_cmpstr (c->agent, ==, "Sato Ken");
    }
  g_assert_cmpint (g_date_time_difference (((SihCall *)calls->pdata[0])->end,
                                           ((SihCall *)calls->pdata[0])->start),
                   ==, (4 * 60 + 12 + 60 + 5 * 60) * G_TIME_SPAN_SECOND);

  /* The ticket window lists both, with their length and agent. */
  press (GTK_WIDGET (f->window), GDK_KEY_i, GDK_CONTROL_MASK);
  ticket = find_toplevel (SIH_TYPE_TICKET_WINDOW);
  g_assert_nonnull (ticket);
  {
    GtkListBox *list = GTK_LIST_BOX (sih_test_find_widget (GTK_WIDGET (ticket), "calls_list"));
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr(GDateTime) end = g_date_time_to_timezone (((SihCall *)calls->pdata[0])->end, tz);
    g_autofree char *until = g_date_time_format (end, "%H:%M");
    g_autofree char *expected = g_strdup_printf ("until %s, 10 minutes 12 seconds · Sato Ken", until);
    g_autofree char *error = NULL;

    g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
    g_assert_null (gtk_list_box_get_row_at_index (list, 2));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, expected);
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (first),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
    g_assert_null (error);
  }
  press (GTK_WIDGET (ticket), GDK_KEY_Escape, 0);

  /* Every status change is in the history, with the agent. */
  history = sih_case_get_history (f->kase);
  g_assert_cmpuint (history->len, >=, 3);
  for (guint i = 0; i < history->len; i++)
    {
      const SihHistoryEntry *entry = history->pdata[i];

      g_assert_cmpint (entry->kind, ==, SIH_HISTORY_STATUS);
      g_assert_cmpstr (entry->agent, ==, "Sato Ken");
    }
  g_assert_cmpstr (((SihHistoryEntry *)history->pdata[history->len - 1])->route_id, ==,
                   "customer-service");

  /* Ctrl+E: the summary is headed by the ticket; a timeline only when asked. */
  press (GTK_WIDGET (f->window), GDK_KEY_e, GDK_CONTROL_MASK);
  summary = find_toplevel (SIH_TYPE_SUMMARY_WINDOW);
  g_assert_nonnull (summary);
  text = sih_summary_window_get_text (SIH_SUMMARY_WINDOW (summary));
  g_assert_true (g_str_has_prefix (text, "Ticket HD-4711: sign-in problem summary\n"));
  g_assert_null (strstr (text, "Sato Ken — Call 1 started"));
  {
    SihSummaryPreview *preview = SIH_SUMMARY_PREVIEW (sih_test_find_widget (GTK_WIDGET (summary), "preview"));
    GtkSwitch *timeline = sih_summary_preview_get_timeline_switch (preview);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline)));
    g_assert_false (gtk_switch_get_active (timeline));
    gtk_switch_set_active (timeline, TRUE);
    text = sih_summary_window_get_text (SIH_SUMMARY_WINDOW (summary));
    g_assert_nonnull (strstr (text, "Sato Ken — Call 1 started"));
    g_assert_nonnull (strstr (text, "Sato Ken — Status: Escalated"));
  }
  gtk_window_destroy (summary);
}

static SihStepRow *
step_row (SihCausePage *page,
          guint         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sih_cause_page_get_step_list (page), index);

  g_assert_true (SIH_IS_STEP_ROW (row));
  return SIH_STEP_ROW (row);
}

/* A whole call, from the keyboard alone, as an agent takes it: start the
 * clock, find the cause from what the caller says, read
 * the first step's words aloud and record what happened, step by step,
 * note the ticket and escalate to the pack's official route, stop the
 * clock, and copy the summary for the ticket. */
static void
test_help_desk_whole_call (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (f->window);
  SihCausePage *page = SIH_CAUSE_PAGE (sih_test_find_widget (GTK_WIDGET (f->window), "cause_page"));
  GtkWidget *search_entry = sih_test_find_widget (GTK_WIDGET (f->window), "cause_search_entry");
  SihCause *cause = sih_pack_find_cause (f->pack, "account-locked");
  g_autoptr(SihStep) first = g_list_model_get_item (sih_cause_get_steps (cause), 0);
  g_autoptr(SihStep) second = g_list_model_get_item (sih_cause_get_steps (cause), 1);
  GtkWindow *ticket, *summary;
  GtkWidget *say_label;
  g_autofree char *copied = NULL;
  gint64 deadline;

  /* Ctrl+Shift+C: the call starts. */
  press (GTK_WIDGET (window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_nonnull (sih_case_get_running_call (f->kase));

  /* Ctrl+F and the caller's words; Enter opens the best match. */
  press (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), search_entry));
  type_text (window, "says unusual activity");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      GListModel *listed = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (
                             sih_test_find_widget (GTK_WIDGET (f->window), "cause_list"))));
      g_autoptr(SihCause) best = g_list_model_get_n_items (listed) > 0 ? g_list_model_get_item (listed, 0) : NULL;

      if (best == cause)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_emit_by_name (search_entry, "activate");
  sih_test_iterate ();
  g_assert_true (sih_cause_page_get_cause (page) == cause);
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), GTK_WIDGET (page)));

  /* Enter on the first step opens it: what to read to the caller comes
   * first, on screen and to a screen reader. */
  tab_to (window, GTK_WIDGET (step_row (page, 0)));
  press_on_focus (window, GDK_KEY_Return, 0);
  sih_test_wait_for_frames (GTK_WIDGET (window), 2);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (step_row (page, 0))));
  say_label = sih_test_find_widget (GTK_WIDGET (step_row (page, 0)), "say_label");
  g_assert_true (gtk_widget_get_mapped (say_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (say_label)), ==, sih_step_get_caller_text (first));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (say_label)) == GTK_ACCESSIBLE_ROLE_LABEL);

  /* Ctrl+2: it did not work; Tab on to the next step, Ctrl+1: it did. */
  press (GTK_WIDGET (step_row (page, 0)), GDK_KEY_2, GDK_CONTROL_MASK);
  g_assert_cmpint (sih_case_get_outcome (f->kase, "account-locked", sih_step_get_id (first)), ==,
                   SIH_OUTCOME_FAILED);
  advance (f, 90);
  tab_to (window, GTK_WIDGET (step_row (page, 1)));
  press (GTK_WIDGET (step_row (page, 1)), GDK_KEY_3, GDK_CONTROL_MASK);
  g_assert_cmpint (sih_case_get_outcome (f->kase, "account-locked", sih_step_get_id (second)), ==,
                   SIH_OUTCOME_SKIPPED);
  for (guint i = 0; i < 2; i++)
    {
      const SihHistoryEntry *entry = sih_case_get_history (f->kase)->pdata[i];

      g_assert_cmpint (entry->kind, ==, SIH_HISTORY_OUTCOME);
      g_assert_cmpstr (entry->agent, ==, "Sato Ken");
    }

  /* Ctrl+I: the ticket number; escalated, to the pack's official route;
   * Escape. */
  advance (f, 60);
  press (GTK_WIDGET (window), GDK_KEY_i, GDK_CONTROL_MASK);
  ticket = find_toplevel (SIH_TYPE_TICKET_WINDOW);
  g_assert_nonnull (ticket);
  tab_to (ticket, sih_test_find_widget (GTK_WIDGET (ticket), "ticket_row"));
  type_text (ticket, "HD-4711");
  tab_to (ticket, sih_ticket_window_get_status_row (SIH_TICKET_WINDOW (ticket), SIH_STATUS_ESCALATED));
  press_space (ticket);
  tab_to (ticket, sih_ticket_window_get_route_row (SIH_TICKET_WINDOW (ticket), "customer-service"));
  press_space (ticket);
  press (GTK_WIDGET (ticket), GDK_KEY_Escape, 0);
  g_assert_null (find_toplevel (SIH_TYPE_TICKET_WINDOW));
  g_assert_cmpint (sih_case_get_status (f->kase), ==, SIH_STATUS_ESCALATED);

  g_assert_cmpstr (sih_case_get_escalation_route (f->kase), ==, "customer-service");

  /* Ctrl+Shift+C: the call ends. */
  advance (f, 30);
  press (GTK_WIDGET (window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_null (sih_case_get_running_call (f->kase));

  /* Ctrl+E, then Ctrl+C: the summary for the ticket is on the clipboard. */
  press (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK);
  summary = find_toplevel (SIH_TYPE_SUMMARY_WINDOW);
  g_assert_nonnull (summary);
  press (GTK_WIDGET (summary), GDK_KEY_c, GDK_CONTROL_MASK);
  copied = sih_test_read_clipboard (GTK_WIDGET (summary));
  g_assert_cmpstr (copied, ==, sih_summary_window_get_text (SIH_SUMMARY_WINDOW (summary)));
  g_assert_true (g_str_has_prefix (copied, "Ticket HD-4711: sign-in problem summary\n"));
  g_assert_nonnull (strstr (copied, "Status: Escalated to Amazon Customer Service\n"));
  g_assert_nonnull (strstr (copied, "Call 1: 2026-12-07 10:00–10:03 (3 min 00 s), Sato Ken\n"));
  g_assert_nonnull (strstr (copied, sih_step_get_title (first)));
  g_assert_nonnull (strstr (copied, "The caller cannot sign in"));
  g_assert_null (strstr (copied, "whether you can still use it"));
  gtk_window_destroy (summary);
}

/* The name follows Preferences, and help-desk mode. */
static void
test_help_desk_agent_preference (Fixture       *f,
                                 gconstpointer  data)
{
  GtkWidget *call_button = sih_test_find_widget (GTK_WIDGET (f->window), "call_button");
  g_autoptr(SihCase) other = sih_case_new (sih_pack_get_id (f->pack), sih_pack_get_version (f->pack));

  g_assert_cmpstr (sih_case_get_agent (f->kase), ==, "Sato Ken");
  g_settings_set_string (f->settings, "agent-name", "Suzuki Aya");
  g_assert_cmpstr (sih_case_get_agent (f->kase), ==, "Suzuki Aya");
  sih_case_set_outcome (f->kase, "wrong-credentials", "check-caps-lock", SIH_OUTCOME_FAILED);
  g_assert_cmpstr (((SihHistoryEntry *)sih_case_get_history (f->kase)->pdata[0])->agent, ==,
                   "Suzuki Aya");

  /* Another case gets the name too. */
  sih_window_set_case (f->window, other);
  g_assert_cmpstr (sih_case_get_agent (other), ==, "Suzuki Aya");

  /* Out of help-desk mode: no name, no clock, no keys. */
  g_settings_set_boolean (f->settings, "help-desk-mode", FALSE);
  g_assert_null (sih_case_get_agent (other));
  g_assert_false (gtk_widget_get_visible (call_button));
  g_assert_false (gtk_widget_is_sensitive (call_button));
  sih_test_activate_shortcut (GTK_WIDGET (f->window), GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  sih_test_iterate ();
  g_assert_null (sih_case_get_running_call (other));
}

/* A call still running when the app last closed: the clock goes on. */
static void
test_help_desk_running_call_restored (Fixture       *f,
                                      gconstpointer  data)
{
  GtkLabel *call_label = GTK_LABEL (sih_test_find_widget (GTK_WIDGET (f->window), "call_label"));
  GtkWidget *call_button = sih_test_find_widget (GTK_WIDGET (f->window), "call_button");
  g_autoptr(GDateTime) started = g_date_time_add_seconds (f->now, -(3600 + 2 * 60 + 3));
  g_autoptr(SihCase) restored = sih_case_new_restored ("0b7c9f3e-5d0a-4c1e-9a57-3f1d2b8e6c41",
                                                       sih_pack_get_id (f->pack),
                                                       sih_pack_get_version (f->pack),
                                                       started, started);

  sih_case_restore_call (restored, started, NULL, "Sato Ken");
  sih_case_set_clock (restored, fixed_clock, f);
  sih_window_set_case (f->window, restored);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (call_label)));
  g_assert_cmpstr (gtk_label_get_text (call_label), ==, "1:02:03");
  assert_label (call_button, "Stop Call");
}

int
main (int   argc,
      char *argv[])
{
  if (!sih_test_init_gtk (&argc, &argv))
    return g_test_run ();

  g_test_add ("/help-desk-ui/live-call", Fixture, NULL,
              fixture_set_up, test_help_desk_live_call, fixture_tear_down);
  g_test_add ("/help-desk-ui/whole-call", Fixture, NULL,
              fixture_set_up, test_help_desk_whole_call, fixture_tear_down);
  g_test_add ("/help-desk-ui/agent-preference", Fixture, NULL,
              fixture_set_up, test_help_desk_agent_preference, fixture_tear_down);
  g_test_add ("/help-desk-ui/running-call-restored", Fixture, NULL,
              fixture_set_up, test_help_desk_running_call_restored, fixture_tear_down);

  return g_test_run ();
}
