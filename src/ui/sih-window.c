/* sih-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/sih-case-file.h"
#include "core/sih-error.h"
#include "core/sih-pack-catalog.h"
#include "core/sih-time.h"
#include "ui/sih-accessible.h"
#include "ui/sih-cause-row.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-tab-stop.h"
#include "ui/sih-window-private.h"

G_DEFINE_FINAL_TYPE (SihWindow, sih_window, ADW_TYPE_APPLICATION_WINDOW)

static void end_search         (SihWindow   *self);
static void cause_activated_cb (SihWindow   *self,
                                guint        position,
                                GtkListView *list);

static void
cause_item_setup_cb (SihWindow   *self,
                     GtkListItem *item)
{
  GtkWidget *row = sih_cause_row_new ();

  gtk_list_item_set_child (item, row);
  g_ptr_array_add (self->cause_rows, row);
}

static void
cause_item_teardown_cb (SihWindow   *self,
                        GtkListItem *item)
{
  /* Rows go with the window too, after its own dispose. */
  if (self->cause_rows != NULL)
    g_ptr_array_remove_fast (self->cause_rows, gtk_list_item_get_child (item));
}

static void
cause_item_bind_cb (SihWindow   *self,
                    GtkListItem *item)
{
  SihCauseRow *row = SIH_CAUSE_ROW (gtk_list_item_get_child (item));
  SihCause *cause = gtk_list_item_get_item (item);

  sih_cause_row_bind (row, cause, self->kase);
  sih_cause_row_set_match (row, self->search_matches != NULL
                                ? g_hash_table_lookup (self->search_matches, cause) : NULL);
}

static void
cause_item_unbind_cb (SihWindow   *self,
                      GtkListItem *item)
{
  sih_cause_row_unbind (SIH_CAUSE_ROW (gtk_list_item_get_child (item)));
}

/* The sidebar lists a large pack a few causes a frame.  GTK (4.8 to 4.18
 * at least) makes a row for each of the first two hundred causes at once,
 * whether they fit in the window or not: for a pack of a thousand causes
 * that was most of the time to the first frame.  Listed a few at a time,
 * the first frame has the rows it shows, and each later frame makes a
 * few more, staying well within one frame's time. */
#define FIRST_LISTED  40  /* more than a tall window shows */
#define LISTED_A_FRAME 8

static void
stop_listing (SihWindow *self)
{
  if (self->listing_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->cause_list), self->listing_id);
  self->listing_id = 0;
}

static void
list_every_cause (SihWindow *self)
{
  stop_listing (self);
  if (self->all_causes != NULL)
    gtk_slice_list_model_set_size (self->all_causes, G_MAXUINT);
}

