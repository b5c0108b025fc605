/* sih-summary-window.c
 *
 * The support summary: a shell around two pages, Details (what the
 * summary asks about, written straight into the case) and Preview (exactly
 * the text Copy, Save and Print share), with the header bar and the three
 * actions that share it.
 *
 * The window keeps no state that would need saving: the details live in
 * the case, the masking choices only for as long as the window is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/sih-accessible.h"
#include "ui/sih-dialogs.h"
#include "ui/sih-export.h"
#include "ui/sih-print.h"
#include "ui/sih-summary-details.h"
#include "ui/sih-summary-preview.h"
#include "ui/sih-summary-window.h"

struct _SihSummaryWindow
{
  AdwWindow             parent_instance;

  SihCase              *kase;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *view_stack;
  SihSummaryDetails    *details;
  SihSummaryPreview    *preview;
};

G_DEFINE_FINAL_TYPE (SihSummaryWindow, sih_summary_window, ADW_TYPE_WINDOW)

/* Copy, Save, Print */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          sih_summary_preview_get_text (self->preview));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Summary copied")));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);
  g_autoptr(GDateTime) now = sih_case_now (self->kase);
  g_autofree char *file_name = sih_export_file_name (self->kase, now);
  g_autofree char *name = NULL;
  const char *text = sih_summary_preview_get_text (self->preview);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  name = g_strdup_printf ("%s.%s", file_name,
                          sih_export_format_for_summary (sih_summary_preview_get_format (self->preview))->extension);
  sih_export_save_bytes (GTK_WINDOW (self), self->toast_overlay, _("Save Summary"), _("_Save"),
                         name, bytes, _("Could Not Save the Summary"));
}

/* The summary laid out on paper: headings and lists, never the text
 * format's underlines or the Markdown source, whichever the preview shows. */
static gboolean
print_summary (GtkWindow  *parent,
               SihCase    *kase,
               GPtrArray  *blocks,
               GError    **error)
{
  g_autoptr(GDateTime) now = sih_case_now (kase);
  g_autofree char *title = sih_export_document_title (kase);
  g_autofree char *file_name = sih_export_file_name (kase, now);

  return sih_print_blocks (parent, title, file_name, blocks, NULL, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  /* Made now: the dialog runs a main loop, and the case may change meanwhile. */
  g_autoptr(GPtrArray) blocks = sih_summary_preview_dup_blocks (self->preview);

  if (!print_summary (GTK_WINDOW (self), self->kase, blocks, &error))
    sih_show_error_dialog (GTK_WIDGET (self), _("Could Not Print"), error->message);
}

/* "Take These Out": to the field a row is about */

static void
show_field_cb (SihSummaryWindow *self,
               const char       *field)
{
  g_autofree char *cause_id = NULL;
  g_autofree char *step_id = NULL;

  if (sih_summary_parse_note_field (field, &cause_id, &step_id))
    {
      /* A note is edited in the main window, which this one covers:
       * close it and let the main window open the step. */
      g_autoptr(GtkWindow) parent = NULL;
      g_autofree char *target = g_strdup_printf ("%s/%s", cause_id, step_id);

      if (gtk_window_get_transient_for (GTK_WINDOW (self)) == NULL)
        return;
      parent = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (self)));
      gtk_window_close (GTK_WINDOW (self));
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-note", "s", target);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  sih_summary_details_focus_field (self->details, field);
}

/* Pages */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* GObject */

static void
sih_summary_window_dispose (GObject *object)
{
  SihSummaryWindow *self = SIH_SUMMARY_WINDOW (object);

  g_clear_object (&self->kase);

  G_OBJECT_CLASS (sih_summary_window_parent_class)->dispose (object);
}

