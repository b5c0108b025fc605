/* sih-window-actions.c: the window's actions (win.*) and their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/sih-handover.h"
#include "ui/sih-accessible.h"
#include "ui/sih-application.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-print.h"
#include "ui/sih-report-window.h"
#include "ui/sih-secret-warning.h"
#include "ui/sih-summary-window.h"
#include "ui/sih-ticket-window.h"
#include "ui/sih-window-private.h"

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
show_triage_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase == NULL || self->pack == NULL || sih_pack_get_triage (self->pack) == NULL)
    return;

  _sih_window_select_position (self, GTK_INVALID_LIST_POSITION);
  sih_triage_page_show (self->triage_page, self->pack, self->kase);
  gtk_stack_set_visible_child_name (self->content_stack, "triage");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-checklist", FALSE);
  adw_window_title_set_title (self->content_title, _("Find the Right Checklist"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  /* On the question, never on an answer that Enter would record. */
  gtk_widget_grab_focus (GTK_WIDGET (self->triage_page));
}

static void
select_cause_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sih_window_select_cause (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "CAUSE/STEP": opens the cause, and the step with its note focused. */
static void
show_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  const char *slash = strchr (target, '/');
  g_autofree char *cause_id = NULL;
  SihCause *shown;

  if (slash == NULL)
    return;
  cause_id = g_strndup (target, slash - target);
  sih_window_select_cause (self, cause_id);

  /* A cause the pack no longer has leaves the start page shown. */
  shown = sih_cause_page_get_cause (self->cause_page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "cause") == 0 &&
      shown != NULL && g_str_equal (sih_cause_get_id (shown), cause_id))
    sih_cause_page_show_note (self->cause_page, slash + 1);
}

static void
show_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  _sih_window_show_start (self);
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
  _sih_window_show_start (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  _sih_window_show_toast (self, _("New case started"));
}

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _sih_window_open_case (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
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
  GtkWidget *box;

  if (self->kase == NULL)
    return;

  alert = sih_alert_new (_("Rename Case"),
                         _("For example the caller’s reference number, or what the problem is about. Do not use passwords or codes."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), sih_case_get_title (self->kase) ? sih_case_get_title (self->kase) : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case name"), -1);
  /* A name is typed like a note: warn when it looks like a password or
   * a code (a reference number named as one, "Caller 4711", does not). */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), sih_secret_warning_new (entry));
  sih_alert_set_extra_child (alert, box);
  sih_alert_add_response (alert, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  sih_alert_add_response (alert, "rename", _("_Rename"), ADW_RESPONSE_SUGGESTED);
  sih_alert_set_default_response (alert, "rename");
  sih_alert_set_close_response (alert, "cancel");
  g_object_set_data (alert, "sih-entry", entry);
  g_signal_connect_object (alert, "response", G_CALLBACK (rename_response_cb), self, 0);
  sih_alert_present (alert, GTK_WIDGET (self));
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sih_window_delete_case (SIH_WINDOW (widget), g_variant_get_string (parameter, NULL));
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
  _sih_window_delete_case (self, id);
}

/* The export dialog's one choice: "true" shares e-mail addresses and
 * phone numbers as written; masked unless the person ticks it. */
#define CONTACTS_CHOICE "contacts"

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    SihWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SihHandoverReport report = { 0, 0 };
  SihMaskFlags mask = SIH_MASK_EMAILS | SIH_MASK_PHONES;

  if (response == GTK_RESPONSE_ACCEPT && self->kase != NULL)
    {
      if (g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CONTACTS_CHOICE),
                     "true") == 0)
        mask = SIH_MASK_NONE;
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (path == NULL || !sih_handover_export (self->kase, path, mask, &report, &error))
        sih_show_error_dialog (GTK_WIDGET (self), _("The Case Could Not Be Exported"),
                           error != NULL ? error->message : _("The place cannot be written to."));
      else if (report.n_withheld > 0)
        _sih_window_show_toast (self, _("Case exported, without passwords or codes"));
      else
        _sih_window_show_toast (self, _("Case exported"));
    }

  g_object_unref (chooser);
}

/* A handover file leaves out what looks like a password or a code, and
 * masks contact details unless the person chooses otherwise: the dialog
 * says both where the choice is made. */
static void
export_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (self->kase == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  title = sih_case_format_title (sih_case_get_title (self->kase), sih_case_get_created (self->kase));
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  name = g_strdup_printf ("%s.json", title);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Without a filter, GTK's dialog shows "(None)" beside the choice. */
  gtk_file_filter_set_name (filter, _("Case files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CONTACTS_CHOICE,
                               _("Show e-mail addresses and phone numbers unmasked "
                                 "(passwords and codes are always left out)"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), CONTACTS_CHOICE, "false");
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
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

static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase != NULL && self->pack != NULL)
    sih_summary_window_present (GTK_WINDOW (self), self->pack, self->kase, _sih_window_help_desk_mode (self));
}