static gboolean
list_more_causes_cb (GtkWidget     *list,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  SihWindow *self = user_data;
  GListModel *causes = gtk_slice_list_model_get_model (self->all_causes);
  guint size = gtk_slice_list_model_get_size (self->all_causes);

  /* Past the rows GTK makes at once, the rest costs nothing. */
  if (size + LISTED_A_FRAME >= MIN (g_list_model_get_n_items (causes), 256))
    {
      self->listing_id = 0;
      gtk_slice_list_model_set_size (self->all_causes, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->all_causes, size + LISTED_A_FRAME);
  return G_SOURCE_CONTINUE;
}

static guint
find_position (SihWindow  *self,
               const char *cause_id)
{
  GListModel *causes = gtk_single_selection_get_model (self->selection);
  guint n;

  /* A cause further down than listed yet: list them all now. */
  if (causes == G_LIST_MODEL (self->all_causes))
    list_every_cause (self);
  n = g_list_model_get_n_items (causes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      if (g_strcmp0 (sih_cause_get_id (cause), cause_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_sih_window_select_position (SihWindow *self,
                 guint      position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->selecting = FALSE;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->cause_list), "list.scroll-to-item", "u", position);
}

void
_sih_window_show_start (SihWindow *self)
{
  _sih_window_select_position (self, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->content_stack, "start");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-checklist", FALSE);
  adw_window_title_set_title (self->content_title, _("Sign-in Helper"));
}

static void
show_cause (SihWindow *self,
            SihCause  *cause)
{
  /* Nothing to record into yet: the saved cases are still being listed. */
  if (self->kase == NULL)
    return;

  /* The same cause for another case (after New Case) is shown afresh:
   * the rows would record into the case they were made for. */
  if (sih_cause_page_get_cause (self->cause_page) != cause ||
      sih_cause_page_get_case (self->cause_page) != self->kase)
    sih_cause_page_show (self->cause_page, self->pack, cause, self->kase);
  gtk_stack_set_visible_child_name (self->content_stack, "cause");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-checklist", TRUE);
  adw_window_title_set_title (self->content_title, sih_cause_get_title (cause));
  if (self->kase != NULL)
    sih_case_set_cause_id (self->kase, sih_cause_get_id (cause));
}

/**
 * sih_window_select_cause:
 * @cause_id: (nullable): the cause to show, or %NULL for the start page
 *
 * Selects the cause in the sidebar and shows its checklist.
 */
void
sih_window_select_cause (SihWindow  *self,
                         const char *cause_id)
{
  guint position;

  g_return_if_fail (SIH_IS_WINDOW (self));

  if (cause_id == NULL || self->pack == NULL || sih_pack_find_cause (self->pack, cause_id) == NULL)
    {
      _sih_window_show_start (self);
      return;
    }

  /* A cause that the search hides: show every cause again. */
  position = find_position (self, cause_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_toggle_button_set_active (self->search_button, FALSE);
      end_search (self);
      position = find_position (self, cause_id);
    }

  _sih_window_select_position (self, position);
  show_cause (self, sih_pack_find_cause (self->pack, cause_id));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* What a search result matched, in a few words for the row. */
static char *
describe_match (SihSearchResult *result)
{
  switch (result->match)
    {
    case SIH_SEARCH_MATCH_ERROR_MESSAGE:
      /* Translators: a search matched this error message of a cause */
      return g_strdup_printf (_("Message: %s"), result->text);
    case SIH_SEARCH_MATCH_SYMPTOM:
      /* Translators: a search matched this thing people say */
      return g_strdup_printf (_("“%s”"), result->text);
    case SIH_SEARCH_MATCH_STEP_TITLE:
    case SIH_SEARCH_MATCH_STEP_DETAIL:
      {
        SihStep *step = result->step_id != NULL ? sih_cause_find_step (result->cause, result->step_id) : NULL;
        /* Translators: a search matched this step of a cause */
        return g_strdup_printf (_("Step: %s"), step != NULL ? sih_step_get_title (step) : result->text);
      }
    case SIH_SEARCH_MATCH_TITLE:
    case SIH_SEARCH_MATCH_SUMMARY:
    default:
      return NULL;
    }
}

static void
set_sidebar_model (SihWindow  *self,
                   GListModel *model)
{
  self->selecting = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, model);
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "empty");

  /* Keep the cause on screen selected if it is listed. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "cause") == 0)
    {
      SihCause *cause = sih_cause_page_get_cause (self->cause_page);
      guint position = cause != NULL ? find_position (self, sih_cause_get_id (cause))
                                     : GTK_INVALID_LIST_POSITION;

      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->selecting = FALSE;
    }
}

static void
end_search (SihWindow *self)
{
  if (self->pack == NULL)
    return;
  g_hash_table_remove_all (self->search_matches);
  g_list_store_remove_all (self->search_results);
  if (gtk_single_selection_get_model (self->selection) != G_LIST_MODEL (self->all_causes))
    set_sidebar_model (self, G_LIST_MODEL (self->all_causes));
}

/**
 * sih_window_search:
 * @query: what the user typed
 *
 * Shows the causes that match @query in the sidebar, best first, with
 * what each matched; an empty query shows every cause.
 */
void
sih_window_search (SihWindow  *self,
                   const char *query)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *trimmed = NULL;

  g_return_if_fail (SIH_IS_WINDOW (self));

  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  if (self->pack == NULL || self->search_index == NULL || *trimmed == '\0')
    {
      end_search (self);
      return;
    }

  results = sih_search_index_query (self->search_index, trimmed, 50);
  g_hash_table_remove_all (self->search_matches);
  g_list_store_remove_all (self->search_results);
  for (guint i = 0; i < results->len; i++)
    {
      SihSearchResult *result = g_ptr_array_index (results, i);

      g_hash_table_insert (self->search_matches, result->cause, describe_match (result));
      g_list_store_append (self->search_results, result->cause);
    }
  set_sidebar_model (self, G_LIST_MODEL (self->search_results));
}

static void
search_changed_cb (SihWindow      *self,
                   GtkSearchEntry *entry)
{
  sih_window_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (SihWindow *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  end_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cause_list));
}

/* Enter in the search opens the best match. */
static void
search_activate_cb (SihWindow *self)
{
  g_autoptr(SihCause) best = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  best = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);
  cause_activated_cb (self, 0, self->cause_list);
}

