/* sih-cause-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui/sih-cause-page.h"
#include "ui/sih-icons.h"
#include "ui/sih-step-row.h"
#include "ui/sih-text-widgets.h"

struct _SihCausePage
{
  AdwBin      parent_instance;

  SihPack    *pack;
  SihCause   *cause;
  SihCase    *kase;
  guint       refresh_id;
  gboolean    help_desk;

  GtkScrolledWindow *scroller;
  GtkImage   *icon;
  GtkLabel   *title_label;
  GtkLabel   *summary_label;
  GtkBox     *critical_box;
  GtkListBox *step_list;
  GtkLabel   *orphans_heading;
  GtkListBox *orphans_list;
  GtkBox     *guidance_box;
  GtkLabel   *guidance_label;
  GtkButton  *solved_button;
  GtkButton  *reopen_button;
  GtkButton  *contact_button;
  GtkButton  *summary_button;
  GtkLabel   *escalate_label;
  GtkLabel   *related_heading;
  GtkListBox *related_list;
};

G_DEFINE_FINAL_TYPE (SihCausePage, sih_cause_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HELP_DESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What to do next, said to the person trying (self-service) or to the
 * agent about the caller (help-desk mode). */
typedef enum
{
  GUIDANCE_SOLVED,
  GUIDANCE_WORKED,
  GUIDANCE_ALL_TRIED,
} Guidance;

static const struct
{
  const char *self_service;
  const char *help_desk;
} guidance_texts[] = {
  [GUIDANCE_SOLVED] = {
    N_("This problem is marked as solved. If it comes back, reopen it and carry on where you left off."),
    N_("This problem is marked as solved. If the caller has it again, reopen it and carry on where you left off."),
  },
  [GUIDANCE_WORKED] = {
    N_("A step worked. Can you sign in now? If so, mark the problem as solved."),
    N_("A step worked. Ask whether the caller can sign in now; if so, mark the problem as solved."),
  },
  [GUIDANCE_ALL_TRIED] = {
    N_("You have tried every step here and none of them worked. It is time to contact official support: prepare the summary, which holds what they will ask for."),
    N_("The caller has tried every step here and none of them worked. It is time to send them to official support: prepare the summary, which holds what support will ask for."),
  },
};

static const char *
guidance_text (SihCausePage *self,
               Guidance      guidance)
{
  return gettext (self->help_desk ? guidance_texts[guidance].help_desk
                                  : guidance_texts[guidance].self_service);
}

/* Tell the person what to do next, from what the case records. */
static void
update_guidance (SihCausePage *self)
{
  guint worked = 0;
  guint tried;
  guint n_steps;
  const char *text = NULL;
  gboolean solved;

  if (self->cause == NULL || self->kase == NULL)
    return;

  tried = sih_case_count_tried (self->kase, self->cause, &worked);
  n_steps = sih_cause_get_n_steps (self->cause);
  solved = sih_case_get_solved (self->kase);

  gtk_widget_set_visible (GTK_WIDGET (self->solved_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_button), FALSE);

  if (solved)
    {
      text = guidance_text (self, GUIDANCE_SOLVED);
      gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), TRUE);
    }
  else if (worked > 0)
    {
      text = guidance_text (self, GUIDANCE_WORKED);
      gtk_widget_set_visible (GTK_WIDGET (self->solved_button), TRUE);
    }
  else if (tried == n_steps)
    {
      text = guidance_text (self, GUIDANCE_ALL_TRIED);
      gtk_widget_set_visible (GTK_WIDGET (self->summary_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->contact_button),
                              g_strcmp0 (sih_cause_get_id (self->cause), "contact-support") != 0 &&
                              sih_pack_find_cause (self->pack, "contact-support") != NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->guidance_box), text != NULL);
  if (text != NULL)
    {
      gtk_label_set_label (self->guidance_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->guidance_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

static void
case_changed_cb (SihCausePage *self)
{
  update_guidance (self);
}

static GtkWidget *
create_step_row (gpointer item,
                 gpointer user_data)
{
  SihCausePage *self = user_data;
  GListModel *steps = sih_cause_get_steps (self->cause);
  GtkWidget *row;
  guint position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SihStep) step = g_list_model_get_item (steps, i);
      if (step == item)
        position = i;
    }

  row = sih_step_row_new (self->cause, item, position + 1, self->kase);
  sih_step_row_set_help_desk (SIH_STEP_ROW (row), self->help_desk);
  return row;
}

