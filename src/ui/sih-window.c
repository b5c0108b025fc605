/* sih-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sih-window.h"

struct _SihWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkListBox           *cause_list;
  AdwWindowTitle       *content_title;
  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (SihWindow, sih_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_cause_row (gpointer item,
                  gpointer user_data)
{
  SihCause *cause = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sih_cause_get_title (cause));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sih_cause_get_summary (cause));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (sih_cause_get_icon_name (cause)));

  return row;
}

static void
cause_selected_cb (SihWindow     *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  SihPack *pack = sih_application_get_pack (SIH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_autoptr(SihCause) cause = NULL;

  if (row == NULL || pack == NULL)
    return;

  cause = g_list_model_get_item (sih_pack_get_causes (pack), gtk_list_box_row_get_index (row));
  adw_window_title_set_title (self->content_title, sih_cause_get_title (cause));
  adw_status_page_set_title (self->status_page, sih_cause_get_title (cause));
  adw_status_page_set_description (self->status_page, sih_cause_get_summary (cause));
  adw_status_page_set_icon_name (self->status_page, sih_cause_get_icon_name (cause));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
sih_window_constructed (GObject *object)
{
  SihWindow *self = SIH_WINDOW (object);
  SihPack *pack;

  G_OBJECT_CLASS (sih_window_parent_class)->constructed (object);

  pack = sih_application_get_pack (SIH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  if (pack != NULL)
    gtk_list_box_bind_model (self->cause_list, sih_pack_get_causes (pack),
                             create_cause_row, self, NULL);
}

static void
sih_window_class_init (SihWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sih_window_constructed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, cause_list);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SihWindow, status_page);
  gtk_widget_class_bind_template_callback (widget_class, cause_selected_cb);
}

static void
sih_window_init (SihWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SihWindow *
sih_window_new (SihApplication *application)
{
  return g_object_new (SIH_TYPE_WINDOW, "application", application, NULL);
}