static void
sih_summary_window_class_init (SihSummaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_summary_window_dispose;

  g_type_ensure (SIH_TYPE_SUMMARY_DETAILS);
  g_type_ensure (SIH_TYPE_SUMMARY_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-summary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, details);
  gtk_widget_class_bind_template_child (widget_class, SihSummaryWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, show_field_cb);

  gtk_widget_class_install_action (widget_class, "summary.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "summary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.show-page", "s", show_page_action);

  /* Text widgets handle Ctrl+C themselves first (their selection). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "summary.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "summary.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  /* The pages by number, as GNOME apps with a view switcher have them, and
   * the previous and next page as tabs are (text views keep Ctrl+Page Up
   * and Down for themselves). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "summary.show-page", "s", "details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_ALT_MASK, "summary.show-page", "s", "details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "summary.show-page", "s", "preview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_ALT_MASK, "summary.show-page", "s", "preview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "summary.show-page", "s", "details");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "summary.show-page", "s", "preview");
}

static void
sih_summary_window_init (SihSummaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* libadwaita 1.2 shows the switchers' icons as images a screen reader
   * reads ("GtkImage"); the pages' names say it all. */
  sih_accessible_hide_images (GTK_WIDGET (self->switcher_title));
  sih_accessible_hide_images (GTK_WIDGET (self->switcher_bar));
}

/**
 * sih_summary_window_new:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise; the window writes the details into it
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Returns: (transfer none): the window, not shown yet
 */
SihSummaryWindow *
sih_summary_window_new (GtkWindow *parent,
                        SihPack   *pack,
                        SihCase   *kase,
                        gboolean   help_desk)
{
  SihSummaryWindow *self;
  g_autoptr(SihDeviceInfo) device = NULL;
  g_auto(GStrv) details = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SIH_IS_PACK (pack), NULL);
  g_return_val_if_fail (SIH_IS_CASE (kase), NULL);

  self = g_object_new (SIH_TYPE_SUMMARY_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->kase = g_object_ref (kase);
  device = sih_export_collect_device_info (pack);

  /* A case with nothing filled in yet opens on the details. */
  details = sih_case_list_details (kase);
  adw_view_stack_set_visible_child_name (self->view_stack,
                                         details == NULL || details[0] == NULL ? "details" : "preview");

  sih_summary_details_set_case (self->details, kase, sih_pack_get_triage (pack), help_desk,
                                device->os_name);
  sih_summary_preview_set_case (self->preview, pack, kase, help_desk, device);

  return self;
}

/**
 * sih_summary_window_present:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Opens the summary, modal to @parent.
 */
void
sih_summary_window_present (GtkWindow *parent,
                            SihPack   *pack,
                            SihCase   *kase,
                            gboolean   help_desk)
{
  SihSummaryWindow *self = sih_summary_window_new (parent, pack, kase, help_desk);

  g_return_if_fail (self != NULL);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * sih_summary_window_get_text:
 *
 * Returns: exactly what Copy, Save and Print share, as the preview shows it
 */
const char *
sih_summary_window_get_text (SihSummaryWindow *self)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_WINDOW (self), NULL);
  return sih_summary_preview_get_text (self->preview);
}

/**
 * sih_summary_window_get_unmask_switch:
 * @field: a field id, as in #SihSummaryFinding
 *
 * Returns: (transfer none) (nullable): the switch that shares @field as
 *   written, if the field has anything masked
 */
GtkSwitch *
sih_summary_window_get_unmask_switch (SihSummaryWindow *self,
                                      const char       *field)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_WINDOW (self), NULL);
  return sih_summary_preview_get_unmask_switch (self->preview, field);
}

/**
 * sih_summary_print:
 * @parent: (nullable): the main window
 * @pack: the pack in use
 * @kase: the case to summarise
 * @help_desk: the case is about a caller's device, not this machine
 *
 * Prints the summary as the preview first shows it: with e-mail addresses
 * and phone numbers masked.  Errors are shown in a dialog.
 */
void
sih_summary_print (GtkWindow *parent,
                   SihPack   *pack,
                   SihCase   *kase,
                   gboolean   help_desk)
{
  g_autoptr(SihDeviceInfo) device = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  SihSummaryOptions options;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CASE (kase));

  sih_summary_options_init (&options);
  sih_summary_apply_mask_preference (&options);
  options.help_desk = help_desk;
  device = sih_export_collect_device_info (pack);
  now = sih_case_now (kase);
  blocks = sih_summary_format_blocks (kase, pack, device, now, &options);
  if (!print_summary (parent, kase, blocks, &error))
    sih_show_error_dialog (GTK_WIDGET (parent), _("Could Not Print"), error->message);
}

/**
 * sih_summary_window_get_secret_row:
 * @field: a field id, as in #SihSummaryFinding
 *
 * Returns: (transfer none) (nullable): the row of "Take These Out" about
 *   @field, if it holds something that looks like a password or a code
 */
GtkWidget *
sih_summary_window_get_secret_row (SihSummaryWindow *self,
                                   const char       *field)
{
  g_return_val_if_fail (SIH_IS_SUMMARY_WINDOW (self), NULL);
  return sih_summary_preview_get_secret_row (self->preview, field);
}