static void
search_toggled_cb (SihWindow *self)
{
  if (gtk_toggle_button_get_active (self->search_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      end_search (self);
    }
}

static void
search_index_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SihWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->search_index = sih_search_index_new_finish (result, &error);
  if (self->search_index == NULL)
    {
      g_message ("The search index could not be built: %s", error->message);
      return;
    }
  sih_start_page_set_search_index (self->start_page, self->search_index);
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    sih_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
selection_changed_cb (SihWindow *self)
{
  SihCause *cause = gtk_single_selection_get_selected_item (self->selection);

  /* Arrow keys and clicks move the selection: follow it while both panes
   * are shown.  Folded, a click activates instead (and hovering selects). */
  if (cause == NULL || self->selecting || adw_leaflet_get_folded (self->leaflet))
    return;
  show_cause (self, cause);
}

static void
cause_activated_cb (SihWindow   *self,
                    guint        position,
                    GtkListView *list)
{
  g_autoptr(SihCause) cause = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  _sih_window_select_position (self, position);
  show_cause (self, cause);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_child_focus (GTK_WIDGET (self->content_stack), GTK_DIR_TAB_FORWARD);
}

static void
folded_changed_cb (SihWindow *self)
{
  /* One pane: a click opens the cause.  Two panes: a click selects it,
   * which shows it beside the list. */
  gtk_list_view_set_single_click_activate (self->cause_list,
                                           adw_leaflet_get_folded (self->leaflet));

  /* Narrowed while a cause (or the questions) is open, keep showing it:
   * the list of causes is one Back away. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "start") != 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
update_actions (SihWindow *self)
{
  gboolean solved = self->kase != NULL && sih_case_get_solved (self->kase);
  GAction *solved_action = g_action_map_lookup_action (G_ACTION_MAP (self), "case-solved");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-solved", self->kase != NULL && !solved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen", solved);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (solved_action), self->kase != NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (solved_action), g_variant_new_boolean (solved));
}

static void
update_case_title (SihWindow *self)
{
  g_autofree char *title = NULL;

  if (self->kase == NULL)
    {
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  /* Its name, or when it was started. */
  title = sih_case_format_title (sih_case_get_title (self->kase), sih_case_get_created (self->kase));
  if (_sih_window_help_desk_mode (self))
    {
      /* On a help desk: the ticket (or the name) and where the case stands. */
      const char *ticket = sih_case_get_ticket (self->kase);
      /* Translators: the case in the header in help-desk mode: its ticket
       * number (or its name) and its status, "HD-4711 · Escalated" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), ticket != NULL ? ticket : title,
                                               sih_status_get_label (sih_case_get_status (self->kase)));
      adw_window_title_set_subtitle (self->content_title, text);
    }
  else if (sih_case_get_solved (self->kase))
    {
      /* Translators: the case's name in the header, when it is solved */
      g_autofree char *solved = g_strdup_printf (_("%s (solved)"), title);
      adw_window_title_set_subtitle (self->content_title, solved);
    }
  else
    adw_window_title_set_subtitle (self->content_title, title);
}

/* Help-desk mode: the call clock */

static gboolean
call_tick_cb (gpointer data)
{
  SihWindow *self = data;

  _sih_window_update_call (self);
  return self->call_tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * _sih_window_dup_call_time:
 *
 * Returns: (transfer full) (nullable): how long the running call has
 *   lasted, in words ("4 minutes 12 seconds"); %NULL when none runs
 */
char *
_sih_window_dup_call_time (SihWindow *self)
{
  const SihCall *call = self->kase != NULL ? sih_case_get_running_call (self->kase) : NULL;
  g_autoptr(GDateTime) now = NULL;

  if (call == NULL)
    return NULL;
  now = sih_case_now (self->kase);
  return sih_time_format_duration (g_date_time_difference (now, call->start));
}

/* Shows the running call's length, and ticks once a second while one
 * runs.  The button's name changes only when the call starts or stops:
 * a screen reader is told the time when it asks (win.say-call-time), not
 * every second. */
void
_sih_window_update_call (SihWindow *self)
{
  gboolean help_desk = self->kase != NULL && _sih_window_help_desk_mode (self);
  const SihCall *call = help_desk ? sih_case_get_running_call (self->kase) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->call_button), help_desk);
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_button), help_desk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-call", help_desk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.say-call-time", help_desk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-ticket", help_desk);

  if (call != NULL)
    {
      g_autoptr(GDateTime) now = sih_case_now (self->kase);
      g_autofree char *clock = sih_time_format_clock (g_date_time_difference (now, call->start));

      gtk_label_set_text (self->call_label, clock);
      if (self->call_tick_id == 0)
        self->call_tick_id = g_timeout_add (1000, call_tick_cb, self);
    }
  else
    g_clear_handle_id (&self->call_tick_id, g_source_remove);

  if (self->call_shown == (call != NULL) && gtk_widget_get_visible (GTK_WIDGET (self->call_label)) == (call != NULL))
    return;

  self->call_shown = call != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->call_label), call != NULL);
  gtk_image_set_from_icon_name (self->call_icon, call != NULL ? "call-stop-symbolic" : "call-start-symbolic");
  sih_accessible_set_label (GTK_WIDGET (self->call_button), call != NULL ? _("Stop Call") : _("Start Call"));
  sih_accessible_set_description (GTK_WIDGET (self->call_button), NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->call_button),
                               call != NULL ? _("Stop Call (Ctrl+Shift+C)") : _("Start Call (Ctrl+Shift+C)"));
  if (call != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->call_button), "sih-call-running");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->call_button), "sih-call-running");
}

/* Outcomes, notes, statuses and calls record who made them: the agent's
 * name from Preferences, in help-desk mode only. */
static void
update_agent (SihWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (self->kase == NULL)
    return;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (_sih_window_help_desk_mode (self) && g_settings_schema_has_key (schema, "agent-name"))
    name = g_settings_get_string (self->settings, "agent-name");
  sih_case_set_agent (self->kase, name);
}

static void
help_desk_changed_cb (SihWindow *self)
{
  update_agent (self);
  update_case_title (self);
  _sih_window_update_call (self);
  if (!_sih_window_help_desk_mode (self) && self->ticket_window != NULL)
    gtk_window_destroy (self->ticket_window);
}

static void
case_notify_cb (SihWindow *self)
{
  update_actions (self);
  update_case_title (self);
}

static void
case_changed_cb (SihWindow *self)
{
  update_case_title (self);
  _sih_window_update_call (self);
}

void
_sih_window_show_toast (SihWindow  *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  /* For tests: toasts queue, so the last one is not always on screen. */
  g_object_set_data_full (G_OBJECT (self), "sih-last-toast", g_object_ref (toast), g_object_unref);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sih_window_get_last_toast:
 *
 * For tests: the last message shown in a toast (the toasts about deleting
 * aside), whether or not it is on screen yet.
 *
 * Returns: (transfer none) (nullable): its title
 */
const char *
sih_window_get_last_toast (SihWindow *self)
{
  AdwToast *toast;

  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);

  toast = g_object_get_data (G_OBJECT (self), "sih-last-toast");
  return toast != NULL ? adw_toast_get_title (toast) : NULL;
}

void
_sih_window_open_case (SihWindow  *self,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCase) kase = NULL;

  if (self->store == NULL)
    return;

  if (self->kase != NULL && g_strcmp0 (sih_case_get_id (self->kase), id) == 0)
    return;

  kase = sih_case_store_load (self->store, id, &error);
  if (kase == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The case could not be opened: %s"), error->message);
      _sih_window_show_toast (self, text);
      return;
    }

  sih_window_set_case (self, kase);
}

static void
case_solved_change_state (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  SihWindow *self = user_data;

  if (self->kase != NULL)
    sih_case_set_solved (self->kase, g_variant_get_boolean (state));
}

typedef struct
{
  SihWindow *self;
  char      *id;
  gboolean   undone;
} PendingDelete;