static void
print_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase != NULL && self->pack != NULL)
    sih_summary_print (GTK_WINDOW (self), self->pack, self->kase, _sih_window_help_desk_mode (self));
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

/* The report is for help desks, which keep many cases of many callers; a
 * person at home keeps a few of their own, for whom figures across them
 * would be noise.  So it is offered in help-desk mode only (Preferences),
 * and its menu item is hidden otherwise. */
static void
show_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();
  SihReportWindow *report;

  if (self->store == NULL || !_sih_window_help_desk_mode (self))
    return;

  /* One report window per main window: Ctrl+R again brings it back. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SIH_IS_REPORT_WINDOW (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        {
          gtk_window_present (window);
          return;
        }
    }

  report = sih_report_window_new (GTK_WINDOW (self), self->store, self->pack);
  gtk_window_present (GTK_WINDOW (report));
}

static void
help_desk_mode_changed_cb (SihWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-report",
                                 _sih_window_help_desk_mode (self));
}

void
_sih_window_watch_help_desk_mode (SihWindow *self)
{
  g_signal_connect_object (self->settings, "changed::help-desk-mode",
                           G_CALLBACK (help_desk_mode_changed_cb), self, G_CONNECT_SWAPPED);
  help_desk_mode_changed_cb (self);
}

static void
show_unreadable_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _sih_window_show_unreadable_details (SIH_WINDOW (widget));
}

/* The pack a case was made with, from the next start (as Preferences). */
static void
use_pack_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  g_settings_set_string (self->settings, "content-pack", g_variant_get_string (parameter, NULL));
  _sih_window_show_toast (self, _("The pack is used the next time Sign-in Helper starts"));
}

/* Help-desk mode */

static void
toggle_call_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase == NULL || !_sih_window_help_desk_mode (self))
    return;
  if (sih_case_get_running_call (self->kase) != NULL)
    {
      g_autofree char *length = _sih_window_dup_call_time (self);
      /* Translators: %s is how long the call lasted, "4 minutes 12 seconds" */
      g_autofree char *text = g_strdup_printf (_("Call stopped after %s"), length);

      sih_case_stop_call (self->kase);
      _sih_window_show_toast (self, text);
    }
  else
    /* The clock that appears says so. */
    sih_case_start_call (self->kase);
  _sih_window_update_call (self);
}

/* The time is said when asked, never every second. */
static void
say_call_time_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);
  g_autofree char *length = NULL;
  g_autofree char *text = NULL;

  if (self->kase == NULL || !_sih_window_help_desk_mode (self))
    return;
  length = _sih_window_dup_call_time (self);
  if (length != NULL)
    /* Translators: %s is how long the call has lasted, "4 minutes 12 seconds" */
    text = g_strdup_printf (_("Call time: %s"), length);
  else
    text = g_strdup (_("No call is running"));

  if (!sih_accessible_announce (GTK_WIDGET (self->call_button), text))
    _sih_window_show_toast (self, text);
}

static void
show_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SihWindow *self = SIH_WINDOW (widget);

  if (self->kase == NULL || self->pack == NULL || !_sih_window_help_desk_mode (self))
    return;
  if (self->ticket_window == NULL)
    {
      self->ticket_window = GTK_WINDOW (sih_ticket_window_new (GTK_WINDOW (self), self->pack, self->kase));
      g_object_add_weak_pointer (G_OBJECT (self->ticket_window), (gpointer *)&self->ticket_window);
    }
  gtk_window_present (self->ticket_window);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _sih_window_retry_save (SIH_WINDOW (widget));
}

void
_sih_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.select-cause", "s", select_cause_action);
  gtk_widget_class_install_action (widget_class, "win.show-note", "s", show_note_action);
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
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.use-pack", "s", use_pack_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-triage", NULL, show_triage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-triage", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, print_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print-checklist", NULL, print_checklist_action);
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.show-report", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.show-summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-summary", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-start", NULL);

  gtk_widget_class_install_action (widget_class, "win.toggle-call", NULL, toggle_call_action);
  gtk_widget_class_install_action (widget_class, "win.say-call-time", NULL, say_call_time_action);
  gtk_widget_class_install_action (widget_class, "win.show-ticket", NULL, show_ticket_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-call", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.say-call-time", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-ticket", NULL);
}
