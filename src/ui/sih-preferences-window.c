/* sih-preferences-window.c
 *
 * Preferences: the masking default, help-desk mode and the agent's name
 * (GSettings keys bound to their switches and entry), the content pack to use (the catalog's
 * list, discovered off the main thread; broken packs are shown with their
 * error and cannot be chosen), and deleting every saved case.
 *
 * The window keeps no state of its own: everything it shows is read from
 * GSettings, the pack catalog or the case store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "core/sih-pack-catalog.h"
#include "ui/sih-accessible.h"
#include "ui/sih-preferences-window.h"
#include "ui/sih-dialogs.h"

#define SETTING_VALUE_KEY "sih-setting-value"

struct _SihPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SihApplication       *app;
  GSettings            *settings;
  GListStore           *packs;
  GCancellable         *cancellable;
  GtkCheckButton       *pack_group;      /* weak: the first check, the others join it */
  char                 *pack_folder;
  gboolean              updating_checks;

  GtkSwitch            *mask_switch;
  GtkSwitch            *help_desk_switch;
  AdwEntryRow          *agent_row;
  GtkLabel             *agent_caption;
  GtkListBox           *pack_list;
  AdwActionRow         *pack_folder_row;
  AdwActionRow         *cases_row;
  GtkButton            *delete_all_button;
};

G_DEFINE_FINAL_TYPE (SihPreferencesWindow, sih_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Content packs */

static char *
selected_pack (SihPreferencesWindow *self)
{
  return g_settings_get_string (self->settings, "content-pack");
}

static char *
pack_subtitle (SihPreferencesWindow *self,
               SihPackCatalogEntry  *entry)
{
  const GError *error = sih_pack_catalog_entry_get_error (entry);
  const char *path = sih_pack_catalog_entry_get_path (entry);
  g_autofree char *display_path = path != NULL ? g_filename_display_name (path) : NULL;
  guint n_causes = sih_pack_catalog_entry_get_n_causes (entry);

  if (error != NULL)
    {
      g_autofree char *selected = selected_pack (self);
      g_autofree char *problem = NULL;

      /* The loader's messages start with the file; others get it added. */
      if (display_path != NULL && !g_str_has_prefix (error->message, display_path))
        problem = g_strdup_printf ("%s: %s", display_path, error->message);
      else
        problem = g_strdup (error->message);

      if (g_strcmp0 (selected, sih_pack_catalog_entry_get_setting_value (entry)) == 0)
        /* Translators: %s is what is wrong with the pack, with its file name */
        return g_strdup_printf (_("Cannot be used: %s\nIt is the chosen pack, so Sign-in Helper "
                                  "shows the built-in pack until it is fixed or another is chosen."),
                                problem);
      /* Translators: %s is what is wrong with the pack, with its file name */
      return g_strdup_printf (_("Cannot be used: %s"), problem);
    }

  if (sih_pack_catalog_entry_get_bundled (entry))
    /* Translators: the built-in content pack; %1$s is its version, %2$u how many causes it has */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Built in, version %1$s, %2$u cause",
                                         "Built in, version %1$s, %2$u causes", n_causes),
                            sih_pack_catalog_entry_get_version (entry), n_causes);

  /* Translators: a custom content pack; %1$s is its version, %2$u how many
   * causes it has, %3$s its file */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Version %1$s, %2$u cause, from %3$s",
                                       "Version %1$s, %2$u causes, from %3$s", n_causes),
                          sih_pack_catalog_entry_get_version (entry), n_causes, display_path);
}

static void
update_pack_checks (SihPreferencesWindow *self)
{
  g_autofree char *selected = selected_pack (self);
  GtkListBoxRow *row;

  self->updating_checks = TRUE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->pack_list, i)) != NULL; i++)
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "sih-check");
      const char *value;

      if (check == NULL)
        continue;
      value = g_object_get_data (G_OBJECT (check), SETTING_VALUE_KEY);
      gtk_check_button_set_active (check, g_strcmp0 (value, selected) == 0);
    }
  self->updating_checks = FALSE;
}

static void
pack_toggled_cb (SihPreferencesWindow *self,
                 GtkCheckButton       *check)
{
  const char *value = g_object_get_data (G_OBJECT (check), SETTING_VALUE_KEY);
  g_autofree char *selected = NULL;

  if (self->updating_checks || !gtk_check_button_get_active (check))
    return;

  selected = selected_pack (self);
  if (g_strcmp0 (selected, value) == 0)
    return;

  g_settings_set_string (self->settings, "content-pack", value);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The pack is used the next time "
                                                     "Sign-in Helper starts")));
}