static void
pending_delete_free (PendingDelete *pending)
{
  g_object_unref (pending->self);
  g_free (pending->id);
  g_free (pending);
}

static void
delete_undo_cb (AdwToast      *toast,
                PendingDelete *pending)
{
  pending->undone = TRUE;
  g_hash_table_remove (pending->self->pending_deletes, pending->id);
  sih_case_store_restore (pending->self->store, pending->id);
}

static void
purge_case (SihWindow  *self,
            const char *id)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !sih_case_store_purge (self->store, id, &error))
    g_warning ("The case %s could not be deleted: %s", id, error->message);
}

/* The file goes only once the toast is gone without Undo, or when the
 * window closes before that. */
static void
delete_dismissed_cb (AdwToast      *toast,
                     PendingDelete *pending)
{
  if (!pending->undone && g_hash_table_remove (pending->self->pending_deletes, pending->id))
    purge_case (pending->self, pending->id);
}

static void
purge_pending_deletes (SihWindow *self)
{
  g_autofree gpointer *ids = NULL;
  guint n;

  ids = g_hash_table_get_keys_as_array (self->pending_deletes, &n);
  for (guint i = 0; i < n; i++)
    purge_case (self, ids[i]);
  g_hash_table_remove_all (self->pending_deletes);
}

void
_sih_window_delete_case (SihWindow  *self,
             const char *id)
{
  PendingDelete *pending;
  AdwToast *toast;

  if (self->store == NULL || !sih_case_store_trash (self->store, id))
    return;

  /* Never keep working in a case that is going away. */
  if (self->kase != NULL && g_strcmp0 (sih_case_get_id (self->kase), id) == 0)
    {
      SihApplication *app = SIH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      g_autoptr(SihCase) kase = sih_application_new_case (app);

      sih_window_set_case (self, kase);
    }

  pending = g_new0 (PendingDelete, 1);
  pending->self = g_object_ref (self);
  pending->id = g_strdup (id);

  toast = adw_toast_new (_("Case deleted"));
  /* Borrowed: the entry goes when the toast is dismissed. */
  g_hash_table_insert (self->pending_deletes, g_strdup (id), toast);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (delete_undo_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (delete_dismissed_cb), pending,
                         (GClosureNotify)(void (*) (void))pending_delete_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sih_window_get_delete_toast:
 * @id: a case deleted from this window
 *
 * For tests: the toast that offers to undo deleting @id.
 *
 * Returns: (transfer none) (nullable): the toast, while it is shown
 */
AdwToast *
sih_window_get_delete_toast (SihWindow  *self,
                             const char *id)
{
  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);
  return g_hash_table_lookup (self->pending_deletes, id);
}

/* "Case imported", and who handed it over when the file says so. */
static void
show_imported_toast (SihWindow *self,
                     SihCase   *kase)
{
  GDateTime *time = sih_case_get_handover_time (kase);
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (time == NULL)
    {
      _sih_window_show_toast (self, _("Case imported"));
      return;
    }

  date = sih_time_format_date_time (time);
  if (sih_case_get_handover_agent (kase) != NULL)
    /* Translators: a toast after importing a case; the first %s is the
     * help desk agent who exported it, the second a date and time */
    text = g_strdup_printf (_("Case imported: handed over by %s on %s"),
                            sih_case_get_handover_agent (kase), date);
  else
    /* Translators: a toast after importing a case; %s is a date and time */
    text = g_strdup_printf (_("Case imported: handed over on %s"), date);
  _sih_window_show_toast (self, text);
}

/* Lets go of the saved case @id, so that an import can replace it: a
 * window showing it moves to a new case, as when it is deleted. */
static void
release_case (SihWindow  *self,
              const char *id)
{
  g_autoptr(SihCase) old = NULL;

  if (self->kase != NULL && g_strcmp0 (sih_case_get_id (self->kase), id) == 0)
    {
      SihApplication *app = SIH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      g_autoptr(SihCase) kase = sih_application_new_case (app);

      sih_window_set_case (self, kase);
    }

  /* The store's copy of it (the one that was open, or the file's). */
  old = sih_case_store_load (self->store, id, NULL);
  if (old != NULL)
    sih_case_store_untrack (self->store, old);
  sih_case_store_flush (self->store, NULL);
}

static gboolean
finish_import (SihWindow       *self,
               SihImport       *import,
               SihImportChoice  choice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihCaseInfo) info = NULL;

  if (choice == SIH_IMPORT_UPDATE)
    release_case (self, sih_case_get_id (import->kase));

  info = sih_case_store_finish_import (self->store, import, choice, &error);
  if (info == NULL)
    {
      sih_show_error_dialog (GTK_WIDGET (self), _("This File Cannot Be Imported"), error->message);
      return FALSE;
    }

  _sih_window_open_case (self, sih_case_info_get_id (info));
  show_imported_toast (self, import->kase);
  return TRUE;
}

static void
import_response_cb (SihAlert   *alert,
                    const char *response,
                    SihWindow  *self)
{
  SihImport *import = g_object_get_data (G_OBJECT (alert), "sih-import");

  if (g_strcmp0 (response, "update") == 0)
    finish_import (self, import, SIH_IMPORT_UPDATE);
  else if (g_strcmp0 (response, "keep-both") == 0)
    finish_import (self, import, SIH_IMPORT_KEEP_BOTH);
}

