/* sih-cause-row.c
 *
 * The sidebar is a GtkListView, so rows are recycled: a row is bound to a
 * cause while it is on screen, and a pack of a thousand causes costs no
 * more than the rows that fit in the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-cause-row.h"
#include "ui/sih-icons.h"

struct _SihCauseRow
{
  GtkWidget      parent_instance;

  SihCause      *cause;
  SihCase       *kase;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *urgency_label;
  GtkLabel      *summary_label;
  GtkLabel      *match_label;
  GtkLabel      *progress_label;
};

G_DEFINE_FINAL_TYPE (SihCauseRow, sih_cause_row, GTK_TYPE_WIDGET)

/**
 * sih_cause_format_progress:
 * @kase: (nullable): the case, if any
 *
 * Returns: (transfer full): "2 of 5 tried" or "2 of 5 tried, 1 worked"
 */
char *
sih_cause_format_progress (SihCause *cause,
                           SihCase  *kase)
{
  guint n_steps = sih_cause_get_n_steps (cause);
  guint worked = 0;
  guint tried = kase != NULL ? sih_case_count_tried (kase, cause, &worked) : 0;

  if (worked > 0)
    /* Translators: progress in the sidebar, e.g. "2 of 5 tried, 1 worked" */
    return g_strdup_printf (_("%u of %u tried, %u worked"), tried, n_steps, worked);

  /* Translators: progress in the sidebar, e.g. "2 of 5 tried" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u tried", "%u of %u tried", n_steps),
                          tried, n_steps);
}

static void
update_accessible_label (SihCauseRow *self)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *label = NULL;

  /* The list item around the row is what takes focus; GTK 4.8 has no API to
   * name it, so name it directly: title, urgency and progress. */
  if (item == NULL || self->cause == NULL)
    return;

  if (gtk_widget_get_visible (GTK_WIDGET (self->urgency_label)))
    label = g_strdup_printf ("%s, %s, %s", sih_cause_get_title (self->cause),
                             gtk_label_get_label (self->urgency_label),
                             gtk_label_get_label (self->progress_label));
  else
    label = g_strdup_printf ("%s, %s", sih_cause_get_title (self->cause),
                             gtk_label_get_label (self->progress_label));

  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  sih_cause_get_summary (self->cause),
                                  -1);
}

static void
update_progress (SihCauseRow *self)
{
  g_autofree char *text = sih_cause_format_progress (self->cause, self->kase);
  guint worked = 0;
  guint tried = self->kase != NULL ? sih_case_count_tried (self->kase, self->cause, &worked) : 0;

  gtk_label_set_label (self->progress_label, text);
  if (worked > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "success");
  if (tried == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "dim-label");

  update_accessible_label (self);
}

static void
step_changed_cb (SihCauseRow *self,
                 const char  *cause_id,
                 const char  *step_id,
                 SihCase     *kase)
{
  if (self->cause != NULL && g_strcmp0 (cause_id, sih_cause_get_id (self->cause)) == 0)
    update_progress (self);
}

static void
sih_cause_row_dispose (GObject *object)
{
  SihCauseRow *self = SIH_CAUSE_ROW (object);

  GtkWidget *child;

  sih_cause_row_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIH_TYPE_CAUSE_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sih_cause_row_parent_class)->dispose (object);
}

static void
sih_cause_row_class_init (SihCauseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_cause_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-cause-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, icon);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, urgency_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, match_label);
  gtk_widget_class_bind_template_child (widget_class, SihCauseRow, progress_label);
}

static void
sih_cause_row_init (SihCauseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sih_cause_row_new (void)
{
  return g_object_new (SIH_TYPE_CAUSE_ROW, NULL);
}

/**
 * sih_cause_row_bind:
 * @kase: (nullable): the case whose progress to show
 *
 * Shows @cause, and keeps its progress up to date until unbound.
 */
void
sih_cause_row_bind (SihCauseRow *self,
                    SihCause    *cause,
                    SihCase     *kase)
{
  g_return_if_fail (SIH_IS_CAUSE_ROW (self));
  g_return_if_fail (SIH_IS_CAUSE (cause));

  sih_cause_row_unbind (self);

  self->cause = g_object_ref (cause);
  sih_cause_image_set (self->icon, cause);
  gtk_label_set_label (self->title_label, sih_cause_get_title (cause));
  gtk_label_set_label (self->summary_label, sih_cause_get_summary (cause));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), sih_cause_get_summary (cause));

  gtk_widget_remove_css_class (GTK_WIDGET (self->urgency_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->urgency_label), "warning");
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
      gtk_widget_set_visible (GTK_WIDGET (self->urgency_label), FALSE);
      break;
    }

  sih_cause_row_set_case (self, kase);
}

/**
 * sih_cause_row_set_case:
 * @kase: (nullable): the case whose progress the row shows
 *
 * Shows the progress recorded in @kase, and follows it.  Cheaper than
 * binding the row again: the window calls it on every row when another
 * case is opened.
 */
void
sih_cause_row_set_case (SihCauseRow *self,
                        SihCase     *kase)
{
  g_return_if_fail (SIH_IS_CAUSE_ROW (self));
  g_return_if_fail (kase == NULL || SIH_IS_CASE (kase));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_set_object (&self->kase, kase);
  if (kase != NULL)
    g_signal_connect_object (kase, "step-changed", G_CALLBACK (step_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* An unbound row shows nothing, and has nothing to update. */
  if (self->cause != NULL)
    update_progress (self);
}

void
sih_cause_row_unbind (SihCauseRow *self)
{
  g_return_if_fail (SIH_IS_CAUSE_ROW (self));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->cause);
}

/**
 * sih_cause_row_get_cause:
 *
 * Returns: (transfer none) (nullable): the cause shown
 */
SihCause *
sih_cause_row_get_cause (SihCauseRow *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_ROW (self), NULL);
  return self->cause;
}

const char *
sih_cause_row_get_progress (SihCauseRow *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_ROW (self), NULL);
  return gtk_label_get_label (self->progress_label);
}

/**
 * sih_cause_row_set_match:
 * @match: (nullable): what a search matched in the cause, or %NULL
 */
void
sih_cause_row_set_match (SihCauseRow *self,
                         const char  *match)
{
  g_return_if_fail (SIH_IS_CAUSE_ROW (self));

  gtk_label_set_label (self->match_label, match != NULL ? match : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->match_label), match);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), match != NULL);
}