static GtkWidget *
create_pack_row_cb (gpointer item,
                    gpointer user_data)
{
  SihPreferencesWindow *self = user_data;
  SihPackCatalogEntry *entry = item;
  gboolean usable = sih_pack_catalog_entry_get_usable (entry);
  /* A pack that can be chosen is one radio button to a screen reader. */
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "accessible-role", usable ? GTK_ACCESSIBLE_ROLE_RADIO
                                                           : GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                 NULL);
  g_autofree char *subtitle = pack_subtitle (self, entry);
  g_autofree char *selected = selected_pack (self);
  const char *title = sih_pack_catalog_entry_get_title (entry);
  const char *value = sih_pack_catalog_entry_get_setting_value (entry);

  /* Titles, paths and errors come from files: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (usable)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (self->pack_group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->pack_group);
      else
        g_set_weak_pointer (&self->pack_group, GTK_CHECK_BUTTON (check));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (value, selected) == 0);
      g_object_set_data_full (G_OBJECT (check), SETTING_VALUE_KEY, g_strdup (value), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (pack_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      sih_toggle_row_set_toggle (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "sih-check", check);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("This pack cannot be used"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This pack cannot be used"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }

  return row;
}

static void
packs_discovered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SihPreferencesWindow) self = user_data;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected = NULL;
  gboolean selected_listed = FALSE;

  found = sih_pack_catalog_discover_finish (result, &error);
  if (found == NULL)
    return;   /* cancelled: the window is gone */

  selected = selected_pack (self);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      SihPackCatalogEntry *entry = g_list_model_get_item (found, i);

      if (g_strcmp0 (sih_pack_catalog_entry_get_setting_value (entry), selected) == 0)
        selected_listed = TRUE;
      g_ptr_array_add (entries, entry);
    }

  /* A pack chosen from elsewhere (or since removed): show it too, so the
   * choice, and what is wrong with it, stay visible. */
  if (!selected_listed)
    g_ptr_array_add (entries, sih_pack_catalog_entry_new_for_file (selected));

  g_list_store_splice (self->packs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->packs)),
                       entries->pdata, entries->len);
}

static void
open_pack_folder_cb (SihPreferencesWindow *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->pack_folder);
  g_autofree char *uri = g_file_get_uri (folder);

  /* Made on demand, private: a pack may describe internal procedures. */
  if (g_mkdir_with_parents (self->pack_folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = g_strdup_printf (_("The folder could not be created: %s"),
                                                  g_strerror (saved_errno));

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
      return;
    }

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* Deleting every case */

static void
delete_all_response_cb (SihPreferencesWindow *self,
                        const char           *response,
                        SihAlert             *alert)
{
  SihCaseStore *store = sih_application_get_store (self->app);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL)
    return;

  /* The case that was open last is gone too. */
  g_settings_reset (self->settings, "last-case");

  if (!sih_case_store_delete_all (store, &error))
    {
      sih_show_error_dialog (GTK_WIDGET (self), _("Some Cases Could Not Be Deleted"),
                             error->message);
      return;
    }

  /* The open case went with the others: each window starts a new one,
   * which is saved again from now on. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->app)); l != NULL; l = l->next)
    if (l->data != (gpointer)self)
      gtk_widget_activate_action (GTK_WIDGET (l->data), "win.new-case", NULL);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("All cases were deleted")));
}

static void
delete_all_clicked_cb (SihPreferencesWindow *self)
{
  SihCaseStore *store = sih_application_get_store (self->app);
  g_autofree char *folder = NULL;
  g_autofree char *body = NULL;
  SihAlert *alert;

  g_return_if_fail (store != NULL);

  folder = g_filename_display_name (sih_case_store_get_directory (store));
  /* Translators: %s is the folder cases are saved in */
  body = g_strdup_printf (_("Every case saved in %s is deleted, including cases you "
                            "deleted a moment ago and files that were set aside because "
                            "they could not be read. This cannot be undone.\n\n"
                            "Copies you exported or saved elsewhere, such as summaries "
                            "and case files, are not touched."),
                          folder);
  alert = sih_alert_new (_("Delete All Cases?"), body);
  sih_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sih_alert_add_response (alert, "delete", _("_Delete All Cases"), ADW_RESPONSE_DESTRUCTIVE);
  sih_alert_set_default_response (alert, "cancel");
  sih_alert_set_close_response (alert, "cancel");
  g_signal_connect_object (alert, "response", G_CALLBACK (delete_all_response_cb), self,
                           G_CONNECT_SWAPPED);
  sih_alert_present (alert, GTK_WIDGET (self));
}