/* The case in the file is saved here already: the person chooses. */
static void
ask_import (SihWindow *self,
            SihImport *import)
{
  g_autofree char *title = sih_case_format_title (sih_case_info_get_title (import->saved),
                                                  sih_case_info_get_created (import->saved));
  g_autofree char *saved = sih_time_format_date_time (sih_case_info_get_updated (import->saved));
  g_autofree char *file = sih_time_format_date_time (sih_case_get_updated (import->kase));
  g_autofree char *body = NULL;
  SihAlert *alert;

  if (import->conflict == SIH_IMPORT_NEWER)
    /* Translators: importing a case that is saved already; %1$s is its
     * title, %2$s when the saved case last changed, %3$s when the file's */
    body = g_strdup_printf (_("“%1$s” is saved on this computer, last changed %2$s. The file is newer: it was changed %3$s.\n\nUpdate replaces the saved case with the file’s. Keep Both adds the file’s case as a copy."),
                            title, saved, file);
  else
    /* Translators: importing a case that is saved already; %1$s is its
     * title, %2$s when the saved case last changed, %3$s when the file's */
    body = g_strdup_printf (_("“%1$s” is saved on this computer, last changed %2$s. The file is not newer: it was changed %3$s.\n\nKeep Both adds the file’s case as a copy."),
                            title, saved, file);

  alert = sih_alert_new (_("This Case Is Saved Already"), body);
  sih_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sih_alert_add_response (alert, "keep-both", _("_Keep Both"), ADW_RESPONSE_DEFAULT);
  if (import->conflict == SIH_IMPORT_NEWER)
    {
      sih_alert_add_response (alert, "update", _("_Update"), ADW_RESPONSE_SUGGESTED);
      sih_alert_set_default_response (alert, "update");
    }
  else
    sih_alert_set_default_response (alert, "keep-both");
  sih_alert_set_close_response (alert, "cancel");
  g_object_set_data_full (G_OBJECT (alert), "sih-import", import, (GDestroyNotify)sih_import_free);
  g_signal_connect_object (alert, "response", G_CALLBACK (import_response_cb), self, 0);
  sih_alert_present (alert, GTK_WIDGET (self));
}

/**
 * sih_window_import_case:
 *
 * Adds the case in @file to the saved cases and opens it; a file that is
 * not a readable case is refused with the reason.  When a saved case has
 * its id, nothing is added yet: the person is asked whether to update the
 * saved case (only when the file is newer), keep both, or cancel.
 *
 * Returns: whether the file is a case that can be imported (imported, or
 *   waiting for the person's choice)
 */
gboolean
sih_window_import_case (SihWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SihImport) import = NULL;

  g_return_val_if_fail (SIH_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  import = sih_case_store_check_import (self->store, file, &error);
  if (import == NULL)
    {
      sih_show_error_dialog (GTK_WIDGET (self), _("This File Cannot Be Imported"), error->message);
      return FALSE;
    }

  if (import->conflict == SIH_IMPORT_NEW)
    return finish_import (self, import, SIH_IMPORT_ADD);

  ask_import (self, g_steal_pointer (&import));
  return TRUE;
}

gboolean
_sih_window_help_desk_mode (SihWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, "help-desk-mode") &&
         g_settings_get_boolean (self->settings, "help-desk-mode");
}

/* Long paths and file names (a case's is a UUID) have no spaces to wrap
 * at, and would make the dialog wider than a narrow screen: let them break
 * after each "/", "-", "." and "_". */
static char *
breakable_paths (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (strchr ("/-._", *p) != NULL && p[1] != '\0' && !g_ascii_isspace (p[1]))
        g_string_append (out, "\u200B");
    }
  return g_string_free (out, FALSE);
}

void
_sih_window_show_unreadable_details (SihWindow *self)
{
  GPtrArray *unreadable = sih_case_store_get_unreadable (self->store);
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < unreadable->len; i++)
    {
      SihUnreadableCase *report = g_ptr_array_index (unreadable, i);

      g_string_append_printf (body, "%s\n", report->error->message);
      if (report->moved_to != NULL)
        /* Translators: %s is a file's new place */
        g_string_append_printf (body, _("Moved, unchanged, to %s"), report->moved_to);
      else
        g_string_append (body, _("Left where it is."));
      g_string_append (body, "\n\n");
    }
  g_string_append (body, _("Nothing in these files was changed or deleted. Other cases are not affected."));

  {
    g_autofree char *shown = breakable_paths (body->str);

    sih_show_error_dialog (GTK_WIDGET (self), _("Case Files Set Aside"), shown);
  }
}

static void
unreadable_toast_dismissed_cb (SihWindow *self)
{
  self->unreadable_toast = NULL;
}

/* One toast for every file set aside, kept up to date as more are found,
 * saying what Details lists. */
static void
report_unreadable (SihWindow *self)
{
  GPtrArray *unreadable = sih_case_store_get_unreadable (self->store);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (unreadable->len == 0)
    return;

  if (unreadable->len == 1)
    {
      SihUnreadableCase *report = g_ptr_array_index (unreadable, 0);
      g_autofree char *name = g_path_get_basename (report->path);
      /* Translators: %s is a file name */
      text = g_strdup_printf (_("The case file “%s” could not be read and was set aside"), name);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u case file could not be read and was set aside",
                                         "%u case files could not be read and were set aside",
                                         unreadable->len),
                            unreadable->len);
  /* A toast's title is markup; a file name may hold "&" or "<". */
  escaped = g_markup_escape_text (text, -1);

  if (self->unreadable_toast != NULL)
    {
      adw_toast_set_title (self->unreadable_toast, escaped);
      return;
    }

  self->unreadable_toast = adw_toast_new (escaped);
  adw_toast_set_timeout (self->unreadable_toast, 0);
  adw_toast_set_button_label (self->unreadable_toast, _("_Details"));
  adw_toast_set_action_name (self->unreadable_toast, "win.show-unreadable");
  g_signal_connect_object (self->unreadable_toast, "dismissed",
                           G_CALLBACK (unreadable_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, self->unreadable_toast);
}