static gboolean
refresh_times_cb (gpointer user_data)
{
  SihCausePage *self = user_data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (SIH_IS_STEP_ROW (row))
      sih_step_row_refresh_time (SIH_STEP_ROW (row));

  return G_SOURCE_CONTINUE;
}

static void
sih_cause_page_dispose (GObject *object)
{
  SihCausePage *self = SIH_CAUSE_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  g_clear_object (&self->cause);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (sih_cause_page_parent_class)->dispose (object);
}

static void
sih_cause_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SihCausePage *self = SIH_CAUSE_PAGE (object);

  switch (prop_id)
    {
    case PROP_HELP_DESK:
      g_value_set_boolean (value, self->help_desk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_cause_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SihCausePage *self = SIH_CAUSE_PAGE (object);

  switch (prop_id)
    {
    case PROP_HELP_DESK:
      sih_cause_page_set_help_desk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sih_cause_page_class_init (SihCausePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sih_cause_page_dispose;
  object_class->get_property = sih_cause_page_get_property;
  object_class->set_property = sih_cause_page_set_property;

  /**
   * SihCausePage:help-desk:
   *
   * Whether an agent walks a caller through the checklist: the steps show
   * the words to read aloud, and the guidance speaks of the caller.
   */
  properties[PROP_HELP_DESK] =
    g_param_spec_boolean ("help-desk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sih-cause-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, icon);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, critical_box);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, step_list);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, orphans_heading);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, orphans_list);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, guidance_box);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, solved_button);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, contact_button);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, summary_button);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, escalate_label);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, related_heading);
  gtk_widget_class_bind_template_child (widget_class, SihCausePage, related_list);
}

static void
sih_cause_page_init (SihCausePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Relative times ("5 minutes ago") age; refresh them now and then. */
  self->refresh_id = g_timeout_add_seconds (30, refresh_times_cb, self);
}

/**
 * sih_cause_page_set_help_desk:
 * @help_desk: whether an agent walks a caller through the checklist
 */
void
sih_cause_page_set_help_desk (SihCausePage *self,
                              gboolean      help_desk)
{
  g_return_if_fail (SIH_IS_CAUSE_PAGE (self));

  help_desk = !!help_desk;
  if (self->help_desk == help_desk)
    return;
  self->help_desk = help_desk;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (SIH_IS_STEP_ROW (row))
      sih_step_row_set_help_desk (SIH_STEP_ROW (row), help_desk);
  update_guidance (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELP_DESK]);
}

GtkWidget *
sih_cause_page_new (void)
{
  return g_object_new (SIH_TYPE_CAUSE_PAGE, NULL);
}

static void
add_related_row (SihCausePage *self,
                 SihCause     *related)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sih_cause_get_title (related));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sih_cause_get_summary (related));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), sih_cause_image_new (related));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sih_decorative_image_new ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-cause");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sih_cause_get_id (related));
  gtk_list_box_append (self->related_list, row);
}

/* Steps of this cause that a case made with an older pack recorded, but
 * that this pack no longer has: shown, never dropped. */
static void
update_orphans (SihCausePage *self)
{
  GPtrArray *records = sih_case_get_records (self->kase);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->orphans_list))) != NULL)
    gtk_list_box_remove (self->orphans_list, child);

  for (guint i = 0; i < records->len; i++)
    {
      SihStepRecord *record = g_ptr_array_index (records, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (record->cause_id, sih_cause_get_id (self->cause)) != 0 ||
          sih_cause_find_step (self->cause, record->step_id) != NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->step_id);
      if (record->note != NULL)
        subtitle = g_strdup_printf ("%s · %s", sih_outcome_get_label (record->outcome), record->note);
      else
        subtitle = g_strdup (sih_outcome_get_label (record->outcome));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->orphans_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->orphans_heading), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphans_list), n > 0);
}

