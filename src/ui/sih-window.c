/* sih-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/sih-case-file.h"
#include "ui/sih-case-list.h"
#include "ui/sih-cause-page.h"
#include "ui/sih-cause-row.h"
#include "ui/sih-print.h"
#include "core/sih-search.h"
#include "ui/sih-triage-page.h"
#include "ui/sih-start-page.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-window.h"
#include "ui/sih-dialogs.h"

struct _SihWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SihPack              *pack;
  SihCase              *kase;
  SihCaseStore         *store;
  gboolean              selecting;
  gboolean              save_failed;
  gboolean              quit_unsaved;
  GHashTable           *pending_deletes;  /* ids trashed, waiting for their toast */
  SihSearchIndex       *search_index;
  GListStore           *search_results;   /* SihCause, best first */
  GHashTable           *search_matches;   /* SihCause → what matched (text) */

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListView          *cause_list;
  GtkSingleSelection   *selection;
  GtkMenuButton        *cases_button;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  SihTriagePage        *triage_page;
  SihCaseList          *case_list;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  SihStartPage         *start_page;
  SihCausePage         *cause_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (SihWindow, sih_window, ADW_TYPE_APPLICATION_WINDOW)

static void end_search         (SihWindow   *self);
static void cause_activated_cb (SihWindow   *self,
                                guint        position,
                                GtkListView *list);