/**
 * sih_window_get_unreadable_toast:
 *
 * For tests: the toast about case files set aside, while it is shown.
 *
 * Returns: (transfer none) (nullable): the toast
 */
AdwToast *
sih_window_get_unreadable_toast (SihWindow *self)
{
  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);
  return self->unreadable_toast;
}

static void
unreadable_cb (SihWindow  *self,
               const char *path,
               const char *moved_to,
               GError     *error)
{
  report_unreadable (self);
}

/* While anything cannot be saved, a banner says so and why, and stays
 * until saving works again: a toast could be missed during a call. */
/* Why a save failed, in the person's words; other errors say their own. */
static const struct
{
  GIOErrorEnum  code;
  const char   *reason;
} save_failure_reasons[] = {
  { G_IO_ERROR_NO_SPACE, N_("the disk is full") },
  { G_IO_ERROR_PERMISSION_DENIED, N_("the folder of saved cases cannot be written to") },
  { G_IO_ERROR_READ_ONLY, N_("the disk can only be read") },
};

static void
show_save_failure (SihWindow    *self,
                   const GError *error)
{
  GIOErrorEnum code = sih_error_get_io_code (error);
  const char *reason = error->message;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (save_failure_reasons); i++)
    if (save_failure_reasons[i].code == code)
      reason = _(save_failure_reasons[i].reason);

  /* Translators: %s says why, "the disk is full" */
  text = g_strdup_printf (_("Changes are not saved: %s. They are kept while the app is open, "
                            "and saving is tried again."), reason);
  gtk_label_set_text (self->save_banner_label, text);
  /* The whole story, for whoever fixes the disk or the folder. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_banner_label), error->message);
  gtk_revealer_set_reveal_child (self->save_banner, TRUE);
  self->save_failed = TRUE;
}

static void
save_failed_cb (SihWindow    *self,
                SihCase      *kase,
                GError       *error,
                SihCaseStore *store)
{
  show_save_failure (self, error);
}

static void
saved_cb (SihWindow *self)
{
  if (self->save_failed)
    {
      self->save_failed = FALSE;
      gtk_revealer_set_reveal_child (self->save_banner, FALSE);
      _sih_window_show_toast (self, _("The case is saved again"));
    }
}

void
_sih_window_retry_save (SihWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!sih_case_store_flush (self->store, &error))
    show_save_failure (self, error);
}

/**
 * sih_window_get_save_banner:
 *
 * For tests: the banner shown while changes cannot be saved.
 *
 * Returns: (transfer none): the banner's revealer
 */
GtkRevealer *
sih_window_get_save_banner (SihWindow *self)
{
  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);
  return self->save_banner;
}

