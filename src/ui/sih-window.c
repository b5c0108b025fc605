/* sih-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sih-cause-page.h"
#include "sih-cause-row.h"
#include "sih-start-page.h"
#include "sih-window.h"

struct _SihWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SihPack              *pack;
  SihCase              *kase;
  gboolean              selecting;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListView          *cause_list;
  GtkSingleSelection   *selection;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  SihStartPage         *start_page;
  SihCausePage         *cause_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (SihWindow, sih_window, ADW_TYPE_APPLICATION_WINDOW)

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
  sih_cause_row_bind (SIH_CAUSE_ROW (gtk_list_item_get_child (item)),
                      gtk_list_item_get_item (item), self->kase);
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
  GListModel *causes = sih_pack_get_causes (self->pack);
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
  adw_window_title_set_title (self->content_title, _("Sign-in Helper"));
}

static void
show_cause (SihWindow *self,
            SihCause  *cause)
{
  if (sih_cause_page_get_cause (self->cause_page) != cause)
    sih_cause_page_show (self->cause_page, self->pack, cause, self->kase);
  gtk_stack_set_visible_child_name (self->content_stack, "cause");
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

  position = cause_id != NULL && self->pack != NULL ? find_position (self, cause_id)
                                                    : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      show_start (self);
      return;
    }

  select_position (self, position);
  show_cause (self, sih_pack_find_cause (self->pack, cause_id));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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
  g_autoptr(SihCause) cause = g_list_model_get_item (sih_pack_get_causes (self->pack), position);

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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-solved", self->kase != NULL && !solved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reopen", solved);
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

static gboolean
sih_window_close_request (GtkWindow *window)
{
  save_window_state (SIH_WINDOW (window));

  return GTK_WINDOW_CLASS (sih_window_parent_class)->close_request (window);
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
  sih_window_set_case (self, sih_application_get_case (app));
}

static void
sih_window_dispose (GObject *object)
{
  SihWindow *self = SIH_WINDOW (object);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
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
  g_type_ensure (SIH_TYPE_CAUSE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, cause_list);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, selection);
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

  gtk_widget_class_install_action (widget_class, "win.select-cause", "s", select_cause_action);
  gtk_widget_class_install_action (widget_class, "win.show-start", NULL, show_start_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.mark-solved", NULL, mark_solved_action);
  gtk_widget_class_install_action (widget_class, "win.reopen", NULL, reopen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-start", NULL);
}

static void
sih_window_init (SihWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
  gtk_single_selection_set_model (self->selection, NULL);
  gtk_single_selection_set_model (self->selection, sih_pack_get_causes (self->pack));

  if (kase != NULL)
    {
      g_signal_connect_object (kase, "notify::solved", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      cause_id = g_strdup (sih_case_get_cause_id (kase));
    }
  update_actions (self);

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