/**
 * sih_cause_page_show:
 *
 * Shows @cause's checklist with what @kase records for it.
 */
void
sih_cause_page_show (SihCausePage *self,
                     SihPack      *pack,
                     SihCause     *cause,
                     SihCase      *kase)
{
  const char * const *related;
  GtkWidget *child;
  guint n_related = 0;

  g_return_if_fail (SIH_IS_CAUSE_PAGE (self));
  g_return_if_fail (SIH_IS_PACK (pack));
  g_return_if_fail (SIH_IS_CAUSE (cause));
  g_return_if_fail (SIH_IS_CASE (kase));

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);

  g_set_object (&self->pack, pack);
  g_set_object (&self->cause, cause);
  g_set_object (&self->kase, kase);

  sih_cause_image_set (self->icon, cause);
  gtk_label_set_label (self->title_label, sih_cause_get_title (cause));
  gtk_label_set_label (self->summary_label, sih_cause_get_summary (cause));
  gtk_widget_set_visible (GTK_WIDGET (self->critical_box),
                          sih_cause_get_urgency (cause) == SIH_URGENCY_CRITICAL);
  gtk_label_set_label (self->escalate_label, sih_cause_get_escalate (cause));

  gtk_list_box_bind_model (self->step_list, sih_cause_get_steps (cause),
                           create_step_row, self, NULL);

  update_orphans (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_list))) != NULL)
    gtk_list_box_remove (self->related_list, child);
  related = sih_cause_get_related (cause);
  for (guint i = 0; related[i] != NULL; i++)
    {
      SihCause *other = sih_pack_find_cause (pack, related[i]);

      if (other != NULL)
        {
          add_related_row (self, other);
          n_related++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->related_heading), n_related > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_list), n_related > 0);

  g_signal_connect_object (kase, "changed", G_CALLBACK (case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_guidance (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

SihCause *
sih_cause_page_get_cause (SihCausePage *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_PAGE (self), NULL);
  return self->cause;
}

/**
 * sih_cause_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case the steps record into
 */
SihCase *
sih_cause_page_get_case (SihCausePage *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_PAGE (self), NULL);
  return self->kase;
}

GtkListBox *
sih_cause_page_get_step_list (SihCausePage *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_PAGE (self), NULL);
  return self->step_list;
}

/**
 * sih_cause_page_get_guidance:
 *
 * Returns: (nullable): the guidance shown under the steps, if any
 */
const char *
sih_cause_page_get_guidance (SihCausePage *self)
{
  g_return_val_if_fail (SIH_IS_CAUSE_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->guidance_box)))
    return NULL;
  return gtk_label_get_label (self->guidance_label);
}

/* The first field of @widget where text is typed: in a step row, its
 * note (the row has no other). */
static GtkWidget *
find_text_field (GtkWidget *widget)
{
  if ((GTK_IS_EDITABLE (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget))) ||
      (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget))))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_field (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * sih_cause_page_show_note:
 * @step_id: a step of the cause shown
 *
 * Opens the step and puts the keyboard focus in its note, which scrolls
 * it into view, with the password or the code selected: where the summary sends the person to take a password or
 * a code out of a note.
 *
 * Returns: %TRUE if the cause shown has the step and its note took the
 *   focus
 */
gboolean
sih_cause_page_show_note (SihCausePage *self,
                          const char   *step_id)
{
  g_return_val_if_fail (SIH_IS_CAUSE_PAGE (self), FALSE);
  g_return_val_if_fail (step_id != NULL, FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *note;

      if (!SIH_IS_STEP_ROW (row) ||
          g_strcmp0 (sih_step_get_id (sih_step_row_get_step (SIH_STEP_ROW (row))), step_id) != 0)
        continue;

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      note = find_text_field (row);
      return note != NULL && sih_text_widget_focus_secret (note);
    }

  return FALSE;
}