static void
save_window_state (SihWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
unsaved_response_cb (SihAlert   *alert,
                     const char *response,
                     SihWindow  *self)
{
  if (g_strcmp0 (response, "quit") == 0)
    {
      self->quit_unsaved = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
sih_window_close_request (GtkWindow *window)
{
  SihWindow *self = SIH_WINDOW (window);
  g_autoptr(GError) error = NULL;

  save_window_state (self);
  purge_pending_deletes (self);

  /* Nothing is lost on close: write what is pending now.  If that fails
   * (a full or read-only disk), say so before anything is thrown away. */
  if (self->store != NULL && !self->quit_unsaved && !sih_case_store_flush (self->store, &error))
    {
      SihAlert *alert;
      g_autofree char *body = NULL;

      /* Translators: %s says why */
      body = g_strdup_printf (_("%s\n\nIf you close now, the changes made since the last successful save are lost. Free some space or fix the folder’s permissions, then close again."),
                              error->message);
      alert = sih_alert_new (_("The Case Could Not Be Saved"), body);
      sih_alert_add_response (alert, "keep", _("_Keep Open"), ADW_RESPONSE_DEFAULT);
      sih_alert_add_response (alert, "quit", _("_Close Without Saving"), ADW_RESPONSE_DESTRUCTIVE);
      sih_alert_set_default_response (alert, "keep");
      sih_alert_set_close_response (alert, "keep");
      g_signal_connect_object (alert, "response", G_CALLBACK (unsaved_response_cb), self, 0);
      sih_alert_present (alert, GTK_WIDGET (self));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (sih_window_parent_class)->close_request (window);
}

static void
store_ready_cb (SihWindow      *self,
                SihApplication *app)
{
  gtk_widget_set_sensitive (self->sidebar, TRUE);
  report_unreadable (self);

  /* Reopen the last case, unless one was given in the meantime. */
  if (self->kase == NULL)
    {
      g_autoptr(SihCase) kase = sih_application_open_last_case (app);
      sih_window_set_case (self, kase);
    }

  /* The arrow keys go through the causes from the start, as in a
   * sidebar they should, unless something else has the focus already. */
  if (gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->cause_list));
}

/* "application" is not a construct property, so this runs once it is set. */
static void
setup_for_application (SihWindow      *self,
                       SihApplication *app)
{
  const GError *error;

  self->pack = app != NULL ? sih_application_get_pack (app) : NULL;
  if (self->pack != NULL)
    g_object_ref (self->pack);

  if (self->pack == NULL)
    {
      error = app != NULL ? sih_application_get_pack_error (app) : NULL;
      adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      /* Without content there are no causes to list or search: the
       * sidebar would only say "No Matching Causes".  The error, which
       * names the file and the place in it, is all there is to read. */
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->leaflet));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (child == self->sidebar || GTK_IS_SEPARATOR (child))
          gtk_widget_set_visible (child, FALSE);
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-summary", FALSE);
      return;
    }

  sih_start_page_set_pack (self->start_page, self->pack);
  self->all_causes = gtk_slice_list_model_new (g_object_ref (sih_pack_get_causes (self->pack)),
                                               0, FIRST_LISTED);
  set_sidebar_model (self, G_LIST_MODEL (self->all_causes));
  if (g_list_model_get_n_items (sih_pack_get_causes (self->pack)) > FIRST_LISTED)
    self->listing_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->cause_list),
                                                     list_more_causes_cb, self, NULL);
  if (sih_application_get_pack_warning (app) != NULL)
    {
      /* Translators: %s says why the chosen content pack could not be used */
      g_autofree char *text = g_strdup_printf (_("The chosen content pack could not be used, so the bundled one is shown: %s"),
                                               sih_application_get_pack_warning (app));
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-triage",
                                 sih_pack_get_triage (self->pack) != NULL);
  sih_search_index_new_async (self->pack, NULL, search_index_ready_cb, g_object_ref (self));

  self->store = sih_application_get_store (app);
  if (self->store != NULL)
    {
      g_object_ref (self->store);
      sih_case_list_set_store (self->case_list, self->store, self->pack);
      g_signal_connect_object (self->store, "unreadable", G_CALLBACK (unreadable_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "save-failed", G_CALLBACK (save_failed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "saved", G_CALLBACK (saved_cb), self,
                               G_CONNECT_SWAPPED);
      if (sih_application_is_store_ready (app))
        store_ready_cb (self, app);
      else
        {
          /* Until the saved cases are listed there is no case to record in. */
          gtk_widget_set_sensitive (self->sidebar, FALSE);
          g_signal_connect_object (app, "store-ready", G_CALLBACK (store_ready_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
}

static void
sih_window_dispose (GObject *object)
{
  SihWindow *self = SIH_WINDOW (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_handle_id (&self->call_tick_id, g_source_remove);
  if (self->ticket_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->ticket_window), (gpointer *)&self->ticket_window);
      gtk_window_destroy (self->ticket_window);
      self->ticket_window = NULL;
    }
  if (self->pack_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->pack_toast), (gpointer *)&self->pack_toast);
  self->pack_toast = NULL;
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->search_index, sih_search_index_unref);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
  g_clear_pointer (&self->cause_rows, g_ptr_array_unref);
  stop_listing (self);
  g_clear_object (&self->all_causes);
  g_clear_object (&self->search_results);
  g_clear_object (&self->pack);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sih_window_parent_class)->dispose (object);
}

static void
sih_window_class_init (SihWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sih_window_dispose;
  window_class->close_request = sih_window_close_request;

  g_type_ensure (SIH_TYPE_START_PAGE);
  g_type_ensure (SIH_TYPE_CASE_LIST);
  g_type_ensure (SIH_TYPE_TRIAGE_PAGE);
  g_type_ensure (SIH_TYPE_CAUSE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, cause_list);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, cases_button);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, search_bar);
  gtk_widget_class_bind_template_child_full (widget_class, "cause_search_entry", FALSE, G_STRUCT_OFFSET (SihWindow, search_entry));
  gtk_widget_class_bind_template_child (widget_class, SihWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, triage_page);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, cause_page);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, save_banner_label);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, call_button);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, call_icon);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, call_label);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, ticket_button);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_teardown_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  _sih_window_class_add_actions (widget_class);

  g_type_ensure (SIH_TYPE_TAB_STOP);
}

static void
sih_window_init (SihWindow *self)
{
  g_autoptr(GSimpleAction) solved = NULL;

  /* Before the template: the sidebar's factory adds its rows to it. */
  self->cause_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pending_deletes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->search_results = g_list_store_new (SIH_TYPE_CAUSE);
  self->search_matches = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_signal_connect_object (self->search_button, "toggled", G_CALLBACK (search_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* Typing in the list of causes starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->cause_list));

  /* A check item in the case menu. */
  solved = g_simple_action_new_stateful ("case-solved", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect (solved, "change-state", G_CALLBACK (case_solved_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (solved));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Help-desk mode: the steps give the words to read to the caller. */
  g_settings_bind (self->settings, "help-desk-mode", self->cause_page, "help-desk",
                   G_SETTINGS_BIND_GET);
  _sih_window_watch_help_desk_mode (self);
  g_signal_connect_object (self->settings, "changed::help-desk-mode",
                           G_CALLBACK (help_desk_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::agent-name",
                           G_CALLBACK (update_agent), self, G_CONNECT_SWAPPED);
  self->call_shown = TRUE;  /* so that the first update names the button */
  _sih_window_update_call (self);
}

SihWindow *
sih_window_new (SihApplication *application)
{
  SihWindow *self = g_object_new (SIH_TYPE_WINDOW, "application", application, NULL);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  setup_for_application (self, application);
  if (shortcuts != NULL)
    sih_accessible_name_shortcuts_window (GTK_WINDOW (shortcuts));

  return self;
}

/**
 * sih_window_get_case:
 *
 * Returns: (transfer none) (nullable): the case the window records into
 */
SihCase *
sih_window_get_case (SihWindow *self)
{
  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);
  return self->kase;
}

/**
 * sih_window_set_case:
 *
 * Shows @kase: the sidebar's progress, and the cause it was last on.
 */
/* A case made with another pack */

typedef struct
{
  SihWindow *self;
  char      *case_id;
  char      *pack_id;
  char      *pack_version;
} PackCheck;

static void
pack_check_free (PackCheck *check)
{
  g_object_unref (check->self);
  g_free (check->case_id);
  g_free (check->pack_id);
  g_free (check->pack_version);
  g_free (check);
}

static void
clear_pack_toast (SihWindow *self)
{
  if (self->pack_toast == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->pack_toast), (gpointer *)&self->pack_toast);
  adw_toast_dismiss (self->pack_toast);
  self->pack_toast = NULL;
}

static void
packs_discovered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PackCheck *check = user_data;
  SihWindow *self = check->self;
  g_autoptr(GListModel) packs = sih_pack_catalog_discover_finish (result, NULL);
  g_autoptr(SihPackCatalogEntry) found = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Another case was opened meanwhile. */
  if (self->kase == NULL || g_strcmp0 (sih_case_get_id (self->kase), check->case_id) != 0)
    {
      pack_check_free (check);
      return;
    }

  for (guint i = 0; packs != NULL && i < g_list_model_get_n_items (packs) && found == NULL; i++)
    {
      g_autoptr(SihPackCatalogEntry) entry = g_list_model_get_item (packs, i);

      if (sih_pack_catalog_entry_get_usable (entry) &&
          g_strcmp0 (sih_pack_catalog_entry_get_id (entry), check->pack_id) == 0)
        found = g_steal_pointer (&entry);
    }

  if (found != NULL)
    /* Translators: %s is the title of a content pack */
    text = g_strdup_printf (_("This case was made with the content pack “%s”. Steps it has and "
                              "this one does not are shown by their ids."),
                            sih_pack_catalog_entry_get_title (found));
  else
    /* Translators: %s is the id of a content pack that is not installed */
    text = g_strdup_printf (_("This case was made with the content pack “%s”, which is not "
                              "installed. Steps this pack does not have are shown by their ids."),
                            check->pack_id);
  escaped = g_markup_escape_text (text, -1);

  clear_pack_toast (self);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  if (found != NULL)
    {
      adw_toast_set_button_label (toast, _("_Use That Pack"));
      adw_toast_set_action_name (toast, "win.use-pack");
      adw_toast_set_action_target_value (toast, g_variant_new_string (sih_pack_catalog_entry_get_setting_value (found)));
    }
  self->pack_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&self->pack_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  pack_check_free (check);
}