static void
update_store (SihPreferencesWindow *self)
{
  SihCaseStore *store = sih_application_get_store (self->app);
  g_autofree char *folder = NULL;
  g_autofree char *subtitle = NULL;

  /* Deleting while the store is still being opened would race its listing. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_all_button),
                            store != NULL && sih_application_is_store_ready (self->app));
  if (store == NULL)
    return;

  folder = g_filename_display_name (sih_case_store_get_directory (store));
  /* Translators: %s is the folder cases are saved in */
  subtitle = g_strdup_printf (_("Kept only on this computer, in %s"), folder);
  adw_action_row_set_subtitle (self->cases_row, subtitle);
}

/* The window */

static void
sih_preferences_window_dispose (GObject *object)
{
  SihPreferencesWindow *self = (SihPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIH_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sih_preferences_window_parent_class)->dispose (object);
}

static void
sih_preferences_window_finalize (GObject *object)
{
  SihPreferencesWindow *self = (SihPreferencesWindow *)object;

  g_clear_weak_pointer (&self->pack_group);
  g_clear_object (&self->app);
  g_clear_object (&self->settings);
  g_clear_object (&self->packs);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pack_folder, g_free);

  G_OBJECT_CLASS (sih_preferences_window_parent_class)->finalize (object);
}

static void
sih_preferences_window_class_init (SihPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_preferences_window_dispose;
  object_class->finalize = sih_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sih-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, help_desk_switch);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, agent_row);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, agent_caption);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, pack_list);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, pack_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, cases_row);
  gtk_widget_class_bind_template_child (widget_class, SihPreferencesWindow, delete_all_button);
  gtk_widget_class_bind_template_callback (widget_class, open_pack_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_all_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
sih_preferences_window_init (SihPreferencesWindow *self)
{
  g_auto(GStrv) dirs = sih_pack_catalog_get_default_dirs ();
  g_autofree char *display_folder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "mask-by-default", self->mask_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "help-desk-mode", self->help_desk_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "agent-name", self->agent_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  sih_accessible_name_entry_row (self->agent_row);
  sih_accessible_set_description (GTK_WIDGET (self->agent_row),
                                  gtk_label_get_label (self->agent_caption));
  /* libadwaita 1.2 shows an entry row's pencil as an image without a name. */
  sih_accessible_hide_images (GTK_WIDGET (self->agent_row));
  /* Each setting is one switch to a screen reader, and one Tab stop. */
  sih_toggle_row_set_toggle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->mask_switch),
                                                                      ADW_TYPE_ACTION_ROW)),
                             GTK_WIDGET (self->mask_switch));
  sih_toggle_row_set_toggle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->help_desk_switch),
                                                                      ADW_TYPE_ACTION_ROW)),
                             GTK_WIDGET (self->help_desk_switch));

  /* The person's own folder comes first. */
  self->pack_folder = g_strdup (dirs[0]);
  display_folder = g_filename_display_name (self->pack_folder);
  adw_action_row_set_subtitle (self->pack_folder_row, display_folder);

  self->packs = g_list_store_new (SIH_TYPE_PACK_CATALOG_ENTRY);
  gtk_list_box_bind_model (self->pack_list, G_LIST_MODEL (self->packs),
                           create_pack_row_cb, self, NULL);
  g_signal_connect_object (self->settings, "changed::content-pack",
                           G_CALLBACK (update_pack_checks), self, G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();
  sih_pack_catalog_discover_async ((const char * const *)dirs, self->cancellable,
                                   packs_discovered_cb, g_object_ref (self));
}

/**
 * sih_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @app: the application, for its case store
 *
 * Returns: (transfer floating): a new preferences window
 */
SihPreferencesWindow *
sih_preferences_window_new (GtkWindow      *parent,
                            SihApplication *app)
{
  SihPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIH_IS_APPLICATION (app), NULL);

  self = g_object_new (SIH_TYPE_PREFERENCES_WINDOW,
                       "application", app,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->app = g_object_ref (app);

  update_store (self);
  g_signal_connect_object (app, "store-ready", G_CALLBACK (update_store), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * sih_preferences_window_present:
 * @parent: (nullable): the window it belongs to
 * @app: the application
 *
 * Presents the preferences, reusing the window when it is already open.
 */
void
sih_preferences_window_present (GtkWindow      *parent,
                                SihApplication *app)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SIH_IS_APPLICATION (app));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SIH_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  gtk_window_present (GTK_WINDOW (sih_preferences_window_new (parent, app)));
}

/**
 * sih_preferences_window_get_packs:
 *
 * Returns: (transfer none): the packs listed, empty until they have been
 *   discovered
 */
GListModel *
sih_preferences_window_get_packs (SihPreferencesWindow *self)
{
  g_return_val_if_fail (SIH_IS_PREFERENCES_WINDOW (self), NULL);
  return G_LIST_MODEL (self->packs);
}