static void
cause_item_setup_cb (SihWindow   *self,
                     GtkListItem *item)
{
  gtk_list_item_set_child (item, sih_cause_row_new ());
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

static guint
find_position (SihWindow  *self,
               const char *cause_id)
{
  GListModel *causes = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (causes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SihCause) cause = g_list_model_get_item (causes, i);

      if (g_strcmp0 (sih_cause_get_id (cause), cause_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_position (SihWindow *self,
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

static void
show_start (SihWindow *self)
{
  select_position (self, GTK_INVALID_LIST_POSITION);
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

  if (sih_cause_page_get_cause (self->cause_page) != cause)
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
      show_start (self);
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

  select_position (self, position);
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
  if (gtk_single_selection_get_model (self->selection) != sih_pack_get_causes (self->pack))
    set_sidebar_model (self, sih_pack_get_causes (self->pack));
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
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
show_triage_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase == NULL || self->pack == NULL || sih_pack_get_triage (self->pack) == NULL)
    return;

  select_position (self, GTK_INVALID_LIST_POSITION);
  sih_triage_page_show (self->triage_page, self->pack, self->kase);
  gtk_stack_set_visible_child_name (self->content_stack, "triage");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-checklist", FALSE);
  adw_window_title_set_title (self->content_title, _("Find the Right Checklist"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_child_focus (GTK_WIDGET (self->triage_page), GTK_DIR_TAB_FORWARD);
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

  select_position (self, position);
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
}

static void
select_cause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sih_window_select_cause (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  show_start (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  /* The focus goes back to the list, on the cause the user came from. */
  if (adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK))
    gtk_widget_grab_focus (GTK_WIDGET (self->cause_list));
}

static void
mark_solved_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase == NULL)
    return;
  sih_case_set_solved (self->kase, TRUE);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Marked as solved. Good to hear!")));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase != NULL)
    sih_case_set_solved (self->kase, FALSE);
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

/* A name for the case in the header: its title, or when it was started. */
static char *
case_display_title (SihCase *kase)
{
  return sih_case_format_title (sih_case_get_title (kase), sih_case_get_created (kase));
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

  title = case_display_title (self->kase);
  if (sih_case_get_solved (self->kase))
    {
      /* Translators: the case's name in the header, when it is solved */
      g_autofree char *solved = g_strdup_printf (_("%s (solved)"), title);
      adw_window_title_set_subtitle (self->content_title, solved);
    }
  else
    adw_window_title_set_subtitle (self->content_title, title);
}

static void
case_notify_cb (SihWindow *self)
{
  update_actions (self);
  update_case_title (self);
}

static void
show_toast (SihWindow  *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_case (SihWindow  *self,
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
      show_toast (self, text);
      return;
    }

  sih_window_set_case (self, kase);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  SihApplication *app = SIH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(SihCase) kase = app != NULL ? sih_application_new_case (app) : NULL;

  if (kase == NULL)
    return;

  sih_window_set_case (self, kase);
  show_start (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  show_toast (self, _("New case started"));
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_case (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
rename_response_cb (SihAlert   *alert,
                    const char *response,
                    SihWindow  *self)
{
  GtkEditable *entry = g_object_get_data (alert, "sih-entry");

  if (g_strcmp0 (response, "rename") == 0 && self->kase != NULL)
    sih_case_set_title (self->kase, gtk_editable_get_text (entry));
}

static void
rename_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  SihAlert *alert;
  GtkWidget *entry;

  if (self->kase == NULL)
    return;

  alert = sih_alert_new (_("Rename Case"),
                         _("For example the caller’s reference number, or what the problem is about. Do not use passwords or codes."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), sih_case_get_title (self->kase) ? sih_case_get_title (self->kase) : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case name"), -1);
  sih_alert_set_extra_child (alert, entry);
  sih_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sih_alert_add_response (alert, "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  sih_alert_set_default_response (alert, "rename");
  sih_alert_set_close_response (alert, "cancel");
  g_object_set_data (alert, "sih-entry", entry);
  g_signal_connect_object (alert, "response", G_CALLBACK (rename_response_cb), self, 0);
  sih_alert_present (alert, GTK_WIDGET (self));
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

static void
delete_case (SihWindow  *self,
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

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  delete_case (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
delete_current_case_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  g_autofree char *id = NULL;

  if (self->kase == NULL)
    return;
  id = g_strdup (sih_case_get_id (self->kase));
  delete_case (self, id);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SihWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->kase != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path == NULL || !sih_case_file_save_to_path (self->kase, path, &error))
        sih_show_error_dialog (GTK_WIDGET (self), _("The Case Could Not Be Exported"),
                           error != NULL ? error->message : _("The place cannot be written to."));
      else
        show_toast (self, _("Case exported"));
    }

  g_object_unref (chooser);
}

static void
export_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->kase == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  title = case_display_title (self->kase);
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  name = g_strdup_printf ("%s.json", title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

/**
 * sih_window_import_case:
 *
 * Adds the case in @file to the saved cases and opens it; a file that is
 * not a readable case is refused with the reason.
 *
 * Returns: whether it was imported
 */
gboolean
sih_window_import_case (SihWindow *self,
                        GFile     *file)
{
  g_autoptr(GError) error = NULL;
  SihCaseInfo *info;

  g_return_val_if_fail (SIH_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  info = sih_case_store_import (self->store, file, &error);
  if (info == NULL)
    {
      sih_show_error_dialog (GTK_WIDGET (self), _("This File Cannot Be Imported"), error->message);
      return FALSE;
    }

  open_case (self, sih_case_info_get_id (info));
  show_toast (self, _("Case imported"));
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SihWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      sih_window_import_case (self, file);
    }

  g_object_unref (chooser);
}

static void
import_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Case files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
help_desk_mode (SihWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, "help-desk-mode") &&
         g_settings_get_boolean (self->settings, "help-desk-mode");
}

static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase != NULL && self->pack != NULL)
    sih_summary_window_present (GTK_WINDOW (self), self->pack, self->kase, help_desk_mode (self));
}

static void
print_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase != NULL && self->pack != NULL)
    sih_summary_print (GTK_WINDOW (self), self->pack, self->kase, help_desk_mode (self));
}

static void
print_checklist_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  SihCause *cause = sih_cause_page_get_cause (self->cause_page);

  if (cause != NULL && self->pack != NULL)
    sih_print_checklist (GTK_WINDOW (self), self->pack, cause);
}

static void
show_unreadable_details (SihWindow *self)
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

  sih_show_error_dialog (GTK_WIDGET (self), _("Some Saved Cases Could Not Be Read"), body->str);
}

static void
report_unreadable (SihWindow *self)
{
  GPtrArray *unreadable = sih_case_store_get_unreadable (self->store);
  g_autofree char *text = NULL;
  AdwToast *toast;

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

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-unreadable");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_unreadable_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_unreadable_details (SIH_WINDOW (widget));
}

static void
unreadable_cb (SihWindow  *self,
               const char *path,
               const char *moved_to,
               GError     *error)
{
  report_unreadable (self);
}

static void
save_failed_cb (SihWindow    *self,
                SihCase      *kase,
                GError       *error,
                SihCaseStore *store)
{
  g_autofree char *text = NULL;

  /* Say it once, not on every retry. */
  if (self->save_failed)
    return;
  self->save_failed = TRUE;

  /* Translators: %s says why; the case stays open and is saved later */
  text = g_strdup_printf (_("The case could not be saved: %s. It stays open and will be saved as soon as possible."),
                          error->message);
  show_toast (self, text);
}

static void
saved_cb (SihWindow *self)
{
  if (self->save_failed)
    {
      self->save_failed = FALSE;
      show_toast (self, _("The case is saved again"));
    }
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
      return;
    }

  sih_start_page_set_pack (self->start_page, self->pack);
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
  g_clear_object (&self->kase);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);
  g_clear_pointer (&self->search_index, sih_search_index_unref);
  g_clear_pointer (&self->search_matches, g_hash_table_unref);
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
  gtk_widget_class_bind_template_callback (widget_class, cause_item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_item_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.select-cause", "s", select_cause_action);
  gtk_widget_class_install_action (widget_class, "win.show-start", NULL, show_start_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.mark-solved", NULL, mark_solved_action);
  gtk_widget_class_install_action (widget_class, "win.reopen", NULL, reopen_action);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.open-case", "s", open_case_action);
  gtk_widget_class_install_action (widget_class, "win.rename-case", NULL, rename_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", "s", delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-current-case", NULL,
                                   delete_current_case_action);
  gtk_widget_class_install_action (widget_class, "win.export-case", NULL, export_case_action);
  gtk_widget_class_install_action (widget_class, "win.import-case", NULL, import_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-unreadable", NULL, show_unreadable_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-triage", NULL, show_triage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-triage", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, print_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print-checklist", NULL, print_checklist_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.show-summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-summary", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-start", NULL);
}

static void
sih_window_init (SihWindow *self)
{
  g_autoptr(GSimpleAction) solved = NULL;

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
}

SihWindow *
sih_window_new (SihApplication *application)
{
  SihWindow *self = g_object_new (SIH_TYPE_WINDOW, "application", application, NULL);

  setup_for_application (self, application);

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
void
sih_window_set_case (SihWindow *self,
                     SihCase   *kase)
{
  g_autofree char *cause_id = NULL;

  g_return_if_fail (SIH_IS_WINDOW (self));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);

  if (self->pack == NULL)
    return;

  /* Setting the model again rebinds every row to the new case. */
  {
    g_autoptr(GListModel) model = gtk_single_selection_get_model (self->selection)
                                  ? g_object_ref (gtk_single_selection_get_model (self->selection))
                                  : g_object_ref (sih_pack_get_causes (self->pack));
    set_sidebar_model (self, model);
  }

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "notify::solved", G_CALLBACK (case_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kase, "notify::title", G_CALLBACK (case_notify_cb), self,
                               G_CONNECT_SWAPPED);
      cause_id = g_strdup (sih_case_get_cause_id (kase));
      g_settings_set_string (self->settings, "last-case", sih_case_get_id (kase));
    }
  update_actions (self);
  update_case_title (self);
  sih_start_page_set_case (self->start_page, kase);

  /* A fresh page, so that it shows the new case. */
  if (cause_id != NULL && sih_pack_find_cause (self->pack, cause_id) != NULL)
    {
      SihCause *cause = sih_pack_find_cause (self->pack, cause_id);

      select_position (self, find_position (self, cause_id));
      sih_cause_page_show (self->cause_page, self->pack, cause, kase);
      show_cause (self, cause);
    }
  else
    show_start (self);
}