/* Says so when the case was made with a pack other than the one in use,
 * and offers that pack when it is installed. */
static void
check_case_pack (SihWindow *self)
{
  g_auto(GStrv) dirs = NULL;
  PackCheck *check;

  clear_pack_toast (self);
  if (self->kase == NULL ||
      g_strcmp0 (sih_case_get_pack_id (self->kase), sih_pack_get_id (self->pack)) == 0)
    return;

  check = g_new0 (PackCheck, 1);
  check->self = g_object_ref (self);
  check->case_id = g_strdup (sih_case_get_id (self->kase));
  check->pack_id = g_strdup (sih_case_get_pack_id (self->kase));
  check->pack_version = g_strdup (sih_case_get_pack_version (self->kase));
  dirs = sih_pack_catalog_get_default_dirs ();
  sih_pack_catalog_discover_async ((const char * const *)dirs, NULL, packs_discovered_cb, check);
}

/**
 * sih_window_get_pack_toast:
 *
 * For tests: the toast about a case made with another pack.
 *
 * Returns: (transfer none) (nullable): the toast, while it is shown
 */
AdwToast *
sih_window_get_pack_toast (SihWindow *self)
{
  g_return_val_if_fail (SIH_IS_WINDOW (self), NULL);
  return self->pack_toast;
}

void
sih_window_set_case (SihWindow *self,
                     SihCase   *kase)
{
  g_autofree char *cause_id = NULL;

  g_return_if_fail (SIH_IS_WINDOW (self));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  /* The ticket window shows one case. */
  if (self->ticket_window != NULL && (kase == NULL || kase != self->kase))
    gtk_window_destroy (self->ticket_window);
  g_set_object (&self->kase, kase);
  update_agent (self);
  _sih_window_update_call (self);

  if (self->pack == NULL)
    return;

  /* The rows there are follow the new case.  Setting the model again
   * would do it too, but would make every row again: with a large pack,
   * GTK 4.8 keeps two hundred of them. */
  for (guint i = 0; i < self->cause_rows->len; i++)
    sih_cause_row_set_case (g_ptr_array_index (self->cause_rows, i), kase);

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "notify::solved", G_CALLBACK (case_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "notify::title", G_CALLBACK (case_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self,
                               G_CONNECT_SWAPPED);
      cause_id = g_strdup (sih_case_get_cause_id (kase));
      g_settings_set_string (self->settings, "last-case", sih_case_get_id (kase));
    }
  update_actions (self);
  update_case_title (self);
  check_case_pack (self);
  sih_start_page_set_case (self->start_page, kase);

  /* A fresh page, so that it shows the new case. */
  if (cause_id != NULL && sih_pack_find_cause (self->pack, cause_id) != NULL)
    {
      SihCause *cause = sih_pack_find_cause (self->pack, cause_id);

      _sih_window_select_position (self, find_position (self, cause_id));
      sih_cause_page_show (self->cause_page, self->pack, cause, kase);
      show_cause (self, cause);
    }
  else
    _sih_window_show_start (self);
}

/* For bench/ (src/ui/sih-bench-probe.c): the cause selected in the
 * sidebar and the page shown, to check that a key did what it should. */
char *
sih_window_describe_for_bench (GtkWindow *window)
{
  SihWindow *self = SIH_WINDOW (window);
  SihCause *cause = gtk_single_selection_get_selected_item (self->selection);

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return g_strdup_printf ("selected=%s page=%s focus=%s",
                          cause != NULL ? sih_cause_get_id (cause) : "none",
                          gtk_stack_get_visible_child_name (self->content_stack),
                          focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "none");
}
