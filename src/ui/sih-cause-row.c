/* sih-cause-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sih-cause-row.h"

struct _SihCauseRow
{
  GtkListBoxRow  parent_instance;

  SihCause      *cause;
  SihCase       *kase;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *urgency_label;
  GtkLabel      *summary_label;
  GtkLabel      *progress_label;
};

G_DEFINE_FINAL_TYPE (SihCauseRow, sih_cause_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_progress (SihCauseRow *self)
{
  guint n_steps = sih_cause_get_n_steps (self->cause);
  guint worked = 0;
  guint tried = self->kase != NULL ? sih_case_count_tried (self->kase, self->cause, &worked) : 0;
  g_autofree char *text = NULL;

  if (worked > 0)
    /* Translators: progress in the sidebar, e.g. "2 of 5 tried, 1 worked" */
    text = g_strdup_printf (_("%u of %u tried, %u worked"), tried, n_steps, worked);
  else
    /* Translators: progress in the sidebar, e.g. "2 of 5 tried" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u tried", "%u of %u tried",
                                         n_steps),
                            tried, n_steps);

  gtk_label_set_label (self->progress_label, text);
  if (worked > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "success");
  if (tried == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "dim-label");
}

static void
step_changed_cb (SihCauseRow *self,
                 const char  *cause_id,
                 const char  *step_id,
                 SihCase     *kase)
{
  if (g_strcmp0 (cause_id, sih_cause_get_id (self->cause)) == 0)
    update_progress (self);
}

static void
sih_cause_row_dispose (GObject *object)
{
  SihCauseRow *self = SIH_CAUSE_ROW (object);

  sih_cause_row_set_case (self, NULL);
  g_clear_object (&self->cause);

  G_OBJECT_CLASS (sih_cause_row_parent_class)->dispose (object);
}

static void
sih_cause_row_class_init (SihCauseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_cause_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-cause-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, icon);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, urgency_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, progress_label);
}

static void
sih_cause_row_init (SihCauseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->urgency_label, self->summary_label, self->progress_label,
                                  NULL, -1);
}

GtkWidget *
sih_cause_row_new (SihCause *cause,
                   SihCase  *kase)
{
  SihCauseRow *self;

  g_return_val_if_fail (SIH_IS_CAUSE (cause), NULL);

  self = g_object_new (SIH_TYPE_CAUSE_ROW, NULL);
  self->cause = g_object_ref (cause);

  gtk_image_set_from_icon_name (self->icon, sih_cause_get_icon_name (cause));
  gtk_label_set_label (self->title_label, sih_cause_get_title (cause));
  gtk_label_set_label (self->summary_label, sih_cause_get_summary (cause));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), sih_cause_get_summary (cause));

  switch (sih_cause_get_urgency (cause))
    {
    case SIH_URGENCY_CRITICAL:
      /* Translators: a badge on causes that need action at once */
      gtk_label_set_label (self->urgency_label, _("Urgent"));
      gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->urgency_label), TRUE);
      break;
    case SIH_URGENCY_HIGH:
      /* Translators: a badge on causes that should be handled soon */
      gtk_label_set_label (self->urgency_label, _("Important"));
      gtk_widget_add_css_class (GTK_WIDGET (self->urgency_label), "warning");
      gtk_widget_set_visible (GTK_WIDGET (self->urgency_label), TRUE);
      break;
    case SIH_URGENCY_NORMAL:
    default:
      break;
    }

  sih_cause_row_set_case (self, kase);

  return GTK_WIDGET (self);
}

SihCause *
sih_cause_row_get_cause (SihCauseRow *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_ROW (self), NULL);
  return self->cause;
}

void
sih_cause_row_set_case (SihCauseRow *self,
                        SihCase     *kase)
{
  g_return_if_fail (SIH_IS_CAUSE_ROW (self));

  if (self->kase == kase)
    return;

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    g_signal_connect_object (kase, "step-changed", G_CALLBACK (step_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (self->cause != NULL)
    update_progress (self);
}

const char *
sih_cause_row_get_progress (SihCauseRow *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_ROW (self), NULL);
  return gtk_label_get_label (self->progress_label);
}
